import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemId, sectionId, type ItemId, type SectionId } from '../../../../shared/model/ids';
import type { PlanDocument, PlanItem } from '../../../../shared/model/plan';
import { applyEdit, applyEdits, type EditOp } from '../../../../shared/plans/edit';
import { parsePlanDocument } from '../../../../shared/plans/planSchema';
import { readTranscribedPlan } from '../../../../shared/plans/transcribed';
import { rawPlan } from '../units/fixtures';

const vungTau = (): PlanDocument => {
  const r = readTranscribedPlan(rawPlan('vungtau-cds-2024'), null);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.doc;
};

function ok(doc: PlanDocument, op: EditOp): PlanDocument {
  const r = applyEdit(doc, op);
  if (!r.ok) throw new Error(r.error);
  return r.doc;
}
const ids = (d: PlanDocument) => d.items.map((i) => i.id);
const inSection = (d: PlanDocument, s: string) => d.items.filter((i) => i.sectionId === s && i.kind === 'task').map((i) => i.id);
const find = (d: PlanDocument, id: string): PlanItem => {
  const it = d.items.find((i) => i.id === id);
  if (!it) throw new Error(`no ${id}`);
  return it;
};

describe('plan edits', () => {
  const base = vungTau();
  const first = inSection(base, 't.1')[0] as ItemId;
  const second = inSection(base, 't.1')[1] as ItemId;

  it('edits cells and keeps the id and every other item', () => {
    const d = ok(base, { op: 'edit-cells', itemId: first, cells: { due: 'Quý III/2024' } });
    expect(find(d, first).due).toBe('Quý III/2024');
    expect(ids(d)).toEqual(ids(base));
    expect(d.items.filter((i) => i.id !== first)).toEqual(base.items.filter((i) => i.id !== first));
    expect(applyEdit(base, { op: 'edit-cells', itemId: first, cells: { content: '  ' } })).toEqual({ ok: false, error: 'Nội dung không được để trống.' });
    expect(applyEdit(base, { op: 'edit-cells', itemId: itemId('nope'), cells: {} }).ok).toBe(false);
  });

  it('adds an item with a new id at the end of its section, and never reuses a number', () => {
    const r = applyEdit(base, { op: 'add-item', sectionId: sectionId('t.1'), kind: 'task', cells: { content: 'Việc mới', due: '2024' } });
    if (!r.ok) throw new Error(r.error);
    expect(r.newId).toBe('t.+1');
    expect(inSection(r.doc, 't.1').at(-1)).toBe('t.+1');
    expect(r.doc.plan.idCounter).toBe(1);
    const r2 = applyEdit(r.doc, { op: 'add-item', sectionId: sectionId('t.1'), kind: 'task', after: first, cells: { content: 'Thêm nữa' } });
    if (!r2.ok) throw new Error(r2.error);
    expect(r2.newId).toBe('t.+2');
    expect(inSection(r2.doc, 't.1').slice(0, 2)).toEqual([first, 't.+2']);
    // The item removed later (a revision from Excel) does not give its number back.
    const removed = { ...r2.doc, items: r2.doc.items.filter((i) => i.id !== 't.+2') };
    const r3 = applyEdit(removed, { op: 'add-item', sectionId: null, kind: 'task', cells: { content: 'Ba' } });
    expect(r3.ok && r3.newId).toBe('t.+3');
    expect(applyEdit(base, { op: 'add-item', sectionId: sectionId('i.1'), kind: 'task', cells: { content: 'x' } }).ok).toBe(false);
  });

  it('moves up and down within the section only', () => {
    const d = ok(base, { op: 'move', itemId: second, direction: 'up' });
    expect(inSection(d, 't.1').slice(0, 2)).toEqual([second, first]);
    expect(applyEdit(base, { op: 'move', itemId: first, direction: 'up' })).toEqual({ ok: false, error: 'Dòng đã ở đầu mục lớn.' });
    const last = inSection(base, 't.1').at(-1) as ItemId;
    expect(applyEdit(base, { op: 'move', itemId: last, direction: 'down' }).ok).toBe(false);
  });

  it('moves to another section of the same kind, at its end', () => {
    const d = ok(base, { op: 'move-to-section', itemId: first, sectionId: sectionId('t.2') });
    expect(find(d, first).sectionId).toBe('t.2');
    expect(inSection(d, 't.2').at(-1)).toBe(first);
    expect(d.items).toHaveLength(base.items.length);
    expect(applyEdit(base, { op: 'move-to-section', itemId: first, sectionId: sectionId('i.1') }).ok).toBe(false);
  });

  it('splits: the original keeps its id, the new part follows with a new id', () => {
    const r = applyEdit(base, { op: 'split', itemId: first, contents: ['Phần một', 'Phần hai'] });
    if (!r.ok) throw new Error(r.error);
    const at = r.doc.items.findIndex((i) => i.id === first);
    expect(r.doc.items[at]?.content).toBe('Phần một');
    expect(r.doc.items[at + 1]).toMatchObject({ id: r.newId, content: 'Phần hai', lead: find(base, first).lead, sectionId: 't.1' });
    expect(applyEdit(base, { op: 'split', itemId: first, contents: ['a', ' '] }).ok).toBe(false);
  });

  it('adds and renames sections', () => {
    const r = applyEdit(base, { op: 'add-section', kind: 'tasks', code: '9', title: 'Nhiệm vụ khác' });
    if (!r.ok) throw new Error(r.error);
    const s = r.doc.sections.find((x) => x.id === r.newId);
    expect(s).toMatchObject({ code: '9', kind: 'tasks' });
    const d = ok(r.doc, { op: 'rename-section', sectionId: r.newId as SectionId, code: '9', title: 'Tên mới' });
    expect(d.sections.find((x) => x.id === r.newId)?.title).toBe('Tên mới');
    expect(applyEdit(base, { op: 'add-section', kind: 'tasks', code: '1', title: 'Trùng' }).ok).toBe(false);
    expect(applyEdit(base, { op: 'rename-section', sectionId: sectionId('t.1'), code: '1', title: '' }).ok).toBe(false);
  });

  it('sets the calendar, and refuses a bad one in Vietnamese', () => {
    const cal = { kinds: ['quarter', 'year'] as const, dueDay: 15, cutOffDay: 10, yearlyDue: '12-15', consolidateBy: 20 };
    const d = ok(base, { op: 'set-calendar', calendar: { ...cal, kinds: [...cal.kinds] } });
    expect(d.plan.calendar).toEqual({ ...cal, kinds: ['quarter', 'year'] });
    expect(applyEdit(base, { op: 'set-calendar', calendar: { ...cal, kinds: [] } })).toEqual({ ok: false, error: 'Lịch báo cáo cần ít nhất một loại kỳ.' });
    expect(applyEdit(base, { op: 'set-calendar', calendar: { ...cal, kinds: ['year'], yearlyDue: '02-30' } }).ok).toBe(false);
    expect(applyEdit(base, { op: 'set-calendar', calendar: { ...cal, kinds: ['year'], dueDay: 0 } }).ok).toBe(false);
  });
});

describe('random edit runs (fast-check)', () => {
  const base = vungTau();
  const baseIds = new Set(ids(base));
  const pick = fc.nat();
  const text = fc.string({ maxLength: 8 });
  /** Ops built against the document they apply to: indices pick an item or section of it. */
  const opSpec = fc.oneof(
    fc.record({ t: fc.constant('cells'), i: pick, due: text, content: text }),
    fc.record({ t: fc.constant('add'), i: pick, content: text }),
    fc.record({ t: fc.constant('move'), i: pick, up: fc.boolean() }),
    fc.record({ t: fc.constant('to'), i: pick, s: pick }),
    fc.record({ t: fc.constant('split'), i: pick, a: text, b: text }),
    fc.record({ t: fc.constant('section'), code: text, title: text }),
  );
  const toOp = (d: PlanDocument, spec: Record<string, unknown> & { t: string }): EditOp => {
    const item = d.items[Number(spec.i ?? 0) % d.items.length] as PlanItem;
    switch (spec.t) {
      case 'cells': return { op: 'edit-cells', itemId: item.id, cells: { due: String(spec.due), content: String(spec.content) } };
      case 'add': return { op: 'add-item', sectionId: item.sectionId, kind: item.kind, cells: { content: String(spec.content) } };
      case 'move': return { op: 'move', itemId: item.id, direction: spec.up ? 'up' : 'down' };
      case 'to': return { op: 'move-to-section', itemId: item.id, sectionId: (d.sections[Number(spec.s) % d.sections.length]?.id ?? null) };
      case 'split': return { op: 'split', itemId: item.id, contents: [String(spec.a), String(spec.b)] };
      default: return { op: 'add-section', kind: 'tasks', code: String(spec.code), title: String(spec.title) };
    }
  };

  it('ids stay, new ids are never reused, the document stays valid, the input is untouched', () => {
    fc.assert(fc.property(fc.array(opSpec, { maxLength: 25 }), (specs) => {
      const frozen = JSON.stringify(base);
      let d = base;
      const ever = new Set<string>([...baseIds, ...base.sections.map((s) => s.id)]);
      for (const spec of specs) {
        const before = d;
        const r = applyEdit(d, toOp(d, spec));
        if (!r.ok) { expect(r.error).toMatch(/\p{L}/u); continue; }
        d = r.doc;
        expect(parsePlanDocument(d).ok).toBe(true);
        // Nothing disappears and nothing existing changes id.
        for (const it of before.items) expect(d.items.some((x) => x.id === it.id)).toBe(true);
        const fresh = [...d.items.map((i) => i.id), ...d.sections.map((s) => s.id)].filter((id) => !ever.has(id));
        expect(fresh.length).toBeLessThanOrEqual(1);
        if (r.newId) expect(fresh).toEqual([r.newId]);
        fresh.forEach((id) => ever.add(id));
        // Items never leave their kind's sections.
        for (const it of d.items) {
          const s = d.sections.find((x) => x.id === it.sectionId);
          if (s) expect(s.kind.startsWith(it.kind)).toBe(true);
        }
      }
      expect(JSON.stringify(base)).toBe(frozen);
    }), { numRuns: 120 });
  });

  it('applyEdits stops at the first failure and names it', () => {
    const r = applyEdits(base, [
      { op: 'edit-cells', itemId: base.items[0]?.id as ItemId, cells: { note: 'a' } },
      { op: 'edit-cells', itemId: itemId('missing'), cells: { note: 'b' } },
    ]);
    expect(r).toMatchObject({ ok: false, index: 1 });
  });
});
