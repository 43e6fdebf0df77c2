// The print stylesheet of the report: Nghị định 30/2020/NĐ-CP, Phụ lục I (A4, margins, sizes of
// each header element) in CSS that Chromium honours in print: @page margin boxes for the page
// number from page 2, repeated table headers, no row split across pages.
import { cssUrl } from './escape';

export type FontFile = 'LiberationSerif-Regular.ttf' | 'LiberationSerif-Bold.ttf' | 'LiberationSerif-Italic.ttf' | 'LiberationSerif-BoldItalic.ttf';
export const FONT_FILES: readonly FontFile[] = ['LiberationSerif-Regular.ttf', 'LiberationSerif-Bold.ttf', 'LiberationSerif-Italic.ttf', 'LiberationSerif-BoldItalic.ttf'];

/** Where the bundled fonts are: a base url (`./fonts/`) or a url per file (data: urls for a standalone file). */
export type FontUrl = string | ((file: FontFile) => string);

const FACES: readonly { file: FontFile; weight: 400 | 700; style: 'normal' | 'italic'; local: string[] }[] = [
  { file: 'LiberationSerif-Regular.ttf', weight: 400, style: 'normal', local: ['Times New Roman', 'TimesNewRomanPSMT'] },
  { file: 'LiberationSerif-Bold.ttf', weight: 700, style: 'normal', local: ['Times New Roman Bold', 'TimesNewRomanPS-BoldMT'] },
  { file: 'LiberationSerif-Italic.ttf', weight: 400, style: 'italic', local: ['Times New Roman Italic', 'TimesNewRomanPS-ItalicMT'] },
  { file: 'LiberationSerif-BoldItalic.ttf', weight: 700, style: 'italic', local: ['Times New Roman Bold Italic', 'TimesNewRomanPS-BoldItalicMT'] },
];

/**
 * Times New Roman when the PC has it (local(), matched by its exact name, so a Linux alias to an
 * old Liberation without Vietnamese glyphs is never taken), else the bundled Liberation Serif 2,
 * metric-compatible and with every Vietnamese glyph: line and page breaks fall in the same places.
 */
export function fontFaces(fontUrl: FontUrl): string {
  const url = (f: FontFile) => (typeof fontUrl === 'function' ? fontUrl(f) : `${fontUrl.endsWith('/') || fontUrl === '' ? fontUrl : `${fontUrl}/`}${f}`);
  return FACES.map((f) => `@font-face { font-family: 'PlanBook Serif'; font-weight: ${f.weight}; font-style: ${f.style}; font-display: block;
  src: ${f.local.map((l) => `local('${l}')`).join(', ')}, ${cssUrl(url(f.file))} format('truetype'); }`).join('\n');
}

/** Column widths in whole percent, as classes (`col.w12`). */
const WIDTH_CLASSES = Array.from({ length: 100 }, (_, i) => `col.w${i + 1} { width: ${i + 1}%; }`).join('\n');

export const REPORT_CSS = `
${WIDTH_CLASSES}
.page-break { break-after: page; }
@page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm;
  @top-center { content: counter(page); font-family: 'PlanBook Serif', 'Times New Roman', serif; font-size: 13pt; vertical-align: bottom; padding-bottom: 4mm; } }
@page :first { @top-center { content: none; } }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: 'PlanBook Serif', 'Times New Roman', serif; font-size: 14pt; line-height: 1.25; color: #000; background: #fff; }
@media screen { body { max-width: 165mm; margin: 10mm auto; padding: 20mm 15mm 20mm 30mm; box-shadow: 0 0 4mm rgba(0,0,0,.25); } }
.head { width: 100%; border-collapse: collapse; table-layout: fixed; }
.head td { vertical-align: top; text-align: center; padding: 0; }
.head .left { width: 38%; }
.head .right { width: 62%; }
.parent-body { font-size: 13pt; text-transform: uppercase; }
.issuer { font-size: 13pt; font-weight: 700; text-transform: uppercase; }
.nation { font-size: 12.5pt; font-weight: 700; white-space: nowrap; }
.motto { font-size: 14pt; font-weight: 700; }
.motto span { display: inline-block; border-bottom: 0.75pt solid #000; padding-bottom: 1pt; }
.rule { margin: 3pt auto 0; border-top: 0.75pt solid #000; width: 30%; height: 0; }
.head .number { font-size: 13pt; padding-top: 6pt; }
.head .date { font-size: 14pt; font-style: italic; padding-top: 6pt; }
.title { margin: 18pt 0 0; text-align: center; font-size: 14pt; font-weight: 700; }
.subject { margin: 0 8%; text-align: center; font-size: 14pt; font-weight: 700; }
.subject-rule { width: 25%; margin-top: 3pt; margin-bottom: 12pt; }
main p, .appendix p.text { margin: 0 0 6pt; text-align: justify; text-indent: 1cm; }
main p.italic { font-style: italic; }
h2 { font-size: 14pt; font-weight: 700; margin: 10pt 0 6pt; text-indent: 1cm; break-after: avoid; }
h3 { font-size: 14pt; font-weight: 700; margin: 8pt 0 6pt; text-indent: 1cm; break-after: avoid; }
ul.dash { list-style: none; margin: 0 0 6pt; padding: 0; }
ul.dash li { text-align: justify; text-indent: 1cm; margin: 0 0 4pt; }
ul.dash li::before { content: '- '; }
table.grid { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 12pt; line-height: 1.2; margin: 4pt 0 10pt; }
table.grid th, table.grid td { border: 0.75pt solid #000; padding: 2pt 3pt; vertical-align: top; overflow-wrap: break-word; }
table.grid th { font-weight: 700; text-align: center; vertical-align: middle; font-size: 10.5pt; hyphens: none; padding: 2pt 1.5pt; }
td.n { white-space: nowrap; }
.appendix table.grid { font-size: 11pt; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
tr.section td { font-weight: 700; }
/* A section or item row never ends a page: it stays with its first line. */
tr.section, tr.group { break-after: avoid; page-break-after: avoid; }
tr.group td { font-weight: 700; }
tr.total td { font-weight: 700; }
td.c { text-align: center; } td.r { text-align: right; } td.l { text-align: left; }
.closing { width: 100%; border-collapse: collapse; table-layout: fixed; margin-top: 12pt; break-inside: avoid; }
.closing td { vertical-align: top; padding: 0; }
.closing .recipients { width: 45%; font-size: 11pt; }
.closing .recipients .nn { font-size: 12pt; font-weight: 700; font-style: italic; }
.closing .signer { width: 55%; text-align: center; font-size: 14pt; font-weight: 700; }
.closing .sign-space { height: 26mm; }
figure.chart { margin: 2pt 0 10pt; break-inside: avoid; }
figure.chart svg { display: block; width: 100%; height: auto; }
figure.chart figcaption { text-align: center; font-style: italic; font-size: 12pt; margin-top: 2pt; }
.appendix { break-before: page; }
.appendix .a-head { text-align: center; font-weight: 700; font-size: 14pt; margin: 0; }
.appendix .a-sub { text-align: center; font-style: italic; font-size: 13pt; margin: 0 0 10pt; }
`;
