// Stored rows <-> JSON. IndexedDB rows hold Uint8Array fields (raw package bytes); JSON cannot, so
// each becomes `{ "$bytes": "<base64url>" }` and comes back as a Uint8Array. Anything else that
// JSON cannot carry faithfully (Date, Map, a function, NaN) is refused by name, never coerced.
import { fromBase64url, toBase64url } from '../crypto/encoding';
import type { JsonValue } from '../crypto/jcs';

export type EncodeResult = { ok: true; value: JsonValue } | { ok: false; path: string; what: string };
export type DecodeResult = { ok: true; value: unknown } | { ok: false; path: string };

const BYTES = '$bytes';
const MAX_DEPTH = 200;

class Refused extends Error {
  constructor(readonly path: string, readonly what: string) { super(what); }
}

function enc(v: unknown, path: string, depth: number): JsonValue | undefined {
  if (depth > MAX_DEPTH) throw new Refused(path, 'too deep');
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v === undefined) return undefined;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Refused(path, String(v));
    return v;
  }
  if (v instanceof Uint8Array) return { [BYTES]: toBase64url(v) };
  if (Array.isArray(v)) return v.map((x, i) => enc(x, `${path}[${i}]`, depth + 1) ?? null);
  const proto: unknown = typeof v === 'object' ? Object.getPrototypeOf(v) : undefined;
  if (proto === Object.prototype || proto === null) {
    const out: Record<string, JsonValue> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const e = enc(x, `${path}.${k}`, depth + 1);
      if (e !== undefined) out[k] = e;
    }
    return out;
  }
  throw new Refused(path, typeof v === 'object' ? (v.constructor?.name ?? 'object') : typeof v);
}

/** A stored value as JSON; `undefined` members are dropped (IndexedDB and JSON then agree). */
export function encodeValue(v: unknown, path = ''): EncodeResult {
  try {
    return { ok: true, value: enc(v, path, 0) ?? null };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, path: e.path, what: e.what };
    return { ok: false, path, what: e instanceof Error ? e.message : String(e) };
  }
}

const isBytesTag = (v: Record<string, JsonValue>): v is { [BYTES]: string } => {
  const keys = Object.keys(v);
  return keys.length === 1 && keys[0] === BYTES && typeof v[BYTES] === 'string';
};

function dec(v: JsonValue, path: string): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x, i) => dec(x, `${path}[${i}]`));
  if (isBytesTag(v)) {
    const bytes = fromBase64url(v[BYTES]);
    if (!bytes) throw new Refused(path, 'bad base64url');
    return bytes;
  }
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = dec(x, `${path}.${k}`);
  return out;
}

export function decodeValue(v: JsonValue, path = ''): DecodeResult {
  try {
    return { ok: true, value: dec(v, path) };
  } catch (e) {
    return { ok: false, path: e instanceof Refused ? e.path : path };
  }
}
