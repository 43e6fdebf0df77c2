/** What changed between the last exported report and the one that would be sent now. */
import type { ItemId } from '../model/ids';
import type { Entry, IndicatorValue, ProjectValue, ReportPayload } from '../model/report';
import type { ReportAnswer } from './answers';

export type ChangedField = keyof Omit<Entry, 'itemId'> | 'value' | 'disbursed';
export type ReportChange =
  | { kind: 'added' | 'removed'; itemId: ItemId }
  | { kind: 'changed'; itemId: ItemId; fields: ChangedField[] }
  /** The answers to a returned report's comments on this item changed (added, edited, removed). */
  | { kind: 'answers'; itemId: ItemId }
  | { kind: 'narrative' };

/** Structural equality of JSON values (key order ignored), enough for payload fields. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) if (!jsonEqual(ao[k], bo[k])) return false;
  return true;
}

const ENTRY_FIELDS = ['status', 'percent', 'result', 'difficulties', 'proposals', 'evidence', 'completedOn'] as const;
const indicatorKey = (v: IndicatorValue | undefined) => (v ? { n: v.numerator, d: v.denominator, v: v.value, t: v.text } : null);
const projectKey = (v: ProjectValue | undefined) => (v ? v.disbursedMillionVnd : null);

type WithAnswers = ReportPayload & { answers?: readonly ReportAnswer[] };
const answersByItem = (p: WithAnswers) => {
  const m = new Map<string, ReportAnswer[]>();
  for (const a of p.answers ?? []) m.set(a.itemId, [...(m.get(a.itemId) ?? []), a]);
  return m;
};

/** Changes item by item, in the order of `after`, then removed items, then answers, then the narrative. */
export function diffReports(before: WithAnswers | null, after: WithAnswers): ReportChange[] {
  if (!before) return [];
  const out: ReportChange[] = [];
  const oldEntries = new Map(before.entries.map((e) => [e.itemId, e]));
  const oldInd = new Map(before.indicatorValues.map((v) => [v.itemId, v]));
  const newInd = new Map(after.indicatorValues.map((v) => [v.itemId, v]));
  const oldProj = new Map(before.projectValues.map((v) => [v.itemId, v]));
  const newProj = new Map(after.projectValues.map((v) => [v.itemId, v]));
  for (const e of after.entries) {
    const o = oldEntries.get(e.itemId);
    if (!o) { out.push({ kind: 'added', itemId: e.itemId }); continue; }
    const fields: ChangedField[] = ENTRY_FIELDS.filter((f) => !jsonEqual(o[f], e[f]));
    if (!jsonEqual(indicatorKey(oldInd.get(e.itemId)), indicatorKey(newInd.get(e.itemId)))) fields.push('value');
    if (projectKey(oldProj.get(e.itemId)) !== projectKey(newProj.get(e.itemId))) fields.push('disbursed');
    if (fields.length > 0) out.push({ kind: 'changed', itemId: e.itemId, fields });
  }
  const now = new Set(after.entries.map((e) => e.itemId));
  for (const e of before.entries) if (!now.has(e.itemId)) out.push({ kind: 'removed', itemId: e.itemId });
  const oldAnswers = answersByItem(before);
  const newAnswers = answersByItem(after);
  for (const id of new Set([...newAnswers.keys(), ...oldAnswers.keys()]))
    if (!jsonEqual(oldAnswers.get(id) ?? [], newAnswers.get(id) ?? [])) out.push({ kind: 'answers', itemId: id as ItemId });
  if (before.narrative !== after.narrative) out.push({ kind: 'narrative' });
  return out;
}
