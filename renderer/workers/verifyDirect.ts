// The same batch as verifyInWorker, on the calling thread: for unit tests (Node has no Worker)
// and as the fallback of a host without module workers.
import type { TrustRegistry } from '../../shared/packages';
import type { PlanScope } from './protocol';
import type { Batch, BatchEnd, BatchEvents } from './verifyClient';
import { verifyFiles } from './verifyFiles';

export function verifyDirect(files: readonly { name: string; bytes: Uint8Array }[], trust: TrustRegistry, plan: PlanScope | null, events: BatchEvents): Batch {
  let cancelled = false;
  const raw = files.map((f) => ({ name: f.name, bytes: f.bytes.slice().buffer as ArrayBuffer }));
  const done = (async (): Promise<BatchEnd> => {
    try {
      await verifyFiles(raw, trust, plan, {
        started: (index, name) => { if (!cancelled) events.onStarted(index, name, raw.length); },
        verified: () => undefined,
        filter: () => !cancelled,
        handle: async (index, file, result) => { if (!cancelled) await events.onFile(index, { name: file.name, bytes: new Uint8Array(file.bytes) }, result); },
      });
      return { ok: true, cancelled };
    } catch (e) {
      return { ok: false, message: e instanceof Error ? e.message : String(e) };
    }
  })();
  return { done, cancel: () => { cancelled = true; } };
}
