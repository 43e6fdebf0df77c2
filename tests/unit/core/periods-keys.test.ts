import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  contains, formatPeriodEn, formatPeriodVi, isPeriodKey, monthRange, parsePeriodKey, periodKey, periodsOfKind, type Period,
} from '../../../shared/periods/keys';
import { parseDeadline } from '../../../shared/cells/deadline';

const p = (key: string): Period => {
  const r = parsePeriodKey(key);
  if (!r) throw new Error(`not a period key: ${key}`);
  return r;
};

describe('period keys (DESIGN.md contract)', () => {
  it.each<[string, Period]>([
    ['2024-05', { kind: 'month', year: 2024, month: 5 }],
    ['2024-12', { kind: 'month', year: 2024, month: 12 }],
    ['2024-Q2', { kind: 'quarter', year: 2024, quarter: 2 }],
    ['2024-H1', { kind: 'half', year: 2024, half: 1 }],
    ['2024', { kind: 'year', year: 2024 }],
  ])('%s is read and written back', (key, period) => {
    expect(parsePeriodKey(key)).toEqual(period);
    expect(periodKey(period)).toBe(key);
    expect(isPeriodKey(key)).toBe(true);
  });

  it.each(['2024-5', '2024-00', '2024-13', '2024-Q0', '2024-Q5', '2024-H3', '2024-q2', '24', '2024-', ' 2024', '2024-W05', ''])(
    '%j is not a key', (key) => {
      expect(parsePeriodKey(key)).toBeNull();
      expect(isPeriodKey(key)).toBe(false);
    });

  it.each([
    ['2024-05', 'Tháng 5/2024', 'May 2024'],
    ['2024-Q2', 'Quý II/2024', 'Q2 2024'],
    ['2024-Q4', 'Quý IV/2024', 'Q4 2024'],
    ['2024-H1', '6 tháng đầu năm 2024', 'H1 2024'],
    ['2024-H2', '6 tháng cuối năm 2024', 'H2 2024'],
    ['2024', 'Năm 2024', 'Year 2024'],
  ])('%s is labelled %j in Vietnamese and %j in English', (key, vi, en) => {
    expect(formatPeriodVi(p(key))).toBe(vi);
    expect(formatPeriodEn(p(key))).toBe(en);
  });

  it('knows the months each period covers', () => {
    expect(monthRange(p('2024-Q3'))).toEqual({ year: 2024, first: 7, last: 9 });
    expect(monthRange(p('2024-H2'))).toEqual({ year: 2024, first: 7, last: 12 });
    expect(monthRange(p('2024'))).toEqual({ year: 2024, first: 1, last: 12 });
  });

  it.each([
    ['2024', '2024-05', true], ['2024-H1', '2024-Q2', true], ['2024-H1', '2024-Q3', false], ['2024-Q2', '2024-06', true],
    ['2024-Q2', '2024-07', false], ['2024-Q2', '2024-H1', false], ['2024', '2025-01', false], ['2024-05', '2024-05', true],
    ['2024-05', '2024', false],
  ])('%s contains %s: %s', (outer, inner, expected) => expect(contains(p(outer), p(inner))).toBe(expected));

  it('lists every period of a kind in order', () => {
    expect(periodsOfKind('quarter', 2023, 2024).map(periodKey)).toEqual(
      ['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']);
    expect(periodsOfKind('half', 2024, 2024).map(periodKey)).toEqual(['2024-H1', '2024-H2']);
    expect(periodsOfKind('year', 2023, 2025).map(periodKey)).toEqual(['2023', '2024', '2025']);
    expect(periodsOfKind('month', 2024, 2024).map(periodKey)).toEqual(
      ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2024-${m}`));
    expect(periodsOfKind('month', 2025, 2024)).toEqual([]);
  });
});

const aYear = fc.integer({ min: 1000, max: 9999 });
const aPeriod: fc.Arbitrary<Period> = aYear.chain((year) => fc.oneof(
  fc.integer({ min: 1, max: 12 }).map((month): Period => ({ kind: 'month', year, month })),
  fc.integer({ min: 1, max: 4 }).map((quarter): Period => ({ kind: 'quarter', year, quarter })),
  fc.integer({ min: 1, max: 2 }).map((half): Period => ({ kind: 'half', year, half })),
  fc.constant<Period>({ kind: 'year', year }),
));

describe('period keys: properties', () => {
  it('key → period → key is the identity', () =>
    fc.assert(fc.property(aPeriod, (period) => { expect(parsePeriodKey(periodKey(period))).toEqual(period); })));

  it('the Vietnamese label reads back as the same period (parseDeadline understands it)', () =>
    fc.assert(fc.property(aPeriod.filter((x) => x.year >= 1900 && x.year <= 2199), (period) => {
      expect(parseDeadline(formatPeriodVi(period))).toMatchObject({ kind: 'period', period: periodKey(period) });
    })));

  it('every month of a year lies in exactly one period of each kind, and in the year', () =>
    fc.assert(fc.property(aYear, fc.integer({ min: 1, max: 12 }), (year, month) => {
      const m: Period = { kind: 'month', year, month };
      for (const kind of ['month', 'quarter', 'half', 'year'] as const)
        expect(periodsOfKind(kind, year, year).filter((outer) => contains(outer, m))).toHaveLength(1);
    })));

  it('containment is reflexive and never crosses years', () =>
    fc.assert(fc.property(aPeriod, aPeriod, (a, b) => {
      expect(contains(a, a)).toBe(true);
      if (a.year !== b.year) expect(contains(a, b)).toBe(false);
      if (contains(a, b) && contains(b, a)) expect(periodKey(a)).toBe(periodKey(b));
    })));

  it('never throws on any text', () =>
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      const r = parsePeriodKey(s);
      return r === null || periodKey(r) === s;
    })));
});
