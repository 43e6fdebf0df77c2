import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  daysInMonth, formatDateVi, formatDecimalVi, formatNumberVi, formatPercentVi, isoDate, parseDateVi,
  parseNumberInputVi, parseRatioInputVi, readNumberVi,
} from '../../../shared/format/vi';

describe('formatting numbers the Vietnamese way', () => {
  it.each([
    [2_876_939, 0, '2.876.939'], [350_000, 0, '350.000'], [999, 0, '999'], [1000, 0, '1.000'], [0, 0, '0'],
    [-1234, 0, '-1.234'], [1234.5, 2, '1.234,5'], [1234.567, 2, '1.234,57'], [1.005, 2, '1,01'], [-0.001, 2, '0'],
    [0.5, 0, '1'], [-2.5, 0, '-3'],
  ])('formatNumberVi(%d, %d) = %s', (n, digits, text) => expect(formatNumberVi(n, digits)).toBe(text));

  it.each([[98.2678, 2, '98,27'], [5, 2, '5,00'], [1234.5, 1, '1.234,5'], [0.125, 2, '0,13'], [7, 0, '7']])(
    'formatDecimalVi(%d, %d) = %s', (n, digits, text) => expect(formatDecimalVi(n, digits)).toBe(text));

  it.each([[98.2678, '98,27%'], [100, '100%'], [98.2, '98,2%'], [98.27325434837408, '98,27%'], [0, '0%'], [8.5, '8,5%']])(
    'formatPercentVi(%d) = %s', (n, text) => expect(formatPercentVi(n)).toBe(text));

  it('does not pretend to format what is not a number', () => {
    expect(formatNumberVi(Number.NaN)).toBe('NaN');
    expect(formatNumberVi(Number.POSITIVE_INFINITY)).toBe('Infinity');
    expect(formatNumberVi(1e21)).toBe('1e+21');
  });
});

describe('readNumberVi', () => {
  it.each<[string, 'grouped' | 'decimal', number | null]>([
    ['2.876.939', 'grouped', 2_876_939], ['2.876.939', 'decimal', 2_876_939],
    ['1.234', 'grouped', 1234], ['1.234', 'decimal', 1234], ['10,000', 'grouped', 10_000], ['10,000', 'decimal', 10],
    ['1,5', 'grouped', 1.5], ['98.27', 'decimal', 98.27], ['1.234,5', 'decimal', 1234.5], ['10,000.5', 'grouped', 10_000.5],
    ['0.500', 'grouped', 0.5], ['−5', 'decimal', -5], ['+5', 'decimal', 5],
    ['1..2', 'decimal', null], ['1.2.3', 'grouped', null], ['1,2.3,4', 'decimal', null], ['12 34', 'grouped', null],
    ['', 'grouped', null], ['.5', 'decimal', null], ['5.', 'decimal', null], ['1e5', 'decimal', null], ['9'.repeat(400), 'grouped', null],
  ])('%j read %s is %s', (text, reading, value) => expect(readNumberVi(text, reading)).toBe(value));

  it('reads back whatever formatNumberVi prints, in both readings (up to two decimals)', () => {
    fc.assert(fc.property(fc.integer({ min: -9_000_000_000_000, max: 9_000_000_000_000 }), (cents) => {
      const n = cents / 100;
      const text = formatNumberVi(n, 2);
      expect(readNumberVi(text, 'decimal')).toBe(n === 0 ? 0 : n);
      expect(readNumberVi(text, 'grouped')).toBe(n === 0 ? 0 : n);
    }), { numRuns: 2000 });
  });

  it('never throws', () =>
    fc.assert(fc.property(fc.string({ unit: 'binary' }), fc.constantFrom('grouped', 'decimal') as fc.Arbitrary<'grouped' | 'decimal'>,
      (s, r) => { const v = readNumberVi(s, r); return v === null || Number.isFinite(v); }), { numRuns: 2000 }));
});

describe('dates', () => {
  it('formats ISO dates day first', () => {
    expect(formatDateVi('2024-12-15')).toBe('15/12/2024');
    expect(formatDateVi('2024-01-05')).toBe('05/01/2024');
    expect(formatDateVi('hôm qua')).toBe('hôm qua');
  });

  it.each([
    ['15/12/2024', '2024-12-15'], ['15-12-2024', '2024-12-15'], ['15.12.2024', '2024-12-15'], ['5/1/2024', '2024-01-05'],
    [' 05 / 01 / 2024 ', '2024-01-05'], ['2024-12-15', '2024-12-15'], ['ngày 5 tháng 1 năm 2024', '2024-01-05'],
    ['29/2/2024', '2024-02-29'],
  ])('parseDateVi(%j) = %s', (text, value) => expect(parseDateVi(text)).toEqual({ ok: true, value }));

  it.each([['31/4/2024'], ['29/2/2023'], ['15/12/24'], ['12/15/2024'], ['15/12-2024'], ['mai']])('parseDateVi(%j) explains the error in Vietnamese', (text) => {
    const r = parseDateVi(text);
    expect(r).toMatchObject({ ok: false, reason: 'invalid' });
    if (!r.ok) expect(r.message).toMatch(/^Ngày không hợp lệ: “.*” \(nhập theo dạng ngày\/tháng\/năm/u);
  });

  it('an empty field is its own reason', () => expect(parseDateVi('  ')).toMatchObject({ ok: false, reason: 'empty', message: 'Chưa nhập ngày.' }));

  it('knows the calendar', () => {
    expect([daysInMonth(2024, 2), daysInMonth(2023, 2), daysInMonth(1900, 2), daysInMonth(2000, 2), daysInMonth(2024, 4)]).toEqual([29, 28, 28, 29, 30]);
    expect(isoDate(2024, 13, 1)).toBeNull();
    expect(isoDate(2024, 2.5, 1)).toBeNull();
  });

  it('reads back every date it formats', () => {
    fc.assert(fc.property(fc.date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }), (d) => {
      const iso = d.toISOString().slice(0, 10);
      expect(parseDateVi(formatDateVi(iso))).toEqual({ ok: true, value: iso });
    }), { numRuns: 2000 });
  });

  it('never throws', () => fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => typeof parseDateVi(s).ok === 'boolean')));
});

describe('what an officer types', () => {
  it.each<[string, 'count' | 'decimal', number]>([
    ['98,27', 'decimal', 98.27], ['98.27', 'decimal', 98.27], ['98,27%', 'decimal', 98.27], ['1.234,5', 'decimal', 1234.5],
    ['23.391', 'count', 23_391], ['23391', 'count', 23_391], ['2 876 939', 'count', 2_876_939], ['0', 'count', 0],
    ['-1,5', 'decimal', -1.5], ['-0', 'decimal', 0],
  ])('%j as %s is %d', (text, kind, value) => expect(parseNumberInputVi(text, { kind })).toEqual({ ok: true, value }));

  it.each<[string, 'count' | 'decimal', string, RegExp]>([
    ['', 'decimal', 'empty', /^Chưa nhập số\.$/u],
    ['abc', 'decimal', 'invalid', /^Số không hợp lệ: “abc”\.$/u],
    ['98,27%', 'count', 'invalid', /^Số không hợp lệ/u],
    ['1.234,5', 'count', 'not-integer', /^Số lượng phải là số nguyên/u],
    ['12,5', 'count', 'not-integer', /^Số lượng phải là số nguyên/u],
    ['-3', 'count', 'negative', /^Số lượng không được âm/u],
  ])('%j as %s is refused: %s', (text, kind, reason, message) => {
    const r = parseNumberInputVi(text, { kind });
    expect(r).toMatchObject({ ok: false, reason });
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('reads a ratio of counts, keeping both sides and the unrounded percent', () => {
    const r = parseRatioInputVi('23.391/23.802');
    expect(r).toMatchObject({ ok: true, numerator: 23_391, denominator: 23_802 });
    if (r.ok) {
      expect(r.percent).toBeCloseTo(98.2732543, 6);
      expect(formatPercentVi(r.percent)).toBe('98,27%');
    }
    expect(parseRatioInputVi(' 17 / 17 ')).toEqual({ ok: true, numerator: 17, denominator: 17, percent: 100 });
    expect(parseRatioInputVi('105/100')).toMatchObject({ ok: true, percent: 105 });
  });

  it.each([
    ['', 'empty'], ['23.391', 'invalid'], ['1/2/3', 'invalid'], ['/5', 'invalid'], ['5/', 'invalid'], ['5/0', 'zero-denominator'],
    ['1,5/2', 'not-integer'], ['a/b', 'invalid'],
  ])('refuses the ratio %j: %s', (text, reason) => expect(parseRatioInputVi(text)).toMatchObject({ ok: false, reason }));

  it('never throws, and every refusal has a message', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), fc.constantFrom('count', 'decimal') as fc.Arbitrary<'count' | 'decimal'>, (s, kind) => {
      const a = parseNumberInputVi(s, { kind });
      const b = parseRatioInputVi(s);
      return (a.ok || a.message.length > 0) && (b.ok || b.message.length > 0);
    }), { numRuns: 2000 });
  });

  it('reads back counts it formats', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
      expect(parseNumberInputVi(formatNumberVi(n), { kind: 'count' })).toEqual({ ok: true, value: n });
    }));
  });
});
