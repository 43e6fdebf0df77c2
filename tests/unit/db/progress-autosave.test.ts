// Autosave and undo/redo against fake-indexeddb: typing lands in UI state at once, in Dexie after
// the pause (or a flush), one audit line per saved burst; undo and redo replay through the repository.
import { describe, expect, it } from 'vitest';
import { itemId, planId, unitId, type PeriodKey } from '../../../shared/model/ids';
import { PlanBookDb } from '../../../renderer/db/database';
import { useUi } from '../../../renderer/state';
import { pendingKey } from '../../../renderer/state/progressUi';
import { autosaverFor, scopeOf } from '../../../renderer/features/progress/autosave';
import type { ReportKey } from '../../../renderer/features/progress/progressRepo';

const key: ReportKey = { unitId: unitId('u'), planId: planId('p'), period: '2024-05' as PeriodKey };
const item = { id: itemId('t1'), kind: 'task' as const };
const stored = async (db: PlanBookDb) => (await db.entries.get([key.unitId, key.planId, key.period, item.id]))?.draft;

describe('autosave', () => {
  it('shows typing at once, stores it on flush with its audit line, and undoes and redoes it', async () => {
    const db = new PlanBookDb(`autosave-${Date.now()}`);
    const saver = autosaverFor(db);
    saver.change(key, item, { result: 'Đã ban' });
    saver.change(key, item, { result: 'Đã ban hành' });
    expect(useUi.getState().pending[pendingKey(scopeOf(key), item.id)]).toEqual({ result: 'Đã ban hành' });
    expect(await stored(db)).toBeUndefined();
    await saver.flush();
    expect((await stored(db))?.result).toBe('Đã ban hành');
    expect(useUi.getState().pending[pendingKey(scopeOf(key), item.id)]).toBeUndefined();
    expect(await db.audit.count()).toBe(1); // one burst of typing, one line

    saver.change(key, item, { status: 'done' });
    await saver.flush();
    expect(await saver.undo()).toBe(true);
    expect((await stored(db))?.status).toBeNull();
    expect(await saver.undo()).toBe(true);
    expect((await stored(db))?.result).toBe('');
    expect(await saver.redo()).toBe(true);
    expect(await saver.redo()).toBe(true);
    expect(await stored(db)).toMatchObject({ result: 'Đã ban hành', status: 'done' });
    expect(await saver.redo()).toBe(false);
    const actions = (await db.audit.toArray()).map((a) => a.action);
    expect(actions).toEqual(['entry-edit', 'entry-edit', 'entry-undo', 'entry-undo', 'entry-redo', 'entry-redo']);
  });

  it('the narrative joins the same undo history, and a flush stores what its editor still holds', async () => {
    const db = new PlanBookDb(`autosave-narrative-${Date.now()}`);
    const saver = autosaverFor(db);
    useUi.setState({ undo: [], redo: [] });
    const narrative = async () => (await db.sequences.get([key.unitId, key.planId, key.period]))?.narrative;
    await saver.saveNarrative(key, 'Tháng 5');
    let held: string | null = 'Tháng 5, phường đã';
    const remove = saver.addFlusher(async () => { if (held !== null) { const text = held; held = null; await saver.saveNarrative(key, text); } });
    saver.change(key, item, { result: 'x' });
    await saver.flush();
    expect(await narrative()).toBe('Tháng 5, phường đã');
    remove();
    expect(await saver.undo()).toBe(true); // the entry
    expect(await saver.undo()).toBe(true); // the narrative's second burst
    expect(await narrative()).toBe('Tháng 5');
    expect(await saver.undo()).toBe(true);
    expect(await narrative()).toBe('');
    expect(await saver.redo()).toBe(true);
    expect(await saver.redo()).toBe(true);
    expect(await narrative()).toBe('Tháng 5, phường đã');
    const actions = (await db.audit.toArray()).map((a) => a.action);
    expect(actions).toEqual(['narrative-edit', 'narrative-edit', 'entry-edit', 'entry-undo', 'narrative-undo', 'narrative-undo', 'narrative-redo', 'narrative-redo']);
  });
});
