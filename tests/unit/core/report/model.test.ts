// The report model: what a unit report and a consolidated report say, from the same core the
// consolidation screens use, and the signed summary's counts and roll-ups in the printed tables.
import { beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorRollup } from '../../../../shared/consolidation';
import type { UnitId } from '../../../../shared/model/ids';
import {
  buildReportDocument, consolidatedReportSource, readConsolidatedSummary, unitReportSource,
  type Block, type ReportDocument, type ReportSource, type ReportTable,
} from '../../../../shared/report';
import { CITY, HOSTILE, LATE_WARDS, MAY, MISSING_WARD, citySourceOf, smallPlan, smallReport, vungTauMonth, wards, type VungTauMonth } from './fixtures';

let month: VungTauMonth;
let source: ReportSource;
let doc: ReportDocument;
const tables = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
const texts = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === 'heading' || b.kind === 'paragraph' ? [b.text] : b.kind === 'list' ? b.items : []));
const table = (d: ReportDocument, id: string): ReportTable => {
  const t = [...tables(d.body), ...tables(d.appendix?.blocks ?? [])].find((x) => x.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
};

beforeAll(async () => {
  month = await vungTauMonth();
  source = citySourceOf(month);
  doc = buildReportDocument(source, { header: { number: '125/BC-UBND' } });
}, 60_000);

describe('consolidated report', () => {
  it('has the header of the city under the province and the subject of the period', () => {
    expect(doc.header).toMatchObject({ parentBody: null, issuer: ['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ VŨNG TÀU'], number: '125/BC-UBND', place: 'Vũng Tàu', title: 'BÁO CÁO' });
    expect(doc.header.subject).toBe(`Tổng hợp kết quả thực hiện ${month.plan.plan.title} tháng 5/2024`);
    expect(doc.header.recipients[0]).toBe('- UBND tỉnh Bà Rịa - Vũng Tàu (b/c);');
  });

  it('numbers its sections I to IV', () => {
    expect(doc.body.filter((b) => b.kind === 'heading' && b.level === 1).map((b) => (b as { text: string }).text))
      .toEqual(['I. TÌNH HÌNH GỬI BÁO CÁO', 'II. KẾT QUẢ THỰC HIỆN', 'III. KHÓ KHĂN, VƯỚNG MẮC', 'IV. ĐỀ XUẤT, KIẾN NGHỊ']);
  });

  it('names the units on time, late and missing', () => {
    const lines = texts(doc.body);
    const name = (id: UnitId) => wards().find((w) => w.id === id)?.name ?? '';
    expect(lines).toContain('Số đơn vị phải báo cáo: 17; gửi đúng hạn: 14; gửi trễ hạn: 2; chưa gửi báo cáo: 1.');
    expect(lines).toContain(`Trễ hạn (2): ${LATE_WARDS.map(name).join(', ')}.`);
    expect(lines).toContain(`Chưa báo cáo (1): ${name(MISSING_WARD)}.`);
    expect(table(doc, 'board').rows.map((r) => (r.kind === 'data' ? r.cells[1] : null))).toEqual(wards().map((w) => w.name));
  });

  it('counts statuses per section as the signed summary does', () => {
    const status = table(doc, 'status');
    const total = status.rows.find((r) => r.kind === 'total');
    const sum = (s: 'done' | 'in-progress') => month.consolidation.summary.items.reduce((n, i) => n + i.byStatus[s], 0);
    const col = (key: string) => status.columns.findIndex((c) => c.key === key);
    expect(total?.kind === 'total' && total.cells[col('done')]).toEqual({ value: sum('done'), format: 'integer' });
    expect(total?.kind === 'total' && total.cells[col('in-progress')]).toEqual({ value: sum('in-progress'), format: 'integer' });
    expect(total?.kind === 'total' && total.cells[col('items')]).toEqual({ value: month.plan.items.length, format: 'integer' });
  });

  it('rolls indicators up as Σ numerators / Σ denominators against the target', () => {
    const first = month.plan.items.find((i) => i.kind === 'indicator')!;
    const rollup = month.consolidation.summary.items.find((i) => i.itemId === first.id)?.rollup as IndicatorRollup;
    const row = table(doc, 'indicators').rows.find((r) => r.kind === 'data');
    expect(row?.kind === 'data' && row.cells[4]).toEqual({ value: rollup.value, format: 'percent' });
    expect(row?.kind === 'data' && row.cells[5]).toBe(`${rollup.unitsMeeting}/${rollup.unitsJudged}`);
  });

  it('draws the status and indicator charts under their tables', () => {
    const charts = doc.body.flatMap((b) => (b.kind === 'chart' ? [b] : []));
    expect(charts.map((c) => c.chart.id)).toEqual(['chart-status', 'chart-indicators']);
    expect(charts[0]?.caption).toBe('Biểu đồ 1 (số liệu tại bảng trên): tình trạng thực hiện theo nhóm (số lượt đơn vị)');
    const at = (id: string) => doc.body.findIndex((b) => (b.kind === 'table' && b.table.id === id) || (b.kind === 'chart' && b.chart.id === id));
    expect(at('chart-status')).toBe(at('status') + 1);
    expect(at('chart-indicators')).toBe(at('indicators') + 1);
  });

  it('groups difficulties and proposals with the units that raised them; hostile text stays text', () => {
    const lines = texts(doc.body);
    expect(lines.some((l) => l.includes('Thiếu kinh phí đầu tư hạ tầng công nghệ thông tin (Phường'))).toBe(true);
    expect(lines.some((l) => l.includes(HOSTILE.proposals))).toBe(true);
  });

  it('appends every unit’s line under each item it reported on, and nothing for items nobody reported on', () => {
    expect(doc.appendix?.title).toBe('KẾT QUẢ THỰC HIỆN CỦA CÁC ĐƠN VỊ');
    expect(doc.appendix?.subtitle).toBe('(Kèm theo Báo cáo số 125/BC-UBND của Ủy ban nhân dân thành phố Vũng Tàu)');
    const tasks = table(doc, 'appendix-tasks');
    expect(tasks.columns.map((c) => c.header)).toEqual(['STT', 'Nội dung / Đơn vị báo cáo', 'Đơn vị chủ trì', 'Tiến độ / Kết quả', 'Khó khăn, vướng mắc', 'Đề xuất, kiến nghị']);
    expect(tasks.rows.filter((r) => r.kind === 'group')).toHaveLength(4);
    expect(tasks.rows.filter((r) => r.kind === 'data')).toHaveLength(16 * 4);
    const lines = tasks.rows.filter((r) => r.kind === 'data').map((r) => (r.kind === 'data' ? r.cells[1] : null));
    for (const w of wards().filter((x) => x.id !== MISSING_WARD)) expect(lines).toContain(w.name);
  });

  it('prints from the package alone: item ids instead of the plan’s texts', () => {
    const summary = readConsolidatedSummary(JSON.parse(JSON.stringify(month.consolidated.package.payload.summary)));
    if (!summary.ok) throw new Error(summary.error);
    const s = consolidatedReportSource({ plan: null, summary: summary.summary, unitId: CITY, reports: [] });
    expect(s.ok && s.source.planKnown).toBe(false);
    if (s.ok) expect(texts(buildReportDocument(s.source).body)).toContain('Báo cáo in từ gói tổng hợp không kèm kế hoạch: nội dung được ghi bằng mã.');
  });

  it('refuses a summary it cannot print', () => {
    expect(readConsolidatedSummary({ units: [] })).toMatchObject({ ok: false });
    expect(readConsolidatedSummary(null)).toMatchObject({ ok: false });
  });
});

describe('unit report', () => {
  const unit = { id: 'brvt.vung-tau.thang-tam' as UnitId, name: 'Phường Thắng Tam', parentId: CITY };
  const parent = { id: CITY, name: 'Ủy ban nhân dân thành phố Vũng Tàu', parentId: null };
  const build = () => buildReportDocument(unitReportSource({ plan: smallPlan(), unit, parent, period: MAY, report: smallReport() }));

  it('is issued by the ward, for the period, with its narrative', () => {
    const d = build();
    expect(d.kind).toBe('unit');
    expect(d.header).toMatchObject({ issuer: ['ỦY BAN NHÂN DÂN', 'PHƯỜNG THẮNG TAM'], place: 'Thắng Tam', number: '/BC-UBND' });
    expect(d.header.subject).toBe('Kết quả thực hiện Kế hoạch thử tháng 5/2024');
    expect(texts(d.body)).toContain('Tình hình chung tháng 5.');
    expect(d.appendix).toBeNull();
  });

  it('has the six columns and one row per reported item, grouped by section', () => {
    const t = table(build(), 'progress-tasks');
    expect(t.columns.map((c) => c.header)).toEqual(['STT', 'Nội dung', 'Đơn vị chủ trì', 'Tiến độ / Kết quả', 'Khó khăn, vướng mắc', 'Đề xuất, kiến nghị']);
    expect(t.rows[0]).toEqual({ kind: 'section', label: 'I. Nhiệm vụ chung' });
    expect(t.rows[1]).toEqual({ kind: 'data', cells: ['1', 'Nội dung 1', 'Phòng VH-TT', 'Đang triển khai (60%)\nĐã tập huấn 3 lớp', 'Thiếu phòng máy', 'Bố trí kinh phí'] });
    expect(t.rows[2]?.kind === 'data' && t.rows[2].cells[3]).toBe('Hoàn thành\nHoàn thành ngày 08/05/2024\nVăn bản: Báo cáo số 12/BC-UBND ngày 09/05/2024');
    const ind = table(build(), 'progress-indicators');
    expect(ind.rows[1]?.kind === 'data' && ind.rows[1].cells[3]).toBe('Đang triển khai\nKết quả: 23.391/23.802 (98,27%); Đạt chỉ tiêu');
    const proj = table(build(), 'progress-projects');
    expect(proj.rows[1]?.kind === 'data' && proj.rows[1].cells[3]).toBe('Đang triển khai\nGiải ngân: 1.250,5 triệu đồng');
  });

  it('leaves out the items the unit did not report on', () => {
    const d = buildReportDocument(unitReportSource({ plan: smallPlan(), unit, parent, period: MAY, report: smallReport({ entries: [], indicatorValues: [], projectValues: [] }) }));
    expect(tables(d.body)).toHaveLength(0);
    expect(texts(d.body)).toContain('Không có.');
  });
});

describe('reading a summary', () => {
  it('prints a summary that leaves out fields the report does not print', async () => {
    const m = await vungTauMonth();
    const raw = JSON.parse(JSON.stringify(m.consolidated.package.payload.summary)) as { board: Record<string, unknown>[]; feedback?: unknown };
    for (const b of raw.board) { delete b.keyId; delete b.packages; delete b.superseded; delete b.review; }
    delete raw.feedback;
    const r = readConsolidatedSummary(raw);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.summary.board[0]).toMatchObject({ keyId: null, packages: 0, superseded: 0, review: null });
      expect(r.summary.feedback).toEqual([]);
    }
  });
});
