import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { judgeTarget, mergeItems, readMoney, rollUpIndicator, type UnitReport } from '../../../../shared/consolidation';
import type { IsoDate } from '../../../../shared/model/ids';
import { W, entry, item, ratio, report } from './fixtures';

const options = { asOf: '2024-05-10' as IsoDate, year: 2024, judge: (i: { target: string }) => judgeTarget(i.target), money: readMoney };

describe('indicator roll-ups', () => {
  it('sums numerators over denominators, never averaging percentages (hand-computed)', () => {
    // 23.391/23.802 hồ sơ, 100/120, 0/0 → 23 491/23 922 = 98.19831…%, not the mean of 98.27, 83.33 and nothing.
    const r = rollUpIndicator([ratio('i1', 23391, 23802), ratio('i1', 100, 120), ratio('i1', 0, 0)], judgeTarget('Trên 95%'));
    expect(r).toMatchObject({ numerator: 23491, denominator: 23922, ratioUnits: 3, met: true });
    expect(r.value).toBe((100 * 23491) / 23922);
    expect(r.value).not.toBeCloseTo((98.2732543 + 83.3333333) / 2, 1);
    // Per unit: 98.27 > 95 yes, 83.33 no, 0/0 cannot be judged.
    expect([r.unitsMeeting, r.unitsJudged]).toEqual([1, 2]);
  });

  it('is unrounded and not met just below the target', () => {
    const r = rollUpIndicator([ratio('i', 1, 3), ratio('i', 1, 3)], judgeTarget('100%'));
    expect(r).toMatchObject({ numerator: 2, denominator: 6, value: 100 / 3, met: false });
  });

  it('has null sums when no unit reported a ratio, and a null value for a zero denominator', () => {
    expect(rollUpIndicator([ratio('i', null, null, { value: 97 }), ratio('i', null, null, { text: 'Đạt' })], judgeTarget('95%')))
      .toMatchObject({ numerator: null, denominator: null, value: null, valueUnits: 1, textUnits: 1, met: null, unitsMeeting: 1 });
    expect(rollUpIndicator([ratio('i', 0, 0)], judgeTarget('95%'))).toMatchObject({ numerator: 0, denominator: 0, value: null, met: null });
  });

  it('counts the units meeting a 17/17 target', () => {
    const values = [ratio('i', 5, 5), ratio('i', 3, 4), ratio('i', null, null, { value: 100 }), ratio('i', 9, 9)];
    const r = rollUpIndicator(values, judgeTarget('17/17'));
    expect(r).toMatchObject({ unitsMeeting: 3, unitsJudged: 4, unitsNeeded: 17, met: false, numerator: 17, denominator: 18 });
    const all = Array.from({ length: 17 }, () => ratio('i', 1, 1));
    expect(rollUpIndicator(all, judgeTarget('17/17'))).toMatchObject({ unitsMeeting: 17, met: true });
  });

  it('sums plain amounts for an amount target', () => {
    const r = rollUpIndicator([ratio('i', null, null, { value: 120 }), ratio('i', null, null, { value: 400 })], judgeTarget('500'));
    expect(r).toMatchObject({ total: 520, met: true, value: null });
  });

  it('a prose target judges nothing', () => {
    expect(rollUpIndicator([ratio('i', 1, 2)], judgeTarget('Theo lộ trình'))).toMatchObject({ met: null, unitsJudged: 0, value: 50 });
  });

  it('equals the sum of the parts in any order when the parts are integers (property)', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(100_000), fc.nat(100_000)), { minLength: 1, maxLength: 40 }), (pairs) => {
      const r = rollUpIndicator(pairs.map(([n, d]) => ratio('i', n, n + d)), judgeTarget('90%'));
      const num = pairs.reduce((s, [n]) => s + n, 0);
      const den = pairs.reduce((s, [n, d]) => s + n + d, 0);
      return r.numerator === num && r.denominator === den && r.value === (den > 0 ? (100 * num) / den : null);
    }));
  });
});

describe('merged items', () => {
  const items = [
    item('t1', 'task', { due: 'Quý I/2024' }),
    item('t2', 'task', { due: 'Quý IV/2024' }),
    item('i1', 'indicator', { target: '100%' }),
    item('p1', 'project', { budgetTotal: '1.500', budgetByYear: { '2024': '500' } }),
  ];
  const reports: UnitReport[] = [
    { unitId: W(1), report: report({
      entries: [entry('t1', 'done'), entry('t2', 'in-progress', { percent: 40, difficulties: 'Thiếu kinh phí' }), entry('i1', 'in-progress')],
      indicatorValues: [ratio('i1', 9, 10)], projectValues: [{ itemId: 'p1' as never, disbursedMillionVnd: 120.5 }] }) },
    { unitId: W(2), report: report({
      entries: [entry('t1', 'in-progress'), entry('t2', null)],
      indicatorValues: [ratio('i1', 10, 10)], projectValues: [{ itemId: 'p1' as never, disbursedMillionVnd: 200 }] }) },
    { unitId: W(3), report: report({ entries: [entry('t1', 'carried-over')] }) },
  ];
  const merged = mergeItems(items, reports, options);
  const byId = (id: string) => merged.find((m) => m.itemId === id);

  it('counts by status with every status present, and lists each unit once', () => {
    expect(byId('t1')?.byStatus).toEqual({ 'not-started': 0, 'in-progress': 1, done: 1, 'done-late': 0, 'carried-over': 1, dropped: 0 });
    expect(byId('t2')).toMatchObject({ noStatus: 1, units: [expect.objectContaining({ unitId: W(1), percent: 40, difficulties: 'Thiếu kinh phí' }), expect.objectContaining({ unitId: W(2), status: null })] });
    expect(byId('i1')?.units.map((u) => u.unitId)).toEqual([W(1), W(2)]);
  });

  it('finds the overdue units: past the deadline at the cut-off, not finished or closed', () => {
    expect(byId('t1')?.overdueUnits).toEqual([W(2)]);
    expect(byId('t2')?.overdueUnits).toEqual([]);
  });

  it('rolls up indicators and projects, not tasks', () => {
    expect(byId('t1')?.rollup).toBeNull();
    expect(byId('i1')?.rollup).toMatchObject({ numerator: 19, denominator: 20, value: 95, met: false, unitsMeeting: 1 });
    expect(byId('i1')?.units[0]?.indicator).toMatchObject({ numerator: 9, denominator: 10, meets: false });
    expect(byId('p1')?.rollup).toEqual({
      kind: 'project', disbursedMillionVnd: 320.5, units: 2, budgetMillionVnd: 1500, budgetYear: 2024, budgetYearMillionVnd: 500, share: 64.1,
    });
  });
});
