// The zip directory of an .xlsx, read without inflating anything, so a zip bomb is refused before
// SheetJS allocates a byte for it. SheetJS trusts the local headers and inflates every entry
// whole, so the sizes declared here are checked against both headers; a file whose headers lie
// about the size is caught by `checkInflated` with a bounded inflater the host supplies (node:zlib
// maxOutputLength in the command line, DecompressionStream in a worker).
import type { ImportError } from './types';

export const LIMITS = {
  /** The file itself. Real appendix workbooks are tens of kilobytes. */
  maxFileBytes: 20 * 1024 * 1024,
  /** Sum of every entry's uncompressed size. */
  maxUnpackedBytes: 50 * 1024 * 1024,
  maxEntries: 10_000,
  /** An entry larger than `ratioFloorBytes` may not inflate more than `maxRatio` times. */
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
} as const;

export type ZipEntry = { name: string; method: number; compressed: number; uncompressed: number; localOffset: number; dataOffset: number; encrypted: boolean };
export type ZipInspection = { ok: true; entries: ZipEntry[]; unpacked: number } | { ok: false; error: ImportError };

const u16 = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, i: number) => (u16(b, i) + u16(b, i + 2) * 0x10000);
const u64 = (b: Uint8Array, i: number) => u32(b, i) + u32(b, i + 4) * 0x1_0000_0000;
const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

const corrupt = (detail: string): ZipInspection => ({
  ok: false, error: { code: 'corrupt', message: `Tệp .xlsx bị hỏng (${detail}). Hãy mở bằng Excel và lưu lại.` },
});

function findEocd(b: Uint8Array): number {
  // The end record is 22 bytes plus a comment of at most 65535 bytes.
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) return i;
  }
  return -1;
}

/** Zip64 extended sizes (extra field 0x0001): only the fields that were 0xFFFFFFFF are present. */
function zip64Sizes(b: Uint8Array, start: number, end: number, usz: number, csz: number, off: number) {
  let p = start;
  while (p + 4 <= end) {
    const id = u16(b, p);
    const len = u16(b, p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const take = () => { const v = u64(b, q); q += 8; return v; };
      if (usz === 0xffffffff) usz = take();
      if (csz === 0xffffffff) csz = take();
      if (off === 0xffffffff) off = take();
      break;
    }
    p += 4 + len;
  }
  return { usz, csz, off };
}

export function inspectZip(b: Uint8Array): ZipInspection {
  if (b.length > LIMITS.maxFileBytes) {
    return { ok: false, error: { code: 'too-large', message: `Tệp ${MB(b.length)} vượt giới hạn ${MB(LIMITS.maxFileBytes)}.` } };
  }
  const eocd = findEocd(b);
  if (eocd < 0) return corrupt('không tìm thấy mục lục zip');
  let count = u16(b, eocd + 10);
  let cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    // Zip64 end record locator sits just before the end record.
    const loc = eocd - 20;
    if (loc < 0 || u32(b, loc) !== 0x07064b50) return corrupt('mục lục zip64 thiếu');
    const rec = u64(b, loc + 8);
    if (rec + 56 > b.length || u32(b, rec) !== 0x06064b50) return corrupt('mục lục zip64 sai');
    count = u64(b, rec + 32);
    cdOffset = u64(b, rec + 48);
  }
  if (count > LIMITS.maxEntries) return { ok: false, error: { code: 'zip-bomb', message: `Tệp chứa ${count} mục nén: bất thường với một bảng tính, không mở.` } };
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  let unpacked = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) return corrupt('mục lục zip sai');
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let name = '';
    for (let i = 0; i < nameLen; i++) name += String.fromCharCode(b[p + 46 + i] ?? 0);
    const z = zip64Sizes(b, p + 46 + nameLen, p + 46 + nameLen + extraLen, u32(b, p + 24), u32(b, p + 20), u32(b, p + 42));
    p += 46 + nameLen + extraLen + commentLen;
    const local = z.off;
    if (local + 30 > b.length || u32(b, local) !== 0x04034b50) return corrupt(`mục ${name} không có đầu mục`);
    const lcsz = u32(b, local + 18);
    const lusz = u32(b, local + 22);
    // SheetJS reads sizes from the local header: a local header that disagrees is a lie to refuse.
    const dataDescriptor = (u16(b, local + 6) & 8) !== 0;
    if (!dataDescriptor && lcsz !== 0xffffffff && (lcsz !== z.csz || lusz !== z.usz)) return corrupt(`kích thước mục ${name} không khớp`);
    const dataOffset = local + 30 + u16(b, local + 26) + u16(b, local + 28);
    if (dataOffset + z.csz > b.length) return corrupt(`mục ${name} bị cắt cụt`);
    entries.push({ name, method, compressed: z.csz, uncompressed: z.usz, localOffset: local, dataOffset, encrypted: (flags & 1) !== 0 });
    unpacked += z.usz;
    if (z.usz > LIMITS.ratioFloorBytes && z.usz / Math.max(1, z.csz) > LIMITS.maxRatio) {
      return { ok: false, error: { code: 'zip-bomb', message: `Mục ${name} nén ${Math.round(z.usz / Math.max(1, z.csz))} lần (${MB(z.usz)}): bất thường, có thể là "bom nén"; không mở.` } };
    }
  }
  if (unpacked > LIMITS.maxUnpackedBytes) {
    return { ok: false, error: { code: 'zip-bomb', message: `Tệp giải nén ra ${MB(unpacked)}, vượt giới hạn ${MB(LIMITS.maxUnpackedBytes)}; không mở.` } };
  }
  if (entries.some((e) => e.encrypted)) return { ok: false, error: { code: 'encrypted', message: 'Tệp được đặt mật khẩu: hãy bỏ mật khẩu trong Excel rồi nhập lại.' } };
  return { ok: true, entries, unpacked };
}

/** Inflates raw deflate data, giving up past `maxBytes`; the output size, or null when over. */
export type BoundedInflate = (raw: Uint8Array, maxBytes: number) => number | null;

/** Checks that every entry inflates to no more than it declares (the headers can lie). */
export function checkInflated(b: Uint8Array, entries: readonly ZipEntry[], inflate: BoundedInflate): ImportError | null {
  for (const e of entries) {
    if (e.method !== 8) continue;
    const size = inflate(b.subarray(e.dataOffset, e.dataOffset + e.compressed), e.uncompressed);
    if (size === null || size > e.uncompressed) {
      return { code: 'zip-bomb', message: `Mục ${e.name} giải nén ra nhiều hơn kích thước khai báo (${e.uncompressed} byte): tệp bị làm giả; không mở.` };
    }
  }
  return null;
}
