// Cell text as people mean it. Files from different PCs mix NFC and NFD, no-break and stray
// spaces, and sometimes legacy 8-bit fonts (TCVN3 `.VnTime`, VNI `VNI-Times`) whose bytes look
// like Latin-1 gibberish in Unicode: `Ch­¬ng tr×nh` is `Chương trình` typed in TCVN3.

/**
 * NFC, every kind of space made a plain space, spaces collapsed and trimmed per line, empty lines
 * dropped. Line breaks inside a cell (Alt+Enter) are kept: they can separate units in a list.
 */
export function cleanText(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\r\n?/gu, '\n')
    .replace(/[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/gu, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff]/gu, '')
    .split('\n')
    .map((l) => l.replace(/ {2,}/gu, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');
}

/** True when cleaning changed more than the outer spaces (NFD, no-break or doubled spaces). */
export const wasUntidy = (raw: string, clean: string) => raw.trim() !== clean;

// TCVN3 (ABC) lower-case codes -> Unicode. Upper-case TCVN3 fonts (.VnTimeH) reuse these codes
// and show them as capitals; converted text then reads in lower case, still searchable.
const TCVN3_PAIRS =
  'µà¸á¶ả·ã¹ạ¨ă»ằ¾ắ¼ẳ½ẵÆặ©âÇầÊấÈẩÉẫËậ®đÌèÐéÎẻÏẽÑẹªêÒềÕếÓểÔễÖệ×ìÝíØỉÜĩÞịßòãóáỏâõäọ«ôåồèốæổçỗéộ¬ơêờíớëởìỡîợïùóúñủòũôụ\u00adưõừøứöử÷ữùựúỳýýûỷüỹþỵ¡Ă¢Â§Đ£Ê¤Ô¥Ơ¦Ư';
const TCVN3 = new Map<string, string>();
for (let i = 0; i + 1 < TCVN3_PAIRS.length; i += 2) TCVN3.set(TCVN3_PAIRS[i] ?? '', TCVN3_PAIRS[i + 1] ?? '');

// Characters a Vietnamese Unicode text never holds but TCVN3 text is full of.
const TCVN3_STRONG = /[µ¸¶·¹¨»¾¼½Æ©ÇËÎÏÐ®¬ª«\u00ad×Þß÷þ¡¢§£¤¥¦]/u;
// VNI-Windows writes a base letter then a mark byte: `Vieät`, `ñoåi`; these bytes are not Vietnamese.
const VNI_MARKS = /[a-zA-Z][ñöøûïäåëÑÖØÛÏÄÅË]|[ñÑ][a-zA-Z]/gu;

export type LegacyFont = 'tcvn3' | 'vni' | null;

/** Which legacy font a cell looks typed in, or null. Only cells with letters are judged. */
export function detectLegacy(s: string): LegacyFont {
  if (!/[a-zA-Z]/u.test(s) || /[\u0100-\uffff]/u.test(s.replace(/[\u2000-\u206f]/gu, ''))) return null;
  const letters = s.match(/[a-zA-Z]/gu)?.length ?? 0;
  const strong = s.match(new RegExp(TCVN3_STRONG.source, 'gu'))?.length ?? 0;
  if (strong >= 1 && (strong >= 2 || letters < 12)) return 'tcvn3';
  if ((s.match(VNI_MARKS)?.length ?? 0) >= 2) return 'vni';
  return null;
}

/** TCVN3 -> Unicode (NFC). Characters outside the table pass through unchanged. */
export function fromTcvn3(s: string): string {
  let out = '';
  for (const ch of s) out += TCVN3.get(ch) ?? ch;
  return out.normalize('NFC');
}
