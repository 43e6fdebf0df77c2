// The only consolidation code that knows the `received` and `trust` tables. Every write is one
// transaction with its audit line; nothing here awaits the worker or WebCrypto inside one.
import Dexie from 'dexie';
import { useRef } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { UnitId } from '../../../shared/model/ids';
import { addKey, type TrustRegistry, type TrustSource, type TrustedKey } from '../../../shared/packages';
import type { ReceivedFile } from '../../../shared/receipts';
import { heldKeys } from '../../../shared/receipts/heldKeys';
import type { PlanBookDb } from '../../db/database';
import { useDb } from '../../db/context';
import { auditRecord } from '../../db/audit';
import type { ReceivedPackageRecord, ReviewRecord, TrustRecord } from '../../db/records';

export type StoreResult = { stored: true; id: number } | { stored: false; why: 'same-file' };

const SOURCES: readonly TrustSource[] = ['enrolment', 'plan', 'rotation', 'manual'];
const toTrusted = (r: TrustRecord): TrustedKey => ({
  unitId: r.unitId, keyId: r.keyId, publicKey: r.publicKey, validFrom: r.validFrom, revokedAt: r.revokedAt,
  source: (SOURCES as readonly string[]).includes(r.source) ? (r.source as TrustSource) : 'manual', addedAt: r.addedAt,
});

export type TrustChangeResult = { ok: true; added: boolean } | { ok: false; error: string };

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
  keysForPeriod: (db: PlanBookDb, planId: string, period: string) => db.received.where('[planId+period]').equals([planId, period]).primaryKeys(),
  /** Everything needed to judge arrivals for a plan: its rows (any period). */
  forPlan: (db: PlanBookDb, planId: string) =>
    db.received.where('[planId+period]').between([planId, Dexie.minKey], [planId, Dexie.maxKey]).toArray(),
  byReason: (db: PlanBookDb, reason: string) => db.received.where('reason').equals(reason).toArray(),
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

/**
 * The period's rows, following the table. `paused` (an import running): the rows read last are
 * kept and the table is not read again until the pause ends, so thousands of files stored one
 * after another do not re-read the period (every row, bytes included) after each file.
 */
const READ_SLICE = 200;

export function useReceivedForPeriod(planId: string | null, period: string | null, paused = false): ReceivedPackageRecord[] | undefined {
  const db = useDb();
  const last = useRef<{ key: string; rows: ReceivedPackageRecord[] } | null>(null);
  return useLiveQuery(async () => {
    if (!planId || !period) return [];
    const key = `${planId}|${period}`;
    if (paused && last.current?.key === key) return last.current.rows;
    // In a transaction of its own: Dexie's live-query cache then neither keeps nor deep-clones the
    // rows (3,321 rows, bytes included: about 0.6 s of the screen's thread); the range is still
    // observed. The keys first, then the rows READ_SLICE at a time with a task boundary between
    // slices (the transaction kept open by Dexie.waitFor): reading 3,321 rows at once holds the
    // screen's thread for about 0.5 s.
    const rows = await db.transaction('r', db.received, async () => {
      const keys = await receivedRepo.keysForPeriod(db, planId, period);
      const out: ReceivedPackageRecord[] = [];
      for (let i = 0; i < keys.length; i += READ_SLICE) {
        if (i > 0) await Dexie.waitFor(new Promise((next) => setTimeout(next, 0)));
        for (const r of await db.received.bulkGet(keys.slice(i, i + READ_SLICE))) if (r) out.push(r);
      }
      return out;
    });
    last.current = { key, rows };
    return rows;
  }, [db, planId, period, paused]);
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
