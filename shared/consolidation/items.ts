// The merged view of each plan item: every unit's entry, counts by status, overdue units and
// the roll-up. Reports are indexed once (unit × item), so the work is linear in their size.
import { isOverdue, parseDeadline } from '../cells/deadline';
import type { IsoDate, ItemId, UnitId } from '../model/ids';
import type { ItemKind, PlanItem } from '../model/plan';
import { ENTRY_STATUSES, type Entry, type EntryStatus, type IndicatorValue, type ProjectValue, type ReportPayload } from '../model/report';
import { rollUpIndicator, rollUpProject, unitMeets, type MoneyReader, type Rollup } from './rollup';
import type { TargetJudge } from './types';

/** The report that counts for one unit (its accepted package), in the order to show units. */
export type UnitReport = { unitId: UnitId; report: ReportPayload };

/** One unit's entry for an item, as it sent it, with what the merge judged of it. */
export type UnitItemRow = Omit<Entry, 'itemId'> & {
  unitId: UnitId;
  /** Past the item's deadline (as of the period's cut-off) and neither finished nor closed. */
  overdue: boolean;
  /** Indicators: the unit's value as sent, and its own percentage against the target. */
  indicator?: { numerator: number | null; denominator: number | null; value: number | null; text: string; meets: boolean | null };
  /** Projects: money disbursed, million VND. */
  disbursedMillionVnd?: number | null;
};

export type ItemMerge = {
  itemId: ItemId;
  kind: ItemKind;
  /** Every status of DESIGN.md, zero included, so readers never meet a missing key. */
  byStatus: Record<EntryStatus, number>;
  /** Units that listed the item without a status. */
  noStatus: number;
  units: UnitItemRow[];
  overdueUnits: UnitId[];
  /** Indicators and projects; null for tasks (their picture is byStatus). */
  rollup: Rollup | null;
};

export type ItemMergeOptions = {
  /** The as-of date of the period's data (end of its data window): deadlines are judged there. */
  asOf: IsoDate;
  /** The year whose phased budget projects are compared with. */
  year: number;
  judge: (item: PlanItem) => TargetJudge;
  money: MoneyReader;
};

/** Statuses after which an item is no longer overdue: finished, or closed by decision. */
const SETTLED: ReadonlySet<EntryStatus> = new Set(['done', 'done-late', 'carried-over', 'dropped']);

const emptyByStatus = (): Record<EntryStatus, number> =>
  Object.fromEntries(ENTRY_STATUSES.map((s) => [s, 0])) as Record<EntryStatus, number>;

/** One unit's rows for one item: the first entry, indicator value and project value it sent for it. */
type Slot = { unitId: UnitId; report: number; entry: Entry | undefined; indicator: IndicatorValue | undefined; project: ProjectValue | undefined };

/**
 * Every report's rows sorted out by item in one pass, in the order of the reports: each report
 * is read once, and only the plan's small id index is looked up (not one map per report and
 * item, which touched every report's memory once per item). First row per item wins: a report is
 * a snapshot with one row per item; a repeat is ignored.
 */
function slotsByItem(items: readonly PlanItem[], reports: readonly UnitReport[]): Map<ItemId, Slot[]> {
  const byItem = new Map<ItemId, Slot[]>();
  for (const item of items) if (!byItem.has(item.id)) byItem.set(item.id, []);
  const slotOf = (itemId: ItemId, unitId: UnitId, report: number): Slot | null => {
    const slots = byItem.get(itemId);
    if (!slots) return null;
    const last = slots[slots.length - 1];
    if (last && last.report === report) return last;
    // Every field set from the start: one object shape for all slots.
    const slot: Slot = { unitId, report, entry: undefined, indicator: undefined, project: undefined };
    slots.push(slot);
    return slot;
  };
  reports.forEach(({ unitId, report }, i) => {
    for (const e of report.entries ?? []) {
      const slot = slotOf(e.itemId, unitId, i);
      if (slot && !slot.entry) slot.entry = e;
    }
    for (const v of report.indicatorValues ?? []) {
      const slot = slotOf(v.itemId, unitId, i);
      if (slot && !slot.indicator) slot.indicator = v;
    }
    for (const v of report.projectValues ?? []) {
      const slot = slotOf(v.itemId, unitId, i);
      if (slot && !slot.project) slot.project = v;
    }
  });
  return byItem;
}

export function mergeItems(items: readonly PlanItem[], reports: readonly UnitReport[], options: ItemMergeOptions): ItemMerge[] {
  const byItem = slotsByItem(items, reports);
  return items.map((item) => {
    const { byStatus, noStatus, units, overdueUnits, rollup } = mergeItem(item, byItem.get(item.id) ?? [], options, fullRow);
    return { itemId: item.id, kind: item.kind, byStatus, noStatus, units, overdueUnits, rollup };
  });
}

/** One unit's row with its status and figures only: what `planbook merge` prints (no texts). */
export type UnitItemFigures = Pick<UnitItemRow, 'unitId' | 'status' | 'percent' | 'overdue' | 'indicator' | 'disbursedMillionVnd'>;
/** An item's merge with figure rows; `units` comes last, in the order `planbook merge` prints. */
export type ItemFigures = Omit<ItemMerge, 'units'> & { units: UnitItemFigures[] };

/**
 * mergeItems for a caller that shows no texts: the same counts, overdue units and roll-ups; rows
 * without result, difficulties, proposals, evidence and completion date (no row is built twice).
 */
export function mergeItemFigures(items: readonly PlanItem[], reports: readonly UnitReport[], options: ItemMergeOptions): ItemFigures[] {
  const byItem = slotsByItem(items, reports);
  return items.map((item) => {
    const { byStatus, noStatus, units, overdueUnits, rollup } = mergeItem(item, byItem.get(item.id) ?? [], options, figuresRow);
    return { itemId: item.id, kind: item.kind, byStatus, noStatus, overdueUnits, rollup, units };
  });
}

type RowOf<R> = (unitId: UnitId, status: EntryStatus | null, entry: Entry | undefined, overdue: boolean) => R;

const fullRow: RowOf<UnitItemRow> = (unitId, status, entry, overdue) => ({
  unitId, status,
  percent: typeof entry?.percent === 'number' ? entry.percent : null,
  result: entry?.result ?? '', difficulties: entry?.difficulties ?? '', proposals: entry?.proposals ?? '',
  evidence: entry?.evidence ?? [], completedOn: entry?.completedOn ?? null, overdue,
});

const figuresRow: RowOf<UnitItemFigures> = (unitId, status, entry, overdue) => ({
  unitId, status, percent: typeof entry?.percent === 'number' ? entry.percent : null, overdue,
});

function mergeItem<R extends UnitItemFigures>(item: PlanItem, slots: readonly Slot[], options: ItemMergeOptions, rowOf: RowOf<R>) {
  const judge = item.kind === 'indicator' ? options.judge(item) : null;
  const overdueByDeadline = isOverdue(parseDeadline(item.due ?? ''), options.asOf);
  const byStatus = emptyByStatus();
  let noStatus = 0;
  const units: R[] = [];
  const overdueUnits: UnitId[] = [];
  const indicatorValues: IndicatorValue[] = [];
  const projectValues: ProjectValue[] = [];
  for (const { unitId, entry, indicator, project } of slots) {
    const status = entry && isStatus(entry.status) ? entry.status : null;
    if (status) byStatus[status] += 1;
    else noStatus += 1;
    const overdue = overdueByDeadline && (status === null || !SETTLED.has(status));
    if (overdue) overdueUnits.push(unitId);
    const row = rowOf(unitId, status, entry, overdue);
    if (indicator && judge) {
      indicatorValues.push(indicator);
      row.indicator = {
        numerator: indicator.numerator, denominator: indicator.denominator, value: indicator.value, text: indicator.text ?? '',
        meets: unitMeets(indicator, judge),
      };
    }
    if (project && item.kind === 'project') {
      projectValues.push(project);
      row.disbursedMillionVnd = project.disbursedMillionVnd;
    }
    units.push(row);
  }
  let rollup: Rollup | null = null;
  if (judge) rollup = rollUpIndicator(indicatorValues, judge);
  else if (item.kind === 'project') rollup = rollUpProject(item, projectValues, options.year, options.money);
  return { byStatus, noStatus, units, overdueUnits, rollup };
}

const STATUS_SET: ReadonlySet<string> = new Set(ENTRY_STATUSES);
const isStatus = (s: unknown): s is EntryStatus => typeof s === 'string' && STATUS_SET.has(s);
