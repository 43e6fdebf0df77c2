// Messages between the consolidation screens and the consolidation worker. The rows never travel:
// the worker reads them from IndexedDB; only the facts go in. The consolidation comes back in
// pieces, each a task of its own on the screen's thread: the items and the feedback a few at a
// time, then the rest with the lines' submissions named by ref (the screen holds those objects in
// its own rows, reports included, and links them back).
import type { Consolidation, ItemFeedback, ItemMerge, SequenceLine, Submission } from '../../shared/consolidation';
import type { PeriodFacts } from './consolidatePeriod';

export type ToConsolidateWorker = { id: number; dbName: string; facts: PeriodFacts; fingerprint: string };

export type SlimLine = Omit<SequenceLine, 'accepted' | 'conflicting' | 'distinct'> & { accepted: string | null; conflicting: string[]; distinct: string[] };
/** The summary's items and feedback are the result's own items and feedback (the same objects in the core's result), sent once. */
export type SlimSummary = Omit<Consolidation['summary'], 'items' | 'feedback'>;
export type SlimHead = Omit<Consolidation, 'lines' | 'items' | 'feedback' | 'summary'> & { lines: SlimLine[]; summary: SlimSummary };

export type FromConsolidateWorker = { id: number } & (
  | { type: 'items'; items: ItemMerge[] }
  | { type: 'feedback'; feedback: ItemFeedback[] }
  | { type: 'done'; head: SlimHead }
  /** The rows read differ from the screen's (a write came between): the screen's own rows decide. */
  | { type: 'stale' }
  | { type: 'crashed'; message: string }
);

/** Items (or feedback) per message: 3,321 units' rows of 4 items take tens of ms to receive. */
export const PIECE = 4;

export function slimLines(lines: readonly SequenceLine[]): SlimLine[] {
  return lines.map((l) => ({ ...l, accepted: l.accepted?.ref ?? null, conflicting: l.conflicting.map((s) => s.ref), distinct: l.distinct.map((s) => s.ref) }));
}

/** The lines with their submissions found by ref among `submissions`; null when one is not there. */
export function fullLines(lines: readonly SlimLine[], submissions: readonly Submission[]): SequenceLine[] | null {
  const byRef = new Map(submissions.map((s) => [s.ref, s] as const));
  const all = (refs: readonly string[]) => refs.map((r) => byRef.get(r));
  const out: SequenceLine[] = [];
  for (const l of lines) {
    const accepted = l.accepted === null ? null : byRef.get(l.accepted);
    const conflicting = all(l.conflicting);
    const distinct = all(l.distinct);
    if (accepted === undefined || conflicting.includes(undefined) || distinct.includes(undefined)) return null;
    out.push({ ...l, accepted, conflicting: conflicting as Submission[], distinct: distinct as Submission[] });
  }
  return out;
}

/** The consolidation as it left the core, from what crossed; null when a line names a submission the screen does not hold. */
export function joinPieces(head: SlimHead, items: ItemMerge[], feedback: ItemFeedback[], submissions: readonly Submission[]): Consolidation | null {
  const lines = fullLines(head.lines, submissions);
  if (!lines) return null;
  const summaryItems = items.map((i) => ({ itemId: i.itemId, kind: i.kind, byStatus: i.byStatus, noStatus: i.noStatus, overdueUnits: i.overdueUnits, rollup: i.rollup }));
  return { ...head, lines, items, feedback, summary: { ...head.summary, items: summaryItems, feedback } };
}

/** What the worker posts for a result: the pieces, then the head. */
export function piecesOf(result: Consolidation): { items: ItemMerge[][]; feedback: ItemFeedback[][]; head: SlimHead } {
  const { lines, items, feedback, summary, ...rest } = result;
  const { items: _items, feedback: _feedback, ...slimSummary } = summary;
  const slices = <T>(l: readonly T[]) => Array.from({ length: Math.ceil(l.length / PIECE) }, (_, i) => l.slice(i * PIECE, (i + 1) * PIECE));
  return { items: slices(items), feedback: slices(feedback), head: { ...rest, summary: slimSummary, lines: slimLines(lines) } };
}
