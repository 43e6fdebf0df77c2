// Runs one backup in a worker of its own, ended when it answers. null (it crashed, or could not
// start): the caller builds the backup on its own thread with the same function.
import type { BuildResult } from '../../shared/backup';
import type { FromBackupWorker, ToBackupWorker } from './backupProtocol';

let nextId = 1;

export const backupWorkerAvailable = () => typeof Worker === 'function' && typeof indexedDB === 'object';

export function backupInWorker(dbName: string, tables: string[], header: ToBackupWorker['header']): Promise<BuildResult | null> {
  const worker = new Worker(new URL('./backup.worker.ts', import.meta.url), { type: 'module' });
  const id = nextId++;
  return new Promise((resolve) => {
    const end = (r: BuildResult | null) => { worker.terminate(); resolve(r); };
    worker.onmessage = ({ data }: MessageEvent<FromBackupWorker>) => {
      if (data.id === id) end(data.type === 'done' ? data.built : null);
    };
    worker.onerror = () => end(null);
    const msg: ToBackupWorker = { id, dbName, tables, header };
    worker.postMessage(msg);
  });
}
