// Everything the consolidation tabs show for one plan and period, computed by the core from the
// stored rows: who is expected (the directory's children and the plan package's own units under
// the consolidating unit), the submissions (received rows), the consolidation. While an import
// runs, the view stays as it was when the import started and is computed once at its end.
// From WORKER_FROM rows on, the screen holds only the rows' heads (no bytes, no reports: records.ts,
// ReceivedHead), the consolidation runs in the consolidation worker (it reads the rows itself and
// returns the result), and the view computed before stays shown until it answers. A panel that
// needs a report or a file's bytes reads those rows whole (receivedRepo.ts: useWholeRows).
import { useEffect, useMemo, useState } from 'react';
import type { Consolidation, Resolution, SubmissionHead } from '../../../shared/consolidation';
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
import { useDb } from '../../db/context';
import type { PlanBookDb } from '../../db/database';
import type { ReceivedHead, ReceivedPackageRecord } from '../../db/records';
import { consolidatePeriod, fingerprintOf, periodInput, type PeriodFacts, type PeriodInput } from '../../workers/consolidatePeriod';
import { consolidateInWorker, consolidateWorkerAvailable } from '../../workers/consolidateClient';
import { usePlanDocument } from '../plans/plansRepo';
import { useDirectory } from '../units/unitsRepo';
import { usePlanUnits } from './planUnitsRepo';
import { receivedRepo, usePeriodRows } from './receivedRepo';

export type ConsolidationView = {
  doc: PlanDocument;
  directory: Directory;
  period: Period;
  periodKey: PeriodKey;
  due: string;
  consolidating: UnitId;
  /** The period's rows, heads only: a report or the bytes are read whole where a panel needs them. */
  rows: ReceivedHead[];
  result: Consolidation<SubmissionHead>;
  resolutions: ReadonlyMap<string, Resolution>;
  name: (id: string) => string;
};

/**
 * Below this many rows the consolidation is quick (well under a frame's budget for tens of rows):
 * the rows are read whole and it runs here.
 */
export const WORKER_FROM = 200;

type Base = Omit<ConsolidationView, 'result' | 'resolutions'> & {
  facts: PeriodFacts; input: PeriodInput<SubmissionHead>; whole: ReceivedPackageRecord[] | null; key: string;
};

const viewOf = (base: Base, result: Consolidation<SubmissionHead>): ConsolidationView => ({
  doc: base.doc, directory: base.directory, period: base.period, periodKey: base.periodKey, due: base.due,
  consolidating: base.consolidating, rows: base.rows, result, resolutions: new Map(result.resolutions.map((r) => [r.ref, r])), name: base.name,
});

export function useConsolidation(selfUnit: UnitId, planId: PlanId | null, periodKey: PeriodKey | null): ConsolidationView | null | undefined {
  const db = useDb();
  const doc = usePlanDocument(planId);
  const directory = useDirectory();
  const planUnits = usePlanUnits(planId);
  const importing = useUi((s) => s.importProgress.running);
  const read = usePeriodRows(planId, periodKey, importing, WORKER_FROM);
  const base = useMemo((): Base | null | undefined => {
    if (doc === undefined || directory === undefined || read === undefined || planUnits === undefined) return undefined;
    const rows = read.heads;
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
    const input = periodInput(rows, doc.plan.id, periodKey);
    const involved = new Set<string>([consolidating, ...expected, ...input.submissions.map((s) => s.unitId)]);
    const units = [...involved].map((id) => {
      const u = unitFacts(directory, byId, id);
      return { id: id as UnitId, name: u?.name ?? id, parentId: u?.parentId ?? null };
    });
    const facts: PeriodFacts = { planId: doc.plan.id, calendar, items: doc.items, period, periodKey, expected, units, consolidatingUnitId: consolidating };
    return {
      doc, directory, period, periodKey, due: dueDate(calendar, period), consolidating, rows, name, facts, input,
      whole: read.whole, key: `${selfUnit}|${doc.plan.id}|${periodKey}`,
    };
  }, [doc, directory, planUnits, read, selfUnit, periodKey]);

  // Few rows, read whole: computed here, at once, as the view always was.
  const here = useMemo(() => (base?.whole ? viewOf(base, consolidatePeriod(base.facts, periodInput(base.whole, base.facts.planId, base.facts.periodKey))) : null), [base]);
  // Many rows: the worker's answer for this base; the last view of the same plan and period meanwhile.
  const [answered, setAnswered] = useState<{ base: Base; view: ConsolidationView } | null>(null);
  useEffect(() => {
    if (!base || base.whole) return;
    let current = true;
    void consolidateApart(db, base).then((result) => { if (current) setAnswered({ base, view: viewOf(base, result) }); });
    return () => { current = false; };
  }, [base, db]);

  if (!base) return base;
  if (base.whole) return here;
  if (answered && answered.base.key === base.key) return answered.view;
  return undefined;
}

/** Many rows: the worker's consolidation, or with no worker (or one that read other rows), the same function on the rows read whole here. */
async function consolidateApart(db: PlanBookDb, base: Base): Promise<Consolidation<SubmissionHead>> {
  const { facts } = base;
  const result = consolidateWorkerAvailable() ? await consolidateInWorker(db.name, facts, fingerprintOf(base.input), base.input.submissions) : null;
  return result ?? consolidatePeriod(facts, periodInput(await receivedRepo.forPeriod(db, facts.planId, facts.periodKey), facts.planId, facts.periodKey));
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
