// The key channels added for Settings → Keys (electron mocked): rotation, passphrase unlock, and
// the encrypted key backup. Foreign senders and malformed arguments are refused; the private key
// is never returned; a backup opens with the command line's key file reader and the other way round.
import { createPublicKey, verify } from 'node:crypto';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL } from '../../../shared/platform/contract';
import { keyIdOf } from '../../../shared/crypto/hash';
import {
  addKey, applyRotation, buildKeysPackage, emptyTrust, rotationProofBytes, signingBytes, signRotation, verifyPackage, type Signer,
} from '../../../shared/packages';
import { nodeEd25519 } from '../../../electron/cli/nodeEd25519';
import { dialog, eventFrom, fakeContents, invoke, safeStorage } from './electronMock';

vi.mock('electron', async () => (await import('./electronMock')).electronModule);
const { registerKeys } = await import('../../../electron/main/ipc/keys');
const { trustWebContents } = await import('../../../electron/main/ipc/sender');
const { createKeyStore } = await import('../../../electron/main/keys');
const { osKeychainProtector } = await import('../../../electron/main/keyProtection');
const { decryptKey, encryptKey } = await import('../../../electron/cli/keyfile');

const app = fakeContents(1);
const ok = eventFrom(app);
const PASS = 'mật khẩu sao lưu đủ dài';
const UNIT = 'vt-thang-tam';
const data = new TextEncoder().encode('{"format":"planbook/package"}');
let dir: string;

const spki = (raw: string) => createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(raw, 'base64url')]), format: 'der', type: 'spki' });
const verifies = (raw: string, sig: unknown) => verify(null, data, spki(raw), Buffer.from((sig as { signature: string }).signature, 'base64url'));
type KeyOk = { ok: true; key: { publicKey: string; protection: string } };

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'planbook-keysipc-'));
  safeStorage.isEncryptionAvailable.mockReturnValue(true);
  safeStorage.getSelectedStorageBackend.mockReturnValue('gnome_libsecret');
  dialog.showOpenDialog.mockReset();
  dialog.showSaveDialog.mockReset();
  // Each test registers its own store over the same channels (the mock keeps the last handler).
  registerKeys(createKeyStore({ dir: path.join(dir, 'keys'), protector: () => osKeychainProtector('linux') }));
  trustWebContents(app as never);
});

const VALID: [string, unknown[]][] = [
  [CHANNEL.beginKeyRotation, [UNIT]],
  [CHANNEL.finishKeyRotation, [UNIT, 'A'.repeat(43)]],
  [CHANNEL.signRotationProof, [UNIT, data]],
  [CHANNEL.unlockUnitKey, [UNIT, PASS]],
  [CHANNEL.exportKeyBackup, [{ unitId: UNIT, passphrase: PASS }]],
  [CHANNEL.restoreKeyBackup, [{ unitId: UNIT, passphrase: PASS }]],
];
const refused = (r: unknown) => (r as { ok?: boolean; reason?: string }).ok === false && (r as { reason?: string }).reason === 'rejected';

describe('new key channels refuse', () => {
  it.each(VALID)('%s from another webContents, a subframe, another origin', async (channel, args) => {
    expect(refused(await invoke(channel, eventFrom(fakeContents(2)), ...args))).toBe(true);
    expect(refused(await invoke(channel, eventFrom(app, { url: 'app://planbook/index.html', parent: app.mainFrame }), ...args))).toBe(true);
    const evil = fakeContents(1, 'https://evil.example/');
    trustWebContents(evil as never);
    expect(refused(await invoke(channel, eventFrom(evil), ...args))).toBe(true);
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it.each([
    [CHANNEL.beginKeyRotation, [[], [42], [''], ['a\u202Eb'], [UNIT, 'extra']]],
    [CHANNEL.finishKeyRotation, [[UNIT], [UNIT, 'short'], [UNIT, `${'A'.repeat(42)}=`], [UNIT, 'A'.repeat(43), 1], [UNIT, null]]],
    [CHANNEL.signRotationProof, [[UNIT], [UNIT, new Uint8Array(0)], [UNIT, new Uint8Array(16 * 1024 + 1)], [UNIT, 'text'], [UNIT, data, 'extra'], ['', data]]],
    [CHANNEL.unlockUnitKey, [[UNIT], [UNIT, ''], [UNIT, 42], [UNIT, 'x'.repeat(1025)], [{ unitId: UNIT, passphrase: PASS }]]],
    [CHANNEL.exportKeyBackup, [[], [UNIT, PASS], [{ unitId: UNIT }], [{ unitId: UNIT, passphrase: PASS, path: '/tmp/x' }], [{ unitId: '', passphrase: PASS }], [{ unitId: UNIT, passphrase: PASS }, 'x']]],
    [CHANNEL.restoreKeyBackup, [[], [{ unitId: UNIT, passphrase: 7 }], [{ unitId: UNIT, passphrase: PASS, file: '/etc/passwd' }]]],
  ] as [string, unknown[][]][])('%s malformed arguments', async (channel, cases) => {
    for (const args of cases) expect(refused(await invoke(channel, ok, ...args)), JSON.stringify(args).slice(0, 80)).toBe(true);
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });
});

describe('rotation', () => {
  it('makes the next key once, the old key signs meanwhile, then the next key becomes the unit key', async () => {
    const old = await invoke(CHANNEL.ensureUnitKey, ok, UNIT) as KeyOk;
    const next = await invoke(CHANNEL.beginKeyRotation, ok, UNIT) as KeyOk;
    expect(next.key.publicKey).not.toBe(old.key.publicKey);
    expect(await invoke(CHANNEL.beginKeyRotation, ok, UNIT)).toEqual(next); // a retry names the same key
    expect(verifies(old.key.publicKey, await invoke(CHANNEL.sign, ok, UNIT, data))).toBe(true);
    expect(await invoke(CHANNEL.finishKeyRotation, ok, UNIT, old.key.publicKey)).toEqual({ ok: false, reason: 'rejected' });
    expect(await invoke(CHANNEL.finishKeyRotation, ok, UNIT, next.key.publicKey)).toEqual(next);
    expect(await invoke(CHANNEL.getUnitKey, ok, UNIT)).toEqual(next);
    expect(verifies(next.key.publicKey, await invoke(CHANNEL.sign, ok, UNIT, data))).toBe(true);
    expect(await invoke(CHANNEL.finishKeyRotation, ok, UNIT, next.key.publicKey)).toEqual({ ok: false, reason: 'no-key' });
    expect((await readdir(path.join(dir, 'keys'))).length).toBe(1);
  });

  it('a unit without a key cannot rotate', async () => {
    expect(await invoke(CHANNEL.beginKeyRotation, ok, 'nobody')).toEqual({ ok: false, reason: 'no-key' });
    expect(await invoke(CHANNEL.signRotationProof, ok, 'nobody', data)).toEqual({ ok: false, reason: 'no-key' });
  });

  it('the next key signs the proof of the rotation naming it, and nothing else; the package verifies and a trusting registry applies it', async () => {
    const old = await invoke(CHANNEL.ensureUnitKey, ok, UNIT) as KeyOk;
    // No rotation begun: there is no next key to sign with.
    const draftOf = (nextKey: string) => ({
      ...buildKeysPackage({ unitId: UNIT, sequence: 2, createdAt: '2025-01-02T08:00:00Z', validFrom: '2025-01-02T08:00:00Z', publicKey: Buffer.from(nextKey, 'base64url'), replaces: keyIdOf(Buffer.from(old.key.publicKey, 'base64url')) }),
      signature: { alg: 'Ed25519' as const, keyId: keyIdOf(Buffer.from(old.key.publicKey, 'base64url')), publicKey: old.key.publicKey },
    });
    expect(await invoke(CHANNEL.signRotationProof, ok, UNIT, rotationProofBytes(draftOf(old.key.publicKey))!)).toEqual({ ok: false, reason: 'no-key' });
    const next = await invoke(CHANNEL.beginKeyRotation, ok, UNIT) as KeyOk;
    const draft = draftOf(next.key.publicKey);
    const proofBytes = rotationProofBytes(draft)!;
    const proof = await invoke(CHANNEL.signRotationProof, ok, UNIT, proofBytes);
    expect(verify(null, proofBytes, spki(next.key.publicKey), Buffer.from((proof as { signature: string }).signature, 'base64url'))).toBe(true);
    // Anything else is refused: a report, a rotation naming another key, one that already carries a
    // proof or a signature value, another unit's, one replacing another key, and bytes that are not strict JSON.
    const refusedBytes = [
      data,
      rotationProofBytes(draftOf(old.key.publicKey))!,
      signingBytes({ ...draft, payload: { ...draft.payload, newKeySignature: 'x' } })!,
      new TextEncoder().encode(JSON.stringify({ ...draft, signature: { ...draft.signature, value: 'x' } })),
      rotationProofBytes({ ...draft, payload: { ...draft.payload, unitId: 'other' } })!,
      rotationProofBytes({ ...draft, payload: { ...draft.payload, replaces: 'A'.repeat(26) } })!,
      new TextEncoder().encode(new TextDecoder().decode(proofBytes).replace('{', '{"kind":"report",')),
    ];
    for (const b of refusedBytes) expect(await invoke(CHANNEL.signRotationProof, ok, UNIT, b), new TextDecoder().decode(b).slice(0, 60)).toEqual({ ok: false, reason: 'rejected' });
    // The whole rotation, as the renderer makes it: the old key signs over IPC, the next key its proof.
    const viaIpc = (channel: string, publicKey: string): Signer => ({
      publicKey: Buffer.from(publicKey, 'base64url'),
      sign: async (b) => Buffer.from(((await invoke(channel, ok, UNIT, b)) as { signature: string }).signature, 'base64url'),
    });
    const signed = await signRotation(buildKeysPackage({ ...draft.header, publicKey: Buffer.from(next.key.publicKey, 'base64url'), validFrom: draft.payload.validFrom, replaces: draft.payload.replaces! }),
      viaIpc(CHANNEL.sign, old.key.publicKey), viaIpc(CHANNEL.signRotationProof, next.key.publicKey));
    expect(signed.ok).toBe(true);
    if (!signed.ok) return;
    let trust = addKey(emptyTrust(), { unitId: UNIT as never, publicKey: old.key.publicKey, validFrom: null, revokedAt: null, source: 'manual', addedAt: null });
    expect(trust.ok && (await verifyPackage(signed.bytes, { native: nodeEd25519, trust: trust.registry })).reason).toBe('ok');
    trust = trust.ok ? applyRotation(trust.registry, signed.package.payload, signed.package.signature.keyId, 'now', { by: 'proof' }) : trust;
    expect(trust.ok && trust.registry.keys.map((k) => k.publicKey)).toEqual([old.key.publicKey, next.key.publicKey]);
    // Once the rotation is finished there is no next key any more.
    await invoke(CHANNEL.finishKeyRotation, ok, UNIT, next.key.publicKey);
    expect(await invoke(CHANNEL.signRotationProof, ok, UNIT, proofBytes)).toEqual({ ok: false, reason: 'no-key' });
  });
});

describe('passphrase fallback (no usable OS keychain)', () => {
  it('creates a passphrase key for the session; after a restart it waits for the passphrase', async () => {
    safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
    expect(await invoke(CHANNEL.ensureUnitKey, ok, UNIT)).toEqual({ ok: false, reason: 'unavailable', detail: 'os-keychain-weak' });
    expect(await invoke(CHANNEL.unlockUnitKey, ok, UNIT, 'short')).toEqual({ ok: false, reason: 'weak-passphrase' });
    const created = await invoke(CHANNEL.unlockUnitKey, ok, UNIT, PASS) as KeyOk;
    expect(created).toMatchObject({ ok: true, key: { protection: 'passphrase' } });
    expect(verifies(created.key.publicKey, await invoke(CHANNEL.sign, ok, UNIT, data))).toBe(true);

    // A new session (a new store over the same folder): locked until the right passphrase.
    registerKeys(createKeyStore({ dir: path.join(dir, 'keys'), protector: () => osKeychainProtector('linux') }));
    expect(await invoke(CHANNEL.sign, ok, UNIT, data)).toEqual({ ok: false, reason: 'unavailable', detail: 'passphrase-locked' });
    expect(await invoke(CHANNEL.unlockUnitKey, ok, UNIT, 'một mật khẩu sai hẳn')).toEqual({ ok: false, reason: 'wrong-passphrase' });
    expect(await invoke(CHANNEL.sign, ok, UNIT, data)).toEqual({ ok: false, reason: 'unavailable', detail: 'passphrase-locked' });
    expect(await invoke(CHANNEL.unlockUnitKey, ok, UNIT, PASS)).toEqual(created);
    expect(verifies(created.key.publicKey, await invoke(CHANNEL.sign, ok, UNIT, data))).toBe(true);
  });

  it('is not needed where the OS keychain protects the key', async () => {
    await invoke(CHANNEL.ensureUnitKey, ok, UNIT);
    expect(await invoke(CHANNEL.unlockUnitKey, ok, UNIT, PASS)).toEqual({ ok: false, reason: 'not-needed' });
  });
});

describe('encrypted key backup', () => {
  it('exports a command-line key file, never the key in the clear, and restores it on a new installation', async () => {
    const created = await invoke(CHANNEL.ensureUnitKey, ok, UNIT) as KeyOk;
    expect(await invoke(CHANNEL.exportKeyBackup, ok, { unitId: UNIT, passphrase: 'ngắn' })).toEqual({ ok: false, reason: 'weak-passphrase' });
    const target = path.join(dir, 'backup.key');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    expect(await invoke(CHANNEL.exportKeyBackup, ok, { unitId: UNIT, passphrase: PASS })).toEqual({ ok: true, fileName: 'backup.key' });
    const file = JSON.parse(await readFile(target, 'utf8')) as Record<string, unknown>;
    expect(file).toMatchObject({ format: 'planbook/private-key', unitId: UNIT, publicKey: created.key.publicKey, kdf: { name: 'scrypt', N: 2 ** 17 } });
    // The command line opens it with the same passphrase.
    const cli = decryptKey(file, PASS);
    expect(cli.ok && Buffer.from(cli.key.publicKey).toString('base64url')).toBe(created.key.publicKey);
    expect(decryptKey(file, 'wrong passphrase!').ok).toBe(false);

    // Another installation (empty folder) restores it; the wrong passphrase and another unit are refused.
    registerKeys(createKeyStore({ dir: path.join(dir, 'other'), protector: () => osKeychainProtector('linux') }));
    dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [target] });
    expect(await invoke(CHANNEL.restoreKeyBackup, ok, { unitId: UNIT, passphrase: 'mật khẩu sai rồi' })).toEqual({ ok: false, reason: 'wrong-passphrase' });
    expect(await invoke(CHANNEL.restoreKeyBackup, ok, { unitId: 'other-unit', passphrase: PASS })).toEqual({ ok: false, reason: 'other-unit' });
    const restored = await invoke(CHANNEL.restoreKeyBackup, ok, { unitId: UNIT, passphrase: PASS }) as KeyOk;
    expect(restored).toMatchObject({ ok: true, key: { publicKey: created.key.publicKey, protection: 'os-keychain' } });
    expect(verifies(created.key.publicKey, await invoke(CHANNEL.sign, ok, UNIT, data))).toBe(true);
    expect(JSON.stringify(restored)).not.toMatch(/seed|sealed|ciphertext/u);
  });

  it('restores a key file made by planbook keygen, and refuses a file that is not one', async () => {
    const seed = new Uint8Array(32).fill(7);
    const keyFile = path.join(dir, 'cli.key');
    await writeFile(keyFile, JSON.stringify(encryptKey(seed, UNIT, PASS, { N: 2 ** 14 })));
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [keyFile] });
    expect(await invoke(CHANNEL.restoreKeyBackup, ok, { unitId: UNIT, passphrase: PASS })).toMatchObject({ ok: true });
    const junk = path.join(dir, 'junk.key');
    await writeFile(junk, '{"format":"planbook/private-key"}');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [junk] });
    expect(await invoke(CHANNEL.restoreKeyBackup, ok, { unitId: UNIT, passphrase: PASS })).toEqual({ ok: false, reason: 'not-a-key-file' });
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await invoke(CHANNEL.restoreKeyBackup, ok, { unitId: UNIT, passphrase: PASS })).toEqual({ ok: false, reason: 'cancelled' });
  });

  it('without a key there is nothing to back up, and no dialog opens', async () => {
    expect(await invoke(CHANNEL.exportKeyBackup, ok, { unitId: 'nobody', passphrase: PASS })).toEqual({ ok: false, reason: 'no-key' });
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });
});
