// Reports: the printed report of Nghị định 30/2020/NĐ-CP and its Excel tables (docs/report-format.md).
//   source (unit report + plan, or consolidated package) → document (header, body, appendix, sheets)
//   → renderReportHtml (print) / writeWorkbook (xlsx).
export * from './types';
export { unitReportSource, consolidatedReportSource, type ReportSource, type SourceItem, type SourceSection, type UnitSourceInput, type ConsolidatedSourceInput, type SourceResult } from './source';
export { buildReportDocument, buildUnitReport, buildConsolidatedReport, reportSubject, type ReportOptions } from './document';
export { defaultHeader, issuerLines, parentBodyLine, placeOf, placeAndDate, numberLine, symbolOf, defaultSigner, type HeaderInput } from './header';
export { renderReportHtml, formatCell, tableHtml, type HtmlOptions } from './html';
export { FONT_FILES, type FontFile, type FontUrl } from './css';
export { escapeHtml } from './escape';
export { writeWorkbook, excelValue, sheetNames, EXCEL_FORMAT } from './workbook';
export { readConsolidatedSummary, type SummaryResult } from './summary';
export { STATUS_VI, BOARD_VI } from './labels';
export { statusChart, indicatorChart, submissionChart, disbursementChart, chartTable, renderChartSvg, targetPercent, type ChartSpec, type StackedBarChart, type TargetBarChart, type ChartSeries } from './charts';
