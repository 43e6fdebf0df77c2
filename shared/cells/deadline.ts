/**
 * The `Thời gian hoàn thành` cell: written for people (`Quý II/2023`, `2023-2025`, `Hàng năm`,
 * `Theo chương trình của Bộ TT&TT`), read here into a period, a span, a recurrence, a date, or
 * explicitly `text`. Never throws; `verbatim` is always the cell exactly as given.
 *
 * Matching runs on the folded text (NFC, spaces collapsed, lower case, no diacritics), so
 * `Hàng năm`, `Hằng năm`, `HÀNG NĂM`, an NFD `Quý` and a keyboard without Vietnamese input
 * (`Quy II/2023`) all read the same.
 */
import type { IsoDate, PeriodKey } from '../model/ids';
import type { PeriodKind } from '../model/plan';
import { formatPeriodVi, monthRange, parsePeriodKey, periodKey, type Period } from '../periods/keys';
import { fold } from '../text/fold';
import { daysInMonth, formatDateVi, isoDate } from '../format/vi';

/** What a deadline cell says, without the cell itself. */
export type DeadlineShape =
  | { kind: 'period'; period: PeriodKey }
  /** `2023-2025`, `Quý II-III/2023`: due at the end of `to`; `from` ≤ `to` always. */
  | { kind: 'span'; from: PeriodKey; to: PeriodKey }
  /** `Hàng năm`, `Hàng tháng`: no single due date, one per period of that kind. */
  | { kind: 'recurring'; every: PeriodKind }
  /** `Thường xuyên`: continuous work, never overdue. */
  | { kind: 'ongoing' }
  /** `30/6/2023`, `trước 30/6/2023`. */
  | { kind: 'date'; date: IsoDate }
  /** Empty cell or a dash. */
  | { kind: 'none' }
  /** Prose no rule reads (`Theo chương trình của Bộ TT&TT`): shown as written. */
  | { kind: 'text' };
export type Deadline = { verbatim: string } & DeadlineShape;

// Years outside this window are far more likely a typo or another number than a deadline.
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
const Q = '(iv|i{1,3}|[1-4])';
// `/2023`, ` năm 2023`, `, năm 2023`, `/năm 2023`.
const OF_YEAR = '(?:/|,? nam |/nam )(\\d{4})';
const QUARTER_RE = new RegExp(`^quy ${Q}${OF_YEAR}$`, 'u');
const MONTH_RE = new RegExp(`^(?:thang (\\d{1,2})${OF_YEAR}|(\\d{1,2})/(\\d{4}))$`, 'u');
const QUARTER_SPAN_RE = new RegExp(`^quy ${Q}-(?:quy )?${Q}${OF_YEAR}$`, 'u');
const MONTH_SPAN_RE = new RegExp(`^thang (\\d{1,2})-(?:thang )?(\\d{1,2})${OF_YEAR}$`, 'u');

const year = (s: string | undefined): number | null => {
  const y = Number(s);
  return Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR ? y : null;
};
const month = (s: string | undefined): number | null => {
  const m = Number(s);
  return Number.isInteger(m) && m >= 1 && m <= 12 ? m : null;
};

type Atom = { kind: 'period'; period: Period } | { kind: 'date'; date: IsoDate };

/** One period or one day, in any of the ways a cell writes it; null when it is not one. */
function readAtom(f: string): Atom | null {
  let m = QUARTER_RE.exec(f);
  if (m) {
    const y = year(m[2]);
    const q = ROMAN[m[1] ?? ''];
    return y && q ? { kind: 'period', period: { kind: 'quarter', year: y, quarter: q } } : null;
  }
  // `Tháng 9/2023`, `tháng 9 năm 2023`, `09/2023`; a bare `9 năm 2023` is not a month.
  m = MONTH_RE.exec(f);
  if (m) {
    const y = year(m[2] ?? m[4]);
    const mo = month(m[1] ?? m[3]);
    return y && mo ? { kind: 'period', period: { kind: 'month', year: y, month: mo } } : null;
  }
  m = /^(?:6 thang|nua) (dau|cuoi)(?: nam)?(?: |\/)(\d{4})$/u.exec(f);
  if (m) {
    const y = year(m[2]);
    return y ? { kind: 'period', period: { kind: 'half', year: y, half: m[1] === 'dau' ? 1 : 2 } } : null;
  }
  m = /^(?:nam )?(\d{4})$/u.exec(f);
  if (m) {
    const y = year(m[1]);
    return y ? { kind: 'period', period: { kind: 'year', year: y } } : null;
  }
  m = /^(?:ngay )?(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/u.exec(f)
    ?? /^(?:ngay )?(\d{1,2}) (thang) (\d{1,2}),? nam (\d{4})$/u.exec(f);
  if (m) {
    const y = year(m[4]);
    const date = y ? isoDate(y, Number(m[3]), Number(m[1])) : null;
    return date ? { kind: 'date', date } : null;
  }
  return null;
}

const startOf = (p: Period) => { const r = monthRange(p); return r.year * 12 + r.first; };
const endOf = (p: Period) => { const r = monthRange(p); return r.year * 12 + r.last; };

/** Two periods as a span, when the first starts no later and ends strictly before the second. */
function span(a: Period, b: Period): { from: PeriodKey; to: PeriodKey } | null {
  return startOf(a) <= startOf(b) && endOf(a) < endOf(b) ? { from: periodKey(a), to: periodKey(b) } : null;
}

type Parsed = Exclude<DeadlineShape, { kind: 'text' }>;

/** Spans written with one year: `Quý II-III/2023`, `Tháng 9-12/2023`; and two full periods. */
function readSpan(f: string): Parsed | null {
  let m = QUARTER_SPAN_RE.exec(f);
  if (m) {
    const y = year(m[3]);
    const a = ROMAN[m[1] ?? ''];
    const b = ROMAN[m[2] ?? ''];
    if (!y || !a || !b || a >= b) return null;
    return { kind: 'span', from: periodKey({ kind: 'quarter', year: y, quarter: a }), to: periodKey({ kind: 'quarter', year: y, quarter: b }) };
  }
  m = MONTH_SPAN_RE.exec(f);
  if (m) {
    const y = year(m[3]);
    const a = month(m[1]);
    const b = month(m[2]);
    if (!y || !a || !b || a >= b) return null;
    return { kind: 'span', from: periodKey({ kind: 'month', year: y, month: a }), to: periodKey({ kind: 'month', year: y, month: b }) };
  }
  // `2023-2025`, `Giai đoạn 2023-2025`, `Từ năm 2023 đến năm 2025`, `Quý IV/2023 - Quý I/2024`.
  const body = f.replace(/^(?:giai doan|tu) /u, '');
  const parts = body.split(/-| den (?:het )?/u);
  if (parts.length !== 2) return null;
  const a = readAtom(parts[0] ?? '');
  const b = readAtom(parts[1] ?? '');
  if (a?.kind !== 'period' || b?.kind !== 'period') return null;
  const s = span(a.period, b.period);
  return s ? { kind: 'span', ...s } : null;
}

const RECURRING: Record<string, PeriodKind> = { nam: 'year', quy: 'quarter', thang: 'month' };

function readShape(f: string): Parsed | null {
  if (f === '' || /^[-.…/]+$/u.test(f)) return { kind: 'none' };
  // `Hàng năm`, `Hằng năm`, `Định kỳ hàng quý`, `Hàng tháng`; `6 tháng/lần`, `Định kỳ 6 tháng`.
  let m = /^(?:dinh ky )?hang (nam|quy|thang)$/u.exec(f);
  if (m) return { kind: 'recurring', every: RECURRING[m[1] ?? ''] ?? 'year' };
  if (/^(?:dinh ky )?(?:6 thang(?:\/lan| mot lan)?|hang 6 thang|moi 6 thang)$/u.test(f) && f !== '6 thang')
    return { kind: 'recurring', every: 'half' };
  // Daily work is continuous as far as reporting goes: no period is shorter than a month.
  if (/^(?:thuong xuyen|lien tuc|hang ngay)(?:,? (?:thuong xuyen|lien tuc|hang ngay))?$/u.test(f))
    return { kind: 'ongoing' };
  const atom = readAtom(f);
  if (atom) return atom.kind === 'date' ? atom : { kind: 'period', period: periodKey(atom.period) };
  const s = readSpan(f);
  if (s) return s;
  // `Trong quý II/2023`, `Chậm nhất quý III/2023`, `Đến hết năm 2023`: due at the period's end.
  m = /^(?:hoan thanh )?(?:trong|cham nhat(?: trong)?|den het|het|den|truoc ngay|truoc|han):? (.+)$/u.exec(f);
  if (m) {
    const rest = m[1] ?? '';
    const inner = readAtom(rest);
    // `trước 30/6/2023` is that day. `Trước quý III/2023` is left as text on purpose: offices
    // read it both as "by the end of Q3" and "before Q3 starts", and a wrong due date is worse.
    if (inner?.kind === 'date') return inner;
    if (inner && !f.startsWith('truoc')) return { kind: 'period', period: periodKey(inner.period) };
    const sp = f.startsWith('truoc') ? null : readSpan(rest);
    if (sp) return sp;
  }
  return null;
}

/** Reads a deadline cell. Never throws: anything it cannot read is `{kind: 'text'}`. */
export function parseDeadline(verbatim: string): Deadline {
  if (typeof verbatim !== 'string') return { kind: 'text', verbatim: String(verbatim) };
  // Spaces around `-` and `/` vary by typist (`Quý II - III/2023`); trailing `.` or `;` too.
  const f = fold(verbatim)
    .replace(/[‐‑‒–—―\u2212]/gu, '-')
    .replace(/ ?([-/]) ?/gu, '$1')
    .replace(/[.;,:]+$/u, '')
    .trim();
  const parsed = readShape(f);
  return parsed ? { ...parsed, verbatim } : { kind: 'text', verbatim };
}

/** Last day of a period: `2023-Q2` → `2023-06-30`. */
export function lastDayOfPeriod(key: PeriodKey): IsoDate | null {
  const p = parsePeriodKey(key);
  if (!p) return null;
  const r = monthRange(p);
  return isoDate(r.year, r.last, daysInMonth(r.year, r.last));
}

/**
 * The last calendar day by which the work is due, or null when the cell sets none (recurring,
 * ongoing, none, text). A span is due at the end of its last period: `2023-2025` → 2025-12-31.
 */
export function dueDate(deadline: Deadline): IsoDate | null {
  switch (deadline.kind) {
    case 'period': return lastDayOfPeriod(deadline.period);
    case 'span': return lastDayOfPeriod(deadline.to);
    case 'date': return deadline.date;
    case 'recurring':
    case 'ongoing':
    case 'none':
    case 'text': return null;
  }
}

/**
 * True when `today` is after the due date; false when there is none. The due day itself is in
 * time. A `today` that is not ISO (a caller's bug) answers false rather than comparing wrongly.
 */
export function isOverdue(deadline: Deadline, today: IsoDate): boolean {
  const due = dueDate(deadline);
  return due !== null && /^\d{4}-\d{2}-\d{2}$/u.test(today) && today > due;
}

const ROMAN_OUT = ['I', 'II', 'III', 'IV'] as const;
const periodLabel = (key: PeriodKey): string => {
  const p = parsePeriodKey(key);
  return p ? formatPeriodVi(p) : key;
};

/**
 * A deadline in the plan's own words, for the UI beside the verbatim cell (and read back by
 * parseDeadline to the same value): `Quý II/2023`, `2023-2025`, `Hằng năm`, `30/06/2023`.
 */
export function formatDeadlineVi(deadline: Deadline): string {
  switch (deadline.kind) {
    case 'period': return periodLabel(deadline.period);
    case 'span': {
      const a = parsePeriodKey(deadline.from);
      const b = parsePeriodKey(deadline.to);
      if (a?.kind === 'year' && b?.kind === 'year') return `${a.year}-${b.year}`;
      if (a?.kind === 'quarter' && b?.kind === 'quarter' && a.year === b.year)
        return `Quý ${ROMAN_OUT[a.quarter - 1]}-${ROMAN_OUT[b.quarter - 1]}/${a.year}`;
      if (a?.kind === 'month' && b?.kind === 'month' && a.year === b.year)
        return `Tháng ${a.month}-${b.month}/${a.year}`;
      return `${periodLabel(deadline.from)} - ${periodLabel(deadline.to)}`;
    }
    case 'recurring':
      return { year: 'Hằng năm', half: 'Định kỳ 6 tháng', quarter: 'Hằng quý', month: 'Hằng tháng' }[deadline.every];
    case 'ongoing': return 'Thường xuyên';
    case 'date': return formatDateVi(deadline.date);
    case 'none': return '';
    case 'text': return deadline.verbatim;
  }
}
