// Everything the consolidation tabs show for one plan and period, computed by the core from the
// stored rows: who is expected (directory), the submissions (received rows), the consolidation.
import { useMemo } from 'react';
import { consolidate, type Consolidation, type Resolution, type Review } from '../../../shared/consolidation';
import type { PeriodKey, PlanId, UnitId } from '../../../shared/model/ids';
import type { PlanDocument } from '../../../shared/model/plan';
import { dataWindow, dueDate } from '../../../shared/periods/calendar';
import { parsePeriodKey, type Period } from '../../../shared/periods/keys';
import { expectedChildren } from '../../../shared/receipts';
import type { Directory } from '../../../shared/units/directory';
import type { ReceivedPackageRecord } from '../../db/records';
import { usePlanDocument } from '../plans/plansRepo';
import { useDirectory } from '../units/unitsRepo';
import { useReceivedForPeriod } from './receivedRepo';

export type ConsolidationView = {
  doc: PlanDocument;
  directory: Directory;
  period: Period;
  periodKey: PeriodKey;
  due: string;
  consolidating: UnitId;
  rows: ReceivedPackageRecord[];
  result: Consolidation;
  resolutions: ReadonlyMap<string, Resolution>;
  name: (id: string) => string;
};

/** The latest review per unit: what the board shows while it concerns the latest sequence. */
function reviewsOf(rows: readonly ReceivedPackageRecord[]): Map<UnitId, Review> {
  const map = new Map<UnitId, Review>();
  for (const r of rows) {
    if (!r.review || r.unitId === null || r.sequence === null) continue;
    const current = map.get(r.unitId as UnitId);
    if (!current || current.sequence < r.sequence) map.set(r.unitId as UnitId, { state: r.review.state, sequence: r.sequence });
  }
  return map;
}

export function useConsolidation(selfUnit: UnitId, planId: PlanId | null, periodKey: PeriodKey | null): ConsolidationView | null | undefined {
  const doc = usePlanDocument(planId);
  const directory = useDirectory();
  const rows = useReceivedForPeriod(planId, periodKey);
  return useMemo(() => {
    if (doc === undefined || directory === undefined || rows === undefined) return undefined;
    const period = periodKey ? parsePeriodKey(periodKey) : null;
    if (!doc || !period || !periodKey) return null;
    const calendar = doc.plan.calendar;
    const { consolidating, expected } = expectedChildren(directory, selfUnit, dataWindow(calendar, period));
    const submissions = rows.filter((r) => r.reason === 'ok' && !r.setAside).flatMap((r) => r.submissions)
      .filter((s) => s.planId === doc.plan.id && s.period === periodKey);
    const involved = new Set<string>([consolidating, ...expected, ...submissions.map((s) => s.unitId)]);
    const units = [...involved].map((id) => {
      const u = directory.units.get(id);
      return { id: id as UnitId, name: u?.name ?? id, parentId: u?.parentId ?? null };
    });
    const result = consolidate({
      planId: doc.plan.id, calendar, items: doc.items, period, submissions, expected, units,
      consolidatingUnitId: consolidating, reviews: reviewsOf(rows),
    });
    const name = (id: string) => directory.units.get(id)?.name ?? id;
    return {
      doc, directory, period, periodKey, due: dueDate(calendar, period), consolidating, rows, result,
      resolutions: new Map(result.resolutions.map((r) => [r.ref, r])), name,
    };
  }, [doc, directory, rows, selfUnit, periodKey]);
}
