// Progress repository and export against fake-indexeddb.
//
// Restore of an older database (how the sequence only grows): the next sequence is one more than
// the highest of (a) the counter row in `sequences`, (b) every package kept in `exported`, and
// (c) a witness kept outside IndexedDB (localStorage in the app, a Map here). A restore replaces
// (a) and (b) with older rows, but not (c); and the number is reserved in (a) and (c) before the
// package is signed, so a failure after reserving spends the number rather than reusing it.
import { describe, expect, it } from 'vitest';
import { itemId, planId, unitId, type PeriodKey } from '../../../shared/model/ids';
import { randomSecretKey } from '../../../shared/crypto';
import { secretKeySigner, verifyPackage } from '../../../shared/packages';
import { readReportPayload } from '../../../shared/progress';
import { PlanBookDb } from '../../../renderer/db/database';
import { progressRepo, type ReportKey } from '../../../renderer/features/progress/progressRepo';
import { exportReport, type ExportDeps, type SequenceWitness } from '../../../renderer/features/progress/exportReport';

let n = 0;
const freshDb = () => new PlanBookDb(`progress-${Date.now()}-${n++}`);
const key: ReportKey = { unitId: unitId('vt-thang-tam'), planId: planId('vungtau-cds-2024'), period: '2024-05' as PeriodKey };
const t1 = { id: itemId('t1'), kind: 'task' as const };
const i1 = { id: itemId('i1'), kind: 'indicator' as const };

function mapWitness(): SequenceWitness & { map: Map<string, number> } {
  const map = new Map<string, number>();
  const k = (r: ReportKey) => `${r.unitId}|${r.planId}|${r.period}`;
  return { map, read: (r) => map.get(k(r)) ?? null, write: (r, s) => { map.set(k(r), Math.max(map.get(k(r)) ?? 0, s)); } };
}

function deps(witness = mapWitness(), saved: Uint8Array[] = []): ExportDeps {
  const signer = secretKeySigner(randomSecretKey());
  return {
    signer: async () => signer, witness, now: () => '2024-05-11T09:00:00+07:00',
    save: async (name, bytes) => { saved.push(bytes); return { ok: true, fileName: name }; },
  };
}

async function fill(db: PlanBookDb) {
  await progressRepo.saveEdit(db, key, t1, { status: 'in-progress', percent: '50', result: 'Đang triển khai' });
  await progressRepo.saveEdit(db, key, i1, { status: 'in-progress', value: '23.391/23.802 hồ sơ' });
}

describe('progress repository', () => {
  it('a save writes the row and its audit line (old → new) together', async () => {
    const db = freshDb();
    const change = await progressRepo.saveEdit(db, key, t1, { result: 'a' });
    expect(change).toEqual({ itemId: 't1', before: { result: '' }, after: { result: 'a' } });
    await progressRepo.saveEdit(db, key, t1, { result: 'b' });
    const row = await db.entries.get([key.unitId, key.planId, key.period, 't1']);
    expect(row?.draft.result).toBe('b');
    expect(row?.entry.result).toBe('b');
    const audit = await db.audit.where('itemId').equals('t1').toArray();
    expect(audit.map((a) => a.detail)).toMatchObject([{ before: { result: '' }, after: { result: 'a' } }, { before: { result: 'a' }, after: { result: 'b' } }]);
    expect(await progressRepo.saveEdit(db, key, t1, { result: 'b' })).toBeNull();
    expect(await db.audit.count()).toBe(2);
  });

  it('a save that fails leaves neither the row nor the audit line', async () => {
    const db = freshDb();
    await db.open();
    // A row that cannot be stored (a function is not cloneable) makes the put throw inside the transaction.
    const bad = { status: 'done', result: (() => 'x') as unknown as string } as const;
    await expect(progressRepo.saveEdit(db, key, t1, bad)).rejects.toBeDefined();
    expect(await db.entries.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('keeps typed text it cannot read, with the values read as null', async () => {
    const db = freshDb();
    await progressRepo.saveEdit(db, key, i1, { percent: '9x', value: '5/0' });
    const row = await db.entries.get([key.unitId, key.planId, key.period, 'i1']);
    expect(row?.draft).toMatchObject({ percent: '9x', value: '5/0' });
    expect(row?.entry.percent).toBeNull();
  });

  it('a new period starts from the last one, unconfirmed; touching or confirming confirms', async () => {
    const db = freshDb();
    await fill(db);
    const june = { ...key, period: '2024-06' as PeriodKey };
    expect(await progressRepo.startPeriod(db, june, [t1, i1])).toBe('2024-05');
    expect(await progressRepo.startPeriod(db, june, [t1, i1])).toBeNull();
    const rows = await progressRepo.rows(db, june);
    expect(rows.map((r) => [r.itemId, r.confirmed, r.draft.result])).toEqual([['i1', false, ''], ['t1', false, 'Đang triển khai']]);
    await progressRepo.saveEdit(db, june, t1, { percent: '60' });
    expect(await progressRepo.confirm(db, june, [i1.id, t1.id])).toBe(1);
    expect((await progressRepo.rows(db, june)).every((r) => r.confirmed)).toBe(true);
  });
});

describe('export', () => {
  it('the narrative is carried too, unconfirmed, and blocks the export until confirmed or touched', async () => {
    const db = freshDb();
    await fill(db);
    await progressRepo.saveNarrative(db, key, 'Tháng 5: phường đã triển khai');
    const june = { ...key, period: '2024-06' as PeriodKey };
    expect(await progressRepo.startPeriod(db, june, [t1, i1])).toBe('2024-05');
    const row = await progressRepo.report(db, june);
    expect(row).toMatchObject({ narrative: 'Tháng 5: phường đã triển khai', narrativeConfirmed: false, last: 0 });
    await progressRepo.confirm(db, june, [t1.id, i1.id]);
    const out = await exportReport(db, { key: june, planRevision: 1, items: [t1, i1], unitLabel: 'u', planLabel: 'p' }, deps());
    expect(out).toMatchObject({ ok: false, reason: 'incomplete', problems: [{ itemId: '#narrative', kind: 'unconfirmed' }] });
    await progressRepo.confirmNarrative(db, june);
    expect((await progressRepo.report(db, june))?.narrativeConfirmed).toBe(true);
    expect((await exportReport(db, { key: june, planRevision: 1, items: [t1, i1], unitLabel: 'u', planLabel: 'p' }, deps())).ok).toBe(true);
    // A period that already has its own narrative keeps it.
    const july = { ...key, period: '2024-07' as PeriodKey };
    await progressRepo.saveNarrative(db, july, 'Tháng 7');
    await progressRepo.startPeriod(db, july, [t1, i1]);
    expect(await progressRepo.report(db, july)).toMatchObject({ narrative: 'Tháng 7', narrativeConfirmed: true });
  });

  it('refuses an incomplete report and lists the problems', async () => {
    const db = freshDb();
    await progressRepo.saveEdit(db, key, t1, { result: 'x' });
    const out = await exportReport(db, { key, planRevision: 1, items: [t1, i1], unitLabel: 'vt-thang-tam', planLabel: 'vungtau-cds-2024' }, deps());
    expect(out).toMatchObject({ ok: false, reason: 'incomplete' });
    if (!out.ok && out.reason === 'incomplete') expect(out.problems.map((p) => [p.itemId, p.kind])).toEqual([['t1', 'no-status'], ['i1', 'no-status'], ['i1', 'no-value']]);
    expect(await db.sequences.count()).toBe(0);
  });

  it('signs a package that verifies, names the file, keeps it, and numbers 1, 2, 3', async () => {
    const db = freshDb();
    await fill(db);
    await progressRepo.saveNarrative(db, key, 'Tháng 5/2024, phường đã...');
    const saved: Uint8Array[] = [];
    const d = deps(mapWitness(), saved);
    const input = { key, planRevision: 1, items: [t1, i1], unitLabel: 'vt-thang-tam', planLabel: 'vungtau-cds-2024' };
    const first = await exportReport(db, input, d);
    expect(first).toEqual({ ok: true, sequence: 1, fileName: 'vt-thang-tam-vungtau-cds-2024-2024-05-1.planbook.json', packageId: 'report:vt-thang-tam:vungtau-cds-2024:2024-05:1' });
    const v = await verifyPackage(saved[0]);
    expect(v.reason).toBe('ok');
    expect(readReportPayload(v.package)?.narrative).toBe('Tháng 5/2024, phường đã...');
    expect(readReportPayload(v.package)?.indicatorValues[0]).toMatchObject({ numerator: 23391, denominator: 23802 });
    expect((await exportReport(db, input, d)).ok && (await exportReport(db, input, d))).toMatchObject({ sequence: 3 });
    const kept = await progressRepo.exported(db, key);
    expect(kept.map((e) => e.sequence)).toEqual([1, 2, 3]);
    expect(kept[0]?.bytes).toEqual(saved[0]);
  });

  it('after a restore of an older database state, the sequence still only grows', async () => {
    const db = freshDb();
    await fill(db);
    const witness = mapWitness();
    const input = { key, planRevision: 1, items: [t1, i1], unitLabel: 'u', planLabel: 'p' };
    await exportReport(db, input, deps(witness));
    await exportReport(db, input, deps(witness));
    // Restore: the backup was taken after export 1, so it knows neither export 2 nor its counter.
    await db.transaction('rw', db.exported, db.sequences, async () => {
      await db.exported.filter((r) => r.sequence > 1).delete();
      await db.sequences.put({ ...key, last: 1, narrative: '' });
    });
    expect((await progressRepo.exported(db, key)).map((e) => e.sequence)).toEqual([1]);
    expect(await exportReport(db, input, deps(witness))).toMatchObject({ ok: true, sequence: 3 });
    // Even with the witness lost too, the packages still kept hold the floor.
    await db.sequences.put({ ...key, last: 0, narrative: '' });
    expect(await exportReport(db, input, deps(mapWitness()))).toMatchObject({ ok: true, sequence: 4 });
  });

  it('a cancelled save spends the number: the next export does not reuse it', async () => {
    const db = freshDb();
    await fill(db);
    const witness = mapWitness();
    const input = { key, planRevision: 1, items: [t1, i1], unitLabel: 'u', planLabel: 'p' };
    const cancelled: ExportDeps = { ...deps(witness), save: async () => ({ ok: false, reason: 'cancelled' }) };
    expect(await exportReport(db, input, cancelled)).toEqual({ ok: false, reason: 'cancelled' });
    expect(await exportReport(db, input, deps(witness))).toMatchObject({ ok: true, sequence: 2 });
  });
});
