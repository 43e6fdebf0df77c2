// The charts' words: by default the printed report's Vietnamese, unchanged byte for byte (the
// golden file was written by the code before charts took words); other words when passed, as the
// dashboard does in English, with the numbers still in the Vietnamese format.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportSource } from '../../../../shared/report';
import {
  CHART_WORDS_VI, chartTable, disbursementChart, indicatorChart, renderChartSvg, statusChart, submissionChart, type ChartWords,
} from '../../../../shared/report/charts';
import { chartWordsOf } from '../../../../renderer/features/dashboard/chartWords';
import { translate } from '../../../../renderer/i18n';
import { cityMaySource, golden, MONEY, smallSource, SUBMISSIONS, type Golden } from './chartsGolden';

const GOLDEN = JSON.parse(readFileSync(new URL('./chartsGolden.json', import.meta.url), 'utf8')) as Golden;

// Deliberately not the app's dictionary: what the core does with any words it is given.
const WORDS: ChartWords = {
  title: { status: 'Progress by group', indicators: 'Indicators against target (%)', submissions: 'Submissions over the periods', disbursement: 'Disbursement against budget' },
  status: { done: 'Done', 'done-late': 'Done late', 'in-progress': 'In progress', 'not-started': 'Not started', 'carried-over': 'Carried over', dropped: 'Dropped' },
  submission: { 'on-time': 'On time', late: 'Late', missing: 'Not reported' },
  kind: { tasks: 'Tasks', indicators: 'Indicators' },
  total: 'Total',
  table: { value: 'Result', target: 'Target', verdict: 'Assessment', met: 'Met', unmet: 'Not met' },
  legend: { percent: { mark: 'Target', met: 'Met', unmet: 'Not met' }, money: { mark: 'Budget <plan>', met: 'Disbursed in full', unmet: 'Short of budget' } },
};

let small: ReportSource;
let city: ReportSource;
beforeAll(async () => {
  small = smallSource();
  city = await cityMaySource();
}, 60_000);

describe('chart words', () => {
  it('draws every fixture chart and prints both reports exactly as before the words existed', () => {
    const now = golden(small, city);
    expect(Object.keys(now.charts)).toEqual(['small.status', 'small.indicators', 'city.status', 'city.indicators', 'submissions', 'disbursement']);
    for (const [name, chart] of Object.entries(GOLDEN.charts)) {
      expect(now.charts[name]?.svg, name).toBe(chart.svg);
      expect(now.charts[name]?.table, name).toEqual(chart.table);
    }
    expect(now.html).toEqual(GOLDEN.html);
    // The golden file holds real charts, not empty ones.
    expect(GOLDEN.charts['city.status']?.table[0]).toEqual(['', 'Hoàn thành', 'Hoàn thành trễ hạn', 'Đang triển khai', 'Chưa triển khai', 'Chuyển sang năm sau', 'Tổng']);
    expect(GOLDEN.charts.disbursement?.svg).toContain('>Kế hoạch vốn</text>');
  });

  it('passing the Vietnamese words is the default', () => {
    const chart = statusChart(city, CHART_WORDS_VI)!;
    expect(renderChartSvg(chart, CHART_WORDS_VI)).toBe(GOLDEN.charts['city.status']?.svg);
    expect(chartTable(indicatorChart(city, CHART_WORDS_VI)!, CHART_WORDS_VI)).toEqual(GOLDEN.charts['city.indicators']?.table);
  });

  it('speaks the words it is given: titles, category prefixes, series, table headers, verdicts, legends', () => {
    const status = statusChart(city, WORDS)!;
    expect(status.title).toBe('Progress by group');
    expect(status.categories.every((c) => /^(?:Tasks|Indicators) /u.test(c))).toBe(true);
    expect(status.series.map((s) => s.label)).toEqual(['Done', 'Done late', 'In progress', 'Not started', 'Carried over']);
    const statusTable = chartTable(status, WORDS);
    expect(statusTable[0]).toEqual(['', 'Done', 'Done late', 'In progress', 'Not started', 'Carried over', 'Total']);
    expect(statusTable[1]).toEqual(['Tasks 1. Nhận thức số', '10', '11', '21', '12', '10', '64']);
    const statusSvg = renderChartSvg(status, WORDS);
    expect(statusSvg).toMatch(/aria-label="Progress by group\. Tasks 1\. Nhận thức số: Done 10, Done late 11, In progress 21, Not started 12, Carried over 10, Total 64; /u);
    expect(statusSvg).toContain('>Carried over</text>');

    // Indicator 1.1 of the city: 98,63% against 100%, the number still written the Vietnamese way.
    const indicators = chartTable(indicatorChart(city, WORDS)!, WORDS);
    expect(indicators[0]).toEqual(['', 'Result', 'Target', 'Assessment']);
    expect(indicators[1]?.slice(1)).toEqual(['98,63%', '100%', 'Not met']);
    const indicatorSvg = renderChartSvg(indicatorChart(city, WORDS)!, WORDS);
    expect(indicatorSvg).toContain('>Target</text>');
    expect(indicatorSvg).toContain('>Not met</text>');
    expect(indicatorSvg).toContain('aria-label="Indicators against target (%).');

    const subs = submissionChart(SUBMISSIONS, WORDS);
    expect(chartTable(subs, WORDS)[0]).toEqual(['', 'On time', 'Late', 'Not reported', 'Total']);
    expect(renderChartSvg(subs, WORDS)).toContain('>Not reported</text>');

    const money = disbursementChart(MONEY, WORDS);
    expect(chartTable(money, WORDS)).toEqual([['', 'Result', 'Target', 'Assessment'], ['Năm 2024', '1.350,5', '2.000', 'Not met'], ['Năm 2025', '0', '', ''], ['Năm 2026', '800', '500', 'Met']]);
    const moneySvg = renderChartSvg(money, WORDS);
    // Legend words are escaped like every other text.
    expect(moneySvg).toContain('>Budget &lt;plan&gt;</text>');
    expect(moneySvg).toContain('>Disbursed in full</text>');
    expect(moneySvg).toContain('>Short of budget</text>');

    // Not one Vietnamese chart word left in what the English words draw.
    const all = [statusSvg, indicatorSvg, renderChartSvg(subs, WORDS), moneySvg].join('');
    for (const vi of ['Tình trạng', 'Hoàn thành', 'Đang triển khai', 'Tổng', 'Nhiệm vụ I', 'Đúng hạn', 'Chưa báo cáo', 'Chưa đạt', 'Kế hoạch vốn', 'Giải ngân'])
      expect(all, vi).not.toContain(vi);
  });
});

describe('the dashboard\'s chart words', () => {
  it('are the printed report\'s words in Vietnamese, so the dashboard draws the report\'s charts', () => {
    expect(chartWordsOf((key, params) => translate('vi', key, params))).toEqual(CHART_WORDS_VI);
  });

  it('are English in English, every one of them', () => {
    const en = chartWordsOf((key, params) => translate('en', key, params));
    const words = JSON.stringify(en);
    expect(words).not.toMatch(/[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/iu);
    expect(en.title.status).toBe('Progress by group (unit lines)');
    expect(en.status['done-late']).toBe('Done late');
    expect(en.submission.missing).toBe('Not reported');
    expect(en.legend.money).toEqual({ mark: 'Budget', met: 'Disbursed in full', unmet: 'Not disbursed in full' });
    const money = renderChartSvg(disbursementChart(MONEY, en), en);
    expect(money).toContain('>Budget</text>');
    expect(chartTable(disbursementChart(MONEY, en), en)[1]).toEqual(['Năm 2024', '1.350,5', '2.000', 'Not met']);
  });
});
