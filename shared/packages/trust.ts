// The trust registry (DESIGN.md, Packages: Trust): unitId -> public keys with validFrom/revokedAt.
// Pure: every change returns a new registry, so the app writes it and its audit line in one
// transaction and the command line writes TRUST.json. A key enters only by an explicit act:
// enrolment after the officer compared the fingerprint, the unit list of a signed plan package
// from the issuer, or a rotation signed by a key already trusted for that unit and by the new key
// (or, without the new key's proof, confirmed by the officer's fingerprint comparison).
import { z } from 'zod';
import { fromBase64url } from './primitives';
import { publicKeyProblem } from './primitives';
import { keyIdOf, normaliseFingerprint } from './primitives';
import type { UnitId } from '../model/ids';
import type { PlanUnit } from '../model/units';
import { parseStrictJson } from './json';
import { keyIdSchema, publicKeySchema } from './schema';
import type { KeysPayload } from './types';

export type TrustSource = 'enrolment' | 'plan' | 'rotation' | 'manual';
export type TrustedKey = {
  unitId: UnitId;
  keyId: string;
  publicKey: string;
  validFrom: string | null;
  revokedAt: string | null;
  source: TrustSource;
  addedAt: string | null;
};
export type TrustRegistry = { readonly keys: readonly TrustedKey[] };
export type KeyJudgement = 'ok' | 'unknown-key' | 'revoked-key' | 'wrong-unit';

export const TRUST_FORMAT = 'planbook/trust';
export const emptyTrust = (): TrustRegistry => ({ keys: [] });

/**
 * Every code a trust act can end with (the core's changes, then the app's and the command line's
 * checks around them). Each has a Vietnamese and an English text: trustErrorMessage (messages.ts).
 */
export const TRUST_ERRORS = [
  'bad-public-key', 'small-order-key', 'key-of-other-unit', 'not-trusted', 'unknown-key',
  'fingerprint-mismatch', 'issuer-not-trusted', 'not-a-rotation', 'rotation-unproven',
] as const;
export type TrustError = (typeof TRUST_ERRORS)[number];
export type TrustChangeError = Extract<TrustError,
  'bad-public-key' | 'small-order-key' | 'key-of-other-unit' | 'not-trusted' | 'unknown-key' | 'fingerprint-mismatch' | 'rotation-unproven'>;
export type TrustChange = { ok: true; registry: TrustRegistry } | { ok: false; error: TrustChangeError };

/** A judgement and why, in English for logs and the command line's detail. */
export type KeyVerdict = { judgement: KeyJudgement; detail: string };

/**
 * How a package signed by `keyId` for `unitId` at `signedAt` (its header.createdAt) stands against
 * the registry. A key counts for a unit only from its `validFrom` (null: always) up to, not
 * including, its `revokedAt`: before validFrom the key was not yet that unit's key, so the package
 * is `unknown-key` (docs/package-format.md §7).
 */
export function explainKey(registry: TrustRegistry, keyId: string, unitId: string, signedAt: string): KeyVerdict {
  const entries = registry.keys.filter((k) => k.keyId === keyId);
  if (entries.length === 0) return { judgement: 'unknown-key', detail: 'not in the trust registry' };
  const own = entries.filter((k) => k.unitId === unitId);
  if (own.length === 0) return { judgement: 'wrong-unit', detail: `trusted for ${entries.map((k) => k.unitId).join(', ')}` };
  const at = Date.parse(signedAt);
  // An unreadable validFrom does not hold a key back (as an unreadable revokedAt does not revoke it).
  const begun = own.filter((k) => k.validFrom === null || !(Date.parse(k.validFrom) > at));
  if (begun.length === 0) {
    const from = own.map((k) => k.validFrom).sort()[0];
    return { judgement: 'unknown-key', detail: `createdAt ${signedAt} is before the key's validFrom ${from ?? '?'}: not yet the unit's key` };
  }
  // Revoked when the package claims to be made at or after the revocation. createdAt is the
  // signer's word: a thief can backdate, which is why revocation also tells the officer (audit).
  const live = begun.some((k) => k.revokedAt === null || !(Date.parse(k.revokedAt) <= at));
  if (live) return { judgement: 'ok', detail: 'trusted' };
  return { judgement: 'revoked-key', detail: `revoked at ${begun.map((k) => k.revokedAt).sort()[0] ?? '?'}, at or before createdAt ${signedAt}` };
}

/** explainKey without the detail. */
export function judgeKey(registry: TrustRegistry, keyId: string, unitId: string, signedAt: string): KeyJudgement {
  return explainKey(registry, keyId, unitId, signedAt).judgement;
}

/** Adds a key for a unit (idempotent). One key belongs to one unit only. */
export function addKey(registry: TrustRegistry, key: Omit<TrustedKey, 'keyId'> & { keyId?: string }): TrustChange {
  const raw = fromBase64url(key.publicKey);
  if (!raw || raw.length !== 32) return { ok: false, error: 'bad-public-key' };
  const problem = publicKeyProblem(raw);
  if (problem) return { ok: false, error: problem };
  const keyId = keyIdOf(raw);
  if (key.keyId !== undefined && key.keyId !== keyId) return { ok: false, error: 'bad-public-key' };
  const existing = registry.keys.filter((k) => k.keyId === keyId);
  if (existing.some((k) => k.unitId !== key.unitId)) return { ok: false, error: 'key-of-other-unit' };
  if (existing.length > 0) return { ok: true, registry };
  return { ok: true, registry: { keys: [...registry.keys, { ...key, keyId }] } };
}

/** Marks a key revoked from `at` on; packages claiming a later createdAt become `revoked-key`. */
export function revokeKey(registry: TrustRegistry, keyId: string, at: string): TrustChange {
  if (!registry.keys.some((k) => k.keyId === keyId)) return { ok: false, error: 'unknown-key' };
  return { ok: true, registry: { keys: registry.keys.map((k) => (k.keyId === keyId && k.revokedAt === null ? { ...k, revokedAt: at } : k)) } };
}

/**
 * Who vouches for the new key of a rotation besides the old key: its own signature in the package
 * (`payload.newKeySignature`, checked by verifyPackage), or the officer who compared the new key's
 * fingerprint over the phone, as for an enrolment (`typed`: the fingerprint typed, which must then
 * match; null when the officer's confirmation is the act itself, as the app's accept button).
 */
export type RotationConsent = { by: 'proof' } | { by: 'officer'; typed: string | null };

/**
 * Applies a verified `keys` rotation package: the new key enters because the old one, trusted for
 * the same unit, signed it, and the new key proved itself (or the officer compared its
 * fingerprint); the old key is revoked from the new key's validFrom. The caller has verified the
 * package (`ok`: signatures, `replaces` = signing key, and the proof whenever present) before
 * calling, so a proof present here is a valid one.
 */
export function applyRotation(registry: TrustRegistry, payload: KeysPayload, signerKeyId: string, at: string, consent: RotationConsent): TrustChange {
  if (!payload.replaces || payload.replaces !== signerKeyId) return { ok: false, error: 'not-trusted' };
  if (consent.by === 'proof' && payload.newKeySignature === undefined) return { ok: false, error: 'rotation-unproven' };
  if (consent.by === 'officer' && consent.typed !== null) {
    const raw = fromBase64url(payload.publicKey);
    if (!raw || raw.length !== 32) return { ok: false, error: 'bad-public-key' };
    if (normaliseFingerprint(consent.typed) !== keyIdOf(raw)) return { ok: false, error: 'fingerprint-mismatch' };
  }
  if (judgeKey(registry, signerKeyId, payload.unitId, payload.validFrom) !== 'ok') return { ok: false, error: 'not-trusted' };
  const added = addKey(registry, { unitId: payload.unitId, publicKey: payload.publicKey, validFrom: payload.validFrom, revokedAt: null, source: 'rotation', addedAt: at });
  if (!added.ok) return added;
  return revokeKey(added.registry, signerKeyId, payload.validFrom);
}

/** The keys listed in the units of a plan package from the issuer (DESIGN.md: an explicit act). */
export function trustFromPlanUnits(units: readonly PlanUnit[], base: TrustRegistry = emptyTrust(), at: string | null = null): TrustRegistry {
  let registry = base;
  for (const u of units) {
    for (const k of u.publicKeys) {
      const r = addKey(registry, { unitId: u.id, keyId: k.keyId, publicKey: k.publicKey, validFrom: k.validFrom, revokedAt: k.revokedAt, source: 'plan', addedAt: at });
      if (r.ok) registry = r.registry;
    }
  }
  return registry;
}

// TRUST.json (documented in docs/package-format.md). Readers also accept the `units` shape of a
// plan payload ({units: [{id, publicKeys: [...]}]}) so a unit list can serve as a trust file.
const dateTime = z.string().min(1).nullable();
const trustedKeySchema = z.looseObject({
  unitId: z.string().min(1), keyId: keyIdSchema.optional(), publicKey: publicKeySchema,
  validFrom: dateTime.default(null), revokedAt: dateTime.default(null),
  source: z.enum(['enrolment', 'plan', 'rotation', 'manual']).default('manual'), addedAt: dateTime.default(null),
});
const trustFileSchema = z.looseObject({ format: z.literal(TRUST_FORMAT), formatVersion: z.literal(1), keys: z.array(trustedKeySchema) });
const unitListSchema = z.looseObject({ units: z.array(z.looseObject({ id: z.string().min(1), publicKeys: z.array(z.looseObject({
  keyId: keyIdSchema.optional(), publicKey: publicKeySchema, validFrom: dateTime.default(null), revokedAt: dateTime.default(null),
})) })) });

export type TrustFileResult = { ok: true; registry: TrustRegistry } | { ok: false; error: string };

export function parseTrustFile(bytes: Uint8Array): TrustFileResult {
  const parsed = parseStrictJson(bytes);
  if (!parsed.ok) return { ok: false, error: `not strict JSON: ${parsed.error}` };
  const file = trustFileSchema.safeParse(parsed.value);
  const list = file.success ? null : unitListSchema.safeParse(parsed.value);
  const rows = file.success ? file.data.keys
    : list?.success ? list.data.units.flatMap((u) => u.publicKeys.map((k) => ({ ...k, unitId: u.id, source: 'plan' as const, addedAt: null })))
      : null;
  if (!rows) return { ok: false, error: 'not a TRUST.json document' };
  let registry = emptyTrust();
  for (const row of rows) {
    const base = { unitId: row.unitId as UnitId, publicKey: row.publicKey, validFrom: row.validFrom, revokedAt: row.revokedAt, source: row.source, addedAt: row.addedAt };
    const r = addKey(registry, row.keyId === undefined ? base : { ...base, keyId: row.keyId });
    if (!r.ok) return { ok: false, error: `key ${row.keyId ?? row.publicKey} of ${row.unitId}: ${r.error}` };
    registry = r.registry;
  }
  return { ok: true, registry };
}

/** TRUST.json text: stable order (unit, then validFrom), two-space indent, newline at the end. */
export function serializeTrust(registry: TrustRegistry): string {
  const keys = [...registry.keys].sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : (a.validFrom ?? '') < (b.validFrom ?? '') ? -1 : 1));
  const doc = { format: TRUST_FORMAT, formatVersion: 1, keys: keys.map((k) => ({
    unitId: k.unitId, keyId: k.keyId, publicKey: k.publicKey, validFrom: k.validFrom, revokedAt: k.revokedAt, source: k.source, addedAt: k.addedAt,
  })) };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
