import { useLiveQuery } from 'dexie-react-hooks';
import type { PlanId } from '../../../shared/model/ids';
import type { PlanDocument } from '../../../shared/model/plan';
import { fold } from '../../../shared/text/fold';
import type { PlanBookDb } from '../../db/database';
import { useDb } from '../../db/context';
import { auditRecord } from '../../db/audit';
import type { ItemRecord, PlanRecord, SectionRecord } from '../../db/records';

export const plansRepo = {
  /** A plan lands whole or not at all; a newer revision replaces the plan rows (entries are keyed by item id and stay). */
  install: (db: PlanBookDb, doc: PlanDocument, source: PlanRecord['source']) =>
    db.transaction('rw', [db.plans, db.sections, db.items, db.audit], async () => {
      const planId = doc.plan.id;
      await db.sections.where('planId').equals(planId).delete();
      await db.items.where('planId').equals(planId).delete();
      await db.plans.put({ ...doc.plan, importedAt: new Date().toISOString(), source });
      await db.sections.bulkPut(doc.sections.map((s, order): SectionRecord => ({ ...s, planId, order })));
      await db.items.bulkPut(doc.items.map((it, order): ItemRecord => ({
        ...it, planId, order, searchKey: fold([it.no, it.content, it.lead, it.coordinating, it.target, it.note].join(' ')),
      })));
      await db.audit.add(auditRecord('plan-installed', { planId, revision: doc.plan.revision, source, items: doc.items.length }));
    }),
  list: (db: PlanBookDb) => db.plans.toArray(),
  document: async (db: PlanBookDb, planId: PlanId): Promise<PlanDocument | null> => {
    const plan = await db.plans.get(planId);
    if (!plan) return null;
    const [sections, items] = await Promise.all([
      db.sections.where('planId').equals(planId).sortBy('order'),
      db.items.where('planId').equals(planId).sortBy('order'),
    ]);
    const { importedAt: _i, source: _s, ...planFields } = plan;
    return {
      plan: planFields,
      sections: sections.map(({ planId: _p, order: _o, ...s }) => s),
      items: items.map(({ planId: _p, order: _o, searchKey: _k, ...it }) => it),
    };
  },
};

export function usePlans(): PlanRecord[] | undefined {
  const db = useDb();
  return useLiveQuery(() => plansRepo.list(db), [db]);
}

export function usePlanDocument(planId: PlanId | null): PlanDocument | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => (planId ? plansRepo.document(db, planId) : null), [db, planId]);
}
