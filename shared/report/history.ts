// The dashboard's figures over time: for each period of a plan, who reported on time, late or not
// at all, and how much of the projects' money was disbursed. Each period is consolidated by the
// consolidation core, so a period here says exactly what its board says on the consolidation
// screen (sequence resolution, first submission judged, conflicts).
import { consolidate, type BoardCounts, type Rollup, type Submission } from '../consolidation';
import type { PeriodKey, PlanId, UnitId } from '../model/ids';
import type { PlanItem, ReportingCalendar } from '../model/plan';
import { monthRange, periodKey, type Period } from '../periods/keys';

export type HistoryInput = {
  planId: PlanId;
  calendar: ReportingCalendar;
  /** The plan's items; only its projects are rolled up here (their money). */
  items: readonly PlanItem[];
  /** The periods to show, in order (the plan's periods so far). */
  periods: readonly Period[];
  /** Every verified submission for the plan, any period; each period takes its own. */
  submissions: readonly Submission[];
  /** The units expected to report in a period (children valid in its data window), in display order. */
  expected: (period: Period) => readonly UnitId[];
  consolidatingUnitId?: UnitId | null;
};

/** Projects' money in one period, million VND: the year's budget (else the total) and what was disbursed. */
export type PeriodMoney = { budget: number | null; disbursed: number; reporting: number };

export type PeriodHistory = { period: Period; key: PeriodKey; counts: BoardCounts; money: PeriodMoney | null };

/** One line per period: its board counts and, when the plan has projects, their money. */
export function submissionHistory(input: HistoryInput): PeriodHistory[] {
  const projects = input.items.filter((i) => i.kind === 'project');
  const byPeriod = new Map<string, Submission[]>();
  for (const s of input.submissions) {
    if (s.planId !== input.planId) continue;
    const list = byPeriod.get(s.period);
    if (list) list.push(s);
    else byPeriod.set(s.period, [s]);
  }
  return input.periods.map((period) => {
    const key = periodKey(period);
    const c = consolidate({
      planId: input.planId, calendar: input.calendar, items: projects, period, submissions: byPeriod.get(key) ?? [],
      expected: input.expected(period), consolidatingUnitId: input.consolidatingUnitId ?? null, feedback: false,
    });
    return { period, key, counts: c.counts, money: projects.length === 0 ? null : moneyOf(c.items.map((i) => i.rollup)) };
  });
}

function moneyOf(rollups: readonly (Rollup | null)[]): PeriodMoney {
  let budget: number | null = null;
  let disbursed = 0;
  let reporting = 0;
  for (const r of rollups) {
    if (r?.kind !== 'project') continue;
    // As the printed report's project table: the budget of the period's year, else the plan's total.
    const base = r.budgetYearMillionVnd ?? r.budgetMillionVnd;
    if (base !== null) budget = (budget ?? 0) + base;
    disbursed += r.disbursedMillionVnd;
    reporting = Math.max(reporting, r.units);
  }
  return { budget, disbursed, reporting };
}

export type YearMoney = { year: number; key: PeriodKey; budget: number | null; disbursed: number };

/**
 * Disbursement per year: the reports give the money disbursed in the year so far, so a year's
 * figure is its latest period in the history (the period named by `key`). Years without projects
 * (no money line) are left out.
 */
export function disbursementByYear(history: readonly PeriodHistory[]): YearMoney[] {
  const byYear = new Map<number, YearMoney>();
  for (const h of history) {
    if (!h.money) continue;
    const year = monthRange(h.period).year;
    byYear.set(year, { year, key: h.key, budget: h.money.budget, disbursed: h.money.disbursed });
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** The plan's periods up to and including `until` (the dashboard shows "so far"), same kind as `until`. */
export function periodsUntil(periods: readonly Period[], until: Period): Period[] {
  const end = monthRange(until);
  const index = (p: Period) => { const r = monthRange(p); return r.year * 12 + r.last; };
  return periods.filter((p) => p.kind === until.kind && index(p) <= end.year * 12 + end.last);
}
