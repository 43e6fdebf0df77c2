import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { IsoDate } from '../../../shared/model/ids';
import type { ReportingCalendar } from '../../../shared/model/plan';
import {
  currentPeriod, daysUntilDue, dataWindow, dueDate, localDate, parseInstant, periodContaining, periodSchedule,
  periodsOfPlan, reportingPeriods, timeliness,
} from '../../../shared/periods/calendar';
import { parsePeriodKey, periodKey, type Period } from '../../../shared/periods/keys';

const wards: ReportingCalendar = { kinds: ['month'], dueDay: 12, cutOffDay: 10, yearlyDue: null, consolidateBy: 25 };
const departments: ReportingCalendar = { kinds: ['half', 'year'], dueDay: 15, cutOffDay: 14, yearlyDue: '12-15', consolidateBy: null };
const national: ReportingCalendar = { kinds: ['month', 'quarter'], dueDay: 20, cutOffDay: 14, yearlyDue: null, consolidateBy: null };
const plan = { periodFrom: '2023', periodTo: '2025', calendar: wards };
const p = (key: string): Period => {
  const period = parsePeriodKey(key);
  if (!period) throw new Error(key);
  return period;
};
const d = (s: string) => s as IsoDate;

describe('data windows', () => {
  it.each([
    // The wards of Vũng Tàu: data from the 11th of the previous month to the 10th.
    [wards, '2024-05', '2024-04-11', '2024-05-10'],
    [wards, '2024-01', '2023-12-11', '2024-01-10'],
    [wards, '2024-Q2', '2024-03-11', '2024-06-10'],
    [wards, '2024-H1', '2023-12-11', '2024-06-10'],
    [wards, '2024-H2', '2024-06-11', '2024-12-10'],
    [wards, '2024', '2023-12-11', '2024-12-10'],
    // Nghị định 09/2019: from the 15th of the previous month to the 14th.
    [national, '2024-03', '2024-02-15', '2024-03-14'],
    [national, '2023-Q1', '2022-12-15', '2023-03-14'],
  ])('%#: %s', (calendar, key, from, to) => {
    expect(dataWindow(calendar, p(key))).toEqual({ from, to });
  });

  it('clamps a cut-off past the month end, leap years included', () => {
    const endOfMonth = { ...wards, cutOffDay: 31 };
    expect(dataWindow(endOfMonth, p('2024-02'))).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(dataWindow(endOfMonth, p('2023-02'))).toEqual({ from: '2023-02-01', to: '2023-02-28' });
    expect(dataWindow(endOfMonth, p('2023-03'))).toEqual({ from: '2023-03-01', to: '2023-03-31' });
    const c30 = { ...wards, cutOffDay: 30 };
    expect(dataWindow(c30, p('2024-03'))).toEqual({ from: '2024-03-01', to: '2024-03-30' });
    expect(dataWindow(c30, p('2100-03'))).toEqual({ from: '2100-03-01', to: '2100-03-30' }); // 2100 is not leap
  });

  it('a cut-off of 0 means calendar months', () => {
    expect(dataWindow({ ...wards, cutOffDay: 0 }, p('2024-Q1'))).toEqual({ from: '2024-01-01', to: '2024-03-31' });
  });

  it('windows of consecutive months tile the calendar: no gap, no overlap', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }),
      (cutOffDay, year, month) => {
        const cal = { ...wards, cutOffDay };
        const here = dataWindow(cal, { kind: 'month', year, month });
        const next = dataWindow(cal, month === 12 ? { kind: 'month', year: year + 1, month: 1 } : { kind: 'month', year, month: month + 1 });
        const dayAfter = new Date(Date.parse(`${here.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        return next.from === dayAfter && here.from <= here.to;
      }));
  });
});

describe('due dates', () => {
  it.each([
    // The May report covers 11/04–10/05 and is due 12/05 (DOMAIN: due on the 12th).
    [wards, '2024-05', '2024-05-12'],
    [wards, '2024-12', '2024-12-12'],
    [wards, '2024-Q2', '2024-06-12'],
    [wards, '2024', '2024-12-12'], // no yearlyDue: the ordinary rule
    [departments, '2024-H1', '2024-06-15'],
    [departments, '2024', '2024-12-15'], // yearly before 15 December
    [national, '2024-03', '2024-03-20'],
  ])('%#: %s', (calendar, key, due) => {
    expect(dueDate(calendar, p(key))).toBe(due);
  });

  it('a due day before the cut-off moves to the next month, across the year end', () => {
    const cal = { ...wards, dueDay: 5, cutOffDay: 14 };
    expect(dueDate(cal, p('2024-05'))).toBe('2024-06-05');
    expect(dueDate(cal, p('2024-12'))).toBe('2025-01-05');
    expect(dueDate(cal, p('2024-Q4'))).toBe('2025-01-05');
  });

  it('a due day past the month end falls on its last day', () => {
    const cal = { ...wards, dueDay: 31, cutOffDay: 10 };
    expect(dueDate(cal, p('2024-02'))).toBe('2024-02-29');
    expect(dueDate(cal, p('2023-02'))).toBe('2023-02-28');
    expect(dueDate(cal, p('2023-04'))).toBe('2023-04-30');
  });

  it('yearlyDue on 29 February falls on the 28th in a common year; an unreadable one uses dueDay', () => {
    expect(dueDate({ ...departments, yearlyDue: '02-29' }, p('2024'))).toBe('2024-02-29');
    expect(dueDate({ ...departments, yearlyDue: '02-29' }, p('2023'))).toBe('2023-02-28');
    expect(dueDate({ ...departments, yearlyDue: 'cuối năm' }, p('2023'))).toBe('2023-12-15');
  });

  it('the due date never comes before the end of the data window (without yearlyDue)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 31 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 2000, max: 2030 }),
      fc.integer({ min: 1, max: 12 }), (cutOffDay, dueDay, year, month) => {
        const cal = { ...wards, cutOffDay, dueDay };
        const period: Period = { kind: 'month', year, month };
        return dueDate(cal, period) >= dataWindow(cal, period).to;
      }));
  });

  it('periodSchedule reads the key and refuses what is not a period', () => {
    expect(periodSchedule(wards, '2024-05')).toMatchObject({ window: { from: '2024-04-11', to: '2024-05-10' }, due: '2024-05-12' });
    expect(periodSchedule(wards, '2024-13')).toBeNull();
  });
});

describe('on time or late', () => {
  const may = p('2024-05');
  it.each([
    ['2024-05-12T23:59:59.999+07:00', 'on-time'],
    ['2024-05-13T00:00:00+07:00', 'late'],
    ['2024-05-12T16:59:59Z', 'on-time'], // 23:59:59 in Vietnam
    ['2024-05-12T17:00:00Z', 'late'], // midnight in Vietnam
    ['2024-05-12T23:30:00-05:00', 'late'], // 13/05 11:30 in Vietnam
    ['2024-05-12T23:00:00', 'on-time'], // no offset: Vietnam time
    ['2024-05-12', 'on-time'],
    ['2024-04-01T08:00:00+07:00', 'on-time'], // early is on time
    ['2024-05-13T06:59:59.999+07:00', 'late'],
  ])('%s is %s', (at, expected) => {
    expect(timeliness(wards, may, at)).toBe(expected);
  });

  it('an unreadable timestamp is not judged', () => {
    for (const bad of ['', 'hôm qua', '2024-02-30T10:00:00Z', '2024-05-12T24:00:00Z', '2024-05-12T10:61:00Z'])
      expect(timeliness(wards, may, bad)).toBeNull();
  });

  it('reads instants and their Vietnam date', () => {
    expect(parseInstant('2024-02-29T17:00:00Z')).toBe(Date.parse('2024-02-29T17:00:00Z'));
    expect(localDate(Date.parse('2024-02-29T17:00:00Z'))).toBe('2024-03-01');
    expect(localDate(Date.parse('2023-12-31T16:59:59Z'))).toBe('2023-12-31');
    expect(localDate(Date.parse('2023-12-31T17:00:00Z'))).toBe('2024-01-01');
  });

  it('agrees with Date.parse on every ISO instant', () => {
    fc.assert(fc.property(fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }),
      (date) => parseInstant(date.toISOString()) === date.getTime()));
  });
});

describe('days left and the current period', () => {
  it('counts days to the due date, negative once past', () => {
    expect(daysUntilDue(wards, p('2024-05'), d('2024-05-01'))).toBe(11);
    expect(daysUntilDue(wards, p('2024-05'), d('2024-05-12'))).toBe(0);
    expect(daysUntilDue(wards, p('2024-05'), d('2024-05-15'))).toBe(-3);
    expect(daysUntilDue(wards, p('2024-02'), d('2024-01-31'))).toBe(12);
    expect(daysUntilDue(wards, p('2024-03'), d('2024-02-28'))).toBe(13); // through 29/02/2024
    expect(daysUntilDue(wards, p('2023-03'), d('2023-02-28'))).toBe(12);
    expect(daysUntilDue(departments, p('2024'), d('2023-12-15'))).toBe(366);
    expect(daysUntilDue(wards, p('2024-05'), d('2024-02-30'))).toBeNull();
  });

  it.each([
    ['2024-05-01', '2024-05'],
    ['2024-05-11', '2024-05'], // May data closed on the 10th, report still due on the 12th
    ['2024-05-12', '2024-05'],
    ['2024-05-13', '2024-06'],
    ['2024-12-13', '2025-01'],
    ['2024-12-31', '2025-01'],
  ])('on %s the wards report %s', (today, key) => {
    const found = currentPeriod(wards, 'month', d(today));
    expect(found && periodKey(found)).toBe(key);
  });

  it('stays inside the plan', () => {
    const at = (today: string) => {
      const found = currentPeriod(wards, 'month', d(today), plan);
      return found && periodKey(found);
    };
    expect(at('2022-06-01')).toBe('2023-01');
    expect(at('2025-12-12')).toBe('2025-12');
    expect(at('2025-12-13')).toBeNull();
    const found = currentPeriod(departments, 'half', d('2024-06-16'), plan);
    expect(found && periodKey(found)).toBe('2024-H2');
    const year = currentPeriod(departments, 'year', d('2024-12-15'), plan);
    expect(year && periodKey(year)).toBe('2024');
  });

  it.each([
    ['2024-05-10', '2024-05'],
    ['2024-05-11', '2024-06'],
    ['2024-12-11', '2025-01'],
    ['2024-02-29', '2024-03'],
  ])('data of %s belongs to %s', (date, key) => {
    const found = periodContaining(wards, 'month', d(date));
    expect(found && periodKey(found)).toBe(key);
  });

  it('data windows of quarters and years contain their dates', () => {
    const q = periodContaining(national, 'quarter', d('2024-12-20'));
    expect(q && periodKey(q)).toBe('2025-Q1');
    const y = periodContaining(departments, 'year', d('2024-12-14'));
    expect(y && periodKey(y)).toBe('2024');
  });
});

describe('periods of a plan 2023–2025', () => {
  it('counts every kind', () => {
    expect(periodsOfPlan(plan, 'month')).toHaveLength(36);
    expect(periodsOfPlan(plan, 'quarter')).toHaveLength(12);
    expect(periodsOfPlan(plan, 'half')).toHaveLength(6);
    expect(periodsOfPlan(plan, 'year').map(periodKey)).toEqual(['2023', '2024', '2025']);
    expect(periodKey(periodsOfPlan(plan, 'month')[0] as Period)).toBe('2023-01');
    expect(periodKey(periodsOfPlan(plan, 'month').at(-1) as Period)).toBe('2025-12');
  });

  it('keeps the periods that overlap a plan starting mid-year', () => {
    const mid = { periodFrom: '2023-07', periodTo: '2024-Q1' };
    expect(periodsOfPlan(mid, 'half').map(periodKey)).toEqual(['2023-H2', '2024-H1']);
    expect(periodsOfPlan(mid, 'quarter').map(periodKey)).toEqual(['2023-Q3', '2023-Q4', '2024-Q1']);
    expect(periodsOfPlan(mid, 'month')).toHaveLength(9);
    expect(periodsOfPlan({ periodFrom: 'x', periodTo: '2024' }, 'month')).toEqual([]);
    expect(periodsOfPlan({ periodFrom: '2025', periodTo: '2024' }, 'year')).toEqual([]);
  });

  it('lists the periods of each kind of the calendar', () => {
    const rows = reportingPeriods({ ...plan, calendar: departments });
    expect(rows.map((r) => [r.kind, r.periods.length])).toEqual([['half', 6], ['year', 3]]);
    expect(rows[0]?.periods.slice(0, 2)).toEqual(['2023-H1', '2023-H2']);
  });
});
