import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemId, planId, sectionId, type PeriodKey } from '../../../../shared/model/ids';
import type { PlanDocument, PlanItem } from '../../../../shared/model/plan';
import {
  applyItemDiff, diffPlans, isEmptyDiff, judgeRevision, nextPublishRevision, planPackageFileName,
} from '../../../../shared/plans/revision';

const item = (id: string, extra: Partial<PlanItem> = {}): PlanItem => ({
  id: itemId(id), kind: 'task', sectionId: sectionId('t.I'), no: id.split('.').pop() ?? '', content: `Nội dung ${id}`,
  lead: 'UBND phường', coordinating: '', due: 'Năm 2024', target: '', note: '', ...extra,
});

const doc = (items: PlanItem[], revision = 1): PlanDocument => ({
  plan: {
    id: planId('p'), revision, title: 'Kế hoạch', decision: '12/KH-UBND', issuer: 'UBND thành phố', issuedOn: null,
    periodFrom: '2024' as PeriodKey, periodTo: '2024' as PeriodKey,
    calendar: { kinds: ['month'], dueDay: 12, cutOffDay: 10, yearlyDue: null, consolidateBy: null },
  },
  sections: [{ id: sectionId('t.I'), code: 'I', title: 'Nhiệm vụ', kind: 'tasks' }],
  items,
});

const text = fc.string({ maxLength: 6 });
const anItem = fc.record({
  id: fc.stringMatching(/^t\.[A-C]\.[1-9]$/u),
  content: text, lead: text, due: text, target: text, note: text,
  budgetByYear: fc.option(fc.dictionary(fc.constantFrom('2024', '2025'), text), { nil: undefined }),
  monitor: fc.option(text, { nil: undefined }),
}).map(({ id, budgetByYear, monitor, ...cells }) => {
  const it = item(id, cells);
  if (budgetByYear !== undefined) it.budgetByYear = budgetByYear;
  if (monitor !== undefined) it.monitor = monitor;
  return it;
});
const items = fc.uniqueArray(anItem, { selector: (i) => i.id, maxLength: 12 });
const sorted = (xs: readonly PlanItem[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

describe('diffPlans', () => {
  it('a plan against itself is empty (fast-check)', () => {
    fc.assert(fc.property(items, (xs) => {
      const d = diffPlans(doc(xs), doc(structuredClone(xs), 2));
      expect(isEmptyDiff(d)).toBe(true);
      expect(d.moved).toEqual([]);
    }));
  });

  it('applying the diff to the old items gives the new items (fast-check)', () => {
    fc.assert(fc.property(items, items, (a, b) => {
      const d = diffPlans(doc(a), doc(b));
      expect(applyItemDiff(a, d)).toEqual(sorted(b));
      const ids = (xs: readonly PlanItem[]) => new Set(xs.map((x) => x.id));
      // Every item is exactly one of: added, removed, changed, or unchanged.
      for (const x of d.added) expect(ids(a).has(x.id)).toBe(false);
      for (const x of d.removed) expect(ids(b).has(x.id)).toBe(false);
      for (const c of d.changed) expect(c.cells.length).toBeGreaterThan(0);
    }));
  });

  it('names the changed cells, the added and the removed by stable id', () => {
    const before = [item('t.I.1'), item('t.I.2'), item('t.I.3')];
    const after = [item('t.I.1', { due: 'Quý III/2024' }), item('t.I.3'), item('t.I.4')];
    const d = diffPlans(doc(before), doc(after, 2));
    expect(d.added.map((x) => x.id)).toEqual(['t.I.4']);
    expect(d.removed.map((x) => x.id)).toEqual(['t.I.2']);
    expect(d.changed).toEqual([{ id: 't.I.1', before: before[0], after: after[0], cells: [{ field: 'due', before: 'Năm 2024', after: 'Quý III/2024' }] }]);
    expect(d.plan).toEqual([]);
  });

  it('a reordering alone is a move, not a change; plan fields other than revision are compared', () => {
    const a = [item('t.I.1'), item('t.I.2')];
    const next = doc([a[1]!, a[0]!], 3);
    next.plan.title = 'Kế hoạch (sửa đổi)';
    const d = diffPlans(doc(a), next);
    expect(d.changed).toEqual([]);
    expect(d.moved.length).toBeGreaterThan(0);
    expect(d.plan.map((c) => c.field)).toEqual(['title']);
  });

  it('an absent optional cell and an undefined one are the same', () => {
    const a = item('t.I.1');
    const b: PlanItem = { ...a, monitor: undefined };
    expect(isEmptyDiff(diffPlans(doc([a]), doc([b])))).toBe(true);
  });
});

describe('judgeRevision and publishing numbers', () => {
  it('new, same, update, older', () => {
    const one = doc([item('t.I.1')], 2);
    expect(judgeRevision(null, one)).toEqual({ kind: 'new' });
    expect(judgeRevision(one, structuredClone(one))).toEqual({ kind: 'same' });
    const upd = judgeRevision(one, doc([item('t.I.1'), item('t.I.2')], 3));
    expect(upd.kind === 'update' && upd.diff.added.length).toBe(1);
    expect(judgeRevision(one, doc([item('t.I.1')], 1))).toEqual({ kind: 'older', installed: 2, incoming: 1 });
  });

  it('every publication has a new number', () => {
    expect(nextPublishRevision(1, null)).toBe(1);
    expect(nextPublishRevision(1, 1)).toBe(2);
    expect(nextPublishRevision(5, 2)).toBe(5);
    fc.assert(fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 }), (r, last) => {
      expect(nextPublishRevision(r, last)).toBeGreaterThan(last);
    }));
  });

  it('file names are ASCII', () => {
    expect(planPackageFileName('vungtau-cds-2024', 3)).toBe('ke-hoach-vungtau-cds-2024-r3.planbook.json');
    expect(planPackageFileName('kế hoạch/đặc biệt', 1)).toBe('ke-hoach-ke-hoach-dac-biet-r1.planbook.json');
  });
});
