import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { CURRENT_VERSION, PlanBookDb, READ_ONLY_MESSAGE, STEPS, isReadOnlyError, openDatabase } from '../../../renderer/db/database';
import { auditRecord } from '../../../renderer/db/audit';

const uniq = (() => { let n = 0; return (p: string) => `${p}-${Date.now()}-${n++}`; })();

describe('database versions', () => {
  it('the latest schema matches the committed snapshot: a change without a new step fails here', () => {
    const merged: Record<string, string | null> = {};
    for (const step of STEPS) Object.assign(merged, step.stores);
    const snapshot = JSON.parse(readFileSync('tests/fixtures/db-schema.json', 'utf8')) as { version: number; stores: Record<string, string | null> };
    expect({ version: CURRENT_VERSION, stores: merged }).toEqual(snapshot);
  });

  it('opens a new database at the current version', async () => {
    const name = uniq('fresh');
    const r = await openDatabase(name);
    expect(r.ok).toBe(true);
    if (r.ok) { expect(r.db.verno).toBe(CURRENT_VERSION); r.db.close(); }
  });

  it('opens a database written by a newer PlanBook read-only, refuses every write and leaves it untouched', async () => {
    const name = uniq('newer');
    const future = new Dexie(name);
    future.version(CURRENT_VERSION + 5).stores({ ...STEPS[0]?.stores, futureTable: 'id' });
    await future.open();
    await future.table('futureTable').add({ id: 'x', v: 1 });
    await future.table('settings').put({ key: 'probe', value: 'kept' });
    future.close();

    const r = await openDatabase(name);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.readOnly).toEqual({ reason: 'newer', found: CURRENT_VERSION + 5, known: CURRENT_VERSION });
    expect(r.db.readOnly).toBe(true);
    // Reads work.
    expect(await r.db.settings.get('probe')).toEqual({ key: 'probe', value: 'kept' });
    // Every kind of write is refused, in the officer's words, whatever the path.
    const writes: (() => Promise<unknown>)[] = [
      () => r.db.settings.put({ key: 'probe', value: 'changed' }),
      () => r.db.settings.delete('probe'),
      () => r.db.settings.clear(),
      () => r.db.audit.add(auditRecord('test', null)),
      () => r.db.settings.bulkPut([{ key: 'a', value: 1 }, { key: 'b', value: 2 }]),
      () => r.db.transaction('rw', r.db.settings, r.db.audit, async () => {
        await r.db.settings.put({ key: 'other', value: 1 });
      }),
      () => r.db.settings.where('key').equals('probe').modify((row) => { Object.assign(row, { value: 'x' }); }),
    ];
    for (const write of writes) {
      const e: unknown = await write().then(() => null, (x: unknown) => x);
      expect(isReadOnlyError(e)).toBe(true);
    }
    await expect(r.db.settings.put({ key: 'probe', value: 'changed' })).rejects.toThrow(READ_ONLY_MESSAGE);
    expect(await r.db.settings.get('probe')).toEqual({ key: 'probe', value: 'kept' });
    expect(await r.db.settings.count()).toBe(1);
    r.db.close();

    const again = new Dexie(name);
    await again.open();
    expect(again.verno).toBe(CURRENT_VERSION + 5);
    expect(await again.table('futureTable').get('x')).toEqual({ id: 'x', v: 1 });
    expect(await again.table('settings').get('probe')).toEqual({ key: 'probe', value: 'kept' });
    expect(await again.table('audit').count()).toBe(0);
    again.close();
  });

  it('a database of this version opens writable', async () => {
    const name = uniq('writable');
    const r = await openDatabase(name);
    expect(r.ok && r.readOnly).toBe(null);
    if (r.ok) { await r.db.settings.put({ key: 'probe', value: 1 }); expect(await r.db.settings.get('probe')).toEqual({ key: 'probe', value: 1 }); r.db.close(); }
  });

  it('a database that fails to open (damaged on disk) is reported with its detail, not thrown', async () => {
    const broken = {
      open: () => { throw new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError'); },
      deleteDatabase: () => { throw new DOMException('no', 'UnknownError'); },
      cmp: (a: unknown, b: unknown) => indexedDB.cmp(a, b),
      databases: () => Promise.resolve([{ name: 'planbook', version: 10 }]),
    } as unknown as IDBFactory;
    const r = await openDatabase(uniq('broken'), { dexie: { indexedDB: broken, IDBKeyRange } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('failed');
    expect(r.message).toMatch(/backing store/u);
  });

  it('opens a database written by every earlier version and keeps its rows', async () => {
    for (let upTo = 1; upTo < CURRENT_VERSION; upTo++) {
      const name = uniq(`v${upTo}`);
      const old = new PlanBookDb(name, upTo);
      await old.open();
      await old.settings.put({ key: 'probe', value: upTo });
      old.close();
      const now = new PlanBookDb(name);
      expect(await now.settings.get('probe')).toEqual({ key: 'probe', value: upTo });
      now.close();
    }
  });

  it('hands a database of an older version to beforeUpgrade at that version, then upgrades it (the backup before a migration)', async () => {
    const name = uniq('older');
    const old = new PlanBookDb(name);
    await old.open();
    await old.plans.put({ id: 'p1', importedAt: '2024-05-01', source: 'demo' } as never);
    old.close();
    // A test-only next version that changes every plan row.
    const steps = [...STEPS, { stores: { extra: 'id' }, upgrade: (tx: import('dexie').Transaction) => tx.table('plans').toCollection().modify({ upgraded: true }) }];
    const seen: { verno: number; tables: string[]; plans: unknown[] }[] = [];
    const r = await openDatabase(name, { steps, beforeUpgrade: async (db) => {
      seen.push({ verno: db.verno, tables: db.tables.map((t) => t.name), plans: await db.plans.toArray() });
    } });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.verno).toBe(CURRENT_VERSION);
    expect(seen[0]?.tables).not.toContain('extra');
    expect(seen[0]?.plans).toEqual([{ id: 'p1', importedAt: '2024-05-01', source: 'demo' }]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.db.verno).toBe(CURRENT_VERSION + 1);
    expect(await r.db.plans.toArray()).toEqual([{ id: 'p1', importedAt: '2024-05-01', source: 'demo', upgraded: true }]);
    r.db.close();

    // Already at the app's version: nothing to hand over. A failing hook does not stop an upgrade.
    let calls = 0;
    const again = await openDatabase(name, { steps, beforeUpgrade: async () => { calls++; } });
    expect(calls).toBe(0);
    if (again.ok) again.db.close();
    const other = uniq('older');
    const o = new PlanBookDb(other);
    await o.open();
    o.close();
    const failing = await openDatabase(other, { steps, beforeUpgrade: () => Promise.reject(new Error('disk full')) });
    expect(failing.ok && failing.db.verno).toBe(CURRENT_VERSION + 1);
    if (failing.ok) failing.db.close();
  });
});

describe('read-only writes in words', () => {
  it('a refused write reads as the read-only message, also wrapped by Dexie', async () => {
    const { writeErrorMessage } = await import('../../../renderer/features/backup/writeError');
    const { translate } = await import('../../../renderer/i18n');
    const { ReadOnlyError } = await import('../../../renderer/db/database');
    const wrapped = Object.assign(new Error('AbortError'), { name: 'AbortError', inner: new ReadOnlyError() });
    expect(isReadOnlyError(wrapped)).toBe(true);
    expect(translate('vi', writeErrorMessage(wrapped))).toBe(READ_ONLY_MESSAGE);
  });
});
