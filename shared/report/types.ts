// The report view-model: what the printed report and the Excel tables say, decided here once,
// so the HTML renderer and the sheet mapping only lay it out. Pure data, no markup.
import type { IsoDate } from '../model/ids';
import type { ChartSpec } from './charts';

/** The document header of Nghị định 30/2020/NĐ-CP, Phụ lục I (the parts a unit may edit). */
export type ReportHeader = {
  /** The body above the issuer (`UBND TỈNH BÀ RỊA - VŨNG TÀU`), upper case, not bold; null for none. */
  parentBody: string | null;
  /** The issuing body, upper case, bold, one string per printed line (`ỦY BAN NHÂN DÂN`, `THÀNH PHỐ VŨNG TÀU`). */
  issuer: string[];
  /** Number and symbol as printed after `Số: ` (`125/BC-UBND`, or blank before registration: `     /BC-UBND`). */
  number: string;
  /** Place name of the place-and-date line (`Vũng Tàu`). */
  place: string;
  /** Issue date; null prints blanks to fill in by hand (`ngày     tháng     năm 2024`). */
  date: IsoDate | null;
  /** The year printed when `date` is null. */
  year: number;
  /** Document kind in capitals: `BÁO CÁO`. */
  title: string;
  /** What it reports on, one sentence, bold under the title. */
  subject: string;
  /** `Nơi nhận:` lines, each as printed (`- UBND tỉnh (b/c);`, `- Lưu: VT.`). */
  recipients: string[];
  signer: {
    /** `TM. ỦY BAN NHÂN DÂN` (signing for a collective body); null when the head signs in own name. */
    authority: string | null;
    /** `CHỦ TỊCH`, `KT. CHỦ TỊCH` + `PHÓ CHỦ TỊCH`: one string per line. */
    title: string[];
    /** Full name; empty leaves the line blank for the hand-written name. */
    name: string;
  };
};

/** Numbers keep their value; the renderer formats (HTML: `98,27%`) and Excel applies a number format. */
export type NumberFormat = 'percent' | 'integer' | 'decimal' | 'money';
export type Cell = string | { value: number; format: NumberFormat } | null;

export type Align = 'left' | 'center' | 'right';
export type Column = {
  key: string;
  header: string;
  /** Printed width in percent of the text width; Excel width in characters is derived from it. */
  width: number;
  align: Align;
  /** Excel column width in characters; default derived from `width`. */
  chars?: number;
};

export type TableRow =
  /** A section row across the whole table (`I. Phát triển chính quyền số`): merged in Excel. */
  | { kind: 'section'; label: string }
  /** An item's own row in a grouped table (bold), followed by its units' rows. */
  | { kind: 'group'; cells: Cell[] }
  | { kind: 'data'; cells: Cell[] }
  | { kind: 'total'; cells: Cell[] };

export type ReportTable = {
  id: string;
  /** Caption above the table in print; the sheet name in Excel (shortened to 31 characters). */
  title: string;
  columns: Column[];
  rows: TableRow[];
  /** Excel only: rows above the header (`PHỤ LỤC`, the title, `(Kèm theo ...)`), each merged across the table. */
  titleRows?: string[];
};

export type Block =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string; emphasis?: 'italic' }
  /** Lines printed with a leading dash, as administrative documents list things. */
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; table: ReportTable }
  /** A chart drawn from numbers a table of the report also prints (its caption says which). */
  | { kind: 'chart'; chart: ChartSpec; caption: string }
  /** Starts a new page (the appendix). */
  | { kind: 'page-break' };

export type ReportDocument = {
  kind: 'unit' | 'consolidated';
  header: ReportHeader;
  /** Body of the report, between the title and the `Nơi nhận` / signature blocks. */
  body: Block[];
  /** After the signature, on new pages: `PHỤ LỤC` with its own title. */
  appendix: { title: string; subtitle: string; blocks: Block[] } | null;
  /** Every table of the report, body and appendix, plus the wide Excel-only tables, for the workbook. */
  sheets: ReportTable[];
};
