// The ward imports a receipt from its consolidating unit: verified, kept only when it answers a
// package this unit exported, stored per plan and period with its audit row.
import { describe, expect, it } from 'vitest';
import type { PeriodKey, PlanId, UnitId } from '../../../shared/model/ids';
import { buildReceipt } from '../../../shared/receipts';
import { PlanBookDb } from '../../../renderer/db/database';
import { progressRepo } from '../../../renderer/features/progress/progressRepo';
import { receiptKey, receiptRepo } from '../../../renderer/features/progress/receiptRepo';
import { aReport, signed, testKey } from '../../helpers/packages';

let n = 0;
const freshDb = () => new PlanBookDb(`receipts-${Date.now()}-${n++}`);
const ward = 'p7' as UnitId;
const plan = 'vt-2024' as PlanId;
const period = '2024-05' as PeriodKey;

async function withExport(db: PlanBookDb) {
  await progressRepo.recordExport(db, { unitId: ward, planId: plan, period, sequence: 1, packageId: 'pkg-1', fileName: 'a.json', bytes: new Uint8Array([1]), exportedAt: '2024-06-01T00:00:00Z' });
}

const receiptFile = async (packageId: string, sequence = 1, createdAt = '2024-06-10T08:00:00Z') => {
  const unsigned = buildReceipt({ consolidating: 'vt', planId: plan, planRevision: 1, period, sequence, createdAt }, ward, [
    { packageId, unitId: ward, period, sequence: 1, reason: 'ok', receivedAt: '2024-06-05T01:00:00Z', review: { state: 'returned', comments: [{ itemId: 'i1' as never, text: 'Bổ sung số liệu' }] } },
  ]);
  const { bytes } = await signed(unsigned, 'vt');
  return { name: 'receipt.json', bytes };
};

describe('receipt import (ward side)', () => {
  it('stores a receipt for an exported package, with an audit row', async () => {
    const db = freshDb();
    await withExport(db);
    const r = await receiptRepo.import(db, ward, await receiptFile('pkg-1'), 'vi');
    expect(r).toEqual({ ok: true, consolidating: 'vt', stored: 1, older: 0 });
    const stored = await receiptRepo.get(db, plan, period);
    expect(stored?.received.map((e) => e.packageId)).toEqual(['pkg-1']);
    expect(await db.settings.get(receiptKey(plan, period))).toBeDefined();
    expect((await db.audit.toArray()).map((a) => a.action)).toContain('receipt-imported');
  });

  it('refuses a receipt for packages this unit never exported, a tampered file and a file of another kind', async () => {
    const db = freshDb();
    await withExport(db);
    expect(await receiptRepo.import(db, ward, await receiptFile('other'), 'vi')).toEqual({ ok: false, problem: 'not-ours' });
    const good = await receiptFile('pkg-1');
    const text = new TextDecoder().decode(good.bytes).replace('Bổ sung số liệu', 'Bổ sung số liệX');
    const bad = await receiptRepo.import(db, ward, { name: 'x.json', bytes: new TextEncoder().encode(text) }, 'vi');
    expect(bad.ok).toBe(false);
    const report = await signed(aReport({ unit: 'p7' }), 'p7');
    expect(await receiptRepo.import(db, ward, { name: 'r.json', bytes: report.bytes }, 'vi')).toEqual({ ok: false, problem: 'not-a-receipt' });
    expect(await receiptRepo.get(db, plan, period)).toBeNull();
  });

  it('an older receipt does not replace a newer one', async () => {
    const db = freshDb();
    await withExport(db);
    await receiptRepo.import(db, ward, await receiptFile('pkg-1', 2, '2024-06-11T00:00:00Z'), 'vi');
    const r = await receiptRepo.import(db, ward, await receiptFile('pkg-1', 1, '2024-06-10T00:00:00Z'), 'vi');
    expect(r).toMatchObject({ ok: true, stored: 0, older: 1 });
    expect((await receiptRepo.get(db, plan, period))?.sequence).toBe(2);
  });

  it('marks the sender verified only with the consolidating unit\'s trusted key; a key of another unit is refused', async () => {
    const db = freshDb();
    await withExport(db);
    const city = testKey('vt');
    await receiptRepo.import(db, ward, await receiptFile('pkg-1'), 'vi');
    expect((await receiptRepo.get(db, plan, period))?.senderTrusted).toBe(false); // unknown key: kept, shown unverified

    const trust = (unitId: string) => db.trust.put({ unitId: unitId as UnitId, keyId: city.keyId, publicKey: city.publicKeyB64, validFrom: null, revokedAt: null, addedAt: '2024-01-01T00:00:00Z', source: 'test' });
    await trust('vt');
    await receiptRepo.import(db, ward, await receiptFile('pkg-1', 2, '2024-06-11T00:00:00Z'), 'vi');
    expect((await receiptRepo.get(db, plan, period))?.senderTrusted).toBe(true);

    const other = freshDb();
    await withExport(other);
    await other.trust.put({ unitId: 'someone-else' as UnitId, keyId: city.keyId, publicKey: city.publicKeyB64, validFrom: null, revokedAt: null, addedAt: '2024-01-01T00:00:00Z', source: 'test' });
    expect(await receiptRepo.import(other, ward, await receiptFile('pkg-1'), 'vi')).toMatchObject({ ok: false, problem: 'rejected' });
  });
});
