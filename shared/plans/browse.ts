import type { ItemId } from '../model/ids';
import type { ItemKind, PlanDocument, PlanItem, Section } from '../model/plan';
import { fold } from '../text/fold';
import type { Role } from '../units/assignment';

export type AssignmentFilter = 'all' | 'mine' | 'lead' | 'coordinating';
export type BrowseFilter = { assignment: AssignmentFilter; kind: ItemKind | 'all'; query: string };

/** A row of the plan browser: a section heading, then its items in plan order. */
export type BrowseRow =
  | { type: 'section'; section: Section; count: number }
  | { type: 'item'; item: PlanItem; role: Role | null };

const passesAssignment = (f: AssignmentFilter, role: Role | null) =>
  f === 'all' || (f === 'mine' ? role !== null : role === f);

/**
 * The rows to show for a filter: items in plan order under their section headings; a heading
 * appears only when one of its items passes. Searching folds diacritics on both sides.
 */
export function browseRows(doc: PlanDocument, roles: ReadonlyMap<ItemId, Role>, filter: BrowseFilter): BrowseRow[] {
  const words = fold(filter.query).split(' ').filter(Boolean);
  const haystack = (it: PlanItem) => fold([it.no, it.content, it.lead, it.coordinating, it.due, it.target, it.note].join(' '));
  const bySection = new Map<string | null, PlanItem[]>();
  for (const it of doc.items) {
    const role = roles.get(it.id) ?? null;
    if (filter.kind !== 'all' && it.kind !== filter.kind) continue;
    if (!passesAssignment(filter.assignment, role)) continue;
    if (words.length > 0) {
      const hay = haystack(it);
      if (!words.every((w) => hay.includes(w))) continue;
    }
    const list = bySection.get(it.sectionId) ?? [];
    list.push(it);
    bySection.set(it.sectionId, list);
  }
  const rows: BrowseRow[] = [];
  const pushItems = (items: PlanItem[]) => items.forEach((item) => rows.push({ type: 'item', item, role: roles.get(item.id) ?? null }));
  pushItems(bySection.get(null) ?? []); // rows above the first section (the DTI row of brvt-bcd-2023)
  for (const section of doc.sections) {
    const items = bySection.get(section.id);
    if (!items) continue;
    rows.push({ type: 'section', section, count: items.length });
    pushItems(items);
  }
  return rows;
}

/** Counts of a plan's items by kind, for its header line. */
export function countItems(doc: PlanDocument): Record<ItemKind, number> {
  const counts: Record<ItemKind, number> = { task: 0, indicator: 0, project: 0 };
  for (const it of doc.items) counts[it.kind]++;
  return counts;
}
