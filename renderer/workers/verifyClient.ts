// Runs a batch in the verification worker: results stream back one file at a time, so the
// caller stores each as it comes and a cancelled batch keeps what was already done.
import type { TrustRegistry, VerifyResult } from '../../shared/packages';
import { ownBuffer, transferablesOf, type FromWorker, type PlanScope, type RawFile, type ToWorker } from './protocol';

export type BatchEvents = {
  onStarted(index: number, name: string, total: number): void;
  /** Awaited before the next result is handled: the caller's transaction for this file. */
  onFile(index: number, file: { name: string; bytes: Uint8Array }, result: VerifyResult): Promise<void>;
};

export type BatchEnd = { ok: true; cancelled: boolean } | { ok: false; message: string };
export type Batch = { done: Promise<BatchEnd>; cancel(): void };

let nextId = 1;

export function verifyInWorker(files: readonly { name: string; bytes: Uint8Array }[], trust: TrustRegistry, plan: PlanScope | null, events: BatchEvents): Batch {
  const worker = new Worker(new URL('./verify.worker.ts', import.meta.url), { type: 'module' });
  const id = nextId++;
  let cancelled = false;
  let finish: (end: BatchEnd) => void = () => undefined;
  const done = new Promise<BatchEnd>((resolve) => { finish = resolve; });
  // Results are handled strictly one after another, in the order they arrive.
  let chain: Promise<void> = Promise.resolve();
  const end = (e: BatchEnd) => { worker.terminate(); finish(e); };

  worker.onmessage = ({ data }: MessageEvent<FromWorker>) => {
    if (data.id !== id || cancelled) return;
    chain = chain.then(async () => {
      if (cancelled) return;
      switch (data.type) {
        case 'started': events.onStarted(data.index, data.name, data.total); break;
        case 'file': {
          await events.onFile(data.index, { name: data.name, bytes: new Uint8Array(data.bytes) }, data.result);
          worker.postMessage({ id, type: 'stored', index: data.index } satisfies ToWorker);
          break;
        }
        case 'done': end({ ok: true, cancelled: false }); break;
        case 'crashed': end({ ok: false, message: data.message }); break;
      }
    }).catch((e: unknown) => end({ ok: false, message: e instanceof Error ? e.message : String(e) }));
  };
  worker.onerror = (e) => end({ ok: false, message: e.message || 'worker error' });

  const raw: RawFile[] = files.map((f) => ({ name: f.name, bytes: ownBuffer(f.bytes) }));
  const msg: ToWorker = { id, type: 'verify', files: raw, trust, plan };
  worker.postMessage(msg, transferablesOf(raw));
  return {
    done,
    cancel: () => {
      if (cancelled) return;
      cancelled = true;
      // Wait for the file being stored, then stop: a file is stored whole or not at all.
      void chain.then(() => end({ ok: true, cancelled: true }));
    },
  };
}
