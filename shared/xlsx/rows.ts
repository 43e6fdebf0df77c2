// The rows of one table, read into sections, items and a total. Two passes: the first reads each
// row's cells and drops what is not content (blank rows, a `(1) (2) (3)` column-number row, a
// header repeated after a page break); the second decides what each remaining row is, which for a
// numbered section row (`1 Nhận thức số` in a table without I, II) needs to see the next row.
import { formatMoneyVi } from '../cells/money';
import { fold } from '../text/fold';
import type { SheetView } from './sheet';
import { headerAt, sameHeader } from './tables';
import type { ColumnMap, Field, ImportWarning, TableMapping } from './types';

const labels = (cols: readonly ColumnMap[]) => cols.map((c) => `${c.col}:${c.label}`).join('|');
const sameLabels = (a: readonly ColumnMap[], b: readonly ColumnMap[]) => labels(a) === labels(b);

export type Cell = { text: string; r: number; c: number };
/** Cells by field; a budget year column is keyed `year:2021`. */
export type Cells = Map<string, Cell>;

export type RowEvent =
  | { type: 'section'; r: number; code: string; title: string; cells: Cells }
  | { type: 'item'; r: number; last: number; no: string; cells: Cells }
  | { type: 'total'; r: number; cells: Cells };

type Line = { r: number; no: string; content: string; cells: Cells; others: boolean; first: string; firstCol: number; single: boolean };

const MONEY: ReadonlySet<Field> = new Set(['budgetTotal', 'budgetYear']);
export const keyOf = (c: ColumnMap) => (c.field === 'budgetYear' ? `year:${c.year ?? ''}` : (c.field ?? ''));

/** A number cell as the column means it: an STT `10.1` as written, money `350.000`, a year `2023`. */
function render(n: number, field: Field): string {
  if (MONEY.has(field)) return formatMoneyVi(n);
  if (field === 'no' || Number.isInteger(n)) return String(n);
  return String(n).replace('.', ',');
}

function cellAt(v: SheetView, r: number, c: number, field: Field): string {
  const src = v.dataSource(r, c);
  if (!src) return '';
  const raw = v.raw(src.r, src.c);
  return typeof raw === 'number' ? render(raw, field) : v.text(src.r, src.c);
}

const TOTAL = /^(?:tong cong|tong so|tong|cong|tong kinh phi|tong von|tong cong kinh phi)(?: ?\(.*\))?:?$/u;
const ROMAN_OR_LETTER = /^(?:[IVXL]+|[A-Z])[.)]?$/u;
const DIGITS = /^(\d+)[.)]?$/u;
const COMBINED = /^((?:[IVXL]+|[A-Z]|\d+))[.)/]\s*(\S[\s\S]*)$/u;

/** `(1) (2) (3)` or `1 2 3 4` under a header: column numbers, not data. */
function numberingRow(texts: readonly string[]): boolean {
  const t = texts.filter((x) => x !== '');
  if (t.length < 3) return false;
  return t.every((x, i) => x === `(${i + 1})` || x === String(i + 1) || x === `${i + 1}=${i}+${i - 1}`);
}

function readLines(v: SheetView, t: TableMapping, warnings: ImportWarning[]): { lines: Line[]; totals: Line[] } {
  const lines: Line[] = [];
  const totals: Line[] = [];
  const mapped = t.columns.filter((c) => c.field !== null);
  for (let r = t.headerRow + t.headerRows; r <= t.endRow; r++) {
    const texts = v.rowTexts(r);
    if (texts.every((x) => x === '') && mapped.every((c) => cellAt(v, r, c.col, c.field ?? 'content') === '')) continue;
    if (numberingRow(texts)) continue;
    const again = headerAt(v, r);
    // The labels too: a column mapping changed by the caller (overrides) must not turn the repeats into rows.
    if (again && (sameHeader(again.columns, t.columns) || sameLabels(again.columns, t.columns))) {
      warnings.push(v.warn('repeated-header', r, again.columns[0]?.col ?? 0, `Dòng tiêu đề bảng lặp lại (ngắt trang): đã bỏ qua.`));
      r += again.rows - 1;
      continue;
    }
    const cells: Cells = new Map();
    for (const c of mapped) {
      const text = cellAt(v, r, c.col, c.field ?? 'content');
      if (text !== '') cells.set(keyOf(c), { text, r, c: c.col });
    }
    const firstCol = texts.findIndex((x) => x !== '');
    const line: Line = {
      r, no: cells.get('no')?.text ?? '', content: cells.get('content')?.text ?? '', cells,
      others: [...cells.keys()].some((k) => k !== 'no' && k !== 'content'), first: texts[firstCol] ?? '', firstCol,
      single: texts.filter((x) => x !== '').length === 1,
    };
    if (TOTAL.test(fold(line.no)) || TOTAL.test(fold(line.content)) || (line.no === '' && line.content === '' && TOTAL.test(fold(line.first)))) totals.push(line);
    else lines.push(line);
  }
  return { lines, totals };
}

const continues = (s: string) => s === '' || /^[\p{Ll},;:.)\]…–-]/u.test(s) || /^[+•]/u.test(s);

/** A table's rows as sections, items and totals, in order. Never throws. */
export function readRows(v: SheetView, t: TableMapping): { events: RowEvent[]; warnings: ImportWarning[] } {
  const warnings: ImportWarning[] = [];
  const { lines, totals } = readLines(v, t, warnings);
  const lettered = lines.some((l) => ROMAN_OR_LETTER.test(l.no));
  const events: RowEvent[] = [];
  const noCol = t.columns.find((c) => c.field === 'no')?.col ?? 0;
  // The number of the next numbered row after each row, in one backward pass.
  const nextNumbered: (string | undefined)[] = [];
  for (let i = lines.length - 1, seen: string | undefined; i >= 0; i--) {
    nextNumbered[i] = seen;
    const no = lines[i]?.no ?? '';
    if (no !== '') seen = no;
  }
  lines.forEach((l, i) => {
    const prev = events[events.length - 1];
    if (ROMAN_OR_LETTER.test(l.no) && (l.content !== '' || l.first !== l.no)) {
      const title = l.content !== '' ? l.content : v.rowTexts(l.r).filter((x) => x !== '' && x !== l.no)[0] ?? '';
      events.push({ type: 'section', r: l.r, code: l.no.replace(/[.)]$/u, ''), title, cells: l.cells });
      return;
    }
    // `I. CHÍNH QUYỀN SỐ` alone in its row (often merged across it), whichever column holds it.
    const combined = l.single && (l.no === '' || l.no === l.first) ? COMBINED.exec(l.first) : null;
    if (combined && (ROMAN_OR_LETTER.test(combined[1] ?? '') || !lettered)) {
      events.push({ type: 'section', r: l.r, code: combined[1] ?? '', title: (combined[2] ?? '').trim(), cells: l.cells });
      return;
    }
    const d = DIGITS.exec(l.no);
    const next = nextNumbered[i];
    if (d && !lettered && !l.others && l.content !== '' && next !== undefined && DIGITS.exec(next)?.[1] === '1') {
      // `1 Nhận thức số` with empty cells, then `1 ...`: numbering restarts, so this row heads a section.
      events.push({ type: 'section', r: l.r, code: d[1] ?? l.no, title: l.content, cells: l.cells });
      return;
    }
    if (l.no === '' && prev?.type === 'item' && prev.last === l.r - 1 && continues(l.content)) {
      for (const [k, cell] of l.cells) {
        const old = prev.cells.get(k);
        const sep = /^[-+•]/u.test(cell.text) ? '\n' : ' ';
        prev.cells.set(k, old ? { ...old, text: `${old.text}${sep}${cell.text}` } : cell);
      }
      prev.last = l.r;
      warnings.push(v.warn('continuation', l.r, l.cells.values().next().value?.c ?? noCol, `Dòng không có số thứ tự, viết tiếp dòng ${prev.r + 1}: đã nối vào dòng đó.`));
      return;
    }
    if (l.no === '' && l.content === '') {
      warnings.push(v.warn('orphan-row', l.r, l.firstCol < 0 ? noCol : l.firstCol, 'Dòng không có số thứ tự và nội dung: đã bỏ qua.'));
      return;
    }
    if (l.content === '') warnings.push(v.warn('no-content', l.r, t.columns.find((c) => c.field === 'content')?.col ?? noCol, `Mục ${l.no} không có nội dung.`));
    events.push({ type: 'item', r: l.r, last: l.r, no: l.no, cells: l.cells });
  });
  for (const tl of totals) events.push({ type: 'total', r: tl.r, cells: tl.cells });
  return { events, warnings };
}
