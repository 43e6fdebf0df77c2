// The plan importer: a Grid (or the bytes of an .xlsx/.xls) -> a PlanDocument with warnings.
// Never throws: a workbook that cannot give a plan is `{ok: false, error}` with a Vietnamese
// message; a plan with oddities is `{ok: true}` with warnings, each pointing at a cell.
import type { PeriodKey, PlanId } from '../model/ids';
import type { Plan } from '../model/plan';
import { isPeriodKey } from '../periods/keys';
import { calendarFromReporting } from '../plans/transcribedCalendar';
import { PlanBuilder } from './build';
import { readGrid, type ReadOptions } from './read';
import { readRows } from './rows';
import { SheetView } from './sheet';
import { findTables } from './tables';
import { readTitles } from './titles';
import type { Grid, ImportOptions, ImportResult, ImportWarning, TableMapping } from './types';

/** At most this many formula warnings per sheet: a budget sheet may hold hundreds of SUMs. */
const MAX_FORMULA_WARNINGS = 50;

function slug(s: string): string {
  const f = s.normalize('NFD').replace(/[\u0300-\u036f]/gu, '').replace(/[đĐ]/gu, 'd').toLowerCase();
  return f.replace(/[^a-z0-9]+/gu, '-').replace(/^-+|-+$/gu, '').slice(0, 60) || 'imported-plan';
}

const sameTable = (a: TableMapping, b: TableMapping) => a.sheet === b.sheet && a.headerRow === b.headerRow;

function headerWarnings(v: SheetView, t: TableMapping): ImportWarning[] {
  const out: ImportWarning[] = [];
  for (const c of t.columns) {
    if (c.field === null && c.label !== '') out.push(v.warn('extra-column', t.headerRow, c.col, `Cột "${c.label}" không thuộc mẫu bảng: đã bỏ qua.`));
  }
  if (!t.columns.some((c) => c.field === 'no')) out.push(v.warn('missing-column', t.headerRow, 0, 'Bảng không có cột STT: các dòng được đánh mã theo thứ tự.'));
  return out;
}

function run(grid: Grid, options: ImportOptions): ImportResult {
  const builder = new PlanBuilder();
  const warnings: ImportWarning[] = [];
  const tables: TableMapping[] = [];
  for (const sheet of grid.sheets) {
    const v = new SheetView(sheet);
    const found = findTables(v).map((t) => options.overrides?.find((o) => sameTable(o, t)) ?? t);
    if (found.length === 0) {
      if (v.height > 0) warnings.push(v.warn('sheet-skipped', 0, 0, `Trang "${v.name}" không có bảng nhiệm vụ/chỉ tiêu nào nhận ra được: đã bỏ qua.`));
      continue;
    }
    warnings.push(...v.warnings);
    (sheet.formulas ?? []).slice(0, MAX_FORMULA_WARNINGS).forEach((f) => warnings.push(v.warn('formula', f.r, f.c,
      `Ô có công thức =${f.formula.slice(0, 80)}: dùng giá trị Excel đã tính sẵn, hãy kiểm tra lại.`)));
    for (const t of found) {
      tables.push(t);
      warnings.push(...headerWarnings(v, t));
      const { events, warnings: rowWarnings } = readRows(v, t);
      warnings.push(...rowWarnings);
      builder.addTable(v, t, events);
    }
  }
  if (tables.length === 0) {
    return { ok: false, error: { code: 'no-table', message: 'Không tìm thấy bảng kế hoạch: cần một dòng tiêu đề có cột "Nội dung" (hoặc "Nhiệm vụ", "Tên chỉ tiêu") và ít nhất hai cột khác như "STT", "Đơn vị chủ trì", "Thời gian hoàn thành".' } };
  }
  if (builder.items.length === 0) {
    return { ok: false, error: { code: 'no-table', message: 'Đã thấy tiêu đề bảng nhưng không có dòng nhiệm vụ/chỉ tiêu nào bên dưới.', sheet: tables[0]?.sheet ?? '' } };
  }
  const facts = readTitles(tables.flatMap((t) => t.titles));
  const dueYears = builder.items.flatMap((i) => [...i.due.matchAll(/\b(20\d{2})\b/gu)].map((m) => Number(m[1])));
  const period = (given: string | undefined, fromFacts: number | undefined, fromDue: number | undefined): PeriodKey => {
    if (given && isPeriodKey(given)) return given as PeriodKey;
    const y = fromFacts ?? fromDue ?? (facts.issuedOn ? Number(facts.issuedOn.slice(0, 4)) : undefined);
    return String(y ?? 2025) as PeriodKey;
  };
  const title = options.title ?? facts.title ?? grid.sheets[0]?.name ?? 'Kế hoạch';
  const plan: Plan = {
    id: (options.planId ?? slug(title)) as PlanId,
    revision: 1,
    title,
    decision: facts.decision,
    issuer: options.issuer ?? facts.issuer ?? '',
    issuedOn: facts.issuedOn,
    periodFrom: period(options.periodFrom, facts.years?.from, dueYears.length ? Math.min(...dueYears) : undefined),
    periodTo: period(options.periodTo, facts.years?.to, dueYears.length ? Math.max(...dueYears) : undefined),
    calendar: calendarFromReporting([], null).calendar,
  };
  return {
    ok: true,
    doc: { plan, sections: builder.sections, items: builder.items },
    warnings: [...warnings, ...builder.warnings],
    totals: builder.totals,
    tables,
  };
}

/** Imports a plan from a Grid (the wizard re-runs this with its column overrides). Never throws. */
export function importPlanGrid(grid: Grid, options: ImportOptions = {}): ImportResult {
  try {
    return run(grid, options);
  } catch (e) {
    // Backstop only: every path above returns a result. A bug must still not crash a batch import.
    return { ok: false, error: { code: 'corrupt', message: `Lỗi nội bộ khi đọc bảng: ${e instanceof Error ? e.message : String(e)}` } };
  }
}

/** Imports a plan from the bytes of an .xlsx or .xls file. Never throws. */
export function importPlanWorkbook(bytes: Uint8Array, options: ImportOptions & ReadOptions = {}): ImportResult {
  const read = readGrid(bytes, options);
  return read.ok ? importPlanGrid(read.grid, options) : read;
}
