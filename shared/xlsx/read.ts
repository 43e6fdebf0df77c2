// Bytes -> Grid: the only module that calls SheetJS. Order matters: magic bytes, then the zip
// directory (no inflating), then SheetJS with dense sheets and a row cap, then the used range is
// recomputed from the cells actually present (a declared `<dimension>` of A1:XFD1048576 costs
// nothing). SheetJS is pure JavaScript with no DOM or Node needs, so it may live in the core.
import * as XLSX from 'xlsx';
import { formatNumberVi, isoDate } from '../format/vi';
import { sniff } from './sniff';
import { checkInflated, inspectZip, LIMITS, type BoundedInflate } from './zip';
import type { Grid, GridCell, GridFormula, GridMerge, GridSheet, ImportError } from './types';

export const GRID_LIMITS = {
  /** Rows read per sheet; a sheet with content at this row is refused, later rows are never read. */
  maxRows: 10_000,
  /** Columns kept per sheet; appendix tables have about ten. */
  maxCols: 256,
} as const;

export type ReadOptions = { inflate?: BoundedInflate };
export type ReadResult = { ok: true; grid: Grid; format: 'xlsx' | 'xls' } | { ok: false; error: ImportError };

type Cell = { t?: string; v?: unknown; w?: string; f?: string; z?: unknown };

/** True when a number format shows dates (a d or y token outside quotes and brackets). */
function isDateFormat(z: string): boolean {
  const bare = z.replace(/"[^"]*"|\[[^\]]*\]|\\./gu, '');
  return /[dy]/iu.test(bare);
}
const decimalsOf = (z: string) => /\.([0#?]+)/u.exec(z)?.[1]?.length ?? 0;
const tidy = (n: number) => Number(n.toPrecision(12)); // 0.1 + 0.2 in a cached formula value

/** A serial day of the 1900 date system as `dd/mm/yyyy`, or null. */
function serialDate(v: number): string | null {
  if (!Number.isFinite(v) || v < 1 || v > 2958465) return null;
  const d = new Date(Math.round((v - 25569) * 86400) * 1000);
  const iso = isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  return iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : null;
}

/**
 * A cell's value for the importer. Text stays text; a number whose format gives it meaning
 * (percent, date) becomes the text a person sees, in Vietnamese style (`29,2%`, `30/06/2023`);
 * any other number stays a number, rendered later per column (an STT `10.1`, money `350.000`).
 */
export function cellValue(cell: Cell | undefined): GridCell {
  if (!cell) return null;
  const { t, v } = cell;
  if (t === 's' || t === 'str') return typeof v === 'string' && v !== '' ? v : null;
  if (t === 'n' && typeof v === 'number' && Number.isFinite(v)) {
    const z = typeof cell.z === 'string' ? cell.z : 'General';
    if (/%/u.test(z.replace(/"[^"]*"/gu, ''))) return `${formatNumberVi(tidy(v * 100), decimalsOf(z))}%`;
    if (z !== 'General' && isDateFormat(z)) return serialDate(v) ?? tidy(v);
    return tidy(v);
  }
  if (t === 'b') return v === true ? 'TRUE' : 'FALSE';
  if (t === 'e') return typeof cell.w === 'string' && cell.w !== '' ? cell.w : '#ERROR';
  if (t === 'd' && v instanceof Date) {
    const iso = isoDate(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
    return iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : null;
  }
  return null;
}

function fail(code: ImportError['code'], message: string, sheet?: string): ReadResult {
  return { ok: false, error: sheet === undefined ? { code, message } : { code, message, sheet } };
}

/** SheetJS's exception text, turned into a reason a person can act on. */
function fromException(e: unknown): ReadResult {
  const msg = e instanceof Error ? e.message : String(e);
  if (/password|encrypt/iu.test(msg)) return fail('encrypted', 'Tệp được đặt mật khẩu: hãy bỏ mật khẩu trong Excel rồi nhập lại.');
  return fail('corrupt', `Không đọc được bảng tính: tệp bị hỏng hoặc không đúng định dạng (${msg.slice(0, 120)}).`);
}

function toGridSheet(name: string, ws: XLSX.WorkSheet): GridSheet | ImportError {
  const data = (ws as { '!data'?: (Cell[] | undefined)[] })['!data'] ?? [];
  const rows: GridCell[][] = [];
  const formulas: GridFormula[] = [];
  let lastRow = -1;
  let lastCol = -1;
  for (let r = 0; r < data.length; r++) {
    const src = data[r];
    if (!src) continue;
    const row: GridCell[] = [];
    // forEach skips the holes of a sparse row (a stray cell at XFD1 costs one visit, not 16384).
    src.forEach((cell, c) => {
      if (c >= GRID_LIMITS.maxCols) return;
      const v = cellValue(cell);
      if (typeof cell?.f === 'string' && cell.f !== '') formulas.push({ r, c, formula: cell.f });
      if (v === null) return;
      row[c] = v;
      lastRow = r;
      if (c > lastCol) lastCol = c;
    });
    rows[r] = row;
  }
  if (lastRow >= GRID_LIMITS.maxRows - 1) {
    return { code: 'too-many-rows', sheet: name, message: `Trang "${name}" có hơn ${formatNumberVi(GRID_LIMITS.maxRows - 1)} dòng: quá lớn cho một phụ lục kế hoạch; không nhập.` };
  }
  const used: GridCell[][] = [];
  for (let r = 0; r <= lastRow; r++) {
    const src = rows[r] ?? [];
    const row: GridCell[] = [];
    for (let c = 0; c <= Math.min(lastCol, src.length - 1); c++) row.push(src[c] ?? null);
    used.push(row);
  }
  // Merges outside the real cells are clipped; SheetJS may hand them over as declared.
  const merges: GridMerge[] = [];
  for (const m of (ws['!merges'] ?? []).slice(0, 100_000)) {
    if (m.s.r > lastRow || m.s.c > lastCol || m.s.r < 0 || m.s.c < 0) continue;
    merges.push({ s: { r: m.s.r, c: m.s.c }, e: { r: Math.min(m.e.r, lastRow), c: Math.min(m.e.c, lastCol) } });
  }
  return { name, rows: used, merges, formulas: formulas.filter((f) => f.r <= lastRow && f.c <= lastCol) };
}

/** Reads an .xlsx or .xls file into a Grid. Never throws. */
export function readGrid(bytes: Uint8Array, opts: ReadOptions = {}): ReadResult {
  const kind = sniff(bytes);
  if (kind.kind === 'other') return { ok: false, error: kind.error };
  if (kind.kind === 'json') return fail('not-a-spreadsheet', 'Tệp này là JSON, không phải bảng tính Excel.');
  if (bytes.length > LIMITS.maxFileBytes) return fail('too-large', `Tệp vượt giới hạn ${LIMITS.maxFileBytes / 1024 / 1024} MB.`);
  if (kind.kind === 'xlsx') {
    const zip = inspectZip(bytes);
    if (!zip.ok) return { ok: false, error: zip.error };
    if (opts.inflate) {
      const lie = checkInflated(bytes, zip.entries, opts.inflate);
      if (lie) return { ok: false, error: lie };
    }
  }
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, {
      type: 'array', dense: true, cellFormula: true, cellNF: true, cellHTML: false, cellStyles: false,
      sheetRows: GRID_LIMITS.maxRows, WTF: false,
    });
  } catch (e) {
    return fromException(e);
  }
  const sheets: GridSheet[] = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    // Listed in the workbook but not readable: an error, never a plan that silently lacks a table.
    if (!ws) return fail('unreadable-sheet', `Trang "${name}" có trong danh sách nhưng không đọc được: tệp bị hỏng.`, name);
    const g = toGridSheet(name, ws);
    if ('code' in g) return { ok: false, error: g };
    sheets.push(g);
  }
  if (sheets.length === 0) return fail('corrupt', 'Bảng tính không có trang nào.');
  return { ok: true, grid: { sheets }, format: kind.kind };
}

/** The SheetJS build in use (a test asserts ≥ 0.20.3: earlier builds have known parser CVEs). */
export const SHEETJS_VERSION: string = XLSX.version;
