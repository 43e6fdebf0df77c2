// Sequence resolution (DESIGN.md, Packages): per unit, plan, period and kind, a newer sequence
// supersedes, an equal one with other content is a conflict, the same content twice is a
// duplicate. Everything is sorted into one canonical order first, so the answer never depends
// on the order the files were given or read in.
import type { Resolution, SequenceLine, Submission } from './types';

/** Plain code-unit comparison: locale-free, so every host sorts the same. */
export const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const lineKey = (s: Pick<Submission, 'kind' | 'unitId' | 'planId' | 'period'>): string =>
  `${s.kind}\u0000${s.unitId}\u0000${s.planId}\u0000${s.period}`;

/**
 * Inside a line: lowest sequence first; equal contents side by side; of identical copies the
 * one received directly counts before one found inside a consolidated package (so a ward's
 * report that reached the province twice is told apart by where it came from), then by ref.
 */
function canonical(a: Submission, b: Submission): number {
  return a.sequence - b.sequence
    || byString(a.contentKey, b.contentKey)
    || Number(b.direct) - Number(a.direct)
    || byString(a.ref, b.ref);
}

export type SequenceResolution = {
  /** One per submission, sorted by ref (then unit, kind, sequence, reason for equal refs). */
  resolutions: Resolution[];
  /** One per (kind, unit, plan, period), sorted by key. */
  lines: SequenceLine[];
};

export function resolveSequences(submissions: readonly Submission[]): SequenceResolution {
  const groups = new Map<string, Submission[]>();
  for (const s of submissions) {
    const key = lineKey(s);
    const group = groups.get(key);
    if (group) group.push(s);
    else groups.set(key, [s]);
  }
  const resolutions: Resolution[] = [];
  const lines: SequenceLine[] = [];
  for (const key of [...groups.keys()].sort(byString)) {
    const group = (groups.get(key) ?? []).slice().sort(canonical);
    const distinct: Submission[] = [];
    const firstOf = new Map<string, Submission>();
    for (const s of group) {
      const original = firstOf.get(s.contentKey);
      if (original) {
        resolutions.push({ ref: s.ref, reason: 'duplicate', unitId: s.unitId, kind: s.kind, sequence: s.sequence, duplicateOf: original.ref });
        continue;
      }
      firstOf.set(s.contentKey, s);
      distinct.push(s);
    }
    const perSequence = new Map<number, number>();
    for (const s of distinct) perSequence.set(s.sequence, (perSequence.get(s.sequence) ?? 0) + 1);
    const latest = distinct.reduce((max, s) => Math.max(max, s.sequence), -Infinity);
    for (const s of distinct) {
      const inConflict = (perSequence.get(s.sequence) ?? 0) > 1;
      resolutions.push({
        ref: s.ref, reason: inConflict ? 'conflict' : 'ok', unitId: s.unitId, kind: s.kind, sequence: s.sequence,
        ...(s.sequence < latest ? { supersededBy: latest } : {}),
      });
    }
    const top = distinct.filter((s) => s.sequence === latest);
    const first = distinct[0];
    if (!first) continue;
    lines.push({
      key, unitId: first.unitId, kind: first.kind, planId: first.planId, period: first.period, latest,
      accepted: top.length === 1 ? (top[0] ?? null) : null,
      conflicting: top.length > 1 ? top : [],
      distinct,
    });
  }
  resolutions.sort((a, b) => byString(a.ref, b.ref) || byString(a.unitId, b.unitId) || byString(a.kind, b.kind)
    || a.sequence - b.sequence || byString(a.reason, b.reason));
  return { resolutions, lines };
}
