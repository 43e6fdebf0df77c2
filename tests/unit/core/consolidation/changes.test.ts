import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { judgeTarget, mergeItems, readMoney, type UnitReport } from '../../../../shared/consolidation';
import { previousPeriod, statusChanges } from '../../../../shared/consolidation/changes';
import type { IsoDate, PeriodKey } from '../../../../shared/model/ids';
import { ENTRY_STATUSES } from '../../../../shared/model/report';
import { W, entry, item, report } from './fixtures';

const options = { asOf: '2024-05-10' as IsoDate, year: 2024, judge: (i: { target: string }) => judgeTarget(i.target), money: readMoney };
const items = [item('t1', 'task'), item('t2', 'task'), item('t3', 'task')];

describe('changes since the last period', () => {
  const april: UnitReport[] = [
    { unitId: W(1), report: report({ entries: [entry('t1', 'not-started'), entry('t2', 'in-progress'), entry('t3', 'in-progress')] }) },
    { unitId: W(2), report: report({ entries: [entry('t1', 'in-progress'), entry('t2', 'in-progress')] }) },
    { unitId: W(3), report: report({ entries: [entry('t1', 'in-progress')] }) },
  ];
  const may: UnitReport[] = [
    { unitId: W(1), report: report({ entries: [entry('t1', 'in-progress'), entry('t2', 'in-progress'), entry('t3', 'done')] }) },
    { unitId: W(2), report: report({ entries: [entry('t1', 'done-late'), entry('t2', null), entry('t3', 'in-progress')] }) },
    // Phường 4 reports for the first time: not a change of status.
    { unitId: W(4), report: report({ entries: [entry('t1', 'done')] }) },
  ];
  const before = mergeItems(items, april, options);
  const now = mergeItems(items, may, options);

  it('lists, per item, each unit whose status changed (hand-written)', () => {
    expect(statusChanges(before, now)).toEqual([
      { itemId: 't1', changes: [{ unitId: W(1), from: 'not-started', to: 'in-progress' }, { unitId: W(2), from: 'in-progress', to: 'done-late' }] },
      { itemId: 't2', changes: [{ unitId: W(2), from: 'in-progress', to: null }] },
      { itemId: 't3', changes: [{ unitId: W(1), from: 'in-progress', to: 'done' }] },
    ]);
  });

  it('finds nothing between a period and itself, or without a previous period', () => {
    expect(statusChanges(now, now)).toEqual([]);
    expect(statusChanges([], now)).toEqual([]);
  });

  it('does not depend on the order the reports came in (property)', () => {
    const status = fc.constantFrom(...ENTRY_STATUSES, null);
    const unitReports = fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), status, status), { maxLength: 8 })
      .map((rows) => [...new Map(rows.map(([n, a, b]) => [n, { n, a, b }])).values()]);
    fc.assert(fc.property(unitReports, fc.integer(), (rows, seed) => {
      const prev = rows.map((r) => ({ unitId: W(r.n), report: report({ entries: [entry('t1', r.a)] }) }));
      const cur = rows.map((r) => ({ unitId: W(r.n), report: report({ entries: [entry('t1', r.b)] }) }));
      const shuffle = <T,>(xs: T[]) => xs.map((x, i) => ({ x, k: (i * 7919 + seed) % 101 })).sort((p, q) => p.k - q.k).map((p) => p.x);
      const expected = statusChanges(mergeItems(items, prev, options), mergeItems(items, cur, options));
      const changed = rows.filter((r) => r.a !== r.b).length;
      expect(expected.flatMap((c) => c.changes)).toHaveLength(changed);
      expect(statusChanges(mergeItems(items, shuffle(prev), options), mergeItems(items, shuffle(cur), options))
        .map((c) => ({ ...c, changes: [...c.changes].sort((p, q) => p.unitId.localeCompare(q.unitId)) })))
        .toEqual(expected.map((c) => ({ ...c, changes: [...c.changes].sort((p, q) => p.unitId.localeCompare(q.unitId)) })));
    }));
  });

  it('finds the previous period of the same kind', () => {
    const months = ['2024-04', '2024-05', '2024-06'] as PeriodKey[];
    const quarters = ['2024-Q1', '2024-Q2'] as PeriodKey[];
    expect(previousPeriod([months, quarters], '2024-05' as PeriodKey)).toBe('2024-04');
    expect(previousPeriod([months, quarters], '2024-Q2' as PeriodKey)).toBe('2024-Q1');
    expect(previousPeriod([months, quarters], '2024-04' as PeriodKey)).toBeNull();
    expect(previousPeriod([months], '2023-12' as PeriodKey)).toBeNull();
  });
});
