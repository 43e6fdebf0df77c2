// When a unit exists. Dates are ISO calendar dates (`2025-06-30`), which compare as strings.
import type { IsoDate } from '../model/ids';
import { monthRange, parsePeriodKey } from '../periods/keys';

/** An inclusive span of calendar dates: a plan's period, or one day. */
export type DateSpan = { from: IsoDate; to: IsoDate };
/** A day or a span: a unit counts when it is valid on at least one day of it. */
export type When = IsoDate | DateSpan;

export const spanOf = (when: When): DateSpan => (typeof when === 'string' ? { from: when, to: when } : when);

type Validity = { validFrom: IsoDate | null; validTo: IsoDate | null };

/** True when the unit existed on some day of `when` (null bounds are open). */
export function isValidDuring(u: Validity, when: When): boolean {
  const { from, to } = spanOf(when);
  return (u.validFrom === null || u.validFrom <= to) && (u.validTo === null || u.validTo >= from);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** True when `s` is a real calendar date `YYYY-MM-DD` (2023-02-29 is not). */
export function isIsoDate(s: string): s is IsoDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo);
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number) => (m === 2 ? (isLeap(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 31);

/** The day after `d` (`2025-06-30` → `2025-07-01`): when a successor takes over. */
export function nextDay(d: IsoDate): IsoDate {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  if (day < daysIn(y, m)) return `${pad(y, 4)}-${pad(m)}-${pad(day + 1)}` as IsoDate;
  if (m < 12) return `${pad(y, 4)}-${pad(m + 1)}-01` as IsoDate;
  return `${pad(y + 1, 4)}-01-01` as IsoDate;
}

/** The days a period key covers (`2023` → 2023-01-01..2023-12-31); null when not a period key. */
export function periodSpan(fromKey: string, toKey: string = fromKey): DateSpan | null {
  const a = parsePeriodKey(fromKey);
  const b = parsePeriodKey(toKey);
  if (!a || !b) return null;
  const ra = monthRange(a);
  const rb = monthRange(b);
  return {
    from: `${pad(ra.year, 4)}-${pad(ra.first)}-01` as IsoDate,
    to: `${pad(rb.year, 4)}-${pad(rb.last)}-${pad(daysIn(rb.year, rb.last))}` as IsoDate,
  };
}
