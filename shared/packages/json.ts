// Strict bytes -> JSON for packages that arrive from anywhere (USB sticks, e-mail). JSON.parse is
// not enough: it keeps the last of duplicate keys (so two readers can see two different packages
// in one file), turns 1e-400 into 0 and 1e400 into Infinity, accepts -0, builds objects whose
// `__proto__` member changes their prototype, and has no depth limit. Here every such input is an
// error, judged after unescaping (`"k\u0069nd"` is the key `kind`) and on the raw number token.
import { hasLoneSurrogate, type JsonValue } from './primitives';
import { utf8DecodeStrict } from './primitives';

export type JsonObject = { [key: string]: JsonValue };
export type StrictJsonResult = { ok: true; value: JsonValue } | { ok: false; error: string; at: number };

export const DEFAULT_MAX_DEPTH = 64;
/** Names that reach Object.prototype in naive code downstream: refused wherever they appear. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

class JsonError extends Error {
  constructor(message: string, readonly at: number) { super(message); }
}

class Parser {
  private i = 0;
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
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.i++;
      else return;
    }
  }

  private value(depth: number): JsonValue {
    const c = this.s[this.i];
    switch (c) {
      case '{': return this.object(depth);
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
    this.i += token.length;
    return v;
  }

  private string(): string {
    const s = this.s;
    this.i++; // opening quote
    let out = '';
    let start = this.i;
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

  private object(depth: number): JsonObject {
    if (depth > this.maxDepth) this.fail(`nesting deeper than ${this.maxDepth} levels`);
    this.i++;
    // Null prototype: no member name can reach Object.prototype, whatever code reads this later.
    const out = Object.create(null) as JsonObject;
    this.ws();
    if (this.s[this.i] === '}') { this.i++; return out; }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') this.fail('expected a member name');
      const at = this.i;
      const key = this.string();
      if (FORBIDDEN_KEYS.has(key)) throw new JsonError(`forbidden member name ${key}`, at);
      if (Object.prototype.hasOwnProperty.call(out, key)) throw new JsonError(`duplicate member name ${JSON.stringify(key)}`, at);
      this.ws();
      if (this.s[this.i] !== ':') this.fail('expected :');
      this.i++;
      this.ws();
      out[key] = this.value(depth + 1);
      this.ws();
      const c = this.s[this.i];
      if (c === ',') { this.i++; continue; }
      if (c === '}') { this.i++; return out; }
      this.fail('expected , or } in an object');
    }
  }
}

/** Parses already decoded text with the same strictness. */
export function parseStrictJsonText(text: string, maxDepth = DEFAULT_MAX_DEPTH): StrictJsonResult {
  try {
    return { ok: true, value: new Parser(text, maxDepth).parseDocument() };
  } catch (e) {
    if (e instanceof JsonError) return { ok: false, error: e.message, at: e.at };
    return { ok: false, error: 'unparseable', at: 0 }; // e.g. out of memory on a hostile string
  }
}

/**
 * Well-formed UTF-8 (no BOM: a leading U+FEFF is not JSON whitespace), one JSON value, nothing
 * after it (NUL padding from an unfinished USB write, a second concatenated package: errors).
 */
export function parseStrictJson(bytes: Uint8Array, maxDepth = DEFAULT_MAX_DEPTH): StrictJsonResult {
  const text = utf8DecodeStrict(bytes);
  if (text === null) return { ok: false, error: 'not well-formed UTF-8', at: 0 };
  return parseStrictJsonText(text, maxDepth);
}

export function isJsonObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
