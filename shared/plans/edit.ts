// The issuer's plan editor as pure operations on a PlanDocument. Item and section ids are stable:
// an edit never changes an id, and a new item or section gets a number from the plan's own
// counter (`plan.idCounter`), which only grows, so an id is never handed out twice, even after
// the item it named was removed. Every operation returns a new document checked by
// parsePlanDocument, or a Vietnamese error; the input is never modified.
import type { ItemId, SectionId } from '../model/ids';
import type { ItemKind, PlanDocument, PlanItem, ReportingCalendar, Section, SectionKind } from '../model/plan';
import { parsePlanDocument } from './planSchema';

/** The item cells the editor may change (verbatim text, as in the appendix). */
export const EDITABLE_CELLS = [
  'no', 'content', 'lead', 'coordinating', 'due', 'target', 'note', 'monitor', 'baseline', 'nationalTarget', 'budgetTotal', 'fundingSource',
] as const;
export type EditableCell = (typeof EDITABLE_CELLS)[number];
export type CellEdits = Partial<Record<EditableCell, string>>;

export type EditOp =
  | { op: 'edit-cells'; itemId: ItemId; cells: CellEdits }
  /** A new item at the end of its section, or right after `after` (an item of that section). */
  | { op: 'add-item'; sectionId: SectionId | null; kind: ItemKind; after?: ItemId | null; cells: CellEdits }
  | { op: 'move'; itemId: ItemId; direction: 'up' | 'down' }
  | { op: 'move-to-section'; itemId: ItemId; sectionId: SectionId | null }
  /** The original keeps its id and the first text; a new item right after it takes the second. */
  | { op: 'split'; itemId: ItemId; contents: [string, string] }
  | { op: 'add-section'; kind: SectionKind; code: string; title: string }
  | { op: 'rename-section'; sectionId: SectionId; code: string; title: string }
  | { op: 'set-calendar'; calendar: ReportingCalendar };

export type EditResult = { ok: true; doc: PlanDocument; newId?: string } | { ok: false; error: string };

export const KIND_OF_SECTION: Record<SectionKind, ItemKind> = { tasks: 'task', indicators: 'indicator', projects: 'project' };
const LETTER: Record<ItemKind, string> = { task: 't', indicator: 'i', project: 'p' };
const fail = (error: string): EditResult => ({ ok: false, error });
const MAX_CELL = 10_000;

/** The highest number used so far: the stored counter, or an id of the editor's form `t.+7` left by an older copy. */
function lastNumber(doc: PlanDocument): number {
  let n = doc.plan.idCounter ?? 0;
  for (const x of [...doc.items, ...doc.sections]) {
    const m = /\.\+(\d+)$/u.exec(x.id);
    if (m) n = Math.max(n, Number(m[1]));
  }
  return n;
}

/** A fresh id (`t.+12`, section `t.+13`) and the counter after it. */
function freshId(doc: PlanDocument, letter: string): { id: string; counter: number } {
  const taken = new Set<string>([...doc.items.map((i) => i.id), ...doc.sections.map((s) => s.id)]);
  let n = lastNumber(doc) + 1;
  while (taken.has(`${letter}.+${n}`)) n++;
  return { id: `${letter}.+${n}`, counter: n };
}

function checked(doc: PlanDocument, newId?: string): EditResult {
  const r = parsePlanDocument(doc);
  if (!r.ok) return fail(`Kế hoạch sau khi sửa không hợp lệ: ${r.errors.slice(0, 3).join('; ')}`);
  return newId === undefined ? { ok: true, doc: r.doc } : { ok: true, doc: r.doc, newId };
}

function cleanCells(cells: CellEdits): CellEdits | string {
  const out: CellEdits = {};
  for (const [k, v] of Object.entries(cells)) {
    if (!(EDITABLE_CELLS as readonly string[]).includes(k)) return `Ô "${k}" không sửa được.`;
    if (typeof v !== 'string') return `Ô "${k}" phải là chữ.`;
    if (v.length > MAX_CELL) return `Ô "${k}" dài quá ${MAX_CELL} ký tự.`;
    out[k as EditableCell] = v.normalize('NFC');
  }
  return out;
}

const sameSection = (a: PlanItem, b: PlanItem) => a.sectionId === b.sectionId && a.kind === b.kind;

/** Where a new item of this section goes: after its last item, else before the items of the sections after it. */
function endOfSection(doc: PlanDocument, sectionId: SectionId | null, kind: ItemKind): number {
  let last = -1;
  doc.items.forEach((it, i) => { if (it.sectionId === sectionId && it.kind === kind) last = i; });
  if (last >= 0) return last + 1;
  const order = doc.sections.findIndex((s) => s.id === sectionId);
  const later = new Set(doc.sections.slice(order + 1).map((s) => s.id));
  const before = doc.items.findIndex((it) => it.kind === kind && it.sectionId !== null && later.has(it.sectionId));
  if (before >= 0) return before;
  let lastOfKind = -1;
  doc.items.forEach((it, i) => { if (it.kind === kind) lastOfKind = i; });
  return lastOfKind >= 0 ? lastOfKind + 1 : doc.items.length;
}

function sectionFor(doc: PlanDocument, sectionId: SectionId | null, kind: ItemKind): Section | null | string {
  if (sectionId === null) return null;
  const s = doc.sections.find((x) => x.id === sectionId);
  if (!s) return `Không tìm thấy mục lớn ${sectionId}.`;
  if (KIND_OF_SECTION[s.kind] !== kind) return `Mục lớn "${s.code}. ${s.title}" không nhận loại dòng này.`;
  return s;
}

function validCalendar(c: ReportingCalendar): string | null {
  if (c.kinds.length === 0) return 'Lịch báo cáo cần ít nhất một loại kỳ.';
  if (new Set(c.kinds).size !== c.kinds.length) return 'Lịch báo cáo có loại kỳ lặp lại.';
  const day = (d: number) => Number.isInteger(d) && d >= 1 && d <= 31;
  if (!day(c.dueDay)) return 'Ngày hạn báo cáo phải từ 1 đến 31.';
  if (!day(c.cutOffDay)) return 'Ngày chốt số liệu phải từ 1 đến 31.';
  if (c.consolidateBy !== null && !day(c.consolidateBy)) return 'Ngày tổng hợp phải từ 1 đến 31.';
  if (c.yearlyDue !== null) {
    const m = /^(\d{1,2})-(\d{1,2})$/u.exec(c.yearlyDue);
    const mm = Number(m?.[1]);
    const dd = Number(m?.[2]);
    if (!m || mm < 1 || mm > 12 || dd < 1 || dd > new Date(Date.UTC(2024, mm, 0)).getUTCDate()) return 'Hạn báo cáo năm phải có dạng tháng-ngày, ví dụ 12-15.';
  }
  return null;
}

function itemOf(doc: PlanDocument, id: ItemId): { item: PlanItem; index: number } | null {
  const index = doc.items.findIndex((it) => it.id === id);
  const item = doc.items[index];
  return item ? { item, index } : null;
}

/** Applies one edit. Never throws, never modifies `doc`. */
export function applyEdit(doc: PlanDocument, op: EditOp): EditResult {
  switch (op.op) {
    case 'edit-cells': {
      const found = itemOf(doc, op.itemId);
      if (!found) return fail(`Không tìm thấy dòng ${op.itemId}.`);
      const cells = cleanCells(op.cells);
      if (typeof cells === 'string') return fail(cells);
      const next = { ...found.item, ...cells };
      if (next.content.trim() === '') return fail('Nội dung không được để trống.');
      return checked({ ...doc, items: doc.items.map((it, i) => (i === found.index ? next : it)) });
    }
    case 'add-item': {
      const section = sectionFor(doc, op.sectionId, op.kind);
      if (typeof section === 'string') return fail(section);
      const cells = cleanCells(op.cells);
      if (typeof cells === 'string') return fail(cells);
      if ((cells.content ?? '').trim() === '') return fail('Nội dung không được để trống.');
      let at = endOfSection(doc, op.sectionId, op.kind);
      if (op.after) {
        const after = itemOf(doc, op.after);
        if (!after || after.item.sectionId !== op.sectionId || after.item.kind !== op.kind) return fail('Dòng được chọn không thuộc mục lớn này.');
        at = after.index + 1;
      }
      const { id, counter } = freshId(doc, LETTER[op.kind]);
      const item: PlanItem = {
        id: id as ItemId, kind: op.kind, sectionId: op.sectionId, no: '', content: '', lead: '', coordinating: '', due: '', target: '', note: '', ...cells,
      };
      const items = [...doc.items.slice(0, at), item, ...doc.items.slice(at)];
      return checked({ plan: { ...doc.plan, idCounter: counter }, sections: doc.sections, items }, id);
    }
    case 'move': {
      const found = itemOf(doc, op.itemId);
      if (!found) return fail(`Không tìm thấy dòng ${op.itemId}.`);
      const step = op.direction === 'up' ? -1 : 1;
      let j = found.index + step;
      while (j >= 0 && j < doc.items.length && !sameSection(doc.items[j] as PlanItem, found.item)) j += step;
      if (j < 0 || j >= doc.items.length) return fail(op.direction === 'up' ? 'Dòng đã ở đầu mục lớn.' : 'Dòng đã ở cuối mục lớn.');
      const items = [...doc.items];
      items[found.index] = doc.items[j] as PlanItem;
      items[j] = found.item;
      return checked({ ...doc, items });
    }
    case 'move-to-section': {
      const found = itemOf(doc, op.itemId);
      if (!found) return fail(`Không tìm thấy dòng ${op.itemId}.`);
      if (found.item.sectionId === op.sectionId) return fail('Dòng đã thuộc mục lớn này.');
      const section = sectionFor(doc, op.sectionId, found.item.kind);
      if (typeof section === 'string') return fail(section);
      const rest = { ...doc, items: doc.items.filter((_, i) => i !== found.index) };
      const at = endOfSection(rest, op.sectionId, found.item.kind);
      const items = [...rest.items.slice(0, at), { ...found.item, sectionId: op.sectionId }, ...rest.items.slice(at)];
      return checked({ ...doc, items });
    }
    case 'split': {
      const found = itemOf(doc, op.itemId);
      if (!found) return fail(`Không tìm thấy dòng ${op.itemId}.`);
      const [a, b] = op.contents.map((c) => c.normalize('NFC').trim());
      if (!a || !b) return fail('Cả hai phần sau khi tách đều phải có nội dung.');
      if (a.length > MAX_CELL || b.length > MAX_CELL) return fail(`Nội dung dài quá ${MAX_CELL} ký tự.`);
      const { id, counter } = freshId(doc, LETTER[found.item.kind]);
      const { text: _source, ...copy } = found.item;
      const second: PlanItem = { ...copy, id: id as ItemId, no: '', content: b };
      const items = [...doc.items];
      items.splice(found.index, 1, { ...found.item, content: a }, second);
      return checked({ plan: { ...doc.plan, idCounter: counter }, sections: doc.sections, items }, id);
    }
    case 'add-section': {
      const code = op.code.normalize('NFC').trim();
      const title = op.title.normalize('NFC').trim();
      if (title === '') return fail('Tên mục lớn không được để trống.');
      if (doc.sections.some((s) => s.kind === op.kind && code !== '' && s.code === code)) return fail(`Đã có mục lớn số ${code} trong bảng này.`);
      const { id, counter } = freshId(doc, LETTER[KIND_OF_SECTION[op.kind]]);
      let at = doc.sections.length;
      doc.sections.forEach((s, i) => { if (s.kind === op.kind) at = i + 1; });
      const sections = [...doc.sections.slice(0, at), { id: id as SectionId, code, title, kind: op.kind }, ...doc.sections.slice(at)];
      return checked({ plan: { ...doc.plan, idCounter: counter }, sections, items: doc.items }, id);
    }
    case 'rename-section': {
      const i = doc.sections.findIndex((s) => s.id === op.sectionId);
      const s = doc.sections[i];
      if (!s) return fail(`Không tìm thấy mục lớn ${op.sectionId}.`);
      const code = op.code.normalize('NFC').trim();
      const title = op.title.normalize('NFC').trim();
      if (title === '') return fail('Tên mục lớn không được để trống.');
      if (doc.sections.some((x) => x.id !== s.id && x.kind === s.kind && code !== '' && x.code === code)) return fail(`Đã có mục lớn số ${code} trong bảng này.`);
      return checked({ ...doc, sections: doc.sections.map((x, j) => (j === i ? { ...s, code, title } : x)) });
    }
    case 'set-calendar': {
      const bad = validCalendar(op.calendar);
      if (bad) return fail(bad);
      return checked({ ...doc, plan: { ...doc.plan, calendar: { ...op.calendar, kinds: [...op.calendar.kinds] } } });
    }
  }
}

/** Applies edits in order; the first failing one stops the run and is named by its index. */
export function applyEdits(doc: PlanDocument, ops: readonly EditOp[]): { ok: true; doc: PlanDocument } | { ok: false; error: string; index: number } {
  let cur = doc;
  for (const [index, op] of ops.entries()) {
    const r = applyEdit(cur, op);
    if (!r.ok) return { ok: false, error: r.error, index };
    cur = r.doc;
  }
  return { ok: true, doc: cur };
}
