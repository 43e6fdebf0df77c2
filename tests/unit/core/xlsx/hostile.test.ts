// Files that are not plans, or are built to hurt: each fails with a clear reason, quickly.
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { importPlanWorkbook, SHEETJS_VERSION, type BoundedInflate } from '../../../../shared/xlsx';
import { sheetBytes, withSheetXml, xlsxParts, rezip, zipBytes } from '../../../helpers/xlsxFixtures';

const enc = (s: string) => new TextEncoder().encode(s);
const nodeInflate: BoundedInflate = (raw, max) => {
  try { return inflateRawSync(raw, { maxOutputLength: Math.max(1, max) }).length; } catch { return null; }
};
const TABLE = [['STT', 'Nội dung', 'Đơn vị chủ trì', 'Thời gian hoàn thành'], [1, 'Xây dựng kho dữ liệu', 'Sở TT&TT', 'Quý II/2023']];
const timed = <T>(f: () => T): [T, number] => { const t = performance.now(); const v = f(); return [v, performance.now() - t]; };

describe('what the file is, from its first bytes', () => {
  it.each([
    ['a CSV renamed .xlsx', enc('STT,Nội dung,Đơn vị chủ trì\n1,Xây dựng,Sở TT&TT\n'), 'csv'],
    ['a PDF', enc('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'pdf'],
    ['an HTML export', enc('<!DOCTYPE html><html><body><table><tr><td>1</td></tr></table>'), 'html'],
    ['plain text', enc('Kế hoạch chuyển đổi số năm 2024'), 'text'],
  ])('%s: not a spreadsheet, and says what it is', (_n, bytes, what) => {
    const r = importPlanWorkbook(bytes);
    expect(r).toMatchObject({ ok: false, error: { code: 'not-a-spreadsheet', what } });
    if (!r.ok) expect(r.error.message).toMatch(/không phải bảng tính/u);
  });

  it('an empty file', () => expect(importPlanWorkbook(new Uint8Array())).toMatchObject({ ok: false, error: { code: 'empty' } }));
  it('a zip that is not a workbook', () => {
    expect(importPlanWorkbook(zipBytes([{ name: 'readme.txt', data: enc('hello') }]))).toMatchObject({ ok: false });
  });
  it('a truncated xlsx', () => {
    const b = sheetBytes(TABLE);
    expect(importPlanWorkbook(b.subarray(0, b.length >> 1))).toMatchObject({ ok: false, error: { code: 'corrupt' } });
  });
  it('an old .xls (BIFF8) is read', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(TABLE), 'S');
    const r = importPlanWorkbook(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'biff8' }) as ArrayBuffer));
    expect(r.ok && r.doc.items.map((i) => i.content)).toEqual(['Xây dựng kho dữ liệu']);
  });
  it('SheetJS is at least 0.20.3 (earlier builds have known parser vulnerabilities)', () => {
    const [a = 0, b = 0, c = 0] = SHEETJS_VERSION.split('.').map(Number);
    expect(a * 1e6 + b * 1e3 + c).toBeGreaterThanOrEqual(20003);
  });
});

describe('zip bombs and lies', () => {
  it('refuses 60 MB of declared content without inflating it', () => {
    const bomb = zipBytes([{ name: '[Content_Types].xml', data: enc('<Types/>') }, { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(60 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(200_000);
    const [r, ms] = timed(() => importPlanWorkbook(bomb));
    expect(r).toMatchObject({ ok: false, error: { code: 'zip-bomb' } });
    expect(ms).toBeLessThan(2000); // a guard against inflating, not a benchmark: tens of ms when idle
  });
  it('refuses an entry with an extreme ratio', () => {
    const r = importPlanWorkbook(zipBytes([{ name: 'xl/a.xml', data: new Uint8Array(20 * 1024 * 1024) }]));
    expect(r).toMatchObject({ ok: false, error: { code: 'zip-bomb' } });
  });
  it('refuses an entry that inflates past the size it declares (with the host inflater)', () => {
    const parts = xlsxParts(sheetBytes(TABLE));
    const lie = zipBytes([...parts].map(([name, data]) => ({ name, data, ...(name.endsWith('sheet1.xml') ? { declaredSize: 10 } : {}) })));
    expect(importPlanWorkbook(lie, { inflate: nodeInflate })).toMatchObject({ ok: false, error: { code: 'zip-bomb' } });
  });
  it('a sound file passes the host inflater check', () => {
    expect(importPlanWorkbook(sheetBytes(TABLE), { inflate: nodeInflate }).ok).toBe(true);
  });
});

describe('sheets that declare or hold too much', () => {
  it('a 2 KB file declaring A1:XFD1048576 reads its real cells at once', () => {
    const b = withSheetXml(sheetBytes(TABLE), (x) => x.replace(/<dimension ref="[^"]*"\/>/u, '<dimension ref="A1:XFD1048576"/>'));
    expect(b.length).toBeLessThan(10_000);
    const [r, ms] = timed(() => importPlanWorkbook(b));
    expect(r.ok && r.doc.items).toHaveLength(1);
    expect(ms).toBeLessThan(3000); // walking the declared range would take minutes; tens of ms when idle
  });
  it('a merged area over the whole declared sheet costs nothing', () => {
    const b = withSheetXml(sheetBytes(TABLE), (x) => x.replace('</sheetData>', '</sheetData><mergeCells count="2"><mergeCell ref="A1:XFD1048576"/><mergeCell ref="B2:XFD1048576"/></mergeCells>'));
    const [r, ms] = timed(() => importPlanWorkbook(b));
    expect(r.ok || r.error.code === 'no-table').toBe(true);
    expect(ms).toBeLessThan(3000); // expanding the merge would take minutes; tens of ms when idle
  });
  it('a sheet with 1,000,000 real rows is refused with a clear reason', () => {
    const rows: string[] = [];
    for (let r = 1; r <= 1_000_000; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>1</v></c></row>`);
    const b = withSheetXml(sheetBytes(TABLE), (x) => x.replace(/<sheetData>[\s\S]*<\/sheetData>/u, `<sheetData>${rows.join('')}</sheetData>`));
    const [r, ms] = timed(() => importPlanWorkbook(b));
    console.log(`1,000,000 rows: ${b.length} bytes, ${Math.round(ms)} ms, ${r.ok ? 'ok' : r.error.code}`);
    expect(r).toMatchObject({ ok: false, error: { code: expect.stringMatching(/too-many-rows|zip-bomb/u) } });
    expect(ms).toBeLessThan(30_000); // about 2.5 s when idle; reading every row into a sheet would exhaust memory first
  }, 120_000);
  it('a sheet listed in the workbook but missing is an error, not an empty plan', () => {
    const parts = xlsxParts(sheetBytes(TABLE));
    const name = [...parts.keys()].find((k) => k.endsWith('sheet1.xml'))!;
    parts.delete(name);
    const r = importPlanWorkbook(rezip(parts));
    expect(r).toMatchObject({ ok: false, error: { code: expect.stringMatching(/unreadable-sheet|corrupt/u) } });
    if (!r.ok) console.log(`missing sheet: ${r.error.code}: ${r.error.message}`);
  });
  it('a workbook with no table says what a header needs', () => {
    expect(importPlanWorkbook(sheetBytes([['a', 'b'], [1, 2]]))).toMatchObject({ ok: false, error: { code: 'no-table' } });
  });
});

describe('formulas, merges, legacy fonts', () => {
  it('formulas use their cached values and are reported at their cell', () => {
    const r = importPlanWorkbook(sheetBytes([...TABLE, [{ t: 'n', v: 2, f: 'A2+1' }, 'Triển khai', 'Sở TT&TT', 'Quý III/2023']]));
    expect(r.ok && r.doc.items.map((i) => i.no)).toEqual(['1', '2']);
    expect(r.ok && r.warnings.filter((w) => w.code === 'formula')).toEqual([expect.objectContaining({ sheet: 'Sheet1', ref: 'A3', row: 3, col: 1 })]);
  });
  it('overlapping and out-of-range merges do not break the import', () => {
    const m = (a: [number, number], b: [number, number]) => ({ s: { r: a[0], c: a[1] }, e: { r: b[0], c: b[1] } });
    const r = importPlanWorkbook(sheetBytes(TABLE, [m([0, 0], [5, 9]), m([1, 1], [3, 3]), m([1, 0], [1, 0]), m([40, 40], [90, 90])]));
    expect(r.ok || r.error.code === 'no-table').toBe(true);
  });
  it('TCVN3 text is converted and reported', () => {
    const r = importPlanWorkbook(sheetBytes([TABLE[0]!, [1, 'X©y dùng kho d÷ liÖu', 'Së Th«ng tin vµ TruyÒn th«ng', '2023']]));
    expect(r.ok && r.doc.items[0]).toMatchObject({ content: 'Xây dựng kho dữ liệu', lead: 'Sở Thông tin và Truyền thông' });
    expect(r.ok && r.warnings.map((w) => w.code)).toContain('legacy-font-converted');
  });
  it('VNI text is reported', () => {
    const r = importPlanWorkbook(sheetBytes([TABLE[0]!, [1, 'Xaây döïng kho döõ lieäu', 'Sôû TT&TT', '2023']]));
    expect(r.ok && r.warnings.find((w) => w.code === 'legacy-font')).toMatchObject({ ref: 'B2' });
  });
});
