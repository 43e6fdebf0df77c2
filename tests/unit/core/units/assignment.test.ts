import { describe, expect, it } from 'vitest';
import type { IsoDate, UnitId } from '../../../../shared/model/ids';
import type { PlanDocument } from '../../../../shared/model/plan';
import { readTranscribedPlan } from '../../../../shared/plans/transcribed';
import { assignmentsForUnit, expandGroup, itemsAssignedTo, rolesForUnit } from '../../../../shared/units/assignment';
import { loadDirectory, rawPlan, type PlanFile } from './fixtures';

const dir = loadDirectory();
const u = (s: string) => s as UnitId;
const d = (s: string) => s as IsoDate;
const plan = (id: PlanFile): PlanDocument => {
  const r = readTranscribedPlan(rawPlan(id), dir);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.doc;
};
const group = (id: string) => {
  const g = dir.groups.get(id);
  if (!g) throw new Error(`no group ${id}`);
  return g;
};

describe('expandGroup', () => {
  it('lists the district level in 2024 and nothing after it was abolished', () => {
    expect(expandGroup(group('brvt:cap-huyen'), dir, d('2024-05-01'))).toHaveLength(7);
    expect(expandGroup(group('brvt:cap-huyen'), dir, d('2026-01-01'))).toEqual([]);
  });

  it('lists the 17 wards and commune of Vũng Tàu in 2024 and the city departments', () => {
    const wards = expandGroup(group('brvt.vung-tau:phuong-xa'), dir, d('2024-05-01'));
    expect(wards).toHaveLength(17);
    expect(wards).toContain('brvt.vung-tau.thang-tam');
    expect(expandGroup(group('brvt.vung-tau:phong-ban'), dir, d('2024-05-01'))).toContain('brvt.vung-tau.phong-vhtt');
  });

  it('counts departments and localities, not the sub-units of a department', () => {
    const members = expandGroup(group('brvt:so-nganh-dia-phuong'), dir, d('2023-06-26'));
    expect(members).toContain('brvt.so-tttt');
    expect(members).toContain('brvt.vung-tau');
    expect(members).not.toContain('brvt.so-vhtt.thu-vien');
    expect(members).not.toContain('brvt.vung-tau.p1');
    expect(members).not.toContain('brvt.bcd-cds');
  });

  it('reaches every ward of the province when deep (UBND cấp xã)', () => {
    expect(expandGroup(group('brvt:cap-xa'), dir, d('2024-05-01'))).toHaveLength(17);
  });
});

describe('assignmentsForUnit', () => {
  it('gives a ward of Vũng Tàu every item of the 2024 plan, as lead, through the plan addressees', () => {
    const doc = plan('vungtau-cds-2024');
    const summary = itemsAssignedTo(doc, dir, u('brvt.vung-tau.thang-tam'));
    expect(summary.byKind.indicator).toEqual({ lead: 42, coordinating: 0 });
    expect(summary.byKind.task).toEqual({ lead: 32, coordinating: 0 });
    expect(new Set(assignmentsForUnit(doc, dir, u('brvt.vung-tau.thang-tam')).map((a) => a.via))).toEqual(new Set(['addressed']));
    expect(itemsAssignedTo(doc, dir, u('brvt.vung-tau.phong-vhtt')).lead).toBe(74);
    // A province department and the successor ward of 2025 are not addressed by the city's 2024 plan.
    expect(itemsAssignedTo(doc, dir, u('brvt.so-tttt')).total).toBe(0);
    expect(itemsAssignedTo(doc, dir, u('hcm.vung-tau')).total).toBe(0);
  });

  it('counts Sở TT&TT in brvt-bcd-2023: lead on 27 items, coordinating on 41', () => {
    const doc = plan('brvt-bcd-2023');
    const s = itemsAssignedTo(doc, dir, u('brvt.so-tttt'));
    // 26 rows name it as lead, 1 more leads through `Các sở, ban, ngành, địa phương`; 33 rows name it
    // as coordinating, 8 more through a coordinating group.
    expect({ lead: s.lead, coordinating: s.coordinating }).toEqual({ lead: 27, coordinating: 41 });
    const a = assignmentsForUnit(doc, dir, u('brvt.so-tttt'));
    expect(a.filter((x) => x.role === 'lead' && x.via === 'named')).toHaveLength(26);
    expect(a.filter((x) => x.role === 'coordinating' && x.via === 'named')).toHaveLength(33);
  });

  it('prefers being named over being in a group', () => {
    const doc = plan('brvt-bcd-2023');
    // i.I.1: lead `Các sở, ban, ngành, địa phương`, coordinating `Văn phòng UBND tỉnh, Sở Thông tin và Truyền thông`.
    const roles = rolesForUnit(doc, dir, u('brvt.so-tttt'));
    expect(roles.get(doc.items[0]!.id)).toBe('coordinating');
    expect(rolesForUnit(doc, dir, u('brvt.so-yt')).get(doc.items[0]!.id)).toBe('lead');
  });

  it('reaches a ward of the province through `UBND cấp huyện, cấp xã`', () => {
    const s = itemsAssignedTo(plan('brvt-bcd-2023'), dir, u('brvt.vung-tau.thang-tam'));
    expect({ lead: s.lead, coordinating: s.coordinating }).toEqual({ lead: 1, coordinating: 0 });
  });

  it('gives a unit outside every cell nothing', () => {
    expect(itemsAssignedTo(plan('brvt-cqs-2023-2025'), dir, u('hcm')).total).toBe(0);
    expect(itemsAssignedTo(plan('brvt-cqs-2023-2025'), dir, u('no-such-unit')).total).toBe(0);
  });
});
