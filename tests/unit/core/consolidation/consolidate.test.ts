import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { consolidate, type Submission } from '../../../../shared/consolidation';
import type { UnitId } from '../../../../shared/model/ids';
import { PLAN, W, entry, item, ratio, report, sub, wardsCalendar } from './fixtures';

const MAY = { kind: 'month', year: 2024, month: 5 } as const;
const items = [item('t1', 'task', { due: '2024' }), item('i1', 'indicator', { target: 'Trên 95%' }), item('i2', 'indicator', { target: '17/17' })];
const units = [1, 2, 3, 4].map((n) => ({ id: W(n), name: `Phường ${n}`, parentId: 'vt' as UnitId }));
const expected = units.map((u) => u.id);

const ward1 = report({ entries: [entry('t1', 'done', { difficulties: 'Thiếu kinh phí' })], indicatorValues: [ratio('i1', 23391, 23802), ratio('i2', 1, 1)] });
const ward2old = report({ entries: [entry('t1', 'not-started')], indicatorValues: [ratio('i1', 1, 1000)] });
const ward2 = report({ entries: [entry('t1', 'in-progress', { difficulties: 'thiếu kinh phí.', proposals: 'Bổ sung kinh phí' })], indicatorValues: [ratio('i1', 100, 120), ratio('i2', 0, 1)] });
const ward3 = report({ entries: [entry('t1', 'in-progress')], indicatorValues: [ratio('i1', 0, 0)] });

const pool: Submission[] = [
  sub(W(1), 1, { report: ward1, createdAt: '2024-05-12T10:00:00+07:00' }),
  sub(W(2), 1, { report: ward2old, createdAt: '2024-05-09T10:00:00+07:00' }),
  sub(W(2), 2, { report: ward2, createdAt: '2024-05-14T10:00:00+07:00' }),
  // Ward 3 arrives only inside the city's package, and late.
  sub(W(3), 1, { report: ward3, createdAt: '2024-05-13T08:00:00+07:00', direct: false, ref: 'city.json#children/0' }),
  // Ward 4 sent two different packages with sequence 1: neither counts.
  sub(W(4), 1, { content: 'x', report: report({ indicatorValues: [ratio('i1', 5000, 5000)] }) }),
  sub(W(4), 1, { content: 'y', report: report({ indicatorValues: [ratio('i1', 0, 5000)] }) }),
];
const run = (subs: readonly Submission[]) =>
  consolidate({ planId: PLAN, calendar: wardsCalendar, items, period: MAY, submissions: subs, expected, units, consolidatingUnitId: 'vt' as UnitId });

describe('consolidating a period', () => {
  const c = run(pool);

  it('resolves, boards and rolls up (hand-computed)', () => {
    expect(c.board.map((r) => [r.unitId, r.state, r.sequence, r.conflict])).toEqual([
      [W(1), 'on-time', 1, false], [W(2), 'on-time', 2, false], [W(3), 'late', 1, false], [W(4), 'on-time', 1, true],
    ]);
    expect(c.counted.map((r) => [r.unitId, r.sequence])).toEqual([[W(1), 1], [W(2), 2], [W(3), 1]]);
    const i1 = c.items.find((i) => i.itemId === 'i1');
    expect(i1?.rollup).toMatchObject({ numerator: 23491, denominator: 23922, value: (100 * 23491) / 23922, met: true });
    expect(c.items.find((i) => i.itemId === 'i2')?.rollup).toMatchObject({ unitsMeeting: 1, unitsJudged: 2, met: false });
    expect(c.items.find((i) => i.itemId === 't1')?.byStatus).toMatchObject({ done: 1, 'in-progress': 2, 'not-started': 0 });
    expect(c.feedback).toEqual([{
      itemId: 't1',
      difficulties: [{ text: 'Thiếu kinh phí', units: [W(1), W(2)], texts: [{ unitId: W(1), text: 'Thiếu kinh phí' }, { unitId: W(2), text: 'thiếu kinh phí.' }] }],
      proposals: [{ text: 'Bổ sung kinh phí', units: [W(2)], texts: [{ unitId: W(2), text: 'Bổ sung kinh phí' }] }],
    }]);
  });

  it('writes a summary that prints without the children and survives JSON', () => {
    expect(c.summary).toMatchObject({ planId: PLAN, period: '2024-05', due: '2024-05-12', window: { from: '2024-04-11', to: '2024-05-10' } });
    expect(c.summary.units).toEqual([{ id: W(1), name: 'Phường 1', parentId: 'vt' }, { id: W(2), name: 'Phường 2', parentId: 'vt' },
      { id: W(3), name: 'Phường 3', parentId: 'vt' }, { id: W(4), name: 'Phường 4', parentId: 'vt' }, { id: 'vt', name: 'vt', parentId: null }]);
    expect(JSON.parse(JSON.stringify(c.summary))).toEqual(c.summary);
  });

  it('leaves out other periods and plans from the roll-ups but still resolves them', () => {
    const other = sub(W(1), 9, { period: '2024-06' as Submission['period'], report: report({ indicatorValues: [ratio('i1', 1, 1)] }) });
    const d = run([...pool, other]);
    expect(d.items).toEqual(c.items);
    expect(d.resolutions.find((r) => r.sequence === 9)?.reason).toBe('ok');
  });

  it('does not depend on the order of the files or on repeats (property)', () => {
    const outcome = (r: { unitId: string; sequence: number; reason: string; supersededBy?: number }) => `${r.unitId}/${r.sequence}/${r.reason}/${r.supersededBy ?? ''}`;
    const expectedOutcomes = c.resolutions.map(outcome).sort();
    const summary = JSON.stringify(c.summary);
    const whole = JSON.stringify(c);
    fc.assert(fc.property(fc.shuffledSubarray(pool, { minLength: pool.length }), fc.array(fc.nat(pool.length - 1), { maxLength: 5 }),
      (shuffled, repeats) => {
        const got = run([...shuffled, ...repeats.map((i) => ({ ...(pool[i] as Submission), ref: `copy-${i}.json` }))]);
        // Copies change which file name carries "ok", nothing the summary, board or roll-ups say.
        expect(JSON.stringify(got.summary)).toBe(summary);
        expect(JSON.stringify(got.items)).toBe(JSON.stringify(c.items));
        const dup = got.resolutions.filter((r) => r.reason === 'duplicate');
        expect(dup).toHaveLength(repeats.length);
        expect(got.resolutions.filter((r) => r.reason !== 'duplicate').map(outcome).sort()).toEqual(expectedOutcomes);
        if (repeats.length === 0) expect(JSON.stringify(got)).toBe(whole);
      }), { numRuns: 200 });
  });
});

describe('at national scale', () => {
  it('consolidates 3,321 units × 100 items without quadratic work', () => {
    const many = Array.from({ length: 3321 }, (_, i) => `x${String(i).padStart(4, '0')}` as UnitId);
    const bigItems = Array.from({ length: 100 }, (_, k) => item(`k${k}`, k < 60 ? 'task' : 'indicator', { target: k % 2 ? '100%' : '17/17', due: 'Quý I/2024' }));
    const words = ['thiếu', 'kinh', 'phí', 'nhân', 'lực', 'hạ', 'tầng', 'mạng', 'chậm', 'máy'];
    const subs = many.map((u, i) => sub(u, 1, { report: report({
      entries: bigItems.filter((it) => it.kind === 'task').map((it, k) => entry(it.id, 'in-progress', {
        difficulties: `${words[(i + k) % 10]} ${words[(i * 3 + k) % 10]} tại đơn vị ${i % 11}`, proposals: `Đề nghị ${words[(i + 2 * k) % 10]}` })),
      indicatorValues: bigItems.filter((it) => it.kind === 'indicator').map((it, k) => ratio(it.id, (i * k) % 500, 500)),
    }) }));
    const started = performance.now();
    const c = consolidate({ planId: PLAN, calendar: wardsCalendar, items: bigItems, period: MAY, submissions: subs, expected: many });
    const elapsed = performance.now() - started;
    expect(c.counted).toHaveLength(3321);
    expect(c.items[70]?.rollup).toMatchObject({ ratioUnits: 3321, denominator: 3321 * 500 });
    expect(c.items[0]?.overdueUnits).toHaveLength(3321);
    expect(elapsed).toBeLessThan(15_000); // about 1–2 s on an idle machine; quadratic grouping or indexing takes minutes
  }, 60_000);
});
