// The unit directory, indexed: by id, by parent, by name. Reorganisations are data (validFrom,
// validTo, successors), so every query that lists units takes the date it is asked for.
import type { IsoDate, UnitId } from '../model/ids';
import type { DirectoryUnit, UnitDirectory, UnitGroup } from '../model/units';
import { fold, matchesQuery } from '../text/fold';
import { checkDirectory, unitDirectorySchema } from './directorySchema';
import { buildNameIndex, type NameIndex } from './names';
import { isValidDuring, nextDay, type When } from './validity';

export type Directory = {
  readonly data: UnitDirectory;
  readonly units: ReadonlyMap<string, DirectoryUnit>;
  readonly groups: ReadonlyMap<string, UnitGroup>;
  /** Children by parent id, in directory order; roots under `null`. */
  readonly children: ReadonlyMap<string | null, readonly DirectoryUnit[]>;
  readonly names: NameIndex;
};

export type DirectoryResult = { ok: true; directory: Directory } | { ok: false; errors: string[] };

/** Parses and checks a directory from outside input; never throws. */
export function parseDirectory(raw: unknown): DirectoryResult {
  const parsed = unitDirectorySchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
  }
  const errors = checkDirectory(parsed.data);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, directory: indexDirectory(parsed.data) };
}

/** Indexes an already checked directory (parseDirectory does both). */
export function indexDirectory(data: UnitDirectory): Directory {
  const units = new Map<string, DirectoryUnit>();
  const children = new Map<string | null, DirectoryUnit[]>();
  for (const u of data.units) {
    units.set(u.id, u);
    const list = children.get(u.parentId) ?? [];
    list.push(u);
    children.set(u.parentId, list);
  }
  const groups = new Map(data.groups.map((g) => [g.id, g] as const));
  return { data, units, groups, children, names: buildNameIndex(data.units, data.groups) };
}

export const unitById = (dir: Directory, id: string): DirectoryUnit | undefined => dir.units.get(id);
export const groupById = (dir: Directory, id: string): UnitGroup | undefined => dir.groups.get(id);

/** Units that exist on some day of `when`, in directory order. */
export function unitsValidAt(dir: Directory, when: When): DirectoryUnit[] {
  return dir.data.units.filter((u) => isValidDuring(u, when));
}

/** Direct children of a unit (or the roots for `null`), optionally only those valid at `when`. */
export function childrenOf(dir: Directory, parentId: UnitId | null, when?: When): DirectoryUnit[] {
  const list = dir.children.get(parentId) ?? [];
  return when === undefined ? [...list] : list.filter((u) => isValidDuring(u, when));
}

/** Every unit below `id`, depth first, optionally only those valid at `when`. */
export function descendantsOf(dir: Directory, id: UnitId, when?: When): DirectoryUnit[] {
  const out: DirectoryUnit[] = [];
  const walk = (p: UnitId) => {
    for (const c of dir.children.get(p) ?? []) {
      if (when === undefined || isValidDuring(c, when)) out.push(c);
      walk(c.id); // a valid grandchild under a lapsed child still counts
    }
  };
  walk(id);
  return out;
}

/** The chain of parents from the unit's parent up to the root. */
export function ancestorsOf(dir: Directory, id: UnitId): DirectoryUnit[] {
  const out: DirectoryUnit[] = [];
  const seen = new Set<string>([id]);
  let cur = dir.units.get(id);
  while (cur?.parentId && !seen.has(cur.parentId)) {
    seen.add(cur.parentId);
    cur = dir.units.get(cur.parentId);
    if (cur) out.push(cur);
  }
  return out;
}

/**
 * The units that carry `id`'s duties at `date`: itself when valid, else its successors followed
 * until valid ones are found (Phường 1 at 2026-01-01 → Phường Vũng Tàu). Empty when the chain ends.
 */
export function successorsAt(dir: Directory, id: UnitId, date: IsoDate): UnitId[] {
  const out: UnitId[] = [];
  const seen = new Set<string>();
  const visit = (uid: UnitId) => {
    if (seen.has(uid)) return;
    seen.add(uid);
    const u = dir.units.get(uid);
    if (!u) return;
    if (isValidDuring(u, date)) {
      if (!out.includes(u.id)) out.push(u.id);
      return;
    }
    // Only follow forwards: a unit that does not exist yet has no successor to ask.
    if (u.validTo !== null && u.validTo < date) u.successors.forEach(visit);
  };
  visit(id);
  return out;
}

/** The units that took over from `id` the day after it ended (direct successors only). */
export function directSuccessors(dir: Directory, id: UnitId): DirectoryUnit[] {
  const u = dir.units.get(id);
  if (!u?.validTo) return [];
  const day = nextDay(u.validTo);
  return u.successors.map((s) => dir.units.get(s)).filter((s): s is DirectoryUnit => !!s && isValidDuring(s, day));
}

export type SearchOptions = { at?: When; limit?: number };

/**
 * Units whose name or an alias holds every word of the query, diacritics ignored (`thang tam`
 * finds `Phường Thắng Tam`). Best first: the name itself starting with the query, then any
 * name starting with it, then the rest, each in directory order.
 */
export function searchUnits(dir: Directory, query: string, opts: SearchOptions = {}): DirectoryUnit[] {
  const q = fold(query);
  const pool = opts.at === undefined ? dir.data.units : unitsValidAt(dir, opts.at);
  if (q === '') return pool.slice(0, opts.limit ?? pool.length);
  const scored: { u: DirectoryUnit; score: number; order: number }[] = [];
  pool.forEach((u, order) => {
    const names = [u.name, ...u.aliases];
    if (!names.some((n) => matchesQuery(n, q))) return;
    const score = fold(u.name) === q ? 0 : fold(u.name).startsWith(q) || wordStart(u.name, q) ? 1
      : names.some((n) => fold(n).startsWith(q)) ? 2 : 3;
    scored.push({ u, score, order });
  });
  scored.sort((a, b) => a.score - b.score || a.order - b.order);
  return scored.slice(0, opts.limit ?? scored.length).map((s) => s.u);
}

/** `thang tam` starts a word of `Phường Thắng Tam`: ranks it above `Phường Thắng Nhất`'s alias hits. */
const wordStart = (name: string, q: string) => ` ${fold(name)}`.includes(` ${q}`);
