// The report as one standalone HTML document (no script, no external request: a Content-Security-
// Policy forbids any but the fonts), printed by Chromium: Electron's printToPDF, window.print() in
// the browser host, and `planbook report --format pdf`. Every text goes through escapeHtml.
import { formatNumberVi, formatPercentVi } from '../format/vi';
import { renderChartSvg } from './charts';
import { REPORT_CSS, fontFaces, type FontUrl } from './css';
import { escapeHtml, escapeLines } from './escape';
import { numberLine, placeAndDate } from './header';
import type { Block, Cell, Column, ReportDocument, ReportHeader, ReportTable, TableRow } from './types';

export type HtmlOptions = {
  /** Where the bundled Liberation Serif files are (default `./fonts/`, beside the document). */
  fontUrl?: FontUrl;
};

export function formatCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  switch (cell.format) {
    case 'percent': return formatPercentVi(cell.value);
    case 'integer': return formatNumberVi(cell.value);
    case 'decimal':
    case 'money': return formatNumberVi(cell.value, 2);
  }
}

const ALIGN = { left: 'l', center: 'c', right: 'r' } as const;

function cellHtml(cell: Cell, column: Column | undefined): string {
  // Numbers never wrap inside (`20.160/20.440`, `98,63%` stay whole), so they align right.
  const cls = typeof cell === 'object' && cell !== null ? 'r n' : ALIGN[column?.align ?? 'left'];
  return `<td class="${cls}">${escapeLines(formatCell(cell))}</td>`;
}

function rowHtml(row: TableRow, columns: readonly Column[]): string {
  if (row.kind === 'section') return `<tr class="section"><td colspan="${columns.length}">${escapeLines(row.label)}</td></tr>`;
  return `<tr class="${row.kind}">${row.cells.map((c, i) => cellHtml(c, columns[i])).join('')}</tr>`;
}

export function tableHtml(table: ReportTable): string {
  const total = table.columns.reduce((n, c) => n + c.width, 0) || 1;
  // Width classes, not style attributes: the app's print preview runs under a CSP without 'unsafe-inline'.
  const cols = table.columns.map((c) => `<col class="w${Math.max(1, Math.min(100, Math.round((100 * c.width) / total)))}">`).join('');
  const head = table.columns.map((c) => `<th>${escapeHtml(c.header)}</th>`).join('');
  return `<table class="grid" data-table="${escapeHtml(table.id)}"><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${table.rows.map((r) => rowHtml(r, table.columns)).join('')}</tbody></table>`;
}

/** `- label:` then each further line (`+ …`) as its own indented line, not a bare line break. */
function listItemHtml(item: string): string {
  const [first = '', ...rest] = item.replace(/\r\n?/gu, '\n').split('\n');
  return `<li>${escapeHtml(first)}${rest.map((l) => `<div>${escapeHtml(l)}</div>`).join('')}</li>`;
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'heading': return block.level === 1 ? `<h2>${escapeHtml(block.text)}</h2>` : `<h3>${escapeHtml(block.text)}</h3>`;
    case 'paragraph': return block.text.split(/\r?\n/u).filter((p) => p.trim()).map((p) => `<p${block.emphasis ? ' class="italic"' : ''}>${escapeHtml(p)}</p>`).join('');
    case 'list': return `<ul class="dash">${block.items.map(listItemHtml).join('')}</ul>`;
    case 'table': return tableHtml(block.table);
    case 'chart': return `<figure class="chart">${renderChartSvg(block.chart)}<figcaption>${escapeHtml(block.caption)}</figcaption></figure>`;
    case 'page-break': return '<div class="page-break"></div>';
  }
}

/** Issuing body left, national title and motto right; number and symbol under the body, place and date under the motto. */
export function headerHtml(h: ReportHeader): string {
  const parent = h.parentBody ? `<div class="parent-body">${escapeHtml(h.parentBody)}</div>` : '';
  const issuer = h.issuer.map((l) => `<div class="issuer">${escapeHtml(l)}</div>`).join('');
  return `<table class="head" role="presentation"><tr>
<td class="left">${parent}${issuer}<div class="rule"></div></td>
<td class="right"><div class="nation">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div><div class="motto"><span>Độc lập - Tự do - Hạnh phúc</span></div></td>
</tr><tr>
<td class="number">${escapeHtml(numberLine(h.number))}</td>
<td class="date">${escapeHtml(placeAndDate(h.place, h.date, h.year))}</td>
</tr></table>
<p class="title">${escapeHtml(h.title)}</p>
<p class="subject">${escapeLines(h.subject)}</p>
<div class="rule subject-rule"></div>`;
}

export function closingHtml(h: ReportHeader): string {
  const recipients = h.recipients.map((r) => `<div>${escapeHtml(r)}</div>`).join('');
  const authority = h.signer.authority ? `<div>${escapeHtml(h.signer.authority)}</div>` : '';
  const title = h.signer.title.map((t) => `<div>${escapeHtml(t)}</div>`).join('');
  return `<table class="closing" role="presentation"><tr>
<td class="recipients"><div class="nn">Nơi nhận:</div>${recipients}</td>
<td class="signer">${authority}${title}<div class="sign-space"></div><div>${escapeHtml(h.signer.name)}</div></td>
</tr></table>`;
}

/** The report's stylesheet: fonts, page rules and layout (also adopted by the app's print preview). */
export function reportCss(fontUrl: HtmlOptions['fontUrl'] = './fonts/'): string {
  return `${fontFaces(fontUrl)}\n${REPORT_CSS}`;
}

/** The report's body: header block, sections, closing block and appendix. */
export function reportBodyHtml(doc: ReportDocument): string {
  const h = doc.header;
  const appendix = doc.appendix
    ? `<section class="appendix"><p class="a-head">PHỤ LỤC</p><p class="a-head">${escapeHtml(doc.appendix.title)}</p><p class="a-sub">${escapeHtml(doc.appendix.subtitle)}</p>${doc.appendix.blocks.map(blockHtml).join('\n')}</section>`
    : '';
  return `${headerHtml(h)}
<main>
${doc.body.map(blockHtml).join('\n')}
</main>
${closingHtml(h)}
${appendix}`;
}

export function renderReportHtml(doc: ReportDocument, options: HtmlOptions = {}): string {
  const h = doc.header;
  // The policy is the promise that printing makes no request: fonts only from the document's own place or inline.
  const csp = "default-src 'none'; style-src 'unsafe-inline'; font-src 'self' data: file:; img-src data:";
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${h.title} ${h.subject}`)}</title>
<style>
${reportCss(options.fontUrl)}
</style>
</head>
<body>
${reportBodyHtml(doc)}
</body>
</html>
`;
}
