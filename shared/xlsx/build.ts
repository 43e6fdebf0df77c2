// Row events -> sections and items with the ids of the transcribed scheme (shared/plans/
// transcribed.ts): `t.I.1`, `i.2.3`, a repeated section code of the same kind becomes `II#2`, an
// unnumbered row `~1` in its section. So one table gives the same ids whether it was transcribed
// by hand or imported from Excel, and a re-import keeps every id.
import { parseMoney } from '../cells/money';
import { formatNumberVi } from '../format/vi';
import type { ItemId, SectionId } from '../model/ids';
import type { ItemKind, PlanItem, Section, SectionKind } from '../model/plan';
import type { Cells, RowEvent } from './rows';
import type { SheetView } from './sheet';
import type { ImportWarning, MoneyTotal, TableMapping } from './types';

const KIND: Record<SectionKind, ItemKind> = { tasks: 'task', indicators: 'indicator', projects: 'project' };
const LETTER: Record<SectionKind, string> = { tasks: 't', indicators: 'i', projects: 'p' };
/** As transcribed.ts: section keys and numbers go into ids as written, minus what would break one. */
const idPart = (s: string) => s.normalize('NFC').trim().replace(/[\s/\\]+/gu, '-').replace(/\.$/u, '');

/** `1.2.3` -> `1`, `1.2`. */
const prefixes = (no: string) => no.split('.').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('.'));
/** Rows whose number has no parent row in the list (`1.1` under a `1` is not top-level). */
function topLevel<T extends { item: PlanItem }>(rows: readonly T[]): T[] {
  const nos = new Set(rows.map((r) => r.item.no).filter((n) => n !== ''));
  return rows.filter((r) => !prefixes(r.item.no).some((p) => nos.has(p)));
}

export class PlanBuilder {
  readonly sections: Section[] = [];
  readonly items: PlanItem[] = [];
  readonly warnings: ImportWarning[] = [];
  readonly totals: MoneyTotal[] = [];
  private readonly used = new Set<string>();
  private readonly unnumbered = new Map<string, number>();
  private tableCount = 0;

  addTable(v: SheetView, t: TableMapping, events: readonly RowEvent[]): void {
    const tableNo = ++this.tableCount;
    const kind = KIND[t.kind];
    let section: { id: SectionId; key: string; r: number; cells: Cells } | null = null;
    const tableItems: { item: PlanItem; cells: Cells }[] = [];
    const sectionItems = new Map<SectionId, { item: PlanItem; cells: Cells }[]>();
    const subtotalRows: { id: SectionId; cells: Cells }[] = [];
    for (const e of events) {
      if (e.type === 'section') {
        section = this.addSection(t.kind, e.code, e.title, e.r, v);
        if ([...e.cells.keys()].some((k) => k === 'budgetTotal' || k.startsWith('year:'))) subtotalRows.push({ id: section.id, cells: e.cells });
        continue;
      }
      if (e.type !== 'item') continue;
      const key = section?.key ?? '';
      const item = this.toItem(this.itemId(kind, key, idPart(e.no)), kind, section?.id ?? null, e.no, e.cells, t);
      this.items.push(item);
      tableItems.push({ item, cells: e.cells });
      if (section) {
        const list = sectionItems.get(section.id) ?? [];
        list.push({ item, cells: e.cells });
        sectionItems.set(section.id, list);
      }
    }
    this.checkTotals(v, t, tableNo, tableItems, events.find((e) => e.type === 'total')?.cells ?? null);
    for (const s of subtotalRows) this.checkSubtotal(v, t, s.cells, sectionItems.get(s.id) ?? []);
  }

  private addSection(kind: SectionKind, code: string, title: string, r: number, v: SheetView) {
    const base = idPart(code) || '~';
    let key = base;
    for (let n = 2; this.sections.some((s) => s.id === `${LETTER[kind]}.${key}`); n++) key = `${base}#${n}`;
    if (key !== base) this.warnings.push(v.warn('duplicate-section', r, 0, `Mục ${code} lặp lại số của một mục trước: được đánh mã ${key}.`));
    const id = `${LETTER[kind]}.${key}` as SectionId;
    this.sections.push({ id, code, title, kind });
    return { id, key, r, cells: new Map() as Cells };
  }

  private itemId(kind: ItemKind, sectionKey: string, no: string): ItemId {
    const sec = sectionKey || '~';
    let num = no;
    if (!num) {
      const k = `${kind}|${sec}`;
      const n = (this.unnumbered.get(k) ?? 0) + 1;
      this.unnumbered.set(k, n);
      num = `~${n}`;
    }
    const base = `${kind[0] ?? 'x'}.${sec}.${num}`;
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}#${n}`;
    this.used.add(id);
    return id as ItemId;
  }

  private toItem(id: ItemId, kind: ItemKind, sectionId: SectionId | null, no: string, cells: Cells, t: TableMapping): PlanItem {
    const get = (k: string) => cells.get(k)?.text ?? '';
    const item: PlanItem = {
      id, kind, sectionId, no, content: get('content'), lead: get('lead'), coordinating: get('coordinating'),
      due: get('due'), target: get('target'), note: get('note'),
    };
    // Optional cells only where the table has the column, as the transcribed reader does.
    const has = (f: string) => t.columns.some((c) => c.field === f);
    if (has('monitor')) item.monitor = get('monitor');
    if (has('baseline')) {
      item.baseline = get('baseline');
      if (t.baselineAsOf) item.baselineAsOf = t.baselineAsOf;
    }
    if (has('nationalTarget')) item.nationalTarget = get('nationalTarget');
    if (has('budgetTotal')) item.budgetTotal = get('budgetTotal');
    const years = t.columns.filter((c) => c.field === 'budgetYear' && c.year);
    if (years.length > 0) item.budgetByYear = Object.fromEntries(years.map((c) => [c.year ?? '', get(`year:${c.year ?? ''}`)]));
    if (has('fundingSource')) item.fundingSource = get('fundingSource');
    return item;
  }

  /** Money keys of a table: `budgetTotal` and `year:2021`..., with a display name. */
  private moneyKeys(t: TableMapping): { key: string; name: string; col: number }[] {
    return t.columns.flatMap((c) => c.field === 'budgetTotal' ? [{ key: 'budgetTotal', name: 'budgetTotal', col: c.col }]
      : c.field === 'budgetYear' && c.year ? [{ key: `year:${c.year}`, name: c.year, col: c.col }] : []);
  }

  private sum(v: SheetView, rows: readonly { item: PlanItem; cells: Cells }[], key: string, warn: boolean): number {
    let total = 0;
    for (const { cells } of rows) {
      const cell = cells.get(key);
      if (!cell) continue;
      const m = parseMoney(cell.text);
      if (m.kind === 'amount') total += m.millionVnd;
      else if (m.kind === 'text' && warn) this.warnings.push(v.warn('money-unreadable', cell.r, cell.c, `Không đọc được số tiền "${cell.text}": không cộng vào tổng.`));
    }
    return Math.round(total * 1e6) / 1e6;
  }

  private checkTotals(v: SheetView, t: TableMapping, table: number, rows: { item: PlanItem; cells: Cells }[], total: Cells | null): void {
    // Sub-rows (`1.1`) add up to their row (`1`): the total is the sum of the top-level rows.
    const top = topLevel(rows);
    const parents = new Set(rows.flatMap((r) => prefixes(r.item.no)));
    const leaves = rows.filter((r) => r.item.no === '' || !parents.has(r.item.no));
    for (const m of this.moneyKeys(t)) {
      const computed = this.sum(v, top, m.key, true);
      const cell = total?.get(m.key) ?? null;
      const found = cell ? parseMoney(cell.text) : null;
      const figure = found?.kind === 'amount' ? found.millionVnd : null;
      if (cell && figure === null) this.warnings.push(v.warn('total-unreadable', cell.r, cell.c, `Ô tổng cộng "${cell.text}" không phải số tiền.`));
      if (cell && figure !== null && Math.abs(figure - computed) > 0.005 && Math.abs(figure - this.sum(v, leaves, m.key, false)) > 0.005) {
        this.warnings.push(v.warn('total-mismatch', cell.r, cell.c,
          `Tổng cộng ghi ${formatNumberVi(figure, 2)} triệu đồng nhưng cộng các dòng được ${formatNumberVi(computed, 2)} triệu đồng (lệch ${formatNumberVi(Math.abs(figure - computed), 2)}).`));
      }
      this.totals.push({ sheet: v.name, table, column: m.name, found: figure, computed, ref: cell ? v.pos(cell.r, cell.c).ref : null });
    }
  }

  private checkSubtotal(v: SheetView, t: TableMapping, cells: Cells, rows: { item: PlanItem; cells: Cells }[]): void {
    const top = topLevel(rows);
    for (const m of this.moneyKeys(t)) {
      const cell = cells.get(m.key);
      const found = cell ? parseMoney(cell.text) : null;
      if (!cell || found?.kind !== 'amount') continue;
      const computed = this.sum(v, top, m.key, false);
      if (Math.abs(found.millionVnd - computed) > 0.005) {
        this.warnings.push(v.warn('subtotal-mismatch', cell.r, cell.c,
          `Dòng mục ghi ${formatNumberVi(found.millionVnd, 2)} triệu đồng nhưng cộng các dòng của mục được ${formatNumberVi(computed, 2)} triệu đồng.`));
      }
    }
  }
}
