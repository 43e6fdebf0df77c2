// Glue between the app's data and the core's report model: the core builds the document.
import type { PeriodKey, UnitId } from '../../../shared/model/ids';
import type { PlanDocument } from '../../../shared/model/plan';
import type { ReportPayload } from '../../../shared/model/report';
import type { SummaryUnit, UnitReport } from '../../../shared/consolidation';
import { parsePeriodKey } from '../../../shared/periods/keys';
import { buildReportDocument } from '../../../shared/report/document';
import { consolidatedReportSource, unitReportSource, type ReportSource } from '../../../shared/report/source';
import type { ReportDocument } from '../../../shared/report/types';
import type { Directory } from '../../../shared/units/directory';
import type { PlanBookDb } from '../../db/database';
import { submissionAt, wholeRowsOf } from '../consolidation/receivedRepo';
import type { ConsolidationView } from '../consolidation/useConsolidation';

const summaryUnit = (directory: Directory, id: string): SummaryUnit | null => {
  const u = directory.units.get(id);
  return u ? { id: u.id, name: u.name, parentId: u.parentId } : null;
};

type UnitInput = { doc: PlanDocument; unitId: UnitId; period: PeriodKey; payload: ReportPayload; directory: Directory };

/** What one unit's report for a period is made of (the report and the dashboard read the same). */
export function unitSourceOf(input: UnitInput): ReportSource | null {
  const period = parsePeriodKey(input.period);
  const unit = summaryUnit(input.directory, input.unitId) ?? { id: input.unitId, name: input.unitId, parentId: null };
  if (!period) return null;
  const parent = unit.parentId ? summaryUnit(input.directory, unit.parentId) : null;
  return unitReportSource({ plan: input.doc, unit, parent, period, report: input.payload });
}

/** One unit's report for a period, in the official format. */
export function unitReportDocument(input: UnitInput): ReportDocument | null {
  const source = unitSourceOf(input);
  return source ? buildReportDocument(source) : null;
}

/**
 * The reports the view counts, read whole: the screens hold only the rows' heads, and the
 * consolidated report names every unit's results (read when it is opened, never before).
 */
export async function countedReports(db: PlanBookDb, view: ConsolidationView): Promise<UnitReport[]> {
  const whole = await wholeRowsOf(db, view.result.counted.map((c) => c.ref));
  return view.result.counted.flatMap((c) => {
    const report = submissionAt(whole, c.ref)?.report;
    return report ? [{ unitId: c.unitId, report }] : [];
  });
}

/** What the consolidated report of the period is made of: roll-ups from the core's summary, and the counted reports. */
export function consolidatedSourceOf(view: ConsolidationView, reports: readonly UnitReport[]): ReportSource | null {
  const units = [...view.directory.units.values()].map((u) => ({ id: u.id, name: u.name, parentId: u.parentId }));
  const source = consolidatedReportSource({ plan: view.doc, summary: view.result.summary, reports, unitId: view.consolidating, units });
  return source.ok ? source.source : null;
}

/** The consolidated report of what this unit received for the period, in the official format. */
export async function consolidatedReportDocument(db: PlanBookDb, view: ConsolidationView): Promise<ReportDocument | null> {
  const source = consolidatedSourceOf(view, await countedReports(db, view));
  return source ? buildReportDocument(source) : null;
}
