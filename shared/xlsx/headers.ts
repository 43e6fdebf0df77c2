// The header dictionary: what a column's title says about its field. Matching runs on folded
// text (no diacritics, lower case, single spaces), so `STT`, `Stt`, `TT`, an NFD `Nội dung` and
// `NOI DUNG` all match. docs/plan-import.md lists the accepted names.
import type { SectionKind } from '../model/plan';
import { fold } from '../text/fold';
import type { ColumnMap, Field } from './types';

type Rule = { field: Field; re: RegExp };

// Order matters: the first rule that matches wins, so the specific come before the general
// (`Chỉ tiêu của UBQG` before `Chỉ tiêu`, `Tổng kinh phí` before `Kinh phí`).
const RULES: readonly Rule[] = [
  { field: 'no', re: /^(?:stt|tt|so tt|so thu tu|thu tu|s\.tt|s tt)$/u },
  { field: 'note', re: /^ghi chu\b/u },
  { field: 'monitor', re: /theo doi/u },
  { field: 'baseline', re: /^hien trang\b|^thuc trang\b|^hien nay$|^ket qua (?:thuc hien|dat duoc) (?:den|nam)\b/u },
  { field: 'nationalTarget', re: /\bubqg\b|uy ban quoc gia|\bquoc gia\b|trung uong|\bbo (?:tt&tt|ttt?t)\b/u },
  { field: 'lead', re: /chu tri|^(?:don vi|co quan) thuc hien$|^don vi$|^co quan$/u },
  { field: 'coordinating', re: /phoi hop/u },
  { field: 'budgetYear', re: /^(?:nam|nam ke hoach) \d{4}\b/u },
  { field: 'fundingSource', re: /^nguon (?:von|kinh phi|ngan sach)|^nguon$/u },
  { field: 'budgetTotal', re: /^tong (?:kinh phi|von|muc dau tu|so|cong)|^tong$|^kinh phi|^du toan|^von (?:dau tu|du kien)/u },
  { field: 'due', re: /^thoi (?:gian|han)\b|^tien do\b|^moc thoi gian/u },
  { field: 'target', re: /^chi tieu (?:cua |nam |giai doan |den |\d)|^chi tieu (?:tinh|thanh pho|huyen|xa|phuong)\b|^muc tieu\b|^chi tieu giao\b|^ke hoach nam\b/u },
  { field: 'content', re: /^noi dung\b|^nhiem vu\b|^ten (?:chi tieu|nhiem vu|du an|cong viec|hoat dong)\b|^danh muc\b|^cac nhiem vu\b|^du an\b|^hoat dong\b|^cong viec\b|^chi tieu$|^ten$/u },
];

const YEAR = /\b(\d{4})\b/u;

/** The field a header label names, or null. `year` is set for `Năm 2021` columns. */
export function matchLabel(label: string): { field: Field; year?: string } | null {
  const f = fold(label).replace(/[():*]/gu, ' ').replace(/\s+/gu, ' ').trim();
  if (f === '') return null;
  for (const r of RULES) {
    if (!r.re.test(f)) continue;
    if (r.field === 'budgetYear') {
      const y = YEAR.exec(f)?.[1];
      return y ? { field: 'budgetYear', year: y } : null;
    }
    return { field: r.field };
  }
  return null;
}

/**
 * A column's field from a header over one or two rows: the lower label alone (`Năm 2021` under
 * `Kinh phí`), then both together (`Chỉ tiêu năm 2023` over `Của UBQG`), then the upper alone.
 */
export function matchColumn(top: string, bottom: string): { field: Field; year?: string } | null {
  const candidates = bottom && bottom !== top ? [bottom, `${top} ${bottom}`, top] : [top];
  for (const c of candidates) {
    const m = matchLabel(c);
    if (m) return m;
  }
  return null;
}

/** `Hiện trạng đến tháng 5/2023` -> `2023-05`; `Hiện trạng năm 2022` -> `2022`. */
export function baselineAsOf(label: string): string | null {
  const f = fold(label);
  const m = /(?:thang )?(\d{1,2})\/(\d{4})/u.exec(f);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return `${m[2]}-${String(m[1]).padStart(2, '0')}`;
  const y = /(?:nam|den) (\d{4})\b/u.exec(f);
  return y?.[1] ?? null;
}

/**
 * Enough known columns to be a table header: a content column and two more, most labelled cells
 * known, and no label as long as a row's prose (a data row whose note says `Nhiệm vụ năm 2022 ...`
 * must not start a table).
 */
export function isHeader(columns: readonly ColumnMap[]): boolean {
  const fields = new Set(columns.map((c) => c.field).filter((f): f is Field => f !== null));
  const known = columns.filter((c) => c.field !== null).length;
  return fields.has('content') && fields.size >= 3 && known * 5 >= columns.length * 3 && columns.every((c) => c.label.length <= 150);
}

/** The table kind from its columns: money means projects, a target without a deadline indicators. */
export function kindOf(columns: readonly ColumnMap[]): SectionKind {
  const has = (f: Field) => columns.some((c) => c.field === f);
  if (has('budgetTotal') || has('budgetYear') || has('fundingSource')) return 'projects';
  if (has('baseline') || has('nationalTarget') || has('monitor') || (has('target') && !has('due'))) return 'indicators';
  return 'tasks';
}

/**
 * One field per column: when two columns claim the same field (two `Ghi chú`), the first keeps it
 * and the others are ignored (reported as extra columns). `budgetYear` is per year.
 */
export function dedupe(columns: ColumnMap[]): ColumnMap[] {
  const seen = new Set<string>();
  return columns.map((c) => {
    if (c.field === null) return c;
    const key = c.field === 'budgetYear' ? `year:${c.year ?? ''}` : c.field;
    if (seen.has(key)) return { col: c.col, label: c.label, field: null };
    seen.add(key);
    return c;
  });
}
