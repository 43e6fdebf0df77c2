// Text from packages shown to people (unit names, comments, file names in import results) could
// carry bidi overrides that reorder what the officer reads (`‮gpj.exe`) or zero-width characters
// that make two different names look the same. They are shown escaped, as <U+202E>, never applied.

// Bidi embeddings/overrides/isolates and marks, zero-width and invisible formatting characters,
// C0/C1 controls except tab and newline, line/paragraph separators, variation selectors.
const INVISIBLE_RANGES: readonly (readonly [number, number])[] = [
  [0x00, 0x08], [0x0b, 0x1f], [0x7f, 0x9f], [0xad, 0xad], [0x61c, 0x61c], [0x115f, 0x1160], [0x180e, 0x180e],
  [0x200b, 0x200f], [0x2028, 0x202e], [0x2060, 0x2064], [0x2066, 0x206f], [0x3164, 0x3164], [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff], [0xfff9, 0xfffb], [0xe0000, 0xe007f],
];

function isInvisible(cp: number): boolean {
  return INVISIBLE_RANGES.some(([a, b]) => cp >= a && cp <= b);
}

export function sanitizeForDisplay(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    out += isInvisible(cp) ? `<U+${cp.toString(16).toUpperCase().padStart(4, '0')}>` : ch;
  }
  return out;
}

/** True when the text would be changed by sanitizeForDisplay: worth a warning next to it. */
export function hasInvisibleCharacters(text: string): boolean {
  for (const ch of text) if (isInvisible(ch.codePointAt(0)!)) return true;
  return false;
}
