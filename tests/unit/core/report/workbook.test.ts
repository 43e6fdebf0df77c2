// The Excel tables: one sheet per table, Vietnamese headers in row 1 (frozen), number formats,
// widths, merged section rows; text typed by units never becomes a formula; a round trip through
// SheetJS gives back the model's values; totals are the sums of their columns.
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import type { UnitId } from '../../../../shared/model/ids';
import {
  buildReportDocument, consolidatedReportSource, excelValue, readConsolidatedSummary, sheetNames, unitReportSource, writeWorkbook,
  type Cell, type ReportDocument, type ReportTable,
} from '../../../../shared/report';
import { CITY, MAY, smallPlan, smallReport, vungTauMonth } from './fixtures';

const INJECTIONS = ['=1+1', '=HYPERLINK("http://evil.example","x")', '+1-2', '-3+4', '@SUM(A1:A2)', '\t=1+1', '\r=1+1', "'quoted"];

/** The raw XML of one part of the written package (SheetJS bundles a zip reader). */
function part(bytes: Uint8Array, path: string): string {
  const cfb = (XLSX as unknown as { CFB: { read(d: Uint8Array, o: { type: 'array' }): { FullPaths: string[]; FileIndex: { content: Uint8Array }[] } } }).CFB;
  const zip = cfb.read(bytes, { type: 'array' });
  const i = zip.FullPaths.findIndex((p) => p.endsWith(`/${path}`));
  return new TextDecoder().decode(Uint8Array.from(zip.FileIndex[i]?.content ?? []));
}

/** What each row should read back as: section rows their label alone, numbers as Excel holds them. */
const expected = (t: ReportTable) => [
  t.columns.map((c) => c.header),
  ...t.rows.map((r) => (r.kind === 'section' ? [r.label] : r.cells.map((c: Cell) => excelValue(c)))),
];
const trimRow = (row: unknown[]) => {
  const out = row.map((v) => (v === undefined || v === '' ? null : v));
  while (out.length > 0 && out[out.length - 1] === null) out.pop();
  return out;
};

let consolidated: ReportDocument;
let unit: ReportDocument;
beforeAll(async () => {
  const month = await vungTauMonth();
  const summary = readConsolidatedSummary(JSON.parse(JSON.stringify(month.consolidated.package.payload.summary)));
  if (!summary.ok) throw new Error(summary.error);
  const s = consolidatedReportSource({ plan: month.plan, summary: summary.summary, unitId: CITY, reports: month.reports.map((r) => ({ unitId: r.unitId, report: r.package.payload })) });
  if (!s.ok) throw new Error(s.error);
  consolidated = buildReportDocument(s.source);
  const ward = { id: 'w' as UnitId, name: 'Phường 1', parentId: CITY };
  const report = smallReport();
  report.entries[0] = { ...report.entries[0]!, difficulties: INJECTIONS.join(' '), result: INJECTIONS[0]!, proposals: INJECTIONS[4]! };
  unit = buildReportDocument(unitReportSource({ plan: smallPlan(), unit: ward, parent: null, period: MAY, report }));
}, 60_000);

describe('formula injection', () => {
  const table: ReportTable = {
    id: 'x', title: 'Thử', columns: [{ key: 'a', header: 'Giá trị', width: 10, align: 'left' }],
    rows: INJECTIONS.map((v) => ({ kind: 'data' as const, cells: [v] })),
  };
  const bytes = writeWorkbook([table]);

  it('writes every typed value as a shared string with the Text format and quotePrefix, never a formula', () => {
    const sheet = part(bytes, 'xl/worksheets/sheet1.xml');
    expect(sheet).not.toMatch(/<f[ >]/u);
    expect(sheet).not.toMatch(/t="str"/u);
    expect([...sheet.matchAll(/<c r="A\d+"[^>]*>/gu)].every((m) => /t="s"/u.test(m[0]) && /s="\d+"/u.test(m[0]))).toBe(true);
    expect(part(bytes, 'xl/styles.xml')).toMatch(/<xf numFmtId="49"[^>]*quotePrefix="1"/u);
  });

  it('reads back the same text, not a formula or a value', () => {
    const ws = XLSX.read(bytes, { type: 'array', cellFormula: true }).Sheets['Thử']!;
    INJECTIONS.forEach((v, i) => {
      const cell = ws[`A${i + 2}`] as XLSX.CellObject;
      expect(cell.t).toBe('s');
      expect(cell.f).toBeUndefined();
      expect(cell.v).toBe(v);
    });
  });

  it('keeps units’ text as text in the real report sheets', () => {
    const wb = XLSX.read(writeWorkbook(unit.sheets), { type: 'array', cellFormula: true });
    const cells = Object.values(wb.Sheets['Nhiệm vụ']!).filter((c): c is XLSX.CellObject => typeof c === 'object' && c !== null && 't' in c);
    expect(cells.find((c) => c.v === INJECTIONS.join(' '))).toMatchObject({ t: 's' });
    expect(cells.find((c) => c.v === '=1+1')).toMatchObject({ t: 's' });
    expect(cells.some((c) => c.f !== undefined)).toBe(false);
  });
});

describe('workbook layout', () => {
  it('freezes the header row, sets widths and number formats, merges section rows', () => {
    const bytes = writeWorkbook(unit.sheets);
    const sheet = part(bytes, 'xl/worksheets/sheet1.xml');
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toMatch(/<col min="1" max="1" width="[\d.]+" customWidth="1"\/>/u);
    const wb = XLSX.read(bytes, { type: 'array', cellNF: true });
    const tasks = wb.Sheets['Nhiệm vụ']!;
    expect(tasks['!merges']).toContainEqual({ s: { r: 1, c: 0 }, e: { r: 1, c: unit.sheets[0]!.columns.length - 1 } });
    const percentCol = unit.sheets[0]!.columns.findIndex((c) => c.key === 'percent');
    expect(tasks[XLSX.utils.encode_cell({ r: 2, c: percentCol })]).toMatchObject({ t: 'n', v: 0.6, z: '0.00%' });
    const ind = wb.Sheets['Chỉ tiêu']!;
    const numCol = unit.sheets[1]!.columns.findIndex((c) => c.key === 'numerator');
    expect(ind[XLSX.utils.encode_cell({ r: 2, c: numCol })]).toMatchObject({ t: 'n', v: 23391, z: '#,##0', w: '23,391' });
  });

  it('names sheets within Excel’s rules', () => {
    const names = sheetNames(['Khó khăn: đề xuất / kiến nghị [2024]?', 'x'.repeat(40), 'X'.repeat(40), '']);
    expect(names).toEqual(['Khó khăn đề xuất kiến nghị 2024', 'x'.repeat(31), `${'X'.repeat(29)} 2`, 'Sheet']);
    for (const n of names) expect(n).toMatch(/^[^:\\/?*[\]]{1,31}$/u);
  });
});

describe.each([['unit', () => unit], ['consolidated', () => consolidated]] as const)('the %s workbook', (_kind, get) => {
  it('round-trips: every sheet reads back the model’s header row and values', () => {
    const doc = get();
    const wb = XLSX.read(writeWorkbook(doc.sheets), { type: 'array' });
    expect(wb.SheetNames).toEqual(sheetNames(doc.sheets.map((t) => t.title)));
    doc.sheets.forEach((t, i) => {
      const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[i]!]!, { header: 1, blankrows: true, defval: null });
      expect(rows[0], t.title).toEqual(t.columns.map((c) => c.header));
      expect(rows.map(trimRow), t.title).toEqual(expected(t).map(trimRow));
    });
  });

  it('has totals that are the sums of their columns', () => {
    for (const t of get().sheets) {
      const total = t.rows.find((r) => r.kind === 'total');
      if (!total || total.kind !== 'total') continue;
      const data = t.rows.filter((r) => r.kind === 'data');
      total.cells.forEach((cell, c) => {
        if (cell === null || typeof cell !== 'object' || cell.format === 'percent') return;
        const sum = data.reduce((n, r) => { const v = r.kind === 'data' ? r.cells[c] : null; return n + (v && typeof v === 'object' ? v.value : 0); }, 0);
        // Projects: plan money counts once per item, so the detail sheets' budget totals are checked against the items.
        if (!(t.id === 'projects' && t.title.endsWith('chi tiết'))) expect(cell.value, `${t.title} / ${t.columns[c]?.header}`).toBeCloseTo(sum, 6);
      });
    }
  });
});

describe('unit workbook', () => {
  it('has the plan’s project columns, years included, and the TỔNG CỘNG row', () => {
    const projects = unit.sheets.find((t) => t.id === 'projects')!;
    expect(projects.columns.map((c) => c.header)).toEqual([
      'Stt', 'Nhiệm vụ, dự án', 'Tổng kinh phí dự kiến (triệu đồng)', 'Năm 2024', 'Năm 2025', 'Nguồn vốn', 'Đơn vị chủ trì', 'Ghi chú',
      'Đã giải ngân (triệu đồng)', 'Tình trạng', 'Tỷ lệ hoàn thành', 'Kết quả thực hiện', 'Khó khăn, vướng mắc', 'Đề xuất, kiến nghị',
    ]);
    const total = projects.rows.at(-1);
    expect(total?.kind === 'total' && total.cells.slice(1, 5)).toEqual(['TỔNG CỘNG', { value: 351250.5, format: 'money' }, { value: 2000, format: 'money' }, { value: 2000, format: 'money' }]);
    expect(total?.kind === 'total' && total.cells[8]).toEqual({ value: 1350.5, format: 'money' });
  });

  it('writes money as #,##0.00 and the TỔNG CỘNG row in bold', () => {
    const i = unit.sheets.findIndex((t) => t.id === 'projects');
    const projects = unit.sheets[i]!;
    const bytes = writeWorkbook(unit.sheets);
    const ws = XLSX.read(bytes, { type: 'array', cellNF: true }).Sheets[sheetNames(unit.sheets.map((t) => t.title))[i]!]!;
    const last = projects.rows.length + 1; // 1-based row of the total (header in row 1)
    expect(ws[`C${last}`]).toMatchObject({ t: 'n', v: 351250.5, z: '#,##0.00' }); // Tổng kinh phí dự kiến
    const xml = part(bytes, `xl/worksheets/sheet${i + 1}.xml`);
    const styles = part(bytes, 'xl/styles.xml');
    const xfs = [...styles.slice(styles.indexOf('<cellXfs')).matchAll(/<xf [^>]*>/gu)].map((m) => m[0]);
    const styleOf = (ref: string) => xfs[Number(new RegExp(`<c r="${ref}" s="(\\d+)"`, 'u').exec(xml)?.[1])]!;
    for (const ref of [`B${last}`, `C${last}`]) expect(styleOf(ref), ref).toMatch(/fontId="1"/u);
    expect(styleOf(`C${last}`)).toMatch(/numFmtId="4"/u);
    expect(styleOf(`B${last}`)).toMatch(/numFmtId="49".*quotePrefix="1"/u);
    expect(styleOf(`C${last - 1}`)).toMatch(/fontId="0"/u);
    expect(styles).toMatch(/<fonts count="2"><font>.*<\/font><font><b\/>/u);
  });
});

/** Every part of the package, by path. */
function parts(bytes: Uint8Array): Map<string, string> {
  const cfb = (XLSX as unknown as { CFB: { read(d: Uint8Array, o: { type: 'array' }): { FullPaths: string[]; FileIndex: { content: Uint8Array; type: number }[] } } }).CFB;
  const zip = cfb.read(bytes, { type: 'array' });
  const out = new Map<string, string>();
  // SheetJS's reader adds a marker entry of its own (Sh33tJ5), left out.
  zip.FullPaths.forEach((p, i) => { const e = zip.FileIndex[i]!; if (e.type === 2 && !p.endsWith('Sh33tJ5')) out.set(p.replace(/^[^/]*\//u, ''), new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(e.content))); });
  return out;
}

/** Well-formed enough for any XML parser: one root, every tag closed in order, attributes quoted, entities known. */
function wellFormed(xml: string): boolean {
  const body = xml.replace(/^<\?xml [^?]*\?>\s*/u, '');
  const stack: string[] = [];
  let roots = 0;
  for (const m of body.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|apos);)/gu)) {
    if (m[2] === undefined) return false;
    if (m[1]) { if (stack.pop() !== m[2]) return false; continue; }
    if (stack.length === 0) roots++;
    if (!m[4]) stack.push(m[2]);
  }
  return stack.length === 0 && roots === 1;
}

describe('the written package', () => {
  const tricky = ['_x000D_ typed by hand', 'A & B < C > D "quoted"', '  leading and trailing  ', 'line\nbreak', 'tab\there', 'nul\u0000 and bell\u0007', 'Tiếng Việt: Phường Thắng Tam'];
  const table: ReportTable = {
    id: 't', title: "Ý kiến & 'đề xuất'", titleRows: ['PHỤ LỤC', '', '(Kèm theo Báo cáo)'],
    columns: [{ key: 'a', header: 'Nội dung', width: 10, align: 'left', chars: 30 }, { key: 'b', header: 'Số', width: 10, align: 'right' }],
    rows: [{ kind: 'section', label: 'I. Nhóm' }, ...tricky.map((v, i) => ({ kind: 'data' as const, cells: [v, { value: i * 1.5, format: 'decimal' as const }] }))],
  };

  it('keeps typed text exactly: markup characters, control characters, spaces, a literal _x000D_', () => {
    const ws = XLSX.read(writeWorkbook([table]), { type: 'array' }).Sheets[sheetNames([table.title])[0]!]!;
    // Title rows 1-3, a blank row, the header in row 5, the section row 6, data from row 7.
    tricky.forEach((v, i) => expect((ws[`A${i + 7}`] as XLSX.CellObject).v).toBe(v));
    expect((ws.A1 as XLSX.CellObject).v).toBe('PHỤ LỤC');
    expect((ws.A5 as XLSX.CellObject).v).toBe('Nội dung');
    expect(ws['!merges']).toEqual(expect.arrayContaining([{ s: { r: 0, c: 0 }, e: { r: 0, c: 1 } }, { s: { r: 5, c: 0 }, e: { r: 5, c: 1 } }]));
  });

  it('freezes the rows down to the header under title rows, filters on the header, repeats it on each printed page', () => {
    const p = parts(writeWorkbook([table, consolidated.sheets[0]!]));
    expect(p.get('xl/worksheets/sheet1.xml')).toContain('<pane ySplit="5" topLeftCell="A6" activePane="bottomLeft" state="frozen"/>');
    const wb = p.get('xl/workbook.xml')!;
    expect(wb).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'Ý kiến &amp; ''đề xuất'''!$5:$5</definedName>`);
    expect(wb).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="1">\'Tình hình gửi báo cáo\'!$1:$1</definedName>');
    // Filter buttons on the header row, over every row of the table.
    expect(p.get('xl/worksheets/sheet1.xml')).toContain(`<autoFilter ref="A5:B${5 + table.rows.length}"/>`);
    expect(wb).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Ý kiến &amp; ''đề xuất'''!$A$5:$B$${5 + table.rows.length}</definedName>`);
    const board = consolidated.sheets[0]!;
    expect(XLSX.read(writeWorkbook([board]), { type: 'array' }).Sheets[sheetNames([board.title])[0]!]!['!autofilter'])
      .toEqual({ ref: `A1:${XLSX.utils.encode_col(board.columns.length - 1)}${board.rows.length + 1}` });
    for (const i of [1, 2]) {
      const sheet = p.get(`xl/worksheets/sheet${i}.xml`)!;
      expect(sheet).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
      expect(sheet).toContain('<pageSetUpPr fitToPage="1"/>');
    }
  });

  it('is a complete package: every part well-formed, typed in [Content_Types].xml and reachable by a relationship', () => {
    for (const doc of [unit, consolidated]) {
      const p = parts(writeWorkbook(doc.sheets));
      for (const [path, xml] of p) expect(wellFormed(xml), path).toBe(true);
      const types = p.get('[Content_Types].xml')!;
      for (const path of p.keys()) {
        if (path === '[Content_Types].xml') continue;
        expect(types.includes(`PartName="/${path}"`) || (path.endsWith('.rels') && types.includes('Extension="rels"')), path).toBe(true);
      }
      const targets = [...(p.get('_rels/.rels')! + p.get('xl/_rels/workbook.xml.rels')!.replace(/Target="/gu, 'Target="xl/')).matchAll(/Target="([^"]+)"/gu)].map((m) => m[1]);
      for (const path of p.keys()) if (!path.endsWith('.rels') && path !== '[Content_Types].xml') expect(targets, path).toContain(path);
      expect(p.get('xl/workbook.xml')!.match(/<sheet /gu)).toHaveLength(doc.sheets.length);
    }
  });

  it('gives the same bytes for the same report', () => {
    expect(Buffer.from(writeWorkbook(consolidated.sheets)).equals(Buffer.from(writeWorkbook(consolidated.sheets)))).toBe(true);
  });

  it('writes an empty report as one sheet saying so', () => {
    const wb = XLSX.read(writeWorkbook([]), { type: 'array' });
    expect(wb.SheetNames).toEqual(['Báo cáo']);
    expect((wb.Sheets['Báo cáo']!.A1 as XLSX.CellObject).v).toBe('Không có dữ liệu');
  });

  it('counts shared strings honestly (count = text cells, uniqueCount = distinct texts)', () => {
    const p = parts(writeWorkbook(consolidated.sheets));
    const sst = p.get('xl/sharedStrings.xml')!;
    const cells = [...p.entries()].filter(([k]) => k.startsWith('xl/worksheets/')).reduce((n, [, x]) => n + (x.match(/t="s"/gu)?.length ?? 0), 0);
    expect(sst).toContain(`count="${cells}"`);
    expect(sst).toContain(`uniqueCount="${sst.match(/<si>/gu)?.length}"`);
  });
});
