// Groups free texts (difficulties, proposals) that say nearly the same thing: token-set Jaccard
// on folded text (no case, no diacritics), similar pairs joined into connected components.
// Components do not depend on the order texts arrive in. Candidate pairs come from an inverted
// index over each set's rarest tokens (prefix filtering): two sets with Jaccard ≥ t must share
// one of their first |s| − ⌈t·|s|⌉ + 1 rarest tokens, so 3,000 units do not cost 4.5 M comparisons.
import type { UnitId } from '../model/ids';
import { fold } from '../text/fold';
import { byString } from './sequence';

export const DEFAULT_SIMILARITY = 0.5;

export type TextFrom = { unitId: UnitId; text: string };
export type TextGroup = {
  /** The wording most units used (ties: the first in code-unit order). */
  text: string;
  units: UnitId[];
  texts: TextFrom[];
};

/** Answers that mean "nothing to report": left out of the groups. */
const NOTHING = /^(?:khong|khong co|khong co gi|chua co|khong co kho khan(?:,? vuong mac)?|khong co de xuat(?:,? kien nghi)?|none|n\/a|0)?$/u;

export function tokens(text: string): string[] {
  return [...new Set(fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean))].sort(byString);
}

/** The sorted token set as one string, or null for an empty text or a "nothing" answer. */
function tokenKey(text: string): string | null {
  if (text.trim() === '') return null;
  const words = fold(text).split(/[^\p{L}\p{N}/]+/u).filter(Boolean);
  if (NOTHING.test(words.join(' '))) return null;
  const set = [...new Set(words.flatMap((w) => w.split('/')).filter(Boolean))].sort(byString);
  return set.length === 0 ? null : set.join(' ');
}

export function jaccard(a: readonly string[], b: readonly string[]): number {
  const set = new Set(a);
  let inter = 0;
  for (const t of b) if (set.has(t)) inter += 1;
  const union = a.length + b.length - inter;
  return union === 0 ? 1 : inter / union;
}

class DisjointSets {
  private readonly parent: number[];
  constructor(n: number) { this.parent = Array.from({ length: n }, (_, i) => i); }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root] ?? root;
    while (this.parent[i] !== root) { const next = this.parent[i] ?? root; this.parent[i] = root; i = next; }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/**
 * Groups texts whose token sets have Jaccard similarity ≥ `threshold` (transitively). Empty
 * texts and "nothing" answers (`Không`, `Không có khó khăn`) are left out. Groups come
 * largest first, then by wording; units in each group in the order given by `unitRank`.
 */
export function groupTexts(from: readonly TextFrom[], threshold = DEFAULT_SIMILARITY, unitRank?: (u: UnitId) => number): TextGroup[] {
  // Identical token sets are one node: exact repeats cost nothing however many units send them.
  // Identical raw texts are folded once (folding is most of the cost when thousands of units
  // copy the same sentence).
  const nodes = new Map<string, { tokens: string[]; texts: TextFrom[] }>();
  const keyOfRaw = new Map<string, string | null>();
  for (const t of from) {
    let key = keyOfRaw.get(t.text);
    if (key === undefined) {
      key = tokenKey(t.text);
      keyOfRaw.set(t.text, key);
    }
    if (key === null) continue;
    const node = nodes.get(key);
    if (node) node.texts.push(t);
    else nodes.set(key, { tokens: key.split(' '), texts: [t] });
  }
  const keys = [...nodes.keys()].sort(byString);
  const sets = keys.map((k) => nodes.get(k)?.tokens ?? []);
  const components = new DisjointSets(keys.length);

  const freq = new Map<string, number>();
  for (const s of sets) for (const t of s) freq.set(t, (freq.get(t) ?? 0) + 1);
  const rare = (a: string, b: string) => (freq.get(a) ?? 0) - (freq.get(b) ?? 0) || byString(a, b);
  const index = new Map<string, number[]>();
  // Each pair is looked at once per set (a stamp instead of a Set per set), and a pair already
  // in one component is not compared again: many units writing alike costs little.
  const seenBy = new Int32Array(sets.length).fill(-1);
  sets.forEach((set, i) => {
    const ordered = set.slice().sort(rare);
    const prefix = Math.max(1, ordered.length - Math.ceil(threshold * ordered.length) + 1);
    for (const t of ordered.slice(0, prefix)) {
      let list = index.get(t);
      if (!list) index.set(t, (list = []));
      for (const j of list) {
        if (seenBy[j] === i) continue;
        seenBy[j] = i;
        if (components.find(i) === components.find(j)) continue;
        const other = sets[j] ?? [];
        // Size filter: |small| ≥ t·|large| is necessary for Jaccard ≥ t.
        const [small, large] = set.length < other.length ? [set.length, other.length] : [other.length, set.length];
        if (small >= threshold * large && jaccard(set, other) >= threshold) components.union(i, j);
      }
      list.push(i);
    }
  });

  const rank = unitRank ?? (() => 0);
  const groups = new Map<number, TextFrom[]>();
  keys.forEach((k, i) => {
    const root = components.find(i);
    const list = groups.get(root) ?? [];
    list.push(...(nodes.get(k)?.texts ?? []));
    groups.set(root, list);
  });
  const out: TextGroup[] = [];
  for (const texts of groups.values()) {
    texts.sort((a, b) => rank(a.unitId) - rank(b.unitId) || byString(a.unitId, b.unitId) || byString(a.text, b.text));
    const uses = new Map<string, number>();
    for (const t of texts) uses.set(t.text, (uses.get(t.text) ?? 0) + 1);
    const text = [...uses.entries()].sort((a, b) => b[1] - a[1] || byString(a[0], b[0]))[0]?.[0] ?? '';
    out.push({ text, units: [...new Set(texts.map((t) => t.unitId))], texts });
  }
  return out.sort((a, b) => b.units.length - a.units.length || byString(a.text, b.text));
}
