// The transcribed plan format of resources/plans/*.json (a plan typed in from its PDF, cells as
// written) read into a PlanDocument. Parsed once from `unknown`; unknown fields (sourceIssues,
// transcriptionNotes, ...) are tolerated and dropped; problems that still leave a usable plan are
// warnings, not failures.
import { z } from 'zod';
import type { IsoDate, ItemId, PeriodKey, PlanId, SectionId, UnitId } from '../model/ids';
import type { ItemKind, Plan, PlanDocument, PlanItem, Section, SectionKind } from '../model/plan';
import { isPeriodKey } from '../periods/keys';
import { parseUnitsCell } from '../units/cell';
import type { Directory } from '../units/directory';
import { isIsoDate, periodSpan } from '../units/validity';
import { calendarFromReporting } from './transcribedCalendar';

export { planDocumentSchema, parsePlanDocument } from './planSchema';

// Cells come as strings; a number or null typed by a transcriber still reads as text.
const cell = z.union([z.string(), z.number(), z.null()]).optional().transform((v) => (v === null || v === undefined ? '' : String(v)));
const optionalCell = z.union([z.string(), z.number(), z.null()]).optional().transform((v) => (v === null || v === undefined ? undefined : String(v)));

const rowSchema = z.looseObject({
  section: cell,
  sectionKey: cell,
  no: cell,
  content: cell,
  lead: cell,
  coordinating: cell,
  due: cell,
  target: cell,
  note: cell,
  monitor: optionalCell,
  baseline: optionalCell,
  baselineAsOf: optionalCell,
  nationalTarget: optionalCell,
  text: optionalCell,
  budgetTotal: optionalCell,
  budgetByYear: z.record(z.string(), z.union([z.string(), z.number()]).transform(String)).optional(),
  fundingSource: optionalCell,
});
type Row = z.output<typeof rowSchema>;

export const transcribedPlanSchema = z.looseObject({
  plan: z.looseObject({
    id: z.string().min(1).max(200).regex(/^[\w.-]+$/u),
    title: cell,
    decision: z.string().nullable().optional(),
    issuedOn: z.string().nullable().optional(),
    issuer: cell,
    periodFrom: z.string(),
    periodTo: z.string(),
    level: z.string().nullable().optional(),
    revision: z.number().int().min(0).optional(),
  }),
  reporting: z.array(z.string()).default([]),
  sections: z.array(z.looseObject({ code: cell, key: cell, title: cell, kind: z.enum(['tasks', 'indicators', 'projects']) })).default([]),
  indicators: z.array(rowSchema).default([]),
  tasks: z.array(rowSchema).default([]),
  projects: z.array(rowSchema).default([]),
});

export type TranscribedResult = { ok: true; doc: PlanDocument; warnings: string[] } | { ok: false; errors: string[] };

const KIND_LETTER: Record<ItemKind, string> = { task: 't', indicator: 'i', project: 'p' };
const SECTION_KIND: Record<ItemKind, SectionKind> = { task: 'tasks', indicator: 'indicators', project: 'projects' };
const SECTION_LETTER: Record<SectionKind, string> = { tasks: 't', indicators: 'i', projects: 'p' };
/** Section keys and numbers go into ids as written, minus anything that would break one. */
const idPart = (s: string) => s.normalize('NFC').trim().replace(/[\s/\\]+/gu, '-').replace(/\.$/u, '');

/**
 * Reads a transcribed plan. With a directory, the issuer is resolved to a unit and the plan is
 * addressed to that unit's `addressee` groups (so an item that names no unit has carriers).
 */
export function readTranscribedPlan(raw: unknown, directory: Directory | null = null): TranscribedResult {
  const parsed = transcribedPlanSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
  const t = parsed.data;
  const errors: string[] = [];
  if (!isPeriodKey(t.plan.periodFrom)) errors.push(`plan.periodFrom: not a period key: ${t.plan.periodFrom}`);
  if (!isPeriodKey(t.plan.periodTo)) errors.push(`plan.periodTo: not a period key: ${t.plan.periodTo}`);
  if (errors.length > 0) return { ok: false, errors };
  const warnings: string[] = [];

  // Section ids: kind letter + key (`i.I`, `t.II#2`): indicator and task tables reuse codes I, II, III.
  const sections: Section[] = [];
  const sectionIds = new Map<string, SectionId>();
  for (const s of t.sections) {
    const key = idPart(s.key || s.code) || '~';
    let id = `${SECTION_LETTER[s.kind]}.${key}`;
    for (let n = 2; sections.some((x) => x.id === id); n++) id = `${SECTION_LETTER[s.kind]}.${key}#${n}`;
    if (sectionIds.has(`${s.kind}|${key}`)) warnings.push(`section ${id}: key ${key} repeats; rows go to the first`);
    else sectionIds.set(`${s.kind}|${key}`, id as SectionId);
    sections.push({ id: id as SectionId, code: s.code, title: s.title, kind: s.kind });
  }

  const items: PlanItem[] = [];
  const used = new Set<string>();
  const unnumbered = new Map<string, number>();
  const addRows = (kind: ItemKind, rows: readonly Row[]) => {
    rows.forEach((r, n) => {
      const key = idPart(r.sectionKey || r.section);
      const sectionId = key ? sectionIds.get(`${SECTION_KIND[kind]}|${key}`) ?? null : null;
      if (key && !sectionId) warnings.push(`${kind} row ${n + 1}: no ${SECTION_KIND[kind]} section ${key}`);
      const id = itemIdFor(kind, key, idPart(r.no), used, unnumbered);
      items.push(toItem(id, kind, sectionId, r));
    });
  };
  addRows('indicator', t.indicators);
  addRows('task', t.tasks);
  addRows('project', t.projects);

  const span = periodSpan(t.plan.periodFrom, t.plan.periodTo);
  const issuerUnitId = directory && span ? resolveIssuer(t.plan.issuer, directory, span) : null;
  if (directory && !issuerUnitId) warnings.push(`issuer not in the unit directory: ${t.plan.issuer}`);
  const addressedTo = directory && issuerUnitId ? addresseesOf(issuerUnitId, directory) : [];
  const level = t.plan.level ?? null;
  const { calendar } = calendarFromReporting(t.reporting, level);
  const issuedOn = t.plan.issuedOn && isIsoDate(t.plan.issuedOn) ? (t.plan.issuedOn as IsoDate) : null;
  if (t.plan.issuedOn && !issuedOn) warnings.push(`plan.issuedOn is not a date: ${t.plan.issuedOn}`);

  const plan: Plan = {
    id: t.plan.id as PlanId,
    revision: t.plan.revision ?? 1,
    title: t.plan.title,
    decision: t.plan.decision ?? null,
    issuer: t.plan.issuer,
    issuedOn,
    periodFrom: t.plan.periodFrom as PeriodKey,
    periodTo: t.plan.periodTo as PeriodKey,
    calendar,
    issuerUnitId,
    addressedTo,
    reporting: t.reporting,
  };
  return { ok: true, doc: { plan, sections, items }, warnings };
}

/**
 * `t.I.1`, `i.2.3`, `t.II#2.4`: kind letter, section key, row number, all as written, so the
 * same row gets the same id in every revision. A row without a number is `~n` in its section
 * (`t.~.~1`: the first unnumbered row outside any section); a repeat gets `#2`, `#3`.
 */
function itemIdFor(kind: ItemKind, sectionKey: string, no: string, used: Set<string>, unnumbered: Map<string, number>): ItemId {
  const sec = sectionKey || '~';
  let num = no;
  if (!num) {
    const k = `${kind}|${sec}`;
    const n = (unnumbered.get(k) ?? 0) + 1;
    unnumbered.set(k, n);
    num = `~${n}`;
  }
  const base = `${KIND_LETTER[kind]}.${sec}.${num}`;
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}#${n}`;
  used.add(id);
  return id as ItemId;
}

function toItem(id: ItemId, kind: ItemKind, sectionId: SectionId | null, r: Row): PlanItem {
  const item: PlanItem = {
    id, kind, sectionId, no: r.no, content: r.content, lead: r.lead, coordinating: r.coordinating,
    due: r.due, target: r.target, note: r.note,
  };
  // Optional cells only when the transcription has them, so an absent column stays absent.
  if (r.monitor !== undefined) item.monitor = r.monitor;
  if (r.baseline !== undefined) item.baseline = r.baseline;
  if (r.baselineAsOf !== undefined) item.baselineAsOf = r.baselineAsOf;
  if (r.nationalTarget !== undefined) item.nationalTarget = r.nationalTarget;
  if (r.text !== undefined) item.text = r.text;
  if (r.budgetTotal !== undefined) item.budgetTotal = r.budgetTotal;
  if (r.budgetByYear !== undefined) item.budgetByYear = r.budgetByYear;
  if (r.fundingSource !== undefined) item.fundingSource = r.fundingSource;
  return item;
}

function resolveIssuer(issuer: string, directory: Directory, span: { from: IsoDate; to: IsoDate }): UnitId | null {
  const cell = parseUnitsCell(issuer, directory, span);
  const first = cell.refs[0];
  return cell.unresolved.length === 0 && cell.refs.length === 1 && first?.kind === 'unit' ? first.unitId : null;
}

/**
 * The groups a plan of this issuer is addressed to: the `addressee` groups of the issuer, or of
 * its nearest parent that has some (the provincial steering committee's plan goes where the
 * province's does: its departments and localities).
 */
export function addresseesOf(issuerUnitId: UnitId, directory: Directory): string[] {
  const seen = new Set<string>();
  let cur: UnitId | null = issuerUnitId;
  while (cur !== null && !seen.has(cur)) {
    seen.add(cur);
    const owner: UnitId = cur;
    const groups = directory.data.groups.filter((g) => g.addressee && g.parentId === owner).map((g) => g.id);
    if (groups.length > 0) return groups;
    cur = directory.units.get(cur)?.parentId ?? null;
  }
  return [];
}
