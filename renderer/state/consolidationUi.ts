// UI state of the consolidation screens: which plan, period and tab, the board's filter and
// sort, and the progress and lines of the import running in this session. Received packages
// themselves live in Dexie.
import type { PeriodKey, PlanId } from '../../shared/model/ids';
import type { ImportLine } from '../features/consolidation/importer';

export type ConsolidationTab = 'import' | 'board' | 'merged' | 'receipts' | 'keys';
export type BoardFilter = 'all' | 'on-time' | 'late' | 'missing' | 'conflict';
export type BoardSort = 'directory' | 'name' | 'state' | 'time';
export type ImportProgress = {
  running: boolean;
  done: number;
  total: number;
  current: string | null;
  end: 'finished' | 'cancelled' | 'failed' | null;
  message: string | null;
};

export type ConsolidationUi = {
  consPlanId: PlanId | null;
  consPeriod: PeriodKey | null;
  consTab: ConsolidationTab;
  boardFilter: BoardFilter;
  boardSort: BoardSort;
  importLines: readonly ImportLine[];
  importProgress: ImportProgress;
  setConsPlan: (id: PlanId | null) => void;
  setConsPeriod: (p: PeriodKey | null) => void;
  /** Defaults, applied only while nothing is chosen: an effect that runs late never overrides the officer's choice. */
  defaultConsPlan: (id: PlanId) => void;
  defaultConsPeriod: (p: PeriodKey | null) => void;
  setConsTab: (tab: ConsolidationTab) => void;
  setBoardFilter: (f: BoardFilter) => void;
  setBoardSort: (s: BoardSort) => void;
  beginImport: (total: number) => void;
  addImportLine: (line: ImportLine) => void;
  /** A line for a file already shown (verified again after a key was trusted) replaces it. */
  replaceImportLine: (line: ImportLine) => void;
  setImportProgress: (p: Partial<ImportProgress>) => void;
};

type SetFn = (partial: Partial<ConsolidationUi> | ((s: ConsolidationUi) => Partial<ConsolidationUi>)) => void;

const IDLE: ImportProgress = { running: false, done: 0, total: 0, current: null, end: null, message: null };

/** Spread into the one store (renderer/state/index.ts); typed structurally so only that file imports zustand. */
export const createConsolidationUi = (set: SetFn): ConsolidationUi => ({
  consPlanId: null,
  consPeriod: null,
  consTab: 'import',
  boardFilter: 'all',
  boardSort: 'name',
  importLines: [],
  importProgress: IDLE,
  // Choosing the plan already chosen keeps the period (a select fires change for the same value too).
  setConsPlan: (consPlanId) => set((s) => (s.consPlanId === consPlanId ? {} : { consPlanId, consPeriod: null })),
  setConsPeriod: (consPeriod) => set({ consPeriod }),
  defaultConsPlan: (consPlanId) => set((s) => (s.consPlanId === null ? { consPlanId, consPeriod: null } : {})),
  defaultConsPeriod: (consPeriod) => set((s) => (s.consPeriod === null ? { consPeriod } : {})),
  setConsTab: (consTab) => set({ consTab }),
  setBoardFilter: (boardFilter) => set({ boardFilter }),
  setBoardSort: (boardSort) => set({ boardSort }),
  beginImport: (total) => set({ importLines: [], importProgress: { ...IDLE, running: true, total } }),
  addImportLine: (line) => set((s) => ({ importLines: [...s.importLines, line] })),
  replaceImportLine: (line) => set((s) => ({
    // The copies reported as duplicates keep their line: only the file that was held changes.
    importLines: s.importLines.some((l) => l.bytesHash === line.bytesHash)
      ? s.importLines.map((l) => (l.bytesHash === line.bytesHash && l.outcome !== 'duplicate' ? { ...line, index: l.index, fileName: l.fileName } : l))
      : [...s.importLines, line],
  })),
  setImportProgress: (p) => set((s) => ({ importProgress: { ...s.importProgress, ...p } })),
});
