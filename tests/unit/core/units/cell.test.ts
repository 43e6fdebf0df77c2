import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../../shared/model/ids';
import { readTranscribedPlan } from '../../../../shared/plans/transcribed';
import { planSpan } from '../../../../shared/units/assignment';
import { parseUnitsCell, type UnitRef } from '../../../../shared/units/cell';
import { loadDirectory, PLAN_IDS, rawPlan, type PlanFile } from './fixtures';

const dir = loadDirectory();
const AT = '2023-06-26' as IsoDate;
const ids = (refs: UnitRef[]) => refs.map((r) => (r.kind === 'unit' ? r.unitId : `@${r.groupId}`));
const read = (cell: string, at: IsoDate = AT) => parseUnitsCell(cell, dir, at);

describe('parseUnitsCell on real cells', () => {
  it.each([
    ['Sở Thông tin và Truyền thông', ['brvt.so-tttt']],
    ['Sở TT&TT', ['brvt.so-tttt']],
    ['Sở TT & TT', ['brvt.so-tttt']],
    ['VP UBND tỉnh', ['brvt.vp-ubnd']],
    // `và` inside a name is not a separator: the longest known name wins.
    ['Sở Văn hóa và Thể thao', ['brvt.so-vhtt']],
    ['Sở Văn hoá và Thể thao', ['brvt.so-vhtt']], // old tone placement
    ['SỞ VĂN HÓA VÀ THỂ THAO', ['brvt.so-vhtt']],
    ['Sở Thông tin và Truyền thông và các đơn vị liên quan', ['brvt.so-tttt', '@brvt:don-vi-lien-quan']],
    ['Sở Tài chính, Sở Thông tin và Truyền thông, Sở Nông nghiệp và Phát triển nông thôn và các đơn vị liên quan',
      ['brvt.so-tc', 'brvt.so-tttt', 'brvt.so-nnptnt', '@brvt:don-vi-lien-quan']],
    ['Sở KH&ĐT, Sở Tài chính, các sở, ngành liên quan', ['brvt.so-khdt', 'brvt.so-tc', '@brvt:so-nganh-lien-quan']],
    ['Các sở, ban, ngành, địa phương', ['@brvt:so-nganh-dia-phuong']],
    ['Các sở, ban, ngành; UBND các huyện, thị xã, thành phố', ['@brvt:so-nganh', '@brvt:cap-huyen']],
    ['UBND cấp huyện', ['@brvt:cap-huyen']],
    ['UBND cấp huyện, cấp xã', ['@brvt:cap-huyen', '@brvt:cap-xa']],
    ['Sở LĐTBXH; Ban các QLKC; UBND các huyện, thị xã, thành phố', ['brvt.so-ldtbxh', 'brvt.bql-kcn', '@brvt:cap-huyen']],
    ['Lãnh đạo: VP UBND tỉnh, Sở Nội vụ, Sở Thông tin và Truyền thông', ['brvt.vp-ubnd', 'brvt.so-nv', 'brvt.so-tttt']],
    ['Lãnh đạo Sở Y tế', ['brvt.so-yt']],
    ['Sở Thông tin và Truyền thông;', ['brvt.so-tttt']],
    ['Công an Tỉnh', ['brvt.ca']],
  ])('reads %s', (cell, expected) => {
    const r = read(cell);
    expect(ids(r.refs)).toEqual(expected);
    expect(r.unresolved).toEqual([]);
    expect(r.verbatim).toBe(cell);
  });

  it('reads NFD text as NFC and shows the NFC piece', () => {
    const r = read('Sở Văn hóa và Thể thao, Sở Y tế'.normalize('NFD'));
    expect(ids(r.refs)).toEqual(['brvt.so-vhtt', 'brvt.so-yt']);
    expect(r.refs.map((x) => x.text)).toEqual(['Sở Văn hóa và Thể thao', 'Sở Y tế']);
  });

  it('keeps what is not a unit, as written, as one warning per run', () => {
    const r = read('Sở Công thương, VCCI, Hiệp hội SME, Sở Thông tin và Truyền thông, UBND cấp huyện');
    expect(ids(r.refs)).toEqual(['brvt.so-ct', 'brvt.so-tttt', '@brvt:cap-huyen']);
    expect(r.unresolved).toEqual(['VCCI, Hiệp hội SME']);
    expect(read('Doanh nghiệp viễn thông và Sở Y tế').unresolved).toEqual(['Doanh nghiệp viễn thông']);
    expect(read('').refs).toEqual([]);
    expect(read('').unresolved).toEqual([]);
  });

  it('picks the unit that exists at the date when two share a name', () => {
    expect(ids(read('Phường Rạch Dừa', '2024-05-01' as IsoDate).refs)).toEqual(['brvt.vung-tau.rach-dua']);
    expect(ids(read('Phường Rạch Dừa', '2026-01-01' as IsoDate).refs)).toEqual(['hcm.rach-dua']);
    expect(ids(read('Phường Thắng Tam', '2026-01-01' as IsoDate).refs)).toEqual(['brvt.vung-tau.thang-tam']); // history stays readable
  });

  it('names each unit once even when the cell repeats it', () => {
    expect(ids(read('Sở Y tế; Sở Y tế').refs)).toEqual(['brvt.so-yt']);
  });

  it('never throws and always keeps the cell', () => {
    fc.assert(fc.property(fc.string(), (s) => read(s).verbatim === s));
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => read(s).verbatim === s));
    const pieces = fc.constantFrom('Sở', 'và', ',', ';', 'các', 'Lãnh đạo:', 'TT&TT', 'UBND', 'cấp', 'huyện', ' ', '.', '-', 'Thắng Tam');
    fc.assert(fc.property(fc.array(pieces), (a) => {
      const r = read(a.join(' '));
      return r.unresolved.every((u) => u.length > 0) && r.refs.every((x) => x.text.length > 0);
    }));
  });
});

// Every lead / coordinating / monitor cell of the three plans: resolved, or kept as a warning.
// The counts are exact, so a change in the directory or the parser shows here.
const EXPECTED: Record<PlanFile, { cells: number; units: number; groups: number; unresolved: string[] }> = {
  'brvt-bcd-2023': {
    cells: 196, units: 183, groups: 68,
    // Businesses, associations, schools and state companies: not units of the directory.
    unresolved: ['Chủ hạ tầng quản lý các Khu công nghiệp', 'Các trường Đại học, Cao đẳng trên địa bàn tỉnh', 'Công ty Cấp nước',
      'Doanh nghiệp viễn thông', 'Doanh nghiệp viễn thông, truyền hình cáp', 'VCCI, Hiệp hội SME', 'Điện lực tỉnh'],
  },
  'brvt-cqs-2023-2025': { cells: 134, units: 117, groups: 71, unresolved: ['các doanh nghiệp viễn thông'] },
  'vungtau-cds-2024': { cells: 0, units: 0, groups: 0, unresolved: [] },
};

describe.each(PLAN_IDS)('every units cell of %s', (planId) => {
  const r = readTranscribedPlan(rawPlan(planId), dir);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  const span = planSpan(r.doc.plan);
  if (!span) throw new Error('plan without a period');

  it('resolves or explicitly warns, with the expected counts', () => {
    let cells = 0; let units = 0; let groups = 0;
    const unresolved = new Set<string>();
    for (const item of r.doc.items) {
      for (const cell of [item.lead, item.coordinating, item.monitor ?? '']) {
        if (cell.trim() === '') continue;
        cells++;
        const p = parseUnitsCell(cell, dir, span);
        expect(p.refs.length + p.unresolved.length, cell).toBeGreaterThan(0);
        units += p.refs.filter((x) => x.kind === 'unit').length;
        groups += p.refs.filter((x) => x.kind === 'group').length;
        p.unresolved.forEach((u) => unresolved.add(u));
      }
    }
    expect({ cells, units, groups, unresolved: [...unresolved].sort((a, b) => a.localeCompare(b, 'vi')) })
      .toEqual({ ...EXPECTED[planId], unresolved: [...EXPECTED[planId].unresolved].sort((a, b) => a.localeCompare(b, 'vi')) });
  });
});
