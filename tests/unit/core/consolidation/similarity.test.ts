import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { groupTexts, jaccard, tokens } from '../../../../shared/consolidation';
import { W } from './fixtures';

describe('grouping difficulties and proposals', () => {
  it('folds case, diacritics, NFD and punctuation into tokens', () => {
    expect(tokens('Thiếu KINH PHÍ, thiếu nhân lực.')).toEqual(['kinh', 'luc', 'nhan', 'phi', 'thieu']);
    expect(tokens('Thiếu kinh phí'.normalize('NFD'))).toEqual(tokens('thieu kinh phi'));
    expect(jaccard(tokens('thiếu kinh phí'), tokens('thiếu kinh phí thực hiện'))).toBe(0.6);
  });

  it('groups near-identical wording with its units, largest group first, and drops "nothing" answers', () => {
    const groups = groupTexts([
      { unitId: W(1), text: 'Thiếu kinh phí thực hiện' },
      { unitId: W(2), text: 'thiếu kinh phí' },
      { unitId: W(3), text: 'Thiếu kinh phí thực hiện.' },
      { unitId: W(4), text: 'Đường truyền Internet chậm' },
      { unitId: W(5), text: 'Không' },
      { unitId: W(6), text: 'Không có khó khăn, vướng mắc' },
      { unitId: W(7), text: '   ' },
    ]);
    expect(groups).toEqual([
      { text: 'Thiếu kinh phí thực hiện', units: [W(1), W(2), W(3)], texts: [
        { unitId: W(1), text: 'Thiếu kinh phí thực hiện' }, { unitId: W(2), text: 'thiếu kinh phí' }, { unitId: W(3), text: 'Thiếu kinh phí thực hiện.' }] },
      { text: 'Đường truyền Internet chậm', units: [W(4)], texts: [{ unitId: W(4), text: 'Đường truyền Internet chậm' }] },
    ]);
  });

  it('joins transitively (single linkage) and keeps unrelated texts apart', () => {
    const groups = groupTexts([
      { unitId: W(1), text: 'a b c d' }, { unitId: W(2), text: 'a b c d e f' }, { unitId: W(3), text: 'c d e f g h' }, { unitId: W(4), text: 'x y z' },
    ]);
    expect(groups.map((g) => g.units)).toEqual([[W(1), W(2), W(3)], [W(4)]]);
  });

  it('matches the quadratic definition and ignores input order (property)', () => {
    const words = ['thieu', 'kinh', 'phi', 'nhan', 'luc', 'mang', 'cham', 'may', 'tinh', 'cu'];
    const text = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 6 }).map((ws) => ws.join(' '));
    fc.assert(fc.property(fc.array(text, { minLength: 1, maxLength: 25 }), fc.integer(), (texts, seed) => {
      const from = texts.map((t, i) => ({ unitId: W(i), text: t }));
      const groups = groupTexts(from, 0.5);
      // Reference: components of the pairwise graph, computed naively.
      const parent = from.map((_, i) => i);
      const find = (i: number): number => (parent[i] === i ? i : find(parent[i] as number));
      from.forEach((a, i) => from.forEach((b, j) => {
        if (jaccard(tokens(a.text), tokens(b.text)) >= 0.5) parent[find(i)] = find(j);
      }));
      const reference = new Set(from.map((_, i) => from.filter((__, j) => find(j) === find(i)).map((u) => u.unitId).sort().join(',')));
      expect(new Set(groups.map((g) => g.units.slice().sort().join(',')))).toEqual(reference);
      const shuffled = from.map((f, i) => ({ f, k: (i * 7919 + seed) % 101 })).sort((a, b) => a.k - b.k).map((x) => x.f);
      const byRank = (u: string) => Number(u.replace(/\D/gu, ''));
      expect(groupTexts(shuffled, 0.5, byRank)).toEqual(groupTexts(from, 0.5, byRank));
    }));
  });

  it('stays fast for thousands of units', () => {
    const from = Array.from({ length: 3321 }, (_, i) => ({ unitId: W(i), text: `Thiếu kinh phí số ${i % 50} cho hạ tầng ${i % 7} phường ${i}` }));
    const started = performance.now();
    const groups = groupTexts(from);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(groups.reduce((n, g) => n + g.units.length, 0)).toBe(3321);
  });
});
