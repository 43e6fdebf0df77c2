/**
 * The items a unit reports on: those it leads or coordinates (shared/units/assignment.ts decides
 * the roles). Without roles (no unit directory yet) every item of the plan is offered, role
 * unknown, rather than an empty report.
 */
import type { ItemId } from '../model/ids';
import type { PlanDocument, PlanItem } from '../model/plan';
import type { Role } from '../units/assignment';

export type AssignedItem = { item: PlanItem; role: Role | null };

export function assignedItems(doc: PlanDocument, roles: ReadonlyMap<ItemId, Role> | null): AssignedItem[] {
  if (roles === null) return doc.items.map((item) => ({ item, role: null }));
  const out: AssignedItem[] = [];
  for (const item of doc.items) {
    const role = roles.get(item.id);
    if (role) out.push({ item, role });
  }
  return out;
}
