import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { itemId, type PeriodKey } from '../../../../shared/model/ids';
import type { ItemKind } from '../../../../shared/model/plan';
import {
  applyPatch, blockers, buildReportPayload, carryForward, carryNarrative, changedFields, NARRATIVE_ITEM, checkCompleteness, diffReports, disbursement,
  emptyDraft, previousPeriodWithRows, readReportPayload, reportState, reviveDraft, type EntryDraft, type ProgressRow,
} from '../../../../shared/progress';

const item = (id: string, kind: ItemKind = 'task') => ({ id: itemId(id), kind });
const row = (id: string, d: Partial<EntryDraft>, confirmed = true): ProgressRow => ({ itemId: itemId(id), draft: { ...emptyDraft(), ...d }, confirmed });

describe('completeness', () => {
  const items = [item('t1'), item('i1', 'indicator'), item('p1', 'project'), item('t2')];
  it('lists items with no status and indicators without value, by item id, in plan order', () => {
    const problems = checkCompleteness(items, [row('t1', { status: 'in-progress' }), row('i1', { status: 'in-progress' })]);
    expect(problems.map((p) => [p.itemId, p.kind])).toEqual([['i1', 'no-value'], ['p1', 'no-status'], ['t2', 'no-status']]);
  });
  it('a missing row of an indicator needs both', () =>
    expect(checkCompleteness([item('i1', 'indicator')], []).map((p) => p.kind)).toEqual(['no-status', 'no-value']));
  it('an indicator not started or dropped needs no value', () =>
    expect(checkCompleteness([item('i1', 'indicator')], [row('i1', { status: 'dropped' })])).toEqual([]));
  it('an unreadable field and an unconfirmed carried row block; a done row without date only warns', () => {
    const problems = checkCompleteness(items.slice(0, 1), [row('t1', { status: 'done', percent: '9x' }, false)]);
    expect(problems.map((p) => [p.kind, p.severity])).toEqual([
      ['invalid-input', 'blocker'], ['unconfirmed', 'blocker'], ['done-without-date', 'warning'],
    ]);
    expect(blockers(problems)).toHaveLength(2);
  });
  it('a complete report has no problem', () =>
    expect(checkCompleteness(items, [
      row('t1', { status: 'in-progress', percent: '50' }), row('i1', { status: 'in-progress', value: '1/2' }),
      row('p1', { status: 'in-progress', disbursed: '100' }), row('t2', { status: 'not-started' }),
    ])).toEqual([]));
});

describe('carry forward', () => {
  it('copies last period rows unconfirmed, leaves items no longer assigned, never shares the evidence array', () => {
    const prev = [row('t1', { status: 'in-progress', evidence: [{ ref: '1/KH', date: '', note: '' }] }), row('gone', { status: 'done' })];
    const next = carryForward(prev, new Set(['t1']));
    expect(next).toEqual([{ ...prev[0], confirmed: false }]);
    expect(next[0]?.draft.evidence).not.toBe(prev[0]?.draft.evidence);
  });
  it('takes the latest earlier period of the same kind', () => {
    const keys = ['2024-03', '2024-04', '2024-06', '2024-H1', '2023-12'] as PeriodKey[];
    expect(previousPeriodWithRows('2024-05' as PeriodKey, keys)).toBe('2024-04');
    expect(previousPeriodWithRows('2024-01' as PeriodKey, keys)).toBe('2023-12');
    expect(previousPeriodWithRows('2023-12' as PeriodKey, keys)).toBeNull();
    expect(previousPeriodWithRows('2024-H2' as PeriodKey, keys)).toBe('2024-H1');
  });
  it('carries the narrative as written, unconfirmed, and an unconfirmed narrative blocks the report first', () => {
    expect(carryNarrative('Tháng 5: đã triển khai')).toEqual({ narrative: 'Tháng 5: đã triển khai', confirmed: false });
    expect(carryNarrative('  ')).toBeNull();
    expect(carryNarrative(undefined)).toBeNull();
    const rows = [row('t1', { status: 'in-progress' })];
    expect(checkCompleteness([item('t1')], rows)).toEqual([]);
    expect(checkCompleteness([item('t1')], rows, { confirmed: false })).toEqual([{ itemId: NARRATIVE_ITEM, kind: 'unconfirmed', severity: 'blocker' }]);
  });
});

describe('report payload', () => {
  const items = [item('t1'), item('i1', 'indicator'), item('p1', 'project')];
  const rows = [
    row('t1', { status: 'done', percent: '100', completedOn: '15/05/2024', evidence: [{ ref: '9124/KH-UBND', date: '02/05/2024', note: '' }] }),
    row('i1', { status: 'in-progress', value: '23.391/23.802 hồ sơ' }),
    row('p1', { status: 'in-progress', disbursed: '1.250,5' }),
    row('other', { status: 'done' }),
  ];
  it('is a full snapshot of the assigned items in plan order, values read from the typed text', () => {
    const p = buildReportPayload(items, rows, ' Báo cáo tháng 5 ');
    expect(p.entries.map((e) => e.itemId)).toEqual(['t1', 'i1', 'p1']);
    expect(p.entries[0]).toMatchObject({ status: 'done', percent: 100, completedOn: '2024-05-15', evidence: [{ ref: '9124/KH-UBND', date: '2024-05-02', note: '' }] });
    expect(p.indicatorValues).toEqual([{ itemId: 'i1', numerator: 23391, denominator: 23802, value: (23391 / 23802) * 100, text: '23.391/23.802 hồ sơ' }]);
    expect(p.projectValues).toEqual([{ itemId: 'p1', disbursedMillionVnd: 1250.5 }]);
    expect(p.narrative).toBe('Báo cáo tháng 5');
  });
  it('an item without a row is still in the snapshot, with no status', () =>
    expect(buildReportPayload([item('x')], [], '').entries).toEqual([{ itemId: 'x', status: null, percent: null, result: '', difficulties: '', proposals: '', evidence: [], completedOn: null }]));
  it('reads back what it built, through JSON, and ignores unknown fields', () => {
    const p = buildReportPayload(items, rows, 'n');
    const pkg = JSON.parse(JSON.stringify({ format: 'planbook/package', payload: { ...p, extra: 1 } })) as unknown;
    expect(readReportPayload(pkg)).toEqual(p);
    expect(readReportPayload({ payload: { entries: 'x' } })).toBeNull();
    expect(readReportPayload(null)).toBeNull();
  });
  it('diff: nothing when unchanged; fields, values, narrative otherwise', () => {
    const before = buildReportPayload(items, rows, 'n');
    expect(diffReports(before, before)).toEqual([]);
    const after = buildReportPayload([...items, item('t9')], [
      row('t1', { ...rows[0]?.draft, result: 'mới' }), row('i1', { status: 'in-progress', value: '23.500/23.802' }), rows[2] as ProgressRow,
    ], 'n2');
    expect(diffReports(before, after)).toEqual([
      { kind: 'changed', itemId: 't1', fields: ['result'] },
      { kind: 'changed', itemId: 'i1', fields: ['value'] },
      { kind: 'added', itemId: 't9' },
      { kind: 'narrative' },
    ]);
    expect(diffReports(after, before)).toContainEqual({ kind: 'removed', itemId: 't9' });
  });
  it('report state: not started, draft, exported, changed since export', () => {
    const p = buildReportPayload(items, rows, '');
    expect(reportState([], null, p)).toEqual({ kind: 'not-started' });
    expect(reportState([row('t1', {})], null, p)).toEqual({ kind: 'not-started' });
    expect(reportState(rows, null, p)).toEqual({ kind: 'draft' });
    const last = { sequence: 2, exportedAt: '2024-05-11T10:00:00+07:00', payload: JSON.parse(JSON.stringify(p)) as typeof p };
    expect(reportState(rows, last, p)).toEqual({ kind: 'exported', sequence: 2, exportedAt: last.exportedAt });
    expect(reportState(rows, last, { ...p, narrative: 'x' }).kind).toBe('changed');
  });
});

describe('drafts', () => {
  it('changedFields keeps only real changes, with their old values', () => {
    const d = { ...emptyDraft(), result: 'a' };
    expect(changedFields(d, { result: 'a' })).toBeNull();
    expect(changedFields(d, { result: 'b', status: 'done' })).toEqual({ before: { result: 'a', status: null }, after: { result: 'b', status: 'done' } });
    expect(changedFields(d, { evidence: [] })).toBeNull();
  });
  it('applying a change and then its before gives the draft back', () => fc.assert(fc.property(
    fc.record({ result: fc.string(), percent: fc.string(), value: fc.string() }),
    fc.record({ result: fc.string(), percent: fc.string(), value: fc.string() }),
    (a, b) => {
      const d = applyPatch(emptyDraft(), a);
      const c = changedFields(d, b);
      return c === null || JSON.stringify(applyPatch(applyPatch(d, c.after), c.before)) === JSON.stringify(d);
    })));
  it('revives anything into a draft', () => fc.assert(fc.property(fc.anything(), (x) => {
    const d = reviveDraft(x);
    return typeof d.result === 'string' && Array.isArray(d.evidence);
  })));
});

describe('project disbursement', () => {
  it('against the total and the year phase', () => {
    const d = disbursement({ budgetTotal: '2.000', budgetByYear: { '2024': '500' } }, 2024, 250);
    expect(d).toEqual({ disbursed: 250, budgetTotal: 2000, budgetYear: 500, ofTotal: 12.5, ofYear: 50 });
    expect(disbursement({ budgetTotal: 'Lồng ghép' }, 2024, 250)).toMatchObject({ budgetTotal: null, ofTotal: null, budgetYear: null });
  });
});

