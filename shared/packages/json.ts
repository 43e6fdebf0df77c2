// Strict bytes -> JSON for packages that arrive from anywhere (USB sticks, e-mail). JSON.parse is
// not enough: it keeps the last of duplicate keys (so two readers can see two different packages
// in one file), turns 1e-400 into 0 and 1e400 into Infinity, accepts -0, builds objects whose
// `__proto__` member changes their prototype, and has no depth limit. Here every such input is an
// error, judged after unescaping (`"k\u0069nd"` is the key `kind`) and on the raw number token.
import { hasLoneSurrogate, type JsonValue } from './primitives';
import { utf8DecodeStrict } from './primitives';

export type JsonObject = { [key: string]: JsonValue };
export type StrictJsonResult = { ok: true; value: JsonValue } | { ok: false; error: string; at: number };
/**
 * With `signed` asked for: when the text is already canonical (RFC 8785: what every PlanBook
 * writer produces), the package's signed bytes cut out of it; null when it is not canonical (the
 * caller canonicalises then). See parseStrictJson.
 */
export type StrictPackageResult = { ok: true; value: JsonValue; signed: Uint8Array | null } | { ok: false; error: string; at: number };

export const DEFAULT_MAX_DEPTH = 64;
/** Names that reach Object.prototype in naive code downstream: refused wherever they appear. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A backslash or a control character (U+0000 to U+001F): the string is read character by character. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
const ESCAPE_OR_CONTROL = /[\\\u0000-\u001f]/u;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

class JsonError extends Error {
  constructor(message: string, readonly at: number) { super(message); }
}

const nullProto = <T extends object>(o: T): T => Object.setPrototypeOf(o, null) as T;

class Parser {
  private i = 0;
  /**
   * Still true when everything read so far is in canonical form (RFC 8785, as canonicalize in
   * shared/crypto/jcs.ts writes it): no whitespace, members in increasing UTF-16 order, strings
   * escaped as JSON.stringify escapes them, numbers as JSON.stringify writes them.
   */
  canonical = true;
  /** Where the top-level `signature` object's `value` member is, with one comma: [start, end) in characters. */
  cut: [number, number] | null = null;
  constructor(private readonly s: string, private readonly maxDepth: number) {}

  parseDocument(): JsonValue {
    this.ws();
    const v = this.value(1);
    this.ws();
    if (this.i !== this.s.length) this.fail('trailing characters after the JSON value');
    return v;
  }

  private fail(message: string): never {
    throw new JsonError(message, this.i);
  }

  private ws(): void {
    const s = this.s;
    for (;;) {
      const c = s.charCodeAt(this.i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
        this.i++;
        this.canonical = false;
      } else return;
    }
  }

  private value(depth: number, signature = false): JsonValue {
    const c = this.s[this.i];
    switch (c) {
      case '{': return this.object(depth, signature);
      case '[': return this.array(depth);
      case '"': return this.string();
      case 't': return this.literal('true', true);
      case 'f': return this.literal('false', false);
      case 'n': return this.literal('null', null);
      default:
        if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
        return this.fail(c === undefined ? 'unexpected end of input' : `unexpected character U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    }
  }

  private literal<T extends JsonValue>(word: string, v: T): T {
    if (!this.s.startsWith(word, this.i)) this.fail('invalid literal');
    this.i += word.length;
    return v;
  }

  private number(): number {
    // Most numbers are small non-negative integers (percentages, counts): up to 15 digits with no
    // leading zero they are exact, canonical and in range, read here without the regular expression.
    const s = this.s;
    const first = s.charCodeAt(this.i);
    if (first >= 0x30 && first <= 0x39) {
      let v = first - 0x30;
      let k = this.i + 1;
      if (first !== 0x30) {
        for (let c = s.charCodeAt(k); c >= 0x30 && c <= 0x39 && k - this.i < 15; c = s.charCodeAt(++k)) v = v * 10 + (c - 0x30);
      }
      const next = s.charCodeAt(k);
      // Anything that may continue a number (a digit, . e E + -) goes the general way, which judges it.
      if (!((next >= 0x30 && next <= 0x39) || next === 0x2e || next === 0x65 || next === 0x45 || next === 0x2b || next === 0x2d)) {
        this.i = k;
        return v;
      }
    }
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(this.s);
    if (!m) return this.fail('invalid number');
    const token = m[0];
    const next = this.s[this.i + token.length];
    if (next !== undefined && /[0-9.eE+-]/u.test(next)) this.fail('invalid number'); // 01, 1.2.3, 1e5e5
    const v = Number(token);
    // Judged on the token: a reader in another language must read the same number.
    if (!Number.isFinite(v)) this.fail(`number ${token} is out of range`);
    if (Object.is(v, -0)) this.fail('negative zero');
    if (v === 0 && /[1-9]/u.test(token.split(/[eE]/u)[0]!)) this.fail(`number ${token} underflows to zero`);
    if (Math.abs(v) > Number.MAX_SAFE_INTEGER) this.fail(`number ${token} is beyond 2^53`);
    // Canonical numbers are JSON.stringify's (ECMAScript Number::toString): 1.0, 1e2, 0.50 are not.
    if (this.canonical && String(v) !== token) this.canonical = false;
    this.i += token.length;
    return v;
  }

  private string(): string {
    const s = this.s;
    const open = this.i;
    // Most strings have no escape and no control character: then the text up to the next quote is
    // the string (and canonical), found with native searches rather than character by character.
    const close = s.indexOf('"', open + 1);
    if (close > open) {
      const raw = s.slice(open + 1, close);
      if (!ESCAPE_OR_CONTROL.test(raw) && !hasLoneSurrogate(raw)) {
        this.i = close + 1;
        return raw;
      }
    }
    this.i++; // opening quote
    let out = '';
    let start = this.i;
    let escaped = false;
    for (;;) {
      const c = s.charCodeAt(this.i);
      if (Number.isNaN(c)) this.fail('unterminated string');
      if (c === 0x22) {
        out += s.slice(start, this.i);
        this.i++;
        break;
      }
      if (c < 0x20) this.fail('control character in a string');
      if (c !== 0x5c) { this.i++; continue; }
      escaped = true;
      out += s.slice(start, this.i);
      const e = s[this.i + 1];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          const hex = s.slice(this.i + 2, this.i + 6);
          if (!/^[0-9a-fA-F]{4}$/u.test(hex)) this.fail('invalid \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          this.i += 4;
          break;
        }
        default: this.fail('invalid escape');
      }
      this.i += 2;
      start = this.i;
    }
    // Raw UTF-8 cannot carry surrogates (the decoder is fatal), but \ud800 escapes can.
    if (hasLoneSurrogate(out)) this.fail('lone surrogate in a string');
    // Without a backslash a string is canonical (controls and quotes cannot appear unescaped);
    // with one, its escapes must be exactly JSON.stringify's (\n, not \u000a; \u00e9 is not canonical).
    if (escaped && this.canonical && JSON.stringify(out) !== s.slice(open, this.i)) this.canonical = false;
    return out;
  }

  private array(depth: number): JsonValue[] {
    if (depth > this.maxDepth) this.fail(`nesting deeper than ${this.maxDepth} levels`);
    this.i++;
    const out: JsonValue[] = [];
    this.ws();
    if (this.s[this.i] === ']') { this.i++; return out; }
    for (;;) {
      this.ws();
      out.push(this.value(depth + 1));
      this.ws();
      const c = this.s[this.i];
      if (c === ',') { this.i++; continue; }
      if (c === ']') { this.i++; return out; }
      this.fail('expected , or ] in an array');
    }
  }

  /** `signature`: this is the top-level object's `signature` member (where `value` is cut from). */
  private object(depth: number, signature: boolean): JsonObject {
    if (depth > this.maxDepth) this.fail(`nesting deeper than ${this.maxDepth} levels`);
    this.i++;
    // Null prototype: no member name can reach Object.prototype, whatever code reads this later.
    // Given once the members are in (nullProto): an object made by Object.create(null) is a hash
    // table in V8, several times slower to fill and to read than one with its members laid out.
    // While it is filled no member can reach the prototype either: `__proto__`, the one accessor
    // there, is a forbidden name, and any other name becomes an own data member.
    const out = {} as JsonObject;
    this.ws();
    if (this.s[this.i] === '}') { this.i++; return nullProto(out); }
    let previous: string | null = null;
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') this.fail('expected a member name');
      const at = this.i;
      const key = this.string();
      if (FORBIDDEN_KEYS.has(key)) throw new JsonError(`forbidden member name ${key}`, at);
      if (Object.prototype.hasOwnProperty.call(out, key)) throw new JsonError(`duplicate member name ${JSON.stringify(key)}`, at);
      // Canonical members are sorted by UTF-16 code units, which is how `<` compares strings.
      if (previous !== null && !(previous < key)) this.canonical = false;
      previous = key;
      this.ws();
      if (this.s[this.i] !== ':') this.fail('expected :');
      this.i++;
      this.ws();
      out[key] = this.value(depth + 1, depth === 1 && key === 'signature');
      this.ws();
      const c = this.s[this.i];
      // The signed bytes leave out `signature.value`: its member and the comma that joins it to the
      // others (the one before it, or after it when it comes first; none when it is alone).
      if (signature && key === 'value') this.cut = at > 0 && this.s[at - 1] === ',' ? [at - 1, this.i] : [at, c === ',' ? this.i + 1 : this.i];
      if (c === ',') { this.i++; continue; }
      if (c === '}') { this.i++; return nullProto(out); }
      this.fail('expected , or } in an object');
    }
  }
}

/** Parses already decoded text with the same strictness. */
export function parseStrictJsonText(text: string, maxDepth = DEFAULT_MAX_DEPTH): StrictJsonResult {
  const r = parseWith(text, maxDepth);
  return r.ok ? { ok: true, value: r.value } : r;
}

function parseWith(text: string, maxDepth: number): { ok: true; value: JsonValue; parser: Parser } | { ok: false; error: string; at: number } {
  const parser = new Parser(text, maxDepth);
  try {
    return { ok: true, value: parser.parseDocument(), parser };
  } catch (e) {
    if (e instanceof JsonError) return { ok: false, error: e.message, at: e.at };
    return { ok: false, error: 'unparseable', at: 0 }; // e.g. out of memory on a hostile string
  }
}

/** Bytes of UTF-8 that `s` takes (well-formed: lone surrogates never reach here). */
function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) n += 1; // each half of a surrogate pair: 4 bytes for the 2 units
    else if (c >= 0x800) n += 2;
    else if (c >= 0x80) n += 1;
  }
  return n;
}

/**
 * Well-formed UTF-8 (no BOM: a leading U+FEFF is not JSON whitespace), one JSON value, nothing
 * after it (NUL padding from an unfinished USB write, a second concatenated package: errors).
 */
export function parseStrictJson(bytes: Uint8Array, maxDepth?: number): StrictJsonResult;
/**
 * `signed`: also the signed bytes of the package in `bytes` (contract: UTF-8 of the JCS form
 * without `signature.value`, as signingBytes computes them) when the text is canonical already,
 * cut out of `bytes` instead of canonicalising the parsed tree again. Equal by construction: the
 * JCS form of an object is its members' canonical texts in order joined by commas, so leaving a
 * member out removes its text and one comma. Not canonical (whitespace, other member order or
 * escapes): `signed` is null and the caller canonicalises as before.
 */
export function parseStrictJson(bytes: Uint8Array, maxDepth: number | undefined, signed: true): StrictPackageResult;
export function parseStrictJson(bytes: Uint8Array, maxDepth = DEFAULT_MAX_DEPTH, signed = false): StrictJsonResult | StrictPackageResult {
  const text = utf8DecodeStrict(bytes);
  if (text === null) return { ok: false, error: 'not well-formed UTF-8', at: 0 };
  const r = parseWith(text, maxDepth);
  if (!r.ok) return r;
  if (!signed) return { ok: true, value: r.value };
  const { canonical, cut } = r.parser;
  if (!canonical || !isJsonObject(r.value)) return { ok: true, value: r.value, signed: null };
  if (!cut) return { ok: true, value: r.value, signed: bytes };
  // Character positions to byte positions, counted from the end: what follows the cut is short.
  const end = bytes.length - utf8Length(text.slice(cut[1]));
  const start = end - utf8Length(text.slice(cut[0], cut[1]));
  const out = new Uint8Array(bytes.length - (end - start));
  out.set(bytes.subarray(0, start));
  out.set(bytes.subarray(end), start);
  return { ok: true, value: r.value, signed: out };
}

export function isJsonObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
