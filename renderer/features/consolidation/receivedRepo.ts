// The only consolidation code that knows the `received` and `trust` tables. Every write is one
// transaction with its audit line; nothing here awaits the worker or WebCrypto inside one.
import Dexie from 'dexie';
import { useRef } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Submission } from '../../../shared/consolidation';
import type { UnitId } from '../../../shared/model/ids';
import { addKey, type TrustRegistry, type TrustSource, type TrustedKey } from '../../../shared/packages';
import type { ReceivedFile } from '../../../shared/receipts';
import { heldKeys } from '../../../shared/receipts/heldKeys';
import type { PlanBookDb } from '../../db/database';
import { useDb } from '../../db/context';
import { auditRecord } from '../../db/audit';
import type { ReceivedHead, ReceivedPackageRecord, ReviewRecord, TrustRecord } from '../../db/records';
import type { PeriodHistory } from '../../../shared/report/history';
import { headOf, historyOf, type HistoryFacts } from '../../workers/consolidatePeriod';
import { consolidateWorkerAvailable, headsInWorker, historyInWorker } from '../../workers/consolidateClient';

export type StoreResult = { stored: true; id: number } | { stored: false; why: 'same-file' };

const SOURCES: readonly TrustSource[] = ['enrolment', 'plan', 'rotation', 'manual'];
const toTrusted = (r: TrustRecord): TrustedKey => ({
  unitId: r.unitId, keyId: r.keyId, publicKey: r.publicKey, validFrom: r.validFrom, revokedAt: r.revokedAt,
  source: (SOURCES as readonly string[]).includes(r.source) ? (r.source as TrustSource) : 'manual', addedAt: r.addedAt,
});

export type TrustChangeResult = { ok: true; added: boolean } | { ok: false; error: string };

const planRange = (db: PlanBookDb, planId: string) => db.received.where('[planId+period]').between([planId, Dexie.minKey], [planId, Dexie.maxKey]);

export const receivedRepo = {
  /** One file, one transaction: the row and its audit line, or nothing when these bytes are already kept. */
  store: (db: PlanBookDb, file: ReceivedFile) =>
    db.transaction('rw', db.received, db.audit, async (): Promise<StoreResult> => {
      if ((await db.received.where('bytesHash').equals(file.bytesHash).count()) > 0) return { stored: false, why: 'same-file' };
      const row: ReceivedPackageRecord = { ...file, review: null, setAside: false };
      const id = (await db.received.add(row)) as number;
      await db.audit.add(auditRecord('package-received', {
        file: file.fileName, bytesHash: file.bytesHash, reason: file.reason, outcome: file.outcome, kind: file.kind,
        planId: file.planId, period: file.period, sequence: file.sequence, keyId: file.keyId,
      }, { unitId: file.unitId }));
      return { stored: true, id };
    }),

  /** A file verified again (after a key was trusted): its own verdict and submissions change, audited. */
  reverify: (db: PlanBookDb, id: number, file: ReceivedFile) =>
    db.transaction('rw', db.received, db.audit, async () => {
      const before = await db.received.get(id);
      if (!before || before.bytesHash !== file.bytesHash) return false;
      await db.received.update(id, { reason: file.reason, outcome: file.outcome, detail: file.detail, submissions: file.submissions });
      await db.audit.add(auditRecord('package-reverified', { id, file: before.fileName, before: before.reason, after: file.reason }, { unitId: before.unitId }));
      return true;
    }),

  forPeriod: (db: PlanBookDb, planId: string, period: string) => db.received.where('[planId+period]').equals([planId, period]).toArray(),
  keysForPeriod: (db: PlanBookDb, planId: string, period: string) => db.received.where('[planId+period]').equals([planId, period]).primaryKeys() as Promise<number[]>,
  /** Everything needed to judge arrivals for a plan: its rows (any period). */
  forPlan: (db: PlanBookDb, planId: string) => planRange(db, planId).toArray(),
  keysForPlan: (db: PlanBookDb, planId: string) => planRange(db, planId).primaryKeys() as Promise<number[]>,
  byReason: (db: PlanBookDb, reason: string) => db.received.where('reason').equals(reason).toArray(),
  /** The verified (`ok`) `keys` packages (enrolments, rotations), found by their kind: no report is read. */
  verifiedKeys: async (db: PlanBookDb) => (await db.received.where('kind').equals('keys').toArray()).filter((r) => r.reason === 'ok'),
  byHashes: (db: PlanBookDb, hashes: readonly string[]) => db.received.where('bytesHash').anyOf([...hashes]).toArray(),

  trust: async (db: PlanBookDb): Promise<TrustRegistry> => ({ keys: (await db.trust.toArray()).map(toTrusted) }),

  /** The officer's explicit act: a key enters the registry for a unit, with the audit line. */
  trustKey: (db: PlanBookDb, req: { unitId: string; publicKey: string; source: TrustSource; validFrom: string | null; how: string }) =>
    db.transaction('rw', db.trust, db.audit, async (): Promise<TrustChangeResult> => {
      const registry: TrustRegistry = { keys: (await db.trust.toArray()).map(toTrusted) };
      const at = new Date().toISOString();
      const r = addKey(registry, { unitId: req.unitId as UnitId, publicKey: req.publicKey, validFrom: req.validFrom, revokedAt: null, source: req.source, addedAt: at });
      if (!r.ok) return { ok: false, error: r.error };
      const added = r.registry.keys.find((k) => !registry.keys.some((o) => o.keyId === k.keyId));
      if (!added) return { ok: true, added: false };
      await db.trust.put({ unitId: added.unitId, keyId: added.keyId, publicKey: added.publicKey, validFrom: added.validFrom, revokedAt: null, addedAt: at, source: req.source });
      await db.audit.add(auditRecord('key-trusted', { keyId: added.keyId, source: req.source, how: req.how }, { unitId: req.unitId }));
      return { ok: true, added: true };
    }),

  setReview: (db: PlanBookDb, id: number, review: ReviewRecord | null) =>
    db.transaction('rw', db.received, db.audit, async () => {
      const row = await db.received.get(id);
      if (!row) return;
      await db.received.update(id, { review });
      await db.audit.add(auditRecord(review ? `report-${review.state}` : 'review-cleared', { packageId: row.packageId, comments: review?.comments.length ?? 0 }, { unitId: row.unitId }));
    }),

  /** Resolves a conflict: the chosen file counts, the others stay as evidence, set aside. */
  chooseInConflict: (db: PlanBookDb, keep: number, others: readonly number[]) =>
    db.transaction('rw', db.received, db.audit, async () => {
      await db.received.update(keep, { setAside: false });
      for (const id of others) await db.received.update(id, { setAside: true });
      await db.audit.add(auditRecord('conflict-resolved', { keep, setAside: others }));
    }),
};

/** The stored file a submission's ref names: `file:HASH`, or `file:HASH#children/2` inside it. */
export const fileHashOf = (ref: string) => ref.slice(ref.indexOf(':') + 1).split('#', 1)[0] ?? '';

/** The whole rows of the files these refs name, by bytesHash. */
export async function wholeRowsOf(db: PlanBookDb, refs: readonly string[]): Promise<Map<string, ReceivedPackageRecord>> {
  const rows = await receivedRepo.byHashes(db, [...new Set(refs.map(fileHashOf))]);
  return new Map(rows.map((r) => [r.bytesHash, r] as const));
}

/** The submission a ref names, report included, among whole rows. */
export const submissionAt = (rows: ReadonlyMap<string, ReceivedPackageRecord>, ref: string): Submission | null =>
  rows.get(fileHashOf(ref))?.submissions.find((s) => s.ref === ref) ?? null;

/** The whole rows of the files these refs name, following the table (a panel that shows reports or reads bytes). */
export function useWholeRows(refs: readonly string[]): Map<string, ReceivedPackageRecord> | undefined {
  const db = useDb();
  const key = refs.join('\n'); // the refs' content: a new array of the same refs reads nothing again
  return useLiveQuery(() => wholeRowsOf(db, key ? key.split('\n') : []), [db, key]);
}

/**
 * The period's rows, whole while there are fewer than `wholeBelow` (the screen's thread
 * consolidates them itself), heads only from there on (records.ts, ReceivedHead): the
 * consolidation worker reads those rows and cuts their heads. Decoding thousands of rows here,
 * bytes included, cost the screen's thread seconds and a garbage collection of half a second.
 */
export type PeriodRows = { heads: ReceivedHead[]; whole: ReceivedPackageRecord[] | null };

const READ_SLICE = 200;

/**
 * The rows of these keys, each as `cut` makes it, READ_SLICE at a time with a task boundary
 * between slices (the transaction kept open by Dexie.waitFor): reading 3,321 rows at once holds
 * the screen's thread for about 0.5 s. In a transaction of its own: Dexie's live-query cache
 * then neither keeps nor deep-clones the rows; they are still observed.
 */
function readSliced<T>(db: PlanBookDb, keys: readonly number[], cut: (r: ReceivedPackageRecord) => T): Promise<T[]> {
  return db.transaction('r', db.received, async () => {
    const out: T[] = [];
    for (let i = 0; i < keys.length; i += READ_SLICE) {
      if (i > 0) await Dexie.waitFor(new Promise((next) => setTimeout(next, 0)));
      for (const r of await db.received.bulkGet(keys.slice(i, i + READ_SLICE))) if (r) out.push(cut(r));
    }
    return out;
  });
}

/**
 * A live query's hold on rows it does not read: the keys (read by the caller) follow rows added and
 * deleted, and a count over the keys' id range follows every change to a row (a review, a
 * conflict resolved, a file verified again).
 */
async function observe(db: PlanBookDb, keys: readonly number[]): Promise<void> {
  if (keys.length === 0) return;
  const [low, high] = keys.reduce(([lo, hi], k) => [Math.min(lo, k), Math.max(hi, k)], [Infinity, -Infinity]);
  await db.received.where(':id').between(low, high, true, true).count();
}

/** The plan's periods so far (the dashboard's history and the merged view's money by year), following its rows, computed by the worker. */
export async function planHistory(db: PlanBookDb, facts: HistoryFacts): Promise<PeriodHistory[]> {
  await observe(db, await receivedRepo.keysForPlan(db, facts.planId));
  const periods = consolidateWorkerAvailable() ? await historyInWorker(db.name, facts) : null;
  return periods ?? historyOf(await receivedRepo.forPlan(db, facts.planId), facts);
}

async function readPeriod(db: PlanBookDb, planId: string, period: string, wholeBelow: number): Promise<PeriodRows> {
  const keys = await receivedRepo.keysForPeriod(db, planId, period);
  if (keys.length < wholeBelow) {
    const whole = await readSliced(db, keys, (r) => r);
    return { heads: whole, whole };
  }
  await observe(db, keys);
  const heads = consolidateWorkerAvailable() ? await headsInWorker(db.name, planId, period) : null;
  return { heads: heads ?? await readSliced(db, keys, headOf), whole: null };
}

/**
 * The period's rows for the consolidation screens, following the table. `paused` (an import
 * running): the rows read last are kept and the table is not read again until the pause ends, so
 * thousands of files stored one after another do not re-read the period after each file.
 */
export function usePeriodRows(planId: string | null, period: string | null, paused: boolean, wholeBelow: number): PeriodRows | undefined {
  const db = useDb();
  const last = useRef<{ key: string; rows: PeriodRows } | null>(null);
  return useLiveQuery(async () => {
    if (!planId || !period) return { heads: [], whole: [] };
    const key = `${planId}|${period}`;
    if (paused && last.current?.key === key) return last.current.rows;
    const rows = await readPeriod(db, planId, period, wholeBelow);
    last.current = { key, rows };
    return rows;
  }, [db, planId, period, paused, wholeBelow]);
}

/** The period's rows, whole (a unit's own screens: the few packages its coordinating units sent). */
export function useReceivedForPeriod(planId: string | null, period: string | null): ReceivedPackageRecord[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => (planId && period ? readSliced(db, await receivedRepo.keysForPeriod(db, planId, period), (r) => r) : []), [db, planId, period]);
}

/**
 * The held files, one entry per untrusted key each waits for (its signer's, or for a consolidated
 * package of a trusted signer, its children's), as rows carrying that key.
 */
export function usePendingKeys(): ReceivedPackageRecord[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const [held, trust] = await Promise.all([receivedRepo.byReason(db, 'unknown-key'), db.trust.toArray()]);
    const trusted = new Set(trust.map((k) => k.keyId));
    return held.flatMap((r) => heldKeys(r, trusted).map((k) => ({ ...r, ...k })));
  }, [db]);
}

export function useTrustRows(): TrustRecord[] | undefined {
  const db = useDb();
  return useLiveQuery(() => db.trust.toArray(), [db]);
}
