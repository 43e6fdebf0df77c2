// The only code that changes the `trust` table. Every change is an explicit act (DESIGN.md,
// Packages: trust), decided by the core (shared/packages/trust.ts: addKey, revokeKey,
// applyRotation) and written with one audit line per key in the same transaction. A rotation applies
// itself only with the new key's own signature; without it, the officer's confirmation applies it.
import type { UnitId } from '../../../shared/model/ids';
import type { PlanUnit } from '../../../shared/model/units';
import { normaliseFingerprint } from '../../../shared/crypto/hash';
import {
  addKey, applyRotation, judgeKey, revokeKey, type KeysPayload, type RotationConsent, type TrustError, type TrustRegistry, type TrustSource, type TrustedKey,
} from '../../../shared/packages';
import type { PlanBookDb } from '../../db/database';
import { auditRecord } from '../../db/audit';
import type { TrustRecord } from '../../db/records';
import { keysPayloadOf } from './keysPayload';
import { planUnitsRepo } from '../consolidation/planUnitsRepo';
import { receivedRepo } from '../consolidation/receivedRepo';

const SOURCES: readonly TrustSource[] = ['enrolment', 'plan', 'rotation', 'manual'];
const toTrusted = (r: TrustRecord): TrustedKey => ({
  unitId: r.unitId, keyId: r.keyId, publicKey: r.publicKey, validFrom: r.validFrom, revokedAt: r.revokedAt,
  source: (SOURCES as readonly string[]).includes(r.source) ? (r.source as TrustSource) : 'manual', addedAt: r.addedAt,
});
const toRecord = (k: TrustedKey, at: string): TrustRecord => ({
  unitId: k.unitId, keyId: k.keyId, publicKey: k.publicKey, validFrom: k.validFrom, revokedAt: k.revokedAt, addedAt: k.addedAt ?? at, source: k.source,
});

export type TrustActResult = { ok: true; added: string[]; revoked: string[] } | { ok: false; error: TrustError };

const readRegistry = async (db: PlanBookDb): Promise<TrustRegistry> => ({ keys: (await db.trust.toArray()).map(toTrusted) });

/**
 * Writes the keys that `after` adds or changes against `before`, each with its audit line
 * (`action` for added keys, `key-revoked` for keys that became revoked). Inside the caller's transaction.
 */
async function writeDiff(db: PlanBookDb, before: TrustRegistry, after: TrustRegistry, action: string, detail: Record<string, unknown>, at: string) {
  const added: string[] = [];
  const revoked: string[] = [];
  for (const k of after.keys) {
    const old = before.keys.find((o) => o.keyId === k.keyId && o.unitId === k.unitId);
    if (old && old.revokedAt === k.revokedAt) continue;
    await db.trust.put(toRecord(k, at));
    if (!old) added.push(k.keyId);
    else revoked.push(k.keyId);
    await db.audit.add(auditRecord(old ? 'key-revoked' : action, { ...detail, keyId: k.keyId, source: k.source, validFrom: k.validFrom, revokedAt: k.revokedAt }, { unitId: k.unitId }));
  }
  return { added, revoked };
}

const now = () => new Date().toISOString();

/**
 * The received, verified (`ok`) rotations of this unit naming this new key, signed by the key each
 * replaces; not those the officer refused (set aside: refuseRotation.ts), so trusting the new key
 * later for its held files never applies a refused rotation (the old key stays as it is).
 */
async function keptRotations(db: PlanBookDb, unitId: string, publicKey: string) {
  const rows = (await receivedRepo.verifiedKeys(db)).filter((r) => r.unitId === unitId && r.setAside !== true);
  const found: { payload: KeysPayload; signerKeyId: string; packageId: string }[] = [];
  for (const r of rows) {
    const payload = keysPayloadOf(r.bytes);
    if (payload?.replaces && payload.publicKey === publicKey && r.keyId === payload.replaces)
      found.push({ payload, signerKeyId: payload.replaces, packageId: r.packageId ?? '' });
  }
  return found;
}

export type PlanIssuer = { unitId: string; keyId: string; publicKey: string };

export const trustRepo = {
  registry: readRegistry,

  /**
   * (b) A key enrolled by the officer after comparing its fingerprint read over the phone. When the
   * officer typed the fingerprint, it must match the key's (spaces, dashes and case aside). When a
   * verified rotation naming this key was received without the new key's proof (so it was kept,
   * not applied), the officer's confirmation applies that rotation: the key enters from the
   * rotation's validFrom and the old key is revoked from then on. `rotationOnly` (the officer
   * confirms a listed rotation): that rotation applies or nothing changes; the key never enters alone.
   */
  enrol: (db: PlanBookDb, req: { unitId: string; publicKey: string; keyId: string; validFrom: string | null; typed: string | null; source: TrustSource; how: string; rotationOnly?: boolean }) =>
    db.transaction('rw', db.trust, db.audit, db.received, async (): Promise<TrustActResult> => {
      if (req.typed !== null && normaliseFingerprint(req.typed) !== req.keyId) return { ok: false, error: 'fingerprint-mismatch' };
      const at = now();
      const before = await readRegistry(db);
      // The first kept rotation that applies (one whose old key is trusted at its validFrom).
      let refused: TrustError | null = null;
      for (const rotation of await keptRotations(db, req.unitId, req.publicKey)) {
        const r = applyRotation(before, rotation.payload, rotation.signerKeyId, at, { by: 'officer', typed: req.typed });
        if (r.ok) {
          const detail = { how: `${req.typed !== null ? 'fingerprint typed by the officer' : req.how}, for a rotation without the new key's signature`, packageId: rotation.packageId, replaces: rotation.signerKeyId };
          return { ok: true, ...(await writeDiff(db, before, r.registry, 'key-rotated', detail, at)) };
        }
        refused ??= r.error;
      }
      if (req.rotationOnly) return { ok: false, error: refused ?? 'not-a-rotation' };
      const r = addKey(before, { unitId: req.unitId as UnitId, keyId: req.keyId, publicKey: req.publicKey, validFrom: req.validFrom, revokedAt: null, source: req.source, addedAt: at });
      if (!r.ok) return { ok: false, error: r.error };
      const how = req.typed !== null ? 'fingerprint typed by the officer' : req.how;
      return { ok: true, ...(await writeDiff(db, before, r.registry, 'key-trusted', { how }, at)) };
    }),

  /**
   * (a) The unit keys listed in a signed plan package. The issuer's key must be trusted already,
   * or confirmed now by the officer (once: it is then trusted, and later plans need no question).
   */
  takePlanKeys: (db: PlanBookDb, req: { planId: string; issuer: PlanIssuer; units: readonly PlanUnit[]; issuerConfirmed: boolean }) =>
    db.transaction('rw', db.trust, db.audit, db.settings, async (): Promise<TrustActResult> => {
      const at = now();
      const before = await readRegistry(db);
      let registry = before;
      const issuerTrusted = judgeKey(before, req.issuer.keyId, req.issuer.unitId, at) === 'ok';
      if (!issuerTrusted) {
        if (!req.issuerConfirmed) return { ok: false, error: 'issuer-not-trusted' };
        const r = addKey(registry, { unitId: req.issuer.unitId as UnitId, keyId: req.issuer.keyId, publicKey: req.issuer.publicKey, validFrom: null, revokedAt: null, source: 'plan', addedAt: at });
        if (!r.ok) return { ok: false, error: r.error };
        registry = r.registry;
      }
      for (const u of req.units) {
        for (const k of u.publicKeys) {
          const r = addKey(registry, { unitId: u.id, keyId: k.keyId, publicKey: k.publicKey, validFrom: k.validFrom, revokedAt: k.revokedAt, source: 'plan', addedAt: at });
          if (r.ok) registry = r.registry; // a key claimed for two units keeps its first unit
        }
      }
      await planUnitsRepo.save(db, req.planId, req.units); // who the plan's consolidating units expect
      return { ok: true, ...(await writeDiff(db, before, registry, 'key-trusted', { how: 'unit list of a signed plan package', planId: req.planId, issuer: req.issuer.unitId }, at)) };
    }),

  /**
   * (c) A verified rotation package: the new key enters because a key trusted for the unit signed
   * it; the old key is revoked from the new key's validFrom. Applying it twice changes nothing.
   */
  applyRotation: (db: PlanBookDb, req: { payload: KeysPayload; signerKeyId: string; packageId: string; consent: RotationConsent }) =>
    db.transaction('rw', db.trust, db.audit, async (): Promise<TrustActResult> => {
      const at = now();
      const before = await readRegistry(db);
      const r = applyRotation(before, req.payload, req.signerKeyId, at, req.consent);
      if (!r.ok) {
        const applied = before.keys.some((k) => k.unitId === req.payload.unitId && k.publicKey === req.payload.publicKey);
        return applied ? { ok: true, added: [], revoked: [] } : { ok: false, error: r.error };
      }
      const how = req.consent.by === 'proof' ? 'rotation package signed by the old key and the new key' : 'rotation package signed by the old key, new key confirmed by the officer';
      return { ok: true, ...(await writeDiff(db, before, r.registry, 'key-rotated', { how, packageId: req.packageId, replaces: req.signerKeyId }, at)) };
    }),

  /** (d) The consolidating unit revokes a key: packages it signs from `at` on are `revoked-key`. */
  revoke: (db: PlanBookDb, req: { unitId: string; keyId: string; at?: string; how: string }) =>
    db.transaction('rw', db.trust, db.audit, async (): Promise<TrustActResult> => {
      const at = req.at ?? now();
      const before = await readRegistry(db);
      const own = { keys: before.keys.filter((k) => k.unitId === req.unitId) };
      const r = revokeKey(own, req.keyId, at);
      if (!r.ok) return { ok: false, error: r.error };
      const after = { keys: [...before.keys.filter((k) => k.unitId !== req.unitId), ...r.registry.keys] };
      return { ok: true, ...(await writeDiff(db, before, after, 'key-trusted', { how: req.how }, at)) };
    }),
};
