// The report document: header of Nghị định 30/2020, body sections numbered I, II, III as
// administrative reports are, the tables, and for a consolidated report the appendix with every
// unit's line. The workbook's sheets come from the same source (sheets.ts), so print and Excel agree.
import type { UnitId } from '../model/ids';
import { formatDateVi } from '../format/vi';
import { formatPeriodVi } from '../periods/keys';
import { indicatorChart, statusChart, type ChartSpec } from './charts';
import { defaultHeader, numberLine } from './header';
import { BOARD_VI, KIND_TITLE_VI, STATUS_ORDER, STATUS_VI, lowerFirst } from './labels';
import { itemLabel } from './progress';
import { boardTable, indicatorTable, progressTable, projectTable, statusTable } from './printTables';
import { consolidatedSheets, unitSheets } from './sheets';
import type { ReportSource } from './source';
import type { Block, ReportDocument, ReportHeader, ReportTable } from './types';

export type ReportOptions = {
  /** The officer's edits: number, date, signer, recipients... */
  header?: Partial<ReportHeader>;
  /** Consolidated reports: print the appendix of every unit's line (default true). */
  appendix?: boolean;
};

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** `Kết quả thực hiện Kế hoạch … tháng 5/2024`. */
export function reportSubject(source: ReportSource): string {
  const period = lowerFirst(formatPeriodVi(source.period));
  const what = source.plan.title.trim() || `kế hoạch ${source.plan.id}`;
  return `${source.kind === 'consolidated' ? 'Tổng hợp kết quả' : 'Kết quả'} thực hiện ${what} ${period}`;
}

function headerOf(source: ReportSource, options: ReportOptions): ReportHeader {
  return defaultHeader({
    unitName: source.unit.name, parentName: source.parent?.name ?? null,
    subject: reportSubject(source), year: source.period.year, overrides: options.header,
  });
}

/** Numbers the level-1 headings in order, so a report without difficulties has no gap. */
class Body {
  readonly blocks: Block[] = [];
  private n = 0;
  heading(text: string): this { this.blocks.push({ kind: 'heading', level: 1, text: `${ROMAN[this.n++] ?? String(this.n)}. ${text}` }); return this; }
  sub(text: string): this { this.blocks.push({ kind: 'heading', level: 2, text }); return this; }
  para(text: string, emphasis?: 'italic'): this { this.blocks.push(emphasis ? { kind: 'paragraph', text, emphasis } : { kind: 'paragraph', text }); return this; }
  list(items: string[]): this { if (items.length > 0) this.blocks.push({ kind: 'list', items }); return this; }
  table(t: ReportTable | null): this { if (t) this.blocks.push({ kind: 'table', table: t }); return this; }
  chart(c: ChartSpec | null, caption: string): this { if (c) this.blocks.push({ kind: 'chart', chart: c, caption: `${caption}: ${lowerFirst(c.title)}` }); return this; }
}

function periodLine(source: ReportSource): string {
  return `Kỳ báo cáo: ${lowerFirst(formatPeriodVi(source.period))} (số liệu từ ngày ${formatDateVi(source.window.from)} đến ngày ${formatDateVi(source.window.to)}; hạn gửi báo cáo ngày ${formatDateVi(source.due)}).`;
}

/**
 * Difficulties or proposals, one entry per item: its label, then each grouped wording on a `+`
 * line (for a consolidated report with the units that raised it), as administrative reports list.
 */
function feedbackLines(source: ReportSource, which: 'difficulties' | 'proposals'): string[] {
  const items = new Map(source.sections.flatMap((s) => s.items.map((i) => [i.item.id, i.item] as const)));
  const name = (u: UnitId) => source.names.get(u) ?? u;
  const out: string[] = [];
  for (const f of source.feedback) {
    const groups = f[which];
    if (groups.length === 0) continue;
    const item = items.get(f.itemId);
    const lines = groups.map((g) => `${g.text.trim()}${source.kind === 'consolidated' ? ` (${g.units.map(name).join(', ')})` : ''}`);
    const label = item ? itemLabel(item) : f.itemId;
    out.push(lines.length === 1 ? `${label}: ${lines[0] ?? ''}` : `${label}:\n${lines.map((l) => `+ ${l}`).join('\n')}`);
  }
  return out;
}

function statusSummary(source: ReportSource): string {
  const counts = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<(typeof STATUS_ORDER)[number], number>;
  let total = 0;
  for (const s of source.sections) for (const { merge } of s.items) for (const st of STATUS_ORDER) { counts[st] += merge.byStatus[st]; total += merge.byStatus[st]; }
  const parts = STATUS_ORDER.filter((s) => counts[s] > 0).map((s) => `${lowerFirst(STATUS_VI[s])} ${counts[s]}`);
  return `Đơn vị báo cáo ${source.sections.reduce((n, s) => n + s.items.length, 0)} nội dung được giao${total > 0 ? `, trong đó ${parts.join(', ')}` : ''}.`;
}

export function buildUnitReport(source: ReportSource, options: ReportOptions = {}): ReportDocument {
  const b = new Body().para(periodLine(source));
  if (source.narratives.length > 0) b.heading('TÌNH HÌNH CHUNG').para(source.narratives.map((n) => n.text).join('\n'));
  b.heading('KẾT QUẢ THỰC HIỆN').para(statusSummary(source));
  let k = 0;
  for (const kind of ['tasks', 'indicators', 'projects'] as const) {
    const t = progressTable(source, kind, `progress-${kind}`, KIND_TITLE_VI[kind]);
    if (t) b.sub(`${++k}. ${KIND_TITLE_VI[kind]}`).table(t);
  }
  const difficulties = feedbackLines(source, 'difficulties');
  b.heading('KHÓ KHĂN, VƯỚNG MẮC');
  if (difficulties.length > 0) b.list(difficulties); else b.para('Không có.');
  const proposals = feedbackLines(source, 'proposals');
  b.heading('ĐỀ XUẤT, KIẾN NGHỊ');
  if (proposals.length > 0) b.list(proposals); else b.para('Không có.');
  return { kind: 'unit', header: headerOf(source, options), body: b.blocks, appendix: null, sheets: unitSheets(source) };
}

export function buildConsolidatedReport(source: ReportSource, options: ReportOptions = {}): ReportDocument {
  const header = headerOf(source, options);
  const b = new Body().para(periodLine(source));
  const name = (u: UnitId) => source.names.get(u) ?? u;
  b.heading('TÌNH HÌNH GỬI BÁO CÁO');
  const c = source.counts;
  if (c) b.para(`Số đơn vị phải báo cáo: ${c.expected}; gửi đúng hạn: ${c['on-time']}; gửi trễ hạn: ${c.late}; chưa gửi báo cáo: ${c.missing}.`);
  const board = source.board ?? [];
  b.list((['on-time', 'late', 'missing'] as const).flatMap((state) => {
    const units = board.filter((r) => r.state === state).map((r) => name(r.unitId));
    return units.length > 0 ? [`${BOARD_VI[state]} (${units.length}): ${units.join(', ')}.`] : [];
  }));
  const conflicts = board.filter((r) => r.conflict).map((r) => name(r.unitId));
  if (conflicts.length > 0) b.para(`Đơn vị gửi hai bản khác nhau cùng một lần gửi, chưa đưa vào tổng hợp: ${conflicts.join(', ')}.`, 'italic');
  b.table(boardTable(source));

  b.heading('KẾT QUẢ THỰC HIỆN');
  let k = 0;
  const status = statusTable(source);
  let figure = 0;
  const fig = () => `Biểu đồ ${++figure} (số liệu tại bảng trên)`;
  if (status) b.sub(`${++k}. Tình trạng thực hiện nhiệm vụ, chỉ tiêu`).table(status).chart(statusChart(source), fig());
  const indicators = indicatorTable(source);
  if (indicators) b.sub(`${++k}. Kết quả thực hiện các chỉ tiêu`).table(indicators).chart(indicatorChart(source), fig());
  const projects = projectTable(source);
  if (projects) b.sub(`${++k}. Giải ngân các dự án, nhiệm vụ có kinh phí`).table(projects);
  if (!source.planKnown) b.para('Báo cáo in từ gói tổng hợp không kèm kế hoạch: nội dung được ghi bằng mã.', 'italic');

  b.heading('KHÓ KHĂN, VƯỚNG MẮC');
  const difficulties = feedbackLines(source, 'difficulties');
  if (difficulties.length > 0) b.list(difficulties); else b.para('Các đơn vị không báo cáo khó khăn, vướng mắc.');
  b.heading('ĐỀ XUẤT, KIẾN NGHỊ');
  const proposals = feedbackLines(source, 'proposals');
  if (proposals.length > 0) b.list(proposals); else b.para('Các đơn vị không có đề xuất, kiến nghị.');

  let appendix: ReportDocument['appendix'] = null;
  if (options.appendix ?? true) {
    const blocks: Block[] = [];
    for (const kind of ['tasks', 'indicators', 'projects'] as const) {
      const t = progressTable(source, kind, `appendix-${kind}`, KIND_TITLE_VI[kind]);
      if (t) blocks.push({ kind: 'heading', level: 2, text: KIND_TITLE_VI[kind] }, { kind: 'table', table: t });
    }
    const dated = header.date ? ` ngày ${formatDateVi(header.date)}` : '';
    appendix = {
      title: 'KẾT QUẢ THỰC HIỆN CỦA CÁC ĐƠN VỊ',
      subtitle: `(Kèm theo Báo cáo ${numberLine(header.number).replace(/^Số:\s*/u, 'số ')}${dated} của ${source.unit.name})`,
      blocks,
    };
  }
  return { kind: 'consolidated', header, body: b.blocks, appendix, sheets: consolidatedSheets(source) };
}

export function buildReportDocument(source: ReportSource, options: ReportOptions = {}): ReportDocument {
  return source.kind === 'unit' ? buildUnitReport(source, options) : buildConsolidatedReport(source, options);
}
