// Receipts back to the units (DESIGN.md payload `receipt`): for each package of a unit, what
// became of it, and the officer's review. Signed by the consolidating unit and carried back, so
// a ward knows offline that its report was accepted, or why it was refused.
import type { ItemId, PeriodKey, UnitId } from '../model/ids';
import type { Resolution } from '../consolidation/types';
import { buildReceiptPackage, type Reason, type ReceivedEntry, type UnsignedPackage } from '../packages';
import { refOf, type ArrivalOutcome, type ReceivedFile } from './intake';

export type Review = { state: 'approved' | 'returned'; comments: { itemId: ItemId; text: string }[] };
export type ReceiptRow = Pick<ReceivedFile, 'bytesHash' | 'reason' | 'outcome' | 'packageId' | 'unitId' | 'period' | 'sequence' | 'receivedAt'>
  & { review?: Review | null; setAside?: boolean };

/** What the file counts as now: its arrival outcome, updated by the resolution of every file received since. */
export type CurrentState = ArrivalOutcome | 'set-aside';

export function currentState(row: ReceiptRow, resolution: Resolution | undefined): CurrentState {
  if (row.reason !== 'ok') return row.reason;
  if (row.setAside) return 'set-aside';
  if (!resolution) return row.outcome;
  if (resolution.reason === 'duplicate') return 'duplicate';
  if (resolution.reason === 'conflict') return 'conflict';
  if (resolution.supersededBy !== undefined) return row.outcome === 'stale' ? 'stale' : 'superseded';
  return row.outcome === 'supersedes' ? 'supersedes' : 'ok';
}

/** The contract reason a receipt carries for a state. */
export function receiptReason(state: CurrentState): Reason {
  switch (state) {
    case 'supersedes': case 'superseded': return 'ok';
    case 'set-aside': return 'conflict';
    default: return state;
  }
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The entries of a receipt: every file whose header could be read (a file too damaged to name
 * its unit cannot be answered), for the given units, in a fixed order (unit, period, sequence,
 * packageId, arrival) so the same rows always give the same receipt.
 */
export function receiptEntries(rows: readonly ReceiptRow[], resolutions: ReadonlyMap<string, Resolution>, units: ReadonlySet<string> | null): ReceivedEntry[] {
  const entries: ReceivedEntry[] = [];
  for (const row of rows) {
    if (row.packageId === null || row.unitId === null || row.sequence === null) continue;
    if (units && !units.has(row.unitId)) continue;
    const entry: ReceivedEntry = {
      packageId: row.packageId, unitId: row.unitId as UnitId, period: row.period as PeriodKey | null, sequence: row.sequence,
      reason: receiptReason(currentState(row, resolutions.get(refOf(row.bytesHash)))), receivedAt: row.receivedAt,
    };
    if (row.review) entry.review = { state: row.review.state, comments: row.review.comments.map((c) => ({ itemId: c.itemId, text: c.text })) };
    entries.push(entry);
  }
  return entries.sort((a, b) => byText(a.unitId, b.unitId) || byText(a.period ?? '', b.period ?? '') || a.sequence - b.sequence
    || byText(a.packageId, b.packageId) || byText(a.receivedAt, b.receivedAt));
}

export type ReceiptHeader = { consolidating: string; planId: string | null; planRevision: number | null; period: string | null; sequence: number; createdAt: string };

/** The unsigned receipt for one unit (`for` its id) or for all units (`for` null). */
export function buildReceipt(h: ReceiptHeader, forUnit: string | null, entries: ReceivedEntry[]): UnsignedPackage<'receipt'> {
  const packageId = ['receipt', h.consolidating, forUnit ?? 'all', h.planId ?? '-', h.period ?? '-', String(h.sequence)].join(':');
  return buildReceiptPackage({
    unitId: h.consolidating, planId: h.planId, planRevision: h.planRevision, period: h.period, sequence: h.sequence, createdAt: h.createdAt, packageId,
  }, entries);
}
