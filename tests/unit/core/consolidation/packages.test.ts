import { describe, expect, it } from 'vitest';
import { expectedUnits, packagesToCarry, readCalendar, submissionsOf, type Verified } from '../../../../shared/consolidation';
import type { IsoDate, UnitId } from '../../../../shared/model/ids';
import type { PlanUnit } from '../../../../shared/model/units';
import type { Package } from '../../../../shared/packages';
import { W, sub } from './fixtures';

describe('reading a plan package for consolidation', () => {
  it('reads the calendar from unknown, with national defaults', () => {
    expect(readCalendar({ kinds: ['month', 'week'], dueDay: 12, cutOffDay: 10, yearlyDue: '12-15', consolidateBy: 25 }))
      .toEqual({ kinds: ['month'], dueDay: 12, cutOffDay: 10, yearlyDue: '12-15', consolidateBy: 25 });
    expect(readCalendar({})).toEqual({ kinds: ['month'], dueDay: 15, cutOffDay: 14, yearlyDue: null, consolidateBy: null });
    expect(readCalendar('nonsense')).toMatchObject({ cutOffDay: 14 });
    expect(readCalendar({ dueDay: 40, cutOffDay: 2.5, yearlyDue: 'cuối năm' })).toMatchObject({ dueDay: 15, cutOffDay: 14, yearlyDue: null });
  });

  it('expects the children valid in the window, in the plan order', () => {
    const u = (id: string, parentId: string | null, extra: object = {}): PlanUnit =>
      ({ id: id as UnitId, name: id, parentId: parentId as UnitId | null, aliases: [], publicKeys: [], ...extra });
    const units = [
      u('vt', null), u('p7', 'vt', { validTo: '2025-06-30' }), u('tam-thang', 'vt', { validFrom: '2025-07-01' }), u('p1', 'vt'), u('x', 'other'),
    ];
    const window = (from: string, to: string) => ({ from: from as IsoDate, to: to as IsoDate });
    expect(expectedUnits(units, 'vt' as UnitId, window('2025-05-11', '2025-06-10'))).toEqual(['p7', 'p1']);
    expect(expectedUnits(units, 'vt' as UnitId, window('2025-06-11', '2025-07-10'))).toEqual(['p7', 'tam-thang', 'p1']);
    expect(expectedUnits(units, 'vt' as UnitId, window('2025-07-11', '2025-08-10'))).toEqual(['tam-thang', 'p1']);
  });
});

describe('submissions from verified packages', () => {
  const header = (unitId: string, sequence: number) => ({ packageId: `${unitId}:${sequence}`, planId: 'plan', planRevision: 1, unitId, period: '2024-05', sequence, createdAt: '2024-05-11T00:00:00Z', app: 'x' });
  const report = (unitId: string, sequence: number) => ({ kind: 'report', header: header(unitId, sequence), payload: { entries: [], indicatorValues: [], projectValues: [], narrative: '' } }) as unknown as Package;
  const ok = (pkg: Package, hash: string, children?: Verified[]): Verified =>
    ({ reason: 'ok', kind: pkg.kind, header: pkg.header, keyId: 'K', package: pkg, contentHash: hash, ...(children ? { children } : {}) });

  it('flattens a consolidated package with its children, nested to any depth', () => {
    const ward = report('w1', 2);
    const city = { kind: 'consolidated', header: header('city', 1), payload: { children: [ward], summary: { units: [] } } } as unknown as Package;
    const subs = submissionsOf('city.json', ok(city, 'hc', [ok(ward, 'hw')]));
    expect(subs.map((s) => [s.ref, s.kind, s.unitId, s.direct])).toEqual([
      ['city.json', 'consolidated', 'city', true], ['city.json#children/0', 'report', 'w1', false],
    ]);
    expect(submissionsOf('bad.json', { ...ok(ward, 'h'), reason: 'bad-signature' })).toEqual([]);
  });

  it('carries each counted package once, a nested one only when its container is not carried', () => {
    const pk = new Map<string, Package>([['a.json', report('w1', 1)], ['city.json', report('city', 1)], ['city.json#children/0', report('w2', 1)], ['old.json#children/0', report('w3', 1)]]);
    const carried = packagesToCarry([
      sub(W(2), 1, { ref: 'city.json#children/0', direct: false, contentKey: 'c2' }),
      sub(W(1), 1, { ref: 'a.json', contentKey: 'c1' }),
      sub('city' as UnitId, 1, { ref: 'city.json', kind: 'consolidated', contentKey: 'cc' }),
      sub(W(3), 1, { ref: 'old.json#children/0', direct: false, contentKey: 'c3' }),
    ], (ref) => pk.get(ref) ?? null);
    expect(carried.map((p) => p.header.unitId)).toEqual(['city', 'w1', 'w3']);
  });
});
