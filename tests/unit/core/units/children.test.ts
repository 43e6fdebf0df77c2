import { describe, expect, it } from 'vitest';
import type { IsoDate, UnitId } from '../../../../shared/model/ids';
import { expectedChildren } from '../../../../shared/receipts';
import { childrenWithPlan, unitFacts, type PlanUnitRef } from '../../../../shared/units/children';
import { loadDirectory } from './fixtures';

const dir = loadDirectory();
const u = (s: string) => s as UnitId;
const window = (from: string, to: string) => ({ from: from as IsoDate, to: to as IsoDate });
const MAY_2024 = window('2024-04-11', '2024-05-10');
const CITY = u('brvt.vung-tau');
const plan = (id: string, parentId: string | null, extra: Partial<PlanUnitRef> = {}): PlanUnitRef =>
  ({ id: u(id), name: `Tên ${id}`, parentId: parentId === null ? null : u(parentId), ...extra });

describe('children of a consolidating unit: the directory and the plan package', () => {
  it('the city: its 17 directory wards, then the plan\'s own units under it, each once', () => {
    const fromDirectory = expectedChildren(dir, CITY, MAY_2024).expected;
    const units = [plan('phuong-0001', CITY), plan('phuong-0002', CITY), plan('phuong-0001', CITY), plan('elsewhere', 'brvt.ba-ria'), plan(CITY, null)];
    const all = childrenWithPlan(dir, fromDirectory, units, CITY, MAY_2024);
    expect(all).toHaveLength(19);
    expect(all.slice(0, 17)).toEqual(fromDirectory);
    expect(all.slice(17)).toEqual(['phuong-0001', 'phuong-0002']);
  });

  it('a national roll-up unknown to the directory: every province the plan lists under it', () => {
    const provinces = Array.from({ length: 34 }, (_, i) => plan(`tinh-${i + 1}`, 'quoc-gia'));
    const all = childrenWithPlan(dir, [], [plan('quoc-gia', null), ...provinces], u('quoc-gia'), MAY_2024);
    expect(all).toEqual(provinces.map((p) => p.id));
  });

  it('the directory decides for the units it knows: a ward it merged away stays out even if the plan lists it', () => {
    const after = window('2025-07-11', '2025-08-10');
    const fromDirectory = expectedChildren(dir, CITY, after).expected;
    const oldWard = dir.data.units.find((x) => x.parentId === CITY && x.validTo !== null);
    expect(oldWard).toBeDefined();
    const all = childrenWithPlan(dir, fromDirectory, [plan(oldWard?.id ?? '', CITY)], CITY, after);
    expect(all).toEqual(fromDirectory);
    expect(all).not.toContain(oldWard?.id);
  });

  it('a plan unit\'s validFrom / validTo bound the periods it is expected in', () => {
    const units = [plan('moi', 'tinh', { validFrom: '2025-07-01' }), plan('cu', 'tinh', { validTo: '2025-06-30' }), plan('luon', 'tinh', { validFrom: 'not a date' })];
    expect(childrenWithPlan(dir, [], units, u('tinh'), window('2025-05-11', '2025-06-10'))).toEqual(['cu', 'luon']);
    expect(childrenWithPlan(dir, [], units, u('tinh'), window('2025-06-11', '2025-07-10'))).toEqual(['moi', 'cu', 'luon']);
    expect(childrenWithPlan(dir, [], units, u('tinh'), window('2025-07-11', '2025-08-10'))).toEqual(['moi', 'luon']);
  });

  it('names and parents: the directory\'s first, the plan\'s for the units it alone lists', () => {
    const byId = new Map([plan('phuong-0001', CITY), plan(CITY, null, { name: 'Tên khác' })].map((x) => [x.id, x] as const));
    expect(unitFacts(dir, byId, 'phuong-0001')).toEqual({ name: 'Tên phuong-0001', parentId: CITY });
    expect(unitFacts(dir, byId, CITY)?.name).toBe(dir.units.get(CITY)?.name);
    expect(unitFacts(dir, byId, 'nobody')).toBeNull();
  });
});
