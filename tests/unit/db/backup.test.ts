// Backup and restore against fake-indexeddb: a round trip keeps every row, the audit log is a hash
// chain, and a restore never lowers a sequence number.
import { describe, expect, it } from 'vitest';
import { checkAuditChain, parseBackup } from '../../../shared/backup';
import { auditRecord } from '../../../renderer/db/audit';
import { makeBackup, readFacts, readTables } from '../../../renderer/features/backup/snapshot';
import { restoreBackup } from '../../../renderer/features/backup/restore';
import { fillWard, freshDb, key, mapWitness } from './backupFixtures';

describe('backup round trip', () => {
  it('restores every row of every table, bytes included', async () => {
    const a = await freshDb();
    await fillWard(a);
    const built = await makeBackup(a, 'manual');
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.header).toMatchObject({ unitId: key.unitId, dbVersion: a.verno, sequences: [{ ...key, last: 3 }] });
    const parsed = parseBackup(built.bytes, { dbVersion: a.verno });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const b = await freshDb();
    const r = await restoreBackup(b, parsed.backup, { witness: mapWitness() });
    expect(r.ok).toBe(true);
    const [ta, tb] = await Promise.all([readTables(a), readTables(b)]);
    expect({ ...tb, audit: tb.audit?.slice(0, 2) }).toEqual(ta);
    expect((await b.exported.toArray())[0]?.bytes).toEqual(new Uint8Array([1, 2, 3]));
    expect(checkAuditChain(await b.audit.orderBy(':id').toArray())).toMatchObject({ ok: true, chained: 3 });
  });
});

describe('audit hash chain', () => {
  it('chains concurrent adds of one transaction and bulkAdd, and shows an edited line', async () => {
    const db = await freshDb();
    await db.transaction('rw', db.audit, () => Promise.all([1, 2, 3].map((i) => db.audit.add(auditRecord(`x${i}`, i)))));
    await db.audit.bulkAdd([auditRecord('y', 1), auditRecord('z', 2)]);
    const rows = await db.audit.orderBy(':id').toArray();
    expect(checkAuditChain(rows)).toEqual({ ok: true, chained: 5, unchained: 0 });
    await db.audit.update(rows[2]?.id ?? 0, { detail: 'edited' });
    expect(checkAuditChain(await db.audit.orderBy(':id').toArray())).toMatchObject({ ok: false, problem: 'mismatch', index: 3 });
    await db.audit.delete(rows[3]?.id ?? 0);
    expect(checkAuditChain(await db.audit.orderBy(':id').toArray())).toMatchObject({ ok: false });
  });
});

describe('restore never lowers sequences', () => {
  it('keeps the higher current sequence, the packages exported since, and the witness', async () => {
    const db = await freshDb();
    await fillWard(db, 2);
    const old = await makeBackup(db, 'manual');
    if (!old.ok) throw new Error('backup');
    // Exported twice more after the backup.
    await db.sequences.put({ ...key, last: 4 });
    await db.exported.add({ ...key, sequence: 4, packageId: 'p4', fileName: 'f4.json', bytes: new Uint8Array([4]), exportedAt: '2024-05-20' });
    const witness = mapWitness();
    witness.write(key, 5); // a number reserved whose export was cancelled
    const parsed = parseBackup(old.bytes, { dbVersion: db.verno });
    if (!parsed.ok) throw new Error(parsed.reason);
    const r = await restoreBackup(db, parsed.backup, { witness, marker: { sequences: [{ ...key, last: 4 }], counters: { 'receipt-sequence:x': 7 } } });
    expect(r).toMatchObject({ ok: true, sequences: [{ ...key, last: 5 }] });
    expect(await db.sequences.get([key.unitId, key.planId, key.period])).toMatchObject({ last: 5, narrative: 'Tháng 5' });
    expect((await db.exported.toArray()).map((e) => e.sequence).sort()).toEqual([2, 4]);
    expect(await db.settings.get('receipt-sequence:x')).toEqual({ key: 'receipt-sequence:x', value: 7 });
    expect((await readFacts(db)).sequences).toEqual([{ ...key, last: 5 }]);
  });
});
