// The dashboard's figures over time: each period consolidated by the core (board counts, projects'
// money), disbursement per year taken from the year's latest period, periods of the plan so far.
import { describe, expect, it } from 'vitest';
import type { Submission } from '../../../../shared/consolidation';
import type { PeriodKey, UnitId } from '../../../../shared/model/ids';
import { parsePeriodKey, type Period } from '../../../../shared/periods/keys';
import { disbursementByYear, periodsUntil, submissionHistory } from '../../../../shared/report/history';
import { PLAN, W, item, report, sub, wardsCalendar } from '../consolidation/fixtures';

const P = (k: string): Period => parsePeriodKey(k)!;
const expected = [W(1), W(2), W(3)];
const at = (period: string, createdAt: string) => ({ period: period as PeriodKey, createdAt });
const money = (id: string, disbursedMillionVnd: number) => report({ projectValues: [{ itemId: id as never, disbursedMillionVnd }] });

const submissions: Submission[] = [
  // April: ward 1 on time, ward 2 late (due 12/04), ward 3 missing.
  sub(W(1), 1, { ...at('2024-04', '2024-04-11T09:00:00+07:00'), report: money('p1', 100) }),
  sub(W(2), 1, { ...at('2024-04', '2024-04-13T09:00:00+07:00'), report: money('p1', 50) }),
  // May: all three; ward 2 first on time then a correction after the due date: still on time.
  sub(W(1), 1, { ...at('2024-05', '2024-05-10T09:00:00+07:00'), report: money('p1', 300) }),
  sub(W(2), 1, { ...at('2024-05', '2024-05-12T23:00:00+07:00'), report: money('p1', 10) }),
  sub(W(2), 2, { ...at('2024-05', '2024-05-20T09:00:00+07:00'), report: money('p1', 200) }),
  sub(W(3), 1, { ...at('2024-05', '2024-05-14T09:00:00+07:00'), report: money('p1', 0) }),
  // Another plan's package never counts.
  sub(W(3), 1, { ...at('2024-04', '2024-04-01T09:00:00+07:00'), planId: 'other' as never }),
];
const items = [item('t1', 'task'), item('p1', 'project', { budgetTotal: '2.000', budgetByYear: { '2024': '1.500' } })];
const periods = ['2024-03', '2024-04', '2024-05'].map(P);

describe('submission history', () => {
  const history = submissionHistory({ planId: PLAN, calendar: wardsCalendar, items, periods, submissions, expected: () => expected, consolidatingUnitId: 'vt' as UnitId });

  it('counts each period\'s board as the consolidation core does', () => {
    expect(history.map((h) => [h.key, h.counts['on-time'], h.counts.late, h.counts.missing, h.counts.expected])).toEqual([
      ['2024-03', 0, 0, 3, 3], ['2024-04', 1, 1, 1, 3], ['2024-05', 2, 1, 0, 3],
    ]);
  });

  it('adds up the projects\' money of the latest sequences against the year\'s budget', () => {
    expect(history.map((h) => h.money)).toEqual([
      { budget: 1500, disbursed: 0, reporting: 0 }, { budget: 1500, disbursed: 150, reporting: 2 }, { budget: 1500, disbursed: 500, reporting: 3 },
    ]);
  });

  it('asks for the expected units period by period (a unit created in May is not missing in April)', () => {
    const h = submissionHistory({ planId: PLAN, calendar: wardsCalendar, items, periods, submissions, expected: (p) => (p.kind === 'month' && p.month === 5 ? [...expected, W(9)] : expected) });
    expect(h.map((x) => x.counts.expected)).toEqual([3, 3, 4]);
    expect(h[2]?.counts.missing).toBe(1);
  });

  it('gives no money line for a plan without projects', () => {
    const h = submissionHistory({ planId: PLAN, calendar: wardsCalendar, items: [item('t1', 'task')], periods, submissions, expected: () => expected });
    expect(h.every((x) => x.money === null)).toBe(true);
    expect(disbursementByYear(h)).toEqual([]);
  });
});

describe('disbursement by year', () => {
  it('takes each year\'s latest period (reports give the year so far)', () => {
    const ps = ['2023-11', '2023-12', '2024-01', '2024-02'].map(P);
    const subs = [
      sub(W(1), 1, { ...at('2023-11', '2023-11-11T09:00:00+07:00'), report: money('p1', 700) }),
      sub(W(1), 1, { ...at('2023-12', '2023-12-11T09:00:00+07:00'), report: money('p1', 900) }),
      sub(W(1), 1, { ...at('2024-02', '2024-02-11T09:00:00+07:00'), report: money('p1', 40) }),
    ];
    const plan = [item('p1', 'project', { budgetTotal: '2.000', budgetByYear: { '2023': '1.000' } })];
    const h = submissionHistory({ planId: PLAN, calendar: wardsCalendar, items: plan, periods: ps, submissions: subs, expected: () => [W(1)] });
    expect(disbursementByYear(h)).toEqual([
      { year: 2023, key: '2023-12', budget: 1000, disbursed: 900 },
      // No budget phased for 2024: the plan's total, as the printed report does.
      { year: 2024, key: '2024-02', budget: 2000, disbursed: 40 },
    ]);
  });
});

describe('periods so far', () => {
  it('keeps the periods of the same kind up to and including the chosen one', () => {
    const all = ['2024-01', '2024-02', '2024-Q1', '2024-03', '2024-04', '2024-Q2'].map(P);
    expect(periodsUntil(all, P('2024-03')).map((p) => p.kind === 'month' && p.month)).toEqual([1, 2, 3]);
    expect(periodsUntil(all, P('2024-Q1'))).toEqual([P('2024-Q1')]);
  });
});
