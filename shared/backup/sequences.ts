// The highest sequence ever used per (unit, plan, period), read from stored rows. DESIGN.md:
// sequences only grow, so every merge here takes the maximum, never the newer or the restored.
export type SequenceMark = { unitId: string; planId: string; period: string; last: number };

const keyOf = (m: Pick<SequenceMark, 'unitId' | 'planId' | 'period'>) => JSON.stringify([m.unitId, m.planId, m.period]);
const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const seq = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;

/** One mark per key, the highest of all given; sorted, so two equal sets serialise alike. */
export function mergeMarks(...lists: readonly (readonly SequenceMark[])[]): SequenceMark[] {
  const best = new Map<string, SequenceMark>();
  for (const list of lists) {
    for (const m of list) {
      if (!str(m.unitId) || !str(m.planId) || !str(m.period) || !seq(m.last)) continue;
      const k = keyOf(m);
      const had = best.get(k);
      if (!had || had.last < m.last) best.set(k, { unitId: m.unitId, planId: m.planId, period: m.period, last: m.last });
    }
  }
  return [...best.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, m]) => m);
}

/** Marks from rows of the `sequences` table ({ last }) and the `exported` table ({ sequence }). */
export function marksOf(sequences: readonly unknown[], exported: readonly unknown[]): SequenceMark[] {
  const pick = (r: unknown, field: 'last' | 'sequence'): SequenceMark[] => {
    if (typeof r !== 'object' || r === null) return [];
    const o = r as Record<string, unknown>;
    const last = o[field];
    return str(o.unitId) && str(o.planId) && str(o.period) && seq(last) ? [{ unitId: o.unitId, planId: o.planId, period: o.period, last }] : [];
  };
  return mergeMarks(sequences.flatMap((r) => pick(r, 'last')), exported.flatMap((r) => pick(r, 'sequence')));
}

/** The marks of `current` that are higher than anything in `restored`: what a restore must keep. */
export function marksAbove(current: readonly SequenceMark[], restored: readonly SequenceMark[]): SequenceMark[] {
  const floor = new Map(mergeMarks(restored).map((m) => [keyOf(m), m.last]));
  return mergeMarks(current).filter((m) => m.last > (floor.get(keyOf(m)) ?? 0));
}

/**
 * Settings rows that are sequence counters of their own (`receipt-sequence:…`,
 * `consolidated-sequence:…`, kept by the consolidation exports): name -> highest value.
 */
export function countersOf(settings: readonly unknown[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of settings) {
    if (typeof r !== 'object' || r === null) continue;
    const { key, value } = r as { key?: unknown; value?: unknown };
    if (typeof key === 'string' && /-sequence:/u.test(key) && seq(value)) out[key] = Math.max(out[key] ?? 0, value);
  }
  return out;
}

export function mergeCounters(...all: readonly Readonly<Record<string, number>>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of all) for (const [k, v] of Object.entries(c)) if (seq(v)) out[k] = Math.max(out[k] ?? 0, v);
  return out;
}
