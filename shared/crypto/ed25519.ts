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
import { ed25519 } from '@noble/curves/ed25519.js';

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

function checkPoint(bytes: Uint8Array): PointCheck {
  try {
    const p = ed25519.Point.fromBytes(bytes, false); // RFC 8032 decoding: y < p, no -0 for x
    if (p.isSmallOrder()) return 'small-order';
    return p.isTorsionFree() ? 'ok' : 'mixed-order';
  } catch {
    return 'bad';
  }
}

/** Why a public key cannot be enrolled or used, or null when it can. */
export function publicKeyProblem(publicKey: Uint8Array): 'bad-public-key' | 'small-order-key' | null {
  if (publicKey.length !== 32) return 'bad-public-key';
  const c = checkPoint(publicKey);
  if (c === 'small-order') return 'small-order-key';
  return c === 'ok' ? null : 'bad-public-key';
}

/** Everything but the two verifiers: cheap, synchronous, platform independent. */
export function signatureShapeProblem(publicKey: Uint8Array, signature: Uint8Array): SignatureVerdict {
  if (publicKey.length !== 32 || signature.length !== 64) return { ok: false, why: 'bad-length' };
  const key = publicKeyProblem(publicKey);
  if (key) return { ok: false, why: key };
  const r = checkPoint(signature.subarray(0, 32));
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
 * Ed25519 (an old Chromium): noble alone decides then. Never throws.
 */
export async function verifyEd25519(
  native: Ed25519Native | null, publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array,
): Promise<SignatureVerdict> {
  const shape = signatureShapeProblem(publicKey, signature);
  if (!shape.ok) return shape;
  if (!nobleVerify(publicKey, message, signature)) return { ok: false, why: 'invalid' };
  if (native) {
    let nativeOk = false;
    try { nativeOk = await native.verify(publicKey, message, signature); } catch { nativeOk = false; }
    if (!nativeOk) return { ok: false, why: 'invalid' };
  }
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
