// Reads the `summary` of a consolidated package (typed `unknown` by the package schema, which
// only names `units`) once, at the edge: the fields the report prints, checked; others ignored.
import { z } from 'zod';
import type { ConsolidatedSummary } from '../consolidation';
import { ENTRY_STATUSES } from '../model/report';

const str = z.string();
const num = z.number().nullable();
const count = z.number().int().min(0);
const id = z.string().min(1).max(200);

const byStatus = z.object(Object.fromEntries(ENTRY_STATUSES.map((s) => [s, count])) as Record<(typeof ENTRY_STATUSES)[number], typeof count>);

const indicatorRollup = z.looseObject({
  kind: z.literal('indicator'), numerator: num, denominator: num, value: num, ratioUnits: count, valueUnits: count, textUnits: count,
  unitsMeeting: count, unitsJudged: count, unitsNeeded: num, total: num, met: z.boolean().nullable(),
});
const projectRollup = z.looseObject({
  kind: z.literal('project'), disbursedMillionVnd: z.number(), units: count, budgetMillionVnd: num, budgetYear: z.number().int(),
  budgetYearMillionVnd: num, share: num,
});
const group = z.looseObject({ text: str, units: z.array(id), texts: z.array(z.looseObject({ unitId: id, text: str })).default([]) });

const summarySchema = z.looseObject({
  planId: id,
  period: str,
  consolidatingUnitId: id.nullable(),
  window: z.looseObject({ from: str, to: str }),
  due: str,
  units: z.array(z.looseObject({ id, name: str, parentId: id.nullable() })),
  // Fields the report prints are required; the rest default, so a summary from another
  // implementation (or a later version) that leaves them out still prints.
  board: z.array(z.looseObject({
    unitId: id, state: z.enum(['on-time', 'late', 'missing']), conflict: z.boolean().default(false),
    kind: z.enum(['report', 'consolidated']).nullable().default(null),
    sequence: num.default(null), submittedAt: str.nullable().default(null), keyId: str.nullable().default(null),
    firstSubmittedAt: str.nullable().default(null), packages: count.default(0), superseded: count.default(0),
    indirect: z.boolean().default(false), review: z.enum(['approved', 'returned']).nullable().default(null),
  })),
  counts: z.looseObject({ 'on-time': count, late: count, missing: count, conflict: count, expected: count }),
  counted: z.array(z.looseObject({ unitId: id, packageId: id, sequence: count, contentKey: str.default(''), kind: z.enum(['report', 'consolidated']).default('report') })),
  items: z.array(z.looseObject({
    itemId: id, kind: z.enum(['task', 'indicator', 'project']), byStatus, noStatus: count.default(0), overdueUnits: z.array(id).default([]),
    rollup: z.union([indicatorRollup, projectRollup]).nullable(),
  })),
  feedback: z.array(z.looseObject({ itemId: id, difficulties: z.array(group), proposals: z.array(group) })).default([]),
});

export type SummaryResult = { ok: true; summary: ConsolidatedSummary } | { ok: false; error: string };

export function readConsolidatedSummary(raw: unknown): SummaryResult {
  const parsed = summarySchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, error: `summary.${first?.path.join('.') ?? ''}: ${first?.message ?? 'invalid'}` };
  }
  // The schema checks every field the report reads; ids keep their brands by this one cast.
  return { ok: true, summary: parsed.data as unknown as ConsolidatedSummary };
}
