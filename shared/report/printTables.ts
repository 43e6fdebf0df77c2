// The tables of the printed report (A4 portrait, about 16 cm of text width): few columns, the
// six of the issue for progress, and compact summary tables for the consolidated report.
import type { UnitId } from '../model/ids';
import type { SectionKind } from '../model/plan';
import type { EntryStatus } from '../model/report';
import { formatDateVi, formatNumberVi } from '../format/vi';
import { BOARD_VI, KIND_TITLE_VI, STATUS_ORDER, STATUS_VI } from './labels';
import { progressText, rollupText, statusCountsText } from './progress';
import type { ReportSource, SourceSection } from './source';
import type { Cell, Column, ReportTable, TableRow } from './types';

const col = (key: string, header: string, width: number, align: Column['align'] = 'left'): Column => ({ key, header, width, align });
const int = (value: number): Cell => ({ value, format: 'integer' });
const pct = (value: number | null): Cell => (value === null ? null : { value, format: 'percent' });
const money = (value: number | null): Cell => (value === null ? null : { value, format: 'money' });

export const sectionLabel = (s: SourceSection): string =>
  s.section ? [s.section.code.trim(), s.section.title.trim()].filter(Boolean).join('. ') : `${KIND_TITLE_VI[s.kind]} khác`;

export const sectionsOfKind = (source: ReportSource, kind: SectionKind) => source.sections.filter((s) => s.kind === kind);

/** STT, Nội dung, Đơn vị chủ trì, Tiến độ / Kết quả, Khó khăn, Đề xuất (the issue's columns). */
export const PROGRESS_COLUMNS: Column[] = [
  col('no', 'STT', 7, 'center'), col('content', 'Nội dung', 26), col('lead', 'Đơn vị chủ trì', 11),
  col('progress', 'Tiến độ / Kết quả', 26), col('difficulties', 'Khó khăn, vướng mắc', 15), col('proposals', 'Đề xuất, kiến nghị', 15),
];

/** What the printed report calls an item: the whole sentence when the plan split a target off it (`100% thủ tục…`). */
export const printedContent = (item: { content: string; text?: string }) => item.text?.trim() || item.content;

/**
 * A unit report: one row per item. A consolidated report (appendix): the item's row with its
 * roll-up, then one line per unit that reported on it, its name in the `Nội dung` column.
 */
export function progressTable(source: ReportSource, kind: SectionKind, id: string, title: string): ReportTable | null {
  const all: TableRow[] = [];
  const name = (u: UnitId) => source.names.get(u) ?? u;
  for (const s of sectionsOfKind(source, kind)) {
    const rows = [] as TableRow[];
    for (const { item, merge } of s.items) {
      if (source.kind === 'unit') {
        const u = merge.units[0];
        if (!u) continue;
        rows.push({ kind: 'data', cells: [item.no, printedContent(item), item.lead, progressText(u), u.difficulties.trim(), u.proposals.trim()] });
        continue;
      }
      // An item nobody reported on adds a row and no information: the status table counts it.
      if (merge.units.length === 0) continue;
      const summary = [statusCountsText(merge), rollupText(merge.rollup, item)].filter(Boolean).join('\n');
      rows.push({ kind: 'group', cells: [item.no, printedContent(item), item.lead, summary, null, null] });
      merge.units.forEach((u, i) => rows.push({
        kind: 'data',
        cells: [`${item.no ? `${item.no}.` : ''}${i + 1}`, name(u.unitId), null, progressText(u), u.difficulties.trim(), u.proposals.trim()],
      }));
    }
    if (rows.length === 0) continue;
    // One push per row: spreading a section of 3,321 units × its items as arguments overflows the stack.
    all.push({ kind: 'section', label: sectionLabel(s) });
    for (const r of rows) all.push(r);
  }
  if (all.length === 0) return null;
  const columns = source.kind === 'unit' ? PROGRESS_COLUMNS
    : PROGRESS_COLUMNS.map((c) => (c.key === 'content' ? { ...c, header: 'Nội dung / Đơn vị báo cáo' } : c));
  return { id, title, columns, rows: all };
}

/** Who sent the period's report: on time, late, missing; the first submission judges it. */
export function boardTable(source: ReportSource, excel = false): ReportTable | null {
  if (!source.board) return null;
  const rows: TableRow[] = source.board.map((b, i) => ({
    kind: 'data',
    cells: [
      String(i + 1), source.names.get(b.unitId) ?? b.unitId, BOARD_VI[b.state],
      b.firstSubmittedAt ? formatInstantVi(b.firstSubmittedAt) : '',
      [b.sequence !== null ? `Lần ${b.sequence}` : '', b.conflict ? 'Hai bản khác nhau cùng lần gửi: chờ xử lý' : '', b.indirect ? 'Nhận qua báo cáo tổng hợp' : '']
        .filter(Boolean).join('; '),
    ],
  }));
  const c = source.counts;
  // In print the paragraph above says the counts; a lone total row would only risk a page of its own.
  if (c && excel) rows.push({ kind: 'total', cells: ['', `Tổng cộng: ${c.expected} đơn vị`, `Đúng hạn: ${c['on-time']}; trễ hạn: ${c.late}; chưa báo cáo: ${c.missing}`, '', ''] });
  return {
    id: 'board', title: 'Tình hình gửi báo cáo',
    columns: [col('no', 'STT', 7, 'center'), col('unit', 'Đơn vị', 33), col('state', 'Tình trạng', 17), col('at', 'Thời điểm gửi', 21, 'center'), col('note', 'Ghi chú', 22)],
    rows,
  };
}

/** `2024-05-11T09:00:00+07:00` → `09:00 11/05/2024` in Vietnam time, as the officer reads it. */
export function formatInstantVi(instant: string): string {
  const t = Date.parse(instant);
  if (Number.isNaN(t)) return instant;
  const d = new Date(t + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCHours())}:${p(d.getUTCMinutes())} ${formatDateVi(`${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`)}`;
}

/** Narrow print columns: whole words, at most two short lines each. */
const STATUS_SHORT: Record<EntryStatus, string> = {
  done: 'Hoàn thành', 'done-late': 'Trễ hạn', 'in-progress': 'Đang làm', 'not-started': 'Chưa làm',
  'carried-over': 'Chuyển năm sau', dropped: 'Không làm',
};

/** Per section: items, unit lines by status (a unit's line for an item counts once), overdue lines. */
export function statusTable(source: ReportSource, excel = false): ReportTable | null {
  const sections = source.sections.filter((s) => s.kind !== 'projects');
  if (sections.length === 0) return null;
  const total = { items: 0, lines: 0, overdue: 0, by: Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<EntryStatus, number> };
  const rows: TableRow[] = [];
  for (const kind of ['tasks', 'indicators'] as const) {
    const ofKind = sections.filter((s) => s.kind === kind);
    if (ofKind.length === 0) continue;
    rows.push({ kind: 'section', label: KIND_TITLE_VI[kind] });
    for (const s of ofKind) {
      const by = Object.fromEntries(STATUS_ORDER.map((st) => [st, 0])) as Record<EntryStatus, number>;
      let lines = 0;
      let overdue = 0;
      for (const { merge } of s.items) {
        for (const st of STATUS_ORDER) by[st] += merge.byStatus[st];
        lines += STATUS_ORDER.reduce((n, st) => n + merge.byStatus[st], 0) + merge.noStatus;
        overdue += merge.overdueUnits.length;
      }
      total.items += s.items.length;
      total.lines += lines;
      total.overdue += overdue;
      for (const st of STATUS_ORDER) total.by[st] += by[st];
      rows.push({ kind: 'data', cells: [sectionLabel(s), int(s.items.length), int(lines), ...STATUS_ORDER.map((st) => int(by[st])), int(overdue)] });
    }
  }
  rows.push({ kind: 'total', cells: ['Tổng cộng', int(total.items), int(total.lines), ...STATUS_ORDER.map((st) => int(total.by[st])), int(total.overdue)] });
  const n = 76 / (STATUS_ORDER.length + 3);
  return {
    id: 'status', title: 'Tình trạng thực hiện theo nhóm',
    columns: [
      col('section', 'Nhóm nội dung', 24), col('items', excel ? 'Số nội dung' : 'Nội dung', n, 'right'), col('lines', excel ? 'Số lượt đơn vị báo cáo' : 'Lượt báo cáo', n, 'right'),
      ...STATUS_ORDER.map((st) => col(st, excel ? STATUS_VI[st] : STATUS_SHORT[st], n, 'right')), col('overdue', 'Quá hạn', n, 'right'),
    ],
    rows,
  };
}

/** Indicators against their targets: the roll-up (Σ numerators / Σ denominators) and the units meeting it. */
export function indicatorTable(source: ReportSource): ReportTable | null {
  const sections = sectionsOfKind(source, 'indicators');
  if (sections.length === 0) return null;
  const rows: TableRow[] = [];
  for (const s of sections) {
    rows.push({ kind: 'section', label: sectionLabel(s) });
    for (const { item, merge } of s.items) {
      const r = merge.rollup?.kind === 'indicator' ? merge.rollup : null;
      rows.push({
        kind: 'data',
        cells: [
          item.no, printedContent(item), item.target,
          r && r.numerator !== null && r.denominator !== null ? `${fmtInt(r.numerator)}/${fmtInt(r.denominator)}` : r?.total !== null && r?.total !== undefined ? fmtInt(r.total) : '',
          pct(r?.value ?? null),
          r && r.unitsJudged > 0 ? `${r.unitsMeeting}/${r.unitsJudged}` : '',
          r?.met === true ? 'Đạt' : r?.met === false ? 'Chưa đạt' : merge.units.length === 0 ? 'Chưa có số liệu' : 'Chưa đánh giá được',
        ],
      });
    }
  }
  return {
    id: 'indicators', title: 'Kết quả thực hiện các chỉ tiêu',
    columns: [
      col('no', 'STT', 7, 'center'), col('content', 'Chỉ tiêu', 33), col('target', 'Chỉ tiêu giao', 11, 'center'),
      col('ratio', 'Kết quả tổng hợp', 19, 'center'), col('value', 'Tỷ lệ', 10, 'right'), col('units', 'Đơn vị đạt', 9, 'center'), col('met', 'Đánh giá', 11, 'center'),
    ],
    rows,
  };
}

const fmtInt = (n: number) => formatNumberVi(n, 2);

/** Projects: budget of the year (or total), disbursed, share; with the TỔNG CỘNG row of the plan's tables. */
export function projectTable(source: ReportSource): ReportTable | null {
  const sections = sectionsOfKind(source, 'projects');
  if (sections.length === 0) return null;
  const rows: TableRow[] = [];
  let budget = 0;
  let disbursed = 0;
  for (const s of sections) {
    rows.push({ kind: 'section', label: sectionLabel(s) });
    for (const { item, merge } of s.items) {
      const r = merge.rollup?.kind === 'project' ? merge.rollup : null;
      const base = r ? (r.budgetYearMillionVnd ?? r.budgetMillionVnd) : null;
      budget += base ?? 0;
      disbursed += r?.disbursedMillionVnd ?? 0;
      rows.push({ kind: 'data', cells: [item.no, printedContent(item), item.lead, money(base), money(r?.disbursedMillionVnd ?? null), pct(r?.share ?? null)] });
    }
  }
  rows.push({ kind: 'total', cells: ['', 'TỔNG CỘNG', '', money(budget), money(disbursed), pct(budget > 0 ? (100 * disbursed) / budget : null)] });
  return {
    id: 'projects', title: 'Giải ngân các dự án, nhiệm vụ có kinh phí (triệu đồng)',
    columns: [
      col('no', 'STT', 7, 'center'), col('content', 'Nhiệm vụ, dự án', 37), col('lead', 'Đơn vị chủ trì', 14),
      col('budget', 'Kế hoạch vốn', 15, 'right'), col('disbursed', 'Đã giải ngân', 15, 'right'), col('share', 'Tỷ lệ', 12, 'right'),
    ],
    rows,
  };
}
