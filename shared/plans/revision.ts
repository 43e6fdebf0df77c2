// Plan revisions: what a new revision adds, changes and removes, item by item (ids are stable
// across revisions, DESIGN.md Payloads), and which revision number a publication carries.
// Pure: the wizard, the ward's revision screen and the tests all call these.
import type { ItemId, SectionId } from '../model/ids';
import type { Plan, PlanDocument, PlanItem, Section } from '../model/plan';

/** One cell (field) of an item, a section or the plan, before and after. Values are as stored. */
export type CellChange = { field: string; before: unknown; after: unknown };
export type ItemChange = { id: ItemId; before: PlanItem; after: PlanItem; cells: CellChange[] };
export type SectionChange = { id: SectionId; before: Section; after: Section; cells: CellChange[] };

export type PlanDiff = {
  added: PlanItem[];
  changed: ItemChange[];
  removed: PlanItem[];
  /** Items present in both whose place in the plan changed only (same cells). */
  moved: ItemId[];
  sections: { added: Section[]; changed: SectionChange[]; removed: Section[] };
  /** Plan fields that differ (title, decision, period, calendar, ...); `revision` and the id counter (bookkeeping) are not compared. */
  plan: CellChange[];
};

/** Structural equality of plain JSON-like values (strings, numbers, arrays, records). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)].filter((k) => ra[k] !== undefined || rb[k] !== undefined));
  for (const k of keys) if (!sameValue(ra[k], rb[k])) return false;
  return true;
}

/** The fields whose values differ; an absent field and `undefined` are the same. Sorted by name. */
export function cellChanges<T extends object>(before: T, after: T, ignore: readonly string[] = []): CellChange[] {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !ignore.includes(f)).sort();
  return fields.filter((f) => !sameValue(b[f], a[f])).map((field) => ({ field, before: b[field], after: a[field] }));
}

function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  const m = new Map<string, T>();
  for (const r of rows) if (!m.has(r.id)) m.set(r.id, r);
  return m;
}

/** Position of each id among the ids both revisions share, so an insertion does not count as a move. */
function sharedOrder(rows: readonly { id: string }[], keep: ReadonlySet<string>): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) if (keep.has(r.id) && !m.has(r.id)) m.set(r.id, m.size);
  return m;
}

export function diffPlans(old: PlanDocument, next: PlanDocument): PlanDiff {
  const oldItems = byId(old.items);
  const newItems = byId(next.items);
  const added = [...newItems.values()].filter((it) => !oldItems.has(it.id));
  const removed = [...oldItems.values()].filter((it) => !newItems.has(it.id));
  const changed: ItemChange[] = [];
  const moved: ItemId[] = [];
  const both = new Set([...newItems.keys()].filter((id) => oldItems.has(id)));
  const oldPos = sharedOrder(old.items, both);
  const newPos = sharedOrder(next.items, both);
  for (const [id, after] of newItems) {
    const before = oldItems.get(id);
    if (!before) continue;
    const cells = cellChanges(before, after);
    if (cells.length > 0) changed.push({ id: id as ItemId, before, after, cells });
    else if (oldPos.get(id) !== newPos.get(id)) moved.push(id as ItemId);
  }
  const oldSections = byId(old.sections);
  const newSections = byId(next.sections);
  const sectionChanges: SectionChange[] = [];
  for (const [id, after] of newSections) {
    const before = oldSections.get(id);
    const cells = before ? cellChanges(before, after) : [];
    if (before && cells.length > 0) sectionChanges.push({ id: id as SectionId, before, after, cells });
  }
  return {
    added, changed, removed, moved,
    sections: {
      added: [...newSections.values()].filter((s) => !oldSections.has(s.id)),
      changed: sectionChanges,
      removed: [...oldSections.values()].filter((s) => !newSections.has(s.id)),
    },
    plan: cellChanges<Plan>(old.plan, next.plan, ['revision', 'idCounter']),
  };
}

/** Nothing a reader would notice: no item, section or plan field differs (order aside). */
export function isEmptyDiff(d: PlanDiff): boolean {
  return d.added.length + d.changed.length + d.removed.length + d.sections.added.length
    + d.sections.changed.length + d.sections.removed.length + d.plan.length === 0;
}

/**
 * The items of the new revision rebuilt from the old ones and the diff: old items minus the
 * removed, with changed cells applied, plus the added. Order is not part of the result (sorted by
 * id); tests use it to check that a diff says everything that differs.
 */
export function applyItemDiff(oldItems: readonly PlanItem[], d: PlanDiff): PlanItem[] {
  const removed = new Set<string>(d.removed.map((it) => it.id));
  const changes = new Map<string, CellChange[]>(d.changed.map((c) => [c.id, c.cells]));
  const out: PlanItem[] = [];
  for (const it of byId(oldItems).values()) {
    if (removed.has(it.id)) continue;
    const cells = changes.get(it.id);
    if (!cells) { out.push(it); continue; }
    const copy: Record<string, unknown> = { ...it };
    for (const c of cells) {
      if (c.after === undefined) delete copy[c.field];
      else copy[c.field] = c.after;
    }
    out.push(copy as PlanItem);
  }
  out.push(...d.added);
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export type RevisionVerdict =
  /** No plan of this id yet: install as is. */
  | { kind: 'new' }
  /** Same revision, same content: installing changes nothing. */
  | { kind: 'same' }
  /** A newer revision (or the same number with other content): show the diff, then install. */
  | { kind: 'update'; diff: PlanDiff; sameNumber: boolean }
  /** An older revision than the one installed: refused, so progress is never rolled back by accident. */
  | { kind: 'older'; installed: number; incoming: number };

/** How an incoming plan stands against the installed one of the same id. */
export function judgeRevision(installed: PlanDocument | null, incoming: PlanDocument): RevisionVerdict {
  if (!installed) return { kind: 'new' };
  const a = installed.plan.revision;
  const b = incoming.plan.revision;
  if (b < a) return { kind: 'older', installed: a, incoming: b };
  const diff = diffPlans(installed, incoming);
  if (b === a && isEmptyDiff(diff)) return { kind: 'same' };
  return { kind: 'update', diff, sameNumber: a === b };
}

/**
 * The revision a publication carries: the plan's own revision the first time, then one more
 * than the last published (and never below the plan's own), so every publication has a new number.
 */
export function nextPublishRevision(planRevision: number, lastPublished: number | null): number {
  if (lastPublished === null) return Math.max(1, planRevision);
  return Math.max(planRevision, lastPublished + 1);
}

/** The file name of a published plan package: `ke-hoach-<planId>-r<revision>.planbook.json`, ASCII only. */
export function planPackageFileName(planId: string, revision: number): string {
  const safe = planId.normalize('NFD').replace(/[\u0300-\u036f]/gu, '').replace(/[đĐ]/gu, 'd')
    .replace(/[^A-Za-z0-9._-]+/gu, '-').replace(/^-+|-+$/gu, '').slice(0, 80) || 'ke-hoach';
  return `ke-hoach-${safe}-r${revision}.planbook.json`;
}
