import { describe, expect, it } from 'vitest';
import { itemId, planId, unitId, type ItemId, type PeriodKey, type UnitId } from '../../../../shared/model/ids';
import type { Submission } from '../../../../shared/consolidation';
import type { Entry } from '../../../../shared/model/report';
import { coordinatingEntries } from '../../../../shared/progress';

const P = planId('vt-2024');
const MAY = '2024-05' as PeriodKey;
const entry = (id: string, result: string): Entry => ({
  itemId: itemId(id), status: 'in-progress', percent: 50, result, difficulties: '', proposals: '', evidence: [], completedOn: null,
});
const sub = (unit: string, sequence: number, entries: Entry[], extra: Partial<Submission> = {}): Submission => ({
  ref: `file:${unit}-${sequence}-${entries.map((e) => e.result).join()}`, direct: true, kind: 'report', unitId: unitId(unit), planId: P, period: MAY,
  sequence, packageId: `${unit}-${sequence}`, contentKey: `${unit}-${sequence}-${entries.map((e) => e.result).join()}`, createdAt: '2024-05-11T08:00:00Z',
  keyId: 'k', report: {
    entries, indicatorValues: entries.filter((e) => e.itemId === 'ind').map((e) => ({ itemId: e.itemId, numerator: 1, denominator: 2, value: 50, text: '1/2' })),
    projectValues: [], narrative: '',
  },
  ...extra,
});
const lead = new Set<ItemId>([itemId('a'), itemId('ind')]);
const query = (isCoordinating: ((u: UnitId, i: ItemId) => boolean) | null = null) => ({ planId: P, period: MAY, self: unitId('lead'), leadItems: lead, isCoordinating });

describe('coordinating entries for the lead unit', () => {
  it('shows each other unit\'s entry for the led items, from its latest sequence', () => {
    const got = coordinatingEntries([
      sub('w2', 1, [entry('a', 'old'), entry('b', 'not led')]),
      sub('w2', 2, [entry('a', 'new'), entry('ind', 'figure')]),
      sub('w1', 1, [entry('a', 'w1 part')]),
    ], query());
    expect(got.get(itemId('a'))?.map((r) => [r.unitId, r.sequence, r.entry.result])).toEqual([['w1', 1, 'w1 part'], ['w2', 2, 'new']]);
    expect(got.get(itemId('ind'))?.[0]?.indicator).toMatchObject({ numerator: 1, denominator: 2 });
    expect(got.has(itemId('b'))).toBe(false);
  });

  it('leaves out this unit, other plans and periods, consolidated packages, conflicts and non-coordinating units', () => {
    const got = coordinatingEntries([
      sub('lead', 1, [entry('a', 'mine')]),
      sub('w1', 1, [entry('a', 'other period')], { period: '2024-04' as PeriodKey }),
      sub('w1', 1, [entry('a', 'other plan')], { planId: planId('x') }),
      sub('city', 1, [entry('a', 'consolidated')], { kind: 'consolidated' }),
      sub('w3', 1, [entry('a', 'one')]), sub('w3', 1, [entry('a', 'two')]),
      sub('w4', 1, [entry('a', 'not coordinating')]),
      sub('w5', 1, [entry('a', 'coordinating')]),
    ], query((u) => u !== 'w4'));
    expect(got.get(itemId('a'))?.map((r) => r.entry.result)).toEqual(['coordinating']);
  });

  it('nothing received: nothing shown', () => {
    expect(coordinatingEntries([], query()).size).toBe(0);
  });
});
