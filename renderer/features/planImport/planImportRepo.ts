// The only plan-import code that knows tables: a revision lands whole (plan rows, marks on the
// entries of removed items, the removed items kept for reference, audit), aliases are remembered
// in the units table, publications are numbered. Every write is one transaction with its audit line.
import Dexie from 'dexie';
import type { PlanId, UnitId } from '../../../shared/model/ids';
import type { PlanDocument, PlanItem } from '../../../shared/model/plan';
import { fold } from '../../../shared/text/fold';
import type { PlanBookDb } from '../../db/database';
import { auditRecord } from '../../db/audit';
import type { PlanRecord, SettingRecord, TrustRecord } from '../../db/records';
import { plansRepo } from '../plans/plansRepo';

/** Items a revision removed, kept so the entries marked with that revision can still be read. */
export type RemovedItem = { item: PlanItem; revision: number; at: string };
export type Publication = { revision: number; packageId: string; fileName: string; at: string };

const removedKey = (planId: string) => `plan-removed:${planId}`;
const publishedKey = (planId: string) => `plan-published:${planId}`;
const entriesOf = (db: PlanBookDb, planId: string) =>
  db.entries.where('[planId+period]').between([planId, Dexie.minKey], [planId, Dexie.maxKey]);

export type InstallReport = { marked: number; restored: number; removed: number };

export const planImportRepo = {
  /**
   * Installs a plan (new or a new revision) in one transaction. Entries are keyed by item id, so
   * unchanged items keep their progress; entries of items the revision removed are kept and marked
   * `removedInRevision`; an item that comes back loses the mark.
   */
  installRevision: (db: PlanBookDb, doc: PlanDocument, source: PlanRecord['source']) =>
    db.transaction('rw', [db.plans, db.sections, db.items, db.audit, db.entries, db.settings], async (): Promise<InstallReport> => {
      const planId = doc.plan.id;
      const at = new Date().toISOString();
      const oldItems = await db.items.where('planId').equals(planId).toArray();
      const present = new Set<string>(doc.items.map((it) => it.id));
      const gone = oldItems.filter((it) => !present.has(it.id));
      await plansRepo.install(db, doc, source);
      let marked = 0;
      let restored = 0;
      await entriesOf(db, planId).modify((e) => {
        if (!present.has(e.itemId) && e.removedInRevision === undefined) { e.removedInRevision = doc.plan.revision; marked++; }
        else if (present.has(e.itemId) && e.removedInRevision !== undefined) { delete e.removedInRevision; restored++; }
      });
      const kept = ((await db.settings.get(removedKey(planId))) as SettingRecord | undefined)?.value as RemovedItem[] | undefined;
      const removed: RemovedItem[] = [
        ...(kept ?? []).filter((r) => !present.has(r.item.id) && !gone.some((g) => g.id === r.item.id)),
        ...gone.map(({ planId: _p, order: _o, searchKey: _k, ...item }) => ({ item, revision: doc.plan.revision, at })),
      ];
      await db.settings.put({ key: removedKey(planId), value: removed });
      await db.audit.add(auditRecord('plan-revision-installed', {
        planId, revision: doc.plan.revision, source, removedItems: gone.map((g) => g.id), entriesMarked: marked, entriesRestored: restored,
      }));
      return { marked, restored, removed: gone.length };
    }),

  removedItems: async (db: PlanBookDb, planId: PlanId): Promise<RemovedItem[]> =>
    (((await db.settings.get(removedKey(planId))) as SettingRecord | undefined)?.value as RemovedItem[] | undefined) ?? [],

  /** How many entries of this plan belong to each of these items (for the revision screen). */
  entryCounts: async (db: PlanBookDb, planId: PlanId, itemIds: readonly string[]): Promise<Map<string, number>> => {
    const wanted = new Set(itemIds);
    const counts = new Map<string, number>();
    await entriesOf(db, planId).each((e) => { if (wanted.has(e.itemId)) counts.set(e.itemId, (counts.get(e.itemId) ?? 0) + 1); });
    return counts;
  },

  /** `name` as written in a plan becomes an alias of the unit, so the next import resolves it. Audited. */
  rememberAlias: (db: PlanBookDb, unitId: UnitId, name: string, planId: string | null) =>
    db.transaction('rw', db.units, db.audit, async (): Promise<boolean> => {
      const unit = await db.units.get(unitId);
      const alias = name.trim();
      if (!unit || alias === '') return false;
      if (unit.name === alias || unit.aliases.includes(alias)) return true;
      const aliases = [...unit.aliases, alias];
      await db.units.put({ ...unit, aliases, searchKey: fold([unit.name, ...aliases].join(' | ')) });
      await db.audit.add(auditRecord('unit-alias-added', { alias, planId }, { unitId }));
      return true;
    }),

  lastPublication: async (db: PlanBookDb, planId: PlanId): Promise<Publication | null> =>
    (((await db.settings.get(publishedKey(planId))) as SettingRecord | undefined)?.value as Publication | undefined) ?? null,

  /** After the file is saved: the plan now carries the published revision (reports name it). */
  recordPublication: (db: PlanBookDb, planId: PlanId, p: Publication) =>
    db.transaction('rw', db.settings, db.plans, db.audit, async () => {
      await db.settings.put({ key: publishedKey(planId), value: p });
      await db.plans.update(planId, { revision: p.revision });
      await db.audit.add(auditRecord('plan-published', { planId, ...p }));
    }),

  /** The keys this installation trusts (the consolidation screen keeps them); read only here. */
  trusted: (db: PlanBookDb): Promise<TrustRecord[]> => db.trust.toArray(),
};
