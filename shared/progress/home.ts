/** The home screen of a reporting unit: where this period's report stands, and which items press. */
import type { IsoDate, PeriodKey } from '../model/ids';
import type { PlanItem } from '../model/plan';
import type { EntryStatus, ReportPayload } from '../model/report';
import { dueDate, isOverdue, parseDeadline } from '../cells/deadline';
import { monthRange, parsePeriodKey } from '../periods/keys';
import type { DataWindow } from '../periods/calendar';
import { jsonEqual } from './diff';
import { isBlank, type ProgressRow } from './draft';

export type LastExport = { sequence: number; exportedAt: string; payload: ReportPayload | null };
export type ReportState =
  | { kind: 'not-started' }
  | { kind: 'draft' }
  | { kind: 'exported'; sequence: number; exportedAt: string }
  | { kind: 'changed'; sequence: number; exportedAt: string };

/** Not started (nothing typed), draft (typed, never exported), exported, or changed since export. */
export function reportState(rows: readonly ProgressRow[], last: LastExport | null, current: ReportPayload): ReportState {
  if (last) {
    const same = last.payload !== null && jsonEqual(last.payload, current);
    return { kind: same ? 'exported' : 'changed', sequence: last.sequence, exportedAt: last.exportedAt };
  }
  return rows.some((r) => !isBlank(r.draft)) ? { kind: 'draft' } : { kind: 'not-started' };
}

const FINISHED: ReadonlySet<EntryStatus> = new Set(['done', 'done-late', 'carried-over', 'dropped']);

/**
 * The date a period's items are judged at: the end of its data window (its cut-off), or today
 * when that is earlier (the period is still running). A 2024 plan opened in 2026 is judged as of
 * its own periods, so the May 2024 report does not show every item of the year overdue.
 */
export function judgedOn(window: DataWindow, today: IsoDate): IsoDate {
  return /^\d{4}-\d{2}-\d{2}$/u.test(today) && today < window.to ? today : window.to;
}

/** Items past their deadline (`Quý II/2024` after 30/06/2024) that the unit has not reported finished. */
/** `asOf`: the period's judging date (`judgedOn`), not the wall clock. */
export function overdueItems<T extends Pick<PlanItem, 'id' | 'due'>>(items: readonly T[], rows: readonly ProgressRow[], asOf: IsoDate): T[] {
  const status = new Map(rows.map((r) => [r.itemId, r.draft.status]));
  return items.filter((it) => {
    const s = status.get(it.id);
    return !(s && FINISHED.has(s)) && isOverdue(parseDeadline(it.due), asOf);
  });
}

/** Items whose deadline falls in one of the period's months (`Tháng 5/2024` in 2024-05, `Quý II/2024` in 2024-06). */
export function itemsDueIn<T extends Pick<PlanItem, 'id' | 'due'>>(items: readonly T[], period: PeriodKey): T[] {
  const p = parsePeriodKey(period);
  if (!p) return [];
  const r = monthRange(p);
  return items.filter((it) => {
    const d = dueDate(parseDeadline(it.due));
    if (!d) return false;
    const [y, m] = d.split('-').map(Number);
    return y === r.year && m !== undefined && m >= r.first && m <= r.last;
  });
}
