// The command line's private key file, DIR/UNIT.key: the 32-byte Ed25519 seed encrypted with a
// passphrase. scrypt (N = 2^17, r = 8, p = 1: OWASP's minimum, about a second here) derives an
// AES-256-GCM key; the unit, keyId and public key are the GCM additional data, so a file whose
// visible fields were swapped to another unit's does not decrypt.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { scrypt } from '@noble/hashes/scrypt.js';
import { z } from 'zod';
import { publicKeyOf } from '../../shared/crypto/ed25519';
import { bytesEqual, fromBase64url, toBase64url } from '../../shared/crypto/encoding';
import { keyIdOf } from '../../shared/crypto/hash';

export const KEY_FILE_FORMAT = 'planbook/private-key';
const DEFAULT_N = 2 ** 17;
const MAX_N = 2 ** 20; // a hostile key file must not ask for gigabytes

const b64 = z.string().regex(/^[A-Za-z0-9_-]*$/u);
const keyFileSchema = z.object({
  format: z.literal(KEY_FILE_FORMAT), formatVersion: z.literal(1),
  unitId: z.string().min(1), keyId: z.string(), publicKey: b64,
  kdf: z.object({ name: z.literal('scrypt'), N: z.number().int().min(2 ** 14).max(MAX_N), r: z.number().int().min(1).max(32), p: z.number().int().min(1).max(16), salt: b64 }),
  cipher: z.object({ name: z.literal('AES-256-GCM'), iv: b64, ciphertext: b64, tag: b64 }),
});
export type KeyFile = z.infer<typeof keyFileSchema>;

export type UnlockedKey = { unitId: string; secretKey: Uint8Array; publicKey: Uint8Array; keyId: string };

const aad = (f: { unitId: string; keyId: string; publicKey: string }) =>
  new TextEncoder().encode(JSON.stringify([KEY_FILE_FORMAT, f.unitId, f.keyId, f.publicKey]));

function derive(passphrase: string, salt: Uint8Array, N: number, r: number, p: number): Uint8Array {
  // NFC: the same Vietnamese passphrase typed on two keyboards (precomposed or combining) unlocks.
  return scrypt(passphrase.normalize('NFC'), salt, { N, r, p, dkLen: 32, maxmem: 2 ** 31 });
}

/** Encrypts a seed. `salt` and `iv` are fixed only by the fixture generator, for reproducible files. */
export function encryptKey(secretKey: Uint8Array, unitId: string, passphrase: string,
  opts: { salt?: Uint8Array; iv?: Uint8Array; N?: number } = {}): KeyFile {
  const publicKey = publicKeyOf(secretKey);
  const salt = opts.salt ?? new Uint8Array(randomBytes(16));
  const iv = opts.iv ?? new Uint8Array(randomBytes(12));
  const N = opts.N ?? DEFAULT_N;
  const meta = { unitId, keyId: keyIdOf(publicKey), publicKey: toBase64url(publicKey) };
  const cipher = createCipheriv('aes-256-gcm', derive(passphrase, salt, N, 8, 1), iv);
  cipher.setAAD(aad(meta));
  const ciphertext = Buffer.concat([cipher.update(secretKey), cipher.final()]);
  return {
    format: KEY_FILE_FORMAT, formatVersion: 1, ...meta,
    kdf: { name: 'scrypt', N, r: 8, p: 1, salt: toBase64url(salt) },
    cipher: { name: 'AES-256-GCM', iv: toBase64url(iv), ciphertext: toBase64url(ciphertext), tag: toBase64url(cipher.getAuthTag()) },
  };
}

export type UnlockResult = { ok: true; key: UnlockedKey } | { ok: false; error: 'not-a-key-file' | 'wrong-passphrase' };

export function decryptKey(file: unknown, passphrase: string): UnlockResult {
  const parsed = keyFileSchema.safeParse(file);
  if (!parsed.success) return { ok: false, error: 'not-a-key-file' };
  const f = parsed.data;
  const salt = fromBase64url(f.kdf.salt);
  const iv = fromBase64url(f.cipher.iv);
  const ct = fromBase64url(f.cipher.ciphertext);
  const tag = fromBase64url(f.cipher.tag);
  if (!salt || !iv || !ct || !tag || tag.length !== 16) return { ok: false, error: 'not-a-key-file' };
  let secretKey: Uint8Array;
  try {
    const d = createDecipheriv('aes-256-gcm', derive(passphrase, salt, f.kdf.N, f.kdf.r, f.kdf.p), iv);
    d.setAAD(aad(f));
    d.setAuthTag(tag);
    secretKey = new Uint8Array(Buffer.concat([d.update(ct), d.final()]));
  } catch {
    return { ok: false, error: 'wrong-passphrase' };
  }
  const publicKey = publicKeyOf(secretKey);
  const expected = fromBase64url(f.publicKey);
  if (secretKey.length !== 32 || !expected || !bytesEqual(publicKey, expected) || keyIdOf(publicKey) !== f.keyId)
    return { ok: false, error: 'not-a-key-file' };
  return { ok: true, key: { unitId: f.unitId, secretKey, publicKey, keyId: f.keyId } };
}
