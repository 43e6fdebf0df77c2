// One consolidation worker for the app, started on first use and kept: each request is answered
// by id, its pieces gathered. Any failure (a crash, rows that changed under it, a line naming a
// submission the screen does not hold) answers null, and the caller consolidates its own rows
// with the same function.
import type { Consolidation, ItemFeedback, ItemMerge, Submission } from '../../shared/consolidation';
import type { PeriodFacts } from './consolidatePeriod';
import { joinPieces, type FromConsolidateWorker, type ToConsolidateWorker } from './consolidateProtocol';

type Waiting = { submissions: readonly Submission[]; items: ItemMerge[]; feedback: ItemFeedback[]; answer: (result: Consolidation | null) => void };

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, Waiting>();

function received(data: FromConsolidateWorker): void {
  const w = waiting.get(data.id);
  if (!w) return;
  switch (data.type) {
    case 'items': w.items.push(...data.items); return;
    case 'feedback': w.feedback.push(...data.feedback); return;
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

/** `submissions`: the screen's own, from the rows the fingerprint was taken of. */
export function consolidateInWorker(dbName: string, facts: PeriodFacts, fingerprint: string, submissions: readonly Submission[]): Promise<Consolidation | null> {
  worker ??= start();
  const id = nextId++;
  const msg: ToConsolidateWorker = { id, dbName, facts, fingerprint };
  return new Promise((answer) => {
    waiting.set(id, { submissions, items: [], feedback: [], answer });
    worker?.postMessage(msg);
  });
}
