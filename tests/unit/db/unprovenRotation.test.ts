// A rotation received without the new key's signature (another implementation following DESIGN.md
// only) is kept, not applied; the Keys panel lists it at once as pending (the NEW key's
// fingerprint, the key it replaces), the import table reads it as awaiting that check, and the
// officer's acceptance applies exactly that rotation (the old key revoked from its validFrom), or
// the officer's refusal sets it aside: nothing else changes, and it reads as refused.
import { describe, expect, it } from 'vitest';
import { PlanBookDb } from '../../../renderer/db/database';
import { startImport, type ImportLine } from '../../../renderer/features/consolidation/importer';
import { outcomeExplanation, outcomeLabel, toneOf } from '../../../renderer/features/consolidation/outcomeText';
import { receivedRepo } from '../../../renderer/features/consolidation/receivedRepo';
import { acceptPending, pendingOf } from '../../../renderer/features/keys/pendingKeys';
import { trustRepo } from '../../../renderer/features/keys/trustRepo';
import { refuseRotation } from '../../../renderer/features/keys/refuseRotation';
import { awaitingRotationHashes, rotationMarks, unprovenRotations } from '../../../renderer/features/keys/unprovenRotations';
import { verifyDirect } from '../../../renderer/workers/verifyDirect';
import { translate } from '../../../renderer/i18n';
import { formatFingerprint } from '../../../shared/crypto/hash';
import { buildKeysPackage, signRotation } from '../../../shared/packages';
import { heldKeys } from '../../../shared/receipts/heldKeys';
import { PLAN_ID, PLAN_PERIODS, aReport, signed, signedBy, testKey } from '../../helpers/packages';

const uniq = (() => { let n = 0; return (p: string) => `${p}-${Date.now()}-${n++}`; })();
const scope = { id: PLAN_ID, periods: PLAN_PERIODS };
const ward = testKey('p7');
const wardNext = testKey('p7-next', 'p7');
const VALID_FROM = '2024-07-01T00:00:00Z';

async function freshDb() {
  const db = new PlanBookDb(uniq('unproven'));
  await db.open();
  return db;
}
const enrolWard = (db: PlanBookDb) => trustRepo.enrol(db, {
  unitId: 'p7', publicKey: ward.publicKeyB64, keyId: ward.keyId, validFrom: '2024-01-01T00:00:00Z', typed: null, source: 'enrolment', how: 'test',
});
async function importAll(db: PlanBookDb, files: { name: string; bytes: Uint8Array }[]) {
  const lines: ImportLine[] = [];
  const run = await startImport(db, files, scope, verifyDirect, { onProgress: () => undefined, onLine: (l) => lines.push(l) });
  expect(await run.done).toEqual({ ok: true, cancelled: false });
  return lines.sort((a, b) => a.index - b.index);
}
const unsignedRotation = () => buildKeysPackage({ unitId: 'p7', sequence: 2, createdAt: VALID_FROM, publicKey: wardNext.publicKey, validFrom: VALID_FROM, replaces: ward.keyId });
/** Signed by the old key only: no payload.newKeySignature. */
const bareRotation = () => signed(unsignedRotation(), ward);

/** The unproven rotation and a July report signed by its new key (held: the key is not trusted yet), imported together. */
async function rotationAndHeldReport(db: PlanBookDb) {
  const bare = await bareRotation();
  const report = await signed(aReport({ unit: 'p7', period: '2024-07', createdAt: '2024-07-05T00:00:00Z' }), wardNext);
  return { bare, lines: await importAll(db, [{ name: 'doi-khoa.json', bytes: bare.bytes }, { name: 'bao-cao.json', bytes: report.bytes }]) };
}
/** What usePendingKeys reads: the held files, one row per untrusted key each waits for. */
async function held(db: PlanBookDb) {
  const [rows, trust] = await Promise.all([receivedRepo.byReason(db, 'unknown-key'), db.trust.toArray()]);
  const trusted = new Set(trust.map((k) => k.keyId));
  return rows.flatMap((r) => heldKeys(r, trusted).map((k) => ({ ...r, ...k })));
}
const pendingNow = async (db: PlanBookDb) => pendingOf(await held(db), await unprovenRotations(db));

describe('a rotation without the new key\'s signature, at the consolidating unit', () => {
  it('imported alone, it is listed as pending with the new key\'s fingerprint and read as awaiting the check', async () => {
    const db = await freshDb();
    await enrolWard(db);
    const bare = await bareRotation();
    const [line] = await importAll(db, [{ name: 'doi-khoa.json', bytes: bare.bytes }]);
    expect(line?.outcome).toBe('ok');
    expect(await db.trust.count()).toBe(1); // kept, not applied

    expect(await pendingNow(db)).toEqual([{
      keyId: wardNext.keyId, unitId: 'p7', publicKey: wardNext.publicKeyB64, kind: 'keys', validFrom: VALID_FROM, files: 1,
      rotation: { replaces: ward.keyId, packageId: bare.package.header.packageId },
    }]);
    expect(formatFingerprint(wardNext.keyId)).toMatch(/^(\w{4} ){6}\w{2}$/u); // what the row shows, in groups of 4

    // The import table: this line awaits the fingerprint check; other lines are untouched.
    expect(await awaitingRotationHashes(db, [line?.bytesHash ?? '', 'other'])).toEqual(new Set([line?.bytesHash]));
    const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('vi', key, params);
    expect(outcomeLabel(t, 'ok', 'awaiting')).toBe('Chờ đối chiếu khóa mới');
    expect(outcomeExplanation(t, 'vi', 'ok', 'Phường 7', 'awaiting')).toMatch(/^Đã nhận yêu cầu đổi khóa; chờ đối chiếu mã khóa mới\. .*gọi điện cho Phường 7/u);
    expect(toneOf('ok', 'awaiting')).toBe('warn');
    expect(outcomeLabel(t, 'ok')).toBe('Chấp nhận');
    db.close();
  });

  it('the officer\'s acceptance applies it: the old key revoked from validFrom, audited; the entry and the awaiting note go', async () => {
    const db = await freshDb();
    await enrolWard(db);
    const { bare, lines } = await rotationAndHeldReport(db);
    expect(lines.map((l) => l.outcome)).toEqual(['ok', 'unknown-key']);

    // One entry for the new key: the held report and the rotation wait on it together.
    const [p, ...more] = await pendingNow(db);
    expect(more).toEqual([]);
    expect(p).toMatchObject({ keyId: wardNext.keyId, files: 2, validFrom: VALID_FROM, rotation: { replaces: ward.keyId } });
    if (!p) throw new Error('no pending entry');

    expect(await acceptPending(db, p, formatFingerprint(ward.keyId), 'test')).toEqual({ ok: false, error: 'fingerprint-mismatch' });
    expect(await db.trust.count()).toBe(1);
    expect(await acceptPending(db, p, formatFingerprint(wardNext.keyId).toLowerCase(), 'test')).toEqual({ ok: true, added: [wardNext.keyId], revoked: [ward.keyId] });
    const keys = await db.trust.toArray();
    expect(keys.find((k) => k.keyId === wardNext.keyId)).toMatchObject({ unitId: 'p7', source: 'rotation', validFrom: VALID_FROM, revokedAt: null });
    expect(keys.find((k) => k.keyId === ward.keyId)?.revokedAt).toBe(VALID_FROM);
    const audit = await db.audit.toArray();
    expect(audit.find((a) => a.action === 'key-rotated')).toMatchObject({ unitId: 'p7', detail: { keyId: wardNext.keyId, replaces: ward.keyId, packageId: bare.package.header.packageId } });
    expect(audit.find((a) => a.action === 'key-revoked')).toMatchObject({ unitId: 'p7', detail: { keyId: ward.keyId, revokedAt: VALID_FROM } });

    expect(await unprovenRotations(db)).toEqual([]);
    expect(await awaitingRotationHashes(db, [lines[0]?.bytesHash ?? ''])).toEqual(new Set());
    db.close();
  });

  it('only when it can apply, and only it: a proven rotation, or one whose old key was revoked before validFrom, is not listed', async () => {
    const db = await freshDb();
    await enrolWard(db);
    const bare = await bareRotation();
    await importAll(db, [{ name: 'doi-khoa.json', bytes: bare.bytes }]);
    const [p] = await pendingNow(db);
    if (!p) throw new Error('no pending entry');
    // The old key is revoked before the rotation's validFrom: the entry leaves the list, and an
    // acceptance still on screen neither applies the rotation nor trusts the new key alone.
    expect((await trustRepo.revoke(db, { unitId: 'p7', keyId: ward.keyId, at: '2024-06-01T00:00:00Z', how: 'test' })).ok).toBe(true);
    expect(await pendingNow(db)).toEqual([]);
    expect(await acceptPending(db, p, null, 'test')).toEqual({ ok: false, error: 'not-trusted' });
    expect((await db.trust.toArray()).map((k) => k.keyId)).toEqual([ward.keyId]);

    // A rotation with the new key's proof applies itself at import and is never pending.
    const other = await freshDb();
    await trustRepo.enrol(other, { unitId: 'p7', publicKey: ward.publicKeyB64, keyId: ward.keyId, validFrom: null, typed: null, source: 'enrolment', how: 'test' });
    const proven = await signRotation(unsignedRotation(), signedBy(ward), signedBy(wardNext));
    if (!proven.ok) throw new Error(proven.error);
    const [line] = await importAll(other, [{ name: 'doi-khoa.json', bytes: proven.bytes }]);
    expect(line?.outcome).toBe('ok');
    expect(await pendingNow(other)).toEqual([]);
    expect(await awaitingRotationHashes(other, [line?.bytesHash ?? ''])).toEqual(new Set());
    db.close();
    other.close();
  });
});

describe('the officer refuses the new key of a rotation without its signature', () => {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('vi', key, params);
  const refuse = (db: PlanBookDb) => refuseRotation(db, { unitId: 'p7', keyId: wardNext.keyId, how: 'test' });

  it('it leaves the list and reads as refused; the old key stays trusted, the row is kept, one audit line', async () => {
    const db = await freshDb();
    await enrolWard(db);
    const bare = await bareRotation();
    const [line] = await importAll(db, [{ name: 'doi-khoa.json', bytes: bare.bytes }]);
    const hash = line?.bytesHash ?? '';
    const trustBefore = await db.trust.toArray();
    const auditBefore = await db.audit.count();

    expect(await refuse(db)).toEqual({ ok: true, packageIds: [bare.package.header.packageId] });
    expect(await pendingNow(db)).toEqual([]);
    expect(await awaitingRotationHashes(db, [hash])).toEqual(new Set());
    expect(await rotationMarks(db, [hash, 'other'])).toEqual(new Map([[hash, 'refused']]));
    expect(await db.trust.toArray()).toEqual(trustBefore); // the old key in use, no new key
    const rows = await db.received.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ bytesHash: hash, reason: 'ok', setAside: true }); // kept as evidence
    const audit = await db.audit.toArray();
    expect(audit).toHaveLength(auditBefore + 1);
    expect(audit.at(-1)).toMatchObject({
      action: 'key-rotation-refused', unitId: 'p7',
      detail: { keyId: wardNext.keyId, publicKey: wardNext.publicKeyB64, replaces: ward.keyId, validFrom: VALID_FROM, packageIds: [bare.package.header.packageId], how: 'test' },
    });

    // The import line: refused by the officer, what to do, and nothing left to do here.
    expect(outcomeLabel(t, 'ok', 'refused')).toBe('Đã từ chối khóa mới');
    expect(outcomeExplanation(t, 'vi', 'ok', 'Phường 7', 'refused')).toMatch(/^Cán bộ đã từ chối khóa mới .*khóa cũ vẫn được tin cậy\. Nếu Phường 7 .*planbook keygen --rotate/u);
    expect(translate('en', 'trust.outcome.rotationRefused')).toBe('New key refused');

    // Refused twice: nothing left to refuse, nothing written.
    expect(await refuse(db)).toEqual({ ok: false, error: 'not-pending' });
    expect(await db.audit.count()).toBe(auditBefore + 1);
    db.close();
  });

  it('a later trust of the new key (for its held files) never applies the refused rotation', async () => {
    const db = await freshDb();
    await enrolWard(db);
    await rotationAndHeldReport(db);
    expect((await refuse(db)).ok).toBe(true);

    // The held report still waits on the new key, as any unknown key's file: no longer a rotation.
    const [p, ...more] = await pendingNow(db);
    expect(more).toEqual([]);
    expect(p).toMatchObject({ keyId: wardNext.keyId, files: 1, rotation: null });
    if (!p) throw new Error('no pending entry');
    expect(await acceptPending(db, p, null, 'test')).toEqual({ ok: true, added: [wardNext.keyId], revoked: [] });
    expect((await db.trust.toArray()).find((k) => k.keyId === ward.keyId)?.revokedAt).toBeNull();
    db.close();
  });

  it('a row stored without the flag still reads as pending, and can be refused', async () => {
    const db = await freshDb();
    await enrolWard(db);
    await importAll(db, [{ name: 'doi-khoa.json', bytes: (await bareRotation()).bytes }]);
    await db.received.toCollection().modify((r: Partial<{ setAside: boolean }>) => { delete r.setAside; });
    expect(await pendingNow(db)).toHaveLength(1);
    expect((await refuse(db)).ok).toBe(true);
    expect(await pendingNow(db)).toEqual([]);
    db.close();
  });

  it('revoking the old key takes its rotation off the list, even one dated before the revocation', async () => {
    const db = await freshDb();
    await enrolWard(db);
    const [line] = await importAll(db, [{ name: 'doi-khoa.json', bytes: (await bareRotation()).bytes }]);
    expect(await pendingNow(db)).toHaveLength(1);
    expect((await trustRepo.revoke(db, { unitId: 'p7', keyId: ward.keyId, at: '2024-08-01T00:00:00Z', how: 'test' })).ok).toBe(true);
    expect(await pendingNow(db)).toEqual([]);
    expect(await rotationMarks(db, [line?.bytesHash ?? ''])).toEqual(new Map());
    expect(await refuse(db)).toEqual({ ok: false, error: 'not-pending' });
    db.close();
  });
});
