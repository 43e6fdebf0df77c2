// Builders for each kind and signing. The signer is a callback so the host signs: Electron's main
// process (key under safeStorage), the browser's non-extractable WebCrypto key, or the command
// line's key file. The core only decides which bytes are signed.
import { canonicalize } from './primitives';
import { publicKeyOf, signWithSecretKey } from './primitives';
import { fromBase64url, toBase64url } from './primitives';
import { keyIdOf } from './primitives';
import { utf8Encode } from './primitives';
import type { PeriodKey, PlanId, UnitId } from '../model/ids';
import { isJsonObject } from './json';
import {
  FORMAT_VERSION, PACKAGE_FORMAT, SIGNATURE_ALG, type ConsolidatedSummary, type KeysPayload, type Package, type PackageHeader,
  type PackageKind, type Payloads, type PlanPayload, type ReceivedEntry, type ReportPayload, type UnsignedPackage,
} from './types';

export type Signer = { publicKey: Uint8Array; sign(bytes: Uint8Array): Promise<Uint8Array> };

/** A signer over a raw 32-byte secret key (tests, fixtures, the command line). */
export function secretKeySigner(secretKey: Uint8Array): Signer {
  return { publicKey: publicKeyOf(secretKey), sign: async (bytes) => signWithSecretKey(secretKey, bytes) };
}

/** The signed bytes (contract): UTF-8 of the JCS form of the package without `signature.value`. */
export function signingBytes(pkg: unknown): Uint8Array | null {
  if (!isJsonObject(pkg)) return null;
  const sig = pkg.signature;
  const copy: Record<string, unknown> = { ...pkg };
  if (isJsonObject(sig)) {
    const rest: Record<string, unknown> = { ...sig };
    delete rest.value;
    copy.signature = rest;
  }
  const c = canonicalize(copy);
  return c.ok ? utf8Encode(c.text) : null;
}

/** Package file bytes: the JCS form of the whole package (so every writer produces the same file). */
export function serializePackage(pkg: Package | UnsignedPackage): Uint8Array {
  const c = canonicalize(pkg);
  if (!c.ok) throw new Error(`package has no canonical form: ${c.error}`); // a builder bug, not input
  return utf8Encode(c.text);
}

export type SignOutcome<K extends PackageKind> =
  | { ok: true; package: Package<K>; bytes: Uint8Array }
  | { ok: false; error: 'not-canonical' | 'signer-failed' | 'key-mismatch' };

/** A 64-byte signature from `signer`, or null when it throws or answers anything else. */
async function signatureOf(signer: Signer, bytes: Uint8Array): Promise<Uint8Array | null> {
  try {
    const value = await signer.sign(bytes);
    return value.length === 64 ? value : null;
  } catch {
    return null;
  }
}

/** Fills in `signature` (alg, keyId, publicKey, value) for the signer's key and signs. */
export async function signPackage<K extends PackageKind>(unsigned: UnsignedPackage<K>, signer: Signer): Promise<SignOutcome<K>> {
  const publicKey = toBase64url(signer.publicKey);
  const keyId = keyIdOf(signer.publicKey);
  const given = unsigned.signature;
  if (given && (given.publicKey !== publicKey || given.keyId !== keyId)) return { ok: false, error: 'key-mismatch' };
  const signature = { alg: SIGNATURE_ALG, keyId, publicKey } as const;
  const draft = { ...unsigned, signature };
  const bytes = signingBytes(draft);
  if (!bytes) return { ok: false, error: 'not-canonical' };
  const value = await signatureOf(signer, bytes);
  if (!value) return { ok: false, error: 'signer-failed' };
  const pkg = { ...draft, signature: { ...signature, value: toBase64url(value) } } as unknown as Package<K>;
  return { ok: true, package: pkg, bytes: serializePackage(pkg) };
}

export type HeaderInput = {
  unitId: string;
  sequence: number;
  createdAt: string;
  planId?: string | null;
  planRevision?: number | null;
  period?: string | null;
  packageId?: string;
  app?: string;
};

export const DEFAULT_APP = 'planbook 0.1.0';

/** Readable and unique per (kind, unit, plan, period, sequence) unless the caller names it. */
function headerOf(kind: PackageKind, h: HeaderInput): PackageHeader {
  const planId = h.planId ?? null;
  const period = h.period ?? null;
  return {
    packageId: h.packageId ?? [kind, h.unitId, planId ?? '-', period ?? '-', String(h.sequence)].join(':'),
    planId: planId as PlanId | null,
    planRevision: h.planRevision ?? null,
    unitId: h.unitId as UnitId,
    period: period as PeriodKey | null,
    sequence: h.sequence,
    createdAt: h.createdAt,
    app: h.app ?? DEFAULT_APP,
  };
}

export function buildPackage<K extends PackageKind>(kind: K, header: HeaderInput, payload: Payloads[K]): UnsignedPackage<K> {
  return { format: PACKAGE_FORMAT, formatVersion: FORMAT_VERSION, kind, header: headerOf(kind, header), payload } as unknown as UnsignedPackage<K>;
}

export const buildPlanPackage = (h: Omit<HeaderInput, 'planId' | 'planRevision'>, payload: PlanPayload) =>
  buildPackage('plan', { ...h, planId: payload.plan.id, planRevision: payload.plan.revision }, payload);

export const buildReportPackage = (h: HeaderInput & { planId: string; planRevision: number; period: string }, payload: ReportPayload) =>
  buildPackage('report', h, payload);

export const buildConsolidatedPackage = (
  h: HeaderInput & { planId: string; planRevision: number; period: string }, children: Package[], summary: ConsolidatedSummary,
) => buildPackage('consolidated', h, { children, summary });

/**
 * Self-enrolment (no `replaces`, signed by the new key) or rotation (`replaces` = old keyId, signed
 * by the old key; sign it with signRotation so the new key proves itself too).
 */
export function buildKeysPackage(h: Omit<HeaderInput, 'planId' | 'planRevision' | 'period'> & { publicKey: Uint8Array; validFrom: string; replaces?: string }) {
  const payload: KeysPayload = { unitId: h.unitId as UnitId, publicKey: toBase64url(h.publicKey), validFrom: h.validFrom };
  if (h.replaces !== undefined) payload.replaces = h.replaces;
  return buildPackage('keys', { unitId: h.unitId, sequence: h.sequence, createdAt: h.createdAt, packageId: h.packageId, app: h.app }, payload);
}

/**
 * The bytes the NEW key signs in a rotation (`payload.newKeySignature`, docs/package-format.md §2):
 * the JCS form of the package without `signature.value` and without `payload.newKeySignature`.
 * The old key's envelope signature then covers the proof as well.
 */
export function rotationProofBytes(pkg: unknown): Uint8Array | null {
  if (!isJsonObject(pkg) || !isJsonObject(pkg.payload)) return null;
  const payload: Record<string, unknown> = { ...pkg.payload };
  delete payload.newKeySignature;
  return signingBytes({ ...pkg, payload });
}

/**
 * Signs a rotation with both keys (issue 3): the new key signs the proof (rotationProofBytes), which
 * goes into `payload.newKeySignature`; then the old key signs the whole package as usual. The
 * payload must name the new signer's key and `replaces` the old signer's keyId.
 */
export async function signRotation(unsigned: UnsignedPackage<'keys'>, oldSigner: Signer, newSigner: Signer): Promise<SignOutcome<'keys'>> {
  const { payload } = unsigned;
  if (payload.publicKey !== toBase64url(newSigner.publicKey) || payload.replaces !== keyIdOf(oldSigner.publicKey)) return { ok: false, error: 'key-mismatch' };
  const signature = { alg: SIGNATURE_ALG, keyId: keyIdOf(oldSigner.publicKey), publicKey: toBase64url(oldSigner.publicKey) } as const;
  const { newKeySignature: _stale, ...bare } = payload;
  const draft: UnsignedPackage<'keys'> = { ...unsigned, payload: bare, signature };
  const bytes = rotationProofBytes(draft);
  if (!bytes) return { ok: false, error: 'not-canonical' };
  const proof = await signatureOf(newSigner, bytes);
  if (!proof) return { ok: false, error: 'signer-failed' };
  return signPackage({ ...draft, payload: { ...bare, newKeySignature: toBase64url(proof) } }, oldSigner);
}

export const buildReceiptPackage = (h: HeaderInput, received: ReceivedEntry[]) => buildPackage('receipt', h, { received });

/** Raw public key bytes of a package's signature block, or null. */
export function signaturePublicKey(pkg: Package): Uint8Array | null {
  return fromBase64url(pkg.signature.publicKey);
}
