import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dueDate, formatDeadlineVi, isOverdue, lastDayOfPeriod, parseDeadline, type Deadline } from '../../../../shared/cells/deadline';
import { periodKey, type Period } from '../../../../shared/periods/keys';
import type { IsoDate, PeriodKey } from '../../../../shared/model/ids';

const iso = (s: string) => s as IsoDate;
const key = (s: string) => s as PeriodKey;

describe('parseDeadline: cells of the real plans', () => {
  it.each([
    ['Quý II/2023', '2023-Q2', '2023-06-30'],
    ['Quý I/2023', '2023-Q1', '2023-03-31'],
    ['Quý IV/2023', '2023-Q4', '2023-12-31'],
    ['Tháng 9/2023', '2023-09', '2023-09-30'],
    ['12/2023', '2023-12', '2023-12-31'],
    ['2023', '2023', '2023-12-31'],
    ['2024', '2024', '2024-12-31'],
  ])('%s is the period %s, due %s', (cell, period, due) => {
    const d = parseDeadline(cell);
    expect(d).toEqual({ kind: 'period', period, verbatim: cell });
    expect(dueDate(d)).toBe(due);
  });

  it.each([
    ['Quý II-III/2023', '2023-Q2', '2023-Q3', '2023-09-30'],
    ['2023-2025', '2023', '2025', '2025-12-31'],
    ['2022-2025', '2022', '2025', '2025-12-31'],
    ['2023-2024', '2023', '2024', '2024-12-31'],
  ])('%s is a span %s..%s, due at the end of the last: %s', (cell, from, to, due) => {
    const d = parseDeadline(cell);
    expect(d).toEqual({ kind: 'span', from, to, verbatim: cell });
    expect(dueDate(d)).toBe(due);
  });

  it.each([
    ['Hàng năm', 'year'], ['Hằng năm', 'year'], ['Hàng tháng', 'month'], ['Hằng quý', 'quarter'],
    ['Định kỳ hàng năm', 'year'], ['Định kỳ 6 tháng', 'half'],
  ])('%s recurs every %s and has no single due date', (cell, every) => {
    const d = parseDeadline(cell);
    expect(d).toEqual({ kind: 'recurring', every, verbatim: cell });
    expect(dueDate(d)).toBeNull();
  });

  it.each(['Thường xuyên', 'Liên tục', 'Thường xuyên, liên tục'])('%s is ongoing', (cell) =>
    expect(parseDeadline(cell)).toEqual({ kind: 'ongoing', verbatim: cell }));

  it.each(['', '   ', '-', '—', '\u00a0'])('%j is no deadline', (cell) =>
    expect(parseDeadline(cell)).toEqual({ kind: 'none', verbatim: cell }));

  it('prose stays text, as written', () => {
    const cell = 'Theo chương trình của Bộ TT&TT';
    expect(parseDeadline(cell)).toEqual({ kind: 'text', verbatim: cell });
    expect(dueDate(parseDeadline(cell))).toBeNull();
  });
});

describe('parseDeadline: variants a typist produces', () => {
  it.each([
    ['Quý 2/2023', '2023-Q2'],
    ['quý IV năm 2023', '2023-Q4'],
    ['QUÝ III/2023', '2023-Q3'],
    ['Quy II/2023', '2023-Q2'], // no Vietnamese keyboard
    ['Quý II/2023'.normalize('NFD'), '2023-Q2'],
    ['  Quý\u00a0II /  2023 ', '2023-Q2'],
    ['Quý II/2023.', '2023-Q2'],
    ['tháng 9 năm 2023', '2023-09'],
    ['09/2023', '2023-09'],
    ['Năm 2024', '2024'],
    ['6 tháng đầu năm 2024', '2024-H1'],
    ['6 tháng cuối năm 2024', '2024-H2'],
    ['Trong quý III/2023', '2023-Q3'],
    ['Chậm nhất quý III/2023', '2023-Q3'],
    ['Đến hết năm 2023', '2023'],
    ['Trong năm 2023', '2023'],
  ])('%j is the period %s', (cell, period) =>
    expect(parseDeadline(cell)).toEqual({ kind: 'period', period, verbatim: cell }));

  it.each([
    ['Quý II - III/2023', '2023-Q2', '2023-Q3'],
    ['Quý II-Quý III/2023', '2023-Q2', '2023-Q3'],
    ['Tháng 9-12/2023', '2023-09', '2023-12'],
    ['Quý IV/2023 - Quý I/2024', '2023-Q4', '2024-Q1'],
    ['2023 – 2025', '2023', '2025'],
    ['Giai đoạn 2023-2025', '2023', '2025'],
    ['Từ năm 2023 đến năm 2025', '2023', '2025'],
  ])('%j is the span %s..%s', (cell, from, to) =>
    expect(parseDeadline(cell)).toEqual({ kind: 'span', from, to, verbatim: cell }));

  it.each([
    ['30/6/2023', '2023-06-30'],
    ['trước 30/6/2023', '2023-06-30'],
    ['Trước ngày 30/06/2023', '2023-06-30'],
    ['ngày 15 tháng 12 năm 2023', '2023-12-15'],
    ['Hạn: 15/12/2023', '2023-12-15'],
    ['29/2/2024', '2024-02-29'],
  ])('%j is the date %s', (cell, date) => {
    const d = parseDeadline(cell);
    expect(d).toEqual({ kind: 'date', date, verbatim: cell });
    expect(dueDate(d)).toBe(date);
  });

  it.each([
    ['13/2023', 'no 13th month'],
    ['Quý V/2023', 'no fifth quarter'],
    ['31/4/2023', 'April has 30 days'],
    ['29/2/2023', '2023 is not a leap year'],
    ['2025-2023', 'a span running backwards'],
    ['Quý III-II/2023', 'a span running backwards'],
    ['Quý II-II/2023', 'a span of one quarter is not a span'],
    ['Trước quý III/2023', 'read both as "by the end of" and "before the start of"'],
    ['12345', 'not a year'],
    ['Hàng tuần', 'no weekly period'],
  ])('%j is text: %s', (cell) => expect(parseDeadline(cell).kind).toBe('text'));
});

describe('dueDate and isOverdue', () => {
  it('gives the last calendar day of every period kind', () => {
    expect(lastDayOfPeriod(key('2024-02'))).toBe('2024-02-29');
    expect(lastDayOfPeriod(key('2023-02'))).toBe('2023-02-28');
    expect(lastDayOfPeriod(key('2024-H1'))).toBe('2024-06-30');
    expect(lastDayOfPeriod(key('2024-H2'))).toBe('2024-12-31');
    expect(lastDayOfPeriod(key('2024-Q3'))).toBe('2024-09-30');
    expect(lastDayOfPeriod(key('not a key'))).toBeNull();
  });

  it('is overdue only after the due day', () => {
    const d = parseDeadline('Quý II/2023');
    expect(isOverdue(d, iso('2023-06-30'))).toBe(false);
    expect(isOverdue(d, iso('2023-07-01'))).toBe(true);
    expect(isOverdue(d, iso('2022-12-31'))).toBe(false);
  });

  it.each(['Hàng năm', 'Thường xuyên', '', 'Theo chương trình của Bộ TT&TT'])('%j is never overdue', (cell) =>
    expect(isOverdue(parseDeadline(cell), iso('2099-12-31'))).toBe(false));

  it('refuses a today that is not an ISO date rather than comparing strings wrongly', () =>
    expect(isOverdue(parseDeadline('2023'), iso('31/12/2024'))).toBe(false));
});

const aPeriod: fc.Arbitrary<Period> = fc.integer({ min: 1900, max: 2199 }).chain((year) => fc.oneof(
  fc.integer({ min: 1, max: 12 }).map((month): Period => ({ kind: 'month', year, month })),
  fc.integer({ min: 1, max: 4 }).map((quarter): Period => ({ kind: 'quarter', year, quarter })),
  fc.integer({ min: 1, max: 2 }).map((half): Period => ({ kind: 'half', year, half })),
  fc.constant<Period>({ kind: 'year', year }),
));

describe('parseDeadline: properties', () => {
  it('never throws and keeps the cell verbatim, whatever the text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (c) => parseDeadline(c).verbatim === c), { numRuns: 2000 });
    fc.assert(fc.property(fc.string(), (c) => parseDeadline(c).verbatim === c), { numRuns: 2000 });
  });

  it('never throws on text built from deadline words', () => {
    const word = fc.constantFrom('Quý', 'quy', 'II', 'IV', 'Tháng', '/', '-', ' ', '2023', '9', '30', 'năm', 'trước', 'đến', 'Hàng', 'từ', '.');
    fc.assert(fc.property(fc.array(word, { maxLength: 8 }), (ws) => {
      const c = ws.join('');
      const d = parseDeadline(c);
      const due = dueDate(d);
      return d.verbatim === c && (due === null || /^\d{4}-\d{2}-\d{2}$/u.test(due));
    }), { numRuns: 3000 });
  });

  it('reads back every period as the plans label it (formatPeriodVi)', () => {
    fc.assert(fc.property(aPeriod, (p) => {
      const d: Deadline = { kind: 'period', period: periodKey(p), verbatim: '' };
      expect(parseDeadline(formatDeadlineVi(d))).toMatchObject({ kind: 'period', period: periodKey(p) });
    }));
  });

  it('reads back every span and date it formats', () => {
    fc.assert(fc.property(aPeriod, aPeriod, (a, b) => {
      const [from, to] = [periodKey(a), periodKey(b)];
      const d: Deadline = { kind: 'span', from, to, verbatim: '' };
      const back = parseDeadline(formatDeadlineVi(d));
      // Only well-ordered pairs are spans; the others must not come back as anything but text.
      if (back.kind === 'span') expect(back).toMatchObject({ from, to });
      else expect(back.kind).toBe('text');
    }));
    fc.assert(fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }), (dt) => {
      const date = iso(dt.toISOString().slice(0, 10));
      expect(parseDeadline(formatDeadlineVi({ kind: 'date', date, verbatim: '' }))).toMatchObject({ kind: 'date', date });
    }));
  });

  it('formats each recurrence, ongoing and none so that they read back the same', () => {
    for (const every of ['year', 'half', 'quarter', 'month'] as const)
      expect(parseDeadline(formatDeadlineVi({ kind: 'recurring', every, verbatim: '' }))).toMatchObject({ kind: 'recurring', every });
    expect(parseDeadline(formatDeadlineVi({ kind: 'ongoing', verbatim: '' })).kind).toBe('ongoing');
    expect(parseDeadline(formatDeadlineVi({ kind: 'none', verbatim: '-' })).kind).toBe('none');
  });
});
