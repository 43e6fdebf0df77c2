// The three real plans, written to .xlsx in messy layouts and imported back: every item must equal
// the transcribed one cell for cell, with the same id.
import { describe, expect, it } from 'vitest';
import type { PlanDocument, PlanItem } from '../../../../shared/model/plan';
import { readTranscribedPlan } from '../../../../shared/plans/transcribed';
import { importPlanWorkbook, type ImportOk } from '../../../../shared/xlsx';
import { planWorkbook, toBytes, type Layout, type RawPlan } from '../../../helpers/xlsxFixtures';
import { PLAN_IDS, rawPlan, type PlanFile } from '../units/fixtures';

const transcribed = (id: PlanFile): PlanDocument => {
  const r = readTranscribedPlan(rawPlan(id), null);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.doc;
};

const CELLS = ['id', 'kind', 'sectionId', 'no', 'content', 'lead', 'coordinating', 'due', 'target', 'note', 'monitor', 'baseline', 'baselineAsOf', 'nationalTarget'] as const;
/** An item's table cells (`text`, the prose a Vũng Tàu indicator was split from, has no column). */
const cellsOf = (i: PlanItem) => Object.fromEntries(CELLS.filter((k) => i[k] !== undefined).map((k) => [k, i[k]]));

export function importLayout(id: PlanFile, layout: Layout): ImportOk {
  const r = importPlanWorkbook(toBytes(planWorkbook(rawPlan(id) as RawPlan, layout)));
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r;
}

const LAYOUTS: [string, Layout][] = [
  ['plain', {}],
  ['titles, merged sections, blank rows', { titles: true, sections: 'merged', blankRows: true }],
  ['sections as "I. TITLE" merged across', { sections: 'combined' }],
  ['header repeated every 7 rows', { repeatHeaderEvery: 7 }],
  ['two-row merged header', { twoRowHeader: true, titles: true }],
  ['NFD text with no-break and doubled spaces', { nfd: true }],
  ['shuffled columns', { shuffle: 3 }],
  ['shuffled columns, two-row header', { shuffle: 11, twoRowHeader: true, sections: 'merged' }],
  ['typed numbers and percentages', { typedNumbers: true }],
  ['stacked tables in one sheet with titles', { stacked: true, titles: true, sections: 'merged' }],
  ['header variants, numbering row, extra column', { variants: true, numberingRow: true, extraColumn: true }],
  ['everything at once', { titles: true, sections: 'merged', repeatHeaderEvery: 9, twoRowHeader: true, nfd: true, shuffle: 5, typedNumbers: true, stacked: true, numberingRow: true, blankRows: true }],
];

describe.each(PLAN_IDS)('%s imported from Excel', (id) => {
  const expected = transcribed(id);
  it.each(LAYOUTS)('%s: items equal the transcription cell for cell', (_name, layout) => {
    const r = importLayout(id, layout);
    expect(r.doc.items.map(cellsOf)).toEqual(expected.items.map(cellsOf));
    expect(r.doc.sections).toEqual(expected.sections);
    // Every warning points at a real cell of a real sheet.
    for (const w of r.warnings) {
      expect(w.ref).toMatch(/^[A-Z]+\d+$/u);
      expect(w.row).toBeGreaterThan(0);
    }
  });
});

describe('what the title rows say', () => {
  it('reads decision number, date and issuer from (Kèm theo Quyết định số ...)', () => {
    const r = importLayout('brvt-bcd-2023', { titles: true });
    expect(r.doc.plan).toMatchObject({ decision: '180/QĐ-BCĐ', issuedOn: '2023-06-26', issuer: 'Ban Chỉ đạo Chuyển đổi số tỉnh Bà Rịa - Vũng Tàu' });
    expect(r.tables.map((t) => t.kind)).toEqual(['indicators', 'tasks']);
  });

  it('reports the repeated headers, the extra column and the typed-number rendering', () => {
    const r = importLayout('brvt-cqs-2023-2025', { repeatHeaderEvery: 10, extraColumn: true });
    const codes = new Set(r.warnings.map((w) => w.code));
    expect(codes).toContain('repeated-header');
    expect(codes).toContain('extra-column');
    expect(r.warnings.find((w) => w.code === 'extra-column')).toMatchObject({ sheet: 'Nhiệm vụ', ref: 'C1' });
  });

  it('the same workbook gives the same ids twice', () => {
    const a = importLayout('vungtau-cds-2024', { shuffle: 2 });
    const b = importLayout('vungtau-cds-2024', { shuffle: 7 });
    expect(a.doc.items.map((i) => i.id)).toEqual(b.doc.items.map((i) => i.id));
  });
});
