// `rows: 'figures'` (mergeItemFigures): what `planbook merge` prints without --out, built directly.
// It must be exactly the full merge with each row cut down to its status and figures and `units`
// moved last (the command line's former compactItem), as JSON text, and leave every other part
// of the consolidation unchanged.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { consolidate, type ItemMerge, type Submission } from '../../../../shared/consolidation';
import { ENTRY_STATUSES, type ReportPayload } from '../../../../shared/model/report';
import { itemId, type UnitId } from '../../../../shared/model/ids';
import { PLAN, W, entry, item, ratio, report, sub, wardsCalendar } from './fixtures';

const MAY = { kind: 'month', year: 2024, month: 5 } as const;
const items = [
  item('t1', 'task', { due: '2024' }), item('t2', 'task', { due: '15/4/2024' }),
  item('i1', 'indicator', { target: 'Trên 95%' }), item('i2', 'indicator', { target: '17/17' }),
  item('p1', 'project', { target: '1.000 triệu đồng' }),
];
const units = [1, 2, 3, 4, 5, 6].map((n) => ({ id: W(n), name: `Phường ${n}`, parentId: 'vt' as UnitId }));

/** The full rows cut down as `planbook merge` used to cut them (electron/cli/commands/merge.ts compactItem). */
const compact = ({ units: rows, ...rest }: ItemMerge) => ({
  ...rest,
  units: rows.map((u) => {
    const row: Record<string, unknown> = { unitId: u.unitId, status: u.status, percent: u.percent, overdue: u.overdue };
    if (u.indicator) row.indicator = u.indicator;
    if (u.disbursedMillionVnd !== undefined) row.disbursedMillionVnd = u.disbursedMillionVnd;
    return row;
  }),
});

const reportArb: fc.Arbitrary<ReportPayload> = fc.record({
  entries: fc.array(fc.record({
    id: fc.constantFrom('t1', 't2', 'i1', 'p1', 'zz'),
    status: fc.option(fc.constantFrom(...ENTRY_STATUSES)),
    percent: fc.option(fc.integer({ min: 0, max: 100 })),
    difficulties: fc.constantFrom('', 'Thiếu kinh phí'),
  }), { maxLength: 6 }).map((es) => es.map((e) => entry(e.id, e.status, { percent: e.percent, difficulties: e.difficulties, result: 'x' }))),
  indicatorValues: fc.array(fc.record({ id: fc.constantFrom('i1', 'i2', 't1'), n: fc.option(fc.nat(100)), d: fc.option(fc.nat(100)) }), { maxLength: 3 })
    .map((vs) => vs.map((v) => ratio(v.id, v.n, v.d))),
  projectValues: fc.array(fc.record({ id: fc.constantFrom('p1', 't1'), m: fc.option(fc.nat(5000)) }), { maxLength: 2 })
    .map((vs) => vs.map((v) => ({ itemId: itemId(v.id), disbursedMillionVnd: v.m }))),
}).map((parts) => report(parts));

describe("consolidate with rows: 'figures'", () => {
  it('prints the same items as the full merge cut down, and the rest is the same', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 3 }), reportArb), { maxLength: 8 }), (raw) => {
      const submissions: Submission[] = raw.map(([w, seq, r]) => sub(W(w), seq, { report: r, content: JSON.stringify(r) }));
      const input = { planId: PLAN, calendar: wardsCalendar, items, period: MAY, submissions, expected: units.map((u) => u.id), units, consolidatingUnitId: 'vt' as UnitId };
      const full = consolidate(input);
      const figures = consolidate({ ...input, rows: 'figures' });
      expect(JSON.stringify(figures.items)).toBe(JSON.stringify(full.items.map(compact)));
      const { items: _a, feedback: _b, summary: fullSummary, ...fullRest } = full;
      const { items: _c, feedback, summary, ...rest } = figures;
      expect(rest).toEqual(fullRest);
      expect(feedback).toEqual([]);
      expect(summary).toEqual({ ...fullSummary, feedback: [] });
    }), { numRuns: 200 });
  });

  it('keeps a null disbursement and an indicator row, with units last', () => {
    const submissions = [sub(W(1), 1, { report: report({ entries: [entry('p1', 'done', { percent: 100 })], indicatorValues: [ratio('i1', 96, 100)], projectValues: [{ itemId: itemId('p1'), disbursedMillionVnd: null }] }) })];
    const c = consolidate({ planId: PLAN, calendar: wardsCalendar, items, period: MAY, submissions, expected: [W(1)], units, consolidatingUnitId: 'vt' as UnitId, rows: 'figures' });
    const p1 = c.items.find((i) => i.itemId === 'p1');
    expect(Object.keys(p1 ?? {})).toEqual(['itemId', 'kind', 'byStatus', 'noStatus', 'overdueUnits', 'rollup', 'units']);
    expect(p1?.units).toEqual([{ unitId: W(1), status: 'done', percent: 100, overdue: false, disbursedMillionVnd: null }]);
    expect(c.items.find((i) => i.itemId === 'i1')?.units[0]).toEqual({ unitId: W(1), status: null, percent: null, overdue: false, indicator: { numerator: 96, denominator: 100, value: 96, text: '', meets: true } });
  });
});
