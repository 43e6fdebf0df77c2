// The unit's signing key in browser mode: a WebCrypto Ed25519 key pair whose private half is
// non-extractable, kept in its own small IndexedDB database (CryptoKey objects are structured-cloneable).
// No script, not even PlanBook's own, can read the private key bytes; it can only ask for signatures.

import { toBase64url } from '../../shared/crypto/encoding';

const DB = 'planbook-keys';
const STORE = 'keys';

type StoredKey = { unitId: string; privateKey: CryptoKey; publicKey: string; createdAt: string };

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

function openKeyDb(): Promise<IDBDatabase> {
  const r = indexedDB.open(DB, 1);
  r.onupgradeneeded = () => r.result.createObjectStore(STORE, { keyPath: 'unitId' });
  return request(r);
}

async function withStore<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openKeyDb();
  try {
    return await request(fn(db.transaction(STORE, mode).objectStore(STORE)));
  } finally {
    db.close();
  }
}


export async function supportsEd25519(): Promise<boolean> {
  try {
    await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify']);
    return true;
  } catch {
    return false;
  }
}

export async function loadKey(unitId: string): Promise<StoredKey | undefined> {
  return withStore<StoredKey | undefined>('readonly', (s) => s.get(unitId) as IDBRequest<StoredKey | undefined>);
}

export async function createKey(unitId: string): Promise<StoredKey> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const key: StoredKey = { unitId, privateKey: pair.privateKey, publicKey: toBase64url(raw), createdAt: new Date().toISOString() };
  await withStore('readwrite', (s) => s.put(key));
  return key;
}

/** The next key of a rotation is kept under its own id until the rotation is finished. */
const nextId = (unitId: string) => `${unitId}\u0000next`;

/** The next key of a rotation: made once, kept until `finishRotation`, so a retried rotation names the same key. */
export async function beginRotation(unitId: string): Promise<StoredKey> {
  const existing = await loadKey(nextId(unitId));
  if (existing) return existing;
  const made = await createKey(nextId(unitId));
  return made;
}

/**
 * The next key's signature, for the proof in the rotation naming it (payload.newKeySignature), or
 * null when no rotation is under way. In the browser the page is its own host, so there is no
 * boundary to check the bytes at (Electron's main checks them: electron/main/keys.ts).
 */
export async function signWithNext(unitId: string, bytes: Uint8Array): Promise<string | null> {
  const next = await loadKey(nextId(unitId));
  return next ? signWith(next, bytes) : null;
}

/** The next key becomes the unit's key (the old one is deleted: it can no longer sign). */
export async function finishRotation(unitId: string, publicKey: string): Promise<StoredKey | null> {
  const next = await loadKey(nextId(unitId));
  if (!next || next.publicKey !== publicKey) return null;
  const key: StoredKey = { ...next, unitId };
  const db = await openKeyDb();
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).put(key);
      tx.objectStore(STORE).delete(nextId(unitId));
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    });
  } finally {
    db.close();
  }
  return key;
}

export async function signWith(key: StoredKey, bytes: Uint8Array): Promise<string> {
  const sig = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, key.privateKey, bytes as BufferSource));
  return toBase64url(sig);
}
