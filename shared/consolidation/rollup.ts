// Roll-ups of one item across units. Every sum runs over the units in one fixed order (the
// caller's unit order), because floating-point addition is not associative: the same units in
// another order could differ in the last bit, and the result must not depend on input order.
import type { PlanItem } from '../model/plan';
import type { IndicatorValue, ProjectValue } from '../model/report';
import type { TargetJudge } from './types';

/**
 * DESIGN.md: `{numerator, denominator, value}`, unrounded; value = 100 × Σnumerators ÷
 * Σdenominators over the units that reported a ratio (never an average of percentages).
 * Null sums when no unit reported a ratio; null value when the denominators sum to 0.
 */
export type IndicatorRollup = {
  kind: 'indicator';
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  /** Units that reported a ratio, a bare number, or text only. */
  ratioUnits: number;
  valueUnits: number;
  textUnits: number;
  /** Units whose own percentage meets the target, of the units that could be judged. */
  unitsMeeting: number;
  unitsJudged: number;
  /** `17/17` style targets: how many units must meet it. */
  unitsNeeded: number | null;
  /** Targets that are amounts (`500 doanh nghiệp`): the sum of the units' bare values. */
  total: number | null;
  /**
   * Met against the parsed target: a share by the rolled-up value, a count by the units
   * meeting, an amount by the total. Null when it cannot be judged (no ratio, prose target).
   */
  met: boolean | null;
};

export type ProjectRollup = {
  kind: 'project';
  disbursedMillionVnd: number;
  /** Units that reported a disbursed amount. */
  units: number;
  /** The plan's budget: total, and the year of the period when the plan phases it by year. */
  budgetMillionVnd: number | null;
  budgetYear: number;
  budgetYearMillionVnd: number | null;
  /** 100 × disbursed ÷ budget of the year (or the total when the year has none), unrounded. */
  share: number | null;
};

export type Rollup = IndicatorRollup | ProjectRollup;

/** A unit's own percentage: its ratio when it has one with a positive denominator, else its value. */
export function unitPercent(v: Pick<IndicatorValue, 'numerator' | 'denominator' | 'value'>): number | null {
  if (isNum(v.numerator) && isNum(v.denominator)) return v.denominator > 0 ? (100 * v.numerator) / v.denominator : null;
  return isNum(v.value) ? v.value : null;
}

/** Whether one unit's value meets the target: an amount by its bare value, else by its percentage. */
export function unitMeets(v: Pick<IndicatorValue, 'numerator' | 'denominator' | 'value'>, judge: TargetJudge): boolean | null {
  if (judge.kind === 'other') return null;
  if (judge.kind === 'number') return isNum(v.value) && !isNum(v.denominator) ? judge.meets({ value: v.value }) : null;
  const percent = unitPercent(v);
  return percent === null ? null : judge.meets({ percent });
}

const isNum = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);

/** Indicator values in the caller's unit order. */
export function rollUpIndicator(values: readonly IndicatorValue[], judge: TargetJudge): IndicatorRollup {
  let numerator = 0;
  let denominator = 0;
  let ratioUnits = 0;
  let valueUnits = 0;
  let textUnits = 0;
  let unitsMeeting = 0;
  let unitsJudged = 0;
  let total = 0;
  for (const v of values) {
    if (isNum(v.numerator) && isNum(v.denominator)) {
      numerator += v.numerator;
      denominator += v.denominator;
      ratioUnits += 1;
    } else if (isNum(v.value)) {
      valueUnits += 1;
      total += v.value;
    } else if ((v.text ?? '').trim() !== '') textUnits += 1;
    const meets = unitMeets(v, judge);
    if (meets !== null) {
      unitsJudged += 1;
      if (meets) unitsMeeting += 1;
    }
  }
  const hasRatio = ratioUnits > 0;
  const value = hasRatio && denominator > 0 ? (100 * numerator) / denominator : null;
  const isAmount = judge.kind === 'number' && valueUnits > 0;
  let met: boolean | null = null;
  if (judge.kind === 'count') met = unitsJudged > 0 ? judge.meets({ numerator: unitsMeeting }) : null;
  else if (judge.kind === 'percent' && value !== null) met = judge.meets({ percent: value });
  else if (isAmount) met = judge.meets({ value: total });
  return {
    kind: 'indicator',
    numerator: hasRatio ? numerator : null,
    denominator: hasRatio ? denominator : null,
    value,
    ratioUnits, valueUnits, textUnits, unitsMeeting, unitsJudged,
    unitsNeeded: judge.kind === 'count' ? judge.unitsNeeded : null,
    total: isAmount ? total : null,
    met,
  };
}

/** Reads a money cell in million VND (`350.000` = 350 000); null when it is not one number. */
export type MoneyReader = (verbatim: string) => number | null;

export function rollUpProject(item: PlanItem, values: readonly ProjectValue[], year: number, money: MoneyReader): ProjectRollup {
  let disbursed = 0;
  let units = 0;
  for (const v of values) {
    if (!isNum(v.disbursedMillionVnd)) continue;
    disbursed += v.disbursedMillionVnd;
    units += 1;
  }
  const total = item.budgetTotal ? money(item.budgetTotal) : null;
  const cell = item.budgetByYear?.[String(year)];
  const ofYear = cell ? money(cell) : null;
  const base = ofYear ?? total;
  return {
    kind: 'project', disbursedMillionVnd: disbursed, units,
    budgetMillionVnd: total, budgetYear: year, budgetYearMillionVnd: ofYear,
    share: base !== null && base > 0 ? (100 * disbursed) / base : null,
  };
}
