// What the report's charts print, for the golden file beside this module (chartsGolden.json):
// written once from the code before the charts took words, so the printed report is proven
// unchanged byte for byte (the legal format must not move when the dashboard speaks English).
import { createHash } from 'node:crypto';
import type { IsoDate, UnitId } from '../../../../shared/model/ids';
import {
  buildReportDocument, chartTable, disbursementChart, indicatorChart,
  renderChartSvg, renderReportHtml, statusChart, submissionChart, unitReportSource, type ChartSpec, type ReportSource,
} from '../../../../shared/report';
import { CITY, MAY, citySourceOf, smallPlan, smallReport, vungTauMonth } from './fixtures';

export type ChartGolden = { svg: string; table: string[][] };
export type Golden = { charts: Record<string, ChartGolden>; html: Record<string, string> };

export const smallSource = (): ReportSource => unitReportSource({
  plan: smallPlan(), unit: { id: 'w' as UnitId, name: 'Phường 1', parentId: CITY },
  parent: { id: CITY, name: 'Ủy ban nhân dân thành phố Vũng Tàu', parentId: null }, period: MAY, report: smallReport(),
});

export const cityMaySource = async (): Promise<ReportSource> => citySourceOf(await vungTauMonth());

export const SUBMISSIONS = [
  { label: 'Tháng 4/2024', counts: { 'on-time': 0, late: 0, missing: 17, conflict: 0, expected: 17 } },
  { label: 'Tháng 5/2024', counts: { 'on-time': 13, late: 3, missing: 1, conflict: 0, expected: 17 } },
];
export const MONEY = [{ label: 'Năm 2024', budget: 2000, disbursed: 1350.5 }, { label: 'Năm 2025', budget: null, disbursed: 0 },
  { label: 'Năm 2026', budget: 500, disbursed: 800 }];

/** The fixtures' charts with the default (Vietnamese) words, as the printed report draws them. */
export function fixtureCharts(small: ReportSource, city: ReportSource): Record<string, ChartSpec | null> {
  return {
    'small.status': statusChart(small), 'small.indicators': indicatorChart(small),
    'city.status': statusChart(city), 'city.indicators': indicatorChart(city),
    submissions: submissionChart(SUBMISSIONS), disbursement: disbursementChart(MONEY),
  };
}

const HEADER = { date: '2024-05-20' as IsoDate, number: '125/BC-UBND' };
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

export function golden(small: ReportSource, city: ReportSource): Golden {
  const charts: Record<string, ChartGolden> = {};
  for (const [name, chart] of Object.entries(fixtureCharts(small, city))) {
    if (!chart) throw new Error(`the fixture draws no ${name} chart`);
    charts[name] = { svg: renderChartSvg(chart), table: chartTable(chart) };
  }
  // Whole printed reports, hashed: they are large, and any byte that moves is the failure.
  const printed = (source: ReportSource, charts: number) => {
    const text = renderReportHtml(buildReportDocument(source, { header: HEADER }));
    // The consolidated report draws the status and indicator charts (a unit's report none), or the hash would prove nothing of them.
    if ((text.match(/<figure class="chart"><svg /gu) ?? []).length !== charts) throw new Error(`a printed report without its ${charts} charts`);
    return sha256(text);
  };
  const html = { small: printed(small, 0), city: printed(city, 2) };
  return { charts, html };
}
