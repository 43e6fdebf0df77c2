// The wizard's column change re-runs the importer with overrides: headers repeated after a page
// break must still be skipped when the changed column's label is one the dictionary does not know.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type * as XLSX from 'xlsx';
import { importPlanWorkbook } from '../../../../shared/xlsx';
import { planWorkbook, toBytes, type RawPlan } from '../../../helpers/xlsxFixtures';

describe('a changed column mapping', () => {
  it('maps an unknown deadline header and still skips the repeated headers', () => {
    const raw = JSON.parse(readFileSync('resources/plans/vungtau-cds-2024.json', 'utf8')) as RawPlan;
    const wb = planWorkbook(raw, { titles: true, repeatHeaderEvery: 12, shuffle: 3, extraColumn: true });
    for (const ws of Object.values(wb.Sheets)) {
      for (const [a, c] of Object.entries(ws)) if (!a.startsWith('!') && (c as XLSX.CellObject).v === 'Thời gian hoàn thành') (c as XLSX.CellObject).v = 'Hạn chót';
    }
    const bytes = toBytes(wb);
    const first = importPlanWorkbook(bytes);
    if (!first.ok) throw new Error(first.error.message);
    expect(first.doc.items.filter((i) => i.kind === 'task').every((i) => i.due === '')).toBe(true);
    const overrides = first.tables.map((t) => ({ ...t, columns: t.columns.map((c) => (c.label === 'Hạn chót' ? { ...c, field: 'due' as const } : c)) }));
    const again = importPlanWorkbook(bytes, { overrides });
    if (!again.ok) throw new Error(again.error.message);
    expect(again.doc.items.map((i) => i.id)).toEqual(first.doc.items.map((i) => i.id));
    expect(again.doc.items.filter((i) => i.kind === 'task').every((i) => i.due === '2024')).toBe(true);
    expect(again.warnings.filter((w) => w.code === 'extra-column').map((w) => w.message).join(' ')).not.toContain('Hạn chót');
  });
});
