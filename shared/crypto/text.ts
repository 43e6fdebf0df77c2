// UTF-8 through the WHATWG TextEncoder/TextDecoder, which Chromium, Electron and Node all have.
// Reached through globalThis with a local type because shared/env.d.ts (which declares them) is
// left out of the root tsconfig to avoid clashing with the DOM library; this compiles under both.
type Encoder = { encode(input: string): Uint8Array };
type Decoder = { decode(input: Uint8Array): string };
type TextGlobals = {
  TextEncoder: new () => Encoder;
  TextDecoder: new (label: string, options: { fatal: boolean; ignoreBOM: boolean }) => Decoder;
};
const g = globalThis as unknown as TextGlobals;
const encoder = new g.TextEncoder();
// fatal: invalid bytes, overlong forms and encoded surrogates are errors, not U+FFFD.
// ignoreBOM: a byte order mark stays in the text (and is then refused), it is not silently dropped.
const strictDecoder = new g.TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function utf8Encode(s: string): Uint8Array {
  return encoder.encode(s);
}

/** The text of `bytes`, or null when they are not well-formed UTF-8. */
export function utf8DecodeStrict(bytes: Uint8Array): string | null {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return null;
  }
}
