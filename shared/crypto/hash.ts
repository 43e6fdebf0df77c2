// SHA-256 from @noble/hashes (audited, pure JavaScript): the same digest in every host, with no
// async WebCrypto round trip for the many small hashes of keyIds and content hashes.
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { toBase32, toBase64url } from './encoding';

export function sha256(bytes: Uint8Array): Uint8Array {
  return nobleSha256(bytes);
}

/** SHA-256 as base64url without padding: the `contentHash` and `bytesHash` of packages. */
export function sha256b64(bytes: Uint8Array): string {
  return toBase64url(sha256(bytes));
}

/** keyId (contract): base32 of the first 16 bytes of SHA-256 of the raw 32-byte public key, 26 characters. */
export function keyIdOf(rawPublicKey: Uint8Array): string {
  return toBase32(sha256(rawPublicKey).subarray(0, 16));
}

/** How people read a keyId over the phone: groups of 4 characters, `ABCD EFGH ... XY`. */
export function formatFingerprint(keyId: string): string {
  return (keyId.match(/.{1,4}/gu) ?? []).join(' ');
}

/** Accepts a fingerprint as typed by an officer: spaces, dashes and case do not matter. */
export function normaliseFingerprint(typed: string): string {
  return typed.replace(/[\s\-_.]/gu, '').toUpperCase();
}
