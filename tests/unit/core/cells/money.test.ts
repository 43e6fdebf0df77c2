import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatMoneyVi, parseMoney } from '../../../../shared/cells/money';

describe('parseMoney: million VND', () => {
  it.each([
    ['350.000', 350_000], ['215.499', 215_499], ['2.876.939', 2_876_939], ['1.234,5', 1234.5],
    ['10,000', 10_000], ['10,000.5', 10_000.5], ['350', 350], ['1,5', 1.5], ['10.5', 10.5],
    ['2 876 939', 2_876_939], ['2\u00a0876\u00a0939', 2_876_939], ['0', 0], ['0.500', 0.5],
    ['350 triệu đồng', 350], ['350 tr.đ', 350], ['1,5 tỷ đồng', 1500], ['1,1 tỷ', 1100], ['350.000.', 350_000],
  ])('%j is %d million', (cell, millionVnd) => expect(parseMoney(cell)).toEqual({ kind: 'amount', millionVnd, verbatim: cell }));

  it('reads the ambiguous single separator as the tables mean it', () => {
    // Money columns hold thousands of millions far more often than thousandths of a million.
    expect(parseMoney('1.234')).toMatchObject({ millionVnd: 1234 });
    expect(parseMoney('1,234')).toMatchObject({ millionVnd: 1234 });
    // Anything but exactly three digits after it can only be a decimal mark.
    expect(parseMoney('1,5')).toMatchObject({ millionVnd: 1.5 });
    expect(parseMoney('1.25')).toMatchObject({ millionVnd: 1.25 });
  });

  it.each(['', '-', '–', '  '])('%j states no amount', (cell) => expect(parseMoney(cell)).toEqual({ kind: 'none', verbatim: cell }));

  it.each([
    ['Ngân sách tỉnh', 'a funding source, not an amount'],
    ['1.23.456', 'broken grouping'],
    ['1.234.5678', 'broken grouping'],
    ['1,234.567,8', 'two decimal marks'],
    ['-5', 'a negative budget'],
    ['350 USD', 'another currency'],
  ])('%j is text: %s', (cell) => expect(parseMoney(cell).kind).toBe('text'));

  it('never throws and keeps the cell verbatim', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (c) => parseMoney(c).verbatim === c), { numRuns: 2000 });
    const piece = fc.constantFrom('1', '23', '456', '.', ',', ' ', '-', 'tỷ', 'triệu', '0');
    fc.assert(fc.property(fc.array(piece, { maxLength: 10 }), (ps) => {
      const m = parseMoney(ps.join(''));
      return m.kind !== 'amount' || (Number.isFinite(m.millionVnd) && m.millionVnd >= 0);
    }), { numRuns: 3000 });
  });

  it('reads back what it formats (up to two decimals)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 9_000_000_000_000 }), (cents) => {
      const millionVnd = cents / 100;
      expect(parseMoney(formatMoneyVi(millionVnd))).toMatchObject({ kind: 'amount', millionVnd });
    }), { numRuns: 2000 });
    expect(formatMoneyVi(2_876_939)).toBe('2.876.939');
  });
});
