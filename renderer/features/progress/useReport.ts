// Everything the progress screens show about one report, read from Dexie and decided by the core.
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { IsoDate, ItemId, PeriodKey, PlanId, UnitId } from '../../../shared/model/ids';
import type { Plan, PlanDocument } from '../../../shared/model/plan';
import type { ReportPayload } from '../../../shared/model/report';
import { currentPeriod, localDate, reportingPeriods } from '../../../shared/periods/calendar';
import { periodKey } from '../../../shared/periods/keys';
import { parseStrictJson } from '../../../shared/packages';
import { indexDirectory } from '../../../shared/units/directory';
import { rolesForUnit } from '../../../shared/units/assignment';
import {
  assignedItems, buildReportPayload, checkCompleteness, diffReports, readReportPayload, reportState,
  type AssignedItem, type OpenComment, type Problem, type ProgressRow, type ReportChange, type ReportState,
} from '../../../shared/progress';
import { openComments } from '../../../shared/receipts/forUnit';
import { useDb } from '../../db/context';
import type { ExportedPackageRecord, SequenceRecord } from '../../db/records';
import { usePlanDocument } from '../plans/plansRepo';
import { unitsRepo } from '../units/unitsRepo';
import { progressRepo, toProgressRow, type ReportKey } from './progressRepo';
import { receiptRepo } from './receiptRepo';

export const todayVn = (): IsoDate => localDate(Date.now());

/** The periods a plan reports for (its first calendar kind) and the one to open by default. */
export function planPeriods(plan: Plan, today: IsoDate): { periods: PeriodKey[]; current: PeriodKey | null } {
  const kinds = reportingPeriods(plan);
  const first = kinds[0];
  if (!first) return { periods: [], current: null };
  const cur = currentPeriod(plan.calendar, first.kind, today, plan);
  return { periods: first.periods, current: cur ? periodKey(cur) : first.periods[first.periods.length - 1] ?? null };
}

export type ReportModel = {
  key: ReportKey;
  doc: PlanDocument;
  assigned: AssignedItem[];
  /** False when the unit's roles are unknown and every item is shown. */
  rolesKnown: boolean;
  rows: ProgressRow[];
  rowsById: ReadonlyMap<ItemId, ProgressRow>;
  narrative: string;
  /** False while a narrative carried from the last period is not re-confirmed. */
  narrativeConfirmed: boolean;
  report: SequenceRecord | undefined;
  exported: ExportedPackageRecord[];
  lastExport: ExportedPackageRecord | null;
  payload: ReportPayload;
  problems: Problem[];
  state: ReportState;
  changes: ReportChange[];
  /** Comments of a returned report this unit still answers (from the stored receipt). */
  comments: OpenComment[];
};

const decoder = (rec: ExportedPackageRecord | null): ReportPayload | null => {
  if (!rec) return null;
  const parsed = parseStrictJson(rec.bytes);
  return parsed.ok ? readReportPayload(parsed.value) : null;
};

/** undefined while loading; null when the plan is missing. */
export function useReport(unitId: UnitId, planId: PlanId | null, period: PeriodKey | null): ReportModel | null | undefined {
  const db = useDb();
  const doc = usePlanDocument(planId);
  const directoryData = useLiveQuery(() => unitsRepo.directory(db), [db]);
  const key = useMemo<ReportKey | null>(() => (planId && period ? { unitId, planId, period } : null), [unitId, planId, period]);
  const rows = useLiveQuery(async () => (key ? (await progressRepo.rows(db, key)).map(toProgressRow) : []), [db, key]);
  const report = useLiveQuery(async () => (key ? progressRepo.report(db, key) : undefined), [db, key]);
  const exported = useLiveQuery(async () => (key ? progressRepo.exported(db, key) : []), [db, key]);
  const receipt = useLiveQuery(async () => (key ? receiptRepo.get(db, key.planId, key.period) : null), [db, key]);

  const assignment = useMemo(() => {
    if (!doc) return null;
    let roles = null;
    if (directoryData && directoryData.units.length > 0) {
      try { roles = rolesForUnit(doc, indexDirectory(directoryData), unitId); } catch { roles = null; }
    }
    const known = roles !== null && roles.size > 0;
    return { items: assignedItems(doc, known ? roles : null), known };
  }, [doc, directoryData, unitId]);

  const lastExport = exported && exported.length > 0 ? exported[exported.length - 1] ?? null : null;
  const lastPayload = useMemo(() => decoder(lastExport), [lastExport]);

  return useMemo(() => {
    if (doc === null) return null;
    if (!doc || !assignment || !key || !rows || !exported || receipt === undefined) return undefined;
    const items = assignment.items.map((a) => a.item);
    const narrative = report?.narrative ?? '';
    const narrativeConfirmed = report?.narrativeConfirmed !== false;
    const payload = buildReportPayload(items, rows, narrative);
    const comments = receipt ? openComments(receipt.received, key.unitId, exported, receipt.packageId) : [];
    const last = lastExport ? { sequence: lastExport.sequence, exportedAt: lastExport.exportedAt, payload: lastPayload } : null;
    return {
      key, doc, assigned: assignment.items, rolesKnown: assignment.known, rows,
      rowsById: new Map(rows.map((r) => [r.itemId, r])), narrative, narrativeConfirmed, report, exported, lastExport,
      payload, problems: checkCompleteness(items, rows, { confirmed: narrativeConfirmed }, comments), state: reportState(rows, last, payload),
      changes: diffReports(lastPayload, payload), comments,
    };
  }, [doc, assignment, key, rows, report, exported, lastExport, lastPayload, receipt]);
}
