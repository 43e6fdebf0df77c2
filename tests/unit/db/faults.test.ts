// Faults the data must survive (issue 8), against fake-indexeddb: a write aborted half-way, a full
// disk, a damaged backup file, a migration that throws, a clock set back a year.
import Dexie, { type DBCore, type Middleware } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { randomSecretKey } from '../../../shared/crypto';
import { secretKeySigner } from '../../../shared/packages';
import { CURRENT_VERSION, PlanBookDb, STEPS } from '../../../renderer/db/database';
import { translate } from '../../../renderer/i18n';
import { makeBackup, readTables } from '../../../renderer/features/backup/snapshot';
import { restoreBackup } from '../../../renderer/features/backup/restore';
import { prepareRestore } from '../../../renderer/features/backup/restoreFlow';
import { writeErrorMessage } from '../../../renderer/features/backup/writeError';
import { exportReport, type ExportDeps } from '../../../renderer/features/progress/exportReport';
import { parseBackup } from '../../../shared/backup';
import { fillWard, freshDb, key, mapWitness } from './backupFixtures';

let n = 0;
/** A database whose writes to `table` fail with `error` once `armed` is set (after `after` mutations). */
function failingDb(table: string, error: () => Error) {
  const state = { armed: false, after: 0 };
  const mw: Middleware<DBCore> = {
    stack: 'dbcore', name: 'fault',
    create: (down) => ({ ...down, table: (name) => {
      const t = down.table(name);
      return { ...t, mutate: (req) => (state.armed && name === table && state.after-- <= 0 ? Promise.reject(error()) : t.mutate(req)) };
    } }),
  };
  const db = new PlanBookDb(`fault-${Date.now()}-${n++}`);
  db.use(mw);
  return { db, state };
}
const quota = () => Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });

async function backupOf(fill: (db: PlanBookDb) => Promise<void>) {
  const src = await freshDb('src');
  await fill(src);
  await src.items.bulkAdd(Array.from({ length: 50 }, (_, i) => ({ planId: key.planId, id: `i${i}`, order: i, searchKey: '' }) as never));
  const built = await makeBackup(src, 'manual');
  if (!built.ok) throw new Error('backup');
  const parsed = parseBackup(built.bytes, { dbVersion: CURRENT_VERSION });
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.backup;
}

afterEach(() => { vi.useRealTimers(); });

describe('faults', () => {
  it('an import (restore) aborted half-way leaves nothing: the database is as before', async () => {
    const backup = await backupOf((db) => fillWard(db, 9));
    const { db, state } = failingDb('items', () => new Error('renderer killed'));
    await fillWard(db, 2);
    const before = await readTables(db);
    state.armed = true; // the tables before `items` are already cleared and refilled when it fails
    expect(await restoreBackup(db, backup, { witness: mapWitness() })).toMatchObject({ ok: false, reason: 'failed' });
    expect(await readTables(db)).toEqual(before);
  });

  it('quota exceeded during a write: nothing half-written, and a Vietnamese message', async () => {
    const backup = await backupOf((db) => fillWard(db, 9));
    const { db, state } = failingDb('audit', quota);
    await fillWard(db, 2);
    const before = await readTables(db);
    state.armed = true;
    expect(await restoreBackup(db, backup, { witness: mapWitness() })).toMatchObject({ ok: false, reason: 'quota' });
    expect(await readTables(db)).toEqual(before);
    // A multi-row write of a feature fails the same way, whole.
    state.after = 0;
    const write = db.transaction('rw', db.plans, db.audit, async () => {
      await db.plans.put({ id: 'new-plan' } as never);
      await db.audit.add({ at: '', action: 'x', unitId: null, itemId: null, detail: null });
    });
    const error = await write.then(() => null, (e: unknown) => e);
    expect(await db.plans.get('new-plan' as never)).toBeUndefined();
    expect(translate('vi', writeErrorMessage(error))).toBe('Không đủ dung lượng lưu trữ: thay đổi chưa được ghi, dữ liệu cũ vẫn nguyên vẹn. Hãy giải phóng dung lượng ổ đĩa rồi thử lại.');
  });

  it('a backup file truncated or edited is rejected by its checks, before anything is written', async () => {
    const db = await freshDb();
    await fillWard(db, 2);
    const built = await makeBackup(db, 'manual');
    if (!built.ok) throw new Error('backup');
    const edited = new TextEncoder().encode(new TextDecoder().decode(built.bytes).replace('"last":2', '"last":1'));
    expect(await prepareRestore(db, built.bytes.subarray(0, built.bytes.length >> 1))).toEqual({ ok: false, reason: 'truncated' });
    expect(await prepareRestore(db, edited)).toEqual({ ok: false, reason: 'checksum' });
  });

  it('a migration that throws leaves the database at the old version, rows intact', async () => {
    const name = `mig-${Date.now()}`;
    const old = new PlanBookDb(name);
    await fillWard(old, 4);
    old.close();
    // A test-only next step whose upgrade fails half-way.
    const next = new Dexie(name);
    [...STEPS, { stores: { extra: 'id' }, upgrade: async (tx: import('dexie').Transaction) => {
      await tx.table('plans').toCollection().modify({ touched: true });
      throw new Error('upgrade failed');
    } }].forEach(({ stores, upgrade }, i) => {
      const v = next.version(i + 1).stores(stores);
      if (upgrade) v.upgrade(upgrade);
    });
    await expect(next.open()).rejects.toThrow();
    next.close();
    const again = new Dexie(name);
    await again.open();
    expect(again.verno).toBe(CURRENT_VERSION);
    expect(again.tables.map((t) => t.name)).not.toContain('extra');
    expect(await again.table('plans').toArray()).toEqual([{ id: key.planId, importedAt: '2024-05-01', source: 'demo' }]);
    again.close();
  });

  it('clock set back a year: sequences still grow, and a restore of an older backup does not lower them', async () => {
    const db = await freshDb();
    const witness = mapWitness();
    const saved: string[] = [];
    const deps: ExportDeps = { signer: async () => signer, witness, save: async (name) => { saved.push(name); return { ok: true, fileName: name }; } };
    const signer = secretKeySigner(randomSecretKey());
    const input = { key, planRevision: 1, items: [], unitLabel: 'thang-tam', planLabel: 'cds' };
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-05-11T09:00:00+07:00'));
    expect(await exportReport(db, input, deps)).toMatchObject({ ok: true, sequence: 1 });
    const backup = await makeBackup(db, 'manual');
    expect(await exportReport(db, input, deps)).toMatchObject({ ok: true, sequence: 2 });
    vi.setSystemTime(new Date('2024-05-11T09:00:00+07:00')); // a year back
    expect(await exportReport(db, input, deps)).toMatchObject({ ok: true, sequence: 3 });
    if (!backup.ok) throw new Error('backup');
    const parsed = parseBackup(backup.bytes, { dbVersion: CURRENT_VERSION });
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(await restoreBackup(db, parsed.backup, { witness: mapWitness() })).toMatchObject({ ok: true });
    expect(await exportReport(db, input, deps)).toMatchObject({ ok: true, sequence: 4 });
  });
});
