// The journal of a running import (localStorage): names the files not finished after a kill.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IMPORT_JOURNAL_KEY, beginImportJournal, readImportJournal, unfinishedFiles } from '../../../renderer/features/backup/importJournal';

class MemoryStorage {
  map = new Map<string, string>();
  getItem(k: string) { return this.map.get(k) ?? null; }
  setItem(k: string, v: string) { this.map.set(k, v); }
  removeItem(k: string) { this.map.delete(k); }
}

describe('import journal', () => {
  let store: MemoryStorage;
  beforeEach(() => { store = new MemoryStorage(); vi.stubGlobal('localStorage', store); vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); vi.unstubAllGlobals(); });

  it('is written at the start, notes finished files at most every 300 ms, and is removed at the end', () => {
    const j = beginImportJournal(['a.json', 'b.json', 'c.json', 'd.json'], () => '2024-05-12T08:00:00Z');
    expect(readImportJournal()).toEqual({ startedAt: '2024-05-12T08:00:00Z', names: ['a.json', 'b.json', 'c.json', 'd.json'], done: [] });
    j.done(2);
    j.done(0);
    expect(readImportJournal()?.done).toEqual([]); // not yet written
    vi.advanceTimersByTime(300);
    const read = readImportJournal();
    expect(read?.done).toEqual([2, 0]);
    expect(read && unfinishedFiles(read)).toEqual(['b.json', 'd.json']);
    j.done(1);
    j.end();
    vi.advanceTimersByTime(1000);
    expect(store.getItem(IMPORT_JOURNAL_KEY)).toBeNull();
  });

  it('a killed import leaves the journal: the files not done are named on the next start', () => {
    const j = beginImportJournal(['a.json', 'b.json']);
    j.done(1);
    vi.advanceTimersByTime(300);
    // (the app is killed here: end() never runs)
    const read = readImportJournal();
    expect(read && unfinishedFiles(read)).toEqual(['a.json']);
  });

  it('a damaged journal reads as none; no storage does not stop an import', () => {
    store.setItem(IMPORT_JOURNAL_KEY, '{"names":');
    expect(readImportJournal()).toBeNull();
    vi.stubGlobal('localStorage', undefined);
    const j = beginImportJournal(['a.json']);
    j.done(0);
    vi.advanceTimersByTime(300);
    j.end();
    expect(readImportJournal()).toBeNull();
  });
});
