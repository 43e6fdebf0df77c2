// Sheets (sheets.ts) → .xlsx bytes, written directly as SpreadsheetML (ECMA-376) parts in a zip:
// the XML of each part is generated once, encoded straight into bytes and deflated once
// (shared/xlsx/deflate.ts). This replaced SheetJS's writer plus a re-zip to add what its community
// build cannot write (frozen panes, quotePrefix): for the 3,321-unit report 57 s and 48 MB before,
// 3 s and 19.6 MB after (docs/benchmarks.md). SheetJS remains the reader (import, tests).
import { ZipWriter } from '../xlsx/zipWrite';
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

// ---- styles ---------------------------------------------------------------------------------
// cellXfs indices. Text always carries the Text format `@` with quotePrefix (Excel's leading
// apostrophe): `=1+1` typed by a unit shows as those four characters and is never evaluated, even
// after the cell is edited. Built-in number formats: 49 `@`, 3 `#,##0`, 4 `#,##0.00`, 10 `0.00%`.
// The same again in bold (6-9) for group and total rows, as the printed tables show them.
const XF_TEXT = 1;
const XF_BY_FORMAT: Record<NumberFormat, number> = { integer: 2, percent: 3, decimal: 4, money: 4 };
const XF_HEADER = 5;
const BOLD = 5; // offset from a style to its bold twin

const STYLES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
  + '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
  + '<fonts count="2"><font><sz val="12"/><name val="Times New Roman"/><family val="1"/></font>'
  + '<font><b/><sz val="12"/><name val="Times New Roman"/><family val="1"/></font></fonts>'
  + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
  + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
  + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
  + '<cellXfs count="10">'
  + '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
  + '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" quotePrefix="1"/>'
  + '<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
  + '<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
  + '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
  + '<xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyAlignment="1" quotePrefix="1"><alignment vertical="center" wrapText="1"/></xf>'
  + '<xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" quotePrefix="1"/>'
  + '<xf numFmtId="3" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>'
  + '<xf numFmtId="10" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>'
  + '<xf numFmtId="4" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>'
  + '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
  + '<dxfs count="0"/><tableStyles count="0"/></styleSheet>';

// ---- XML text -------------------------------------------------------------------------------

/** XML-escapes text; control characters (and a literal `_xHHHH_`) in Excel's `_xHHHH_` form. */
function escapeText(s: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string;
    if (c === 38) rep = '&amp;';
    else if (c === 60) rep = '&lt;';
    else if (c === 62) rep = '&gt;';
    // Tab and line feed are kept; CR and other controls are not XML text (a parser turns CR into LF).
    else if ((c < 32 && c !== 9 && c !== 10) || c === 0xfffe || c === 0xffff) rep = `_x${c.toString(16).padStart(4, '0').toUpperCase()}_`;
    else if (c === 95 && /^_x[0-9a-f]{4}_/iu.test(s.slice(i, i + 7))) rep = '_x005F_';
    else continue;
    out += s.slice(last, i) + rep;
    last = i + 1;
  }
  return last === 0 ? s : out + s.slice(last);
}
const escapeAttr = (s: string) => escapeText(s).replace(/"/gu, '&quot;');

type Encoder = { encodeInto(s: string, dest: Uint8Array): { read: number; written: number } };
const encoder = new (globalThis as unknown as { TextEncoder: new () => Encoder }).TextEncoder();

/**
 * XML as UTF-8 bytes, in one buffer that is handed to `sink` (a zip entry) whenever it fills, or
 * grows when there is no sink. Worksheet markup is ASCII (text lives in the shared strings), so
 * cells are written byte by byte with no intermediate strings: the 4.7 million cells of the
 * 3,321-unit report would otherwise make as many short-lived strings, and one 100 MB buffer.
 */
class XmlBytes {
  buf: Uint8Array;
  pos = 0;
  constructor(size = 1 << 16, private readonly sink?: (chunk: Uint8Array) => void) { this.buf = new Uint8Array(size); }
  ensure(extra: number): void {
    if (this.pos + extra <= this.buf.length) return;
    if (this.sink && this.pos > 0) { this.sink(this.buf.subarray(0, this.pos)); this.pos = 0; }
    if (extra <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.pos + extra, this.buf.length * 2));
    bigger.set(this.buf.subarray(0, this.pos));
    this.buf = bigger;
  }
  /** Any text, UTF-8 encoded. */
  write(s: string): void {
    this.ensure(s.length * 3);
    this.pos += encoder.encodeInto(s, this.buf.subarray(this.pos)).written;
  }
  /** ASCII text (markup, numbers): one byte per character. */
  ascii(s: string): void {
    this.ensure(s.length);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < s.length; i++) buf[p++] = s.charCodeAt(i);
    this.pos = p;
  }
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }
  /** Hands what is left to the sink. */
  end(): void {
    if (this.sink && this.pos > 0) this.sink(this.buf.subarray(0, this.pos));
    this.pos = 0;
  }
}
/** Stores `b` at `p` (capacity checked by the caller); returns the position after it. */
function putBytes(buf: Uint8Array, p: number, b: Uint8Array): number {
  for (let k = 0; k < b.length; k++) buf[p++] = b[k]!;
  return p;
}
function putAscii(buf: Uint8Array, p: number, s: string): number {
  for (let k = 0; k < s.length; k++) buf[p++] = s.charCodeAt(k);
  return p;
}
/** A non-negative integer in decimal. */
function putUint(buf: Uint8Array, p: number, n: number): number {
  if (n < 10) { buf[p] = 48 + n; return p + 1; }
  let digits = 1;
  for (let t = n; t >= 10; t = Math.floor(t / 10)) digits++;
  let q = p + digits;
  for (let t = n; q > p; t = Math.floor(t / 10)) buf[--q] = 48 + (t % 10);
  return p + digits;
}

const xmlBytes = (s: string) => { const x = new XmlBytes(s.length * 3 + 16); x.write(s); return x.bytes(); };
const ASCII = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
function colName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Shared strings: each distinct text once, cells refer to it by index. */
class SharedStrings {
  readonly index = new Map<string, number>();
  count = 0;
  id(text: string): number {
    this.count++;
    const s = text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT) : text;
    let i = this.index.get(s);
    if (i === undefined) { i = this.index.size; this.index.set(s, i); }
    return i;
  }
  write(zip: ZipWriter, name: string): void {
    const entry = zip.open(name);
    const x = new XmlBytes(1 << 18, (chunk) => entry.push(chunk));
    x.write(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.count}" uniqueCount="${this.index.size}">`);
    for (const s of this.index.keys()) {
      // Leading or trailing whitespace and line breaks are kept only with xml:space="preserve".
      x.write(/^\s|\s$|[\t\n\r]/u.test(s) ? `<si><t xml:space="preserve">${escapeText(s)}</t></si>` : `<si><t>${escapeText(s)}</t></si>`);
    }
    x.write('</sst>');
    x.end();
    entry.close();
  }
}

/** Excel's column width for `chars` characters of the default font (as SheetJS computes it, 7 px digits). */
const excelWidth = (chars: number) => Math.round(((chars * 7 + 5) / 7) * 256) / 256;

function writeWorksheet(zip: ZipWriter, name: string, table: ReportTable, sst: SharedStrings, first: boolean): void {
  const entry = zip.open(name);
  const width = Math.max(1, table.columns.length);
  const head = headerRowOf(table);
  const lastRow = head + table.rows.length; // 0-based
  const cols = Array.from({ length: width }, (_, c) => colName(c));
  const lastCol = cols[width - 1]!;
  const x = new XmlBytes(1 << 18, (chunk) => entry.push(chunk));
  const split = head + 1;
  const top = `A${split + 1}`;
  x.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    + '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
    + `<dimension ref="A1:${lastCol}${lastRow + 1}"/>`
    // The header row (and any title rows above it) stays in view while scrolling.
    + `<sheetViews><sheetView${first ? ' tabSelected="1"' : ''} workbookViewId="0"><pane ySplit="${split}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/>`
    + `<selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>`
    + '<sheetFormatPr defaultRowHeight="15.75"/><cols>');
  table.columns.forEach((c, i) => {
    const chars = c.chars ?? Math.max(8, Math.round(c.width * 1.6));
    x.write(`<col min="${i + 1}" max="${i + 1}" width="${excelWidth(chars)}" customWidth="1"/>`);
  });
  if (table.columns.length === 0) x.write('<col min="1" max="1" width="9.140625"/>');
  x.write('</cols><sheetData>');

  const merges: string[] = [];
  const text = (ref: string, str: string, xf = XF_TEXT) => `<c r="${ref}" s="${xf}" t="s"><v>${sst.id(str)}</v></c>`;
  (table.titleRows ?? []).forEach((line, r) => {
    x.write(line !== '' ? `<row r="${r + 1}">${text(`A${r + 1}`, line)}</row>` : '');
    if (width > 1) merges.push(`A${r + 1}:${lastCol}${r + 1}`);
  });
  const h = head + 1;
  x.write(`<row r="${h}">${table.columns.map((c, i) => text(`${cols[i]}${h}`, c.header, XF_HEADER)).join('')}</row>`);
  // The data rows, byte by byte. A column's text is often the one above it (an item's content,
  // lead unit, due date repeated on each unit's line): the last text per column and its index are
  // kept, so most cells skip the shared-string lookup.
  const colRef = cols.map((c) => ASCII(`<c r="${c}`));
  const tails = (bold: number) => ({
    text: ASCII(`" s="${XF_TEXT + bold}" t="s"><v>`),
    num: {
      integer: ASCII(`" s="${XF_BY_FORMAT.integer + bold}"><v>`), percent: ASCII(`" s="${XF_BY_FORMAT.percent + bold}"><v>`),
      decimal: ASCII(`" s="${XF_BY_FORMAT.decimal + bold}"><v>`), money: ASCII(`" s="${XF_BY_FORMAT.money + bold}"><v>`),
    } satisfies Record<NumberFormat, Uint8Array>,
  });
  const plain = tails(0);
  const bold = tails(BOLD);
  const cellEnd = ASCII('</v></c>');
  const rowOpen = ASCII('<row r="');
  const rowOpenEnd = ASCII('">');
  const rowEnd = ASCII('</row>');
  const lastText: (string | null)[] = cols.map(() => null);
  const lastId: number[] = cols.map(() => 0);
  const rowNo = new Uint8Array(16);
  for (let i = 0; i < table.rows.length; i++) {
    const row = table.rows[i]!;
    const r = head + i + 2; // 1-based
    if (row.kind === 'section') {
      x.ascii(`<row r="${r}">${text(`A${r}`, row.label)}</row>`);
      if (width > 1) merges.push(`A${r}:${lastCol}${r}`);
      continue;
    }
    const cells = row.cells;
    const n = Math.min(cells.length, width);
    const { text: textTail, num: numTail } = row.kind === 'data' ? plain : bold;
    // One capacity check per row (a cell is at most ~70 bytes), then plain stores.
    x.ensure(n * 80 + 64);
    const buf = x.buf;
    let p = putBytes(buf, x.pos, rowOpen);
    const rl = putUint(rowNo, 0, r);
    p = putBytes(buf, putUint(buf, p, r), rowOpenEnd);
    for (let c = 0; c < n; c++) {
      const cell = cells[c];
      if (cell === null || cell === undefined || cell === '') continue;
      let tail: Uint8Array;
      let id = -1;
      let v = 0;
      if (typeof cell === 'string') {
        if (cell === lastText[c]) { id = lastId[c]!; sst.count++; } else { id = sst.id(cell); lastText[c] = cell; lastId[c] = id; }
        tail = textTail;
      } else {
        v = cell.format === 'percent' ? cell.value / 100 : cell.value;
        if (!Number.isFinite(v)) continue;
        tail = numTail[cell.format];
      }
      p = putBytes(buf, p, colRef[c]!);
      for (let k = 0; k < rl; k++) buf[p++] = rowNo[k]!;
      p = putBytes(buf, p, tail);
      if (id >= 0) p = putUint(buf, p, id);
      else if (Number.isInteger(v) && v >= 0 && v < 1e15) p = putUint(buf, p, v);
      else p = putAscii(buf, p, String(v));
      p = putBytes(buf, p, cellEnd);
    }
    x.pos = putBytes(buf, p, rowEnd);
  }
  x.write('</sheetData>');
  // Filter buttons on the header (the detail sheets are flat lists: one line per item and unit).
  const filter = filterRange(table);
  if (filter) x.ascii(`<autoFilter ref="${filter}"/>`);
  if (merges.length > 0) {
    x.ascii(`<mergeCells count="${merges.length}">`);
    for (const m of merges) x.ascii(`<mergeCell ref="${m}"/>`);
    x.ascii('</mergeCells>');
  }
  // Printing: A4 landscape, as wide as one page, as many pages down as needed (the header row is
  // repeated on each page through the workbook's _xlnm.Print_Titles).
  x.write('<printOptions gridLines="1"/><pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>'
    + '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
    + '<headerFooter><oddFooter>&amp;CTrang &amp;P / &amp;N</oddFooter></headerFooter>'
    // STT, dates and numbers typed as text ("1", "05/2024") carry no green "number as text" mark.
    + `<ignoredErrors><ignoredError numberStoredAsText="1" sqref="A1:${lastCol}${lastRow + 1}"/></ignoredErrors></worksheet>`);
  x.end();
  entry.close();
}

/** The header row and the rows under it, when there are any: `A5:O1200`. */
function filterRange(table: ReportTable): string | null {
  if (table.rows.length === 0 || table.columns.length === 0) return null;
  const head = headerRowOf(table) + 1;
  return `A${head}:${colName(table.columns.length - 1)}${head + table.rows.length}`;
}
const absolute = (range: string) => range.replace(/([A-Z]+)(\d+)/gu, '$$$1$$$2');

const CT_SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The workbook of a report: one sheet per table, header row frozen. */
export function writeWorkbook(tables: readonly ReportTable[]): Uint8Array {
  const sheets: readonly ReportTable[] = tables.length > 0 ? tables
    : [{ id: 'empty', title: 'Báo cáo', columns: [{ key: 'a', header: 'Không có dữ liệu', width: 20, align: 'left' }], rows: [] }];
  const names = sheetNames(sheets.map((t) => t.title));
  const zip = new ZipWriter();
  const sst = new SharedStrings();
  const n = sheets.length;
  const parts: [string, () => Uint8Array][] = [];
  parts.push(['[Content_Types].xml', () => xmlBytes(`${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    + sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT_SHEET}"/>`).join('')
    + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    + '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    + '</Types>')]);
  parts.push(['_rels/.rels', () => xmlBytes(`${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
    + `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>`
    + `<Relationship Id="rId2" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`)]);
  parts.push(['docProps/app.xml', () => xmlBytes(`${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>PlanBook</Application></Properties>`)]);
  const quoted = (name: string) => `'${name.replace(/'/gu, "''")}'`;
  parts.push(['xl/workbook.xml', () => xmlBytes(`${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">`
    + '<bookViews><workbookView activeTab="0"/></bookViews><sheets>'
    + names.map((name, i) => `<sheet name="${escapeAttr(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')
    + '</sheets><definedNames>'
    + sheets.map((t, i) => {
      const sheet = escapeText(quoted(names[i]!));
      const filter = filterRange(t);
      // Excel keeps an autofilter's range in the hidden _FilterDatabase name; LibreOffice reads it from there.
      return `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${sheet}!$${headerRowOf(t) + 1}:$${headerRowOf(t) + 1}</definedName>`
        + (filter ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${sheet}!${absolute(filter)}</definedName>` : '');
    }).join('')
    + '</definedNames></workbook>')]);
  parts.push(['xl/_rels/workbook.xml.rels', () => xmlBytes(`${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
    + sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')
    + `<Relationship Id="rId${n + 1}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`
    + `<Relationship Id="rId${n + 2}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`)]);
  parts.push(['xl/styles.xml', () => xmlBytes(STYLES)]);
  for (const [name, make] of parts) zip.add(name, make());
  // Worksheets stream into their zip entries 256 KiB at a time; they fill the shared strings,
  // written last.
  sheets.forEach((t, i) => writeWorksheet(zip, `xl/worksheets/sheet${i + 1}.xml`, t, sst, i === 0));
  sst.write(zip, 'xl/sharedStrings.xml');
  return zip.finish();
}
