// After a return for revision, at the consolidating unit: has the unit answered? The latest review
// of the unit's packages for the period decides: when it returned a package, either no newer
// package came yet (waiting), or the newer one is set beside each comment with its answer
// (payload.answers, shared/progress/answers.ts), so the officer can approve or return again.
import type { ItemId } from '../model/ids';
import { answersToComments, type CommentAnswer, type ReportAnswer } from '../progress/answers';

type Reviewed = { packageId: string | null; sequence: number | null; review?: { state: 'approved' | 'returned'; comments: readonly { itemId: ItemId; text: string }[] } | null };
export type PackageRef = { packageId: string; sequence: number };

export type FollowUp =
  | { kind: 'waiting'; returned: PackageRef; comments: CommentAnswer[] }
  | { kind: 'answered'; returned: PackageRef; answeredIn: PackageRef; comments: CommentAnswer[]; answered: number };

/**
 * `rows`: the unit's accepted packages for the plan and period (any order); `latest`: the one that
 * counts now; `answersOf`: the answers it carries (read only when needed: it parses the package).
 * Null when the latest review is not a return (none, or approved).
 */
export function reviewFollowUp(rows: readonly Reviewed[], latest: PackageRef | null, answersOf: () => readonly ReportAnswer[]): FollowUp | null {
  let last: (PackageRef & { comments: readonly { itemId: ItemId; text: string }[]; state: string }) | null = null;
  for (const r of rows) {
    if (!r.review || r.packageId === null || r.sequence === null) continue;
    if (!last || r.sequence > last.sequence) last = { packageId: r.packageId, sequence: r.sequence, comments: r.review.comments, state: r.review.state };
  }
  if (!last || last.state !== 'returned') return null;
  const returned = { packageId: last.packageId, sequence: last.sequence };
  if (!latest || latest.sequence <= last.sequence) {
    return { kind: 'waiting', returned, comments: last.comments.map((c) => ({ itemId: c.itemId, comment: c.text, answer: null })) };
  }
  const comments = answersToComments({ packageId: last.packageId, comments: last.comments }, answersOf());
  return { kind: 'answered', returned, answeredIn: latest, comments, answered: comments.filter((c) => c.answer !== null).length };
}
