// The unit directory as it arrives (resources/units/directory.json, a plan package's units):
// parsed once from `unknown`, then checked as a whole, so the rest of the app can trust it.
import { z } from 'zod';
import type { IsoDate, UnitId } from '../model/ids';
import type { DirectoryUnit, UnitDirectory, UnitGroup, UnitKind } from '../model/units';
import { nameKeys } from './names';
import { isIsoDate, isValidDuring, nextDay } from './validity';

const UNIT_KINDS = ['province', 'city', 'district', 'ward', 'commune', 'department', 'agency', 'committee', 'office'] as const satisfies readonly UnitKind[];

/** `brvt`, `brvt.so-tttt`, `brvt.vung-tau.p1`: dot-separated ASCII slugs, see docs/unit-directory.md. */
export const UNIT_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)*$/u;
/** `brvt:cap-huyen`, `brvt.vung-tau:phuong-xa`: the owning unit's id, a colon, a slug. */
export const GROUP_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)*:[a-z0-9]+(?:-[a-z0-9]+)*$/u;

const unitIdSchema = z.string().regex(UNIT_ID_PATTERN, 'not a unit id').transform((s) => s as UnitId);
const isoDateSchema = z.string().refine(isIsoDate, 'not a date YYYY-MM-DD').transform((s) => s as IsoDate);
const name = z.string().transform((s) => s.normalize('NFC').trim()).pipe(z.string().min(1).max(300));

export const directoryUnitSchema = z.object({
  id: unitIdSchema,
  name,
  kind: z.enum(UNIT_KINDS),
  parentId: unitIdSchema.nullable(),
  aliases: z.array(name).default([]),
  validFrom: isoDateSchema.nullable().default(null),
  validTo: isoDateSchema.nullable().default(null),
  successors: z.array(unitIdSchema).default([]),
  note: z.string().optional(),
}) satisfies z.ZodType<DirectoryUnit, unknown>;

export const unitGroupSchema = z.object({
  id: z.string().regex(GROUP_ID_PATTERN, 'not a group id'),
  name,
  aliases: z.array(name).default([]),
  kinds: z.array(z.enum(UNIT_KINDS)),
  parentId: unitIdSchema.nullable(),
  deep: z.boolean().default(false),
  include: z.array(unitIdSchema).default([]),
  related: z.boolean().optional(),
  addressee: z.boolean().optional(),
  note: z.string().optional(),
}) satisfies z.ZodType<UnitGroup, unknown>;

export const unitDirectorySchema = z.object({
  version: z.number().int().min(1),
  asOf: isoDateSchema,
  units: z.array(directoryUnitSchema),
  groups: z.array(unitGroupSchema).default([]),
}) satisfies z.ZodType<UnitDirectory, unknown>;

/**
 * What zod cannot see one record at a time: ids unique across units and groups, every reference
 * resolves, no cycles, a child lives within its parent's lifetime, a successor exists on the day
 * after its predecessor ends, and no two things valid at the same time share a name.
 */
export function checkDirectory(d: UnitDirectory): string[] {
  const errors: string[] = [];
  const units = new Map<string, DirectoryUnit>();
  const seen = new Set<string>();
  for (const x of [...d.units, ...d.groups]) {
    if (seen.has(x.id)) errors.push(`duplicate id ${x.id}`);
    seen.add(x.id);
  }
  for (const u of d.units) units.set(u.id, u);

  for (const u of d.units) {
    const at = `unit ${u.id}`;
    if (u.validFrom && u.validTo && u.validFrom > u.validTo) errors.push(`${at}: validFrom after validTo`);
    if (u.successors.length > 0 && !u.validTo) errors.push(`${at}: successors without validTo`);
    if (u.parentId !== null) {
      const parent = units.get(u.parentId);
      if (!parent) errors.push(`${at}: unknown parent ${u.parentId}`);
      // The id need not start with the parent's: a unit that moves keeps its id (ids never change).
      else if (!within(u, parent)) errors.push(`${at}: valid outside its parent ${parent.id}`);
    }
    for (const s of u.successors) {
      const succ = units.get(s);
      if (!succ) errors.push(`${at}: unknown successor ${s}`);
      else if (s === u.id) errors.push(`${at}: is its own successor`);
      else if (u.validTo && !isValidDuring(succ, nextDay(u.validTo))) {
        errors.push(`${at}: successor ${s} is not valid on ${nextDay(u.validTo)}`);
      }
    }
    if (hasCycle(u, units)) errors.push(`${at}: its parents form a cycle`);
  }

  for (const g of d.groups) {
    const at = `group ${g.id}`;
    if (g.parentId !== null && !units.has(g.parentId)) errors.push(`${at}: unknown parent ${g.parentId}`);
    if (g.parentId !== null && !g.id.startsWith(`${g.parentId}:`)) errors.push(`${at}: id must start with its parent ${g.parentId}:`);
    for (const i of g.include) if (!units.has(i)) errors.push(`${at}: unknown member ${i}`);
  }

  errors.push(...nameClashes(d));
  return errors;
}

function within(child: DirectoryUnit, parent: DirectoryUnit): boolean {
  const startsOk = parent.validFrom === null || (child.validFrom !== null && child.validFrom >= parent.validFrom);
  const endsOk = parent.validTo === null || (child.validTo !== null && child.validTo <= parent.validTo);
  return startsOk && endsOk;
}

function hasCycle(u: DirectoryUnit, units: ReadonlyMap<string, DirectoryUnit>): boolean {
  const visited = new Set<string>();
  let cur: DirectoryUnit | undefined = u;
  while (cur && cur.parentId !== null) {
    if (visited.has(cur.id)) return true;
    visited.add(cur.id);
    cur = units.get(cur.parentId);
  }
  return false;
}

/** Two units (or a unit and a group) that share a spelling while both exist: a cell naming it would be ambiguous. */
function nameClashes(d: UnitDirectory): string[] {
  type Owner = { id: string; validFrom: IsoDate | null; validTo: IsoDate | null };
  const byName = new Map<string, Owner[]>();
  const put = (n: string, o: Owner) => {
    // The same keys the cell parser matches on, so what is checked here is what it would confuse.
    const keys = nameKeys(n);
    const key = (keys[0] === 'cac' ? keys.slice(1) : keys).join(' ');
    const list = byName.get(key) ?? [];
    if (!list.some((x) => x.id === o.id)) list.push(o);
    byName.set(key, list);
  };
  for (const u of d.units) for (const n of [u.name, ...u.aliases]) put(n, u);
  for (const g of d.groups) for (const n of [g.name, ...g.aliases]) put(n, { id: g.id, validFrom: null, validTo: null });
  const errors: string[] = [];
  for (const [n, owners] of byName) {
    for (let i = 0; i < owners.length; i++) {
      for (let j = i + 1; j < owners.length; j++) {
        const a = owners[i];
        const b = owners[j];
        if (a && b && isValidDuring(a, { from: b.validFrom ?? ('0000-01-01' as IsoDate), to: b.validTo ?? ('9999-12-31' as IsoDate) })) {
          errors.push(`name "${n}" names both ${a.id} and ${b.id} at the same time`);
        }
      }
    }
  }
  return errors;
}
