// UI state of the progress screens: which plan, period and item, what is being typed and not yet
// stored, and this session's undo/redo. Never the entries themselves (they live in Dexie).
import type { ItemId, PeriodKey, PlanId } from '../../shared/model/ids';
import type { ItemKind } from '../../shared/model/plan';
import type { DraftPatch } from '../../shared/progress/draft';

/** The key of an item's pending edits: report scope and item id. */
export const pendingKey = (scope: string, itemId: ItemId) => `${scope}|${itemId}`;

export type ProgressTab = 'home' | 'entry' | 'export';
/**
 * One undoable step: an item's fields before and after, or the narrative's text (a debounced
 * burst of typing is one step).
 */
export type UndoStep =
  | { target: 'item'; scope: string; itemId: ItemId; kind: ItemKind; before: DraftPatch; after: DraftPatch }
  | { target: 'narrative'; scope: string; before: string; after: string };
/** Where the cursor should go (a problem clicked in the export list). */
export type FocusRequest = { itemId: ItemId; field: string; nonce: number };

export type ProgressUi = {
  progressTab: ProgressTab;
  reportPlanId: PlanId | null;
  reportPeriod: PeriodKey | null;
  progressItem: ItemId | null;
  progressFocus: FocusRequest | null;
  /** Typed, not yet stored, per report and item (`pendingKey`): the field shows this over the stored draft. */
  pending: Readonly<Record<string, DraftPatch>>;
  undo: readonly UndoStep[];
  redo: readonly UndoStep[];
  setProgressTab: (tab: ProgressTab) => void;
  setReportPlan: (id: PlanId | null) => void;
  setReportPeriod: (p: PeriodKey | null) => void;
  selectProgressItem: (id: ItemId | null) => void;
  focusProgressField: (itemId: ItemId, field: string) => void;
  setPending: (key: string, patch: DraftPatch) => void;
  /** Drops what was stored, keeping fields typed again since (their value differs). */
  settlePending: (key: string, stored: DraftPatch) => void;
  pushUndo: (step: UndoStep) => void;
  popUndo: () => UndoStep | null;
  popRedo: () => UndoStep | null;
  pushRedo: (step: UndoStep) => void;
};

type SetFn = (partial: Partial<ProgressUi> | ((s: ProgressUi) => Partial<ProgressUi>)) => void;
type GetFn = () => ProgressUi;

const UNDO_LIMIT = 200;

function settled(pending: Readonly<Record<string, DraftPatch>>, itemId: string, stored: DraftPatch): Record<string, DraftPatch> {
  const mine = pending[itemId];
  if (!mine) return { ...pending };
  const left: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(mine)) {
    if (JSON.stringify((stored as Record<string, unknown>)[k]) !== JSON.stringify(v)) left[k] = v;
  }
  const next = { ...pending };
  if (Object.keys(left).length === 0) delete next[itemId];
  else next[itemId] = left as DraftPatch;
  return next;
}

/** Spread into the one store (renderer/state/index.ts); typed structurally so only that file imports zustand. */
export const createProgressUi = (set: SetFn, get: GetFn): ProgressUi => ({
  progressTab: 'home',
  reportPlanId: null,
  reportPeriod: null,
  progressItem: null,
  progressFocus: null,
  pending: {},
  undo: [],
  redo: [],
  setProgressTab: (progressTab) => set({ progressTab }),
  setReportPlan: (reportPlanId) => set({ reportPlanId, reportPeriod: null, progressItem: null, undo: [], redo: [] }),
  setReportPeriod: (reportPeriod) => set({ reportPeriod, progressItem: null, undo: [], redo: [] }),
  selectProgressItem: (progressItem) => set({ progressItem }),
  focusProgressField: (itemId, field) => set({ progressTab: 'entry', progressItem: itemId, progressFocus: { itemId, field, nonce: Date.now() } }),
  setPending: (key, patch) => set((s) => ({ pending: { ...s.pending, [key]: { ...s.pending[key], ...patch } } })),
  settlePending: (key, stored) => set((s) => ({ pending: settled(s.pending, key, stored) })),
  pushUndo: (step) => set((s) => ({ undo: [...s.undo, step].slice(-UNDO_LIMIT), redo: [] })),
  popUndo: () => {
    const { undo } = get();
    const step = undo[undo.length - 1] ?? null;
    if (step) set({ undo: undo.slice(0, -1) });
    return step;
  },
  pushRedo: (step) => set((s) => ({ redo: [...s.redo, step] })),
  popRedo: () => {
    const { redo } = get();
    const step = redo[redo.length - 1] ?? null;
    if (step) set({ redo: redo.slice(0, -1) });
    return step;
  },
});
