import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../../../shared/model/plan';
import { planDocumentSchema, parsePlanDocument, readTranscribedPlan } from '../../../../shared/plans/transcribed';
import { calendarFromReporting } from '../../../../shared/plans/transcribedCalendar';
import { loadDirectory, PLAN_IDS, rawPlan, type PlanFile } from '../units/fixtures';

const dir = loadDirectory();
const read = (id: PlanFile, withDirectory = true): PlanDocument => {
  const r = readTranscribedPlan(rawPlan(id), withDirectory ? dir : null);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.doc;
};
type RawRow = Record<string, unknown>;
const rawRows = (id: PlanFile): RawRow[] => {
  const raw = rawPlan(id) as { indicators: RawRow[]; tasks: RawRow[]; projects?: RawRow[] };
  return [...raw.indicators, ...raw.tasks, ...(raw.projects ?? [])];
};

describe.each(PLAN_IDS)('the transcribed plan %s', (id) => {
  it('reads without warnings, with unique ids, stable across two loads', () => {
    const r = readTranscribedPlan(rawPlan(id), dir);
    expect(r.ok && r.warnings).toEqual([]);
    const doc = read(id);
    const ids = doc.items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(doc.sections.map((s) => s.id)).size).toBe(doc.sections.length);
    expect(read(id).items.map((i) => i.id)).toEqual(ids);
  });

  it('keeps every cell verbatim', () => {
    const rows = rawRows(id);
    const doc = read(id);
    expect(doc.items).toHaveLength(rows.length);
    doc.items.forEach((item, n) => {
      const row = rows[n]!;
      for (const key of ['no', 'content', 'lead', 'coordinating', 'due', 'target', 'note', 'monitor', 'baseline', 'baselineAsOf', 'nationalTarget', 'text'] as const) {
        if (key in row) expect(item[key], `${item.id}.${key}`).toBe(row[key]);
      }
    });
  });

  it('passes its own planDocumentSchema, also after a JSON round trip', () => {
    const doc = read(id);
    const again = parsePlanDocument(JSON.parse(JSON.stringify(doc)));
    expect(again).toEqual({ ok: true, doc });
  });
});

describe('item and section ids', () => {
  it('derive from kind, section key and number', () => {
    const bcd = read('brvt-bcd-2023');
    expect(bcd.items[0]).toMatchObject({ id: 'i.I.1', kind: 'indicator', sectionId: 'i.I' });
    expect(bcd.items.find((i) => i.kind === 'task' && i.sectionId === 't.I' && i.no === '1')?.id).toBe('t.I.1');
    // The DTI row has no number and stands above section I.
    expect(bcd.items.find((i) => i.kind === 'task')).toMatchObject({ id: 't.~.~1', sectionId: null, no: '' });
    expect(bcd.sections.map((s) => s.id)).toEqual(['i.I', 'i.II', 'i.III', 't.I', 't.II', 't.III', 't.IV']);

    const cqs = read('brvt-cqs-2023-2025');
    expect(cqs.sections.map((s) => s.id)).toContain('t.II#2');
    expect(cqs.items.find((i) => i.id === 't.II#2.4')).toMatchObject({ sectionId: 't.II#2', no: '4' });
    expect(cqs.sections.find((s) => s.id === 't.II#2')?.code).toBe('II');

    const vt = read('vungtau-cds-2024');
    expect(vt.items.find((i) => i.id === 'i.2.3')?.target).toBe('55%');
    expect(vt.items.filter((i) => i.kind === 'indicator')).toHaveLength(42);
    expect(vt.items.filter((i) => i.kind === 'task')).toHaveLength(32);
  });

  it('do not move when another row is removed, and stay unique when rows repeat', () => {
    const raw = rawPlan('brvt-cqs-2023-2025') as { tasks: RawRow[] };
    const before = read('brvt-cqs-2023-2025').items.map((i) => i.id);
    const fewer = { ...raw, tasks: raw.tasks.filter((_, n) => n !== 3) };
    const r = readTranscribedPlan(fewer, dir);
    expect(r.ok && r.doc.items.map((i) => i.id)).toEqual(before.filter((_, n) => n !== 3));

    const twice = { ...raw, tasks: [...raw.tasks, raw.tasks[0], { content: 'x' }, { content: 'y' }] };
    const t = readTranscribedPlan(twice, dir);
    const ids = t.ok ? t.doc.items.map((i) => i.id) : [];
    expect(ids.slice(-3)).toEqual(['t.I.1#2', 't.~.~1', 't.~.~2']);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('plan header', () => {
  it('derives each calendar from the plan text', () => {
    expect(read('vungtau-cds-2024').plan.calendar).toEqual({ kinds: ['month'], dueDay: 12, cutOffDay: 10, yearlyDue: null, consolidateBy: 25 });
    expect(read('brvt-cqs-2023-2025').plan.calendar).toEqual({ kinds: ['half', 'year'], dueDay: 20, cutOffDay: 14, yearlyDue: '12-15', consolidateBy: null });
    expect(read('brvt-bcd-2023').plan.calendar).toEqual({ kinds: ['quarter'], dueDay: 20, cutOffDay: 14, yearlyDue: null, consolidateBy: null });
  });

  it('falls back on the level and the national days when the text says nothing', () => {
    expect(calendarFromReporting([], 'province').calendar).toEqual({ kinds: ['half', 'year'], dueDay: 20, cutOffDay: 14, yearlyDue: null, consolidateBy: null });
    expect(calendarFromReporting(['Báo cáo khi có yêu cầu.'], 'city').calendar.kinds).toEqual(['month']);
  });

  it('resolves the issuer and addresses a plan that names no unit to the city wards and departments', () => {
    const vt = read('vungtau-cds-2024').plan;
    expect(vt.issuerUnitId).toBe('brvt.vung-tau');
    expect(vt.addressedTo).toEqual(['brvt.vung-tau:phuong-xa', 'brvt.vung-tau:phong-ban']);
    expect(read('brvt-bcd-2023').plan).toMatchObject({ issuerUnitId: 'brvt.bcd-cds', addressedTo: ['brvt:so-nganh-dia-phuong'], decision: '180/QĐ-BCĐ', issuedOn: '2023-06-26' });
    expect(read('brvt-cqs-2023-2025').plan).toMatchObject({ issuerUnitId: 'brvt', issuedOn: null, periodFrom: '2023', periodTo: '2025' });
  });

  it('reads without a directory, leaving the issuer unresolved', () => {
    expect(read('vungtau-cds-2024', false).plan).toMatchObject({ issuerUnitId: null, addressedTo: [] });
  });
});

describe('outside input', () => {
  it('refuses what is not a plan, with reasons', () => {
    const r = readTranscribedPlan({ plan: { id: 'x', periodFrom: '2024', periodTo: 'soon' } });
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.errors.join()).toMatch(/periodTo/u);
    expect(readTranscribedPlan(null).ok).toBe(false);
    expect(readTranscribedPlan({ plan: { id: '../etc', periodFrom: '2024', periodTo: '2024' } }).ok).toBe(false);
  });

  it('tolerates unknown fields and numbers in cells', () => {
    const r = readTranscribedPlan({
      plan: { id: 'p', title: 'T', issuer: 'UBND tỉnh', periodFrom: '2024', periodTo: '2024', extra: 1 },
      sections: [{ code: '1', key: '1', title: 'A', kind: 'projects', more: true }],
      projects: [{ sectionKey: '1', no: 1, content: 'Dự án', budgetTotal: 350.5, budgetByYear: { 2024: '350.000' }, whatever: [] }],
    }, dir);
    expect(r.ok && r.doc.items[0]).toMatchObject({ id: 'p.1.1', no: '1', budgetTotal: '350.5', budgetByYear: { 2024: '350.000' } });
  });

  it('gives unique ids, the same on every read, whatever the rows', () => {
    const row = fc.record({ sectionKey: fc.constantFrom('', 'I', 'II', 'II#2', '1'), no: fc.constantFrom('', '1', '2', '10.1', '1.'), content: fc.string() });
    fc.assert(fc.property(fc.array(row, { maxLength: 40 }), fc.array(row, { maxLength: 10 }), (tasks, indicators) => {
      const raw = { plan: { id: 'p', title: '', issuer: '', periodFrom: '2024', periodTo: '2024' }, tasks, indicators };
      const a = readTranscribedPlan(raw);
      const b = readTranscribedPlan(structuredClone(raw));
      if (!a.ok || !b.ok) return false;
      const ids = a.doc.items.map((i) => i.id);
      return new Set(ids).size === ids.length && ids.join('|') === b.doc.items.map((i) => i.id).join('|');
    }));
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.anything(), (x) => typeof readTranscribedPlan(x, dir).ok === 'boolean'));
    fc.assert(fc.property(fc.anything(), (x) => typeof planDocumentSchema.safeParse(x).success === 'boolean'));
  });

  it('planDocumentSchema refuses duplicate ids and unknown sections', () => {
    const doc = read('brvt-bcd-2023');
    const dup = { ...doc, items: [...doc.items, doc.items[0]] };
    expect(parsePlanDocument(dup).ok).toBe(false);
    const lost = { ...doc, items: [{ ...doc.items[0]!, sectionId: 'i.IX' }] };
    expect(parsePlanDocument(lost).ok ? [] : parsePlanDocument(lost)).toMatchObject({ errors: [expect.stringMatching(/unknown section/u)] });
  });
});
