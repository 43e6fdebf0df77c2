// The plan details the officer edits in the wizard, and the document they give. The checking is
// the core's (parsePlanDocument, the schema every plan package is read with).
import type { PeriodKind, PlanDocument } from '../../../shared/model/plan';
import { parsePlanDocument } from '../../../shared/plans/planSchema';

export type Details = {
  id: string; title: string; decision: string; issuer: string; periodFrom: string; periodTo: string;
  kinds: PeriodKind[]; dueDay: string; cutOffDay: string;
};

export const PERIOD_KINDS: readonly PeriodKind[] = ['month', 'quarter', 'half', 'year'];

export function detailsOf(doc: PlanDocument): Details {
  const p = doc.plan;
  return {
    id: p.id, title: p.title, decision: p.decision ?? '', issuer: p.issuer, periodFrom: p.periodFrom, periodTo: p.periodTo,
    kinds: [...p.calendar.kinds], dueDay: String(p.calendar.dueDay), cutOffDay: String(p.calendar.cutOffDay),
  };
}

const ID = /^[a-z0-9][a-z0-9._-]{0,79}$/u;
const dayOf = (s: string) => (/^\d{1,2}$/u.test(s.trim()) ? Number(s.trim()) : Number.NaN);

export type Applied = { ok: true; doc: PlanDocument } | { ok: false; problems: string[] };

/** The imported document with the officer's details and the revision it will be installed as. */
export function applyDetails(doc: PlanDocument, d: Details, revision: number): Applied {
  const problems: string[] = [];
  if (!ID.test(d.id)) problems.push('id');
  if (d.title.trim() === '') problems.push('title');
  if (d.kinds.length === 0) problems.push('calendar.kinds');
  const next: PlanDocument = {
    ...doc,
    plan: {
      ...doc.plan, id: d.id as PlanDocument['plan']['id'], revision, title: d.title.trim(), decision: d.decision.trim() || null,
      issuer: d.issuer.trim(), periodFrom: d.periodFrom.trim() as PlanDocument['plan']['periodFrom'], periodTo: d.periodTo.trim() as PlanDocument['plan']['periodTo'],
      calendar: { ...doc.plan.calendar, kinds: PERIOD_KINDS.filter((k) => d.kinds.includes(k)), dueDay: dayOf(d.dueDay), cutOffDay: dayOf(d.cutOffDay) },
    },
  };
  if (next.plan.periodFrom > next.plan.periodTo) problems.push('periodTo');
  const checked = parsePlanDocument(next);
  if (!checked.ok) problems.push(...checked.errors.map((e) => e.replace(/^plan\./u, '')));
  return problems.length > 0 ? { ok: false, problems: [...new Set(problems)] } : { ok: true, doc: next };
}
