import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { resolveSequences, type Submission } from '../../../../shared/consolidation';
import { W, sub } from './fixtures';

const reasons = (subs: Submission[]) =>
  Object.fromEntries(resolveSequences(subs).resolutions.map((r) => [r.ref, r.supersededBy ? `${r.reason}>${r.supersededBy}` : r.reason]));

describe('sequence resolution', () => {
  it('a newer sequence supersedes: the older stays ok with supersededBy', () => {
    const { resolutions, lines } = resolveSequences([sub(W(1), 1), sub(W(1), 3), sub(W(1), 2)]);
    expect(resolutions.map((r) => [r.sequence, r.reason, r.supersededBy])).toEqual([[1, 'ok', 3], [2, 'ok', 3], [3, 'ok', undefined]]);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.accepted?.sequence).toBe(3);
    expect(lines[0]?.latest).toBe(3);
  });

  it('the same package twice is one package and a duplicate', () => {
    const a = sub(W(1), 1);
    const again = { ...a, ref: 'zz-copy-of-it.json' };
    const { resolutions, lines } = resolveSequences([again, a]);
    expect(resolutions.find((r) => r.ref === 'zz-copy-of-it.json')).toMatchObject({ reason: 'duplicate', duplicateOf: a.ref });
    expect(resolutions.find((r) => r.ref === a.ref)?.reason).toBe('ok');
    expect(lines[0]?.distinct).toHaveLength(1);
  });

  it('the same sequence with other content is a conflict on both sides, and nothing is accepted', () => {
    const { resolutions, lines } = resolveSequences([sub(W(1), 2, { content: 'x' }), sub(W(1), 2, { content: 'y' }), sub(W(1), 1)]);
    expect(resolutions.map((r) => [r.sequence, r.reason])).toEqual([[1, 'ok'], [2, 'conflict'], [2, 'conflict']]);
    expect(resolutions[0]?.supersededBy).toBe(2);
    expect(lines[0]?.accepted).toBeNull();
    expect(lines[0]?.conflicting.map((s) => s.contentKey)).toEqual(['vt-p1|2|x', 'vt-p1|2|y']);
  });

  it('a conflict below the latest sequence is still reported, and the latest counts', () => {
    const { resolutions, lines } = resolveSequences([sub(W(1), 1, { content: 'x' }), sub(W(1), 1, { content: 'y' }), sub(W(1), 2)]);
    expect(resolutions.filter((r) => r.reason === 'conflict').map((r) => r.supersededBy)).toEqual([2, 2]);
    expect(lines[0]?.accepted?.sequence).toBe(2);
  });

  it('a ward package received directly and inside a city package counts once, the direct copy first', () => {
    const direct = sub(W(1), 4, { ref: 'z-direct.json' });
    const nested = { ...direct, ref: 'a-city.json#children/0', direct: false };
    const { resolutions, lines } = resolveSequences([nested, direct]);
    expect(resolutions).toEqual([
      expect.objectContaining({ ref: 'a-city.json#children/0', reason: 'duplicate', duplicateOf: 'z-direct.json' }),
      expect.objectContaining({ ref: 'z-direct.json', reason: 'ok' }),
    ]);
    expect(lines[0]?.distinct).toHaveLength(1);
  });

  it('keeps units, periods, plans and kinds on separate lines', () => {
    const { lines } = resolveSequences([
      sub(W(1), 1), sub(W(2), 1), sub(W(1), 1, { period: '2024-06' as Submission['period'], content: 'b' }),
      sub(W(1), 1, { kind: 'consolidated', content: 'c' }),
    ]);
    expect(lines).toHaveLength(4);
    expect(lines.every((l) => l.accepted !== null)).toBe(true);
  });

  it('does not depend on order or repetition (property)', () => {
    const pool = [
      sub(W(1), 1), sub(W(1), 2), sub(W(1), 2, { content: 'b' }), sub(W(2), 1), sub(W(2), 1, { ref: 'again.json' }),
      sub(W(2), 5, { direct: false, ref: 'city.json#children/1' }), sub(W(2), 5), sub(W(3), 7), sub(W(3), 6, { createdAt: '2024-05-20T00:00:00Z' }),
    ];
    const expected = resolveSequences(pool);
    fc.assert(fc.property(fc.shuffledSubarray(pool, { minLength: pool.length }), fc.array(fc.nat(pool.length - 1), { maxLength: 6 }),
      (shuffled, repeats) => {
        const withRepeats = [...shuffled, ...repeats.map((i) => pool[i] as Submission)];
        const got = resolveSequences(withRepeats);
        // Repeating a package adds duplicate rows and changes nothing else.
        expect(got.lines).toEqual(expected.lines);
        expect(got.resolutions.filter((r) => r.reason !== 'duplicate')).toEqual(expected.resolutions.filter((r) => r.reason !== 'duplicate'));
        if (repeats.length === 0) expect(got).toEqual(expected);
      }));
    expect(reasons(pool)).toMatchObject({ 'again.json': 'ok>5', 'vt-p2-1-a.json': 'duplicate', 'city.json#children/1': 'duplicate' });
  });
});
