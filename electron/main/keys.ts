// The unit's signing key store: pure Node (no Electron), so tests run it with a fake protector.
// One file per unit under <userData>/keys/. The private key is generated here, sealed by a
// Protector (the OS keychain via safeStorage, or a passphrase) and never leaves this module: the
// store answers public key info and signatures, never the key (DESIGN.md: main keeps secrets).
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign as edSign, type KeyObject } from 'node:crypto';
import { mkdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { MIN_PASSPHRASE_CHARS, type KeyInfo, type KeyResult, type KeyUnavailableDetail, type SignResult, type UnlockResult } from '../../shared/platform/contract';
import { keyIdOf } from '../../shared/crypto/hash';
import { isJsonObject, parseStrictJson } from '../../shared/packages/json';
import { writeFileAtomic } from './files';
import { passphraseProtector } from './passphrase';

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

/** The private key opened for main's own use (a backup file): a 32-byte seed, zeroed by the caller. */
export type OpenedKey = { ok: true; unitId: string; seed: Buffer; publicKey: string } | Exclude<SignResult, { ok: true }>;

export type KeyStore = {
  ensure(unitId: string): Promise<KeyResult>;
  get(unitId: string): Promise<KeyResult>;
  sign(unitId: string, bytes: Uint8Array): Promise<SignResult>;
  /** Rotation: the next key, kept beside the current one until `finishRotation`. */
  beginRotation(unitId: string): Promise<KeyResult>;
  /** The next key signs the proof bytes of the rotation naming it (isRotationProof), nothing else. */
  signRotationProof(unitId: string, bytes: Uint8Array): Promise<SignResult>;
  finishRotation(unitId: string, publicKey: string): Promise<KeyResult>;
  /** Passphrase fallback: opens (or creates) the passphrase-sealed key; kept in memory for the session. */
  unlock(unitId: string, passphrase: string): Promise<UnlockResult>;
  /** Main only (key backup), never over IPC. */
  openPrivate(unitId: string): Promise<OpenedKey>;
  /** Main only (key restore): replaces the unit's key by this seed, sealed anew. */
  install(unitId: string, seed: Uint8Array): Promise<KeyResult>;
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

/**
 * True when `bytes` are the proof bytes of a rotation of `unitId` from the current key to the next
 * one (docs/package-format.md §2: the `keys` package without signature.value and without
 * payload.newKeySignature, in strict JSON). The next key signs only these before it becomes the
 * unit's key: a renderer cannot have it sign a report or anything else meanwhile.
 */
export function isRotationProof(bytes: Uint8Array, unitId: string, currentPublicKey: string, nextPublicKey: string): boolean {
  const parsed = parseStrictJson(bytes);
  if (!parsed.ok || !isJsonObject(parsed.value)) return false;
  const { kind, payload, signature } = parsed.value;
  const current = Buffer.from(currentPublicKey, 'base64url');
  return kind === 'keys' && isJsonObject(payload) && isJsonObject(signature)
    && payload.unitId === unitId && payload.publicKey === nextPublicKey && current.length === 32 && payload.replaces === keyIdOf(current)
    && !Object.hasOwn(payload, 'newKeySignature')
    && signature.publicKey === currentPublicKey && !Object.hasOwn(signature, 'value');
}

const info = (k: StoredKey): KeyInfo => ({ unitId: k.unitId, publicKey: k.publicKey, createdAt: k.createdAt, protection: k.protection });

export function createKeyStore({ dir, protector, now = () => new Date() }: KeyStoreOptions): KeyStore {
  const fileOf = (unitId: string) => path.join(dir, keyFileName(unitId));
  const nextOf = (unitId: string) => fileOf(unitId).replace(/\.key\.json$/u, '.next.key.json');
  // Passphrase protectors unlocked in this session, per unit (never written anywhere).
  const unlocked = new Map<string, ReturnType<typeof passphraseProtector>>();

  /** The protector for a key of this protection, or for a new key (null): the keychain first, else an unlocked passphrase. */
  function protectorFor(unitId: string, protection: Protection | null): ProtectorState {
    const session = unlocked.get(unitId);
    const os = protector();
    if (protection === 'passphrase') {
      if (session) return { ok: true, protector: session };
      return os.ok && os.protector.kind === 'passphrase' ? os : { ok: false, detail: 'passphrase-locked' };
    }
    if (os.ok || protection === 'os-keychain' || !session) return os;
    return { ok: true, protector: session };
  }

  type Loaded = { ok: true; key: StoredKey } | { ok: false; reason: 'no-key' } | { ok: false; reason: 'unavailable'; detail: 'key-unreadable' };
  async function load(unitId: string, file = fileOf(unitId)): Promise<Loaded> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
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

  /** Seals `privateKey` with the protector for a new key and writes it to `file`. */
  async function seal(unitId: string, file: string, privateKey: KeyObject): Promise<KeyResult> {
    const state = protectorFor(unitId, null);
    if (!state.ok) return { ok: false, reason: 'unavailable', detail: state.detail };
    const publicKey = createPublicKey(privateKey);
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
    await writeFileAtomic(file, new TextEncoder().encode(`${JSON.stringify(stored, null, 2)}\n`));
    return { ok: true, key: info(stored) };
  }

  async function create(unitId: string): Promise<KeyResult> {
    const existing = await load(unitId);
    if (existing.ok) return { ok: true, key: info(existing.key) };
    if (existing.reason !== 'no-key') return existing;
    return seal(unitId, fileOf(unitId), generateKeyPairSync('ed25519').privateKey);
  }

  function ensure(unitId: string): Promise<KeyResult> {
    const running = pending.get(unitId);
    if (running) return running;
    const p = create(unitId).catch((): KeyResult => ({ ok: false, reason: 'unavailable', detail: 'key-unreadable' }))
      .finally(() => pending.delete(unitId));
    pending.set(unitId, p);
    return p;
  }

  type Opened = { ok: true; key: StoredKey; privateKey: KeyObject } | Exclude<SignResult, { ok: true }>;
  /** Opens the sealed key of `file` with the protector its protection needs, and checks it is the published one. */
  async function openKey(unitId: string, file = fileOf(unitId)): Promise<Opened> {
    const loaded = await load(unitId, file);
    if (!loaded.ok) return loaded;
    const state = protectorFor(unitId, loaded.key.protection);
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
      return { ok: true, key: loaded.key, privateKey };
    } catch {
      return { ok: false, reason: 'unavailable', detail: 'key-unreadable' };
    } finally {
      der?.fill(0);
    }
  }

  async function sign(unitId: string, bytes: Uint8Array): Promise<SignResult> {
    const opened = await openKey(unitId);
    if (!opened.ok) return opened;
    return { ok: true, signature: edSign(null, bytes, opened.privateKey).toString('base64url') };
  }

  async function beginRotation(unitId: string): Promise<KeyResult> {
    const current = await openKey(unitId); // only a unit whose key signs can rotate (the old key signs the package)
    if (!current.ok) return current;
    const next = await load(unitId, nextOf(unitId));
    if (next.ok) return { ok: true, key: info(next.key) };
    if (next.reason !== 'no-key') await unlink(nextOf(unitId)).catch(() => undefined); // a damaged next key is made anew
    return seal(unitId, nextOf(unitId), generateKeyPairSync('ed25519').privateKey);
  }

  async function signRotationProof(unitId: string, bytes: Uint8Array): Promise<SignResult> {
    const current = await load(unitId);
    if (!current.ok) return current;
    const next = await openKey(unitId, nextOf(unitId));
    if (!next.ok) return next;
    if (!isRotationProof(bytes, unitId, current.key.publicKey, next.key.publicKey)) return { ok: false, reason: 'rejected' };
    return { ok: true, signature: edSign(null, bytes, next.privateKey).toString('base64url') };
  }

  async function finishRotation(unitId: string, publicKey: string): Promise<KeyResult> {
    const next = await load(unitId, nextOf(unitId));
    if (!next.ok) return next.reason === 'no-key' ? { ok: false, reason: 'no-key' } : next;
    if (next.key.publicKey !== publicKey) return { ok: false, reason: 'rejected' };
    await writeFileAtomic(fileOf(unitId), await readFile(nextOf(unitId)));
    await unlink(nextOf(unitId));
    return { ok: true, key: info(next.key) };
  }

  async function unlock(unitId: string, passphrase: string): Promise<UnlockResult> {
    if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_CHARS) return { ok: false, reason: 'weak-passphrase' };
    const loaded = await load(unitId);
    if (loaded.ok && loaded.key.protection === 'os-keychain') return { ok: false, reason: 'not-needed' };
    if (!loaded.ok && loaded.reason !== 'no-key') return loaded;
    if (!loaded.ok && protector().ok) return { ok: false, reason: 'not-needed' }; // the keychain protects a new key
    const before = unlocked.get(unitId);
    const undo = () => (before ? unlocked.set(unitId, before) : unlocked.delete(unitId));
    unlocked.set(unitId, passphraseProtector(passphrase));
    if (!loaded.ok) {
      const created = await ensure(unitId);
      if (created.ok) return created;
      undo();
      return created.reason === 'unavailable' && created.detail ? { ok: false, reason: 'unavailable', detail: created.detail } : { ok: false, reason: 'unavailable' };
    }
    const opened = await openKey(unitId);
    if (opened.ok) return { ok: true, key: info(opened.key) };
    undo();
    return { ok: false, reason: 'wrong-passphrase' };
  }

  async function openPrivate(unitId: string): Promise<OpenedKey> {
    const opened = await openKey(unitId);
    if (!opened.ok) return opened;
    const jwk = opened.privateKey.export({ format: 'jwk' });
    if (typeof jwk.d !== 'string') return { ok: false, reason: 'unavailable', detail: 'key-unreadable' };
    return { ok: true, unitId, seed: Buffer.from(jwk.d, 'base64url'), publicKey: opened.key.publicKey };
  }

  async function install(unitId: string, seed: Uint8Array): Promise<KeyResult> {
    if (seed.length !== 32) return { ok: false, reason: 'rejected' };
    // PKCS#8 of an Ed25519 seed (RFC 8410): a fixed 16-byte prefix, then the 32 bytes.
    const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
    try {
      const result = await seal(unitId, fileOf(unitId), createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }));
      if (result.ok) await unlink(nextOf(unitId)).catch(() => undefined); // a rotation begun before is void
      return result;
    } finally {
      der.fill(0);
    }
  }

  return { ensure, get, sign, beginRotation, signRotationProof, finishRotation, unlock, openPrivate, install };
}
