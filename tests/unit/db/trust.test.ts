// The trust registry in the app (the `trust` table): each explicit act, with its audit lines in
// the same transaction; a rotation imported through the consolidation importer applies itself
// when its old key is trusted, and a report signed with the new key is then accepted.
import { describe, expect, it } from 'vitest';
import { PlanBookDb } from '../../../renderer/db/database';
import { startImport, type ImportLine } from '../../../renderer/features/consolidation/importer';
import { trustRepo } from '../../../renderer/features/keys/trustRepo';
import { verifyDirect } from '../../../renderer/workers/verifyDirect';
import { formatFingerprint } from '../../../shared/crypto/hash';
import { buildKeysPackage, signRotation } from '../../../shared/packages';
import type { UnitId } from '../../../shared/model/ids';
import { PLAN_ID, PLAN_PERIODS, aPlanPayload, aReport, signed, signedBy, testKey } from '../../helpers/packages';

const uniq = (() => { let n = 0; return (p: string) => `${p}-${Date.now()}-${n++}`; })();
const scope = { id: PLAN_ID, periods: PLAN_PERIODS };
const ward = testKey('p7');
const wardNext = testKey('p7-next', 'p7');
const city = testKey('thanh-pho');

async function freshDb() {
  const db = new PlanBookDb(uniq('trust'));
  await db.open();
  return db;
}
const actions = async (db: PlanBookDb) => (await db.audit.toArray()).map((a) => [a.action, a.unitId]);
const enrolWard = (db: PlanBookDb, typed: string | null = null) => trustRepo.enrol(db, {
  unitId: 'p7', publicKey: ward.publicKeyB64, keyId: ward.keyId, validFrom: '2024-01-01T00:00:00Z', typed, source: 'enrolment', how: 'test',
});

async function importAll(db: PlanBookDb, files: { name: string; bytes: Uint8Array }[]) {
  const lines: ImportLine[] = [];
  const rechecked: ImportLine[] = [];
  const run = await startImport(db, files, scope, verifyDirect, { onProgress: () => undefined, onLine: (l) => lines.push(l), onRecheck: (l) => rechecked.push(l) });
  expect(await run.done).toEqual({ ok: true, cancelled: false });
  return { lines: lines.sort((a, b) => a.index - b.index), rechecked };
}

const unsignedRotation = (validFrom: string) => buildKeysPackage({
  unitId: 'p7', sequence: 2, createdAt: validFrom, publicKey: wardNext.publicKey, validFrom, replaces: ward.keyId,
});
/** A rotation signed by the old key and the new key (payload.newKeySignature). */
async function rotation(validFrom = '2024-07-01T00:00:00Z') {
  const r = await signRotation(unsignedRotation(validFrom), signedBy(ward), signedBy(wardNext));
  if (!r.ok) throw new Error(r.error);
  return r;
}

describe('trust acts (Dexie)', () => {
  it('(b) enrolment: a typed fingerprint must match; the key and its audit line land together', async () => {
    const db = await freshDb();
    expect(await enrolWard(db, 'AAAA BBBB')).toEqual({ ok: false, error: 'fingerprint-mismatch' });
    expect(await db.trust.count()).toBe(0);
    expect(await enrolWard(db, formatFingerprint(ward.keyId).toLowerCase().replace(/ /gu, '-'))).toEqual({ ok: true, added: [ward.keyId], revoked: [] });
    expect(await db.trust.get(['p7', ward.keyId] as never)).toMatchObject({ source: 'enrolment', validFrom: '2024-01-01T00:00:00Z', revokedAt: null });
    expect(await actions(db)).toEqual([['key-trusted', 'p7']]);
    expect((await db.audit.toArray())[0]?.detail).toMatchObject({ keyId: ward.keyId, how: 'fingerprint typed by the officer' });
    expect(await enrolWard(db)).toEqual({ ok: true, added: [], revoked: [] }); // twice: nothing changes, nothing audited
    expect(await db.audit.count()).toBe(1);
    db.close();
  });

  it('a key of another unit is refused', async () => {
    const db = await freshDb();
    await enrolWard(db);
    const r = await trustRepo.enrol(db, { unitId: 'p8', publicKey: ward.publicKeyB64, keyId: ward.keyId, validFrom: null, typed: null, source: 'manual', how: 'test' });
    expect(r).toEqual({ ok: false, error: 'key-of-other-unit' });
    expect(await db.trust.count()).toBe(1);
    db.close();
  });

  it('(a) plan keys: refused until the issuer is confirmed once, then every listed key enters, audited', async () => {
    const db = await freshDb();
    const units = aPlanPayload([ward, testKey('p8')]).units;
    const issuer = { unitId: 'thanh-pho', keyId: city.keyId, publicKey: city.publicKeyB64 };
    expect(await trustRepo.takePlanKeys(db, { planId: PLAN_ID, issuer, units, issuerConfirmed: false })).toEqual({ ok: false, error: 'issuer-not-trusted' });
    expect(await db.trust.count()).toBe(0);
    const r = await trustRepo.takePlanKeys(db, { planId: PLAN_ID, issuer, units, issuerConfirmed: true });
    expect(r.ok && r.added.sort()).toEqual([city.keyId, ward.keyId, testKey('p8').keyId].sort());
    expect((await db.trust.toArray()).every((k) => k.source === 'plan')).toBe(true);
    expect(await db.audit.count()).toBe(3);
    // A later plan of the same issuer needs no confirmation.
    const more = [...units, { id: 'p9' as UnitId, name: 'p9', parentId: null, aliases: [], publicKeys: [{ keyId: testKey('p9').keyId, publicKey: testKey('p9').publicKeyB64, validFrom: null, revokedAt: null }] }];
    expect(await trustRepo.takePlanKeys(db, { planId: PLAN_ID, issuer, units: more, issuerConfirmed: false })).toEqual({ ok: true, added: [testKey('p9').keyId], revoked: [] });
    db.close();
  });

  it('(d) revoke: from now on, audited; an unknown key is refused', async () => {
    const db = await freshDb();
    await enrolWard(db);
    expect(await trustRepo.revoke(db, { unitId: 'p7', keyId: city.keyId, how: 'test' })).toEqual({ ok: false, error: 'unknown-key' });
    expect(await trustRepo.revoke(db, { unitId: 'p7', keyId: ward.keyId, at: '2024-08-01T00:00:00Z', how: 'test' })).toEqual({ ok: true, added: [], revoked: [ward.keyId] });
    expect((await db.trust.toArray())[0]?.revokedAt).toBe('2024-08-01T00:00:00Z');
    expect(await actions(db)).toEqual([['key-trusted', 'p7'], ['key-revoked', 'p7']]);
    db.close();
  });

  it('an act inside a transaction that fails leaves neither the key nor its audit line', async () => {
    const db = await freshDb();
    await expect(db.transaction('rw', db.trust, db.audit, db.received, async () => {
      await enrolWard(db);
      throw new Error('later step failed');
    })).rejects.toThrow('later step failed');
    expect(await db.trust.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
    db.close();
  });

  it('(c) a rotation signed by the trusted old key applies on import; the new key\'s report of the same batch is then accepted', async () => {
    const db = await freshDb();
    await enrolWard(db);
    const rot = await rotation();
    const report = await signed(aReport({ unit: 'p7', period: '2024-07', createdAt: '2024-07-05T00:00:00Z' }), wardNext);
    const { lines, rechecked } = await importAll(db, [{ name: 'report.json', bytes: report.bytes }, { name: 'rotation.json', bytes: rot.bytes }]);
    expect(lines.map((l) => l.outcome)).toEqual(['unknown-key', 'ok']);
    expect(rechecked.map((l) => [l.fileName, l.outcome])).toEqual([['report.json', 'ok']]);
    const keys = await db.trust.toArray();
    expect(keys.find((k) => k.keyId === ward.keyId)?.revokedAt).toBe('2024-07-01T00:00:00Z');
    expect(keys.find((k) => k.keyId === wardNext.keyId)).toMatchObject({ unitId: 'p7', source: 'rotation', validFrom: '2024-07-01T00:00:00Z', revokedAt: null });
    expect(await actions(db)).toEqual(expect.arrayContaining([['key-rotated', 'p7'], ['key-revoked', 'p7']]));
    expect((await db.received.toArray()).map((r) => r.reason).sort()).toEqual(['ok', 'ok']);
    // The same rotation again: a duplicate file, nothing changes.
    const audit = await db.audit.count();
    expect((await importAll(db, [{ name: 'again.json', bytes: rot.bytes }])).lines.map((l) => l.outcome)).toEqual(['duplicate']);
    expect(await db.audit.count()).toBe(audit);
    db.close();
  });

  it('a rotation without the new key\'s signature is kept but not applied; the officer\'s fingerprint check then applies it', async () => {
    const db = await freshDb();
    await enrolWard(db);
    const bare = await signed(unsignedRotation('2024-07-01T00:00:00Z'), ward);
    const report = await signed(aReport({ unit: 'p7', period: '2024-07', createdAt: '2024-07-05T00:00:00Z' }), wardNext);
    const { lines, rechecked } = await importAll(db, [{ name: 'rotation.json', bytes: bare.bytes }, { name: 'report.json', bytes: report.bytes }]);
    expect(lines.map((l) => l.outcome)).toEqual(['ok', 'unknown-key']); // verified, but the new key is not trusted by it
    expect(rechecked.every((l) => l.outcome === 'unknown-key')).toBe(true); // a re-check changes nothing
    expect((await db.trust.toArray()).map((k) => [k.keyId, k.revokedAt])).toEqual([[ward.keyId, null]]);
    expect(await actions(db)).not.toContainEqual(['key-rotated', 'p7']);
    expect((await db.audit.toArray()).find((a) => a.action === 'key-rotation-unproven')).toMatchObject({ unitId: 'p7', detail: { publicKey: wardNext.publicKeyB64, replaces: ward.keyId } });
    // The officer compares the new key's fingerprint (a wrong one changes nothing), then accepts it.
    const enrolNext = (typed: string | null) => trustRepo.enrol(db, { unitId: 'p7', publicKey: wardNext.publicKeyB64, keyId: wardNext.keyId, validFrom: null, typed, source: 'manual', how: 'test' });
    expect(await enrolNext(formatFingerprint(ward.keyId))).toEqual({ ok: false, error: 'fingerprint-mismatch' });
    expect(await enrolNext(formatFingerprint(wardNext.keyId))).toEqual({ ok: true, added: [wardNext.keyId], revoked: [ward.keyId] });
    const keys = await db.trust.toArray();
    expect(keys.find((k) => k.keyId === wardNext.keyId)).toMatchObject({ source: 'rotation', validFrom: '2024-07-01T00:00:00Z' });
    expect(keys.find((k) => k.keyId === ward.keyId)?.revokedAt).toBe('2024-07-01T00:00:00Z');
    expect((await db.audit.toArray()).find((a) => a.action === 'key-rotated')?.detail).toMatchObject({ replaces: ward.keyId, how: expect.stringContaining("without the new key's signature") });
    db.close();
  });

  it('a rotation signed by an unknown key changes nothing and waits for the officer', async () => {
    const db = await freshDb();
    const rot = await rotation();
    const { lines } = await importAll(db, [{ name: 'rotation.json', bytes: rot.bytes }]);
    expect(lines.map((l) => l.outcome)).toEqual(['unknown-key']);
    expect(await db.trust.count()).toBe(0);
    db.close();
  });
});
