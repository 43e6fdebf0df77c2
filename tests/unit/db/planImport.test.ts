// Plan import repository against fake-indexeddb: a revision keeps progress, marks (never deletes)
// the entries of removed items; aliases are remembered and audited; publishing numbers revisions.
import { describe, expect, it } from 'vitest';
import { itemId, planId, sectionId, unitId, type PeriodKey } from '../../../shared/model/ids';
import type { PlanDocument, PlanItem } from '../../../shared/model/plan';
import { verifyPackage, parseStrictJson, type PlanPayload } from '../../../shared/packages';
import { parseUnitsCell } from '../../../shared/units/cell';
import { rolesForUnit } from '../../../shared/units/assignment';
import { indexDirectory } from '../../../shared/units/directory';
import { PlanBookDb } from '../../../renderer/db/database';
import { progressRepo, type ReportKey } from '../../../renderer/features/progress/progressRepo';
import { plansRepo } from '../../../renderer/features/plans/plansRepo';
import { unitsRepo } from '../../../renderer/features/units/unitsRepo';
import { planImportRepo } from '../../../renderer/features/planImport/planImportRepo';
import { publishPlan } from '../../../renderer/features/planImport/publishPlan';
import { unresolvedNames } from '../../../renderer/features/planImport/planFacts';
import { signedBy, testKey } from '../../helpers/packages';
import { loadDirectory } from '../core/units/fixtures';

let n = 0;
const freshDb = () => new PlanBookDb(`plan-import-${Date.now()}-${n++}`);
const P = planId('vt-cds');
const ward = unitId('brvt.vung-tau.thang-tam');
const city = unitId('brvt.vung-tau');

const item = (id: string, extra: Partial<PlanItem> = {}): PlanItem => ({
  id: itemId(id), kind: 'task', sectionId: sectionId('t.I'), no: id.split('.').pop() ?? '', content: `Nội dung ${id}`,
  lead: '', coordinating: '', due: 'Năm 2024', target: '', note: '', ...extra,
});
const doc = (items: PlanItem[], revision: number): PlanDocument => ({
  plan: {
    id: P, revision, title: 'Kế hoạch chuyển đổi số', decision: null, issuer: 'UBND thành phố Vũng Tàu', issuedOn: null,
    periodFrom: '2024' as PeriodKey, periodTo: '2024' as PeriodKey,
    calendar: { kinds: ['month'], dueDay: 12, cutOffDay: 10, yearlyDue: null, consolidateBy: null },
  },
  sections: [{ id: sectionId('t.I'), code: 'I', title: 'Nhiệm vụ', kind: 'tasks' }],
  items,
});
const key = (period: string): ReportKey => ({ unitId: ward, planId: P, period: period as PeriodKey });

describe('installing a plan revision', () => {
  it('keeps progress of unchanged items, marks entries of removed items, clears the mark when an item returns', async () => {
    const db = freshDb();
    const r1 = doc([item('t.I.1'), item('t.I.2'), item('t.I.3')], 1);
    await planImportRepo.installRevision(db, r1, 'package');
    for (const p of ['2024-05', '2024-06']) {
      await progressRepo.saveEdit(db, key(p), r1.items[0]!, { status: 'in-progress', result: `Kết quả ${p}` });
      await progressRepo.saveEdit(db, key(p), r1.items[1]!, { status: 'done', result: 'Xong' });
    }
    const r2 = doc([item('t.I.1'), item('t.I.3', { due: 'Quý III/2024' }), item('t.I.4')], 2);
    const report = await planImportRepo.installRevision(db, r2, 'package');
    expect(report).toEqual({ marked: 2, restored: 0, removed: 1 });

    const all = await db.entries.toArray();
    expect(all).toHaveLength(4); // nothing deleted
    const kept = all.filter((e) => e.itemId === 't.I.1');
    expect(kept.map((e) => [e.draft.result, e.removedInRevision])).toEqual([['Kết quả 2024-05', undefined], ['Kết quả 2024-06', undefined]]);
    expect(all.filter((e) => e.itemId === 't.I.2').every((e) => e.removedInRevision === 2)).toBe(true);
    expect((await planImportRepo.removedItems(db, P)).map((r) => [r.item.id, r.revision])).toEqual([['t.I.2', 2]]);
    expect((await plansRepo.document(db, P))?.items.map((i) => i.id)).toEqual(['t.I.1', 't.I.3', 't.I.4']);
    expect((await db.audit.filter((a) => a.action === 'plan-revision-installed').count())).toBe(2);

    const r3 = doc([item('t.I.1'), item('t.I.2'), item('t.I.3')], 3);
    expect(await planImportRepo.installRevision(db, r3, 'package')).toEqual({ marked: 0, restored: 2, removed: 1 });
    expect((await db.entries.toArray()).every((e) => e.removedInRevision === undefined)).toBe(true);
    expect((await planImportRepo.removedItems(db, P)).map((r) => r.item.id)).toEqual(['t.I.4']);
  });

  it('a failing install changes nothing (one transaction)', async () => {
    const db = freshDb();
    await planImportRepo.installRevision(db, doc([item('t.I.1')], 1), 'package');
    const bad = doc([item('t.I.1'), { ...item('t.I.2'), id: undefined as unknown as PlanItem['id'] }], 2);
    await expect(planImportRepo.installRevision(db, bad, 'package')).rejects.toThrow();
    expect((await plansRepo.document(db, P))?.plan.revision).toBe(1);
    expect(await db.items.count()).toBe(1);
  });
});

describe('unit aliases', () => {
  it('a name mapped to a directory unit is remembered, resolves next time, and is audited', async () => {
    const db = freshDb();
    await unitsRepo.install(db, loadDirectory().data);
    const plan = doc([item('t.I.1', { lead: 'Tổ CNS Thắng Tam' })], 1);
    expect(unresolvedNames(plan, indexDirectory(await unitsRepo.directory(db))).map((u) => u.name)).toEqual(['Tổ CNS Thắng Tam']);
    expect(await planImportRepo.rememberAlias(db, ward, 'Tổ CNS Thắng Tam', P)).toBe(true);
    expect(await planImportRepo.rememberAlias(db, ward, 'Tổ CNS Thắng Tam', P)).toBe(true); // twice: once
    const dir = indexDirectory(await unitsRepo.directory(db));
    expect(dir.units.get(ward)?.aliases.filter((a) => a === 'Tổ CNS Thắng Tam')).toHaveLength(1);
    expect(parseUnitsCell('Tổ CNS Thắng Tam', dir, '2024-06-01' as never).refs.map((r) => r.kind === 'unit' && r.unitId)).toEqual([ward]);
    expect(unresolvedNames(plan, dir)).toEqual([]);
    const audit = await db.audit.filter((a) => a.action === 'unit-alias-added').toArray();
    expect(audit.map((a) => [a.unitId, (a.detail as { alias: string }).alias])).toEqual([[ward, 'Tổ CNS Thắng Tam']]);
    expect(await planImportRepo.rememberAlias(db, unitId('no.such.unit'), 'x', P)).toBe(false);
  });
});

describe('aliases travel with the plan package', () => {
  it('a name the city mapped reaches the ward with the package: the ward then leads the item', async () => {
    const cityDb = freshDb();
    const directory = loadDirectory();
    await unitsRepo.install(cityDb, directory.data);
    const plan = doc([item('t.I.1', { lead: 'Tổ CNS Thắng Tam' })], 1);
    await planImportRepo.installRevision(cityDb, plan, 'xlsx');
    await planImportRepo.rememberAlias(cityDb, ward, 'Tổ CNS Thắng Tam', P);
    const saved: Uint8Array[] = [];
    const r = await publishPlan(cityDb, P, city, indexDirectory(await unitsRepo.directory(cityDb)), {
      signer: async () => signedBy(city), save: async (name: string, bytes: Uint8Array) => { saved.push(bytes); return { ok: true as const, fileName: name }; },
    });
    expect(r.ok).toBe(true);
    const pkg = parseStrictJson(saved[0]!);
    const units = (pkg.ok ? (pkg.value as { payload: PlanPayload }).payload : null)!.units;

    const wardDb = freshDb();
    await unitsRepo.install(wardDb, directory.data);
    await planImportRepo.installRevision(wardDb, plan, 'package');
    const before = indexDirectory(await unitsRepo.directory(wardDb));
    expect(rolesForUnit(plan, before, ward).get(itemId('t.I.1'))).toBeUndefined();
    expect(await unitsRepo.adoptPlanAliases(wardDb, units, P)).toBe(1);
    expect(await unitsRepo.adoptPlanAliases(wardDb, units, P)).toBe(0); // twice: once
    const after = indexDirectory(await unitsRepo.directory(wardDb));
    expect(rolesForUnit(plan, after, ward).get(itemId('t.I.1'))).toBe('lead');
    const audit = await wardDb.audit.filter((a) => a.action === 'unit-alias-added').toArray();
    expect(audit.map((a) => [a.unitId, a.detail])).toEqual([[ward, { alias: 'Tổ CNS Thắng Tam', planId: P, from: 'plan-package' }]]);
  });
});

describe('publishing a plan', () => {
  it('signs a plan package with the units and trusted keys, numbering each publication', async () => {
    const db = freshDb();
    const directory = loadDirectory();
    await unitsRepo.install(db, directory.data);
    await planImportRepo.installRevision(db, doc([item('t.I.1', { lead: 'UBND phường Thắng Tam' })], 1), 'xlsx');
    const wardKey = testKey(ward);
    await db.trust.put({ unitId: ward, keyId: wardKey.keyId, publicKey: wardKey.publicKeyB64, validFrom: null, revokedAt: null, addedAt: '2024-01-01T00:00:00Z', source: 'enrolment' });
    const saved: { name: string; bytes: Uint8Array }[] = [];
    const deps = { signer: async () => signedBy(city), save: async (name: string, bytes: Uint8Array) => { saved.push({ name, bytes }); return { ok: true as const, fileName: name }; } };

    const first = await publishPlan(db, P, city, directory, deps);
    const second = await publishPlan(db, P, city, directory, deps);
    expect([first.ok && first.revision, second.ok && second.revision]).toEqual([1, 2]);
    expect(saved.map((s) => s.name)).toEqual(['ke-hoach-vt-cds-r1.planbook.json', 'ke-hoach-vt-cds-r2.planbook.json']);
    expect((await plansRepo.document(db, P))?.plan.revision).toBe(2);

    const v = await verifyPackage(saved[1]!.bytes);
    expect(v.reason).toBe('ok');
    const pkg = parseStrictJson(saved[1]!.bytes);
    const payload = (pkg.ok ? (pkg.value as { payload: PlanPayload }).payload : null)!;
    expect(payload.plan.revision).toBe(2);
    expect(payload.plan.issuerUnitId).toBe(city);
    const units = new Map(payload.units.map((u) => [u.id, u]));
    expect(units.get(ward)?.publicKeys.map((k) => k.keyId)).toEqual([wardKey.keyId]);
    expect(units.get(city)?.publicKeys.map((k) => k.keyId)).toEqual([testKey(city).keyId]);
    expect(units.has(unitId('brvt'))).toBe(true); // the parents travel too
    expect(await db.audit.filter((a) => a.action === 'plan-published').count()).toBe(2);

    const cancelled = await publishPlan(db, P, city, directory, { ...deps, save: async () => ({ ok: false, reason: 'cancelled' }) });
    expect(cancelled).toEqual({ ok: false, reason: 'cancelled' });
    expect((await planImportRepo.lastPublication(db, P))?.revision).toBe(2);
  });
});
