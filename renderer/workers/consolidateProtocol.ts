// Messages between the consolidation screens and the consolidation worker. The rows never travel
// whole: the worker reads them from IndexedDB and answers their heads (no bytes, no reports); only
// the facts go in. The consolidation comes back in
// pieces, each a task of its own on the screen's thread: the items and the feedback a few at a
// time, then the rest with the lines' submissions named by ref (the screen holds their heads in its
// own rows, and links them back: it never holds the reports of thousands of rows).
import type { Consolidation, ItemFeedback, ItemMerge, SequenceLine, SubmissionHead } from '../../shared/consolidation';
import type { ReceivedHead } from '../db/records';
import type { PeriodHistory } from '../../shared/report/history';
import type { HistoryFacts, PeriodFacts } from './consolidatePeriod';

export type ToConsolidateWorker =
  | { type: 'consolidate'; id: number; dbName: string; facts: PeriodFacts; fingerprint: string }
  /** The period's rows as heads (records.ts: ReceivedHead): the screen never reads thousands of rows whole. */
  | { type: 'heads'; id: number; dbName: string; planId: string; period: string }
  /** The plan's periods so far, from all its rows (consolidatePeriod.ts: historyOf). */
  | { type: 'history'; id: number; dbName: string; facts: HistoryFacts };

export type SlimLine = Omit<SequenceLine, 'accepted' | 'conflicting' | 'distinct'> & { accepted: string | null; conflicting: string[]; distinct: string[] };
/** The summary's items and feedback are the result's own items and feedback (the same objects in the core's result), sent once. */
export type SlimSummary = Omit<Consolidation['summary'], 'items' | 'feedback'>;
export type SlimHead = Omit<Consolidation, 'lines' | 'items' | 'feedback' | 'summary'> & { lines: SlimLine[]; summary: SlimSummary };

export type FromConsolidateWorker = { id: number } & (
  | { type: 'items'; items: ItemPiece[] }
  | { type: 'feedback'; feedback: FeedbackPiece[] }
  | { type: 'done'; head: SlimHead }
  | { type: 'heads'; heads: ReceivedHead[] }
  | { type: 'history'; periods: PeriodHistory[] }
  /** The rows read differ from the screen's (a write came between): the screen's own rows decide. */
  | { type: 'stale' }
  | { type: 'crashed'; message: string }
);

/** Items (or feedback) per message: 3,321 units' rows of 4 items take tens of ms to receive. */
export const PIECE = 4;

/**
 * Items and feedback cross with their per-unit parts as UTF-8 JSON, in buffers handed over
 * without a copy. For 3,321 units and 100 items the units' rows and the gathered texts are about
 * a million objects, or 300 MB as strings; decoded on the screen's thread either took garbage
 * collections of half a second. In buffers they lie outside the screen's heap, each parsed when
 * first read: the board never reads them, the merged view reads those it shows.
 */
export type ItemPiece = Omit<ItemMerge, 'units'> & { units: Uint8Array };
export type FeedbackPiece = Pick<ItemFeedback, 'itemId'> & { difficulties: Uint8Array; proposals: Uint8Array };

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const encoded = (value: unknown) => encoder.encode(JSON.stringify(value));

export const itemPiece = ({ units, ...rest }: ItemMerge): ItemPiece => ({ ...rest, units: encoded(units) });
export const feedbackPiece = ({ itemId, difficulties, proposals }: ItemFeedback): FeedbackPiece =>
  ({ itemId, difficulties: encoded(difficulties), proposals: encoded(proposals) });

/** The buffers a message's pieces hold, to hand over rather than copy. */
export const buffersOf = (pieces: readonly (ItemPiece | FeedbackPiece)[]): ArrayBuffer[] =>
  pieces.flatMap((p) => ('units' in p ? [p.units] : [p.difficulties, p.proposals])).map((b) => b.buffer as ArrayBuffer);

/** `base` with each of `fields` parsed from its UTF-8 JSON on first read. */
function parsedOnRead<T>(base: object, fields: Record<string, Uint8Array>): T {
  for (const [key, bytes] of Object.entries(fields)) {
    let value: { parsed: unknown } | null = null;
    Object.defineProperty(base, key, { enumerable: true, get: () => (value ??= { parsed: JSON.parse(decoder.decode(bytes)) }).parsed });
  }
  return base as T;
}

export const itemOf = ({ units, ...rest }: ItemPiece): ItemMerge => parsedOnRead(rest, { units });
export const feedbackOf = ({ itemId, difficulties, proposals }: FeedbackPiece): ItemFeedback => parsedOnRead({ itemId }, { difficulties, proposals });

export function slimLines(lines: readonly SequenceLine[]): SlimLine[] {
  return lines.map((l) => ({ ...l, accepted: l.accepted?.ref ?? null, conflicting: l.conflicting.map((s) => s.ref), distinct: l.distinct.map((s) => s.ref) }));
}

/** The lines with their submissions found by ref among `submissions`; null when one is not there. */
export function fullLines<S extends SubmissionHead>(lines: readonly SlimLine[], submissions: readonly S[]): SequenceLine<S>[] | null {
  const byRef = new Map(submissions.map((s) => [s.ref, s] as const));
  const all = (refs: readonly string[]) => refs.map((r) => byRef.get(r));
  const out: SequenceLine<S>[] = [];
  for (const l of lines) {
    const accepted = l.accepted === null ? null : byRef.get(l.accepted);
    const conflicting = all(l.conflicting);
    const distinct = all(l.distinct);
    if (accepted === undefined || conflicting.includes(undefined) || distinct.includes(undefined)) return null;
    out.push({ ...l, accepted, conflicting: conflicting as S[], distinct: distinct as S[] });
  }
  return out;
}

/** The consolidation as it left the core, from what crossed; null when a line names a submission the screen does not hold. */
export function joinPieces<S extends SubmissionHead>(head: SlimHead, items: ItemMerge[], feedback: ItemFeedback[], submissions: readonly S[]): Consolidation<S> | null {
  const lines = fullLines(head.lines, submissions);
  if (!lines) return null;
  const summaryItems = items.map((i) => ({ itemId: i.itemId, kind: i.kind, byStatus: i.byStatus, noStatus: i.noStatus, overdueUnits: i.overdueUnits, rollup: i.rollup }));
  return { ...head, lines, items, feedback, summary: { ...head.summary, items: summaryItems, feedback } };
}

/** What the worker posts for a result: the pieces, then the head. */
export function piecesOf(result: Consolidation): { items: ItemPiece[][]; feedback: FeedbackPiece[][]; head: SlimHead } {
  const { lines, items, feedback, summary, ...rest } = result;
  const { items: _items, feedback: _feedback, ...slimSummary } = summary;
  const slices = <T>(l: readonly T[]) => Array.from({ length: Math.ceil(l.length / PIECE) }, (_, i) => l.slice(i * PIECE, (i + 1) * PIECE));
  return { items: slices(items.map(itemPiece)), feedback: slices(feedback.map(feedbackPiece)), head: { ...rest, summary: slimSummary, lines: slimLines(lines) } };
}
