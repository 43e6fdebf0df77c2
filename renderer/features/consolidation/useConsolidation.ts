// Everything the consolidation tabs show for one plan and period, computed by the core from the
// stored rows: who is expected (directory), the submissions (received rows), the consolidation.
import { useMemo } from 'react';
import { consolidate, type Consolidation, type Resolution, type Review } from '../../../shared/consolidation';
import type { PeriodKey, PlanId, UnitId } from '../../../shared/model/ids';
import type { PlanDocument } from '../../../shared/model/plan';
import { dataWindow, dueDate } from '../../../shared/periods/calendar';
import { parsePeriodKey, type Period } from '../../../shared/periods/keys';
import { currentState, expectedChildren, refOf, type ArrivalOutcome, type CurrentState } from '../../../shared/receipts';
import type { Reason } from '../../../shared/packages';
import type { ImportLine } from './importer';
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
    const { consolidating, expected: inDirectory } = expectedChildren(directory, selfUnit, dataWindow(calendar, period));
    // Stored units come back in id order: show them by name, Phường 2 before Phường 10.
    const name = (id: string) => directory.units.get(id)?.name ?? id;
    const expected = [...inDirectory].sort((a, b) => name(a).localeCompare(name(b), 'vi', { numeric: true }));
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
    return {
      doc, directory, period, periodKey, due: dueDate(calendar, period), consolidating, rows, result,
      resolutions: new Map(result.resolutions.map((r) => [r.ref, r])), name,
    };
  }, [doc, directory, rows, selfUnit, periodKey]);
}

/** The state of an import line now: its stored file judged with every file received since. */
export function stateOfLine(view: ConsolidationView | null): (line: ImportLine) => CurrentState {
  const byHash = new Map((view?.rows ?? []).map((r) => [r.bytesHash, r]));
  return (line) => {
    const row = line.outcome === 'duplicate' ? undefined : byHash.get(line.bytesHash);
    if (!row || !view) return line.outcome;
    return currentState({ ...row, reason: row.reason as Reason, outcome: row.outcome as ArrivalOutcome }, view.resolutions.get(refOf(row.bytesHash)));
  };
}
