// Charts for the leadership as plain SVG strings: no chart library (nothing to download, nothing
// to bundle, identical on screen, in print and offline), horizontal bars so long Vietnamese labels
// read on A4, and every chart built from numbers the report also prints as a table, so nobody
// needs to read a figure off a bar. Colours differ in lightness too: the report is often printed
// in black and white.
import { parseTarget } from '../cells/target';
import type { BoardCounts, BoardState } from '../consolidation';
import { formatNumberVi, formatPercentVi } from '../format/vi';
import type { EntryStatus } from '../model/report';
import { escapeHtml } from './escape';
import { BOARD_VI, KIND_TITLE_VI, STATUS_ORDER, STATUS_VI } from './labels';
import { printedContent, sectionLabel, sectionsOfKind } from './printTables';
import type { ReportSource } from './source';

export type ChartSeries = { key: string; label: string; fill: string };

/** Bars of stacked parts: one bar per category (a section, a period), one part per series. */
export type StackedBarChart = {
  kind: 'stacked-bar';
  id: string;
  title: string;
  categories: string[];
  series: ChartSeries[];
  /** values[category][series] */
  values: number[][];
};

/** One bar per row against its target mark (indicators in percent, projects' money against budget). */
export type TargetBarChart = {
  kind: 'target-bar';
  id: string;
  title: string;
  format: 'percent' | 'money';
  rows: { label: string; value: number | null; target: number | null; met: boolean | null }[];
};

export type ChartSpec = StackedBarChart | TargetBarChart;

/**
 * Every word a chart says. The printed report is a legal format in Vietnamese and always uses
 * CHART_WORDS_VI (the default everywhere); the dashboard passes the words of the UI language.
 * Numbers keep the Vietnamese format in both languages, as the whole app does.
 */
export type ChartWords = {
  title: Readonly<Record<'status' | 'indicators' | 'submissions' | 'disbursement', string>>;
  /** Series of the status chart. */
  status: Readonly<Record<EntryStatus, string>>;
  /** Series of the submissions chart. */
  submission: Readonly<Record<BoardState, string>>;
  /** What goes before a section's label in the status chart (`Nhiệm vụ I. …`). */
  kind: Readonly<Record<'tasks' | 'indicators', string>>;
  /** The last column of a stacked chart's table. */
  total: string;
  /** A target chart's table: its column headers and verdicts. */
  table: Readonly<Record<'value' | 'target' | 'verdict' | 'met' | 'unmet', string>>;
  /** A target chart's legend: the black mark, a met bar, an unmet bar; money speaks of the budget. */
  legend: Readonly<Record<'percent' | 'money', Readonly<Record<'mark' | 'met' | 'unmet', string>>>>;
};

/** The report's words: what the printed report has always said, byte for byte. */
export const CHART_WORDS_VI: ChartWords = {
  title: {
    status: 'Tình trạng thực hiện theo nhóm (số lượt đơn vị)',
    indicators: 'Kết quả các chỉ tiêu so với chỉ tiêu giao (%)',
    submissions: 'Tình hình gửi báo cáo qua các kỳ',
    disbursement: 'Giải ngân so với kế hoạch vốn (triệu đồng)',
  },
  status: STATUS_VI,
  submission: BOARD_VI,
  kind: { tasks: KIND_TITLE_VI.tasks, indicators: KIND_TITLE_VI.indicators },
  total: 'Tổng',
  table: { value: 'Kết quả', target: 'Chỉ tiêu', verdict: 'Đánh giá', met: 'Đạt', unmet: 'Chưa đạt' },
  legend: {
    percent: { mark: 'Chỉ tiêu giao', met: 'Đạt', unmet: 'Chưa đạt' },
    money: { mark: 'Kế hoạch vốn', met: 'Giải ngân đủ', unmet: 'Chưa giải ngân đủ' },
  },
};

// Dark to light, so black-and-white prints tell them apart.
const STATUS_FILL: Record<(typeof STATUS_ORDER)[number], string> = {
  done: '#1b5e20', 'done-late': '#66bb6a', 'in-progress': '#1565c0', 'not-started': '#e0e0e0', 'carried-over': '#ffb74d', dropped: '#8d6e63',
};

/** Unit lines by status, per section of tasks and indicators. */
export function statusChart(source: ReportSource, words: ChartWords = CHART_WORDS_VI): StackedBarChart | null {
  // Tasks then indicators, as the status table lists them; sections nobody reported on are only noise here.
  const rows = (['tasks', 'indicators'] as const).flatMap((kind) => sectionsOfKind(source, kind).map((s) => ({
    label: `${words.kind[kind]} ${sectionLabel(s)}`,
    values: STATUS_ORDER.map((st) => s.items.reduce((n, i) => n + i.merge.byStatus[st], 0)),
  }))).filter((r) => r.values.some((v) => v > 0));
  if (rows.length === 0) return null;
  const used = STATUS_ORDER.map((_, j) => rows.some((r) => (r.values[j] ?? 0) > 0));
  return {
    kind: 'stacked-bar', id: 'chart-status', title: words.title.status,
    categories: rows.map((r) => r.label),
    series: STATUS_ORDER.filter((_, j) => used[j]).map((s) => ({ key: s, label: words.status[s], fill: STATUS_FILL[s] })),
    values: rows.map((r) => r.values.filter((_, j) => used[j])),
  };
}

/** The percent a target asks for (`Trên 95%` → 95, `30% - 50%` → 30), or null for other targets. */
export function targetPercent(cell: string): number | null {
  const t = parseTarget(cell);
  if (t.kind === 'value' && t.unit === 'percent') return t.value;
  if (t.kind === 'range' && t.unit === 'percent') return t.min;
  return null;
}

/** Indicators with a rolled-up percentage, against their target. */
export function indicatorChart(source: ReportSource, words: ChartWords = CHART_WORDS_VI): TargetBarChart | null {
  const rows = sectionsOfKind(source, 'indicators').flatMap((s) => s.items.flatMap(({ item, merge }) => {
    const r = merge.rollup?.kind === 'indicator' ? merge.rollup : null;
    // Numbers restart in each section of a plan: the section's code keeps labels apart (`1.3`).
    const no = [s.section?.code.trim(), item.no.trim()].filter(Boolean).join('.');
    const label = `${no ? `${no}. ` : ''}${printedContent(item)}`;
    return r && r.value !== null ? [{ label, value: r.value, target: targetPercent(item.target), met: r.met }] : [];
  }));
  return rows.length === 0 ? null : { kind: 'target-bar', id: 'chart-indicators', title: words.title.indicators, format: 'percent', rows };
}

/** Submissions over periods, for the dashboard: on time, late, missing. */
export function submissionChart(history: readonly { label: string; counts: BoardCounts }[], words: ChartWords = CHART_WORDS_VI): StackedBarChart {
  const { submission: say } = words;
  return {
    kind: 'stacked-bar', id: 'chart-submissions', title: words.title.submissions,
    categories: history.map((h) => h.label),
    series: [{ key: 'on-time', label: say['on-time'], fill: '#1b5e20' }, { key: 'late', label: say.late, fill: '#ffb74d' }, { key: 'missing', label: say.missing, fill: '#c62828' }],
    values: history.map((h) => [h.counts['on-time'], h.counts.late, h.counts.missing]),
  };
}

/** Money disbursed against the budget, per year or per project (million VND). */
export function disbursementChart(rows: readonly { label: string; budget: number | null; disbursed: number }[], words: ChartWords = CHART_WORDS_VI): TargetBarChart {
  return {
    kind: 'target-bar', id: 'chart-disbursement', title: words.title.disbursement, format: 'money',
    rows: rows.map((r) => ({ label: r.label, value: r.disbursed, target: r.budget, met: r.budget === null ? null : r.disbursed >= r.budget })),
  };
}

/** The numbers of a chart as a table (header row, then one row per bar), for screen readers and the dashboard. */
export function chartTable(chart: ChartSpec, words: ChartWords = CHART_WORDS_VI): string[][] {
  if (chart.kind === 'stacked-bar')
    return [['', ...chart.series.map((s) => s.label), words.total], ...chart.categories.map((c, i) => {
      const v = chart.values[i] ?? [];
      return [c, ...chart.series.map((_, j) => formatNumberVi(v[j] ?? 0)), formatNumberVi(v.reduce((a, b) => a + b, 0))];
    })];
  const fmt = (n: number | null) => (n === null ? '' : chart.format === 'percent' ? formatPercentVi(n) : formatNumberVi(n, 2));
  const { table: say } = words;
  return [['', say.value, say.target, say.verdict], ...chart.rows.map((r) => [r.label, fmt(r.value), fmt(r.target), r.met === null ? '' : r.met ? say.met : say.unmet])];
}

// Geometry in SVG user units (about 1 unit = 0.27 mm at the report's 16.5 cm width).
const W = 600;
const LABEL = 220;
const BAR_X = LABEL + 8;
const BAR_W = W - BAR_X - 50;
const ROW = 24;
const FONT = "font-family=\"'PlanBook Serif', 'Times New Roman', serif\"";
const n = (x: number) => (Math.round(x * 100) / 100).toString();
const clip = (s: string, max = 40) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** Inline SVG in HTML: no xmlns (the HTML parser places it), so the document names no url at all. */
function svg(chart: ChartSpec, words: ChartWords, height: number, body: string): string {
  // What a screen reader says: every bar with its named numbers (`Nhận thức số: Hoàn thành 10, …`).
  const [head = [], ...rows] = chartTable(chart, words);
  const label = `${chart.title}. ${rows.map(([name, ...cells]) => `${name}: ${cells.map((c, i) => (c ? `${head[i + 1] ?? ''} ${c}` : '')).filter(Boolean).join(', ')}`).join('; ')}`;
  return `<svg viewBox="0 0 ${W} ${n(height)}" width="100%" role="img" aria-label="${escapeHtml(label)}" ${FONT} font-size="11.5">${body}</svg>`;
}

/** The legend under the bars, wrapped to the chart's width; its height is returned beside it. */
function legend(series: readonly ChartSeries[], top: number): { svg: string; height: number } {
  let x = BAR_X;
  let y = top;
  const svgs = series.map((s) => {
    const w = 24 + s.label.length * 6;
    if (x + w > W && x > BAR_X) { x = BAR_X; y += 16; }
    const out = `<rect x="${n(x)}" y="${n(y)}" width="10" height="10" fill="${s.fill}" stroke="#000" stroke-width="0.4"/><text x="${n(x + 14)}" y="${n(y + 9)}">${escapeHtml(s.label)}</text>`;
    x += w;
    return out;
  });
  return { svg: svgs.join(''), height: y - top + 16 };
}

function stacked(chart: StackedBarChart, words: ChartWords): string {
  const totals = chart.values.map((v) => v.reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const rows = chart.categories.map((c, i) => {
    const y = 4 + i * ROW;
    let x = BAR_X;
    const parts = chart.series.map((s, j) => {
      const v = chart.values[i]?.[j] ?? 0;
      const w = (BAR_W * v) / max;
      const rect = v > 0 ? `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${ROW - 6}" fill="${s.fill}" stroke="#000" stroke-width="0.4"><title>${escapeHtml(`${c} – ${s.label}: ${v}`)}</title></rect>` : '';
      x += w;
      return rect;
    }).join('');
    return `<text x="${LABEL}" y="${n(y + 12)}" text-anchor="end">${escapeHtml(clip(c))}</text>${parts}<text x="${n(x + 4)}" y="${n(y + 12)}">${formatNumberVi(totals[i] ?? 0)}</text>`;
  }).join('');
  const h = 4 + chart.categories.length * ROW;
  const key = legend(chart.series, h + 6);
  return svg(chart, words, h + 8 + key.height, `${rows}${key.svg}`);
}

function targets(chart: TargetBarChart, words: ChartWords): string {
  const max = Math.max(chart.format === 'percent' ? 100 : 1, ...chart.rows.flatMap((r) => [r.value ?? 0, r.target ?? 0]));
  const x = (v: number) => BAR_X + (BAR_W * v) / max;
  const fmt = (v: number) => (chart.format === 'percent' ? formatPercentVi(v, 1) : formatNumberVi(v, 0));
  const rows = chart.rows.map((r, i) => {
    const y = 4 + i * ROW;
    const fill = r.met === false ? '#c62828' : r.met === true ? '#1b5e20' : '#1565c0';
    const bar = r.value === null ? '' : `<rect x="${BAR_X}" y="${n(y + 3)}" width="${n(x(r.value) - BAR_X)}" height="${ROW - 12}" fill="${fill}"><title>${escapeHtml(`${r.label}: ${fmt(r.value)}`)}</title></rect>`;
    const mark = r.target === null ? '' : `<line x1="${n(x(r.target))}" x2="${n(x(r.target))}" y1="${n(y)}" y2="${n(y + ROW - 6)}" stroke="#000" stroke-width="2"/>`;
    const value = r.value === null ? '' : `<text x="${n(Math.max(x(r.value), r.target === null ? 0 : x(r.target)) + 4)}" y="${n(y + 12)}">${fmt(r.value)}</text>`;
    return `<text x="${LABEL}" y="${n(y + 12)}" text-anchor="end">${escapeHtml(clip(r.label))}</text><rect x="${BAR_X}" y="${n(y + 3)}" width="${BAR_W}" height="${ROW - 12}" fill="#f2f2f2"/>${bar}${mark}${value}`;
  }).join('');
  const h = 4 + chart.rows.length * ROW;
  // Money is read against the budget: the mark is the budget, a full bar is money disbursed in full.
  const { mark, met, unmet } = words.legend[chart.format];
  const metX = BAR_X + 20 + mark.length * 6;
  const unmetX = metX + 24 + met.length * 6;
  const key = `<line x1="${BAR_X}" x2="${BAR_X}" y1="${n(h + 4)}" y2="${n(h + 16)}" stroke="#000" stroke-width="2"/><text x="${BAR_X + 6}" y="${n(h + 14)}">${escapeHtml(mark)}</text>`
    + `<rect x="${metX}" y="${n(h + 5)}" width="10" height="10" fill="#1b5e20"/><text x="${metX + 14}" y="${n(h + 14)}">${escapeHtml(met)}</text>`
    + `<rect x="${unmetX}" y="${n(h + 5)}" width="10" height="10" fill="#c62828"/><text x="${unmetX + 14}" y="${n(h + 14)}">${escapeHtml(unmet)}</text>`;
  return svg(chart, words, h + 22, `${rows}${key}`);
}

/** The chart as one inline SVG element (text escaped; fonts from the document). */
export function renderChartSvg(chart: ChartSpec, words: ChartWords = CHART_WORDS_VI): string {
  return chart.kind === 'stacked-bar' ? stacked(chart, words) : targets(chart, words);
}
