// The dashboard's data: the same sources as the printed reports (reportDocuments.ts), and the
// plan's periods so far consolidated one by one by the core (shared/report/history.ts).
import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { PeriodKey, UnitId } from '../../../shared/model/ids';
import type { PlanDocument } from '../../../shared/model/plan';
import { dataWindow, reportingPeriods } from '../../../shared/periods/calendar';
import { parsePeriodKey, type Period } from '../../../shared/periods/keys';
import { expectedChildren } from '../../../shared/receipts';
import { disbursementByYear, periodsUntil, submissionHistory, type PeriodHistory, type YearMoney } from '../../../shared/report/history';
import type { ReportSource } from '../../../shared/report/source';
import { useDb } from '../../db/context';
import { receivedRepo } from '../consolidation/receivedRepo';
import { useConsolidation, type ConsolidationView } from '../consolidation/useConsolidation';
import { useReport, type ReportModel } from '../progress/useReport';
import { consolidatedSourceOf, countedReports, unitSourceOf } from '../report/reportDocuments';
import { useDirectory } from '../units/unitsRepo';

export type History = { periods: PeriodHistory[]; years: YearMoney[]; hasProjects: boolean };

/** Every period of the plan up to `until`, its board counts and projects' money, from the stored packages. */
export function useHistory(self: UnitId, doc: PlanDocument | null | undefined, until: PeriodKey | null): History | undefined {
  const db = useDb();
  const directory = useDirectory();
  const planId = doc?.plan.id ?? null;
  const rows = useLiveQuery(async () => (planId ? receivedRepo.forPlan(db, planId) : []), [db, planId]);
  return useMemo(() => {
    const last = until ? parsePeriodKey(until) : null;
    if (!doc || !directory || !rows || !last) return undefined;
    const calendar = doc.plan.calendar;
    const all = reportingPeriods(doc.plan).flatMap((k) => k.periods).flatMap((k) => {
      const p = parsePeriodKey(k);
      return p ? [p] : [];
    });
    // What the consolidation screen counts: verified files, not set aside after a conflict.
    const submissions = rows.filter((r) => r.reason === 'ok' && !r.setAside).flatMap((r) => r.submissions);
    const expected = (p: Period) => expectedChildren(directory, self, dataWindow(calendar, p)).expected;
    const periods = submissionHistory({
      planId: doc.plan.id, calendar, items: doc.items, periods: periodsUntil(all, last), submissions, expected,
      consolidatingUnitId: expectedChildren(directory, self, dataWindow(calendar, last)).consolidating,
    });
    return { periods, years: disbursementByYear(periods), hasProjects: doc.items.some((i) => i.kind === 'project') };
  }, [doc, directory, rows, self, until]);
}

/** The consolidated view of the period and its report source (null when the source cannot be built). */
export function useConsolidatedSource(self: UnitId, doc: PlanDocument | null | undefined, period: PeriodKey | null):
  { view: ConsolidationView; source: ReportSource | null } | null | undefined {
  const db = useDb();
  const view = useConsolidation(self, doc?.plan.id ?? null, period);
  // The counted reports are read whole for it (the view holds heads only); the source built for
  // the last view of the same plan and period stays shown meanwhile.
  const [built, setBuilt] = useState<{ view: ConsolidationView; source: ReportSource | null } | null>(null);
  useEffect(() => {
    if (!view) return;
    let current = true;
    void countedReports(db, view).then((reports) => { if (current) setBuilt({ view, source: consolidatedSourceOf(view, reports) }); });
    return () => { current = false; };
  }, [db, view]);
  if (!view) return view;
  return built && built.view.doc.plan.id === view.doc.plan.id && built.view.periodKey === view.periodKey ? built : undefined;
}

/** One unit's own report for the period and its report source. */
export function useUnitSource(self: UnitId, doc: PlanDocument | null | undefined, period: PeriodKey | null):
  { model: ReportModel; source: ReportSource | null } | null | undefined {
  const directory = useDirectory();
  const model = useReport(self, doc?.plan.id ?? null, period);
  return useMemo(() => {
    if (model === null) return null;
    if (!model || !directory || !period) return undefined;
    return { model, source: unitSourceOf({ doc: model.doc, unitId: self, period, payload: model.payload, directory }) };
  }, [model, directory, self, period]);
}
