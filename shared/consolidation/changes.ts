// Changes since the last period: per plan item, the units whose status differs between the
// previous period's merged view and this one. Pure: it reads two mergeItems answers, which are
// already independent of import order, and keeps their order (plan items, then units).
import type { ItemId, PeriodKey, UnitId } from '../model/ids';
import type { EntryStatus } from '../model/report';

/** What this reads of an item's merge (mergeItems' ItemMerge has it). */
export type MergedStatuses = { itemId: ItemId; units: readonly { unitId: UnitId; status: EntryStatus | null }[] };

/** One unit's status for the item, before and now (null: listed without a status). */
export type StatusChange = { unitId: UnitId; from: EntryStatus | null; to: EntryStatus | null };

export type ItemChanges = { itemId: ItemId; changes: StatusChange[] };

/**
 * Items in `current` order, each with the units whose status changed, in `current` unit order.
 * A unit counts only when both periods have its entry for the item: a unit that did not report
 * in one of them is the board's business (missing), not a change of status. Items without any
 * change are left out.
 */
export function statusChanges(previous: readonly MergedStatuses[], current: readonly MergedStatuses[]): ItemChanges[] {
  const before = new Map(previous.map((m) => [m.itemId, new Map(m.units.map((u) => [u.unitId, u.status]))]));
  const out: ItemChanges[] = [];
  for (const item of current) {
    const was = before.get(item.itemId);
    if (!was) continue;
    const changes: StatusChange[] = [];
    for (const u of item.units) {
      if (!was.has(u.unitId)) continue;
      const from = was.get(u.unitId) ?? null;
      if (from !== u.status) changes.push({ unitId: u.unitId, from, to: u.status });
    }
    if (changes.length > 0) out.push({ itemId: item.itemId, changes });
  }
  return out;
}

/** The period before `key` among the plan's periods of the same kind (each list in order); null for the first. */
export function previousPeriod(lists: readonly (readonly PeriodKey[])[], key: PeriodKey): PeriodKey | null {
  for (const list of lists) {
    const i = list.indexOf(key);
    if (i >= 0) return i > 0 ? (list[i - 1] ?? null) : null;
  }
  return null;
}
