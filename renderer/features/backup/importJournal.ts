// A small journal of the running import, kept outside IndexedDB (localStorage): written when an
// import starts, the finished files noted as it goes (at most every 300 ms), removed when it ends.
// Each file is stored in its own transaction, so a kill leaves whole rows only; what a kill leaves
// unknown is which files were not done: this journal names them on the next start.

export const IMPORT_JOURNAL_KEY = 'planbook.import';

export type ImportJournal = { startedAt: string; names: string[]; done: number[] };

const storage = (): Storage | null => { try { return globalThis.localStorage ?? null; } catch { return null; } };

export function readImportJournal(): ImportJournal | null {
  try {
    const raw = storage()?.getItem(IMPORT_JOURNAL_KEY);
    if (!raw) return null;
    const j = JSON.parse(raw) as Partial<ImportJournal>;
    if (typeof j.startedAt !== 'string' || !Array.isArray(j.names) || !Array.isArray(j.done)) return null;
    return { startedAt: j.startedAt, names: j.names.filter((n): n is string => typeof n === 'string'), done: j.done.filter((n): n is number => Number.isInteger(n)) };
  } catch { return null; }
}

/** The files of an interrupted import not known to be finished (a file finished in its last 300 ms may be listed: importing it again is recognised as a duplicate). */
export function unfinishedFiles(j: ImportJournal): string[] {
  const done = new Set(j.done);
  return j.names.filter((_n, i) => !done.has(i));
}

export function clearImportJournal(): void {
  try { storage()?.removeItem(IMPORT_JOURNAL_KEY); } catch { /* nothing to clear */ }
}

export type JournalHandle = { done(index: number): void; end(): void };

/** Starts the journal of one import; `now` and `delay` are injectable for tests. */
export function beginImportJournal(names: readonly string[], now = () => new Date().toISOString(), delay = 300): JournalHandle {
  const journal: ImportJournal = { startedAt: now(), names: [...names], done: [] };
  let timer: ReturnType<typeof setTimeout> | null = null;
  let ended = false;
  const write = () => {
    timer = null;
    if (ended) return;
    try { storage()?.setItem(IMPORT_JOURNAL_KEY, JSON.stringify(journal)); } catch { /* full or private: the import goes on */ }
  };
  write();
  return {
    done(index) {
      journal.done.push(index);
      if (!timer && !ended) timer = setTimeout(write, delay);
    },
    end() {
      ended = true;
      if (timer) clearTimeout(timer);
      clearImportJournal();
    },
  };
}
