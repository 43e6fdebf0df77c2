// SHA-256 from @noble/hashes (audited, pure JavaScript): the same digest in every host, with no
// async WebCrypto round trip for the many small hashes of keyIds and content hashes. A host with a
// synchronous native SHA-256 (node:crypto in the command line: about 8x faster on a 27 KB package)
// may pass its own; SHA-256 has one answer, so the choice never changes a result.
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { toBase32, toBase64url } from './encoding';

/** A synchronous SHA-256: 32 bytes out. */
export type Sha256 = (bytes: Uint8Array) => Uint8Array;

export function sha256(bytes: Uint8Array): Uint8Array {
  return nobleSha256(bytes);
}

/** SHA-256 as base64url without padding: the `contentHash` and `bytesHash` of packages. */
export function sha256b64(bytes: Uint8Array, hash: Sha256 = sha256): string {
  return toBase64url(hash(bytes));
}

/** keyId (contract): base32 of the first 16 bytes of SHA-256 of the raw 32-byte public key, 26 characters. */
export function keyIdOf(rawPublicKey: Uint8Array, hash: Sha256 = sha256): string {
  return toBase32(hash(rawPublicKey).subarray(0, 16));
}

/** How people read a keyId over the phone: groups of 4 characters, `ABCD EFGH ... XY`. */
export function formatFingerprint(keyId: string): string {
  return (keyId.match(/.{1,4}/gu) ?? []).join(' ');
}

/** Accepts a fingerprint as typed by an officer: spaces, dashes and case do not matter. */
export function normaliseFingerprint(typed: string): string {
  return typed.replace(/[\s\-_.]/gu, '').toUpperCase();
}
