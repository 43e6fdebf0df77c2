// RFC 8785 JSON Canonicalization Scheme, written here (about 60 lines) instead of taking the
// `canonicalize` package: that package passes lone surrogates through where RFC 8785 requires an
// error, and the signature of every package depends on this function byte for byte.
//   * numbers: the ECMAScript Number-to-String of a finite double, which is what JSON.stringify
//     produces (RFC 8785 §3.2.2.3 defines it that way); NaN and Infinity are errors;
//   * strings: JSON.stringify's escaping is exactly §3.2.2.2 (\b \f \n \r \t \" \\, other
//     controls as \u00xx in lower case, everything else verbatim) once lone surrogates are refused;
//   * object members sorted by their names as arrays of UTF-16 code units (§3.2.3), which is
//     what the default Array.prototype.sort comparison does.
import { utf8Encode } from './text';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type CanonicalResult = { ok: true; text: string } | { ok: false; error: string };

/** Deep enough for any package (the parser stops at 64); guards the recursion against cycles. */
const MAX_DEPTH = 256;

/** True when `s` contains a high surrogate not followed by a low one, or a low one alone. */
export function hasLoneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

class CanonicalError extends Error {}

function write(value: unknown, depth: number, out: string[]): void {
  if (depth > MAX_DEPTH) throw new CanonicalError('nesting too deep');
  if (value === null) { out.push('null'); return; }
  switch (typeof value) {
    case 'boolean': out.push(value ? 'true' : 'false'); return;
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalError(`number ${String(value)} has no JSON form`);
      out.push(JSON.stringify(value)); // -0 becomes "0", as RFC 8785 requires
      return;
    case 'string':
      if (hasLoneSurrogate(value)) throw new CanonicalError('lone surrogate in a string');
      out.push(JSON.stringify(value));
      return;
    case 'object': break;
    default: throw new CanonicalError(`a ${typeof value} is not JSON`);
  }
  if (Array.isArray(value)) {
    out.push('[');
    value.forEach((v: unknown, i) => { if (i > 0) out.push(','); write(v, depth + 1, out); });
    out.push(']');
    return;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== null && proto !== Object.prototype) throw new CanonicalError('not a plain object');
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort(); // UTF-16 code unit order
  out.push('{');
  keys.forEach((k, i) => {
    if (hasLoneSurrogate(k)) throw new CanonicalError('lone surrogate in a member name');
    if (i > 0) out.push(',');
    out.push(JSON.stringify(k), ':');
    write(record[k], depth + 1, out);
  });
  out.push('}');
}

/** The RFC 8785 canonical text of a JSON value, or why it has none. Never throws. */
export function canonicalize(value: unknown): CanonicalResult {
  const out: string[] = [];
  try {
    write(value, 0, out);
  } catch (e) {
    if (e instanceof CanonicalError) return { ok: false, error: e.message };
    return { ok: false, error: 'not canonicalisable' }; // e.g. a RangeError from a hostile getter
  }
  return { ok: true, text: out.join('') };
}

/** UTF-8 bytes of the canonical text, or null when the value has no canonical form. */
export function canonicalBytes(value: unknown): Uint8Array | null {
  const r = canonicalize(value);
  return r.ok ? utf8Encode(r.text) : null;
}
