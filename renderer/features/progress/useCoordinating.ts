// The coordinating units' entries on the items this unit leads, from the received packages: the
// rows the consolidation screens read (receivedRepo), judged by the core (shared/progress).
import { useMemo } from 'react';
import type { ItemId, UnitId } from '../../../shared/model/ids';
import { coordinatingEntries, type CoordinatingEntry } from '../../../shared/progress';
import { rolesForUnit, type Role } from '../../../shared/units/assignment';
import { useReceivedForPeriod } from '../consolidation/receivedRepo';
import { useDirectory } from '../units/unitsRepo';
import type { ReportModel } from './useReport';

export type CoordinatingView = { byItem: ReadonlyMap<ItemId, CoordinatingEntry[]>; name: (id: UnitId) => string };

export function useCoordinating(model: ReportModel): CoordinatingView {
  const rows = useReceivedForPeriod(model.key.planId, model.key.period);
  const directory = useDirectory();
  const { doc, assigned, rolesKnown, key } = model;
  return useMemo(() => {
    const name = (id: UnitId) => directory?.units.get(id)?.name ?? id;
    const leadItems = new Set(assigned.filter((a) => a.role === 'lead').map((a) => a.item.id));
    if (!rows || rows.length === 0 || leadItems.size === 0) return { byItem: new Map(), name };
    const submissions = rows.filter((r) => r.reason === 'ok' && !r.setAside).flatMap((r) => r.submissions);
    const roles = new Map<UnitId, ReadonlyMap<ItemId, Role>>();
    const roleOf = (unit: UnitId, item: ItemId): Role | undefined => {
      if (!directory) return undefined;
      let r = roles.get(unit);
      if (!r) {
        try { r = rolesForUnit(doc, directory, unit); } catch { r = new Map(); }
        roles.set(unit, r);
      }
      return r.get(item);
    };
    const byItem = coordinatingEntries(submissions, {
      planId: key.planId, period: key.period, self: key.unitId, leadItems,
      isCoordinating: rolesKnown && directory ? (u, i) => roleOf(u, i) === 'coordinating' : null,
    });
    for (const list of byItem.values()) list.sort((a, b) => name(a.unitId).localeCompare(name(b.unitId), 'vi', { numeric: true }));
    return { byItem, name };
  }, [rows, directory, doc, assigned, rolesKnown, key]);
}
