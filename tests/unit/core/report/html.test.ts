// The printed report as HTML: a standalone document in the layout of Nghị định 30/2020, every
// typed text escaped, no request made (no script, no external url, a Content-Security-Policy).
import { describe, expect, it } from 'vitest';
import type { IsoDate, UnitId } from '../../../../shared/model/ids';
import { buildReportDocument, escapeHtml, renderReportHtml, unitReportSource, type ReportDocument } from '../../../../shared/report';
import { cssUrl } from '../../../../shared/report/escape';
import { CITY, MAY, smallPlan, smallReport } from './fixtures';

const EVIL = '<img src=x onerror=alert(1)>"\'&';
function docFor(unitName = 'Phường Thắng Tam', text = 'Đã tập huấn 3 lớp'): ReportDocument {
  const unit = { id: 'w' as UnitId, name: unitName, parentId: CITY };
  const parent = { id: CITY, name: 'Ủy ban nhân dân thành phố Vũng Tàu', parentId: null };
  const report = smallReport();
  report.entries[0] = { ...report.entries[0]!, result: text, difficulties: text, proposals: text };
  return buildReportDocument(unitReportSource({ plan: smallPlan(), unit, parent, period: MAY, report: { ...report, narrative: text } }),
    { header: { date: '2024-05-12' as IsoDate, number: '125/BC-UBND', signer: { authority: 'TM. ỦY BAN NHÂN DÂN', title: ['CHỦ TỊCH'], name: 'Trần Thị B' } } });
}
const html = renderReportHtml(docFor());

describe('renderReportHtml', () => {
  it('is one standalone Vietnamese document that can make no request', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="vi">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; font-src 'self' data: file:; img-src data:"`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|https?:/u);
  });

  it('has the national title, the motto with its rule, and the issuing body with its rule', () => {
    expect(html).toContain('<div class="nation">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div><div class="motto"><span>Độc lập - Tự do - Hạnh phúc</span></div>');
    expect(html).toContain('<div class="issuer">ỦY BAN NHÂN DÂN</div><div class="issuer">PHƯỜNG THẮNG TAM</div><div class="rule"></div>');
    expect(html).toMatch(/\.motto span \{[^}]*border-bottom/u);
  });

  it('orders the title block: body and motto, number and date, BÁO CÁO, subject', () => {
    const at = (s: string) => html.indexOf(s);
    const order = ['PHƯỜNG THẮNG TAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: 125/BC-UBND', 'Thắng Tam, ngày 12 tháng 5 năm 2024',
      '<p class="title">BÁO CÁO</p>', '<p class="subject">Kết quả thực hiện Kế hoạch thử tháng 5/2024</p>', '<main>', 'Nơi nhận:', 'TM. ỦY BAN NHÂN DÂN', 'Trần Thị B'];
    for (const s of order) expect(at(s), s).toBeGreaterThan(-1);
    expect(order.map(at)).toEqual([...order.map(at)].sort((a, b) => a - b));
  });

  it('sets A4 portrait, the margins, 13-14 pt, page numbers from page 2 and table rules for print', () => {
    expect(html).toMatch(/@page \{ size: A4 portrait; margin: 20mm 15mm 20mm 30mm;/u);
    expect(html).toMatch(/@top-center \{ content: counter\(page\);/u);
    expect(html).toContain('@page :first { @top-center { content: none; } }');
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toContain('tr { break-inside: avoid; page-break-inside: avoid; }');
    expect(html).toMatch(/body \{[^}]*font-size: 14pt/u);
    expect(html).toMatch(/\.date \{[^}]*font-style: italic/u);
  });

  it('uses Times New Roman when present, else the bundled Liberation Serif at the given url', () => {
    expect(html).toContain(`src: local('Times New Roman'), local('TimesNewRomanPSMT'), url("./fonts/LiberationSerif-Regular.ttf") format('truetype')`);
    expect(html).toContain(`url("./fonts/LiberationSerif-Bold.ttf")`);
    expect(renderReportHtml(docFor(), { fontUrl: 'app://fonts' })).toContain('url("app://fonts/LiberationSerif-Italic.ttf")');
    expect(renderReportHtml(docFor(), { fontUrl: (f) => `data:font/ttf;base64,${f.length}` })).toContain('url("data:font/ttf;base64,27")');
    expect(cssUrl('a"b\\c</style>\n')).toBe('url("a\\"b\\\\c\\3c /style\\3e \\a ")');
  });

  it('prints the tables with their header rows and section rows', () => {
    expect(html).toContain('<thead><tr><th>STT</th><th>Nội dung</th><th>Đơn vị chủ trì</th><th>Tiến độ / Kết quả</th><th>Khó khăn, vướng mắc</th><th>Đề xuất, kiến nghị</th></tr></thead>');
    expect(html).toContain('<tr class="section"><td colspan="6">I. Nhiệm vụ chung</td></tr>');
    expect(html).toContain('<td class="l">Đang triển khai (60%)<br>Đã tập huấn 3 lớp</td>');
  });

  it('escapes everything a unit types: its name, results, difficulties, proposals, narrative', () => {
    const evil = renderReportHtml(docFor(`Phường ${EVIL}`, `${EVIL}\n</td></tr></table><script>x()</script>`));
    expect(evil).not.toMatch(/<img|<script|onerror=alert\(1\)>/u);
    expect(evil).toContain(escapeHtml(EVIL));
    expect(evil).toContain('&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;x()&lt;/script&gt;');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
