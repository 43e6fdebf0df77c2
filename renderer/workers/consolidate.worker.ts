/// <reference lib="webworker" />
// The consolidation worker: reads the period's rows from IndexedDB itself (the rows, bytes
// included, are the heavy part and never cross to the screen), runs consolidatePeriod and posts
// the result in pieces (consolidateProtocol.ts).
import type { ReceivedPackageRecord } from '../db/records';
import { consolidatePeriod, fingerprintOf, periodInput } from './consolidatePeriod';
import { piecesOf, type FromConsolidateWorker, type ToConsolidateWorker } from './consolidateProtocol';

declare const self: DedicatedWorkerGlobalScope;

const request = <T>(r: IDBRequest<T>) => new Promise<T>((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });

/**
 * The rows of `[planId+period]` (Dexie's index of the `received` store), read in one transaction.
 * The connection is opened for this read only and closed at once, so it never holds up a version
 * change or a deletion of the database; a database that does not exist is not created.
 */
async function readRows(dbName: string, planId: string, period: string): Promise<ReceivedPackageRecord[]> {
  const open = indexedDB.open(dbName);
  open.onupgradeneeded = () => open.transaction?.abort();
  const conn = await request(open);
  conn.onversionchange = () => conn.close();
  try {
    const tx = conn.transaction('received', 'readonly');
    return await request(tx.objectStore('received').index('[planId+period]').getAll(IDBKeyRange.only([planId, period]))) as ReceivedPackageRecord[];
  } finally {
    conn.close();
  }
}

self.onmessage = async ({ data }: MessageEvent<ToConsolidateWorker>) => {
  const { id, dbName, facts, fingerprint } = data;
  const post = (m: FromConsolidateWorker) => self.postMessage(m);
  try {
    const input = periodInput(await readRows(dbName, facts.planId, facts.periodKey), facts.planId, facts.periodKey);
    if (fingerprintOf(input) !== fingerprint) { post({ id, type: 'stale' }); return; }
    const pieces = piecesOf(consolidatePeriod(facts, input));
    for (const items of pieces.items) post({ id, type: 'items', items });
    for (const feedback of pieces.feedback) post({ id, type: 'feedback', feedback });
    post({ id, type: 'done', head: pieces.head });
  } catch (e) {
    post({ id, type: 'crashed', message: e instanceof Error ? e.message : String(e) });
  }
};
