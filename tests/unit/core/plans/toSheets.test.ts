// The plan written as appendix sheets and read back by the importer: the same items, cell for
// cell, with the same ids, for the three real plans; the title rows give the plan's facts back.
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { sectionId, type ItemId } from '../../../../shared/model/ids';
import type { PlanDocument, PlanItem } from '../../../../shared/model/plan';
import { applyEdits } from '../../../../shared/plans/edit';
import { attachedLine, planSheets, planWorkbookBytes, planWorkbookFileName } from '../../../../shared/plans/toSheets';
import { readTranscribedPlan } from '../../../../shared/plans/transcribed';
import { importPlanWorkbook } from '../../../../shared/xlsx';
import { PLAN_IDS, rawPlan, type PlanFile } from '../units/fixtures';

const transcribed = (id: PlanFile): PlanDocument => {
  const r = readTranscribedPlan(rawPlan(id), null);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.doc;
};
/** Every cell of an item but `text` (the prose a Vũng Tàu indicator was split from has no column). */
const cellsOf = ({ text: _t, ...cells }: PlanItem) => cells;

describe.each(PLAN_IDS)('%s exported to Excel and imported back', (id) => {
  const doc = transcribed(id);
  const r = importPlanWorkbook(planWorkbookBytes(doc));

  it('gives the same items, cell for cell, and the same sections', () => {
    if (!r.ok) throw new Error(r.error.message);
    expect(r.doc.items.map(cellsOf)).toEqual(doc.items.map(cellsOf));
    expect(r.doc.sections).toEqual(doc.sections);
    // brvt-cqs-2023-2025 really has two sections numbered II: the importer names the second II#2, as transcribed.
    expect(r.warnings.filter((w) => w.code !== 'duplicate-section')).toEqual([]);
  });

  it('the title rows give back the title, issuer and decision', () => {
    if (!r.ok) throw new Error(r.error.message);
    expect(r.doc.plan.title).toBe(doc.plan.title);
    expect(r.doc.plan.issuer).toBe(doc.plan.issuer);
    expect(r.doc.plan.decision).toBe(doc.plan.decision);
    expect(r.doc.plan.issuedOn).toBe(doc.plan.issuedOn);
  });
});

describe('the sheets look official', () => {
  const doc = transcribed('brvt-bcd-2023');
  const bytes = planWorkbookBytes(doc);
  const wb = XLSX.read(bytes, { type: 'array' });

  it('one sheet per kind, title rows above a frozen header, merged section rows', () => {
    expect(wb.SheetNames).toEqual(['Chỉ tiêu', 'Nhiệm vụ']);
    const ws = wb.Sheets['Nhiệm vụ'] as XLSX.WorkSheet;
    const aoa = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1, blankrows: true, defval: '' });
    expect(aoa[0]?.[0]).toBe('BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ TỈNH BÀ RỊA - VŨNG TÀU');
    expect(aoa[1]?.[0]).toBe('PHỤ LỤC II');
    expect(aoa[2]?.[0]).toBe(doc.plan.title);
    expect(aoa[3]?.[0]).toBe('(Kèm theo Quyết định số 180/QĐ-BCĐ ngày 26/6/2023 của Ban Chỉ đạo Chuyển đổi số tỉnh Bà Rịa - Vũng Tàu)');
    expect(aoa[5]).toEqual(['STT', 'Nội dung', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian hoàn thành', 'Ghi chú']);
    const first = aoa.findIndex((row) => row[0] === 'I. ' + (doc.sections.find((s) => s.id === 't.I')?.title ?? ''));
    expect(first).toBeGreaterThan(5);
    expect(ws['!merges']?.some((m) => m.s.r === first && m.s.c === 0 && m.e.c === 5)).toBe(true);
    const indicators = planSheets(doc)[0];
    expect(indicators?.columns.map((c) => c.header)).toEqual([
      'STT', 'Nội dung', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Phân công thành viên BCĐ theo dõi', 'Hiện trạng đến tháng 5/2023',
      'Chỉ tiêu của UBQG', 'Chỉ tiêu của kế hoạch', 'Ghi chú',
    ]);
  });

  it('projects get money columns, kept verbatim', () => {
    const base = transcribed('vungtau-cds-2024');
    const withProject: PlanDocument = {
      ...base,
      sections: [...base.sections, { id: sectionId('p.I'), code: 'I', title: 'Dự án hạ tầng', kind: 'projects' }],
      items: [...base.items, {
        id: 'p.I.1' as ItemId, kind: 'project', sectionId: sectionId('p.I'), no: '1', content: 'Trung tâm dữ liệu', lead: 'Phòng Văn hóa và Thông tin',
        coordinating: '', due: '2024-2025', target: '', note: '', budgetTotal: '1.500', budgetByYear: { '2024': '500', '2025': '1.000' }, fundingSource: 'Ngân sách thành phố',
      }],
    };
    const sheet = planSheets(withProject).find((t) => t.id === 'projects');
    expect(sheet?.columns.map((c) => c.header)).toEqual([
      'STT', 'Nội dung', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian hoàn thành', 'Tổng kinh phí dự kiến (triệu đồng)', 'Năm 2024', 'Năm 2025', 'Nguồn vốn', 'Ghi chú',
    ]);
    const r = importPlanWorkbook(planWorkbookBytes(withProject));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.doc.items.filter((i) => i.kind === 'project').map(cellsOf)).toEqual(withProject.items.filter((i) => i.kind === 'project').map(cellsOf));
  });

  it('an edited plan exports its edits', () => {
    const base = transcribed('vungtau-cds-2024');
    const first = base.items.find((i) => i.kind === 'task') as PlanItem;
    const e = applyEdits(base, [
      { op: 'edit-cells', itemId: first.id, cells: { due: 'Quý IV/2024' } },
      { op: 'add-item', sectionId: first.sectionId, kind: 'task', after: first.id, cells: { no: '1.1', content: '=HYPERLINK("x") việc mới', lead: 'Phòng Văn hóa và Thông tin' } },
    ]);
    if (!e.ok) throw new Error(e.error);
    const r = importPlanWorkbook(planWorkbookBytes(e.doc));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.doc.items.find((i) => i.content === first.content)?.due).toBe('Quý IV/2024');
    expect(r.doc.items.map((i) => i.content)).toContain('=HYPERLINK("x") việc mới');
    expect(r.doc.items).toHaveLength(e.doc.items.length);
  });

  it('names the attachment and the file', () => {
    expect(attachedLine(transcribed('vungtau-cds-2024'))).toBe('(Kèm theo Kế hoạch của Ủy ban nhân dân thành phố Vũng Tàu)');
    expect(planWorkbookFileName('vũng-tàu 2024')).toBe('ke-hoach-vung-tau-2024.xlsx');
  });
});
