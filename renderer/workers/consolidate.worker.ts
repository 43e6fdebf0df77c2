/// <reference lib="webworker" />
// The consolidation worker: reads the period's rows from IndexedDB itself (the rows, bytes
// included, are the heavy part and never cross to the screen: reading them there costs the
// screen's thread seconds of decoding and garbage collection), answers their heads, runs
// consolidatePeriod and posts the result in pieces (consolidateProtocol.ts).
import type { ReceivedPackageRecord } from '../db/records';
import { consolidatePeriod, fingerprintOf, headOf, historyOf, periodInput, type PeriodInput } from './consolidatePeriod';
import { buffersOf, piecesOf, type FromConsolidateWorker, type ToConsolidateWorker } from './consolidateProtocol';

declare const self: DedicatedWorkerGlobalScope;

const request = <T>(r: IDBRequest<T>) => new Promise<T>((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });

/**
 * The rows of `[planId+period]` (Dexie's index of the `received` store), or of every period of the
 * plan (`period` null), read in one transaction.
 * The connection is opened for this read only and closed at once, so it never holds up a version
 * change or a deletion of the database; a database that does not exist is not created.
 */
async function readRows(dbName: string, planId: string, period: string | null): Promise<ReceivedPackageRecord[]> {
  const open = indexedDB.open(dbName);
  open.onupgradeneeded = () => open.transaction?.abort();
  const conn = await request(open);
  conn.onversionchange = () => conn.close();
  try {
    const tx = conn.transaction('received', 'readonly');
    // null: every period of the plan ([planId] sorts before [planId, any period], [planId, []] after).
    const range = period === null ? IDBKeyRange.bound([planId], [planId, []]) : IDBKeyRange.only([planId, period]);
    return await request(tx.objectStore('received').index('[planId+period]').getAll(range)) as ReceivedPackageRecord[];
  } finally {
    conn.close();
  }
}

/**
 * The input read last: the screen asks for a period's heads, then for the consolidation of the
 * rows those heads name. The same fingerprint says they are these rows, and they are not read again.
 */
let last: { key: string; fingerprint: string; input: PeriodInput } | null = null;

async function readInput(dbName: string, planId: string, period: string): Promise<{ rows: ReceivedPackageRecord[]; input: PeriodInput }> {
  const rows = await readRows(dbName, planId, period);
  const input = periodInput(rows, planId, period);
  last = { key: `${dbName}|${planId}|${period}`, fingerprint: fingerprintOf(input), input };
  return { rows, input };
}

async function answer(data: ToConsolidateWorker, post: (m: FromConsolidateWorker, transfer?: ArrayBuffer[]) => void): Promise<void> {
  const { id, dbName } = data;
  if (data.type === 'history') {
    post({ id, type: 'history', periods: historyOf(await readRows(dbName, data.facts.planId, null), data.facts) });
    return;
  }
  if (data.type === 'heads') {
    const { rows } = await readInput(dbName, data.planId, data.period);
    post({ id, type: 'heads', heads: rows.map(headOf) });
    return;
  }
  const { facts, fingerprint } = data;
  const kept = last?.key === `${dbName}|${facts.planId}|${facts.periodKey}` && last.fingerprint === fingerprint ? last.input : null;
  const input = kept ?? (await readInput(dbName, facts.planId, facts.periodKey)).input;
  if (fingerprintOf(input) !== fingerprint) { post({ id, type: 'stale' }); return; }
  const pieces = piecesOf(consolidatePeriod(facts, input));
  for (const items of pieces.items) post({ id, type: 'items', items }, buffersOf(items));
  for (const feedback of pieces.feedback) post({ id, type: 'feedback', feedback }, buffersOf(feedback));
  post({ id, type: 'done', head: pieces.head });
}

self.onmessage = async ({ data }: MessageEvent<ToConsolidateWorker>) => {
  const post = (m: FromConsolidateWorker, transfer: ArrayBuffer[] = []) => self.postMessage(m, transfer);
  try {
    await answer(data, post);
  } catch (e) {
    post({ id: data.id, type: 'crashed', message: e instanceof Error ? e.message : String(e) });
  }
};
