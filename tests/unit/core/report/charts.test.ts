// Charts as inline SVG: drawn from the numbers the report prints, labelled for screen readers,
// every text escaped, no url; the dashboard's charts (submissions over time, disbursement) too.
import { describe, expect, it } from 'vitest';
import type { UnitId } from '../../../../shared/model/ids';
import {
  chartTable, disbursementChart, renderChartSvg, statusChart, submissionChart, targetPercent, unitReportSource,
  type StackedBarChart,
} from '../../../../shared/report';
import { CITY, MAY, smallPlan, smallReport } from './fixtures';

const source = unitReportSource({ plan: smallPlan(), unit: { id: 'w' as UnitId, name: 'Phường 1', parentId: CITY }, parent: null, period: MAY, report: smallReport() });

describe('charts', () => {
  it('counts unit lines by status per section, leaving out statuses and sections with nothing', () => {
    const chart = statusChart(source)!;
    expect(chart.categories).toEqual(['Nhiệm vụ I. Nhiệm vụ chung', 'Chỉ tiêu I. Chỉ tiêu']);
    expect(chart.series.map((s) => s.key)).toEqual(['done', 'in-progress']);
    expect(chart.values).toEqual([[1, 1], [0, 1]]);
    expect(chartTable(chart)).toEqual([['', 'Hoàn thành', 'Đang triển khai', 'Tổng'], ['Nhiệm vụ I. Nhiệm vụ chung', '1', '1', '2'], ['Chỉ tiêu I. Chỉ tiêu', '0', '1', '1']]);
  });

  it('reads the percent a target asks for', () => {
    expect([targetPercent('Trên 95%'), targetPercent('30% - 50%'), targetPercent('Duy trì 100%'), targetPercent('17/17'), targetPercent('-')]).toEqual([95, 30, 100, null, null]);
  });

  it('draws an SVG labelled with its numbers, escaping every label, naming no url', () => {
    const chart: StackedBarChart = { ...statusChart(source)!, categories: ['<b>"x"</b>', 'y'] };
    const svg = renderChartSvg(chart);
    expect(svg).toMatch(/^<svg viewBox="0 0 600 [\d.]+" width="100%" role="img" aria-label="[^"]*Hoàn thành 1[^"]*"/u);
    expect(svg).toContain('&lt;b&gt;&quot;x&quot;&lt;/b&gt;');
    expect(svg).not.toMatch(/<b>|https?:/u);
  });

  it('draws submissions over periods and disbursement against budget for the dashboard', () => {
    const subs = submissionChart([
      { label: 'Tháng 4/2024', counts: { 'on-time': 15, late: 2, missing: 0, conflict: 0, expected: 17 } },
      { label: 'Tháng 5/2024', counts: { 'on-time': 14, late: 2, missing: 1, conflict: 0, expected: 17 } },
    ]);
    expect(subs.values).toEqual([[15, 2, 0], [14, 2, 1]]);
    expect(renderChartSvg(subs)).toContain('Chưa báo cáo');
    const money = disbursementChart([{ label: 'Năm 2024', budget: 1500, disbursed: 1250.5 }, { label: 'Năm 2025', budget: null, disbursed: 0 }]);
    expect(chartTable(money)).toEqual([['', 'Kết quả', 'Chỉ tiêu', 'Đánh giá'], ['Năm 2024', '1.250,5', '1.500', 'Chưa đạt'], ['Năm 2025', '0', '', '']]);
    expect(renderChartSvg(money)).toMatch(/<line [^>]*stroke-width="2"\/>/u);
    // Its legend speaks of the budget, not of a target.
    expect(renderChartSvg(money)).toContain('>Kế hoạch vốn</text>');
    expect(renderChartSvg(money)).not.toContain('Chỉ tiêu giao');
  });

  it('draws with presentation attributes only: no style attribute and no <style> (the app\'s CSP forbids inline styles)', () => {
    const charts = [statusChart(source)!, submissionChart([{ label: 'Tháng 5/2024', counts: { 'on-time': 13, late: 3, missing: 1, conflict: 0, expected: 17 } }]),
      disbursementChart([{ label: 'Năm 2024', budget: 2000, disbursed: 1350.5 }])];
    for (const chart of charts) {
      const svg = renderChartSvg(chart);
      expect(svg).not.toMatch(/\sstyle\s*=|<style/iu);
      expect(svg).toMatch(/fill="#[0-9a-f]{6}"/u);
      expect(svg).toMatch(/font-size="/u);
    }
  });
});
