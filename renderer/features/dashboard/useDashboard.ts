// The dashboard's data: the same sources as the printed reports (reportDocuments.ts), and the
// plan's periods so far consolidated one by one by the core (shared/report/history.ts).
import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { PeriodKey, UnitId } from '../../../shared/model/ids';
import type { PlanDocument } from '../../../shared/model/plan';
import { dataWindow, reportingPeriods } from '../../../shared/periods/calendar';
import { parsePeriodKey, periodKey } from '../../../shared/periods/keys';
import { expectedChildren } from '../../../shared/receipts';
import { disbursementByYear, periodsUntil, type PeriodHistory, type YearMoney } from '../../../shared/report/history';
import type { ReportSource } from '../../../shared/report/source';
import { useDb } from '../../db/context';
import { planHistory } from '../consolidation/receivedRepo';
import { useConsolidation, type ConsolidationView } from '../consolidation/useConsolidation';
import type { HistoryFacts } from '../../workers/consolidatePeriod';
import { useReport, type ReportModel } from '../progress/useReport';
import { consolidatedSourceOf, countedReports, unitSourceOf } from '../report/reportDocuments';
import { useDirectory } from '../units/unitsRepo';

export type History = { periods: PeriodHistory[]; years: YearMoney[]; hasProjects: boolean };

/**
 * Every period of the plan up to `until`, its board counts and projects' money, from the stored
 * packages: every row of the plan, read and consolidated period by period in the consolidation
 * worker (a province's 3,321 rows a period, read here, held the screen for 1.5 s).
 */
export function useHistory(self: UnitId, doc: PlanDocument | null | undefined, until: PeriodKey | null): History | undefined {
  const db = useDb();
  const directory = useDirectory();
  const facts = useMemo((): HistoryFacts | null => {
    const last = until ? parsePeriodKey(until) : null;
    if (!doc || !directory || !last) return null;
    const calendar = doc.plan.calendar;
    const all = reportingPeriods(doc.plan).flatMap((k) => k.periods).flatMap((k) => {
      const p = parsePeriodKey(k);
      return p ? [p] : [];
    });
    const periods = periodsUntil(all, last);
    const expected = Object.fromEntries(periods.map((p) => [periodKey(p), expectedChildren(directory, self, dataWindow(calendar, p)).expected]));
    return {
      planId: doc.plan.id, calendar, items: doc.items, periods, expected,
      consolidatingUnitId: expectedChildren(directory, self, dataWindow(calendar, last)).consolidating,
    };
  }, [doc, directory, self, until]);
  const periods = useLiveQuery(async () => (facts ? planHistory(db, facts) : null), [db, facts]);
  return useMemo(() => (facts && periods
    ? { periods, years: disbursementByYear(periods), hasProjects: facts.items.some((i) => i.kind === 'project') }
    : undefined), [facts, periods]);
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
