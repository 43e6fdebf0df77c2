/// <reference lib="webworker" />
// The backup worker: reads every table in one read transaction (a consistent cut, as
// snapshot.ts's readTables) and builds the file with the same function (backupOfTables).
import { backupOfTables } from '../features/backup/snapshot';
import type { FromBackupWorker, ToBackupWorker } from './backupProtocol';

declare const self: DedicatedWorkerGlobalScope;

const request = <T>(r: IDBRequest<T>) => new Promise<T>((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });

/** Every named store's rows in key order (what Dexie's toArray gives); opened for this read only, never created. */
async function readTables(dbName: string, names: readonly string[]): Promise<Record<string, unknown[]>> {
  const open = indexedDB.open(dbName);
  open.onupgradeneeded = () => open.transaction?.abort();
  const conn = await request(open);
  conn.onversionchange = () => conn.close();
  try {
    const tx = conn.transaction([...names], 'readonly');
    const rows = await Promise.all(names.map((n) => request(tx.objectStore(n).getAll()) as Promise<unknown[]>));
    return Object.fromEntries(names.map((n, i) => [n, rows[i] ?? []]));
  } finally {
    conn.close();
  }
}

self.onmessage = async ({ data }: MessageEvent<ToBackupWorker>) => {
  const { id, dbName, tables, header } = data;
  try {
    const built = backupOfTables(await readTables(dbName, tables), header);
    const m: FromBackupWorker = { id, type: 'done', built };
    self.postMessage(m, built.ok ? [built.bytes.buffer] : []);
  } catch (e) {
    self.postMessage({ id, type: 'crashed', message: e instanceof Error ? e.message : String(e) } satisfies FromBackupWorker);
  }
};
