// The reporting calendar: data windows, due dates, punctuality, the period to report now.
// Pure date arithmetic on calendar dates (no time zone) except `timeliness`, which reads an
// instant and judges it in Vietnam time (UTC+7, no daylight saving since 1975).
import type { IsoDate, PeriodKey } from '../model/ids';
import type { PeriodKind, ReportingCalendar } from '../model/plan';
import { monthRange, parsePeriodKey, periodKey, periodsOfKind, type Period } from './keys';
import { daysInMonth } from '../format/vi';

/** Nghị định 09/2019/NĐ-CP: data runs from the 15th of the previous month to the 14th. */
export const NATIONAL_CUT_OFF_DAY = 14;
/** Asia/Ho_Chi_Minh is UTC+7 all year round. */
export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;

export type DataWindow = { from: IsoDate; to: IsoDate };
/** A plan's span as its keys (plain strings: plan files are read before keys are checked). */
export type PlanSpan = { periodFrom: string; periodTo: string };
export type Timeliness = 'on-time' | 'late';

// ---- calendar-date arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian) ----

type Ymd = { year: number; month: number; day: number };

const dayNumber = ({ year, month, day }: Ymd): number => {
  // Date.UTC maps years 0-99 to 1900-1999; set the year explicitly so plans of any year work.
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / 86_400_000);
};

const fromDayNumber = (n: number): Ymd => {
  const d = new Date(n * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};

const iso = ({ year, month, day }: Ymd): IsoDate =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as IsoDate;

/** Reads `YYYY-MM-DD`; null when it is not a real calendar date (2023-02-29 is not). */
export function parseIsoDate(s: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(s);
  if (!m) return null;
  const ymd = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (ymd.month < 1 || ymd.month > 12 || ymd.day < 1 || ymd.day > daysInMonth(ymd.year, ymd.month)) return null;
  return ymd;
}

const isoDayNumber = (s: IsoDate): number | null => {
  const ymd = parseIsoDate(s);
  return ymd ? dayNumber(ymd) : null;
};

/** Moves a (year, month) pair by `delta` months. */
const addMonths = (year: number, month: number, delta: number): { year: number; month: number } => {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
};

/**
 * The cut-off date of a month: `cutOffDay`, clamped to the month's length (a cut-off on the
 * 31st falls on 28/29 February). A cut-off day of 0 or less means no cut-off: the month's end.
 */
const cutOffDate = (calendar: ReportingCalendar, year: number, month: number): Ymd => {
  const last = daysInMonth(year, month);
  const c = Math.trunc(calendar.cutOffDay);
  return { year, month, day: c >= 1 ? Math.min(c, last) : last };
};

// ---- the contract ----

/**
 * The data a report of `period` covers: from the day after the cut-off of the month before
 * the period's first month, to the cut-off of its last month. With cut-off 10: 2024-05 is
 * 11/04–10/05, 2024-Q2 is 11/03–10/06, 2024-H1 is 11/12/2023–10/06, 2024 is 11/12/2023–10/12.
 * This is how Nghị định 09/2019 frames quarterly, half-yearly and yearly data too.
 */
export function dataWindow(calendar: ReportingCalendar, period: Period): DataWindow {
  const { year, first, last } = monthRange(period);
  const before = addMonths(year, first, -1);
  return {
    from: iso(fromDayNumber(dayNumber(cutOffDate(calendar, before.year, before.month)) + 1)),
    to: iso(cutOffDate(calendar, year, last)),
  };
}

/**
 * The due date of a report of `period`.
 * * Every kind: the first `dueDay` on or after the end of its data window. With the wards'
 *   calendar (cut-off 10, due 12) the May report (11/04–10/05) is due 12/05; with a due day
 *   before the cut-off (cut-off 14, due 5) it moves to the next month (05/06). A due day past
 *   the month's end falls on its last day.
 * * A year with `yearlyDue` (`12-15`): that day of the period's own year (15/12/2024), as the
 *   plans say "yearly before 15 December". 29 February falls on the 28th in common years.
 */
export function dueDate(calendar: ReportingCalendar, period: Period): IsoDate {
  if (period.kind === 'year' && calendar.yearlyDue !== null) {
    const m = /^(\d{1,2})-(\d{1,2})$/u.exec(calendar.yearlyDue);
    const month = m ? Number(m[1]) : 0;
    if (m && month >= 1 && month <= 12 && Number(m[2]) >= 1)
      return iso({ year: period.year, month, day: Math.min(Number(m[2]), daysInMonth(period.year, month)) });
    // An unreadable yearlyDue falls back to the ordinary rule rather than inventing a date.
  }
  const end = parseIsoDate(dataWindow(calendar, period).to) as Ymd;
  const due = Math.max(1, Math.trunc(calendar.dueDay));
  if (due >= end.day) return iso({ ...end, day: Math.min(due, daysInMonth(end.year, end.month)) });
  const next = addMonths(end.year, end.month, 1);
  return iso({ ...next, day: Math.min(due, daysInMonth(next.year, next.month)) });
}

/** Reads a key and answers both the window and the due date; null when the key is not a period. */
export function periodSchedule(calendar: ReportingCalendar, key: string): { period: Period; window: DataWindow; due: IsoDate } | null {
  const period = parsePeriodKey(key);
  if (!period) return null;
  return { period, window: dataWindow(calendar, period), due: dueDate(calendar, period) };
}

/**
 * Reads an instant (`2024-05-12T16:30:00+07:00`, `...Z`) into milliseconds since the epoch.
 * A timestamp without an offset is read as Vietnam time: the app writes local times there.
 * Null when unreadable (no silent `NaN`).
 */
export function parseInstant(s: string, defaultOffsetMinutes = VIETNAM_UTC_OFFSET_MINUTES): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/iu.exec(s.trim());
  if (!m) return null;
  const date = parseIsoDate(`${m[1]}-${m[2]}-${m[3]}`);
  const [h, min, sec] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (!date || h > 23 || min > 59 || sec > 59) return null;
  const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  let offset = defaultOffsetMinutes;
  const z = m[8];
  if (z && z.toUpperCase() === 'Z') offset = 0;
  else if (z) {
    const digits = z.replace(':', '');
    const mag = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
    offset = digits.startsWith('-') ? -mag : mag;
  }
  return dayNumber(date) * 86_400_000 + ((h * 60 + min - offset) * 60 + sec) * 1000 + ms;
}

/** The calendar date of an instant as seen in Vietnam (or another fixed offset). */
export function localDate(instantMs: number, offsetMinutes = VIETNAM_UTC_OFFSET_MINUTES): IsoDate {
  return iso(fromDayNumber(Math.floor((instantMs + offsetMinutes * 60_000) / 86_400_000)));
}

/**
 * On time when submitted on or before the due date, Vietnam time: a package signed at
 * 23:59:59.999 on 12/05 (UTC+7) is on time, one at 00:00 on 13/05 is late. Null when the
 * timestamp cannot be read; the caller decides (the board counts that as late: punctuality
 * that cannot be shown is not assumed).
 */
export function timeliness(calendar: ReportingCalendar, period: Period, submittedAt: string): Timeliness | null {
  const instant = parseInstant(submittedAt);
  if (instant === null) return null;
  return localDate(instant) <= dueDate(calendar, period) ? 'on-time' : 'late';
}

/** Days from `today` to the due date: 0 on the due day, negative once it has passed. */
export function daysUntilDue(calendar: ReportingCalendar, period: Period, today: IsoDate): number | null {
  const t = isoDayNumber(today);
  const d = isoDayNumber(dueDate(calendar, period));
  return t === null || d === null ? null : d - t;
}

const monthIndex = (year: number, month: number) => year * 12 + month - 1;

/** The first and last month index (year*12 + month-1) a plan spans, from its period keys. */
function planMonths(plan: PlanSpan): { first: number; last: number } | null {
  const from = parsePeriodKey(plan.periodFrom);
  const to = parsePeriodKey(plan.periodTo);
  if (!from || !to) return null;
  const a = monthRange(from);
  const b = monthRange(to);
  return { first: monthIndex(a.year, a.first), last: monthIndex(b.year, b.last) };
}

/**
 * The periods of one kind a plan reports for, in order: every period that overlaps the span
 * from `periodFrom` to `periodTo` (a plan from 2023-07 reports 2023-Q3 and 2023-H2, not
 * 2023-H1, which ends before July). Empty when the plan's keys are unreadable.
 */
export function periodsOfPlan(plan: PlanSpan, kind: PeriodKind): Period[] {
  const span = planMonths(plan);
  if (!span || span.first > span.last) return [];
  const fromYear = Math.floor(span.first / 12);
  const toYear = Math.floor(span.last / 12);
  return periodsOfKind(kind, fromYear, toYear).filter((p) => {
    const r = monthRange(p);
    return monthIndex(r.year, r.last) >= span.first && monthIndex(r.year, r.first) <= span.last;
  });
}

/** Every reporting period of a plan, for each kind of its calendar, as keys. */
export function reportingPeriods(plan: PlanSpan & { calendar: ReportingCalendar }): { kind: PeriodKind; periods: PeriodKey[] }[] {
  return plan.calendar.kinds.map((kind) => ({ kind, periods: periodsOfPlan(plan, kind).map(periodKey) }));
}

/** The period of `kind` whose data window contains `date` (10/05 is in May, 11/05 in June, cut-off 10). */
export function periodContaining(calendar: ReportingCalendar, kind: PeriodKind, date: IsoDate): Period | null {
  const ymd = parseIsoDate(date);
  if (!ymd) return null;
  // The window of a period starts at most one month before its first month: check this
  // year's and next year's candidates around the date, in order.
  const candidates = periodsOfKind(kind, ymd.year, ymd.year + 1);
  return candidates.find((p) => {
    const w = dataWindow(calendar, p);
    return w.from <= date && date <= w.to;
  }) ?? null;
}

/**
 * The period a unit is reporting now: the earliest period of `kind` whose report is not yet
 * due on `today` (due date on or after today). On 11/05 and 12/05 the wards still owe the May
 * report (due 12/05); from 13/05 the current one is June. This is what the home screen counts
 * days down to; `periodContaining` answers which window a date's data belongs to. With a plan,
 * the answer stays inside the plan's periods (its first before it starts, null once its last
 * is past due).
 */
export function currentPeriod(
  calendar: ReportingCalendar, kind: PeriodKind, today: IsoDate,
  plan?: PlanSpan,
): Period | null {
  const ymd = parseIsoDate(today);
  if (!ymd) return null;
  const pool = plan ? periodsOfPlan(plan, kind) : periodsOfKind(kind, ymd.year - 1, ymd.year + 1);
  // Due dates grow with the periods, so the first open one is the earliest.
  return pool.find((p) => dueDate(calendar, p) >= today) ?? null;
}
