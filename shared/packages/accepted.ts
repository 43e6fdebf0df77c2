// What was already accepted for one (unit, plan, period), and how a new package stands against it
// (DESIGN.md: a newer sequence supersedes, an equal one with other content is a conflict, a lower
// one is stale, the same package twice changes nothing).

export type AcceptedKey = { unitId: string; planId: string | null; period: string | null };
export type AcceptedEntry = {
  packageId: string;
  sequence: number;
  /** sha256 (base64url) of the signed bytes: same signed content = same package. */
  contentHash: string;
  /** sha256 (base64url) of the file as received, when known. */
  bytesHash?: string;
};
/** Sync for the command line and tests, async for Dexie in the app. */
export interface AcceptedIndex {
  lookup(key: AcceptedKey): readonly AcceptedEntry[] | Promise<readonly AcceptedEntry[]>;
}

/** A sequence this far above the last accepted one is flagged (a stolen key signing 2^53 - 1). */
export const SEQUENCE_JUMP = 1000;

export type SequenceJudgement = {
  reason: 'ok' | 'duplicate' | 'stale' | 'conflict';
  /** packageIds this one supersedes (kept, marked superseded by the caller). */
  supersedes: string[];
  jump: boolean;
};

export function judgeSequence(
  accepted: readonly AcceptedEntry[], candidate: { sequence: number; contentHash: string; bytesHash: string },
): SequenceJudgement {
  const none = { supersedes: [], jump: false };
  if (accepted.some((e) => e.contentHash === candidate.contentHash || e.bytesHash === candidate.bytesHash))
    return { reason: 'duplicate', ...none };
  const max = accepted.reduce((m, e) => Math.max(m, e.sequence), -1);
  if (candidate.sequence < max) return { reason: 'stale', ...none };
  if (accepted.some((e) => e.sequence === candidate.sequence)) return { reason: 'conflict', ...none };
  return {
    reason: 'ok',
    supersedes: accepted.filter((e) => e.sequence < candidate.sequence).map((e) => e.packageId),
    jump: candidate.sequence - Math.max(max, 0) > SEQUENCE_JUMP,
  };
}

const indexKey = (k: AcceptedKey) => JSON.stringify([k.unitId, k.planId, k.period]);

/** An in-memory index, for the command line, tests and the consolidation worker. */
export function memoryAcceptedIndex(): AcceptedIndex & { add(key: AcceptedKey, entry: AcceptedEntry): void } {
  const map = new Map<string, AcceptedEntry[]>();
  return {
    lookup: (key) => map.get(indexKey(key)) ?? [],
    add(key, entry) {
      const k = indexKey(key);
      map.set(k, [...(map.get(k) ?? []), entry]);
    },
  };
}

/**
 * The next sequence for (unit, plan, period). It must only grow, even after the app is restored
 * from an older backup: the app takes the highest of its own counter, every package of the unit
 * still in its packages table, and every sequence the consolidating unit's receipts acknowledged
 * (receipts come back with each exchange), plus one.
 */
export function nextSequence(known: readonly (number | null | undefined)[]): number {
  return known.reduce<number>((m, s) => (typeof s === 'number' && s > m ? s : m), 0) + 1;
}
