/**
 * Answers to a returned report (issue 5). The consolidating unit returns a report for revision
 * with comments on items (receipt payload, `review.comments`); the ward answers each comment
 * ("Trả lời / giải trình") beside the item, the answer is kept in that item's draft for the
 * period, and the next report package carries the answers as `payload.answers` (an added field:
 * readers that do not know it ignore it, and a report without it stays valid). Each answer
 * repeats the comment and names the returned package, so it reads on its own at the city.
 */
import type { ItemId } from '../model/ids';
import type { EntryDraft, ProgressRow } from './draft';

/** A comment still open for this unit: from the latest review of its packages, when that review returned the report. */
export type OpenComment = {
  itemId: ItemId;
  text: string;
  /** The report package that was returned, and its sequence. */
  returnedPackageId: string;
  returnedSequence: number;
  /** The receipt that carried the comment. */
  receiptPackageId: string;
};

/** An answer as kept in the item's draft (the item is the draft's own). */
export type AnswerDraft = { returnedPackageId: string; returnedSequence: number; receiptPackageId: string; comment: string; answer: string };

/** An answer as the report package carries it (`payload.answers[]`). */
export type ReportAnswer = { itemId: ItemId } & AnswerDraft;

const answersOf = (draft: EntryDraft | undefined): readonly AnswerDraft[] => draft?.answers ?? [];
const matches = (a: AnswerDraft, c: Pick<OpenComment, 'returnedPackageId' | 'text'>) => a.returnedPackageId === c.returnedPackageId && a.comment === c.text;

/** The answer typed for a comment, or '' (an item may carry several comments; two equal comments share one answer). */
export function answerTo(draft: EntryDraft | undefined, c: Pick<OpenComment, 'returnedPackageId' | 'text'>): string {
  return answersOf(draft).find((a) => matches(a, c))?.answer ?? '';
}

/** The draft's answer list with this comment's answer set (an empty answer removes it); the rest kept in order. */
export function withAnswer(answers: readonly AnswerDraft[] | undefined, c: OpenComment, answer: string): AnswerDraft[] {
  const rest = (answers ?? []).map((a) => ({ ...a }));
  const i = rest.findIndex((a) => matches(a, c));
  const next: AnswerDraft = { returnedPackageId: c.returnedPackageId, returnedSequence: c.returnedSequence, receiptPackageId: c.receiptPackageId, comment: c.text, answer };
  if (answer === '') { if (i >= 0) rest.splice(i, 1); return rest; }
  if (i >= 0) rest[i] = next; else rest.push(next);
  return rest;
}

/** True when the comment has an answer with some text in it. */
export const isAnswered = (draft: EntryDraft | undefined, c: OpenComment) => answerTo(draft, c).trim() !== '';

/** The comments of one item, in the order the receipt gave them. */
export const commentsOf = (comments: readonly OpenComment[], itemId: ItemId) => comments.filter((c) => c.itemId === itemId);

/**
 * What the report carries: every answer with text in the drafts of the given items, in plan
 * order. Answers stay with the period's draft once typed, so a later export of the same period
 * still carries them (a report is a full snapshot); a new period does not inherit them.
 */
export function reportAnswers(items: readonly { id: ItemId }[], rows: readonly ProgressRow[]): ReportAnswer[] {
  const byItem = new Map(rows.map((r) => [r.itemId, r.draft]));
  const out: ReportAnswer[] = [];
  for (const item of items) {
    for (const a of answersOf(byItem.get(item.id))) {
      const answer = a.answer.trim();
      if (answer !== '') out.push({ itemId: item.id, comment: a.comment, answer, returnedPackageId: a.returnedPackageId, returnedSequence: a.returnedSequence, receiptPackageId: a.receiptPackageId });
    }
  }
  return out;
}

// ---- reading (outside input, typed unknown) ---------------------------------------------------

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const seq = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : 0);

/** One answer read from a package or a stored draft; null when it names no item or says nothing. */
function readAnswer(v: unknown): ReportAnswer | null {
  if (!isObj(v)) return null;
  const id = str(v.itemId) as ItemId;
  const answer = str(v.answer);
  if (id === '' || answer === '') return null;
  return { itemId: id, comment: str(v.comment), answer, returnedPackageId: str(v.returnedPackageId), returnedSequence: seq(v.returnedSequence), receiptPackageId: str(v.receiptPackageId) };
}

/** `payload.answers` of a report payload, each field checked; missing or mistyped gives []. */
export function readReportAnswers(payload: unknown): ReportAnswer[] {
  const list = isObj(payload) && Array.isArray(payload.answers) ? payload.answers : [];
  return list.map(readAnswer).filter((a): a is ReportAnswer => a !== null);
}

/** A draft's stored answers (an older row has none). Empty answers are kept: the field shows what was typed. */
export function reviveAnswers(raw: unknown): AnswerDraft[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isObj).map((v) => ({
    returnedPackageId: str(v.returnedPackageId), returnedSequence: seq(v.returnedSequence), receiptPackageId: str(v.receiptPackageId),
    comment: str(v.comment), answer: str(v.answer),
  }));
}

/** The comment of a returned report beside its answer in a newer package (null: not answered). */
export type CommentAnswer = { itemId: ItemId; comment: string; answer: string | null };

/** For the consolidating unit: each comment of a returned package with the answer a newer package gave. */
export function answersToComments(returned: { packageId: string; comments: readonly { itemId: ItemId; text: string }[] }, answers: readonly ReportAnswer[]): CommentAnswer[] {
  return returned.comments.map((c) => {
    const a = answers.find((x) => x.itemId === c.itemId && x.returnedPackageId === returned.packageId && x.comment === c.text);
    return { itemId: c.itemId, comment: c.text, answer: a ? a.answer : null };
  });
}
