// The only progress code that knows tables and indexes. Every write is one transaction with its
// audit row: the change and the line that records it land together or not at all.
import Dexie from 'dexie';
import type { ItemId, PeriodKey, PlanId, UnitId } from '../../../shared/model/ids';
import type { PlanItem } from '../../../shared/model/plan';
import {
  applyPatch, carryForward, carryNarrative, changedFields, emptyDraft, previousPeriodWithRows, readDraft, reviveDraft,
  type DraftPatch, type ProgressRow,
} from '../../../shared/progress';
import type { PlanBookDb } from '../../db/database';
import { auditRecord } from '../../db/audit';
import type { EntryRecord, ExportedPackageRecord, SequenceRecord } from '../../db/records';

export type ReportKey = { unitId: UnitId; planId: PlanId; period: PeriodKey };
export type EditAction = 'edit' | 'undo' | 'redo' | 'recovered' | 'confirm';
/** A change as saved: what the fields held before and after, for undo and the audit log. */
export type SavedChange = { itemId: ItemId; before: DraftPatch; after: DraftPatch };
/** A narrative change as saved: the text before and after. */
export type NarrativeChange = { before: string; after: string };

const rowKey = (k: ReportKey, itemId: ItemId): [string, string, string, string] => [k.unitId, k.planId, k.period, itemId];
const reportKey = (k: ReportKey): [string, string, string] => [k.unitId, k.planId, k.period];
const now = () => new Date().toISOString();

export const toProgressRow = (r: EntryRecord): ProgressRow => ({ itemId: r.itemId, draft: reviveDraft(r.draft), confirmed: r.confirmed });

function entryRecord(k: ReportKey, item: Pick<PlanItem, 'id' | 'kind'>, row: ProgressRow): EntryRecord {
  const read = readDraft(item, row.draft);
  return { ...k, itemId: item.id, draft: row.draft, entry: read.entry, indicator: read.indicator, project: read.project, confirmed: row.confirmed, updatedAt: now() };
}

export const progressRepo = {
  rows: (db: PlanBookDb, k: ReportKey) => db.entries.where('[unitId+planId+period]').equals(reportKey(k)).toArray(),

  report: (db: PlanBookDb, k: ReportKey) => db.sequences.get(reportKey(k)),

  exported: (db: PlanBookDb, k: ReportKey) => db.exported.where('[unitId+planId+period]').equals(reportKey(k)).sortBy('sequence'),

  /** Periods of this unit and plan that hold rows (for carry-forward). */
  periodsWithRows: async (db: PlanBookDb, unitId: UnitId, planId: PlanId): Promise<PeriodKey[]> => {
    const keys = await db.entries.where('[unitId+planId+period]')
      .between([unitId, planId, Dexie.minKey], [unitId, planId, Dexie.maxKey]).uniqueKeys();
    return keys.map((key) => (key as unknown as [string, string, string])[2] as PeriodKey);
  },

  /**
   * Applies a change to one item and audits it (old → new), in one transaction. Touching an item
   * confirms it. Returns what really changed, or null when nothing did.
   */
  saveEdit: (db: PlanBookDb, k: ReportKey, item: Pick<PlanItem, 'id' | 'kind'>, patch: DraftPatch, action: EditAction = 'edit') =>
    db.transaction('rw', db.entries, db.audit, async (): Promise<SavedChange | null> => {
      const stored = await db.entries.get(rowKey(k, item.id));
      const draft = stored ? reviveDraft(stored.draft) : emptyDraft();
      const change = changedFields(draft, patch);
      const wasConfirmed = stored?.confirmed ?? true;
      if (!change && wasConfirmed) return null;
      const next = change ? applyPatch(draft, change.after) : draft;
      await db.entries.put(entryRecord(k, item, { itemId: item.id, draft: next, confirmed: true }));
      await db.audit.add(auditRecord(change ? `entry-${action}` : 'entry-confirmed', {
        planId: k.planId, period: k.period, before: change?.before ?? {}, after: change?.after ?? {}, confirmed: !wasConfirmed,
      }, { unitId: k.unitId, itemId: item.id }));
      return change ? { itemId: item.id, ...change } : null;
    }),

  /** Confirms carried-forward rows as they are (the officer read them and nothing changed). */
  confirm: (db: PlanBookDb, k: ReportKey, itemIds: readonly ItemId[]) =>
    db.transaction('rw', db.entries, db.audit, async () => {
      const rows = (await db.entries.bulkGet(itemIds.map((id) => rowKey(k, id)))).filter((r): r is EntryRecord => !!r && !r.confirmed);
      if (rows.length === 0) return 0;
      await db.entries.bulkPut(rows.map((r) => ({ ...r, confirmed: true, updatedAt: now() })));
      await db.audit.add(auditRecord('entries-confirmed', { planId: k.planId, period: k.period, items: rows.map((r) => r.itemId) }, { unitId: k.unitId }));
      return rows.length;
    }),

  /** Stores the narrative and audits it; writing it confirms a carried one. Returns what changed, or null. */
  saveNarrative: (db: PlanBookDb, k: ReportKey, narrative: string, action: EditAction = 'edit') =>
    db.transaction('rw', db.sequences, db.audit, async (): Promise<NarrativeChange | null> => {
      const stored = await db.sequences.get(reportKey(k));
      const before = stored?.narrative ?? '';
      const wasConfirmed = stored?.narrativeConfirmed !== false;
      if (before === narrative && wasConfirmed) return null;
      await db.sequences.put({ ...k, last: stored?.last ?? 0, narrative, updatedAt: now(), narrativeConfirmed: true });
      await db.audit.add(auditRecord(before === narrative ? 'narrative-confirmed' : `narrative-${action}`, {
        planId: k.planId, period: k.period, before, after: narrative, confirmed: !wasConfirmed,
      }, { unitId: k.unitId }));
      return before === narrative ? null : { before, after: narrative };
    }),

  /** Confirms a carried narrative as it is. */
  confirmNarrative: async (db: PlanBookDb, k: ReportKey) => {
    const stored = await db.sequences.get(reportKey(k));
    if (stored?.narrativeConfirmed === false) await progressRepo.saveNarrative(db, k, stored.narrative ?? '', 'confirm');
  },

  /**
   * Starts an empty period from the unit's last period with rows (carry-forward), unconfirmed:
   * its entries and its narrative (unless this period already has one).
   * Does nothing when the period already has rows. Returns the source period, or null.
   */
  startPeriod: (db: PlanBookDb, k: ReportKey, items: readonly Pick<PlanItem, 'id' | 'kind'>[]) =>
    db.transaction('rw', db.entries, db.sequences, db.audit, async (): Promise<PeriodKey | null> => {
      if ((await db.entries.where('[unitId+planId+period]').equals(reportKey(k)).count()) > 0) return null;
      const from = previousPeriodWithRows(k.period, await progressRepo.periodsWithRows(db, k.unitId, k.planId));
      if (!from) return null;
      const previous = (await progressRepo.rows(db, { ...k, period: from })).map(toProgressRow);
      const kinds = new Map(items.map((i) => [i.id as string, i]));
      const carried = carryForward(previous, new Set(kinds.keys()));
      await db.entries.bulkPut(carried.map((r) => entryRecord(k, kinds.get(r.itemId) ?? { id: r.itemId, kind: 'task' }, r)));
      const mine = await db.sequences.get(reportKey(k));
      const narrative = mine?.narrative ? null : carryNarrative((await db.sequences.get(reportKey({ ...k, period: from })))?.narrative);
      if (narrative) await db.sequences.put({ ...k, last: mine?.last ?? 0, updatedAt: now(), narrative: narrative.narrative, narrativeConfirmed: narrative.confirmed });
      await db.audit.add(auditRecord('period-carried-forward', { planId: k.planId, period: k.period, from, items: carried.length, narrative: narrative !== null }, { unitId: k.unitId }));
      return from;
    }),

  /** Reserves a sequence before anything is signed: a number once handed out is never handed out again. */
  reserveSequence: (db: PlanBookDb, k: ReportKey, sequence: number) =>
    db.transaction('rw', db.sequences, db.audit, async () => {
      const stored = await db.sequences.get(reportKey(k));
      const row: SequenceRecord = { ...stored, ...k, narrative: stored?.narrative ?? '', updatedAt: stored?.updatedAt ?? now(), last: Math.max(stored?.last ?? 0, sequence) };
      await db.sequences.put(row);
      await db.audit.add(auditRecord('sequence-reserved', { planId: k.planId, period: k.period, sequence }, { unitId: k.unitId }));
    }),

  recordExport: (db: PlanBookDb, rec: Omit<ExportedPackageRecord, 'id'>) =>
    db.transaction('rw', db.exported, db.audit, async () => {
      const id = await db.exported.add(rec);
      await db.audit.add(auditRecord('report-exported', {
        planId: rec.planId, period: rec.period, sequence: rec.sequence, packageId: rec.packageId, fileName: rec.fileName,
      }, { unitId: rec.unitId }));
      return id;
    }),
};
