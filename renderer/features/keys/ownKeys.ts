// The unit's own `keys` packages: an enrolment (signed by the key it enrols) for the consolidating
// unit to trust after comparing the fingerprint, and a rotation (a new key, `replaces` = the old
// keyId, signed by the OLD key, with the NEW key's proof in payload.newKeySignature) that a
// consolidating unit trusting the old key applies by itself.
// The core builds, signs and checks (shared/packages); the host holds the keys (Platform); this
// file orders the steps and keeps the sequence, which only grows, and the last package made.
import { fromBase64url } from '../../../shared/crypto/encoding';
import { keyIdOf } from '../../../shared/crypto/hash';
import { webCryptoEd25519 } from '../../../shared/crypto/webcrypto';
import { buildKeysPackage, signPackage, signRotation, verifyPackage, type Signer } from '../../../shared/packages';
import { asciiSlug } from '../../../shared/progress/exportFile';
import type { KeyInfo, Platform, SaveFileResult } from '../../../shared/platform/contract';
import type { PlanBookDb } from '../../db/database';
import { auditRecord } from '../../db/audit';
import type { SettingRecord } from '../../db/records';

export type OwnKeysPackage = { kind: 'enrolment' | 'rotation'; fileName: string; bytes: Uint8Array; createdAt: string; keyId: string; replaces: string | null };
type OwnKeysState = { sequence: number; last: OwnKeysPackage | null };

const settingKey = (unitId: string) => `ownKeys:${unitId}`;

async function readState(db: PlanBookDb, unitId: string): Promise<OwnKeysState> {
  const row = (await db.settings.get(settingKey(unitId))) as SettingRecord | undefined;
  const v = row?.value as Partial<OwnKeysState> | undefined;
  return { sequence: typeof v?.sequence === 'number' ? v.sequence : 0, last: v?.last ?? null };
}

/** The next sequence of the unit's keys packages, recorded (with its audit line) before anything is signed. */
const takeSequence = (db: PlanBookDb, unitId: string, kind: OwnKeysPackage['kind']) =>
  db.transaction('rw', db.settings, db.audit, async () => {
    const state = await readState(db, unitId);
    const sequence = state.sequence + 1;
    await db.settings.put({ key: settingKey(unitId), value: { ...state, sequence } });
    await db.audit.add(auditRecord(`keys-package-${kind}`, { sequence }, { unitId }));
    return sequence;
  });

const remember = (db: PlanBookDb, unitId: string, pkg: OwnKeysPackage) =>
  db.transaction('rw', db.settings, db.audit, async () => {
    const state = await readState(db, unitId);
    await db.settings.put({ key: settingKey(unitId), value: { ...state, last: pkg } });
    if (pkg.kind === 'rotation') await db.audit.add(auditRecord('own-key-rotated', { from: pkg.replaces, to: pkg.keyId, file: pkg.fileName }, { unitId }));
  });

export const ownKeysRepo = { last: async (db: PlanBookDb, unitId: string) => (await readState(db, unitId)).last };

export type KeysDeps = { platform: Platform; signer: (unitId: string) => Promise<Signer | null>; now?: () => string };
export type OwnKeysOutcome = { ok: true; pkg: OwnKeysPackage; saved: SaveFileResult; key: KeyInfo }
  | { ok: false; reason: 'unsupported' | 'no-key' | 'unavailable' | 'sign-failed' | 'cancelled' | 'save-failed' };

const fileNameOf = (unitId: string, kind: OwnKeysPackage['kind'], sequence: number) =>
  `khoa-${asciiSlug(unitId)}-${kind === 'rotation' ? 'doi-khoa' : 'dang-ky'}-${sequence}.json`;

/**
 * Builds, signs with `signer` (and, for a rotation, has the next key sign its proof through
 * `nextSigner`), and checks with the core that the package verifies before it is saved.
 */
async function make(db: PlanBookDb, unitId: string, kind: OwnKeysPackage['kind'], newKey: KeyInfo, signer: Signer, createdAt: string, nextSigner: Signer | null = null) {
  const publicKey = fromBase64url(newKey.publicKey);
  if (!publicKey) return null;
  const replaces = kind === 'rotation' ? keyIdOf(signer.publicKey) : null;
  const sequence = await takeSequence(db, unitId, kind);
  const unsigned = buildKeysPackage({
    unitId, sequence, createdAt, publicKey, validFrom: kind === 'rotation' ? createdAt : newKey.createdAt, ...(replaces ? { replaces } : {}),
  });
  const signed = nextSigner ? await signRotation(unsigned, signer, nextSigner) : await signPackage(unsigned, signer);
  if (!signed.ok) return null;
  const check = await verifyPackage(signed.bytes, { native: webCryptoEd25519() });
  if (check.reason !== 'ok') return null;
  const pkg: OwnKeysPackage = { kind, fileName: fileNameOf(unitId, kind, sequence), bytes: signed.bytes, createdAt, keyId: keyIdOf(publicKey), replaces };
  return pkg;
}

/** The enrolment package of the unit's current key, saved for the consolidating unit. */
export async function saveEnrolment(db: PlanBookDb, unitId: string, deps: KeysDeps): Promise<OwnKeysOutcome> {
  const key = await deps.platform.getUnitKey(unitId);
  if (!key.ok) return { ok: false, reason: key.reason === 'no-key' ? 'no-key' : 'unavailable' };
  const signer = await deps.signer(unitId);
  if (!signer) return { ok: false, reason: 'no-key' };
  const pkg = await make(db, unitId, 'enrolment', key.key, signer, (deps.now ?? (() => new Date().toISOString()))());
  if (!pkg) return { ok: false, reason: 'sign-failed' };
  const saved = await deps.platform.saveFile({ suggestedName: pkg.fileName, bytes: pkg.bytes });
  if (!saved.ok) return { ok: false, reason: saved.reason === 'cancelled' ? 'cancelled' : 'save-failed' };
  await remember(db, unitId, pkg);
  return { ok: true, pkg, saved, key: key.key };
}

/**
 * Rotation: the host makes the next key; the current key signs the package naming it; the file is
 * saved; only then does the next key replace the current one. A cancelled save changes nothing
 * (the next key waits, and a new attempt names the same one).
 */
export async function rotateKey(db: PlanBookDb, unitId: string, deps: KeysDeps): Promise<OwnKeysOutcome> {
  const { platform } = deps;
  if (!platform.beginKeyRotation || !platform.finishKeyRotation || !platform.signRotationProof) return { ok: false, reason: 'unsupported' };
  const signRotationProof = platform.signRotationProof.bind(platform);
  const next = await platform.beginKeyRotation(unitId);
  if (!next.ok) return { ok: false, reason: next.reason === 'no-key' ? 'no-key' : 'unavailable' };
  const signer = await deps.signer(unitId); // still the current (old) key
  if (!signer) return { ok: false, reason: 'no-key' };
  const nextPublicKey = fromBase64url(next.key.publicKey);
  if (!nextPublicKey) return { ok: false, reason: 'unavailable' };
  // The next key signs the proof (payload.newKeySignature) in the host, which never hands it out.
  const nextSigner: Signer = {
    publicKey: nextPublicKey,
    sign: async (bytes) => {
      const r = await signRotationProof(unitId, bytes);
      const sig = r.ok ? fromBase64url(r.signature) : null;
      if (!sig) throw new Error(r.ok ? 'bad signature encoding' : r.reason);
      return sig;
    },
  };
  const pkg = await make(db, unitId, 'rotation', next.key, signer, (deps.now ?? (() => new Date().toISOString()))(), nextSigner);
  if (!pkg) return { ok: false, reason: 'sign-failed' };
  const saved = await platform.saveFile({ suggestedName: pkg.fileName, bytes: pkg.bytes });
  if (!saved.ok) return { ok: false, reason: saved.reason === 'cancelled' ? 'cancelled' : 'save-failed' };
  const finished = await platform.finishKeyRotation(unitId, next.key.publicKey);
  if (!finished.ok) return { ok: false, reason: 'unavailable' };
  await remember(db, unitId, pkg);
  return { ok: true, pkg, saved, key: finished.key };
}

/** Saves the last keys package again (a lost USB stick): the same bytes. */
export async function saveAgain(db: PlanBookDb, unitId: string, platform: Platform): Promise<SaveFileResult | null> {
  const last = await ownKeysRepo.last(db, unitId);
  return last ? platform.saveFile({ suggestedName: last.fileName, bytes: last.bytes }) : null;
}
