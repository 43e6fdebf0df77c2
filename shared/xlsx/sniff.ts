// What a file is, from its first bytes, before any parser sees it: a renamed CSV or PDF must get
// a message saying so, not a SheetJS stack trace or (worse) a CSV read as a one-column "plan".
import type { ImportError } from './types';

export type Sniffed = { kind: 'xlsx' } | { kind: 'xls' } | { kind: 'json' } | { kind: 'other'; error: ImportError };

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((x, i) => b[at + i] === x);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const BOMS: readonly (readonly number[])[] = [[0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]];

const NAMES: Record<string, string> = {
  pdf: 'tệp PDF', html: 'trang HTML', csv: 'tệp CSV (văn bản phân cách bằng dấu phẩy)', text: 'tệp văn bản',
  png: 'ảnh PNG', jpeg: 'ảnh JPEG', gif: 'ảnh GIF', rar: 'tệp nén RAR', '7z': 'tệp nén 7z', gzip: 'tệp nén gzip',
  xml: 'tệp XML (có thể là bảng tính Excel 2003 XML)', rtf: 'tệp RTF', binary: 'tệp nhị phân không rõ loại',
  'empty-zip': 'tệp nén ZIP rỗng',
};

const other = (what: string): Sniffed => ({
  kind: 'other',
  error: { code: 'not-a-spreadsheet', what, message: `Tệp này là ${NAMES[what] ?? what}, không phải bảng tính Excel (.xlsx, .xls). Hãy mở trong Excel và lưu lại dạng .xlsx.` },
});

/** The leading text of a file, for telling CSV, HTML, XML and JSON apart. */
function head(b: Uint8Array): string {
  let start = 0;
  for (const bom of BOMS) if (startsWith(b, bom)) start = bom.length;
  const slice = b.subarray(start, Math.min(b.length, start + 4096));
  // Latin-1 is enough to look at ASCII markup and separators; it never throws.
  let s = '';
  for (const x of slice) s += String.fromCharCode(x);
  return s;
}

export function sniff(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return { kind: 'other', error: { code: 'empty', message: 'Tệp rỗng (0 byte): không có bảng nào để nhập.' } };
  if (startsWith(bytes, ZIP)) return { kind: 'xlsx' };
  if (startsWith(bytes, CFB)) return { kind: 'xls' };
  if (startsWith(bytes, ZIP_EMPTY)) return other('empty-zip');
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return other('pdf');
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return other('png');
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return other('jpeg');
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return other('gif');
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21])) return other('rar');
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf])) return other('7z');
  if (startsWith(bytes, [0x1f, 0x8b])) return other('gzip');
  const h = head(bytes);
  const t = h.trimStart().toLowerCase();
  if (t === '') return { kind: 'other', error: { code: 'empty', message: 'Tệp chỉ có khoảng trắng: không có bảng nào để nhập.' } };
  if (t.startsWith('{') || t.startsWith('[')) return { kind: 'json' };
  if (t.startsWith('{\\rtf')) return other('rtf');
  if (t.startsWith('<!doctype html') || t.startsWith('<html') || /<(table|body|head)\b/u.test(t)) return other('html');
  if (t.startsWith('<?xml') || t.startsWith('<')) return other('xml');
  // Control bytes other than tab/CR/LF mean binary; otherwise text, CSV when lines hold separators.
  let control = 0;
  for (let i = 0; i < h.length; i++) {
    const c = h.charCodeAt(i);
    if (c < 9 || (c > 13 && c < 32)) control++;
  }
  if (control > 0) return other('binary');
  const lines = h.split(/\r?\n/u).filter((l) => l.trim() !== '').slice(0, 5);
  const csv = lines.length > 0 && lines.every((l) => /[,;\t]/u.test(l));
  return other(csv ? 'csv' : 'text');
}
