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

/**
 * What a consolidated report carried, as its `summary` keeps it (shared/consolidation/consolidate.ts):
 * the counted packages and each item's counts by status and roll-up. Read from an exported
 * package's summary by sentPictureOf, or from the current consolidation.
 */
export type SentPicture = {
  counted: readonly { unitId: UnitId; packageId: string; sequence: number }[];
  items: readonly { itemId: ItemId; byStatus: Readonly<Record<EntryStatus, number>>; rollup: { kind: string; value?: number | null; disbursedMillionVnd?: number } | null }[];
};

export type ItemSinceSent = { itemId: ItemId; before: SentPicture['items'][number] | null; now: SentPicture['items'][number] };

/** Changes since the last consolidated report sent for the period: its packages, then its figures. */
export type SinceSent = {
  /** Units counted now and not then. */
  added: { unitId: UnitId; sequence: number }[];
  /** Units counted then with another package (a newer report, or a conflict resolved otherwise). */
  replaced: { unitId: UnitId; from: number; to: number }[];
  /** Units counted then and not now (their package set aside in a conflict, for instance). */
  removed: { unitId: UnitId; sequence: number }[];
  /** Items whose counts by status or roll-up differ, in the current order. */
  items: ItemSinceSent[];
};

const headline = (r: SentPicture['items'][number]['rollup']) => (r === null ? null : r.kind === 'project' ? r.disbursedMillionVnd ?? null : r.value ?? null);

export function changesSinceSent(sent: SentPicture, now: SentPicture): SinceSent {
  const then = new Map(sent.counted.map((c) => [c.unitId, c]));
  const current = new Set(now.counted.map((c) => c.unitId));
  const added: SinceSent['added'] = [];
  const replaced: SinceSent['replaced'] = [];
  for (const c of now.counted) {
    const was = then.get(c.unitId);
    if (!was) added.push({ unitId: c.unitId, sequence: c.sequence });
    else if (was.packageId !== c.packageId) replaced.push({ unitId: c.unitId, from: was.sequence, to: c.sequence });
  }
  const removed = sent.counted.filter((c) => !current.has(c.unitId)).map((c) => ({ unitId: c.unitId, sequence: c.sequence }));
  const before = new Map(sent.items.map((i) => [i.itemId, i]));
  const items: ItemSinceSent[] = [];
  for (const i of now.items) {
    const b = before.get(i.itemId) ?? null;
    const sameCounts = b !== null && (Object.keys(i.byStatus) as EntryStatus[]).every((s) => (b.byStatus[s] ?? 0) === i.byStatus[s]);
    if (!sameCounts || headline(b?.rollup ?? null) !== headline(i.rollup)) items.push({ itemId: i.itemId, before: b, now: i });
  }
  return { added, replaced, removed, items };
}
