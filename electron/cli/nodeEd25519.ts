// node:crypto (OpenSSL) as the command line's native Ed25519 verifier and SHA-256. With it the
// signature verdict takes noble's fast path (shared/crypto/ed25519.ts explains why that path gives
// the same verdict as noble and OpenSSL together).
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { Ed25519Native } from '../../shared/crypto/ed25519';
import type { Sha256 } from '../../shared/crypto/hash';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the raw 32-byte key follows. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/**
 * Imported keys by their bytes: one unit signs many packages with one key. Bounded so that a folder
 * of packages under random keys cannot grow it without end (the oldest import goes first).
 */
const imported = new Map<string, KeyObject>();
const IMPORTED_LIMIT = 20_000;

function keyObject(publicKey: Uint8Array): KeyObject {
  const id = Buffer.from(publicKey).toString('latin1');
  let key = imported.get(id);
  if (!key) {
    key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' });
    if (imported.size >= IMPORTED_LIMIT) {
      const oldest = imported.keys().next();
      if (!oldest.done) imported.delete(oldest.value);
    }
    imported.set(id, key);
  }
  return key;
}

export const nodeEd25519: Ed25519Native = {
  async verify(publicKey, message, signature) {
    if (publicKey.length !== 32) return false;
    try {
      return verify(null, message, keyObject(publicKey), signature);
    } catch {
      return false;
    }
  },
};

/** OpenSSL's SHA-256: the same digest as noble's, several times faster on package-sized input. */
export const nodeSha256: Sha256 = (bytes) => createHash('sha256').update(bytes).digest();
