// parseStrictJson(bytes, depth, true): the signed bytes cut out of a package file that is already
// canonical equal signingBytes of the parsed tree, byte for byte; a file that is not canonical
// gives null (verification then canonicalises as before). Never a third answer.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStrictJson } from '../../../../shared/packages/json';
import { signingBytes } from '../../../../shared/packages/sign';
import { canonicalize } from '../../../../shared/crypto/jcs';

const enc = new TextEncoder();
const dec = new TextDecoder();
const FIX = 'tests/fixtures/packages';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : name.endsWith('.json') ? [path] : [];
  });
}

/** The cut-out signed bytes, as text (null when the parser found the text not canonical). */
function cut(text: string): string | null {
  const r = parseStrictJson(enc.encode(text), undefined, true);
  if (!r.ok) throw new Error(`${r.error} at ${r.at}`);
  return r.signed ? dec.decode(r.signed) : null;
}

/** signingBytes of the strictly parsed tree: the reference. */
function reference(text: string): string | null {
  const r = parseStrictJson(enc.encode(text));
  if (!r.ok) throw new Error(r.error);
  const b = signingBytes(r.value);
  return b ? dec.decode(b) : null;
}

const canonicalText = (v: unknown): string => {
  const c = canonicalize(v);
  if (!c.ok) throw new Error(c.error);
  return c.text;
};

describe('signed bytes cut out of a canonical package', () => {
  it('equal signingBytes on every committed fixture, and are found on every canonical one', () => {
    let canonical = 0;
    for (const file of filesUnder(FIX)) {
      const bytes = new Uint8Array(readFileSync(file));
      const r = parseStrictJson(bytes, undefined, true);
      if (!r.ok || typeof r.value !== 'object' || r.value === null || Array.isArray(r.value)) continue;
      const expected = signingBytes(r.value);
      const isCanonical = canonicalize(r.value).ok && dec.decode(bytes) === canonicalText(r.value);
      if (isCanonical) {
        canonical++;
        expect(r.signed, file).not.toBeNull();
      }
      if (r.signed) expect(dec.decode(r.signed), file).toBe(expected ? dec.decode(expected) : null);
    }
    expect(canonical).toBeGreaterThan(20);
  });

  it('a signature value first, alone, in the middle, or absent; non-ASCII and surrogate pairs around it', () => {
    for (const v of [
      { a: 1, signature: { value: 'x', z: 'ý' } },
      { a: 1, signature: { value: '😀é' } },
      { a: 'Đạt', signature: { alg: 'ed25519', value: 'ñ😀', zz: [1, 'ố'] }, tail: '😀 hồ sơ' },
      { signature: { alg: 'ed25519', keyId: 'K' } },
      { signature: 'not an object', value: 'top-level value is signed' },
      { payload: { signature: { value: 'nested: kept' } }, signature: { value: { deep: ['x'] } } },
      { signature: { value: null }, z: '\n\t"\\\u0001' },
    ]) {
      const text = canonicalText(v);
      expect(cut(text), text).not.toBeNull();
      expect(cut(text), text).toBe(reference(text));
    }
  });

  it.each([
    ['whitespace', '{"a":1, "signature":{"value":"x"}}'],
    ['leading whitespace', ' {"signature":{"value":"x"}}'],
    ['members out of order', '{"signature":{"value":"x"},"a":1}'],
    ['signature members out of order', '{"signature":{"value":"x","alg":"e"}}'],
    ['a number not in shortest form', '{"a":1.0,"signature":{"value":"x"}}'],
    ['an exponent', '{"a":1E2,"signature":{"value":"x"}}'],
    ['an escaped letter', '{"a":"\\u0041","signature":{"value":"x"}}'],
    ['an escaped slash', '{"a":"\\/","signature":{"value":"x"}}'],
    ['an upper-case control escape', '{"a":"\\u001F","signature":{"value":"x"}}'],
    ['\\u000a for a newline', '{"a":"\\u000a","signature":{"value":"x"}}'],
    ['an escaped non-ASCII letter', '{"a":"\\u00e9","signature":{"value":"x"}}'],
    ['an escaped member name', '{"\\u0061":1,"signature":{"value":"x"}}'],
  ])('not canonical (%s): null, the caller canonicalises', (_why, text) => {
    expect(cut(text)).toBeNull();
    expect(reference(text)).not.toBeNull();
  });

  it('random objects: canonical texts always cut, equal to signingBytes; other spellings cut only when equal', () => {
    const sig = fc.oneof(
      fc.record({ alg: fc.string(), keyId: fc.string({ unit: 'grapheme' }), value: fc.string({ unit: 'grapheme' }) }, { requiredKeys: ['value'] }),
      fc.record({ alg: fc.string() }),
      fc.jsonValue({ maxDepth: 2 }),
    );
    const doc = fc.tuple(fc.dictionary(fc.string({ unit: 'grapheme' }), fc.jsonValue({ maxDepth: 3 })), sig, fc.boolean())
      .map(([base, s, withSig]) => JSON.parse(JSON.stringify(withSig ? { ...base, signature: s } : base)) as Record<string, unknown>);
    fc.assert(fc.property(doc, fc.integer({ min: 0, max: 2 }), (v, spacing) => {
      const c = canonicalize(v);
      fc.pre(c.ok);
      const strict = parseStrictJson(enc.encode(c.ok ? c.text : ''));
      fc.pre(strict.ok); // numbers beyond 2^53, forbidden names deeper down: the parser refuses them
      const canonical = c.ok ? c.text : '';
      expect(cut(canonical)).toBe(reference(canonical));
      const other = JSON.stringify(v, null, spacing);
      const got = cut(other);
      if (got !== null) expect(got).toBe(reference(other));
      if (other !== canonical) expect(got).toBeNull();
    }), { numRuns: 400 });
  });
});
