// Ed25519 with one verdict on every platform. Implementations disagree on edge cases (see the
// ed25519-speccheck vectors in tests/fixtures/packages/ed25519-speccheck.json): OpenSSL, WebCrypto
// and noble's default (ZIP-215) accept S = 0 under a small-order public key, i.e. a "signature"
// anyone can make for any content. So a signature counts only when
//   1. the public key decodes canonically, is not of small order and lies in the prime-order
//      subgroup (every honestly generated key does; this also removes the cofactored/cofactorless
//      split between libraries),
//   2. R decodes canonically and is not of small order,
//   3. S < L (no malleable second signature for the same content),
//   4. noble with zip215:false accepts it, AND the platform's native verifier accepts it.
// The native verifier is injected: WebCrypto in Chromium/Electron, node:crypto in the command line.
//
// Fast path (same verdict, about 10x cheaper): when a native verifier is present, noble's own
// equation check is redundant once 1 and 3 hold. Write k = SHA-512(R || A || M) mod L; both
// verifiers hash the bytes as given, and A is canonical, so they use the same k.
//   * noble (zip215:false) accepts  <=>  [8](R + [k]A - [S]B) = O        (cofactored equation)
//   * native (OpenSSL, BoringSSL)    <=>  R = encode([S]B - [k]A)         (cofactorless: it
//     recomputes the point and compares the 32 bytes; the speccheck tests pin this: node accepts
//     none of the cofactored-only vectors 4 and 5).
// With A and B in the prime-order subgroup, Q = [S]B - [k]A is in it too; let T = R - Q. Native
// accepts iff T = O; noble accepts iff [8]T = O. So native acceptance implies noble acceptance,
// and where they differ (R carries a torsion component T != O) native refuses, so "both accept"
// is exactly "native accepts". Native acceptance also makes R the canonical encoding of a point of
// the subgroup, hence of small order only if R is the identity (the pre-screen below refuses every
// small-order encoding). So: key checks (once per key, cached) + S < L + native = the full verdict.
// Whenever the fast path is not sure (anything refused, no native verifier) the full path decides,
// so every refusal keeps its exact reason; noble stays the verifier where there is no native one.
// tests/unit/core/packages/ed25519Fast.test.ts compares the two paths.
import { ed25519 } from '@noble/curves/ed25519.js';
import { provenInPrimeSubgroup } from './torsion';

/** The platform's own Ed25519 verifier: about 4x faster than pure JavaScript, and a second opinion. */
export interface Ed25519Native {
  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean>;
}

export type SignatureVerdict =
  | { ok: true }
  | { ok: false; why: 'bad-length' | 'bad-public-key' | 'small-order-key' | 'bad-r' | 'small-order-r' | 's-not-reduced' | 'invalid' };

/** The order of the prime subgroup, RFC 8032 §5.1. */
const L = (1n << 252n) + 27742317777372353535851937790883648493n;

function littleEndian(bytes: Uint8Array): bigint {
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]!);
  return n;
}

type PointCheck = 'ok' | 'bad' | 'small-order' | 'mixed-order';

/**
 * Decodes strictly and classifies a point. The subgroup test is asked only for keys (`subgroup`):
 * for R the shape rules need only decoding and small order, and torsion in R is left to the
 * verifiers (noble's cofactored equation ignores it, the native cofactorless one refuses it).
 */
function checkPoint(bytes: Uint8Array, subgroup: boolean): PointCheck {
  // A key proven from its y alone (four field exponentiations, shared/crypto/torsion.ts)
  // decodes, is not of small order and lies in the subgroup: 'ok' without noble's decoding. When
  // not proven (a hostile key), noble decides every check below.
  if (subgroup) {
    const y = canonicalY(bytes);
    if (y !== null && provenInPrimeSubgroup(y)) return 'ok';
  }
  let p: InstanceType<typeof ed25519.Point>;
  try {
    p = ed25519.Point.fromBytes(bytes, false); // RFC 8032 decoding: y < p, no -0 for x
  } catch {
    return 'bad';
  }
  if (p.isSmallOrder()) return 'small-order';
  if (!subgroup) return 'ok';
  return p.isTorsionFree() ? 'ok' : 'mixed-order';
}

/** Why a public key cannot be enrolled or used, or null when it can. */
export function publicKeyProblem(publicKey: Uint8Array): KeyProblem | null {
  if (publicKey.length !== 32) return 'bad-public-key';
  const id = binaryKey(publicKey);
  const cached = keyProblems.get(id);
  if (cached !== undefined) return cached;
  const c = checkPoint(publicKey, true);
  const problem = c === 'small-order' ? 'small-order-key' : c === 'ok' ? null : 'bad-public-key';
  // Bounded: a hostile folder of random keys must not grow memory without end. The oldest entry
  // goes first (Map keeps insertion order); a key used again is only checked again.
  if (keyProblems.size >= KEY_CACHE_LIMIT) {
    const oldest = keyProblems.keys().next();
    if (!oldest.done) keyProblems.delete(oldest.value);
  }
  keyProblems.set(id, problem);
  return problem;
}

type KeyProblem = 'bad-public-key' | 'small-order-key';
/**
 * The point checks of a key (about 0.2 ms in JavaScript: four field exponentiations) depend only
 * on its 32 bytes, and one unit signs many packages with one key: checked once, remembered by value.
 */
const keyProblems = new Map<string, KeyProblem | null>();
const KEY_CACHE_LIMIT = 20_000;

/** The 32 bytes as a string of char codes 0-255: a Map key compared by value. */
function binaryKey(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

/** Everything but the two verifiers: cheap, synchronous, platform independent. */
export function signatureShapeProblem(publicKey: Uint8Array, signature: Uint8Array): SignatureVerdict {
  if (publicKey.length !== 32 || signature.length !== 64) return { ok: false, why: 'bad-length' };
  const key = publicKeyProblem(publicKey);
  if (key) return { ok: false, why: key };
  const r = checkPoint(signature.subarray(0, 32), false);
  if (r === 'bad') return { ok: false, why: 'bad-r' };
  if (r === 'small-order') return { ok: false, why: 'small-order-r' };
  if (littleEndian(signature.subarray(32)) >= L) return { ok: false, why: 's-not-reduced' };
  return { ok: true };
}

export function nobleVerify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}

/**
 * The one verdict (see the top of this file). `native` may be null where the platform has no
 * Ed25519 (an old Chromium): noble alone decides then. Never throws. Same answer as
 * verifyEd25519Full, faster when a native verifier is present.
 */
export async function verifyEd25519(
  native: Ed25519Native | null, publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array,
): Promise<SignatureVerdict> {
  if (!native || !fastPathApplies(publicKey, signature)) return verifyEd25519Full(native, publicKey, message, signature);
  if (await nativeAccepts(native, publicKey, message, signature)) return { ok: true };
  // Native refused, so the full verdict is a refusal too: its reason is the first failed shape
  // check, or `invalid` (the full path would ask noble, then native again, and end the same way).
  const shape = signatureShapeProblem(publicKey, signature);
  return shape.ok ? { ok: false, why: 'invalid' } : shape;
}

/**
 * Byte-level checks that let native acceptance stand for the full verdict (see the top of this
 * file): lengths, a usable key (cached), S < L, and R with y < p that is none of the small-order
 * encodings. False sends the signature down the full path, which names the precise reason.
 */
function fastPathApplies(publicKey: Uint8Array, signature: Uint8Array): boolean {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  if (publicKeyProblem(publicKey) !== null) return false;
  const r = signature.subarray(0, 32);
  if (!yBelowP(r) || SMALL_ORDER_ENCODINGS.has(binaryKey(r))) return false;
  return littleEndian(signature.subarray(32)) < L;
}

async function nativeAccepts(native: Ed25519Native, publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
  try {
    return await native.verify(publicKey, message, signature);
  } catch {
    return false;
  }
}

const P = (1n << 255n) - 19n;
/** The y coordinate of an encoded point (sign bit of x cleared) is below p: its canonical form. */
function yBelowP(encoded: Uint8Array): boolean {
  return canonicalY(encoded) !== null;
}

/** The y coordinate of a 32-byte encoded point (sign bit of x cleared), or null when not below p. */
function canonicalY(encoded: Uint8Array): bigint | null {
  if (encoded.length !== 32) return null;
  const y = encoded.slice();
  y[31]! &= 0x7f;
  const n = littleEndian(y);
  return n < P ? n : null;
}

/**
 * Every encoding (with y < p) of a point of order 1, 2, 4 or 8: the 8 canonical ones and the two
 * x = 0 points with the sign bit set. Listed rather than computed so that the list itself is
 * checked by a test against noble (tests/unit/core/packages/ed25519Fast.test.ts).
 */
export const SMALL_ORDER_HEX: readonly string[] = [
  '0100000000000000000000000000000000000000000000000000000000000000', // identity (0, 1)
  '0100000000000000000000000000000000000000000000000000000000000080', //   with the sign bit set
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', // order 2 (0, -1)
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff', //   with the sign bit set
  '0000000000000000000000000000000000000000000000000000000000000000', // order 4 (+-sqrt(-1), 0)
  '0000000000000000000000000000000000000000000000000000000000000080',
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a', // order 8
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa',
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05',
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85',
];
const SMALL_ORDER_ENCODINGS: ReadonlySet<string> = new Set(SMALL_ORDER_HEX.map((h) =>
  String.fromCharCode(...(h.match(/../gu) ?? []).map((b) => parseInt(b, 16)))));

/**
 * The full verdict: every check of the top of this file, noble and then the native verifier.
 * The reference the fast path is tested against; what decides when there is no native verifier.
 */
export async function verifyEd25519Full(
  native: Ed25519Native | null, publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array,
): Promise<SignatureVerdict> {
  const shape = signatureShapeProblem(publicKey, signature);
  if (!shape.ok) return shape;
  if (!nobleVerify(publicKey, message, signature)) return { ok: false, why: 'invalid' };
  if (native && !(await nativeAccepts(native, publicKey, message, signature))) return { ok: false, why: 'invalid' };
  return { ok: true };
}

/** Signs with a raw 32-byte secret key (seed). For tests, fixtures and the command line's key file. */
export function signWithSecretKey(secretKey: Uint8Array, message: Uint8Array): Uint8Array {
  return ed25519.sign(message, secretKey);
}

export function publicKeyOf(secretKey: Uint8Array): Uint8Array {
  return ed25519.getPublicKey(secretKey);
}

export function randomSecretKey(): Uint8Array {
  return ed25519.utils.randomSecretKey();
}
