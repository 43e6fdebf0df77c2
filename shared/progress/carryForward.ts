/**
 * A new period starts from the unit's last period: every row is copied, marked not confirmed,
 * so the officer re-reads it (touching a field or pressing "confirm" confirms it). What was
 * written stays as written: results and difficulties usually continue; a figure is cumulative.
 */
import type { PeriodKey } from '../model/ids';
import { parsePeriodKey, monthRange } from '../periods/keys';
import type { ProgressRow } from './draft';
import { applyPatch } from './draft';

/**
 * Copies the rows of the previous period, unconfirmed. Items no longer assigned are left behind,
 * and so are answers to a returned report: they answer that period's report, not the new one.
 */
export function carryForward(previous: readonly ProgressRow[], assigned: ReadonlySet<string> | null = null): ProgressRow[] {
  return previous
    .filter((r) => assigned === null || assigned.has(r.itemId))
    .map((r) => ({ itemId: r.itemId, draft: applyPatch(r.draft, { answers: [] }), confirmed: false }));
}

/**
 * The narrative of the previous period, carried like the entries: the text as written, to be
 * re-read and confirmed (null when there is nothing to carry).
 */
export function carryNarrative(previous: string | undefined): { narrative: string; confirmed: false } | null {
  return previous && previous.trim() !== '' ? { narrative: previous, confirmed: false } : null;
}

/**
 * Of the periods that hold rows, the latest one before `period` of the same kind: the source of
 * carry-forward. Periods of another kind (a half-year when reporting months) are not mixed in.
 */
export function previousPeriodWithRows(period: PeriodKey, withRows: readonly PeriodKey[]): PeriodKey | null {
  const p = parsePeriodKey(period);
  if (!p) return null;
  const start = (k: PeriodKey) => { const q = parsePeriodKey(k); if (!q || q.kind !== p.kind) return null; const r = monthRange(q); return r.year * 12 + r.first; };
  const mine = start(period);
  let best: { key: PeriodKey; at: number } | null = null;
  for (const k of withRows) {
    const at = start(k);
    if (at === null || mine === null || at >= mine) continue;
    if (!best || at > best.at) best = { key: k, at };
  }
  return best?.key ?? null;
}
