/** NFC with runs of white space (including no-break spaces) collapsed: how names are compared. */
export function normalizeText(s: string): string {
  return s.normalize('NFC').replace(/[\s\u00a0\u200b\ufeff]+/gu, ' ').trim();
}

/**
 * Lower case without diacritics, for search: `chuyen doi so` finds `Chuyển đổi số`.
 * `đ` has no decomposition in Unicode, so it is mapped by hand.
 */
export function fold(s: string): string {
  return normalizeText(s)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase();
}

/** True when every word of the query occurs in the text, both folded. */
export function matchesQuery(text: string, query: string): boolean {
  const hay = fold(text);
  return fold(query).split(' ').filter(Boolean).every((w) => hay.includes(w));
}
