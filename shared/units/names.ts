// Matching unit names inside free text. Names are compared word by word after folding
// (NFC, lower case, no diacritics), so `Sở Văn hoá` (old tone placement), `SỞ VĂN HÓA` and an NFD
// copy all find `Sở Văn hóa và Thể thao`. Matching is longest-first over a word trie, which is what
// keeps the `và` inside `Sở Văn hóa và Thể thao` from splitting the name in two.
import type { DirectoryUnit, UnitGroup } from '../model/units';
import { fold, normalizeText } from '../text/fold';
import { isValidDuring, type When } from './validity';

export type Token = {
  /** Folded word, or the punctuation character itself. */
  key: string;
  /** Position in the normalized text, end exclusive. */
  start: number;
  end: number;
  word: boolean;
};

/** Punctuation that never changes which unit is meant: `TP. Vũng Tàu`, `Bà Rịa - Vũng Tàu`. */
const IGNORABLE = new Set(['.', '-', '–', '—']);

/**
 * The text every matcher works on: NFC with white space collapsed, and `&` glued to its words
 * (`Sở TT & TT` is `Sở TT&TT`), so positions in it can be shown back to the user.
 */
export function normalizeForMatch(s: string): string {
  return normalizeText(s).replace(/\s*&\s*/gu, '&');
}

/** Words (letters, digits, `&`) and single punctuation marks; white space separates only. */
export function tokenize(normalized: string): Token[] {
  const tokens: Token[] = [];
  for (const m of normalized.matchAll(/[\p{L}\p{M}\p{N}&]+|[^\s\p{L}\p{M}\p{N}&]/gu)) {
    const text = m[0];
    const start = m.index;
    const word = /[\p{L}\p{N}]/u.test(text);
    tokens.push({ key: word ? fold(text) : text, start, end: start + text.length, word });
  }
  return tokens;
}

export type NameTarget =
  | { kind: 'unit'; id: string; unit: DirectoryUnit }
  | { kind: 'group'; id: string; group: UnitGroup };

type Node = { next: Map<string, Node>; targets: NameTarget[] };
const newNode = (): Node => ({ next: new Map(), targets: [] });

/** The keys a name is stored under: its words without ignorable punctuation. */
export function nameKeys(name: string): string[] {
  return tokenize(normalizeForMatch(name))
    .filter((t) => !IGNORABLE.has(t.key))
    .map((t) => t.key);
}

export type NameIndex = { root: Node };

export function buildNameIndex(units: readonly DirectoryUnit[], groups: readonly UnitGroup[]): NameIndex {
  const root = newNode();
  const add = (name: string, target: NameTarget) => {
    const keys = nameKeys(name);
    if (keys.length === 0) return;
    // `các` (the plural article) is optional on both sides: `Sở, ngành liên quan` is `Các sở, ngành liên quan`.
    const variants = keys[0] === 'cac' ? [keys, keys.slice(1)] : [keys, ['cac', ...keys]];
    for (const v of variants) {
      if (v.length === 0) continue;
      let node = root;
      for (const k of v) {
        let child = node.next.get(k);
        if (!child) {
          child = newNode();
          node.next.set(k, child);
        }
        node = child;
      }
      if (!node.targets.some((t) => t.kind === target.kind && t.id === target.id)) node.targets.push(target);
    }
  };
  for (const unit of units) for (const n of [unit.name, ...unit.aliases]) add(n, { kind: 'unit', id: unit.id, unit });
  for (const group of groups) for (const n of [group.name, ...group.aliases]) add(n, { kind: 'group', id: group.id, group });
  return { root };
}

export type NameMatch = { target: NameTarget; /** token index after the match */ end: number; candidates: number };

/**
 * The longest name starting at token `i`, skipping ignorable punctuation inside it. When one
 * spelling names several units (the old and the new `Phường Rạch Dừa`), the one valid at `when`
 * wins; when none is, the first in directory order (history stays readable).
 */
export function longestMatch(index: NameIndex, tokens: readonly Token[], i: number, when: When): NameMatch | null {
  let node = index.root;
  let best: { node: Node; end: number } | null = null;
  for (let j = i; j < tokens.length; j++) {
    const t = tokens[j];
    if (!t) break;
    if (IGNORABLE.has(t.key) && j > i) continue;
    const child = node.next.get(t.key);
    if (!child) break;
    node = child;
    if (node.targets.length > 0) best = { node, end: j + 1 };
  }
  if (!best) return null;
  const targets = best.node.targets;
  const valid = targets.find((t) => t.kind === 'group' || isValidDuring(t.unit, when));
  const target = valid ?? targets[0];
  return target ? { target, end: best.end, candidates: targets.length } : null;
}

/** All targets stored under exactly this name (for the directory's ambiguity check). */
export function targetsNamed(index: NameIndex, name: string): NameTarget[] {
  let node: Node | undefined = index.root;
  for (const k of nameKeys(name)) {
    node = node.next.get(k);
    if (!node) return [];
  }
  return node.targets;
}
