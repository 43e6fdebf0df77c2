// The unit key store: generated in main, sealed with safeStorage (mocked) or a passphrase,
// never returned; signatures verify with node:crypto against the published public key.
import { createPublicKey, verify } from 'node:crypto';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { safeStorage } from './electronMock';

vi.mock('electron', async () => (await import('./electronMock')).electronModule);

const { createKeyStore, keyFileName } = await import('../../../electron/main/keys');
const { osKeychainProtector } = await import('../../../electron/main/keyProtection');
const { passphraseProtector } = await import('../../../electron/main/passphrase');

/** Rebuilds a KeyObject from the raw base64url key the store publishes (SPKI prefix for Ed25519). */
const publicKeyOf = (raw: string) => createPublicKey({
  key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(raw, 'base64url')]), format: 'der', type: 'spki',
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'planbook-keys-'));
  safeStorage.isEncryptionAvailable.mockReturnValue(true);
  safeStorage.getSelectedStorageBackend.mockReturnValue('gnome_libsecret');
  safeStorage.encryptString.mockClear();
});

const osStore = (platform: NodeJS.Platform = 'win32') => createKeyStore({
  dir, protector: () => osKeychainProtector(platform), now: () => new Date('2024-05-12T08:00:00Z'),
});
const data = new TextEncoder().encode('{"format":"planbook/package"}');

describe('with the OS keychain (safeStorage)', () => {
  it('creates the key once, sealed with safeStorage, and signs verifiably', async () => {
    const store = osStore();
    const first = await store.ensure('vt-thang-tam');
    if (!first.ok) throw new Error('no key');
    expect(first.key).toEqual({ unitId: 'vt-thang-tam', publicKey: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/u), createdAt: '2024-05-12T08:00:00.000Z', protection: 'os-keychain' });
    expect(await store.ensure('vt-thang-tam')).toEqual(first);
    expect(await store.get('vt-thang-tam')).toEqual(first);
    expect(safeStorage.encryptString).toHaveBeenCalledTimes(1);

    const signed = await store.sign('vt-thang-tam', data);
    if (!signed.ok) throw new Error('not signed');
    expect(verify(null, data, publicKeyOf(first.key.publicKey), Buffer.from(signed.signature, 'base64url'))).toBe(true);
    expect(verify(null, new TextEncoder().encode('tampered'), publicKeyOf(first.key.publicKey), Buffer.from(signed.signature, 'base64url'))).toBe(false);
  });

  it('never writes or returns the private key in the clear', async () => {
    const store = osStore();
    const results = [await store.ensure('u1'), await store.get('u1'), await store.sign('u1', data)];
    const plainPkcs8 = Buffer.from((safeStorage.encryptString.mock.calls[0]?.[0] as string), 'base64');
    const seed = plainPkcs8.subarray(plainPkcs8.length - 32);
    const file = await readFile(path.join(dir, keyFileName('u1')));
    for (const form of [seed.toString('base64'), seed.toString('base64url'), seed.toString('hex'), plainPkcs8.toString('base64')]) {
      expect(file.toString('utf8')).not.toContain(form);
      expect(JSON.stringify(results)).not.toContain(form);
    }
    expect(file.includes(seed)).toBe(false);
    expect(JSON.stringify(results)).not.toContain('sealed');
  });

  it('two quick ensure calls make one key', async () => {
    const store = osStore();
    const [a, b] = await Promise.all([store.ensure('u2'), store.ensure('u2')]);
    expect(a).toEqual(b);
    expect(await readdir(dir)).toEqual([keyFileName('u2')]);
  });

  it('units are separate, and a unit id cannot form a path', async () => {
    const store = osStore();
    const a = await store.ensure('u3');
    const b = await store.ensure('../../u3');
    expect(a.ok && b.ok && a.key.publicKey !== b.key.publicKey).toBe(true);
    expect(await readdir(dir)).toHaveLength(2);
    expect(keyFileName('../../u3')).toMatch(/^unit-[0-9a-f]{32}\.key\.json$/u);
  });

  it('answers no-key for a unit without a key, to get and sign', async () => {
    const store = osStore();
    expect(await store.get('nobody')).toEqual({ ok: false, reason: 'no-key' });
    expect(await store.sign('nobody', data)).toEqual({ ok: false, reason: 'no-key' });
  });

  it('a damaged or swapped key file is reported, never replaced', async () => {
    const store = osStore();
    await store.ensure('u4');
    const file = path.join(dir, keyFileName('u4'));
    const stored = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
    const other = await store.ensure('u5');
    await writeFile(file, JSON.stringify({ ...stored, publicKey: other.ok ? other.key.publicKey : '' }));
    expect(await store.sign('u4', data)).toEqual({ ok: false, reason: 'unavailable', detail: 'key-unreadable' });
    await writeFile(file, '{ not json');
    expect(await store.ensure('u4')).toEqual({ ok: false, reason: 'unavailable', detail: 'key-unreadable' });
    expect(await readFile(file, 'utf8')).toBe('{ not json');
  });
});

describe('when the OS keychain cannot protect the key', () => {
  it('safeStorage unavailable: no key is created, the reason says why', async () => {
    safeStorage.isEncryptionAvailable.mockReturnValue(false);
    expect(await osStore().ensure('u6')).toEqual({ ok: false, reason: 'unavailable', detail: 'os-keychain-unavailable' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('Linux basic_text (a fixed password) counts as no protection', async () => {
    safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
    expect(await osStore('linux').ensure('u7')).toEqual({ ok: false, reason: 'unavailable', detail: 'os-keychain-weak' });
    expect(safeStorage.encryptString).not.toHaveBeenCalled();
  });

  it('an existing key stays readable (public info) but cannot sign', async () => {
    const created = await osStore().ensure('u8');
    safeStorage.isEncryptionAvailable.mockReturnValue(false);
    expect(await osStore().get('u8')).toEqual(created);
    expect(await osStore().sign('u8', data)).toEqual({ ok: false, reason: 'unavailable', detail: 'os-keychain-unavailable' });
  });
});

describe('passphrase protector (fallback)', () => {
  it('round-trips, signs verifiably, and refuses a wrong passphrase', async () => {
    const withPass = (p: string) => createKeyStore({ dir, protector: () => ({ ok: true, protector: passphraseProtector(p) }) });
    const created = await withPass('mật khẩu đủ dài').ensure('u9');
    if (!created.ok) throw new Error('no key');
    expect(created.key.protection).toBe('passphrase');
    const signed = await withPass('mật khẩu đủ dài').sign('u9', data);
    expect(signed.ok && verify(null, data, publicKeyOf(created.key.publicKey), Buffer.from(signed.signature, 'base64url'))).toBe(true);
    expect(await withPass('wrong passphrase').sign('u9', data)).toEqual({ ok: false, reason: 'unavailable', detail: 'key-unreadable' });
    // A passphrase key is not opened by the keychain protector: it waits for its passphrase.
    expect(await osStore().sign('u9', data)).toEqual({ ok: false, reason: 'unavailable', detail: 'passphrase-locked' });
  });
  it('refuses a short passphrase', () => expect(() => passphraseProtector('short')).toThrow());
});
