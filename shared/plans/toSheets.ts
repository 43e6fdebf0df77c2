// The plan as official-looking appendix sheets, one per kind (indicators, tasks, projects): the
// issuer, `PHỤ LỤC I`, the plan's title and `(Kèm theo ...)` above the table, the province's
// columns, merged section rows. Every cell is the item's verbatim text (money too), so the
// workbook re-imports through shared/xlsx to the same items. shared/report/workbook.ts writes it.
import type { ItemKind, PlanDocument, PlanItem, SectionKind } from '../model/plan';
import type { Column, ReportTable, TableRow } from '../report/types';
import { writeWorkbook } from '../report/workbook';

const col = (key: string, header: string, chars: number, align: Column['align'] = 'left'): Column => ({ key, header, width: chars, align, chars });
type Field = { column: Column; cell: (it: PlanItem) => string };
const field = (key: keyof PlanItem, header: string, chars: number, align: Column['align'] = 'left'): Field => ({
  column: col(key, header, chars, align), cell: (it) => { const v = it[key]; return typeof v === 'string' ? v : ''; },
});

const ROMAN = ['I', 'II', 'III', 'IV', 'V'];
const SHEET_TITLE: Record<SectionKind, string> = { indicators: 'Chỉ tiêu', tasks: 'Nhiệm vụ', projects: 'Dự án' };
const KIND: Record<SectionKind, ItemKind> = { indicators: 'indicator', tasks: 'task', projects: 'project' };

/** `2023-05` → `Hiện trạng đến tháng 5/2023`; `2022` → `Hiện trạng năm 2022`. */
function baselineHeader(asOf: string | undefined): string {
  const m = /^(\d{4})-(\d{2})$/u.exec(asOf ?? '');
  if (m) return `Hiện trạng đến tháng ${Number(m[2])}/${m[1]}`;
  return /^\d{4}$/u.test(asOf ?? '') ? `Hiện trạng năm ${asOf ?? ''}` : 'Hiện trạng';
}

/** The columns of a kind: the common ones, then the optional ones some item of the table has. */
function fieldsOf(kind: SectionKind, items: readonly PlanItem[]): Field[] {
  const has = (k: keyof PlanItem) => items.some((it) => it[k] !== undefined);
  const filled = (k: keyof PlanItem) => items.some((it) => typeof it[k] === 'string' && it[k] !== '');
  const out: Field[] = [
    field('no', 'STT', 6, 'center'), field('content', 'Nội dung', 50),
    field('lead', 'Đơn vị chủ trì', 22), field('coordinating', 'Đơn vị phối hợp', 22),
  ];
  if (kind !== 'indicators' || filled('due')) out.push(field('due', 'Thời gian hoàn thành', 16, 'center'));
  if (has('monitor')) out.push(field('monitor', 'Phân công thành viên BCĐ theo dõi', 22));
  if (has('baseline')) out.push(field('baseline', baselineHeader(items.find((it) => it.baselineAsOf)?.baselineAsOf), 16));
  if (has('nationalTarget')) out.push(field('nationalTarget', 'Chỉ tiêu của UBQG', 14, 'center'));
  if (kind === 'indicators' || filled('target')) out.push(field('target', 'Chỉ tiêu của kế hoạch', 14, 'center'));
  if (kind === 'projects' || has('budgetTotal')) out.push(field('budgetTotal', 'Tổng kinh phí dự kiến (triệu đồng)', 16, 'right'));
  const years = [...new Set(items.flatMap((it) => Object.keys(it.budgetByYear ?? {})))].filter((y) => /^\d{4}$/u.test(y)).sort();
  for (const y of years) out.push({ column: col(`year:${y}`, `Năm ${y}`, 12, 'right'), cell: (it) => it.budgetByYear?.[y] ?? '' });
  if (has('fundingSource')) out.push(field('fundingSource', 'Nguồn vốn', 18));
  out.push(field('note', 'Ghi chú', 18));
  return out;
}

const viDate = (iso: string | null) => (iso ? iso.split('-').reverse().map(Number).join('/') : '');

/** `(Kèm theo Quyết định số 180/QĐ-BCĐ ngày 26/6/2023 của Ban Chỉ đạo ...)`. */
export function attachedLine(doc: PlanDocument): string {
  const { decision, issuedOn, issuer } = doc.plan;
  const of = issuer ? ` của ${issuer}` : '';
  if (!decision) return `(Kèm theo Kế hoạch${of})`;
  const kind = /\/QĐ/iu.test(decision) ? 'Quyết định' : /\/KH/iu.test(decision) ? 'Kế hoạch' : 'Văn bản';
  return `(Kèm theo ${kind} số ${decision}${issuedOn ? ` ngày ${viDate(issuedOn)}` : ''}${of})`;
}

/** The appendix tables of the plan, one per kind that has items, indicators first (as plans print them). */
export function planSheets(doc: PlanDocument): ReportTable[] {
  const kinds = (['indicators', 'tasks', 'projects'] as const).filter((k) => doc.items.some((it) => it.kind === KIND[k]));
  return kinds.map((kind, n) => {
    const items = doc.items.filter((it) => it.kind === KIND[kind]);
    const fields = fieldsOf(kind, items);
    const rows: TableRow[] = [];
    const data = (it: PlanItem): TableRow => ({ kind: 'data', cells: fields.map((f) => f.cell(it)) });
    // Items outside any section first, then each section's items in plan order.
    for (const it of items.filter((i) => i.sectionId === null)) rows.push(data(it));
    for (const s of doc.sections.filter((x) => x.kind === kind)) {
      const own = items.filter((it) => it.sectionId === s.id);
      rows.push({ kind: 'section', label: s.code ? `${s.code}. ${s.title}` : s.title });
      for (const it of own) rows.push(data(it));
    }
    return {
      id: kind,
      title: SHEET_TITLE[kind],
      columns: fields.map((f) => f.column),
      rows,
      titleRows: [doc.plan.issuer.toLocaleUpperCase('vi'), `PHỤ LỤC ${ROMAN[n] ?? String(n + 1)}`, doc.plan.title, attachedLine(doc)],
    };
  });
}

/** The plan as .xlsx bytes. */
export function planWorkbookBytes(doc: PlanDocument): Uint8Array {
  return writeWorkbook(planSheets(doc));
}

/** `ke-hoach-<id>.xlsx`, ASCII only. */
export function planWorkbookFileName(planId: string): string {
  const safe = planId.normalize('NFD').replace(/[\u0300-\u036f]/gu, '').replace(/[đĐ]/gu, 'd')
    .replace(/[^A-Za-z0-9._-]+/gu, '-').replace(/^-+|-+$/gu, '').slice(0, 80) || 'ke-hoach';
  return `ke-hoach-${safe}.xlsx`;
}
