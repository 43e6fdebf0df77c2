// Everything the consolidation tabs show for one plan and period, computed by the core from the
// stored rows: who is expected (the directory's children and the plan package's own units under
// the consolidating unit), the submissions (received rows), the consolidation. While an import
// runs, the view stays as it was when the import started and is computed once at its end.
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
import { childrenWithPlan, unitFacts } from '../../../shared/units/children';
import { useUi } from '../../state';
import type { ReceivedPackageRecord } from '../../db/records';
import { usePlanDocument } from '../plans/plansRepo';
import { useDirectory } from '../units/unitsRepo';
import { usePlanUnits } from './planUnitsRepo';
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
  const planUnits = usePlanUnits(planId);
  const importing = useUi((s) => s.importProgress.running);
  const rows = useReceivedForPeriod(planId, periodKey, importing);
  return useMemo(() => {
    if (doc === undefined || directory === undefined || rows === undefined || planUnits === undefined) return undefined;
    const period = periodKey ? parsePeriodKey(periodKey) : null;
    if (!doc || !period || !periodKey) return null;
    const calendar = doc.plan.calendar;
    const window = dataWindow(calendar, period);
    const { consolidating, expected: inDirectory } = expectedChildren(directory, selfUnit, window);
    const byId = new Map(planUnits.map((u) => [u.id as string, u] as const));
    const name = (id: string) => unitFacts(directory, byId, id)?.name ?? id;
    // Stored units come back in id order: show them by name, Phường 2 before Phường 10.
    const collator = new Intl.Collator('vi', { numeric: true });
    const expected = childrenWithPlan(directory, inDirectory, planUnits, consolidating, window)
      .map((id) => ({ id, n: name(id) })).sort((a, b) => collator.compare(a.n, b.n)).map((x) => x.id);
    const submissions = rows.filter((r) => r.reason === 'ok' && !r.setAside).flatMap((r) => r.submissions)
      .filter((s) => s.planId === doc.plan.id && s.period === periodKey);
    const involved = new Set<string>([consolidating, ...expected, ...submissions.map((s) => s.unitId)]);
    const units = [...involved].map((id) => {
      const u = unitFacts(directory, byId, id);
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
  }, [doc, directory, planUnits, rows, selfUnit, periodKey]);
}

const lineStates = new WeakMap<ConsolidationView, (line: ImportLine) => CurrentState>();
const outcomeOnly = (line: ImportLine): CurrentState => line.outcome;

/** The state of an import line now: its stored file judged with every file received since. The same function for the same view. */
export function stateOfLine(view: ConsolidationView | null): (line: ImportLine) => CurrentState {
  if (!view) return outcomeOnly;
  const known = lineStates.get(view);
  if (known) return known;
  const byHash = new Map(view.rows.map((r) => [r.bytesHash, r]));
  const f = (line: ImportLine): CurrentState => {
    const row = line.outcome === 'duplicate' ? undefined : byHash.get(line.bytesHash);
    if (!row) return line.outcome;
    return currentState({ ...row, reason: row.reason as Reason, outcome: row.outcome as ArrivalOutcome }, view.resolutions.get(refOf(row.bytesHash)));
  };
  lineStates.set(view, f);
  return f;
}
