/**
 * What the coordinating units (phối hợp) reported on the items this unit leads (chủ trì), from
 * the report packages this installation received. The submissions are those the consolidation
 * core reads (shared/consolidation: `submissionsOf` at import, `resolveSequences` here), so a
 * report is read one way only: per unit, the accepted package of its latest sequence counts;
 * a unit whose latest sequence is in conflict shows nothing until the officer resolves it.
 */
import type { ItemId, PeriodKey, PlanId, UnitId } from '../model/ids';
import type { Entry, IndicatorValue, ProjectValue } from '../model/report';
import { resolveSequences, type Submission } from '../consolidation';

export type CoordinatingEntry = {
  unitId: UnitId;
  sequence: number;
  /** header.createdAt as signed by the unit. */
  createdAt: string;
  entry: Entry;
  indicator: IndicatorValue | null;
  project: ProjectValue | null;
};

export type CoordinatingQuery = {
  planId: PlanId;
  period: PeriodKey;
  /** This unit: its own report (received back, or inside a consolidated package) is not shown. */
  self: UnitId;
  /** The items this unit leads. */
  leadItems: ReadonlySet<ItemId>;
  /** Whether a unit coordinates an item; null when roles are unknown (every other unit is shown). */
  isCoordinating: ((unitId: UnitId, itemId: ItemId) => boolean) | null;
};

/** Per led item, the coordinating units' entries, ordered by unit id (the caller orders by name). */
export function coordinatingEntries(submissions: readonly Submission[], q: CoordinatingQuery): Map<ItemId, CoordinatingEntry[]> {
  const mine = submissions.filter((s) => s.kind === 'report' && s.planId === q.planId && s.period === q.period && s.unitId !== q.self);
  const out = new Map<ItemId, CoordinatingEntry[]>();
  for (const line of resolveSequences(mine).lines) {
    const s = line.accepted;
    if (!s || !s.report) continue;
    const ind = new Map(s.report.indicatorValues.map((v) => [v.itemId, v]));
    const proj = new Map(s.report.projectValues.map((v) => [v.itemId, v]));
    const seen = new Set<ItemId>();
    for (const entry of s.report.entries) {
      if (!q.leadItems.has(entry.itemId) || seen.has(entry.itemId)) continue;
      if (q.isCoordinating && !q.isCoordinating(s.unitId, entry.itemId)) continue;
      seen.add(entry.itemId);
      const row: CoordinatingEntry = {
        unitId: s.unitId, sequence: s.sequence, createdAt: s.createdAt, entry,
        indicator: ind.get(entry.itemId) ?? null, project: proj.get(entry.itemId) ?? null,
      };
      const list = out.get(entry.itemId);
      if (list) list.push(row);
      else out.set(entry.itemId, [row]);
    }
  }
  for (const list of out.values()) list.sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
  return out;
}
