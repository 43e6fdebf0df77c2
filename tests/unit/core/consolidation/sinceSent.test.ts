// Changes since the last consolidated report sent: the summary of the package sent then, read
// back through JSON as the app stores it, against the consolidation now.
import { describe, expect, it } from 'vitest';
import { changesSinceSent, consolidate, type Submission } from '../../../../shared/consolidation';
import { sentPictureOf } from '../../../../shared/consolidation/sentPicture';
import type { UnitId } from '../../../../shared/model/ids';
import { PLAN, W, entry, item, ratio, report, sub, wardsCalendar } from './fixtures';

const MAY = { kind: 'month', year: 2024, month: 5 } as const;
const items = [item('t1', 'task', { due: '2024' }), item('i1', 'indicator', { target: 'Trên 95%' })];
const units = [1, 2, 3].map((n) => ({ id: W(n), name: `Phường ${n}`, parentId: 'vt' as UnitId }));
const run = (subs: readonly Submission[]) => consolidate({
  planId: PLAN, calendar: wardsCalendar, items, period: MAY, submissions: subs, expected: units.map((u) => u.id), units, consolidatingUnitId: 'vt' as UnitId,
});
const w1 = sub(W(1), 1, { report: report({ entries: [entry('t1', 'done')], indicatorValues: [ratio('i1', 90, 100)] }), createdAt: '2024-05-11T10:00:00+07:00' });
const w2 = sub(W(2), 1, { report: report({ entries: [entry('t1', 'in-progress')], indicatorValues: [ratio('i1', 50, 100)] }), createdAt: '2024-05-11T10:00:00+07:00' });
const w2b = sub(W(2), 2, { report: report({ entries: [entry('t1', 'done')], indicatorValues: [ratio('i1', 100, 100)] }), createdAt: '2024-05-12T09:00:00+07:00' });
const w3 = sub(W(3), 1, { report: report({ entries: [entry('t1', 'done')], indicatorValues: [ratio('i1', 10, 10)] }), createdAt: '2024-05-12T09:00:00+07:00' });

/** The summary as it travels: in a package's JSON. */
const sentThen = (subs: readonly Submission[]) => sentPictureOf(JSON.parse(JSON.stringify(run(subs).summary)));

describe('changes since the last consolidated report sent', () => {
  it('names the new and replaced packages and the items whose counts or roll-ups moved (hand-computed)', () => {
    const sent = sentThen([w1, w2]);
    expect(sent).not.toBeNull();
    const now = run([w1, w2, w2b, w3]);
    const since = changesSinceSent(sent!, now);
    expect(since.added).toEqual([{ unitId: W(3), sequence: 1 }]);
    expect(since.replaced).toEqual([{ unitId: W(2), from: 1, to: 2 }]);
    expect(since.removed).toEqual([]);
    // t1: 1 done + 1 in progress then; 3 done now. i1: 140/200 = 70% then; 200/210 now.
    expect(since.items.map((i) => i.itemId)).toEqual(['t1', 'i1']);
    expect(since.items[0]?.before?.byStatus).toMatchObject({ done: 1, 'in-progress': 1 });
    expect(since.items[0]?.now.byStatus).toMatchObject({ done: 3, 'in-progress': 0 });
    expect(since.items[1]?.before?.rollup?.value).toBeCloseTo(70);
    expect(since.items[1]?.now.rollup).toMatchObject({ kind: 'indicator', value: (100 * 200) / 210 });
  });

  it('finds nothing when nothing arrived since, and names a unit no longer counted', () => {
    const sent = sentThen([w1, w2])!;
    expect(changesSinceSent(sent, run([w1, w2]))).toEqual({ added: [], replaced: [], removed: [], items: [] });
    expect(changesSinceSent(sent, run([w1])).removed).toEqual([{ unitId: W(2), sequence: 1 }]);
  });

  it('reads only summaries of the shape this app writes', () => {
    for (const bad of [null, 42, {}, { counted: [], items: [{ itemId: 'x' }] }, { counted: [{ unitId: 'a' }], items: [] }]) expect(sentPictureOf(bad)).toBeNull();
    expect(sentPictureOf({ counted: [], items: [], extra: 1 })).toEqual({ counted: [], items: [] });
  });
});
