// What a ward reads of a receipt (DESIGN.md payload `receipt`) sent back by its consolidating
// unit: for this unit's latest exported package, whether it was accepted (and when), refused (and
// why), approved, or returned for revision with comments on items. Pure: the receipt's entries and
// the packages this unit exported in, status lines out; the app words them.
import type { ItemId } from '../model/ids';
import type { Reason, ReceivedEntry } from '../packages';
import type { OpenComment } from '../progress/answers';

/** A package this unit exported (the renderer's `exported` rows carry these). */
export type ExportedRef = { packageId: string; sequence: number };

export type ReceiptLine =
  | { kind: 'accepted'; sequence: number; receivedAt: string }
  | { kind: 'refused'; sequence: number; reason: Reason }
  | { kind: 'approved'; sequence: number }
  | { kind: 'returned'; sequence: number; comments: { itemId: ItemId; text: string }[] }
  /** The receipt answers older packages of this unit, not its latest export. */
  | { kind: 'not-yet'; sequence: number; answered: number };

/** Reasons that mean the consolidating unit holds this content: the same signed content already received counts. */
const HELD: ReadonlySet<Reason> = new Set<Reason>(['ok', 'duplicate']);

/** The receipt's entries that answer packages of this unit it exported. */
export function entriesForUnit(received: readonly ReceivedEntry[], unitId: string, exported: readonly ExportedRef[]): ReceivedEntry[] {
  const ids = new Set(exported.map((e) => e.packageId));
  return received.filter((r) => r.unitId === unitId && ids.has(r.packageId));
}

/**
 * The status lines for this unit's latest exported package (highest sequence). When the receipt
 * lists that package more than once, the latest arrival speaks. No line when nothing of this
 * unit is listed or nothing was exported.
 */
export function receiptLines(received: readonly ReceivedEntry[], unitId: string, exported: readonly ExportedRef[]): ReceiptLine[] {
  const mine = entriesForUnit(received, unitId, exported);
  if (mine.length === 0 || exported.length === 0) return [];
  const latest = exported.reduce((a, b) => (b.sequence > a.sequence ? b : a));
  const forLatest = mine.filter((r) => r.packageId === latest.packageId);
  if (forLatest.length === 0) {
    const answered = Math.max(...mine.map((r) => r.sequence));
    return [{ kind: 'not-yet', sequence: latest.sequence, answered }];
  }
  const entry = forLatest.reduce((a, b) => (b.receivedAt > a.receivedAt ? b : a));
  const sequence = latest.sequence;
  if (!HELD.has(entry.reason)) return [{ kind: 'refused', sequence, reason: entry.reason }];
  const lines: ReceiptLine[] = [{ kind: 'accepted', sequence, receivedAt: entry.receivedAt }];
  if (entry.review?.state === 'approved') lines.push({ kind: 'approved', sequence });
  if (entry.review?.state === 'returned') lines.push({ kind: 'returned', sequence, comments: entry.review.comments.map((c) => ({ itemId: c.itemId, text: c.text })) });
  return lines;
}

/** The returned comments by item, for showing beside each item. */
export function returnedComments(lines: readonly ReceiptLine[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const l of lines) {
    if (l.kind !== 'returned') continue;
    for (const c of l.comments) out.set(c.itemId, [...(out.get(c.itemId) ?? []), c.text]);
  }
  return out;
}

/**
 * The comments this unit still has to answer: those of the latest review of its exported
 * packages (highest sequence, then latest arrival), when that review returned the report. They
 * stay open after the unit exports its answer and until a newer review (approval, or another
 * return with its own comments) arrives in a receipt. `receiptPackageId`: the receipt they came in.
 */
export function openComments(received: readonly ReceivedEntry[], unitId: string, exported: readonly ExportedRef[], receiptPackageId: string): OpenComment[] {
  const reviewed = entriesForUnit(received, unitId, exported).filter((r) => r.review);
  if (reviewed.length === 0) return [];
  const latest = reviewed.reduce((a, b) => (b.sequence > a.sequence || (b.sequence === a.sequence && b.receivedAt > a.receivedAt) ? b : a));
  if (latest.review?.state !== 'returned') return [];
  return latest.review.comments.map((c) => ({
    itemId: c.itemId, text: c.text, returnedPackageId: latest.packageId, returnedSequence: latest.sequence, receiptPackageId,
  }));
}
