// Runs the importer in a worker with a watchdog: a workbook that takes longer than the limit
// (a zip that lies, a pathological sheet) gets its worker terminated and a clear answer, and the
// window never freezes. One worker per request; nothing is shared between requests.
import type { Grid, ImportResult } from '../../../shared/xlsx/types';
import type { FromPlanImportWorker, PlanImportRequest, ToPlanImportWorker } from '../../workers/planImportProtocol';

export const WATCHDOG_MS = 10_000;

export type ParseOutcome =
  | { ok: true; result: ImportResult; grid: Grid | null }
  | { ok: false; reason: 'timeout' | 'crashed' | 'cancelled'; message: string };

/** The part of a Worker this client uses, so tests can hand in a fake. */
export type WorkerLike = {
  onmessage: ((e: MessageEvent<FromPlanImportWorker>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  postMessage(message: ToPlanImportWorker, transfer: Transferable[]): void;
  terminate(): void;
};

export type ParseJob = { done: Promise<ParseOutcome>; cancel(): void };

export const createPlanImportWorker = (): WorkerLike =>
  new Worker(new URL('../../workers/planImport.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;

let nextId = 1;

export function runPlanImport(
  request: PlanImportRequest,
  opts: { timeoutMs?: number; createWorker?: () => WorkerLike } = {},
): ParseJob {
  const worker = (opts.createWorker ?? createPlanImportWorker)();
  const id = nextId++;
  let settle: (o: ParseOutcome) => void = () => undefined;
  const done = new Promise<ParseOutcome>((resolve) => { settle = resolve; });
  let finished = false;
  const finish = (o: ParseOutcome) => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    worker.terminate();
    settle(o);
  };
  const timer = setTimeout(() => finish({ ok: false, reason: 'timeout', message: `${opts.timeoutMs ?? WATCHDOG_MS} ms` }), opts.timeoutMs ?? WATCHDOG_MS);
  worker.onmessage = ({ data }) => {
    if (data.id !== id) return;
    if (data.type === 'done') finish({ ok: true, result: data.result, grid: data.grid });
    else finish({ ok: false, reason: 'crashed', message: data.message });
  };
  worker.onerror = (e) => finish({ ok: false, reason: 'crashed', message: e.message || 'worker error' });
  const message: ToPlanImportWorker = { id, ...request };
  worker.postMessage(message, request.type === 'read' ? [request.bytes] : []);
  return { done, cancel: () => finish({ ok: false, reason: 'cancelled', message: '' }) };
}

/** An ArrayBuffer holding exactly these bytes, to transfer (a copy: the caller keeps its own). */
export function bufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer as ArrayBuffer;
}
