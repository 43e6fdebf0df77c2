// Rotations kept without the new key's proof (payload.newKeySignature absent: made by another
// implementation that follows DESIGN.md only). keysIntake stored them `ok` and wrote the audit line
// `key-rotation-unproven`; they are applied only when the officer compares the new key's
// fingerprint. This module finds them in the stored rows, so the Keys panel lists them as pending
// and the import table says they await that check, without any state of their own: once the new
// key is trusted (the rotation applied), or the old key revoked, a rotation is no longer pending.
// The officer may refuse one instead (refuseRotation.ts): the row, kept as evidence, is then marked
// `setAside` (the flag a conflict's unchosen file carries: kept, counting nowhere) and reads as
// refused; a `keys` row is never part of a conflict, so for it the flag means only this.
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { fromBase64url } from '../../../shared/crypto/encoding';
import { keyIdOf } from '../../../shared/crypto/hash';
import { judgeKey, type TrustRegistry } from '../../../shared/packages';
import type { PlanBookDb } from '../../db/database';
import { useDb } from '../../db/context';
import type { ReceivedPackageRecord } from '../../db/records';
import { keysPayloadOf } from './keysPayload';
import { trustRepo } from './trustRepo';
import { receivedRepo } from '../consolidation/receivedRepo';

/** A kept rotation awaiting the officer: the NEW key (keyId, publicKey), the key it replaces and from when. */
export type UnprovenRotation = {
  unitId: string; keyId: string; publicKey: string; replaces: string; validFrom: string; packageId: string; bytesHash: string;
};

/** How a `keys` line of the import table reads besides its verdict: awaiting the officer, or refused by the officer. */
export type RotationMark = 'awaiting' | 'refused';

// A row without `setAside` (a hand-made or older row) reads as not refused.
type Row = Pick<ReceivedPackageRecord, 'kind' | 'reason' | 'unitId' | 'keyId' | 'bytes' | 'packageId' | 'bytesHash'> & Partial<Pick<ReceivedPackageRecord, 'setAside'>>;

/** A verified (`ok`) `keys` row that is a rotation without the new key's signature, signed by the key it replaces. */
function unprovenPayloadOf(row: Row) {
  if (row.kind !== 'keys' || row.reason !== 'ok' || !row.keyId) return null;
  const p = keysPayloadOf(row.bytes);
  if (!p?.replaces || p.newKeySignature !== undefined || p.replaces !== row.keyId) return null;
  if (row.unitId && row.unitId !== p.unitId) return null;
  return p;
}

/** True for an unproven rotation the officer refused (refuseRotation.ts): kept as evidence, never applied. */
export const isRefusedRotation = (row: Row) => row.setAside === true && unprovenPayloadOf(row) !== null;

/**
 * The row as an unproven rotation still to confirm: a verified (`ok`) `keys` package signed by the
 * key it replaces, without the new key's signature, not refused by the officer, whose old key is
 * trusted for the unit at the rotation's validFrom (so accepting applies it) and revoked at no date
 * (a revoked key's rotations are no longer offered, even dated before the revocation), and whose
 * new key is trusted for no unit yet.
 */
export function unprovenRotationOf(row: Row, registry: TrustRegistry): UnprovenRotation | null {
  if (row.setAside === true) return null;
  const p = unprovenPayloadOf(row);
  if (!p?.replaces) return null;
  const raw = fromBase64url(p.publicKey);
  if (!raw || raw.length !== 32) return null;
  const keyId = keyIdOf(raw);
  if (registry.keys.some((k) => k.keyId === keyId)) return null;
  const replaces = p.replaces;
  if (registry.keys.some((k) => k.keyId === replaces && k.unitId === p.unitId && k.revokedAt !== null)) return null;
  if (judgeKey(registry, p.replaces, p.unitId, p.validFrom) !== 'ok') return null;
  return { unitId: p.unitId, keyId, publicKey: p.publicKey, replaces: p.replaces, validFrom: p.validFrom, packageId: row.packageId ?? '', bytesHash: row.bytesHash };
}

/** Every stored rotation awaiting the officer, one per new key (the first received). */
export async function unprovenRotations(db: PlanBookDb): Promise<UnprovenRotation[]> {
  const [rows, registry] = await Promise.all([
    receivedRepo.verifiedKeys(db),
    trustRepo.registry(db),
  ]);
  const byKey = new Map<string, UnprovenRotation>();
  for (const r of rows) {
    const u = unprovenRotationOf(r, registry);
    if (u && !byKey.has(u.keyId)) byKey.set(u.keyId, u);
  }
  return [...byKey.values()];
}

/** The Keys panel's view of them, following the tables. */
export function useUnprovenRotations(): UnprovenRotation[] | undefined {
  const db = useDb();
  return useLiveQuery(() => unprovenRotations(db), [db]);
}

/** Of these files (by bytesHash), the unproven rotations still awaiting the officer, and those the officer refused. */
export async function rotationMarks(db: PlanBookDb, hashes: readonly string[]): Promise<Map<string, RotationMark>> {
  const marks = new Map<string, RotationMark>();
  if (hashes.length === 0) return marks;
  const [rows, registry] = await Promise.all([db.received.where('bytesHash').anyOf([...hashes]).toArray(), trustRepo.registry(db)]);
  for (const r of rows) {
    if (isRefusedRotation(r)) marks.set(r.bytesHash, 'refused');
    else if (unprovenRotationOf(r, registry)) marks.set(r.bytesHash, 'awaiting');
  }
  return marks;
}

/** Of these files (by bytesHash), the unproven rotations still awaiting the officer. */
export async function awaitingRotationHashes(db: PlanBookDb, hashes: readonly string[]): Promise<Set<string>> {
  const marks = await rotationMarks(db, hashes);
  return new Set([...marks].filter(([, m]) => m === 'awaiting').map(([h]) => h));
}

const NONE: ReadonlyMap<string, RotationMark> = new Map();

/**
 * The import table's lines of `keys` packages that are unproven rotations awaiting the officer or
 * refused by the officer (read only for those lines, so a batch of reports does not read the table again).
 */
export function useRotationMarks(lines: readonly { kind: string | null; bytesHash: string }[]): ReadonlyMap<string, RotationMark> {
  const db = useDb();
  const key = useMemo(() => lines.filter((l) => l.kind === 'keys').map((l) => l.bytesHash).sort().join(' '), [lines]);
  return useLiveQuery(() => rotationMarks(db, key ? key.split(' ') : []), [db, key]) ?? NONE;
}
