/** The home screen of a reporting unit: where this period's report stands, and which items press. */
import type { IsoDate, PeriodKey } from '../model/ids';
import type { PlanItem } from '../model/plan';
import type { EntryStatus, ReportPayload } from '../model/report';
import { dueDate, isOverdue, parseDeadline } from '../cells/deadline';
import { monthRange, parsePeriodKey } from '../periods/keys';
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

/** Items past their deadline (`Quý II/2024` after 30/06/2024) that the unit has not reported finished. */
export function overdueItems<T extends Pick<PlanItem, 'id' | 'due'>>(items: readonly T[], rows: readonly ProgressRow[], today: IsoDate): T[] {
  const status = new Map(rows.map((r) => [r.itemId, r.draft.status]));
  return items.filter((it) => {
    const s = status.get(it.id);
    return !(s && FINISHED.has(s)) && isOverdue(parseDeadline(it.due), today);
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
