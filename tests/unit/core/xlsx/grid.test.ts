// The pipeline on plain grids: projects and totals, broken rows, sub-rows, overrides, and the
// property that no grid makes the importer throw and every warning points at a real cell.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importPlanGrid, importPlanWorkbook, type Grid, type GridCell, type TableMapping } from '../../../../shared/xlsx';
import { sheetBytes } from '../../../helpers/xlsxFixtures';

const grid = (rows: GridCell[][], merges: Grid['sheets'][number]['merges'] = []): Grid => ({ sheets: [{ name: 'PL', rows, merges }] });

const PROJECTS: GridCell[][] = [
  ['PHỤ LỤC III'],
  ['DANH MỤC DỰ ÁN GIAI ĐOẠN 2020-2022'],
  ['Stt', 'Nhiệm vụ, dự án', 'Tổng kinh phí dự kiến (triệu đồng)', 'Năm 2020', 'Năm 2021', 'Năm 2022', 'Nguồn vốn', 'Đơn vị chủ trì', 'Ghi chú'],
  ['I', 'Hạ tầng số', '2.500', null, null, null, null, null, null],
  [1, 'Trung tâm dữ liệu tỉnh', '350.000', '100.000', '150.000', '100.000', 'Ngân sách tỉnh', 'Sở TT&TT', null],
  [2, 'Mạng truyền số liệu', 2500, 500, '1,000', 1000, 'Ngân sách tỉnh', 'Sở TT&TT', null],
  ['2.1', 'Nâng cấp đường truyền', '1.500', null, null, null, null, null, null],
  ['TỔNG CỘNG', null, '352.600', '100.500', '151.000', '101.000', null, null, null],
];

describe('projects with budgets', () => {
  const r = importPlanGrid(grid(PROJECTS));
  it('reads the money columns verbatim, numbers rendered as the tables print them', () => {
    expect(r.ok && r.doc.items.map((i) => [i.id, i.budgetTotal, i.budgetByYear, i.fundingSource])).toEqual([
      ['p.I.1', '350.000', { 2020: '100.000', 2021: '150.000', 2022: '100.000' }, 'Ngân sách tỉnh'],
      ['p.I.2', '2.500', { 2020: '500', 2021: '1,000', 2022: '1.000' }, 'Ngân sách tỉnh'],
      ['p.I.2.1', '1.500', { 2020: '', 2021: '', 2022: '' }, ''],
    ]);
    expect(r.ok && r.tables[0]?.kind).toBe('projects');
    expect(r.ok && r.doc.plan).toMatchObject({ periodFrom: '2020', periodTo: '2022' });
  });
  it('checks TỔNG CỘNG against the rows: found and computed, a mismatch names both', () => {
    expect(r.ok && r.totals.find((t) => t.column === 'budgetTotal')).toMatchObject({ found: 352600, computed: 352500, ref: 'C8' });
    const w = r.ok ? r.warnings.find((x) => x.code === 'total-mismatch' && x.ref === 'C8') : undefined;
    expect(w?.message).toMatch(/352\.600.*352\.500/u);
    expect(r.ok && r.totals.find((t) => t.column === '2021')).toMatchObject({ found: 151000, computed: 151000 });
    expect(r.ok && r.warnings.filter((x) => x.code === 'total-mismatch')).toHaveLength(1);
  });
  it('checks a section row that carries a subtotal', () => {
    expect(r.ok && r.warnings.find((x) => x.code === 'subtotal-mismatch')).toMatchObject({ ref: 'C4' });
  });
});

describe('rows written for people', () => {
  const HEAD: GridCell[] = ['TT', 'Nội dung', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện', 'Ghi chú'];
  it('a row broken across two rows is joined, with a warning at the continuation', () => {
    const r = importPlanGrid(grid([HEAD, [1, 'Xây dựng kho dữ liệu dùng chung', 'Sở TT&TT', null, '2024', null], [null, 'của tỉnh và kết nối', null, 'Các sở', null, null], [2, 'Đào tạo', 'Sở Nội vụ', null, '2024', null]]));
    expect(r.ok && r.doc.items.map((i) => [i.no, i.content, i.coordinating])).toEqual([['1', 'Xây dựng kho dữ liệu dùng chung của tỉnh và kết nối', 'Các sở'], ['2', 'Đào tạo', '']]);
    expect(r.ok && r.warnings.find((w) => w.code === 'continuation')).toMatchObject({ ref: 'B3' });
  });
  it('an unnumbered row that starts a sentence is its own item', () => {
    const r = importPlanGrid(grid([HEAD, [1, 'Một', 'Sở A', null, '2024', null], [null, 'Chỉ số DTI', 'Sở B', null, null, null]]));
    expect(r.ok && r.doc.items.map((i) => i.id)).toEqual(['t.~.1', 't.~.~1']);
  });
  it('numbered section rows (1 ... then 1 again) and sub-rows 10.1', () => {
    const r = importPlanGrid(grid([HEAD, [1, 'Nhận thức số', null, null, null, null], [1, 'Tuyên truyền', 'Phường', null, '2024', null], ['1.1', 'Trên báo', 'Phường', null, '2024', null], [2, 'Thể chế số', null, null, null, null], [1, 'Quy chế', 'Phường', null, '2024', null]]));
    expect(r.ok && r.doc.sections.map((s) => [s.id, s.title])).toEqual([['t.1', 'Nhận thức số'], ['t.2', 'Thể chế số']]);
    expect(r.ok && r.doc.items.map((i) => i.id)).toEqual(['t.1.1', 't.1.1.1', 't.2.1']);
  });
  it('multi-line cells keep their lines, cleaned', () => {
    const r = importPlanGrid(grid([HEAD, [1, '  Xây dựng\r\n  kho   dữ liệu ', 'Sở A\nSở B', null, '2024', null]]));
    expect(r.ok && r.doc.items[0]).toMatchObject({ content: 'Xây dựng\nkho dữ liệu', lead: 'Sở A\nSở B' });
  });
  it('a caller can change a column mapping (the wizard)', () => {
    const first = importPlanGrid(grid([HEAD, [1, 'Một', 'Sở A', 'Sở B', '2024', 'x']]));
    if (!first.ok) throw new Error(first.error.message);
    const t = first.tables[0]!;
    const changed: TableMapping = { ...t, columns: t.columns.map((c) => (c.field === 'note' ? { ...c, field: null } : c.field === 'coordinating' ? { ...c, field: 'note' } : c)) };
    const again = importPlanGrid(grid([HEAD, [1, 'Một', 'Sở A', 'Sở B', '2024', 'x']]), { overrides: [changed] });
    expect(again.ok && again.doc.items[0]).toMatchObject({ coordinating: '', note: 'Sở B' });
  });
  it('numbers stored as text and thousands with either separator read the same', () => {
    const r = importPlanWorkbook(sheetBytes([['STT', 'Dự án', 'Tổng kinh phí', 'Nguồn vốn'], ['1', 'A', '10.000', 'NS'], [2, 'B', '10,000', 'NS'], ['Tổng cộng', null, 20000, null]]));
    expect(r.ok && r.totals[0]).toMatchObject({ found: 20000, computed: 20000 });
    expect(r.ok && r.warnings.filter((w) => w.code === 'total-mismatch')).toEqual([]);
  });
});

const cell: fc.Arbitrary<GridCell> = fc.oneof(
  fc.constant(null), fc.integer({ min: -5, max: 3000 }), fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom('STT', 'Nội dung', 'Đơn vị chủ trì', 'Ghi chú', 'Thời gian hoàn thành', 'Tổng kinh phí', 'Năm 2021', 'I', 'II', '1', '1.1', 'TỔNG CỘNG', '', '(1)', 'Quý II/2023', 'X©y dùng', 'Hiện trạng đến tháng 5/2023', 'Chỉ tiêu'),
  fc.string({ maxLength: 12 }),
);
const arbGrid: fc.Arbitrary<Grid> = fc.record({
  rows: fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 30 }),
  merges: fc.array(fc.record({ s: fc.record({ r: fc.integer({ min: -2, max: 40 }), c: fc.integer({ min: -2, max: 12 }) }), e: fc.record({ r: fc.integer({ min: -2, max: 40 }), c: fc.integer({ min: -2, max: 12 }) }) }), { maxLength: 6 }),
}).map(({ rows, merges }) => ({ sheets: [{ name: 'S', rows, merges }] }));

describe('any grid', () => {
  it('never makes the importer throw, and every warning points at a real cell', () => {
    fc.assert(fc.property(arbGrid, (g) => {
      const r = importPlanGrid(g);
      if (!r.ok) return typeof r.error.message === 'string' && r.error.code !== 'corrupt';
      const rows = g.sheets[0]!.rows;
      const width = rows.reduce((w, x) => Math.max(w, x.length), 0);
      return r.warnings.every((w) => w.sheet === 'S' && w.row >= 1 && w.row <= rows.length && w.col >= 1 && w.col <= width);
    }), { numRuns: 400 });
  });
});
