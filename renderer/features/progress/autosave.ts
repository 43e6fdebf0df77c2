// Autosave: typing updates the UI state at once (never waits on storage), is journalled in
// localStorage synchronously (so a reload or a closed window mid-typing loses nothing), and is
// written to Dexie after a short pause, one transaction with its audit line per item. Undo and
// redo replay the saved changes through the same path. The narrative editor keeps its own pause
// and registers a flusher here, so a flush (switching period, exporting, undo) stores it too and
// its changes join the same undo history.
import type { ItemId } from '../../../shared/model/ids';
import type { ItemKind } from '../../../shared/model/plan';
import type { DraftPatch } from '../../../shared/progress';
import type { PlanBookDb } from '../../db/database';
import { useUi } from '../../state';
import { pendingKey, type UndoStep } from '../../state/progressUi';
import { progressRepo, type EditAction, type ReportKey } from './progressRepo';

const JOURNAL = 'planbook.progress.journal';
const DELAY_MS = 400;

type JournalEntry = { key: ReportKey; itemId: ItemId; kind: ItemKind; patch: DraftPatch };
type Journal = Record<string, JournalEntry>;

export const scopeOf = (k: ReportKey) => JSON.stringify([k.unitId, k.planId, k.period]);

function readJournal(): Journal {
  try {
    const raw: unknown = JSON.parse(globalThis.localStorage?.getItem(JOURNAL) ?? '{}');
    return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Journal) : {};
  } catch { return {}; }
}
function writeJournal(j: Journal) {
  try {
    if (Object.keys(j).length === 0) globalThis.localStorage?.removeItem(JOURNAL);
    else globalThis.localStorage?.setItem(JOURNAL, JSON.stringify(j));
  } catch { /* storage full or private mode: Dexie still gets the change after the pause */ }
}

export type Autosaver = {
  change(key: ReportKey, item: { id: ItemId; kind: ItemKind }, patch: DraftPatch): void;
  flush(): Promise<void>;
  undo(): Promise<boolean>;
  redo(): Promise<boolean>;
  /** Stores what a reload interrupted; returns how many items it recovered. */
  recover(): Promise<number>;
  /** Stores the narrative now (the editor's pause is over) and records the step for undo. */
  saveNarrative(key: ReportKey, text: string): Promise<void>;
  /** Registers what must be stored before any flush completes; returns the unregister function. */
  addFlusher(f: () => Promise<void>): () => void;
  /** Called with an error message when a write fails (the text stays pending and journalled). */
  onError: ((message: string) => void) | null;
};

const savers = new WeakMap<PlanBookDb, Autosaver>();

export function autosaverFor(db: PlanBookDb): Autosaver {
  let saver = savers.get(db);
  if (!saver) { saver = createAutosaver(db); savers.set(db, saver); }
  return saver;
}

function createAutosaver(db: PlanBookDb): Autosaver {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> = Promise.resolve();
  const journal: Journal = readJournal();
  const flushers = new Set<() => Promise<void>>();

  const save = (e: JournalEntry, action: EditAction) => progressRepo.saveEdit(db, e.key, { id: e.itemId, kind: e.kind }, e.patch, action);

  const flushOnce = async (action: EditAction = 'edit') => {
    const entries = Object.entries(journal).map(([k, e]) => [k, { ...e, patch: { ...e.patch } }] as const);
    for (const [k, e] of entries) {
      try {
        const change = await save(e, action);
        if (change && action === 'edit') useUi.getState().pushUndo({ target: 'item', scope: scopeOf(e.key), itemId: e.itemId, kind: e.kind, before: change.before, after: change.after });
        useUi.getState().settlePending(k, e.patch);
        const now = journal[k];
        if (now && JSON.stringify(now.patch) === JSON.stringify(e.patch)) delete journal[k];
        writeJournal(journal);
      } catch (err) {
        saver.onError?.(err instanceof Error ? err.message : String(err));
      }
    }
  };

  const flush = () => {
    if (timer) { clearTimeout(timer); timer = null; }
    const all = async () => { for (const f of [...flushers]) await f(); await flushOnce(); };
    running = running.then(all, all);
    return running;
  };

  const replay = async (step: UndoStep, side: 'before' | 'after', action: EditAction) => {
    const [unitId, planId, period] = JSON.parse(step.scope) as [string, string, string];
    const key = { unitId, planId, period } as ReportKey;
    if (step.target === 'narrative') await progressRepo.saveNarrative(db, key, step[side], action);
    else await progressRepo.saveEdit(db, key, { id: step.itemId, kind: step.kind }, step[side], action);
  };

  const saver: Autosaver = {
    onError: null,
    async saveNarrative(key, text) {
      const change = await progressRepo.saveNarrative(db, key, text);
      if (change) useUi.getState().pushUndo({ target: 'narrative', scope: scopeOf(key), ...change });
    },
    addFlusher(f) {
      flushers.add(f);
      return () => { flushers.delete(f); };
    },
    change(key, item, patch) {
      const k = pendingKey(scopeOf(key), item.id);
      useUi.getState().setPending(k, patch);
      const prev = journal[k];
      journal[k] = { key, itemId: item.id, kind: item.kind, patch: { ...prev?.patch, ...patch } };
      writeJournal(journal);
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void flush(), DELAY_MS);
    },
    flush,
    async undo() {
      await flush();
      const step = useUi.getState().popUndo();
      if (!step) return false;
      await replay(step, 'before', 'undo');
      useUi.getState().pushRedo(step);
      return true;
    },
    async redo() {
      await flush();
      const step = useUi.getState().popRedo();
      if (!step) return false;
      await replay(step, 'after', 'redo');
      const { redo } = useUi.getState();
      useUi.getState().pushUndo(step); // pushUndo clears redo: keep the rest of it
      useUi.setState({ redo });
      return true;
    },
    async recover() {
      const count = Object.keys(journal).length;
      if (count === 0) return 0;
      running = running.then(() => flushOnce('recovered'), () => flushOnce('recovered'));
      await running;
      return count - Object.keys(journal).length;
    },
  };
  if (typeof window !== 'undefined') {
    // Best effort on the way out; the journal covers the case where this does not finish.
    window.addEventListener('pagehide', () => void flush());
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') void flush(); });
  }
  return saver;
}
