// A PlanDocument from outside input (a `plan` package payload, a stored copy): parsed once from
// `unknown`. Unknown fields are ignored (DESIGN.md: a reader ignores fields it does not know);
// missing optional cells read as absent, missing required cells as ''.
import { z } from 'zod';
import type { IsoDate, ItemId, PeriodKey, PlanId, SectionId, UnitId } from '../model/ids';
import type { PlanDocument, ReportingCalendar } from '../model/plan';
import { isPeriodKey } from '../periods/keys';
import { isIsoDate } from '../units/validity';

const cell = z.string().default('');
const optionalCell = z.string().optional();
const nonEmptyId = z.string().min(1).max(200);
const periodKey = z.string().refine(isPeriodKey, 'not a period key').transform((s) => s as PeriodKey);
const day = z.number().int().min(0).max(31);

export const reportingCalendarSchema = z.object({
  kinds: z.array(z.enum(['month', 'quarter', 'half', 'year'])).min(1),
  dueDay: day,
  cutOffDay: day,
  yearlyDue: z.string().regex(/^(0?[1-9]|1[0-2])-(0?[1-9]|[12]\d|3[01])$/u).nullable().default(null),
  consolidateBy: day.nullable().default(null),
}) satisfies z.ZodType<ReportingCalendar, unknown>;

const planSchema = z.object({
  id: nonEmptyId.transform((s) => s as PlanId),
  revision: z.number().int().min(0).default(1),
  title: z.string(),
  decision: z.string().nullable().default(null),
  issuer: z.string(),
  issuedOn: z.string().refine(isIsoDate, 'not a date YYYY-MM-DD').transform((s) => s as IsoDate).nullable().default(null),
  periodFrom: periodKey,
  periodTo: periodKey,
  calendar: reportingCalendarSchema,
  issuerUnitId: z.string().transform((s) => s as UnitId).nullable().optional(),
  addressedTo: z.array(z.string()).optional(),
  reporting: z.array(z.string()).optional(),
  idCounter: z.number().int().min(0).optional(),
});

const sectionSchema = z.object({
  id: nonEmptyId.transform((s) => s as SectionId),
  code: z.string(),
  title: z.string(),
  kind: z.enum(['tasks', 'indicators', 'projects']),
});

const itemSchema = z.object({
  id: nonEmptyId.transform((s) => s as ItemId),
  kind: z.enum(['task', 'indicator', 'project']),
  sectionId: nonEmptyId.transform((s) => s as SectionId).nullable().default(null),
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
  budgetTotal: optionalCell,
  budgetByYear: z.record(z.string(), z.string()).optional(),
  fundingSource: optionalCell,
  text: optionalCell,
});

/** Also checks what a row alone cannot: ids unique, every item's section exists. */
export const planDocumentSchema = z
  .object({ plan: planSchema, sections: z.array(sectionSchema), items: z.array(itemSchema) })
  .superRefine((doc, ctx) => {
    const sections = new Set<string>();
    doc.sections.forEach((s, i) => {
      if (sections.has(s.id)) ctx.addIssue({ code: 'custom', path: ['sections', i, 'id'], message: `duplicate section id ${s.id}` });
      sections.add(s.id);
    });
    const items = new Set<string>();
    doc.items.forEach((it, i) => {
      if (items.has(it.id)) ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: `duplicate item id ${it.id}` });
      items.add(it.id);
      if (it.sectionId !== null && !sections.has(it.sectionId)) {
        ctx.addIssue({ code: 'custom', path: ['items', i, 'sectionId'], message: `unknown section ${it.sectionId}` });
      }
    });
  }) satisfies z.ZodType<PlanDocument, unknown>;

export type PlanDocumentResult = { ok: true; doc: PlanDocument } | { ok: false; errors: string[] };

/** Validates a PlanDocument from outside input; never throws. */
export function parsePlanDocument(raw: unknown): PlanDocumentResult {
  const r = planDocumentSchema.safeParse(raw);
  return r.success
    ? { ok: true, doc: r.data }
    : { ok: false, errors: r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
}
