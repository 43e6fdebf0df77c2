// One consolidation worker for the app, started on first use and kept: each request is answered
// by id, its pieces gathered. Any failure (a crash, rows that changed under it, a line naming a
// submission the screen does not hold) answers null, and the caller consolidates its own rows
// with the same function.
import type { Consolidation, ItemFeedback, ItemMerge, SubmissionHead } from '../../shared/consolidation';
import type { ReceivedHead } from '../db/records';
import type { PeriodHistory } from '../../shared/report/history';
import type { HistoryFacts, PeriodFacts } from './consolidatePeriod';
import { feedbackOf, itemOf, joinPieces, type FromConsolidateWorker, type ToConsolidateWorker } from './consolidateProtocol';

type Consolidating = { kind: 'consolidate'; submissions: readonly SubmissionHead[]; items: ItemMerge[]; feedback: ItemFeedback[]; answer: (result: Consolidation<SubmissionHead> | null) => void };
type Waiting = Consolidating
  | { kind: 'heads'; answer: (heads: ReceivedHead[] | null) => void }
  | { kind: 'history'; answer: (periods: PeriodHistory[] | null) => void };

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, Waiting>();

function received(data: FromConsolidateWorker): void {
  const w = waiting.get(data.id);
  if (!w) return;
  if (w.kind === 'heads') {
    waiting.delete(data.id);
    w.answer(data.type === 'heads' ? data.heads : null);
    return;
  }
  if (w.kind === 'history') {
    waiting.delete(data.id);
    w.answer(data.type === 'history' ? data.periods : null);
    return;
  }
  switch (data.type) {
    case 'items': w.items.push(...data.items.map(itemOf)); return;
    case 'feedback': w.feedback.push(...data.feedback.map(feedbackOf)); return;
    case 'done': {
      waiting.delete(data.id);
      w.answer(joinPieces(data.head, w.items, w.feedback, w.submissions));
      return;
    }
    default: waiting.delete(data.id); w.answer(null);
  }
}

function start(): Worker {
  const w = new Worker(new URL('./consolidate.worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = ({ data }: MessageEvent<FromConsolidateWorker>) => received(data);
  w.onerror = () => {
    // A worker that cannot load or throws outside a request: every pending caller falls back.
    w.terminate();
    if (worker === w) worker = null;
    for (const { answer } of waiting.values()) answer(null);
    waiting.clear();
  };
  return w;
}

export const consolidateWorkerAvailable = () => typeof Worker === 'function' && typeof indexedDB === 'object';

function ask(msg: ToConsolidateWorker, w: Waiting): void {
  worker ??= start();
  waiting.set(msg.id, w);
  worker.postMessage(msg);
}

/** `submissions`: the screen's own heads, from the rows the fingerprint was taken of; the lines name them. */
export function consolidateInWorker(dbName: string, facts: PeriodFacts, fingerprint: string, submissions: readonly SubmissionHead[]): Promise<Consolidation<SubmissionHead> | null> {
  return new Promise((answer) => ask({ type: 'consolidate', id: nextId++, dbName, facts, fingerprint }, { kind: 'consolidate', submissions, items: [], feedback: [], answer }));
}

/** The period's rows as heads, read and cut by the worker; null when it cannot answer. */
export function headsInWorker(dbName: string, planId: string, period: string): Promise<ReceivedHead[] | null> {
  return new Promise((answer) => ask({ type: 'heads', id: nextId++, dbName, planId, period }, { kind: 'heads', answer }));
}

/** The plan's periods so far, read and consolidated by the worker; null when it cannot answer. */
export function historyInWorker(dbName: string, facts: HistoryFacts): Promise<PeriodHistory[] | null> {
  return new Promise((answer) => ask({ type: 'history', id: nextId++, dbName, facts }, { kind: 'history', answer }));
}
