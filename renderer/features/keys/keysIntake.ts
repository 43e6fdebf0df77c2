// A received `keys` package that verified `ok` against the trust registry and names a key it
// replaces is a rotation signed by a trusted key (an enrolment signed by an unknown key is held as
// `unknown-key` until the officer compares its fingerprint). It is applied automatically only when
// the new key signed it too (payload.newKeySignature, checked by verifyPackage), in the same
// transaction as the row that records the file, so the file and the registry change land together
// or not at all. A rotation without that proof is kept, not applied: the Keys panel lists it at once
// and the import table reads it as awaiting the new key's fingerprint (unprovenRotations.ts); the
// new key's packages wait as `unknown-key`, and the officer's acceptance applies the rotation
// (trustRepo.enrol).
import type { ReceivedFile } from '../../../shared/receipts';
import type { PlanBookDb } from '../../db/database';
import { auditRecord } from '../../db/audit';
import { receivedRepo, type StoreResult } from '../consolidation/receivedRepo';
import { keysPayloadOf } from './keysPayload';
import { trustRepo, type TrustActResult } from './trustRepo';

export { keysPayloadOf };

/** True for a file whose rotation must be applied: a `keys` package with `replaces`, verified `ok`. */
export const isRotation = (f: Pick<ReceivedFile, 'kind' | 'reason' | 'bytes'>) =>
  f.kind === 'keys' && f.reason === 'ok' && Boolean(keysPayloadOf(f.bytes)?.replaces);

async function applyFrom(db: PlanBookDb, file: ReceivedFile): Promise<TrustActResult> {
  const payload = keysPayloadOf(file.bytes);
  if (!payload?.replaces || !file.keyId) return { ok: false, error: 'not-a-rotation' };
  const r = await trustRepo.applyRotation(db, { payload, signerKeyId: file.keyId, packageId: file.packageId ?? '', consent: { by: 'proof' } });
  // Kept, not applied: the audit log says why, so the officer knows the new key awaits a fingerprint check.
  if (!r.ok && r.error === 'rotation-unproven')
    await db.audit.add(auditRecord('key-rotation-unproven', { packageId: file.packageId, publicKey: payload.publicKey, replaces: payload.replaces }, { unitId: payload.unitId }));
  return r;
}

/** Stores a received rotation and applies it, in one transaction. */
export const storeRotation = (db: PlanBookDb, file: ReceivedFile) =>
  db.transaction('rw', db.received, db.trust, db.audit, async (): Promise<{ stored: StoreResult; trust: TrustActResult | null }> => {
    const stored = await receivedRepo.store(db, file);
    return { stored, trust: stored.stored ? await applyFrom(db, file) : null };
  });

/** A held rotation verified again (its old key was trusted since): the new verdict and the rotation, together. */
export const reverifyRotation = (db: PlanBookDb, id: number, file: ReceivedFile) =>
  db.transaction('rw', db.received, db.trust, db.audit, async () => {
    const changed = await receivedRepo.reverify(db, id, file);
    return changed ? applyFrom(db, file) : null;
  });
