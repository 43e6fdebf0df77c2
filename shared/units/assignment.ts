// Who carries which item. A unit is lead (chủ trì) or coordinating (phối hợp) on an item when a
// cell names it, or names a group it belongs to; an item that names no unit at all falls to the
// units the plan is addressed to, as lead (the Vũng Tàu 2024 plan: every ward and department).
import type { ItemId, UnitId } from '../model/ids';
import type { ItemKind, Plan, PlanDocument } from '../model/plan';
import type { UnitGroup } from '../model/units';
import { isBlankCell, parseUnitsCell, type UnitsCell } from './cell';
import { ancestorsOf, type Directory } from './directory';
import { isValidDuring, periodSpan, type DateSpan, type When } from './validity';

export type Role = 'lead' | 'coordinating';
/** How the role came about, for the item detail view ("qua nhóm: Các sở, ban, ngành, địa phương"). */
export type AssignmentVia = 'named' | 'group' | 'addressed';
export type ItemAssignment = { itemId: ItemId; role: Role | null; via: AssignmentVia | null };

/**
 * The members of a group valid at `when`: units of the group's kinds directly under its parent
 * (at any depth when `deep`), plus its explicit `include`s, in directory order.
 */
export function expandGroup(group: UnitGroup, directory: Directory, atDate: When): UnitId[] {
  const out: UnitId[] = [];
  for (const u of directory.data.units) {
    if (!isValidDuring(u, atDate)) continue;
    const included = group.include.includes(u.id);
    const byKind = group.kinds.includes(u.kind) && underParent(group, u.id, u.parentId, directory);
    if (included || byKind) out.push(u.id);
  }
  return out;
}

function underParent(group: UnitGroup, id: UnitId, parentId: UnitId | null, directory: Directory): boolean {
  if (group.parentId === null) return group.deep || parentId === null;
  if (parentId === group.parentId) return true;
  return group.deep && ancestorsOf(directory, id).some((a) => a.id === group.parentId);
}

/** The days a plan runs: a unit that existed on any of them can carry its items. */
export function planSpan(plan: Plan): DateSpan | null {
  return periodSpan(plan.periodFrom, plan.periodTo);
}

type Membership = { named: boolean; group: boolean };

/**
 * A unit's role on every item of the plan, in plan order. Precedence, and why: named in the lead
 * cell, then named in the coordinating cell (`chủ trì: các sở, ban, ngành; phối hợp: Sở TT&TT` makes
 * Sở TT&TT a helper, not a lead), then a member of a lead group, then of a coordinating group; an
 * item whose lead and coordinating cells are both blank falls to the plan's `addressedTo`, as lead.
 */
export function assignmentsForUnit(doc: PlanDocument, directory: Directory, unitId: UnitId): ItemAssignment[] {
  const when: When = planSpan(doc.plan) ?? directory.data.asOf;
  const cells = new Map<string, UnitsCell>();
  const parse = (cell: string) => {
    let p = cells.get(cell);
    if (!p) {
      p = parseUnitsCell(cell, directory, when);
      cells.set(cell, p);
    }
    return p;
  };
  const groupCache = new Map<string, boolean>();
  const inGroup = (groupId: string) => {
    let hit = groupCache.get(groupId);
    if (hit === undefined) {
      const g = directory.groups.get(groupId);
      hit = g ? expandGroup(g, directory, when).includes(unitId) : false;
      groupCache.set(groupId, hit);
    }
    return hit;
  };
  const member = (cell: UnitsCell): Membership => ({
    named: cell.refs.some((r) => r.kind === 'unit' && r.unitId === unitId),
    group: cell.refs.some((r) => r.kind === 'group' && inGroup(r.groupId)),
  });
  const addressed = (doc.plan.addressedTo ?? []).some((id) => id === unitId || inGroup(id));

  return doc.items.map((item): ItemAssignment => {
    if (isBlankCell(item.lead) && isBlankCell(item.coordinating)) {
      return addressed ? { itemId: item.id, role: 'lead', via: 'addressed' } : { itemId: item.id, role: null, via: null };
    }
    const lead = member(parse(item.lead));
    const coord = member(parse(item.coordinating));
    if (lead.named) return { itemId: item.id, role: 'lead', via: 'named' };
    if (coord.named) return { itemId: item.id, role: 'coordinating', via: 'named' };
    if (lead.group) return { itemId: item.id, role: 'lead', via: 'group' };
    if (coord.group) return { itemId: item.id, role: 'coordinating', via: 'group' };
    return { itemId: item.id, role: null, via: null };
  });
}

/** The unit's roles keyed by item (only items it carries), as the plan browser takes them. */
export function rolesForUnit(doc: PlanDocument, directory: Directory, unitId: UnitId): Map<ItemId, Role> {
  const roles = new Map<ItemId, Role>();
  for (const a of assignmentsForUnit(doc, directory, unitId)) if (a.role) roles.set(a.itemId, a.role);
  return roles;
}

export type RoleCounts = { lead: number; coordinating: number };
export type AssignmentSummary = RoleCounts & { total: number; byKind: Record<ItemKind, RoleCounts> };

/** How many items of each kind the unit leads or coordinates: the "assigned to my unit" header. */
export function itemsAssignedTo(doc: PlanDocument, directory: Directory, unitId: UnitId): AssignmentSummary {
  const byKind: Record<ItemKind, RoleCounts> = {
    task: { lead: 0, coordinating: 0 },
    indicator: { lead: 0, coordinating: 0 },
    project: { lead: 0, coordinating: 0 },
  };
  const kindOf = new Map(doc.items.map((i) => [i.id, i.kind] as const));
  const summary = { lead: 0, coordinating: 0 };
  for (const a of assignmentsForUnit(doc, directory, unitId)) {
    const kind = kindOf.get(a.itemId);
    if (!a.role || !kind) continue;
    summary[a.role]++;
    byKind[kind][a.role]++;
  }
  return { ...summary, total: summary.lead + summary.coordinating, byKind };
}
