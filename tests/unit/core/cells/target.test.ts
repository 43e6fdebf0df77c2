import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatTargetVi, meetsTarget, parseTarget, type Target, type TargetQualifier } from '../../../../shared/cells/target';

describe('parseTarget: cells of the real plans', () => {
  it.each([
    ['100%', 100], ['8,5%', 8.5], ['50%', 50], ['29,2%', 29.2], ['98,02%', 98.02], ['18,82%', 18.82],
  ])('%s is at least %d percent', (cell, value) =>
    expect(parseTarget(cell)).toEqual({ kind: 'value', comparator: 'gte', value, unit: 'percent', qualifier: null, verbatim: cell }));

  it.each([
    ['30% - 50%', 30, 50], ['60-70%', 60, 70], ['90% - 95%', 90, 95],
  ])('%s is a range %d..%d', (cell, min, max) =>
    expect(parseTarget(cell)).toEqual({ kind: 'range', comparator: 'range', min, max, unit: 'percent', qualifier: null, verbatim: cell }));

  it('17/17 counts units: 17 of 17 must meet', () =>
    expect(parseTarget('17/17')).toEqual({ kind: 'count', comparator: 'gte', numerator: 17, denominator: 17, unit: 'count', qualifier: null, verbatim: '17/17' }));

  it.each([
    ['Trên 95%', 'gt', 95, null],
    ['Duy trì 100%', 'gte', 100, 'maintain'],
    ['Duy trì 85%', 'gte', 85, 'maintain'],
    ['Duy trì trên 90%', 'gt', 90, 'maintain'],
    ['Duy trì trên 80%', 'gt', 80, 'maintain'],
    ['Phấn đấu 90%', 'gte', 90, 'strive'],
    ['Khuyến khích 100%', 'gte', 100, 'encourage'],
    ['tối thiểu 10%', 'gte', 10, null],
  ])('%s: %s %d, qualifier %s', (cell, comparator, value, qualifier) =>
    expect(parseTarget(cell)).toEqual({ kind: 'value', comparator, value, unit: 'percent', qualifier, verbatim: cell }));

  it.each(['-', '', ' ', '–'])('%j is no target', (cell) => expect(parseTarget(cell)).toEqual({ kind: 'none', verbatim: cell }));
});

describe('parseTarget: other wordings', () => {
  it.each([
    ['Ít nhất 80%', 'gte', 80], ['Không dưới 80%', 'gte', 80], ['Dưới 5%', 'lt', 5], ['Không quá 5%', 'lte', 5],
    ['Tối đa 5%', 'lte', 5], ['>95%', 'gt', 95], ['≥ 95%', 'gte', 95], ['Đạt 100%', 'gte', 100],
    ['98.02%', 'gte', 98.02], ['100 %', 'gte', 100], ['TRÊN 95%', 'gt', 95], ['Trên 95%'.normalize('NFD'), 'gt', 95],
  ])('%j: %s %d percent', (cell, comparator, value) =>
    expect(parseTarget(cell)).toMatchObject({ kind: 'value', comparator, value, unit: 'percent' }));

  it.each([['1.000', 1000], ['12,5', 12.5], ['350', 350], ['Ít nhất 2', 2]])('%j is the plain number %d', (cell, value) =>
    expect(parseTarget(cell)).toMatchObject({ kind: 'value', comparator: 'gte', value, unit: 'number' }));

  it.each([['Từ 30% đến 50%', 30, 50], ['30%-50%', 30, 50], ['60 – 70%', 60, 70], ['Phấn đấu 60-70%', 60, 70]])('%j is a range', (cell, min, max) =>
    expect(parseTarget(cell)).toMatchObject({ kind: 'range', min, max, unit: 'percent' }));

  it.each([
    ['Tăng 10%', 'an increase is relative to an unknown base'],
    ['70-60%', 'a range running backwards'],
    ['30%-50', 'a percent and a plain number'],
    ['18/17', 'more units than there are'],
    ['17/0', 'no units'],
    ['Trên 30-50%', 'a comparator on a range'],
    ['100% thủ tục hành chính', 'a figure followed by prose'],
    ['Ít nhất', 'a comparator without a figure'],
  ])('%j is text: %s', (cell) => expect(parseTarget(cell).kind).toBe('text'));
});

describe('meetsTarget', () => {
  const t = parseTarget;
  it.each<[string, Parameters<typeof meetsTarget>[1], string]>([
    ['100%', { percent: 100 }, 'met'],
    ['100%', { percent: 99.99 }, 'not-met'],
    ['100%', { numerator: 23802, denominator: 23802 }, 'met'],
    ['85%', { numerator: 23391, denominator: 23802 }, 'met'],
    ['Trên 95%', { percent: 95 }, 'not-met'],
    ['Trên 95%', { percent: 95.01 }, 'met'],
    ['Duy trì trên 90%', { percent: 90.5 }, 'met'],
    ['Dưới 5%', { percent: 5 }, 'not-met'],
    ['Dưới 5%', { percent: 4.9 }, 'met'],
    ['Không quá 5%', { percent: 5 }, 'met'],
    ['60-70%', { percent: 60 }, 'met'],
    ['60-70%', { percent: 85 }, 'met'],
    ['60-70%', { percent: 59.9 }, 'not-met'],
    ['17/17', { numerator: 17, denominator: 17 }, 'met'],
    ['17/17', { numerator: 16, denominator: 17 }, 'not-met'],
    ['17/17', { value: 17 }, 'met'],
    ['17/17', { percent: 100 }, 'met'],
    ['17/17', { percent: 94 }, 'not-met'],
    ['1.000', { value: 1200 }, 'met'],
    ['1.000', { value: 999 }, 'not-met'],
    ['1.000', { percent: 100 }, 'unknown'],
    ['100%', {}, 'unknown'],
    ['100%', { numerator: 5, denominator: 0 }, 'unknown'],
    ['100%', { percent: Number.NaN }, 'unknown'],
    ['-', { percent: 100 }, 'unknown'],
    ['Theo hướng dẫn của Bộ', { percent: 100 }, 'unknown'],
  ])('%s with %j: %s', (cell, achieved, outcome) => expect(meetsTarget(t(cell), achieved)).toBe(outcome));

  it('does not fail a target reached exactly because of floating point', () => {
    // 29/30 * 100 = 96.66666666666667, 0.1 + 0.2 style noise must not turn "met" into "not met".
    expect(meetsTarget(t('96,66666666666667%'), { numerator: 29, denominator: 30 })).toBe('met');
    expect(meetsTarget(t('30%'), { percent: 0.1 * 300 })).toBe('met');
  });
});

const aQualifier = fc.constantFrom<TargetQualifier | null>(null, 'maintain', 'strive', 'encourage');
const aFigure = fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 100); // two decimals at most

const aTarget: fc.Arbitrary<Target> = fc.oneof(
  fc.record({
    kind: fc.constant('value' as const), comparator: fc.constantFrom('gte', 'gt', 'lte', 'lt', 'eq') as fc.Arbitrary<'gte' | 'gt' | 'lte' | 'lt' | 'eq'>,
    value: aFigure, unit: fc.constantFrom('percent', 'number') as fc.Arbitrary<'percent' | 'number'>, qualifier: aQualifier, verbatim: fc.constant(''),
  }),
  fc.tuple(aFigure, aFigure).filter(([a, b]) => a < b).chain(([min, max]) => fc.record({
    kind: fc.constant('range' as const), comparator: fc.constant('range' as const), min: fc.constant(min), max: fc.constant(max),
    unit: fc.constantFrom('percent', 'number') as fc.Arbitrary<'percent' | 'number'>, qualifier: aQualifier, verbatim: fc.constant(''),
  })),
  fc.integer({ min: 1, max: 9999 }).chain((denominator) => fc.record({
    kind: fc.constant('count' as const), comparator: fc.constantFrom('gte', 'gt', 'lte', 'lt', 'eq') as fc.Arbitrary<'gte' | 'gt' | 'lte' | 'lt' | 'eq'>,
    numerator: fc.integer({ min: 0, max: denominator }), denominator: fc.constant(denominator), unit: fc.constant('count' as const),
    qualifier: aQualifier, verbatim: fc.constant(''),
  })),
);

describe('parseTarget: properties', () => {
  it('never throws and keeps the cell verbatim, whatever the text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (c) => parseTarget(c).verbatim === c), { numRuns: 2000 });
    const word = fc.constantFrom('Trên', 'Duy trì', ' ', '%', '-', '/', '17', '8,5', '1.000', 'đến', 'Từ', '.', ',', '0');
    fc.assert(fc.property(fc.array(word, { maxLength: 8 }), (ws) => {
      const c = ws.join('');
      const r = parseTarget(c);
      return r.verbatim === c && meetsTarget(r, { percent: 50, numerator: 1, denominator: 2, value: 3 }) !== undefined;
    }), { numRuns: 3000 });
  });

  it('reads back every target it formats', () => {
    fc.assert(fc.property(aTarget, (target) => {
      const text = formatTargetVi(target);
      expect(parseTarget(text)).toEqual({ ...target, verbatim: text });
    }), { numRuns: 1000 });
  });
});
