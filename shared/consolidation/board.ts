// The submission board: for each unit the consolidating unit expects, on time, late or
// missing, with its latest package. The expected units come in as ids (children of the
// consolidating unit valid in the period), so the unit directory stays outside the core.
import type { UnitId } from '../model/ids';
import type { ReportingCalendar } from '../model/plan';
import { parseInstant, timeliness } from '../periods/calendar';
import type { Period } from '../periods/keys';
import { byString } from './sequence';
import type { BoardRow, BoardState, Review, SequenceLine, Submission } from './types';

export type BoardInput = {
  /** In the order to show them (the directory's order); repeated ids are shown once. */
  expected: readonly UnitId[];
  lines: readonly SequenceLine[];
  calendar: ReportingCalendar;
  period: Period;
  reviews?: ReadonlyMap<UnitId, Review>;
};

export type BoardCounts = Record<BoardState, number> & { conflict: number; expected: number };

/** Earliest first; an unreadable time sorts last (it cannot prove it came first). Ties by ref. */
function earlier(a: Submission, b: Submission): number {
  const ta = parseInstant(a.createdAt) ?? Infinity;
  const tb = parseInstant(b.createdAt) ?? Infinity;
  return ta === tb ? byString(a.ref, b.ref) : ta < tb ? -1 : 1;
}

/**
 * One row per expected unit, in the given order.
 * * The line shown is the unit's consolidated package when it sent one (a city reporting to the
 *   province carries its wards and its own report there), else its report.
 * * on-time / late is judged on the unit's first submission of the period: a unit that
 *   reported by the due date and sent a correction afterwards reported on time. A submission
 *   whose time cannot be read counts as late.
 * * missing: nothing verified for the period, directly or inside another unit's package.
 */
export function buildBoard(input: BoardInput): BoardRow[] {
  const byUnit = new Map<UnitId, SequenceLine[]>();
  for (const line of input.lines) {
    const list = byUnit.get(line.unitId);
    if (list) list.push(line);
    else byUnit.set(line.unitId, [line]);
  }
  const seen = new Set<UnitId>();
  const rows: BoardRow[] = [];
  for (const unitId of input.expected) {
    if (seen.has(unitId)) continue;
    seen.add(unitId);
    const lines = (byUnit.get(unitId) ?? []).slice().sort((a, b) => byString(a.kind, b.kind)); // consolidated < report
    const shown = lines[0];
    if (!shown) {
      rows.push({
        unitId, state: 'missing', conflict: false, kind: null, sequence: null, submittedAt: null, keyId: null,
        firstSubmittedAt: null, packages: 0, superseded: 0, indirect: false, review: null,
      });
      continue;
    }
    const all = lines.flatMap((l) => l.distinct);
    const first = all.slice().sort(earlier)[0] ?? null;
    const latest = shown.accepted ?? shown.conflicting[0] ?? null;
    const state = first && timeliness(input.calendar, input.period, first.createdAt) === 'on-time' ? 'on-time' : 'late';
    const review = input.reviews?.get(unitId);
    rows.push({
      unitId, state, conflict: shown.accepted === null, kind: shown.kind,
      sequence: latest?.sequence ?? null, submittedAt: latest?.createdAt ?? null, keyId: latest?.keyId ?? null,
      firstSubmittedAt: first?.createdAt ?? null,
      packages: all.length,
      superseded: lines.reduce((n, l) => n + l.distinct.filter((s) => s.sequence < l.latest).length, 0),
      indirect: all.every((s) => !s.direct),
      review: !review || !latest ? null : review.sequence === latest.sequence ? review.state
        : review.state === 'returned' && latest.sequence > review.sequence ? 'resubmitted' : null,
    });
  }
  return rows;
}

export function countBoard(rows: readonly BoardRow[]): BoardCounts {
  const counts: BoardCounts = { 'on-time': 0, late: 0, missing: 0, conflict: 0, expected: rows.length };
  for (const r of rows) {
    counts[r.state] += 1;
    if (r.conflict) counts.conflict += 1;
  }
  return counts;
}

/** The units to chase by phone. */
export const missingUnits = (rows: readonly BoardRow[]): UnitId[] => rows.filter((r) => r.state === 'missing').map((r) => r.unitId);
