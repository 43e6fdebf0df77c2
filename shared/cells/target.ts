/**
 * Target cells (`Chỉ tiêu`): `100%`, `8,5%`, `30% - 50%`, `17/17`, `Trên 95%`, `Duy trì 100%`,
 * `-`. Read into a comparator, value(s), a unit and the plan's wording of intent; anything else
 * is `{kind: 'text'}`. Never throws; `verbatim` is always the cell exactly as given.
 *
 * Semantics (what "met" means, decided here once for every screen and roll-up):
 * - A bare figure is a floor: `100%` is met by ≥ 100, `85%` by ≥ 85 (targets are levels to reach).
 * - `Trên 95%` (above) is strict: > 95. `Ít nhất`/`Tối thiểu`/`Không dưới` are ≥, `Dưới` is <,
 *   `Tối đa`/`Không quá` are ≤.
 * - A range `60-70%` is met from its lower bound: the upper bound is an aspiration, and going
 *   beyond it is never a failure.
 * - `17/17` counts units (17 of 17 wards): met when at least 17 units meet, i.e. the achieved
 *   numerator ≥ 17; an achieved percent is compared with 17/17 = 100%.
 * - Qualifiers (`Duy trì` maintain, `Phấn đấu` strive, `Khuyến khích` encourage) do not change
 *   the comparison; they are kept so a screen can say that an encouraged target is not binding.
 */
import { fold } from '../text/fold';
import { formatNumberVi, readNumberVi } from '../format/vi';

export type Comparator = 'gte' | 'gt' | 'lte' | 'lt' | 'eq' | 'range';
export type TargetUnit = 'percent' | 'count' | 'number';
export type TargetQualifier = 'maintain' | 'strive' | 'encourage';

export type TargetShape =
  | { kind: 'value'; comparator: Exclude<Comparator, 'range'>; value: number; unit: 'percent' | 'number'; qualifier: TargetQualifier | null }
  | { kind: 'range'; comparator: 'range'; min: number; max: number; unit: 'percent' | 'number'; qualifier: TargetQualifier | null }
  /** `17/17`: `numerator` units out of `denominator` must meet the indicator. */
  | { kind: 'count'; comparator: Exclude<Comparator, 'range'>; numerator: number; denominator: number; unit: 'count'; qualifier: TargetQualifier | null }
  | { kind: 'none' }
  | { kind: 'text' };
export type Target = { verbatim: string } & TargetShape;

const QUALIFIERS: ReadonlyArray<[RegExp, TargetQualifier]> = [
  [/^duy tri /u, 'maintain'],
  [/^(?:phan dau|co gang) /u, 'strive'],
  [/^khuyen khich /u, 'encourage'],
];

// Folded words; longest first so `khong duoi` is not read as `duoi`.
const COMPARATORS: ReadonlyArray<[RegExp, Exclude<Comparator, 'range'>]> = [
  [/^(?:khong (?:duoi|thap hon|it hon)|it nhat(?: la)?|toi thieu(?: la)?|tu|>=|≥) ?/u, 'gte'],
  [/^(?:khong (?:qua|vuot qua|cao hon|hon)|toi da(?: la)?|<=|≤) ?/u, 'lte'],
  [/^(?:tren|hon|cao hon|lon hon|vuot|>) ?/u, 'gt'],
  [/^(?:duoi|thap hon|nho hon|it hon|<) ?/u, 'lt'],
  [/^(?:bang|dung|=) ?/u, 'eq'],
];

// Plans are Vietnamese documents: a comma is the decimal mark (`8,5%`), a dot before three
// digits groups thousands (`1.000`); see NumberReading in format/vi.ts. This reading also takes
// back exactly what formatNumberVi prints.
const readFigure = (s: string) => readNumberVi(s, 'decimal');
const FIG = '(\\d[\\d.,]*)';

type Goal = Exclude<TargetShape, { kind: 'none' } | { kind: 'text' }>;

function readGoal(f: string, qualifier: TargetQualifier | null): Goal | null {
  // Reaching (`đạt`) says nothing more than the bare figure.
  let s = f.replace(/^dat (?:muc )?/u, '');
  let comparator: Exclude<Comparator, 'range'> = 'gte';
  for (const [re, c] of COMPARATORS) {
    if (re.test(s)) { comparator = c; s = s.replace(re, ''); break; }
  }
  let m = new RegExp(`^${FIG} ?(%?)$`, 'u').exec(s);
  if (m) {
    const percent = m[2] === '%';
    const value = readFigure(m[1] ?? '');
    return value === null ? null : { kind: 'value', comparator, value, unit: percent ? 'percent' : 'number', qualifier };
  }
  m = /^(\d{1,7})\/(\d{1,7})$/u.exec(s);
  if (m) {
    const numerator = Number(m[1]);
    const denominator = Number(m[2]);
    return denominator > 0 && numerator <= denominator
      ? { kind: 'count', comparator, numerator, denominator, unit: 'count', qualifier } : null;
  }
  // `30% - 50%`, `60-70%`, `từ 30% đến 50%`: one comparator word (`từ`) at most, no other.
  m = new RegExp(`^${FIG} ?(%?)(?:-| den )${FIG} ?(%?)$`, 'u').exec(s);
  if (m && (comparator === 'gte')) {
    const percent = m[2] === '%' || m[4] === '%';
    if (m[2] === '%' && m[4] !== '%') return null; // `30%-50` is more likely a typo than a range
    const min = readFigure(m[1] ?? '');
    const max = readFigure(m[3] ?? '');
    return min !== null && max !== null && min < max
      ? { kind: 'range', comparator: 'range', min, max, unit: percent ? 'percent' : 'number', qualifier } : null;
  }
  return null;
}

function readShape(f: string): TargetShape {
  if (f === '' || /^[-.…/]+$/u.test(f)) return { kind: 'none' };
  let s = f;
  let qualifier: TargetQualifier | null = null;
  for (const [re, q] of QUALIFIERS) {
    if (re.test(s)) { qualifier = q; s = s.replace(re, ''); break; }
  }
  return readGoal(s, qualifier) ?? { kind: 'text' };
}

/** Reads a target cell. Never throws: anything it cannot read is `{kind: 'text'}`. */
export function parseTarget(verbatim: string): Target {
  if (typeof verbatim !== 'string') return { kind: 'text', verbatim: String(verbatim) };
  const f = fold(verbatim)
    .replace(/[‐‑‒–—―\u2212]/gu, '-')
    .replace(/ ?(-|\/) ?/gu, '$1')
    .replace(/[.;:]+$/u, '')
    .trim();
  // A lone `-` is the none marker; `-5%` has no meaning as a target either, so no sign is read.
  return { ...readShape(f), verbatim };
}

export type Achieved = { percent?: number; numerator?: number; denominator?: number; value?: number };
export type TargetOutcome = 'met' | 'not-met' | 'unknown';

// Percentages computed from ratios carry float noise (29/30*100): equal within this is equal.
const EPS = 1e-9;

function compare(actual: number, comparator: Exclude<Comparator, 'range'>, goal: number): boolean {
  switch (comparator) {
    case 'gte': return actual >= goal - EPS;
    case 'gt': return actual > goal + EPS;
    case 'lte': return actual <= goal + EPS;
    case 'lt': return actual < goal - EPS;
    case 'eq': return Math.abs(actual - goal) <= EPS;
  }
}

const num = (n: number | undefined): n is number => typeof n === 'number' && Number.isFinite(n);

/** The achieved percent: given, or from a ratio; undefined when neither is usable. */
function percentOf(a: Achieved): number | undefined {
  if (num(a.percent)) return a.percent;
  if (num(a.numerator) && num(a.denominator) && a.denominator > 0) return (a.numerator / a.denominator) * 100;
  return undefined;
}

/**
 * Whether an achieved value meets the target (semantics at the top of this file). `unknown`
 * when the target is none/text or the achievement lacks the figure the target needs.
 */
export function meetsTarget(target: Target, achieved: Achieved): TargetOutcome {
  const verdict = (ok: boolean): TargetOutcome => (ok ? 'met' : 'not-met');
  switch (target.kind) {
    case 'none':
    case 'text': return 'unknown';
    case 'count': {
      // Units meeting are counted by the numerator (or a plain value); a percent of units is
      // compared with the target's own ratio.
      const units = num(achieved.numerator) ? achieved.numerator : num(achieved.value) ? achieved.value : undefined;
      if (units !== undefined) return verdict(compare(units, target.comparator, target.numerator));
      const p = percentOf(achieved);
      return p === undefined ? 'unknown' : verdict(compare(p, target.comparator, (target.numerator / target.denominator) * 100));
    }
    case 'value':
    case 'range': {
      const actual = target.unit === 'percent' ? percentOf(achieved) : num(achieved.value) ? achieved.value : undefined;
      if (actual === undefined) return 'unknown';
      return target.kind === 'range'
        ? verdict(compare(actual, 'gte', target.min))
        : verdict(compare(actual, target.comparator, target.value));
    }
  }
}

const COMPARATOR_VI: Record<Exclude<Comparator, 'range'>, string> = {
  gte: 'Tối thiểu ', gt: 'Trên ', lte: 'Tối đa ', lt: 'Dưới ', eq: 'Bằng ',
};
const QUALIFIER_VI: Record<TargetQualifier, string> = { maintain: 'Duy trì ', strive: 'Phấn đấu ', encourage: 'Khuyến khích ' };

/**
 * A target as the plans write it (`100%`, `Duy trì trên 90%`, `30% - 50%`, `17/17`), read back
 * by parseTarget to the same value. A bare figure means ≥, so `gte` needs no word.
 */
export function formatTargetVi(target: Target): string {
  if (target.kind === 'none') return '-';
  if (target.kind === 'text') return target.verbatim;
  const q = target.qualifier ? QUALIFIER_VI[target.qualifier] : '';
  const fig = (n: number, unit: TargetUnit) => (unit === 'percent' ? `${formatNumberVi(n, 4)}%` : formatNumberVi(n, 4));
  let body: string;
  if (target.kind === 'range') body = `${fig(target.min, target.unit)} - ${fig(target.max, target.unit)}`;
  else {
    const word = target.comparator === 'gte' ? '' : COMPARATOR_VI[target.comparator];
    const figure = target.kind === 'count' ? `${target.numerator}/${target.denominator}` : fig(target.value, target.unit);
    body = `${q ? word.toLowerCase() : word}${figure}`; // `Duy trì trên 90%`
  }
  return `${q}${body}`;
}
