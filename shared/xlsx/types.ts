// The plan importer's data shapes. The pipeline is bytes -> Grid (read.ts, the only code that
// touches SheetJS) -> tables (tables.ts) -> PlanDocument (build.ts). Everything after the Grid is
// plain data, so the wizard can re-run it with a changed column mapping without re-reading bytes.
import type { SectionKind } from '../model/plan';
import type { PlanDocument } from '../model/plan';

/** A cell as the importer sees it: text (already rendered from numbers/dates), or empty. */
export type GridCell = string | number | null;
/** 0-based, inclusive, as SheetJS writes `!merges`. */
export type GridMerge = { s: { r: number; c: number }; e: { r: number; c: number } };
/** A formula cell whose cached value was used. */
export type GridFormula = { r: number; c: number; formula: string };

export type GridSheet = {
  name: string;
  /** rows[r][c]; rows may be ragged. Row 0 is spreadsheet row 1. */
  rows: GridCell[][];
  merges: GridMerge[];
  formulas?: GridFormula[];
};
export type Grid = { sheets: GridSheet[] };

/** Where something is: sheet, 1-based row and column, and the A1 reference (`B12`). */
export type CellPos = { sheet: string; row: number; col: number; ref: string };

export type WarningCode =
  | 'formula' | 'extra-column' | 'missing-column' | 'repeated-header' | 'continuation' | 'total-mismatch'
  | 'total-unreadable' | 'subtotal-mismatch' | 'legacy-font' | 'legacy-font-converted' | 'no-content'
  | 'sheet-skipped' | 'merge-ignored' | 'duplicate-section' | 'money-unreadable' | 'number-format'
  | 'text-normalised' | 'orphan-row';

export type ImportWarning = CellPos & { code: WarningCode; message: string };

export type ImportErrorCode =
  | 'empty' | 'not-a-spreadsheet' | 'too-large' | 'zip-bomb' | 'corrupt' | 'encrypted' | 'unreadable-sheet'
  | 'too-many-rows' | 'too-many-columns' | 'no-table';

/** `what`: for `not-a-spreadsheet`, what the file looks like (csv, pdf, html, text, ...). */
export type ImportError = { code: ImportErrorCode; message: string; what?: string; sheet?: string };

/** The fields a column can map to. `budgetYear` carries the year (`Năm 2021`). */
export type Field =
  | 'no' | 'content' | 'lead' | 'coordinating' | 'due' | 'target' | 'note' | 'monitor' | 'baseline'
  | 'nationalTarget' | 'budgetTotal' | 'budgetYear' | 'fundingSource';

/** One column of a table: where it is, what its header says, what it maps to (null: ignored). */
export type ColumnMap = { col: number; label: string; field: Field | null; year?: string };

/**
 * A detected table: the header rows, the columns and their mapping, and the kind. The caller may
 * hand back a changed copy (`columns[i].field`, `kind`) through ImportOptions.overrides.
 */
export type TableMapping = {
  sheet: string;
  /** 0-based first and last header row, and the last row of the table's region. */
  headerRow: number;
  headerRows: number;
  endRow: number;
  kind: SectionKind;
  columns: ColumnMap[];
  /** From the header `Hiện trạng đến tháng 5/2023`: `2023-05`. */
  baselineAsOf: string | null;
  /** Title rows above the table, as written (`PHỤ LỤC II`, `DANH MỤC NHIỆM VỤ ...`). */
  titles: string[];
};

/** A money column's `TỔNG CỘNG` figure against the sum of the rows, in million VND. */
export type MoneyTotal = {
  sheet: string; table: number; column: string; found: number | null; computed: number; ref: string | null;
};

export type ImportOptions = {
  /** Plan metadata; what the workbook does not say is taken from here or defaulted. */
  planId?: string;
  title?: string;
  issuer?: string;
  periodFrom?: string;
  periodTo?: string;
  /** Replace detected mappings, matched by sheet and headerRow (the wizard's column changes). */
  overrides?: readonly TableMapping[];
};

export type ImportOk = {
  ok: true;
  doc: PlanDocument;
  warnings: ImportWarning[];
  totals: MoneyTotal[];
  tables: TableMapping[];
};
export type ImportResult = ImportOk | { ok: false; error: ImportError };
