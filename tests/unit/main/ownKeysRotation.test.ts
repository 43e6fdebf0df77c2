// The app's rotation end to end without a window: the renderer's rotateKey (renderer/features/keys/
// ownKeys.ts) over a Platform whose key methods are main's real key store (electron/main/keys.ts,
// safeStorage mocked). The saved package is signed by the old key and carries the next key's proof,
// so a consolidating unit trusting the old key applies it by itself; a host that cannot sign the
// proof leaves the unit's key unchanged.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Platform, SaveFileRequest } from '../../../shared/platform/contract';
import { fromBase64url } from '../../../shared/crypto/encoding';
import { keyIdOf } from '../../../shared/crypto/hash';
import { addKey, applyRotation, emptyTrust, verifyPackage, type Package, type Signer } from '../../../shared/packages';
import { nodeEd25519 } from '../../../electron/cli/nodeEd25519';
import { PlanBookDb } from '../../../renderer/db/database';
import { rotateKey } from '../../../renderer/features/keys/ownKeys';
import { safeStorage } from './electronMock';

vi.mock('electron', async () => (await import('./electronMock')).electronModule);
const { createKeyStore } = await import('../../../electron/main/keys');
const { osKeychainProtector } = await import('../../../electron/main/keyProtection');

const UNIT = 'vt-thang-tam';
let n = 0;

async function setUp(override: Partial<Platform> = {}) {
  const store = createKeyStore({ dir: await mkdtemp(path.join(tmpdir(), 'planbook-ownkeys-')), protector: () => osKeychainProtector('linux') });
  const saved: SaveFileRequest[] = [];
  const platform: Platform = {
    host: 'electron',
    appInfo: async () => ({ host: 'electron', version: 'test', buildDate: 'test' }),
    openFiles: async () => ({ ok: false, reason: 'cancelled' }),
    saveFile: async (req) => { saved.push(req); return { ok: true, fileName: req.suggestedName }; },
    print: async () => ({ ok: false, reason: 'cancelled' }),
    ensureUnitKey: (id) => store.ensure(id),
    getUnitKey: (id) => store.get(id),
    sign: (id, bytes) => store.sign(id, bytes),
    beginKeyRotation: (id) => store.beginRotation(id),
    signRotationProof: (id, bytes) => store.signRotationProof(id, bytes),
    finishKeyRotation: (id, key) => store.finishRotation(id, key),
    ...override,
  };
  // As renderer/platform/signer.ts: the host signs with the unit's current key.
  const signer = async (id: string): Promise<Signer | null> => {
    const key = await platform.getUnitKey(id);
    if (!key.ok) return null;
    return { publicKey: fromBase64url(key.key.publicKey)!, sign: async (b) => { const r = await platform.sign(id, b); if (!r.ok) throw new Error(r.reason); return fromBase64url(r.signature)!; } };
  };
  const old = await store.ensure(UNIT);
  if (!old.ok) throw new Error('no key');
  const db = new PlanBookDb(`ownkeys-${Date.now()}-${n++}`);
  await db.open();
  return { store, platform, saved, signer, old: old.key, db };
}

beforeEach(() => {
  safeStorage.isEncryptionAvailable.mockReturnValue(true);
  safeStorage.getSelectedStorageBackend.mockReturnValue('gnome_libsecret');
});

describe('rotateKey over main\'s key store', () => {
  it('saves a rotation signed by the old key with the next key\'s proof; a registry trusting the old key applies it; the next key becomes the unit\'s', async () => {
    const { platform, saved, signer, old, db, store } = await setUp();
    const out = await rotateKey(db, UNIT, { platform, signer, now: () => '2025-03-01T08:00:00.000Z' });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(saved.map((s) => s.suggestedName)).toEqual([out.pkg.fileName]);
    const trusted = addKey(emptyTrust(), { unitId: UNIT as never, publicKey: old.publicKey, validFrom: null, revokedAt: null, source: 'enrolment', addedAt: null });
    if (!trusted.ok) throw new Error(trusted.error);
    const v = await verifyPackage(saved[0]!.bytes, { native: nodeEd25519, trust: trusted.registry });
    expect(v.reason).toBe('ok');
    const pkg = v.package as Package<'keys'>;
    expect(pkg.signature.publicKey).toBe(old.publicKey);
    expect(pkg.payload).toMatchObject({ publicKey: out.key.publicKey, replaces: keyIdOf(fromBase64url(old.publicKey)!), validFrom: '2025-03-01T08:00:00.000Z' });
    expect(pkg.payload.newKeySignature).toMatch(/^[A-Za-z0-9_-]{86}$/u);
    const applied = applyRotation(trusted.registry, pkg.payload, pkg.signature.keyId, 'now', { by: 'proof' });
    expect(applied.ok && applied.registry.keys.map((k) => [k.publicKey, k.revokedAt])).toEqual([[old.publicKey, '2025-03-01T08:00:00.000Z'], [out.key.publicKey, null]]);
    expect(await store.get(UNIT)).toEqual({ ok: true, key: out.key });
    db.close();
  });

  it('a host that cannot sign the proof rotates nothing: unsupported without the method, sign-failed when it refuses', async () => {
    const a = await setUp({ signRotationProof: undefined });
    expect(await rotateKey(a.db, UNIT, { platform: a.platform, signer: a.signer })).toEqual({ ok: false, reason: 'unsupported' });
    const b = await setUp({ signRotationProof: async () => ({ ok: false, reason: 'rejected' }) });
    expect(await rotateKey(b.db, UNIT, { platform: b.platform, signer: b.signer })).toEqual({ ok: false, reason: 'sign-failed' });
    expect(b.saved).toEqual([]);
    expect(await b.store.get(UNIT)).toEqual({ ok: true, key: b.old });
    a.db.close();
    b.db.close();
  });
});
