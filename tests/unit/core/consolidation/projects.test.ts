import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { judgeTarget, mergeItems, readMoney, type UnitReport } from '../../../../shared/consolidation';
import { projectMoney } from '../../../../shared/consolidation/projects';
import type { IsoDate } from '../../../../shared/model/ids';
import { W, item, report } from './fixtures';

const options = { asOf: '2024-05-10' as IsoDate, year: 2024, judge: (i: { target: string }) => judgeTarget(i.target), money: readMoney };
const paid = (id: string, disbursedMillionVnd: number | null) => ({ itemId: id as never, disbursedMillionVnd });

describe('projects: disbursed against budget, per project and per year', () => {
  const items = [
    item('t1', 'task'),
    item('p1', 'project', { budgetTotal: '1.500', budgetByYear: { '2023': '1.000', '2024': '500' } }),
    item('p2', 'project', { budgetTotal: '2 tỷ', budgetByYear: { '2025': '2.000' } }),
    item('p3', 'project', { budgetTotal: 'Vốn xã hội hóa' }),
  ];
  const reports: UnitReport[] = [
    { unitId: W(1), report: report({ projectValues: [paid('p1', 120.5), paid('p2', 100)] }) },
    { unitId: W(2), report: report({ projectValues: [paid('p1', 200), paid('p3', 7)] }) },
    { unitId: W(3), report: report({ projectValues: [paid('p1', null)] }) },
  ];
  const money = projectMoney(items, mergeItems(items, reports, options), readMoney);

  it('lays each project out with its phased budget, this year\'s disbursement and share (hand-computed)', () => {
    expect(money.years).toEqual([2023, 2024, 2025]);
    expect(money.lines).toEqual([
      // 320,5 of the 500 of 2024 = 64,1%.
      { itemId: 'p1', byYear: [1000, 500, null], budgetTotal: 1500, year: 2024, budgetOfYear: 500, disbursed: 320.5, units: 2, share: 64.1 },
      // No 2024 budget: against the total, 2 tỷ = 2.000 million: 100/2000 = 5%.
      { itemId: 'p2', byYear: [null, null, 2000], budgetTotal: 2000, year: 2024, budgetOfYear: null, disbursed: 100, units: 1, share: 5 },
      // A prose budget: no share.
      { itemId: 'p3', byYear: [null, null, null], budgetTotal: null, year: 2024, budgetOfYear: null, disbursed: 7, units: 1, share: null },
    ]);
  });

  it('totals: budget per year, total, and the share of what was disbursed against the bases that exist', () => {
    expect(money.total).toEqual({ byYear: [1000, 500, 2000], budgetTotal: 3500, year: 2024, budgetOfYear: 500, disbursed: 427.5, share: (100 * 427.5) / 2500 });
  });

  it('is empty for a plan without projects', () => {
    expect(projectMoney([item('t1', 'task')], [], readMoney)).toEqual({
      years: [], lines: [], total: { byYear: [], budgetTotal: null, year: 0, budgetOfYear: null, disbursed: 0, share: null },
    });
  });

  it('does not depend on the order of the units (property)', () => {
    fc.assert(fc.property(fc.shuffledSubarray(reports, { minLength: 3, maxLength: 3 }), (shuffled) => {
      expect(projectMoney(items, mergeItems(items, shuffled, options), readMoney)).toEqual(money);
    }));
  });
});
