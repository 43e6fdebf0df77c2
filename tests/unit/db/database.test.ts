import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { CURRENT_VERSION, PlanBookDb, STEPS, openDatabase } from '../../../renderer/db/database';

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

  it('refuses a database written by a newer PlanBook and leaves it untouched', async () => {
    const name = uniq('newer');
    const future = new Dexie(name);
    future.version(CURRENT_VERSION + 5).stores({ ...STEPS[0]?.stores, futureTable: 'id' });
    await future.open();
    await future.table('futureTable').add({ id: 'x', v: 1 });
    future.close();

    const r = await openDatabase(name);
    expect(r).toEqual({ ok: false, reason: 'newer', found: CURRENT_VERSION + 5, known: CURRENT_VERSION });

    const again = new Dexie(name);
    await again.open();
    expect(again.verno).toBe(CURRENT_VERSION + 5);
    expect(await again.table('futureTable').get('x')).toEqual({ id: 'x', v: 1 });
    again.close();
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
});
