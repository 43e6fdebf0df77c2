import { useMemo } from 'react';
import type { ItemId, UnitId } from '../../../shared/model/ids';
import type { PlanDocument } from '../../../shared/model/plan';
import { assignmentsForUnit, type AssignmentVia, type Role } from '../../../shared/units/assignment';
import type { Directory } from '../../../shared/units/directory';

export type Roles = { roles: ReadonlyMap<ItemId, Role>; via: ReadonlyMap<ItemId, AssignmentVia> };
const EMPTY: Roles = { roles: new Map(), via: new Map() };

/** This unit's role on every item of the plan, decided by the core (groups and default addressees included). */
export function useRoles(doc: PlanDocument | null, directory: Directory | undefined, unitId: UnitId): Roles {
  return useMemo(() => {
    if (!doc || !directory) return EMPTY;
    const roles = new Map<ItemId, Role>();
    const via = new Map<ItemId, AssignmentVia>();
    for (const a of assignmentsForUnit(doc, directory, unitId)) {
      if (a.role) roles.set(a.itemId, a.role);
      if (a.via) via.set(a.itemId, a.via);
    }
    return { roles, via };
  }, [doc, directory, unitId]);
}
