// Finding the tables of a sheet: header rows (over one or two rows, merged or not, columns in any
// order), the region each table owns, and the title rows above it (`PHỤ LỤC II`, `DANH MỤC ...`,
// `(Kèm theo Quyết định số ...)`). A header that repeats the one above (a page break) does not
// start a new table; a different one does (tasks and indicators stacked in one sheet).
import { fold } from '../text/fold';
import { baselineAsOf, dedupe, isHeader, kindOf, matchColumn } from './headers';
import type { SheetView } from './sheet';
import type { ColumnMap, TableMapping } from './types';

/** The columns a header at row r (over h rows) maps, before deduplication. */
function columnsAt(v: SheetView, r: number, h: number): ColumnMap[] {
  const cols: ColumnMap[] = [];
  for (let c = 0; c < v.width; c++) {
    const top = v.headerText(r, c);
    const bottom = h === 2 ? v.headerText(r + 1, c) : '';
    const label = bottom && bottom !== top ? `${top} ${bottom}`.trim() : top;
    if (label === '') continue;
    const m = matchColumn(top, h === 2 ? bottom : '');
    cols.push(m ? { col: c, label, field: m.field, ...(m.year ? { year: m.year } : {}) } : { col: c, label, field: null });
  }
  // `Chỉ tiêu` next to a `Nội dung` column is the target, not a second content column.
  const contents = cols.filter((c) => c.field === 'content');
  if (contents.length > 1) {
    for (const c of contents) if (fold(c.label) === 'chi tieu') c.field = 'target';
  }
  return dedupe(cols);
}

/** Whether the row under a header row continues it: merged down into, or labels under a wide cell. */
function secondRow(v: SheetView, r: number): boolean {
  if (r + 1 >= v.height) return false;
  let spansDown = false;
  let wideTop = false;
  for (let c = 0; c < v.width; c++) {
    if (v.isCovered(r + 1, c) && v.headerText(r + 1, c) === v.headerText(r, c) && v.headerText(r, c) !== '') spansDown = true;
    if (v.span(r, c) > 1 && v.text(r + 1, c) !== '') wideTop = true;
  }
  if (!spansDown && !wideTop) return false;
  // The row under must not be data: no number-like content in what would be the STT column.
  return !/^\d+$/u.test(v.text(r + 1, 0));
}

export type HeaderHit = { row: number; rows: number; columns: ColumnMap[] };

export function headerAt(v: SheetView, r: number): HeaderHit | null {
  const one = columnsAt(v, r, 1);
  if (!isHeader(one)) return null;
  if (secondRow(v, r)) {
    const two = columnsAt(v, r, 2);
    if (isHeader(two)) return { row: r, rows: 2, columns: two };
  }
  return { row: r, rows: 1, columns: one };
}

const signature = (cols: readonly ColumnMap[]) => cols.map((c) => `${c.col}:${c.field ?? ''}:${c.year ?? ''}`).join('|');
export const sameHeader = (a: readonly ColumnMap[], b: readonly ColumnMap[]) => signature(a) === signature(b);

const TITLE = /^\(?(?:phu luc|danh muc|kem theo|bieu|bang (?:tong hop|danh muc|phan cong|chi tieu|nhiem vu)|ke hoach|don vi tinh|ban hanh kem|chi tieu|cac nhiem vu|nhiem vu)/u;
/** A row that is a title: its only text is one cell whose words say so. */
function titleRow(v: SheetView, r: number): string | null {
  const cells = v.rowTexts(r).filter((t) => t !== '');
  if (cells.length !== 1) return null;
  const t = cells[0] ?? '';
  return TITLE.test(fold(t)) && !/^\d/u.test(t) ? t : null;
}

/** Every table of a sheet, in order, with its region and titles. */
export function findTables(v: SheetView): TableMapping[] {
  const hits: HeaderHit[] = [];
  for (let r = 0; r < v.height; r++) {
    const h = headerAt(v, r);
    if (!h) continue;
    const prev = hits[hits.length - 1];
    if (prev && sameHeader(prev.columns, h.columns)) { r += h.rows - 1; continue; } // a repeat: rows.ts skips it
    hits.push(h);
    r += h.rows - 1;
  }
  const titlesOf: string[][] = hits.map((h, i) => (i === 0 ? titlesAbove(v, h.row) : []));
  return hits.map((h, i) => {
    const next = hits[i + 1];
    let end = next ? next.row - 1 : v.height - 1;
    // Title rows of the next table belong to it, not to this one's last section.
    if (next) {
      const nextTitles: string[] = [];
      for (let r = end; r >= h.row + h.rows; r--) {
        if (v.rowTexts(r).every((t) => t === '')) { end = r - 1; continue; }
        const t = titleRow(v, r);
        if (t === null) break;
        nextTitles.unshift(t);
        end = r - 1;
      }
      titlesOf[i + 1] = nextTitles;
    }
    const baseline = h.columns.find((c) => c.field === 'baseline');
    return {
      sheet: v.name, headerRow: h.row, headerRows: h.rows, endRow: end, kind: kindOf(h.columns),
      columns: h.columns, baselineAsOf: baseline ? baselineAsOf(baseline.label) : null, titles: titlesOf[i] ?? [],
    };
  });
}

/** The non-empty rows above the first header, each as its cells joined. */
function titlesAbove(v: SheetView, headerRow: number): string[] {
  const out: string[] = [];
  for (let r = 0; r < headerRow; r++) {
    const t = v.rowTexts(r).filter((x) => x !== '').join(' ');
    if (t !== '') out.push(t);
  }
  return out.slice(-12);
}
