// The thin SheetJS layer: sheets (sheets.ts) → .xlsx bytes. The community build writes number
// formats, widths and merges but neither frozen panes nor quotePrefix, so the written package is
// patched afterwards (two small XML edits, see patchXml) rather than giving those up.
import * as XLSX from 'xlsx';
import { utf8DecodeStrict, utf8Encode } from '../crypto/text';
import type { Cell, NumberFormat, ReportTable } from './types';

/** Excel number formats; Excel shows them with the PC's separators (`2.876.939`, `98,27%` in Vietnamese Windows). */
export const EXCEL_FORMAT: Record<NumberFormat, string> = { percent: '0.00%', integer: '#,##0', decimal: '#,##0.00', money: '#,##0.00' };
const MAX_CELL_TEXT = 32767; // Excel's limit per cell

/** What a cell holds in Excel: percentages as fractions (98,27% is 0.9827 with format 0.00%). */
export function excelValue(cell: Cell): string | number | null {
  if (cell === null) return null;
  if (typeof cell === 'string') return cell === '' ? null : cell.slice(0, MAX_CELL_TEXT);
  return cell.format === 'percent' ? cell.value / 100 : cell.value;
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique (case-insensitive). */
export function sheetNames(titles: readonly string[]): string[] {
  const used = new Set<string>();
  return titles.map((t) => {
    const base = t.replace(/[:\\/?*[\]]/gu, ' ').replace(/\s+/gu, ' ').trim().slice(0, 31) || 'Sheet';
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** 0-based row of the header: after the title rows and one blank row, else the first. */
const headerRowOf = (table: ReportTable) => (table.titleRows?.length ? table.titleRows.length + 1 : 0);

function worksheet(table: ReportTable): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  const width = table.columns.length;
  const put = (r: number, c: number, cell: XLSX.CellObject) => { ws[XLSX.utils.encode_cell({ r, c })] = cell; };
  // Text is always type 's' with the Text format `@` (patched to quotePrefix): Excel shows
  // `=1+1` typed by a unit as those four characters and never evaluates it, even after editing.
  const text = (v: string): XLSX.CellObject => ({ t: 's', v, z: '@' });
  const merges: XLSX.Range[] = [];
  const head = headerRowOf(table);
  (table.titleRows ?? []).forEach((line, r) => {
    if (line !== '') put(r, 0, text(line.slice(0, MAX_CELL_TEXT)));
    if (width > 1) merges.push({ s: { r, c: 0 }, e: { r, c: width - 1 } });
  });
  table.columns.forEach((c, i) => put(head, i, text(c.header)));
  table.rows.forEach((row, i) => {
    const r = head + i + 1;
    if (row.kind === 'section') {
      put(r, 0, text(row.label));
      merges.push({ s: { r, c: 0 }, e: { r, c: width - 1 } });
      return;
    }
    row.cells.forEach((cell, c) => {
      const v = excelValue(cell);
      if (v === null) return;
      if (typeof v === 'number') put(r, c, { t: 'n', v, z: EXCEL_FORMAT[(cell as Exclude<Cell, string | null>).format] });
      else put(r, c, text(v));
    });
  });
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: head + table.rows.length, c: Math.max(0, width - 1) } });
  ws['!cols'] = table.columns.map((c) => ({ wch: c.chars ?? Math.max(8, Math.round(c.width * 1.6)) }));
  if (merges.length > 0) ws['!merges'] = merges;
  return ws;
}

/** The minimal zip API of the CFB library SheetJS bundles (typed `any` by SheetJS). */
type ZipEntry = { content: Uint8Array | number[]; size: number };
type Zip = { FullPaths: string[]; FileIndex: ZipEntry[] };
type Cfb = { read(data: Uint8Array, o: { type: 'array' }): Zip; write(z: Zip, o: { fileType: 'zip'; type: 'array'; compression: boolean }): ArrayBuffer | number[] };

/**
 * Freezes the header row of every sheet (a `pane` in its sheetView) and marks the Text style as
 * quotePrefix (Excel's leading apostrophe), which the community build does not write.
 */
function patchXml(bytes: Uint8Array, headerRows: readonly number[]): Uint8Array {
  const cfb = (XLSX as unknown as { CFB: Cfb }).CFB;
  const zip = cfb.read(bytes, { type: 'array' });
  const edit = (path: string, fn: (xml: string) => string) => {
    const i = zip.FullPaths.findIndex((p) => p.endsWith(`/${path}`));
    const entry = zip.FileIndex[i];
    if (i < 0 || !entry) return;
    const xml = utf8DecodeStrict(Uint8Array.from(entry.content));
    if (xml === null) return;
    const next = utf8Encode(fn(xml));
    entry.content = next;
    entry.size = next.length;
  };
  headerRows.forEach((head, i) => {
    const split = head + 1;
    const cell = `A${split + 1}`;
    edit(`xl/worksheets/sheet${i + 1}.xml`, (xml) => xml.replace(/<sheetView ([^>]*?)\/>/u,
      `<sheetView $1><pane ySplit="${split}" topLeftCell="${cell}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${cell}" sqref="${cell}"/></sheetView>`));
  });
  edit('xl/styles.xml', (xml) => xml.replace(/<xf numFmtId="49"([^>]*?)applyNumberFormat="1"/gu, '<xf numFmtId="49"$1applyNumberFormat="1" quotePrefix="1"'));
  return new Uint8Array(cfb.write(zip, { fileType: 'zip', type: 'array', compression: true }));
}

/** The workbook of a report: one sheet per table, header row frozen. */
export function writeWorkbook(tables: readonly ReportTable[]): Uint8Array {
  const wb = XLSX.utils.book_new();
  const names = sheetNames(tables.map((t) => t.title));
  tables.forEach((t, i) => XLSX.utils.book_append_sheet(wb, worksheet(t), names[i]));
  if (tables.length === 0) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Không có dữ liệu']]), 'Báo cáo');
  const out = XLSX.write(wb, { type: 'array', bookType: 'xlsx', bookSST: true, compression: true }) as ArrayBuffer;
  return patchXml(new Uint8Array(out), tables.length === 0 ? [0] : tables.map(headerRowOf));
}
