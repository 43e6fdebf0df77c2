// What the wizard and the publisher need to know about a plan against the unit directory. Every
// decision is the core's (parseUnitsCell, expandGroup, planSpan, addresseesOf); this file only
// gathers their answers for a whole plan.
import type { ItemId, UnitId } from '../../../shared/model/ids';
import type { PlanDocument } from '../../../shared/model/plan';
import type { PlanUnit, PublicKeyEntry } from '../../../shared/model/units';
import { addresseesOf } from '../../../shared/plans/transcribed';
import { expandGroup, planSpan } from '../../../shared/units/assignment';
import { parseUnitsCell } from '../../../shared/units/cell';
import { ancestorsOf, descendantsOf, type Directory } from '../../../shared/units/directory';
import type { When } from '../../../shared/units/validity';

export type UnresolvedName = { name: string; items: ItemId[] };

const whenOf = (doc: PlanDocument, directory: Directory): When => planSpan(doc.plan) ?? directory.data.asOf;
const unitCells = (it: PlanDocument['items'][number]) => [it.lead, it.coordinating, it.monitor ?? ''];

/** Names in the units cells that the directory does not know, with the items naming them. */
export function unresolvedNames(doc: PlanDocument, directory: Directory): UnresolvedName[] {
  const when = whenOf(doc, directory);
  const byName = new Map<string, ItemId[]>();
  const cache = new Map<string, string[]>();
  for (const it of doc.items) {
    for (const cell of unitCells(it)) {
      if (cell.trim() === '') continue;
      let names = cache.get(cell);
      if (!names) { names = parseUnitsCell(cell, directory, when).unresolved; cache.set(cell, names); }
      for (const n of names) {
        const list = byName.get(n) ?? [];
        if (!list.includes(it.id)) list.push(it.id);
        byName.set(n, list);
      }
    }
  }
  return [...byName].map(([name, items]) => ({ name, items })).sort((a, b) => b.items.length - a.items.length || a.name.localeCompare(b.name, 'vi'));
}

/** The plan as its issuer installs it: issued and consolidated by this unit, addressed as its plans are. */
export function asIssuedBy(doc: PlanDocument, issuer: UnitId, directory: Directory): PlanDocument {
  const addressedTo = doc.plan.addressedTo && doc.plan.addressedTo.length > 0 ? doc.plan.addressedTo : addresseesOf(issuer, directory);
  return { ...doc, plan: { ...doc.plan, issuerUnitId: doc.plan.issuerUnitId ?? issuer, addressedTo } };
}

export type KeyRow = { unitId: string; keyId: string; publicKey: string; validFrom: string | null; revokedAt: string | null };

/**
 * The directory units a plan package carries: the issuer, the units below it (who report to
 * it), every unit named or reached through a group in the plan, and their parents; each with the
 * keys this installation trusts for it.
 */
export function planUnits(doc: PlanDocument, directory: Directory, issuer: UnitId, keys: readonly KeyRow[]): PlanUnit[] {
  const when = whenOf(doc, directory);
  const ids = new Set<string>([issuer]);
  for (const u of descendantsOf(directory, issuer, when)) ids.add(u.id);
  const addGroup = (groupId: string) => {
    const g = directory.groups.get(groupId);
    if (g) for (const id of expandGroup(g, directory, when)) ids.add(id);
  };
  for (const id of doc.plan.addressedTo ?? []) {
    if (directory.units.has(id)) ids.add(id);
    else addGroup(id);
  }
  const seen = new Set<string>();
  for (const it of doc.items) {
    for (const cell of unitCells(it)) {
      if (cell.trim() === '' || seen.has(cell)) continue;
      seen.add(cell);
      for (const r of parseUnitsCell(cell, directory, when).refs) {
        if (r.kind === 'unit') ids.add(r.unitId);
        else addGroup(r.groupId);
      }
    }
  }
  for (const id of [...ids]) for (const a of ancestorsOf(directory, id as UnitId)) ids.add(a.id);
  const keysOf = (unitId: string): PublicKeyEntry[] => {
    const out = new Map<string, PublicKeyEntry>();
    for (const k of keys) if (k.unitId === unitId && !out.has(k.keyId)) out.set(k.keyId, { keyId: k.keyId, publicKey: k.publicKey, validFrom: k.validFrom, revokedAt: k.revokedAt });
    return [...out.values()];
  };
  return directory.data.units.filter((u) => ids.has(u.id)).map((u) => ({
    id: u.id, name: u.name, parentId: u.parentId, aliases: [...u.aliases], publicKeys: keysOf(u.id),
  }));
}
