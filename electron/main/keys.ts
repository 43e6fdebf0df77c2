// The unit's signing key store: pure Node (no Electron), so tests run it with a fake protector.
// One file per unit under <userData>/keys/. The private key is generated here, sealed by a
// Protector (the OS keychain via safeStorage, or a passphrase) and never leaves this module: the
// store answers public key info and signatures, never the key (DESIGN.md: main keeps secrets).
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign as edSign } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { KeyInfo, KeyResult, KeyUnavailableDetail, SignResult } from '../../shared/platform/contract';
import { writeFileAtomic } from './files';

export type Protection = 'os-keychain' | 'passphrase';

/** Seals and opens the private key bytes. Implementations: safeStorage (keyProtection.ts), passphrase. */
export type Protector = {
  readonly kind: Protection;
  seal(plain: Buffer): Buffer | Promise<Buffer>;
  open(sealed: Buffer): Buffer | Promise<Buffer>;
};

/** Asked anew on every use: safeStorage is only usable after 'ready' and the answer may change. */
export type ProtectorState = { ok: true; protector: Protector } | { ok: false; detail: KeyUnavailableDetail };

const KEY_FILE_FORMAT = 'planbook/unit-key';

const storedKeySchema = z.strictObject({
  format: z.literal(KEY_FILE_FORMAT),
  version: z.literal(1),
  unitId: z.string(),
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/u),
  createdAt: z.string(),
  protection: z.enum(['os-keychain', 'passphrase']),
  sealedPrivateKey: z.string().min(1),
});
type StoredKey = z.infer<typeof storedKeySchema>;

export type KeyStoreOptions = {
  dir: string;
  protector: () => ProtectorState;
  now?: () => Date;
};

export type KeyStore = {
  ensure(unitId: string): Promise<KeyResult>;
  get(unitId: string): Promise<KeyResult>;
  sign(unitId: string, bytes: Uint8Array): Promise<SignResult>;
};

/**
 * File name from a hash of the unit id: no id can form a path, and ids differing only in case do
 * not collide on Windows or macOS file systems.
 */
export function keyFileName(unitId: string): string {
  return `unit-${createHash('sha256').update(unitId, 'utf8').digest('hex').slice(0, 32)}.key.json`;
}

/** Raw 32-byte Ed25519 public key, base64url without padding (the JWK `x` is exactly that). */
function rawPublicKey(key: ReturnType<typeof createPublicKey>): string {
  const jwk = key.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('not an Ed25519 key');
  return jwk.x;
}

const info = (k: StoredKey): KeyInfo => ({ unitId: k.unitId, publicKey: k.publicKey, createdAt: k.createdAt, protection: k.protection });

export function createKeyStore({ dir, protector, now = () => new Date() }: KeyStoreOptions): KeyStore {
  const fileOf = (unitId: string) => path.join(dir, keyFileName(unitId));

  type Loaded = { ok: true; key: StoredKey } | { ok: false; reason: 'no-key' } | { ok: false; reason: 'unavailable'; detail: 'key-unreadable' };
  async function load(unitId: string): Promise<Loaded> {
    let text: string;
    try {
      text = await readFile(fileOf(unitId), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, reason: 'no-key' };
      return { ok: false, reason: 'unavailable', detail: 'key-unreadable' };
    }
    try {
      const parsed = storedKeySchema.safeParse(JSON.parse(text));
      if (parsed.success && parsed.data.unitId === unitId) return { ok: true, key: parsed.data };
    } catch {
      // fall through: a damaged file is reported, never silently replaced by a new key
    }
    return { ok: false, reason: 'unavailable', detail: 'key-unreadable' };
  }

  async function get(unitId: string): Promise<KeyResult> {
    const loaded = await load(unitId);
    return loaded.ok ? { ok: true, key: info(loaded.key) } : loaded;
  }

  // Serialise ensure() per unit so two quick calls cannot create two different keys.
  const pending = new Map<string, Promise<KeyResult>>();

  async function create(unitId: string): Promise<KeyResult> {
    const existing = await load(unitId);
    if (existing.ok) return { ok: true, key: info(existing.key) };
    if (existing.reason !== 'no-key') return existing;
    const state = protector();
    if (!state.ok) return { ok: false, reason: 'unavailable', detail: state.detail };
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const der = privateKey.export({ format: 'der', type: 'pkcs8' });
    let sealed: Buffer;
    try {
      sealed = await state.protector.seal(der);
    } catch {
      return { ok: false, reason: 'unavailable', detail: 'os-keychain-unavailable' };
    } finally {
      der.fill(0);
    }
    const stored: StoredKey = {
      format: KEY_FILE_FORMAT, version: 1, unitId, publicKey: rawPublicKey(publicKey),
      createdAt: now().toISOString(), protection: state.protector.kind, sealedPrivateKey: sealed.toString('base64'),
    };
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(fileOf(unitId), new TextEncoder().encode(`${JSON.stringify(stored, null, 2)}\n`));
    return { ok: true, key: info(stored) };
  }

  function ensure(unitId: string): Promise<KeyResult> {
    const running = pending.get(unitId);
    if (running) return running;
    const p = create(unitId).catch((): KeyResult => ({ ok: false, reason: 'unavailable', detail: 'key-unreadable' }))
      .finally(() => pending.delete(unitId));
    pending.set(unitId, p);
    return p;
  }

  async function sign(unitId: string, bytes: Uint8Array): Promise<SignResult> {
    const loaded = await load(unitId);
    if (!loaded.ok) return loaded;
    const state = protector();
    if (!state.ok) return { ok: false, reason: 'unavailable', detail: state.detail };
    // A key sealed with a passphrase cannot be opened by the keychain protector, and vice versa.
    if (state.protector.kind !== loaded.key.protection) return { ok: false, reason: 'unavailable', detail: 'key-unreadable' };
    let der: Buffer | null = null;
    try {
      der = await state.protector.open(Buffer.from(loaded.key.sealedPrivateKey, 'base64'));
      const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
      // The opened key must be the one whose public half was published; otherwise the file was
      // swapped or damaged, and signing would produce packages nobody can verify.
      if (privateKey.asymmetricKeyType !== 'ed25519' || rawPublicKey(createPublicKey(privateKey)) !== loaded.key.publicKey)
        return { ok: false, reason: 'unavailable', detail: 'key-unreadable' };
      return { ok: true, signature: edSign(null, bytes, privateKey).toString('base64url') };
    } catch {
      return { ok: false, reason: 'unavailable', detail: 'key-unreadable' };
    } finally {
      der?.fill(0);
    }
  }

  return { ensure, get, sign };
}
