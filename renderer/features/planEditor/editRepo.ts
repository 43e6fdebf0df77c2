// Saving the editor's work: the edited plan is installed as a local revision through
// planImportRepo.installRevision (entries of unchanged items kept), with one audit row that lists
// the operations applied, in the same transaction. The publish button then sends it to units.
import type { PlanDocument } from '../../../shared/model/plan';
import type { EditOp } from '../../../shared/plans/edit';
import { diffPlans } from '../../../shared/plans/revision';
import { nextPublishRevision } from '../../../shared/plans/revision';
import type { PlanBookDb } from '../../db/database';
import { auditRecord } from '../../db/audit';
import type { PlanRecord } from '../../db/records';
import { planImportRepo } from '../planImport/planImportRepo';

export type SaveOutcome = { revision: number; added: number; changed: number; moved: number };

export const editRepo = {
  save: (db: PlanBookDb, before: PlanDocument, after: PlanDocument, ops: readonly EditOp[]) =>
    db.transaction('rw', [db.plans, db.sections, db.items, db.audit, db.entries, db.settings], async (): Promise<SaveOutcome> => {
      const planId = after.plan.id;
      const stored = await db.plans.get(planId);
      const last = await planImportRepo.lastPublication(db, planId);
      // Not yet published since the last edit: the same number; after a publication, the next one.
      const revision = nextPublishRevision(stored?.revision ?? after.plan.revision, last?.revision ?? null);
      const source: PlanRecord['source'] = stored?.source ?? 'xlsx';
      const doc: PlanDocument = { ...after, plan: { ...after.plan, revision } };
      await planImportRepo.installRevision(db, doc, source);
      const diff = diffPlans(before, doc);
      await db.audit.add(auditRecord('plan-edited', {
        planId, revision, ops, added: diff.added.map((i) => i.id), changed: diff.changed.map((c) => c.id), moved: diff.moved,
      }));
      return { revision, added: diff.added.length, changed: diff.changed.length, moved: diff.moved.length };
    }),
};
