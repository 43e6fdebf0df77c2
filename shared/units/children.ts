// Who a consolidating unit expects, when the unit directory does not list them all: a national
// roll-up or a province whose plan package names its own units (`units: [{id, name, parentId}]`).
// The directory stays the reference for the units it knows (their dates, their reorganisations);
// the plan adds the units the directory does not know whose parentId is the consolidating unit.
import type { UnitId } from '../model/ids';
import type { Directory } from './directory';
import { isValidDuring, isIsoDate, type DateSpan } from './validity';

/** A unit as a plan package lists it (payloads may add `validFrom` / `validTo`, ISO dates). */
export type PlanUnitRef = { id: UnitId; name: string; parentId: UnitId | null; validFrom?: unknown; validTo?: unknown };

const dateOf = (v: unknown) => (typeof v === 'string' && isIsoDate(v.slice(0, 10)) ? v.slice(0, 10) : null) as DateSpan['from'] | null;

/**
 * The directory's children (as given, in their order), then the plan's units under `consolidating`
 * that the directory does not know and that exist during `window`, in the plan's order. Each id once.
 */
export function childrenWithPlan(
  directory: Directory, fromDirectory: readonly UnitId[], planUnits: readonly PlanUnitRef[], consolidating: UnitId, window: DateSpan,
): UnitId[] {
  const out = new Set<UnitId>(fromDirectory);
  for (const u of planUnits) {
    if (u.parentId !== consolidating || u.id === consolidating || directory.units.has(u.id)) continue;
    if (isValidDuring({ validFrom: dateOf(u.validFrom), validTo: dateOf(u.validTo) }, window)) out.add(u.id);
  }
  return [...out];
}

/** A unit's name and parent: the directory's when it knows the unit, else the plan's; null when neither does. */
export function unitFacts(directory: Directory, planUnits: ReadonlyMap<string, PlanUnitRef>, id: string): { name: string; parentId: UnitId | null } | null {
  const u = directory.units.get(id) ?? planUnits.get(id);
  return u ? { name: u.name, parentId: u.parentId } : null;
}
