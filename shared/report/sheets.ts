// The workbook as data: the plan's appendix columns (the province's layout) followed by the
// period's progress columns, one sheet per table. Pure; workbook.ts turns it into SheetJS.
import { readMoney } from '../consolidation';
import type { UnitItemRow } from '../consolidation';
import type { PlanItem, SectionKind } from '../model/plan';
import { formatDateVi } from '../format/vi';
import { STATUS_VI } from './labels';
import { evidenceText } from './progress';
import { boardTable, indicatorTable, projectTable, sectionLabel, sectionsOfKind, statusTable } from './printTables';
import type { ReportSource } from './source';
import type { Cell, Column, ReportTable, TableRow } from './types';

const col = (key: string, header: string, chars: number, align: Column['align'] = 'left'): Column => ({ key, header, width: chars, align, chars });
const num = (value: number | null | undefined, format: 'integer' | 'decimal' | 'money' | 'percent'): Cell =>
  value === null || value === undefined || !Number.isFinite(value) ? null : { value, format };
const money = (cell: string | undefined): number | null => (cell && cell.trim() ? readMoney(cell) : null);

type Line = { item: PlanItem; unit: UnitItemRow | null; unitName: string };

/** The lines of one kind: a unit report has one per item; a consolidated one, one per item and unit (none: the item alone). */
function linesOf(source: ReportSource, kind: SectionKind): { label: string; lines: Line[] }[] {
  return sectionsOfKind(source, kind).map((s) => ({
    label: sectionLabel(s),
    lines: s.items.flatMap(({ item, merge }): Line[] => (merge.units.length === 0
      ? [{ item, unit: null, unitName: '' }]
      : merge.units.map((u) => ({ item, unit: u, unitName: source.names.get(u.unitId) ?? u.unitId })))),
  }));
}

const unitCol = (withUnit: boolean) => (withUnit ? [col('unit', 'Đơn vị báo cáo', 24)] : []);
const unitCell = (withUnit: boolean, l: Line): Cell[] => (withUnit ? [l.unitName] : []);
const progressCols = () => [
  col('status', 'Tình trạng', 18), col('percent', 'Tỷ lệ hoàn thành', 11, 'right'), col('result', 'Kết quả thực hiện', 40),
  col('difficulties', 'Khó khăn, vướng mắc', 30), col('proposals', 'Đề xuất, kiến nghị', 30),
];
const progressCells = (u: UnitItemRow | null): Cell[] => (u === null ? [null, null, null, null, null] : [
  u.status ? STATUS_VI[u.status] : '', num(u.percent, 'percent'), u.result, u.difficulties, u.proposals,
]);

function sheet(id: string, title: string, columns: Column[], groups: { label: string; lines: Line[] }[], cells: (l: Line) => Cell[], total?: TableRow): ReportTable | null {
  if (groups.length === 0) return null;
  const rows: TableRow[] = [];
  for (const g of groups) {
    rows.push({ kind: 'section', label: g.label });
    for (const l of g.lines) rows.push({ kind: 'data', cells: cells(l) });
  }
  if (total) rows.push(total);
  return { id, title, columns, rows };
}

export function tasksSheet(source: ReportSource, withUnit: boolean): ReportTable | null {
  const columns = [
    col('no', 'STT', 6, 'center'), col('content', 'Nội dung', 50), ...unitCol(withUnit), col('lead', 'Đơn vị chủ trì', 22), col('coordinating', 'Đơn vị phối hợp', 22),
    col('due', 'Thời gian hoàn thành', 14, 'center'), col('note', 'Ghi chú', 16), ...progressCols(),
    col('evidence', 'Văn bản, minh chứng', 26), col('completedOn', 'Ngày hoàn thành', 13, 'center'), col('overdue', 'Quá hạn', 9, 'center'),
  ];
  return sheet('tasks', withUnit ? 'Nhiệm vụ - chi tiết' : 'Nhiệm vụ', columns, linesOf(source, 'tasks'), (l) => [
    l.item.no, l.item.content, ...unitCell(withUnit, l), l.item.lead, l.item.coordinating, l.item.due, l.item.note, ...progressCells(l.unit),
    l.unit ? evidenceText(l.unit) : null, l.unit?.completedOn ? formatDateVi(l.unit.completedOn) : null, l.unit?.overdue ? 'Quá hạn' : null,
  ]);
}

export function indicatorsSheet(source: ReportSource, withUnit: boolean): ReportTable | null {
  const columns = [
    col('no', 'STT', 6, 'center'), col('content', 'Nội dung', 50), ...unitCol(withUnit), col('lead', 'Đơn vị chủ trì', 22), col('coordinating', 'Đơn vị phối hợp', 22),
    col('baseline', 'Hiện trạng', 14), col('target', 'Chỉ tiêu', 12, 'center'), col('note', 'Ghi chú', 16),
    col('numerator', 'Tử số', 12, 'right'), col('denominator', 'Mẫu số', 12, 'right'), col('rate', 'Tỷ lệ đạt', 11, 'right'),
    col('value', 'Giá trị', 12, 'right'), col('valueText', 'Ghi chú số liệu', 20), col('met', 'Đánh giá', 12, 'center'), ...progressCols(),
  ];
  return sheet('indicators', withUnit ? 'Chỉ tiêu - chi tiết' : 'Chỉ tiêu', columns, linesOf(source, 'indicators'), (l) => {
    const v = l.unit?.indicator;
    const rate = v && v.numerator !== null && v.denominator !== null && v.denominator > 0 ? (100 * v.numerator) / v.denominator : null;
    return [
      l.item.no, l.item.content, ...unitCell(withUnit, l), l.item.lead, l.item.coordinating, l.item.baseline ?? '', l.item.target, l.item.note,
      num(v?.numerator, 'integer'), num(v?.denominator, 'integer'), num(rate, 'percent'),
      num(v && (v.numerator === null || v.denominator === null) ? v.value : null, 'decimal'), v?.text ?? null,
      v?.meets === true ? 'Đạt' : v?.meets === false ? 'Chưa đạt' : null, ...progressCells(l.unit),
    ];
  });
}

export function projectsSheet(source: ReportSource, withUnit: boolean): ReportTable | null {
  const groups = linesOf(source, 'projects');
  const years = [...new Set(groups.flatMap((g) => g.lines.flatMap((l) => Object.keys(l.item.budgetByYear ?? {}))))].sort();
  const columns = [
    col('no', 'Stt', 6, 'center'), col('content', 'Nhiệm vụ, dự án', 50), ...unitCol(withUnit), col('budgetTotal', 'Tổng kinh phí dự kiến (triệu đồng)', 16, 'right'),
    ...years.map((y) => col(`y${y}`, `Năm ${y}`, 13, 'right')), col('funding', 'Nguồn vốn', 18), col('lead', 'Đơn vị chủ trì', 22), col('note', 'Ghi chú', 16),
    col('disbursed', 'Đã giải ngân (triệu đồng)', 16, 'right'), ...progressCols(),
  ];
  // Plan money counts once per item even when several units report on it.
  const seen = new Set<string>();
  const totals = { budget: 0, years: years.map(() => 0), disbursed: 0 };
  for (const g of groups) for (const l of g.lines) {
    totals.disbursed += l.unit?.disbursedMillionVnd ?? 0;
    if (seen.has(l.item.id)) continue;
    seen.add(l.item.id);
    totals.budget += money(l.item.budgetTotal) ?? 0;
    years.forEach((y, i) => { totals.years[i] = (totals.years[i] ?? 0) + (money(l.item.budgetByYear?.[y]) ?? 0); });
  }
  const blank = (n: number): Cell[] => Array.from({ length: n }, () => null);
  const total: TableRow = {
    kind: 'total',
    cells: ['', 'TỔNG CỘNG', ...blank(withUnit ? 1 : 0), num(totals.budget, 'money'), ...totals.years.map((t) => num(t, 'money')), null, null, null,
      num(totals.disbursed, 'money'), ...blank(5)],
  };
  return sheet('projects', withUnit ? 'Dự án - chi tiết' : 'Dự án', columns, groups, (l) => [
    l.item.no, l.item.content, ...unitCell(withUnit, l), num(money(l.item.budgetTotal), 'money'),
    ...years.map((y) => num(money(l.item.budgetByYear?.[y]), 'money')), l.item.fundingSource ?? '', l.item.lead, l.item.note,
    num(l.unit?.disbursedMillionVnd ?? null, 'money'), ...progressCells(l.unit),
  ], total);
}

/** Difficulties and proposals as grouped by the consolidation, one row per group, with its units. */
export function feedbackSheet(source: ReportSource): ReportTable | null {
  if (source.feedback.length === 0) return null;
  const items = new Map(source.sections.flatMap((s) => s.items.map((i) => [i.item.id, i.item] as const)));
  const rows: TableRow[] = [];
  let n = 0;
  for (const f of source.feedback) {
    const item = items.get(f.itemId);
    for (const [kind, groups] of [['Khó khăn, vướng mắc', f.difficulties], ['Đề xuất, kiến nghị', f.proposals]] as const)
      for (const g of groups) rows.push({
        kind: 'data',
        cells: [String(++n), item?.no ?? '', item?.content ?? f.itemId, kind, g.text, g.units.map((u) => source.names.get(u) ?? u).join(', '), { value: g.units.length, format: 'integer' }],
      });
  }
  return {
    id: 'feedback', title: 'Khó khăn, đề xuất',
    columns: [col('n', 'STT', 6, 'center'), col('no', 'Số thứ tự nội dung', 10, 'center'), col('content', 'Nội dung', 50), col('kind', 'Loại', 20),
      col('text', 'Ý kiến', 60), col('units', 'Đơn vị', 40), col('count', 'Số đơn vị', 10, 'right')],
    rows,
  };
}

/** Print tables keep their print widths (percent); in Excel they become characters. */
const widen = (t: ReportTable | null, factor = 1.6): ReportTable | null =>
  t && { ...t, columns: t.columns.map((c) => ({ ...c, chars: c.chars ?? Math.max(8, Math.round(c.width * factor)) })) };

const present = (ts: (ReportTable | null)[]) => ts.filter((t): t is ReportTable => t !== null);

export function unitSheets(source: ReportSource): ReportTable[] {
  return present([tasksSheet(source, false), indicatorsSheet(source, false), projectsSheet(source, false)]);
}

export function consolidatedSheets(source: ReportSource): ReportTable[] {
  return present([
    widen(boardTable(source, true)), widen(statusTable(source, true), 1.2), widen(indicatorTable(source)), widen(projectTable(source)),
    tasksSheet(source, true), indicatorsSheet(source, true), projectsSheet(source, true), feedbackSheet(source),
  ]);
}
