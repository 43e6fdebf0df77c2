import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { UnitId } from '../../../../shared/model/ids';
import type { PlanUnit } from '../../../../shared/model/units';
import { MAX_ALIAS_CHARS, planAliasesFor } from '../../../../shared/units/planAliases';

const id = (s: string) => s as UnitId;
const known = [
  { id: id('brvt.vung-tau.thang-tam'), name: 'Phường Thắng Tam', aliases: ['P. Thắng Tam'] },
  { id: id('brvt.vung-tau.p7'), name: 'Phường 7', aliases: [] },
];
const pu = (unitId: string, aliases: string[]): PlanUnit => ({ id: id(unitId), name: '?', parentId: null, aliases, publicKeys: [] });

describe('planAliasesFor', () => {
  it('adopts the aliases a known unit lacks, once, trimmed; skips its name, what it has, and unknown units', () => {
    expect(planAliasesFor(known, [
      pu('brvt.vung-tau.thang-tam', [' UBND P. Thắng Tam ', 'P. Thắng Tam', 'Phường Thắng Tam', '', 'UBND P. Thắng Tam']),
      pu('brvt.vung-tau.p7', ['UBND Phường 7']),
      pu('brvt.vung-tau.p7', ['UBND Phường 7', 'P7']),
      pu('nowhere', ['Xã Ảo']),
    ])).toEqual([
      { unitId: 'brvt.vung-tau.thang-tam', add: ['UBND P. Thắng Tam'] },
      { unitId: 'brvt.vung-tau.p7', add: ['UBND Phường 7', 'P7'] },
    ]);
  });

  it('refuses aliases with invisible or bidi characters, and overlong ones', () => {
    expect(planAliasesFor(known, [pu('brvt.vung-tau.p7', ['Phường\u200b 7', '\u202eP7', 'x'.repeat(MAX_ALIAS_CHARS + 1), 'x'.repeat(MAX_ALIAS_CHARS)])]))
      .toEqual([{ unitId: 'brvt.vung-tau.p7', add: ['x'.repeat(MAX_ALIAS_CHARS)] }]);
  });

  it('adopting twice adds nothing the second time (property)', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.string({ maxLength: 12 }), { maxLength: 5 }), { maxLength: 4 }), (lists) => {
      const plan = lists.map((a) => pu('brvt.vung-tau.p7', a));
      const first = planAliasesFor(known, plan);
      const after = known.map((u) => ({ ...u, aliases: [...u.aliases, ...(first.find((f) => f.unitId === u.id)?.add ?? [])] }));
      return planAliasesFor(after, plan).length === 0;
    }));
  });
});
