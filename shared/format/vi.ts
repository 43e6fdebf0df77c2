/**
 * Vietnamese number and date conventions, both ways: the UI formats with these and reads what
 * officers type with these. Vietnamese writes `2.876.939` (dot groups thousands) and `98,27`
 * (comma is the decimal mark), but files and people also use the English style (`10,000`,
 * `98.27`); the readers below accept both where the reading is unambiguous and document the
 * choice where it is not. No Intl: the output must not depend on the ICU build of the host.
 */
import type { IsoDate } from '../model/ids';
import { fold, normalizeText } from '../text/fold';

// ---------------------------------------------------------------------------------------------
// Reading numbers

/**
 * How to read a number with a single separator, the only ambiguous case:
 * - `grouped` (money, counts of records): `1.234` and `10,000` are thousands, because these
 *   columns hold whole amounts; a separator followed by other than exactly 3 digits is the
 *   decimal mark (`1,5` = 1.5, `10.5` = 10.5).
 * - `decimal` (percentages, measured values): a comma is always the decimal mark (`98,27`,
 *   `1,234` = 1.234); a dot is the decimal mark (`98.27`) unless exactly 3 digits follow a
 *   non-zero group (`1.234` = 1234), so that what formatNumberVi printed reads back the same.
 * Two separators (`1.234,5`, `10,000.5`) or a repeated one (`2.876.939`) are never ambiguous.
 */
export type NumberReading = 'grouped' | 'decimal';

const GROUPED = { '.': /^[1-9]\d{0,2}(?:\.\d{3})+$/u, ',': /^[1-9]\d{0,2}(?:,\d{3})+$/u } as const;
type Sep = keyof typeof GROUPED;

const count = (s: string, ch: string) => s.split(ch).length - 1;
const finite = (n: number) => (Number.isFinite(n) ? n : null);
const intPartOk = (s: string, group: Sep) => /^\d+$/u.test(s) || GROUPED[group].test(s);

/** The number a cell or an input holds, or null when it is not exactly one number. */
export function readNumberVi(text: string, reading: NumberReading): number | null {
  let s = normalizeText(text);
  // Spaces may group thousands (`2 876 939`), but only in groups of three.
  if (s.includes(' ')) {
    if (!/^[-+\u2212]?\d{1,3}(?: \d{3})+(?:[.,]\d+)?$/u.test(s)) return null;
    s = s.replace(/ /gu, '');
  }
  const m = /^([-+\u2212]?)(\d[\d.,]*)$/u.exec(s);
  if (!m) return null;
  const sign = m[1] === '-' || m[1] === '\u2212' ? -1 : 1;
  const body = m[2] ?? '';
  const dots = count(body, '.');
  const commas = count(body, ',');
  let plain: string | null;
  if (dots === 0 && commas === 0) plain = body;
  else if (dots > 0 && commas > 0) {
    // Both present: the last one is the decimal mark and occurs once, the other groups.
    const dec: Sep = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    const group: Sep = dec === '.' ? ',' : '.';
    const [whole = '', frac = ''] = body.split(dec);
    plain = count(body, dec) === 1 && intPartOk(whole, group) && /^\d+$/u.test(frac)
      ? `${whole.split(group).join('')}.${frac}` : null;
  } else {
    const sep: Sep = dots > 0 ? '.' : ',';
    if (dots + commas > 1) plain = GROUPED[sep].test(body) ? body.split(sep).join('') : null;
    else {
      const [whole = '', frac = ''] = body.split(sep);
      const thousands = GROUPED[sep].test(body) && (reading === 'grouped' || sep === '.');
      if (thousands) plain = whole + frac;
      else plain = whole !== '' && /^\d+$/u.test(frac) ? `${whole}.${frac}` : null;
    }
  }
  return plain === null ? null : finite(sign * Number(plain));
}

// ---------------------------------------------------------------------------------------------
// Formatting numbers

/** Rounds half away from zero on the decimal digits a person sees (1.005 → 1.01, not 1.00). */
function roundTo(value: number, digits: number): number {
  const abs = Math.abs(value);
  const shifted = String(abs).includes('e') ? Math.round(abs * 10 ** digits) / 10 ** digits
    : Number(`${Math.round(Number(`${abs}e${digits}`))}e-${digits}`);
  return value < 0 ? -shifted : shifted;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/gu, '.');
}

function formatFixed(value: number, digits: number, trim: boolean): string {
  if (!Number.isFinite(value)) return String(value);
  const d = Math.max(0, Math.min(20, Math.trunc(digits)));
  const r = roundTo(value, d);
  const fixed = Math.abs(r).toFixed(d);
  if (fixed.includes('e')) return String(r); // beyond 1e21: no sensible grouping
  const [whole = '0', frac0 = ''] = fixed.split('.');
  const frac = trim ? frac0.replace(/0+$/u, '') : frac0;
  const sign = r < 0 && /[1-9]/u.test(fixed) ? '-' : '';
  return `${sign}${groupThousands(whole)}${frac ? `,${frac}` : ''}`;
}

/** `2876939` → `2.876.939`; with fraction digits, trailing zeros dropped: (1234.5, 2) → `1.234,5`. */
export function formatNumberVi(value: number, maxFractionDigits = 0): string {
  return formatFixed(value, maxFractionDigits, true);
}

/** Exactly `digits` decimals, for aligned columns: (98.2678, 2) → `98,27`, (5, 2) → `5,00`. */
export function formatDecimalVi(value: number, digits: number): string {
  return formatFixed(value, digits, false);
}

/** `98.2678` → `98,27%`, `100` → `100%` (at most 2 decimals, no trailing zeros, no space). */
export function formatPercentVi(value: number, maxFractionDigits = 2): string {
  return `${formatFixed(value, maxFractionDigits, true)}%`;
}

// ---------------------------------------------------------------------------------------------
// Dates

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The ISO date of a calendar day, or null when there is no such day (31/4, 29/2/2023). */
export function isoDate(year: number, month: number, day: number): IsoDate | null {
  const ints = [year, month, day].every(Number.isInteger);
  if (!ints || year < 1 || year > 9999 || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  const p = (n: number, w: number) => String(n).padStart(w, '0');
  return `${p(year, 4)}-${p(month, 2)}-${p(day, 2)}` as IsoDate;
}

/** `2024-12-15` → `15/12/2024`; text that is not an ISO date is returned as it is. */
export function formatDateVi(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

// ---------------------------------------------------------------------------------------------
// Reading what an officer typed: a value or a Vietnamese message (the reason is for i18n).

export type InputError = {
  ok: false;
  reason: 'empty' | 'invalid' | 'not-integer' | 'negative' | 'zero-denominator';
  message: string;
};
export type DateInput = { ok: true; value: IsoDate } | InputError;
export type NumberInput = { ok: true; value: number } | InputError;
export type RatioInput = { ok: true; numerator: number; denominator: number; percent: number } | InputError;

const fail = (reason: InputError['reason'], message: string): InputError => ({ ok: false, reason, message });
const quoted = (s: string) => `“${s}”`;

/**
 * Reads `15/12/2024`, `15-12-2024`, `15.12.2024`, `5/1/2024`, `ngày 5 tháng 1 năm 2024` and ISO
 * `2024-12-15`, day first as Vietnamese writes it. A two-digit year is refused, not guessed.
 */
export function parseDateVi(text: string): DateInput {
  const s = normalizeText(text);
  if (s === '') return fail('empty', 'Chưa nhập ngày.');
  const f = fold(s);
  const bad = fail('invalid', `Ngày không hợp lệ: ${quoted(s)} (nhập theo dạng ngày/tháng/năm, ví dụ 15/12/2024).`);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u.exec(f);
  let ymd: [string, string, string] | null = m ? [m[1] ?? '', m[2] ?? '', m[3] ?? ''] : null;
  m = /^(?:ngay )?(\d{1,2}) ?([/.-]) ?(\d{1,2}) ?\2 ?(\d{4})$/u.exec(f)
    ?? /^(?:ngay )?(\d{1,2}) (thang) (\d{1,2}),? nam (\d{4})$/u.exec(f);
  if (m) ymd = [m[4] ?? '', m[3] ?? '', m[1] ?? ''];
  const iso = ymd && isoDate(Number(ymd[0]), Number(ymd[1]), Number(ymd[2]));
  return iso ? { ok: true, value: iso } : bad;
}

/**
 * Reads a number an officer typed. `count` (records, units): whole and not negative, read
 * `grouped`, so `23.391` is 23391. `decimal` (percentages, values): read `decimal`, so `98,27` and
 * `98.27` are both 98.27 and `1.234,5` is 1234.5; a trailing `%` is allowed and ignored.
 */
export function parseNumberInputVi(text: string, opts: { kind: 'count' | 'decimal' }): NumberInput {
  const s = normalizeText(text);
  if (s === '') return fail('empty', 'Chưa nhập số.');
  const body = opts.kind === 'decimal' ? s.replace(/ ?%$/u, '') : s;
  const value = readNumberVi(body, opts.kind === 'count' ? 'grouped' : 'decimal');
  if (value === null) return fail('invalid', `Số không hợp lệ: ${quoted(s)}.`);
  if (opts.kind === 'count' && value < 0) return fail('negative', `Số lượng không được âm: ${quoted(s)}.`);
  if (opts.kind === 'count' && !Number.isInteger(value))
    return fail('not-integer', `Số lượng phải là số nguyên: ${quoted(s)}.`);
  return { ok: true, value: value === 0 ? 0 : value }; // no -0 in stored values
}

/**
 * Reads a ratio of counts such as `23.391/23.802` (records processed online out of all): the
 * consolidation sums numerators and denominators, so both are kept; `percent` is unrounded.
 * A numerator above the denominator is accepted: some indicators are exceeded.
 */
export function parseRatioInputVi(text: string): RatioInput {
  const s = normalizeText(text);
  if (s === '') return fail('empty', 'Chưa nhập tỷ lệ.');
  const parts = s.split('/');
  if (parts.length !== 2)
    return fail('invalid', `Tỷ lệ phải có dạng tử số/mẫu số, ví dụ 23.391/23.802: ${quoted(s)}.`);
  const num = parseNumberInputVi(parts[0] ?? '', { kind: 'count' });
  if (!num.ok) return num.reason === 'empty' ? fail('invalid', `Thiếu tử số: ${quoted(s)}.`) : num;
  const den = parseNumberInputVi(parts[1] ?? '', { kind: 'count' });
  if (!den.ok) return den.reason === 'empty' ? fail('invalid', `Thiếu mẫu số: ${quoted(s)}.`) : den;
  if (den.value === 0) return fail('zero-denominator', `Mẫu số phải lớn hơn 0: ${quoted(s)}.`);
  return { ok: true, numerator: num.value, denominator: den.value, percent: (num.value / den.value) * 100 };
}
