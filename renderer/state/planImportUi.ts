// UI state of the plan import wizard and the revision screen: which of them is open and the file
// or the incoming plan being looked at (a draft, not yet stored; the stored plans live in Dexie).
import type { PlanDocument } from '../../shared/model/plan';
import type { PickedFile } from '../../shared/platform/contract';
import type { SignedPlanFacts } from '../features/plans/importPlan';

export type PlanImportOpen =
  | { kind: 'wizard'; file: PickedFile | null }
  | { kind: 'revision'; doc: PlanDocument; source: 'package' | 'transcribed'; fileName: string; signed?: SignedPlanFacts };

export type PlanImportUi = {
  planImport: PlanImportOpen | null;
  openPlanImport: (open: PlanImportOpen) => void;
  closePlanImport: () => void;
};

type SetFn = (partial: Partial<PlanImportUi>) => void;

export const createPlanImportUi = (set: SetFn): PlanImportUi => ({
  planImport: null,
  openPlanImport: (planImport) => set({ planImport }),
  closePlanImport: () => set({ planImport: null }),
});
