import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IsoDate, UnitId } from '../../../../shared/model/ids';
import type { UnitDirectory } from '../../../../shared/model/units';
import {
  childrenOf, directSuccessors, parseDirectory, searchUnits, successorsAt, unitsValidAt,
} from '../../../../shared/units/directory';
import { GROUP_ID_PATTERN, UNIT_ID_PATTERN } from '../../../../shared/units/directorySchema';
import { loadDirectory, rawDirectory } from './fixtures';

const d = (s: string) => s as IsoDate;
const u = (s: string) => s as UnitId;
const dir = loadDirectory();
const OLD_WARDS = ['Phường 1', 'Phường 2', 'Phường 3', 'Phường 4', 'Phường 5', 'Phường 7', 'Phường 8', 'Phường 9',
  'Phường 10', 'Phường 11', 'Phường 12', 'Phường Thắng Nhì', 'Phường Thắng Tam', 'Phường Thắng Nhất', 'Phường Rạch Dừa',
  'Phường Nguyễn An Ninh', 'Xã Long Sơn'];
const NEW_WARDS = ['Phường Vũng Tàu', 'Phường Tam Thắng', 'Phường Rạch Dừa', 'Phường Phước Thắng', 'Xã Long Sơn'];
const localNames = (at: IsoDate) => unitsValidAt(dir, at).filter((x) => x.kind === 'ward' || x.kind === 'commune').map((x) => x.name);

describe('the bundled unit directory', () => {
  it('validates', () => {
    const r = parseDirectory(rawDirectory());
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it('has readable ASCII ids, unique across units and groups, the same on every load', () => {
    const ids = [...dir.data.units.map((x) => x.id), ...dir.data.groups.map((g) => g.id)];
    expect(new Set(ids).size).toBe(ids.length);
    dir.data.units.forEach((x) => expect(x.id).toMatch(UNIT_ID_PATTERN));
    dir.data.groups.forEach((g) => expect(g.id).toMatch(GROUP_ID_PATTERN));
    const again = loadDirectory();
    expect(again.data.units.map((x) => x.id)).toEqual(dir.data.units.map((x) => x.id));
    expect(again.data.groups.map((x) => x.id)).toEqual(dir.data.groups.map((x) => x.id));
  });

  it('names the province, its committee and office, and the districts', () => {
    expect(dir.units.get('brvt')?.kind).toBe('province');
    expect(dir.units.get('brvt.vp-ubnd')?.aliases).toContain('VP UBND tỉnh');
    expect(dir.units.get('brvt.bcd-cds')?.kind).toBe('committee');
    expect(dir.units.get('brvt.so-tttt')?.aliases).toContain('Sở TT&TT');
    const districts = childrenOf(dir, u('brvt'), d('2024-05-01')).filter((x) => x.kind === 'city' || x.kind === 'district');
    expect(districts.map((x) => x.id)).toEqual(['brvt.vung-tau', 'brvt.ba-ria', 'brvt.phu-my', 'brvt.chau-duc',
      'brvt.xuyen-moc', 'brvt.long-dat', 'brvt.con-dao']);
  });

  it('has no Phường 6', () => {
    expect(dir.data.units.some((x) => /Phường 6\b/u.test(x.name) || x.id.endsWith('.p6'))).toBe(false);
    expect(searchUnits(dir, 'phuong 6').filter((x) => x.name === 'Phường 6')).toEqual([]);
  });

  it('lists the 17 wards and communes of 2024, and the 5 of 2026 under Hồ Chí Minh city', () => {
    expect(localNames(d('2024-05-01')).sort()).toEqual([...OLD_WARDS].sort());
    expect(childrenOf(dir, u('brvt.vung-tau'), d('2024-05-01')).filter((x) => x.kind !== 'department' && x.kind !== 'office' && x.kind !== 'agency')).toHaveLength(17);
    expect(localNames(d('2026-01-01')).sort()).toEqual([...NEW_WARDS].sort());
    expect(childrenOf(dir, u('hcm'), d('2026-01-01')).map((x) => x.id)).toEqual(['hcm.vung-tau', 'hcm.tam-thang', 'hcm.rach-dua', 'hcm.phuoc-thang', 'hcm.long-son']);
    // The last day of the old order and the first of the new.
    expect(localNames(d('2025-06-30'))).toHaveLength(17);
    expect(localNames(d('2025-07-01'))).toHaveLength(5);
    expect(unitsValidAt(dir, d('2026-01-01')).some((x) => x.id.startsWith('brvt'))).toBe(false);
  });

  it('maps every old ward to its successor (Nghị quyết 1221/NQ-UBTVQH15)', () => {
    const expected: Record<string, string> = {
      p1: 'hcm.vung-tau', p2: 'hcm.vung-tau', p3: 'hcm.vung-tau', p4: 'hcm.vung-tau', p5: 'hcm.vung-tau',
      'thang-nhi': 'hcm.vung-tau', 'thang-tam': 'hcm.vung-tau',
      p7: 'hcm.tam-thang', p8: 'hcm.tam-thang', p9: 'hcm.tam-thang', 'nguyen-an-ninh': 'hcm.tam-thang',
      p10: 'hcm.rach-dua', 'thang-nhat': 'hcm.rach-dua', 'rach-dua': 'hcm.rach-dua',
      p11: 'hcm.phuoc-thang', p12: 'hcm.phuoc-thang', 'long-son': 'hcm.long-son',
    };
    for (const [slug, succ] of Object.entries(expected)) {
      const id = u(`brvt.vung-tau.${slug}`);
      expect(dir.units.get(id)?.validTo, id).toBe('2025-06-30');
      expect(directSuccessors(dir, id).map((x) => x.id), id).toEqual([succ]);
      expect(successorsAt(dir, id, d('2026-01-01')), id).toEqual([succ]);
      expect(successorsAt(dir, id, d('2024-05-01')), id).toEqual([id]); // still itself then
    }
    expect(successorsAt(dir, u('brvt.vung-tau'), d('2026-01-01'))).toEqual(['hcm.vung-tau', 'hcm.tam-thang', 'hcm.rach-dua', 'hcm.phuoc-thang', 'hcm.long-son']);
    expect(successorsAt(dir, u('hcm.vung-tau'), d('2024-05-01'))).toEqual([]); // not yet in existence
    // Old and new Phường Rạch Dừa share a name, never a day.
    expect(dir.units.get('hcm.rach-dua')?.validFrom).toBe('2025-07-01');
  });

  it('finds units without diacritics, by abbreviation, in NFD', () => {
    expect(searchUnits(dir, 'thang tam')[0]?.name).toBe('Phường Thắng Tam');
    expect(searchUnits(dir, 'THẮNG TAM'.normalize('NFD'))[0]?.name).toBe('Phường Thắng Tam');
    expect(searchUnits(dir, 'so tt&tt')[0]?.id).toBe('brvt.so-tttt');
    expect(searchUnits(dir, 'van hoa thong tin')[0]?.id).toBe('brvt.vung-tau.phong-vhtt');
    expect(searchUnits(dir, 'rach dua', { at: d('2024-05-01') }).map((x) => x.id)).toEqual(['brvt.vung-tau.rach-dua']);
    expect(searchUnits(dir, 'rach dua', { at: d('2026-01-01') }).map((x) => x.id)).toEqual(['hcm.rach-dua']);
    expect(searchUnits(dir, 'phuong', { limit: 3 })).toHaveLength(3);
    expect(searchUnits(dir, 'không có đơn vị này')).toEqual([]);
  });
});

describe('a directory from outside input', () => {
  const base = (): UnitDirectory => structuredClone(rawDirectory()) as UnitDirectory;
  const errorsOf = (raw: unknown) => {
    const r = parseDirectory(raw);
    return r.ok ? [] : r.errors;
  };

  it.each([
    ['not an object', () => 42, /root|expected/u],
    ['a bad id', () => { const x = base(); x.units[1]!.id = u('Sở TT&TT'); return x; }, /not a unit id/u],
    ['a duplicate id', () => { const x = base(); x.units[2]!.id = x.units[1]!.id; return x; }, /duplicate id/u],
    ['an unknown parent', () => { const x = base(); x.units[1]!.parentId = u('nowhere'); return x; }, /unknown parent/u],
    ['a successor that does not exist yet', () => {
      const x = base(); const w = x.units.find((y) => y.id === 'brvt.vung-tau.p1')!; w.validTo = d('2024-12-31'); return x;
    }, /not valid on 2025-01-01/u],
    ['two units sharing a name at once', () => { const x = base(); x.units[4]!.aliases.push('Sở TT & TT'); return x; }, /names both/u],
    ['a parent cycle', () => { const x = base(); x.units[0]!.parentId = u('brvt.so-tttt'); return x; }, /cycle|outside/u],
    ['a child outliving its parent', () => {
      const x = base(); const w = x.units.find((y) => y.id === 'brvt.vung-tau.p1')!; w.validTo = null; w.successors = []; return x;
    }, /outside its parent/u],
  ])('refuses %s with a reason', (_, make, reason) => {
    const errors = errorsOf(make());
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(reason);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(fc.property(fc.anything(), (x) => typeof parseDirectory(x).ok === 'boolean'));
    fc.assert(fc.property(fc.jsonValue(), (x) => typeof parseDirectory({ version: 1, asOf: '2024-01-01', units: [x], groups: [] }).ok === 'boolean'));
  });
});
