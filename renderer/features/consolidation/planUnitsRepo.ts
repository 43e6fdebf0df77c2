// The units a signed plan package lists (`payload.units`), kept per plan in the settings table
// (`plan-units:<planId>`) once the officer trusts the package's issuer, the same act that trusts
// their keys. The consolidation screen expects the consolidating unit's children from the unit
// directory and from this list (shared/units/children.ts): a province or a national roll-up
// whose units the bundled directory does not know. Keys are not kept here (the trust table has them).
import { useLiveQuery } from 'dexie-react-hooks';
import type { PlanId } from '../../../shared/model/ids';
import type { PlanUnit } from '../../../shared/model/units';
import type { PlanUnitRef } from '../../../shared/units/children';
import type { PlanBookDb } from '../../db/database';
import { useDb } from '../../db/context';
import type { SettingRecord } from '../../db/records';

export const planUnitsKey = (planId: string) => `plan-units:${planId}`;

const refOf = (u: PlanUnit): PlanUnitRef => {
  const extra = u as PlanUnit & { validFrom?: unknown; validTo?: unknown };
  return {
    id: u.id, name: u.name, parentId: u.parentId,
    ...(typeof extra.validFrom === 'string' ? { validFrom: extra.validFrom } : {}),
    ...(typeof extra.validTo === 'string' ? { validTo: extra.validTo } : {}),
  };
};

export const planUnitsRepo = {
  /** Inside the caller's transaction (it must include `settings`): the plan's latest list replaces the one kept. */
  save: (db: PlanBookDb, planId: string, units: readonly PlanUnit[]) =>
    db.settings.put({ key: planUnitsKey(planId), value: units.map(refOf) }),
  get: async (db: PlanBookDb, planId: string): Promise<PlanUnitRef[]> => {
    const value = ((await db.settings.get(planUnitsKey(planId))) as SettingRecord | undefined)?.value;
    return Array.isArray(value) ? (value as PlanUnitRef[]) : [];
  },
};

export function usePlanUnits(planId: PlanId | null): PlanUnitRef[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => (planId ? planUnitsRepo.get(db, planId) : []), [db, planId]);
}
