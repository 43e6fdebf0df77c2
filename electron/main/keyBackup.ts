// Encrypted backup of the unit's private key, made and read in main only: the renderer hands over
// a passphrase and gets a file name back, never the key. The file is the command line's key file
// (docs/package-format.md section 8: `planbook/private-key`, scrypt N = 2^17, AES-256-GCM with the
// unit, keyId and public key as additional data), so a backup also works with `planbook sign --key`.
// node:crypto's asynchronous scrypt keeps main responsive during the second or so it takes.
import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, randomBytes, scrypt } from 'node:crypto';
import { z } from 'zod';
import { keyIdOf } from '../../shared/crypto/hash';

export const KEY_BACKUP_FORMAT = 'planbook/private-key';
const N = 2 ** 17;
const MAX_N = 2 ** 20; // a hostile file must not ask for gigabytes
const b64 = z.string().max(200).regex(/^[A-Za-z0-9_-]*$/u);

const backupSchema = z.object({
  format: z.literal(KEY_BACKUP_FORMAT), formatVersion: z.literal(1),
  unitId: z.string().min(1).max(200), keyId: z.string().max(64), publicKey: b64,
  kdf: z.object({ name: z.literal('scrypt'), N: z.number().int().min(2 ** 14).max(MAX_N), r: z.number().int().min(1).max(32), p: z.number().int().min(1).max(16), salt: b64 }),
  cipher: z.object({ name: z.literal('AES-256-GCM'), iv: b64, ciphertext: b64, tag: b64 }),
});

const aad = (f: { unitId: string; keyId: string; publicKey: string }) => Buffer.from(JSON.stringify([KEY_BACKUP_FORMAT, f.unitId, f.keyId, f.publicKey]), 'utf8');

function derive(passphrase: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // NFC: the same Vietnamese passphrase typed on two keyboards (precomposed or combining) opens it.
    scrypt(passphrase.normalize('NFC'), salt, 32, { N: n, r, p, maxmem: 256 * n * r + 1024 * 1024 }, (e, key) => (e ? reject(e) : resolve(key)));
  });
}

/** Public key (raw, base64url) of a 32-byte Ed25519 seed. */
function publicKeyOfSeed(seed: Uint8Array): string {
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  try {
    const jwk = createPublicKey(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })).export({ format: 'jwk' });
    return typeof jwk.x === 'string' ? jwk.x : '';
  } finally {
    der.fill(0);
  }
}

export async function encryptKeyBackup(seed: Uint8Array, unitId: string, passphrase: string): Promise<Uint8Array> {
  const publicKey = publicKeyOfSeed(seed);
  const meta = { unitId, keyId: keyIdOf(new Uint8Array(Buffer.from(publicKey, 'base64url'))), publicKey };
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await derive(passphrase, salt, N, 8, 1), iv);
  cipher.setAAD(aad(meta));
  const ciphertext = Buffer.concat([cipher.update(seed), cipher.final()]);
  const file = {
    format: KEY_BACKUP_FORMAT, formatVersion: 1, ...meta,
    kdf: { name: 'scrypt', N, r: 8, p: 1, salt: salt.toString('base64url') },
    cipher: { name: 'AES-256-GCM', iv: iv.toString('base64url'), ciphertext: ciphertext.toString('base64url'), tag: cipher.getAuthTag().toString('base64url') },
  };
  return new TextEncoder().encode(`${JSON.stringify(file, null, 2)}\n`);
}

export type OpenedBackup = { ok: true; unitId: string; seed: Buffer; publicKey: string } | { ok: false; error: 'not-a-key-file' | 'wrong-passphrase' };

export async function decryptKeyBackup(bytes: Uint8Array, passphrase: string): Promise<OpenedBackup> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, error: 'not-a-key-file' };
  }
  const parsed = backupSchema.safeParse(json);
  if (!parsed.success) return { ok: false, error: 'not-a-key-file' };
  const f = parsed.data;
  const [salt, iv, ct, tag] = [f.kdf.salt, f.cipher.iv, f.cipher.ciphertext, f.cipher.tag].map((s) => Buffer.from(s, 'base64url'));
  if (!salt || !iv || !ct || !tag || tag.length !== 16 || iv.length !== 12 || ct.length !== 32) return { ok: false, error: 'not-a-key-file' };
  let seed: Buffer;
  try {
    const d = createDecipheriv('aes-256-gcm', await derive(passphrase, salt, f.kdf.N, f.kdf.r, f.kdf.p), iv);
    d.setAAD(aad(f));
    d.setAuthTag(tag);
    seed = Buffer.concat([d.update(ct), d.final()]);
  } catch {
    return { ok: false, error: 'wrong-passphrase' };
  }
  const publicKey = publicKeyOfSeed(seed);
  if (publicKey !== f.publicKey || keyIdOf(new Uint8Array(Buffer.from(publicKey, 'base64url'))) !== f.keyId) {
    seed.fill(0);
    return { ok: false, error: 'not-a-key-file' };
  }
  return { ok: true, unitId: f.unitId, seed, publicKey };
}
