// Rotations kept without the new key's proof (payload.newKeySignature absent: made by another
// implementation that follows DESIGN.md only). keysIntake stored them `ok` and wrote the audit line
// `key-rotation-unproven`; they are applied only when the officer compares the new key's
// fingerprint. This module finds them in the stored rows, so the Keys panel lists them as pending
// and the import table says they await that check, without any state of their own: once the new
// key is trusted (the rotation applied), a rotation is no longer pending.
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

/** A kept rotation awaiting the officer: the NEW key (keyId, publicKey), the key it replaces and from when. */
export type UnprovenRotation = {
  unitId: string; keyId: string; publicKey: string; replaces: string; validFrom: string; packageId: string; bytesHash: string;
};

type Row = Pick<ReceivedPackageRecord, 'kind' | 'reason' | 'unitId' | 'keyId' | 'bytes' | 'packageId' | 'bytesHash'>;

/**
 * The row as an unproven rotation still to confirm: a verified (`ok`) `keys` package signed by the
 * key it replaces, without the new key's signature, whose old key is trusted for the unit at the
 * rotation's validFrom (so accepting applies it) and whose new key is trusted for no unit yet.
 */
export function unprovenRotationOf(row: Row, registry: TrustRegistry): UnprovenRotation | null {
  if (row.kind !== 'keys' || row.reason !== 'ok' || !row.keyId) return null;
  const p = keysPayloadOf(row.bytes);
  if (!p?.replaces || p.newKeySignature !== undefined || p.replaces !== row.keyId) return null;
  if (row.unitId && row.unitId !== p.unitId) return null;
  const raw = fromBase64url(p.publicKey);
  if (!raw || raw.length !== 32) return null;
  const keyId = keyIdOf(raw);
  if (registry.keys.some((k) => k.keyId === keyId)) return null;
  if (judgeKey(registry, p.replaces, p.unitId, p.validFrom) !== 'ok') return null;
  return { unitId: p.unitId, keyId, publicKey: p.publicKey, replaces: p.replaces, validFrom: p.validFrom, packageId: row.packageId ?? '', bytesHash: row.bytesHash };
}

/** Every stored rotation awaiting the officer, one per new key (the first received). */
export async function unprovenRotations(db: PlanBookDb): Promise<UnprovenRotation[]> {
  const [rows, registry] = await Promise.all([
    db.received.where('reason').equals('ok').filter((r) => r.kind === 'keys').toArray(),
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

/** Of these files (by bytesHash), the unproven rotations still awaiting the officer. */
export async function awaitingRotationHashes(db: PlanBookDb, hashes: readonly string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const [rows, registry] = await Promise.all([db.received.where('bytesHash').anyOf([...hashes]).toArray(), trustRepo.registry(db)]);
  return new Set(rows.filter((r) => unprovenRotationOf(r, registry)).map((r) => r.bytesHash));
}

const NONE: ReadonlySet<string> = new Set();

/**
 * The import table's lines of `keys` packages that are unproven rotations awaiting the officer
 * (read only for those lines, so a batch of reports does not read the table again).
 */
export function useAwaitingRotations(lines: readonly { kind: string | null; bytesHash: string }[]): ReadonlySet<string> {
  const db = useDb();
  const key = useMemo(() => lines.filter((l) => l.kind === 'keys').map((l) => l.bytesHash).sort().join(' '), [lines]);
  return useLiveQuery(() => awaitingRotationHashes(db, key ? key.split(' ') : []), [db, key]) ?? NONE;
}
