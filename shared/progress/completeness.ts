/**
 * What stops a report from being sent, and what only deserves a second look. Rules (issue 4):
 * every assigned item needs a status; an indicator needs its value unless nothing was done
 * (not started, carried over, dropped); a field that cannot be read blocks (its text would be
 * lost); a row carried forward from the last period and not re-confirmed blocks, so stale text
 * is never sent unknowingly. Warnings: done without a completion date, done under 100%.
 * Issue 5: a comment of a returned report still without an answer blocks (`unanswered`, field
 * `answer.<n>`, the n-th comment of the item), so the next export answers every comment.
 */
import type { ItemId } from '../model/ids';
import type { PlanItem } from '../model/plan';
import type { EntryStatus } from '../model/report';
import { NARRATIVE_ITEM, type ProgressRow } from './draft';
import { readDraft, type FieldError } from './read';
import { commentsOf, isAnswered, type OpenComment } from './answers';

export type ProblemKind = 'no-status' | 'no-value' | 'invalid-input' | 'unconfirmed' | 'unanswered' | 'done-without-date' | 'done-under-100';
export type ProblemField = FieldError['field'] | `answer.${number}`;
export type Problem = { itemId: ItemId; kind: ProblemKind; severity: 'blocker' | 'warning'; field?: ProblemField };

const SEVERITY: Record<ProblemKind, Problem['severity']> = {
  'no-status': 'blocker', 'no-value': 'blocker', 'invalid-input': 'blocker', unconfirmed: 'blocker', unanswered: 'blocker',
  'done-without-date': 'warning', 'done-under-100': 'warning',
};
const NO_VALUE_NEEDED: ReadonlySet<EntryStatus> = new Set(['not-started', 'carried-over', 'dropped']);
const DONE: ReadonlySet<EntryStatus> = new Set(['done', 'done-late']);

/**
 * Problems in plan order of `items` (the unit's assigned items); rows of other items are ignored.
 * A narrative carried from the last period and not re-confirmed comes first (item `NARRATIVE_ITEM`).
 * `comments`: the open comments of a returned report (shared/receipts `openComments`); those on
 * items not in `items` are not this check's (the unit cannot open them).
 */
export function checkCompleteness(
  items: readonly Pick<PlanItem, 'id' | 'kind'>[], rows: readonly ProgressRow[], narrative: { confirmed: boolean } = { confirmed: true },
  comments: readonly OpenComment[] = [],
): Problem[] {
  const byItem = new Map(rows.map((r) => [r.itemId, r]));
  const out: Problem[] = [];
  const add = (itemId: ItemId, kind: ProblemKind, field?: ProblemField) =>
    out.push(field ? { itemId, kind, severity: SEVERITY[kind], field } : { itemId, kind, severity: SEVERITY[kind] });
  if (!narrative.confirmed) add(NARRATIVE_ITEM, 'unconfirmed');
  for (const item of items) {
    const row = byItem.get(item.id);
    commentsOf(comments, item.id).forEach((c, i) => { if (!isAnswered(row?.draft, c)) add(item.id, 'unanswered', `answer.${i}`); });
    if (!row) { add(item.id, 'no-status'); if (item.kind === 'indicator') add(item.id, 'no-value', 'value'); continue; }
    const { entry, indicator, errors } = readDraft(item, row.draft);
    if (entry.status === null) add(item.id, 'no-status');
    const valueError = errors.some((e) => e.field === 'value');
    if (item.kind === 'indicator' && !valueError && indicator === null && !(entry.status && NO_VALUE_NEEDED.has(entry.status)))
      add(item.id, 'no-value', 'value');
    for (const e of errors) add(item.id, 'invalid-input', e.field);
    if (!row.confirmed) add(item.id, 'unconfirmed');
    if (entry.status && DONE.has(entry.status)) {
      if (entry.completedOn === null && !errors.some((e) => e.field === 'completedOn')) add(item.id, 'done-without-date', 'completedOn');
      if (entry.percent !== null && entry.percent < 100) add(item.id, 'done-under-100', 'percent');
    }
  }
  return out;
}

export const blockers = (problems: readonly Problem[]) => problems.filter((p) => p.severity === 'blocker');
