/// <reference lib="webworker" />
// The verification worker: no logic of its own (verifyFiles holds it), only messages.
import { verifyFiles } from './verifyFiles';
import type { FromWorker, ToWorker } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async ({ data }: MessageEvent<ToWorker>) => {
  const { id, files, trust, plan } = data;
  const post = (m: FromWorker, transfer: Transferable[] = []) => self.postMessage(m, transfer);
  try {
    await verifyFiles(files, trust, plan, {
      started: (index, name) => post({ id, type: 'started', index, name, total: files.length }),
      verified: (index, file, result) => post({ id, type: 'file', index, name: file.name, bytes: file.bytes, result }, [file.bytes]),
    });
    post({ id, type: 'done', total: files.length });
  } catch (e) {
    post({ id, type: 'crashed', message: e instanceof Error ? e.message : String(e) });
  }
};
