// The one place that imports zustand: UI state only (selection, filters, language), never plans or entries.
import { create, type StateCreator } from 'zustand';
import type { ItemId, PlanId } from '../../shared/model/ids';
import type { ItemKind } from '../../shared/model/plan';
import type { ReportDocument } from '../../shared/report/types';
import { createProgressUi, type ProgressUi } from './progressUi';
import { createConsolidationUi, type ConsolidationUi } from './consolidationUi';
import { createPlanImportUi, type PlanImportUi } from './planImportUi';

export type Lang = 'vi' | 'en';
export type View = 'plans' | 'progress' | 'consolidation' | 'dashboard' | 'settings';
export type AssignmentFilter = 'all' | 'mine' | 'lead' | 'coordinating';

type AppUi = {
  lang: Lang; view: View; setLang: (lang: Lang) => void; setView: (view: View) => void;
  /** A report open in the print preview (the document to print, built by the core), or null. */
  preview: ReportDocument | null; openPreview: (doc: ReportDocument) => void; closePreview: () => void;
};
type PlanUi = {
  planId: PlanId | null;
  itemId: ItemId | null;
  assignment: AssignmentFilter;
  kind: ItemKind | 'all';
  query: string;
  selectPlan: (id: PlanId | null) => void;
  selectItem: (id: ItemId | null) => void;
  setAssignment: (f: AssignmentFilter) => void;
  setKind: (k: ItemKind | 'all') => void;
  setQuery: (q: string) => void;
};
export type UiState = AppUi & PlanUi & ProgressUi & ConsolidationUi & PlanImportUi;

const LANG_KEY = 'planbook.lang';
const storedLang = (): Lang => {
  try { return globalThis.localStorage?.getItem(LANG_KEY) === 'en' ? 'en' : 'vi'; } catch { return 'vi'; }
};

const createAppUi: StateCreator<UiState, [], [], AppUi> = (set) => ({
  lang: storedLang(),
  view: 'plans',
  setLang: (lang) => {
    try { globalThis.localStorage?.setItem(LANG_KEY, lang); } catch { /* private mode: language stays for this session */ }
    document.documentElement.lang = lang;
    set({ lang });
  },
  setView: (view) => set({ view }),
  preview: null,
  openPreview: (preview) => set({ preview }),
  closePreview: () => set({ preview: null }),
});

const createPlanUi: StateCreator<UiState, [], [], PlanUi> = (set) => ({
  planId: null,
  itemId: null,
  assignment: 'all',
  kind: 'all',
  query: '',
  selectPlan: (planId) => set({ planId, itemId: null }),
  selectItem: (itemId) => set({ itemId }),
  setAssignment: (assignment) => set({ assignment }),
  setKind: (kind) => set({ kind }),
  setQuery: (query) => set({ query }),
});

export const useUi = create<UiState>()((...a) => ({ ...createAppUi(...a), ...createPlanUi(...a), ...createProgressUi(a[0], a[1]), ...createConsolidationUi(a[0]), ...createPlanImportUi(a[0]) }));
