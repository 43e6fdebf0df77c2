// The Keys panel's pending list ("Khóa ký chờ xác nhận"): one entry per key that waits for the
// officer's fingerprint check. A key waits because files signed by it are held as `unknown-key`
// (an enrolment, a report of a key never enrolled), or because a rotation naming it was kept without
// the new key's signature (unprovenRotations.ts), or both. Accepting an entry is one trust act
// (trustRepo.enrol): for a rotation it applies that rotation, the old key revoked from its validFrom.
import type { PlanBookDb } from '../../db/database';
import type { ReceivedPackageRecord } from '../../db/records';
import { keysPayloadOf } from './keysPayload';
import { trustRepo, type TrustActResult } from './trustRepo';
import type { UnprovenRotation } from './unprovenRotations';

export type PendingKey = {
  keyId: string; unitId: string; publicKey: string; kind: string | null; validFrom: string | null;
  /** Files waiting on this key: the held files signed by it, and the kept rotation naming it. */
  files: number;
  /** A rotation kept without the new key's signature names this key: accepting applies it. */
  rotation: { replaces: string; packageId: string } | null;
};

/** An entry's identity (a React key too). */
export const keyOf = (unitId: string, keyId: string) => `${unitId} ${keyId}`;

type Held = Pick<ReceivedPackageRecord, 'keyId' | 'unitId' | 'publicKey' | 'kind' | 'bytes'>;

/** The pending entries, by unit: held files grouped by the key they wait for, and the unproven rotations. */
export function pendingOf(held: readonly Held[], rotations: readonly UnprovenRotation[] = []): PendingKey[] {
  const byKey = new Map<string, PendingKey>(); // by unit and key: the same key claimed by two units is two questions
  for (const r of held) {
    if (!r.keyId || !r.unitId || !r.publicKey) continue;
    const p = byKey.get(keyOf(r.unitId, r.keyId));
    if (p) p.files += 1;
    else {
      // An enrolment names its own validFrom; any other file's key is valid from when it is trusted.
      const enrolment = r.kind === 'keys' ? keysPayloadOf(r.bytes) : null;
      const validFrom = enrolment && !enrolment.replaces && enrolment.publicKey === r.publicKey ? enrolment.validFrom : null;
      byKey.set(keyOf(r.unitId, r.keyId), { keyId: r.keyId, unitId: r.unitId, publicKey: r.publicKey, kind: r.kind, validFrom, files: 1, rotation: null });
    }
  }
  for (const u of rotations) {
    const rotation = { replaces: u.replaces, packageId: u.packageId };
    const k = keyOf(u.unitId, u.keyId);
    const p = byKey.get(k);
    byKey.set(k, p ? { ...p, kind: 'keys', validFrom: u.validFrom, files: p.files + 1, rotation } : { keyId: u.keyId, unitId: u.unitId, publicKey: u.publicKey, kind: 'keys', validFrom: u.validFrom, files: 1, rotation });
  }
  return [...byKey.values()].sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
}

/**
 * The officer's acceptance of an entry, after comparing the fingerprint (`typed`, when typed, must
 * match). For a rotation, only that rotation may apply: the new key never enters without the old
 * key's revocation.
 */
export const acceptPending = (db: PlanBookDb, p: PendingKey, typed: string | null, how: string): Promise<TrustActResult> => trustRepo.enrol(db, {
  unitId: p.unitId, publicKey: p.publicKey, keyId: p.keyId, validFrom: p.validFrom, typed,
  source: p.rotation ? 'rotation' : p.kind === 'keys' ? 'enrolment' : 'manual', how, rotationOnly: p.rotation !== null,
});
