/// <reference lib="webworker" />
// The verification worker: no logic of its own (verifyFiles holds it), only messages, and the
// pace: it verifies at most AHEAD files beyond those the screen has stored.
import { verifyFiles } from './verifyFiles';
import { AHEAD, type FromWorker, type ToWorker } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

/** The highest index the screen has stored, and the wait for it to move. */
let stored = -1;
let moved: (() => void) | null = null;

self.onmessage = async ({ data }: MessageEvent<ToWorker>) => {
  if (data.type === 'stored') {
    stored = Math.max(stored, data.index);
    moved?.();
    return;
  }
  const { id, files, trust, plan } = data;
  const post = (m: FromWorker, transfer: Transferable[] = []) => self.postMessage(m, transfer);
  try {
    await verifyFiles(files, trust, plan, {
      started: (index, name) => post({ id, type: 'started', index, name, total: files.length }),
      verified: (index, file, result) => post({ id, type: 'file', index, name: file.name, bytes: file.bytes, result }, [file.bytes]),
      handle: async (index) => {
        while (index - stored >= AHEAD) await new Promise<void>((next) => { moved = next; });
      },
    });
    post({ id, type: 'done', total: files.length });
  } catch (e) {
    post({ id, type: 'crashed', message: e instanceof Error ? e.message : String(e) });
  }
};
