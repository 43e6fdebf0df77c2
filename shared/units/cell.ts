// The units cell (`Đơn vị chủ trì`, `Đơn vị phối hợp`, `Phân công thành viên BCĐ theo dõi`):
// a list written for people. Resolved to directory ids where a name is known; every piece that
// is not a known unit or group stays as written, as a warning, never dropped and never a throw.
import type { UnitId } from '../model/ids';
import type { Directory } from './directory';
import { longestMatch, normalizeForMatch, tokenize, type Token } from './names';
import type { When } from './validity';

export type UnitRef =
  | { kind: 'unit'; unitId: UnitId; text: string }
  | { kind: 'group'; groupId: string; text: string };

export type UnitsCell = { refs: UnitRef[]; unresolved: string[]; verbatim: string };

/** List separators. `và` separates too, but only where no known name spans it. */
const SEPARATORS = new Set([',', ';', '/', '+', '(', ')', ':', '.', '-', '–', '—', '\n']);
const CONJUNCTIONS = new Set(['va', 'hoac', 'cung']);
/** Leading words that say who in the unit, not which unit: `Lãnh đạo: VP UBND tỉnh`, `Lãnh đạo Sở Y tế`. */
const PREFIXES: readonly (readonly string[])[] = [['lanh', 'dao'], ['thanh', 'vien'], ['dai', 'dien']];

const isSeparator = (t: Token) => SEPARATORS.has(t.key) || (t.word && CONJUNCTIONS.has(t.key));

export function parseUnitsCell(verbatim: string, directory: Directory, atDate: When): UnitsCell {
  const refs: UnitRef[] = [];
  const unresolved: string[] = [];
  const text = normalizeForMatch(typeof verbatim === 'string' ? verbatim : '');
  const tokens = tokenize(text);
  const slice = (a: number, b: number) => text.slice(tokens[a]?.start ?? 0, tokens[b - 1]?.end ?? 0);
  const matchAt = (i: number) => longestMatch(directory.names, tokens, i, atDate);

  let i = skipPrefix(tokens, 0);
  while (i < tokens.length) {
    const t = tokens[i];
    if (!t) break;
    if (isSeparator(t)) {
      i = skipPrefix(tokens, i + 1);
      continue;
    }
    const m = matchAt(i);
    if (m) {
      const piece = slice(i, m.end);
      const ref: UnitRef = m.target.kind === 'unit'
        ? { kind: 'unit', unitId: m.target.id as UnitId, text: piece }
        : { kind: 'group', groupId: m.target.id, text: piece };
      if (!refs.some((r) => sameTarget(r, ref))) refs.push(ref);
      i = m.end;
      continue;
    }
    // Not a known name: keep the run of unknown text as written, up to a semicolon, or up to a
    // comma or `và` followed by a known name. A comma between two unknown words stays inside, so
    // `Doanh nghiệp viễn thông, truyền hình cáp` is one warning, as the writer meant one thing.
    let j = i + 1;
    while (j < tokens.length) {
      const u = tokens[j];
      if (!u || u.key === ';') break;
      if ((u.key === ',' || (u.word && CONJUNCTIONS.has(u.key))) && (j + 1 >= tokens.length || matchAt(skipPrefix(tokens, j + 1)))) break;
      j++;
    }
    const piece = slice(i, j).replace(/[\s.;:,\-–—]+$/u, '');
    if (/[\p{L}\p{N}]/u.test(piece)) unresolved.push(piece);
    i = j;
  }
  return { refs, unresolved, verbatim };
}

function skipPrefix(tokens: readonly Token[], i: number): number {
  for (const p of PREFIXES) {
    if (p.every((k, n) => tokens[i + n]?.key === k)) {
      let j = i + p.length;
      if (tokens[j]?.key === ':') j++;
      return j;
    }
  }
  return i;
}

const sameTarget = (a: UnitRef, b: UnitRef) =>
  a.kind === 'unit' ? b.kind === 'unit' && a.unitId === b.unitId : b.kind === 'group' && a.groupId === b.groupId;

/** True when the cell names nothing at all (empty or only punctuation): the item falls to the plan's addressees. */
export function isBlankCell(verbatim: string): boolean {
  return !/[\p{L}\p{N}]/u.test(verbatim);
}
