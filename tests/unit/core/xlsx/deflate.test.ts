// The workbook writer's DEFLATE, CRC-32 and zip container: checked against Node's zlib (an
// independent implementation), SheetJS's zip reader and the importer's own zip inspection.
import { crc32 as zlibCrc32, inflateRawSync } from 'node:zlib';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Deflater, crc32, deflateRaw, huffmanLengths } from '../../../../shared/xlsx/deflate';
import { ZipWriter } from '../../../../shared/xlsx/zipWrite';
import { inspectZip } from '../../../../shared/xlsx/zip';

/** A deterministic pseudo-random generator, so a failure can be replayed. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32; };
}
const utf8 = (s: string) => new TextEncoder().encode(s);
/** Byte equality (vitest's deep equality is slow on large typed arrays). */
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));

function sheetLike(rows: number): Uint8Array {
  const rnd = lcg(7);
  let xml = '<sheetData>';
  for (let r = 1; r <= rows; r++) {
    xml += `<row r="${r}">`;
    for (const c of ['A', 'B', 'C', 'D', 'AB']) xml += rnd() < 0.5 ? `<c r="${c}${r}" s="1" t="s"><v>${Math.floor(rnd() * 5000)}</v></c>` : `<c r="${c}${r}" s="3"><v>${rnd()}</v></c>`;
    xml += '</row>';
  }
  return utf8(`${xml}</sheetData>`);
}

const inputs: [string, () => Uint8Array][] = [
  ['empty', () => new Uint8Array(0)],
  ['one byte', () => new Uint8Array([42])],
  ['short text', () => utf8('abcabcabcabc, Phường Thắng Tam, abcabc')],
  ['random bytes (incompressible, several blocks)', () => { const r = lcg(1); return Uint8Array.from({ length: 300_000 }, () => Math.floor(r() * 256)); }],
  ['one byte repeated (maximal matches, distance 1)', () => new Uint8Array(500_000).fill(0x41)],
  ['few-symbol text (skewed Huffman codes)', () => { const r = lcg(2); return Uint8Array.from({ length: 200_000 }, () => (r() < 0.97 ? 97 : 98 + Math.floor(r() * 20))); }],
  ['spreadsheet XML over many blocks', () => sheetLike(20_000)],
  ['Vietnamese text with long-distance repeats', () => { const r = lcg(3); const words = ['Nhiệm vụ', 'chuyển đổi số', 'Phường', 'đã hoàn thành', 'Ủy ban nhân dân', 'kế hoạch']; return utf8(Array.from({ length: 40_000 }, () => words[Math.floor(r() * words.length)]).join(' ')); }],
];

describe('deflateRaw', () => {
  it('any bytes, and any repetitive text: zlib inflates them back (property)', () => {
    // Repetition is what exercises matches: a few words from a tiny alphabet, repeated at any distance.
    const repetitive = fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'ệ', '<', '"', ' '), maxLength: 40 }), { maxLength: 400 })
      .map((words) => utf8(words.join(words.length % 2 ? '' : '</c><c r="A1">')));
    fc.assert(fc.property(fc.oneof(fc.uint8Array({ maxLength: 70_000 }), repetitive), fc.integer({ min: 1, max: 32 }), (data, chain) => {
      return same(new Uint8Array(inflateRawSync(deflateRaw(data, { chain }))), data);
    }), { numRuns: 150 });
  });

  it.each(inputs)('%s: zlib inflates it back to the same bytes', (_name, make) => {
    const data = make();
    const packed = deflateRaw(data);
    expect(Buffer.from(inflateRawSync(packed)).equals(Buffer.from(data))).toBe(true);
  });

  it('compresses spreadsheet XML about as well as zlib at its default level', async () => {
    const { deflateRawSync } = await import('node:zlib');
    const data = sheetLike(20_000);
    const ours = deflateRaw(data).length;
    const zlib6 = deflateRawSync(data, { level: 6 }).length;
    expect(ours).toBeLessThan(zlib6 * 1.25);
    expect(ours).toBeLessThan(data.length / 3);
  });

  it('streams: input pushed in pieces of any size (past the 1 MiB buffer) gives the same bytes as in one piece', () => {
    const data = sheetLike(60_000); // about 3 MB: the input buffer slides several times
    expect(data.length).toBeGreaterThan(3 * (1 << 20));
    const whole = deflateRaw(data);
    const rnd = lcg(5);
    for (const piece of [() => 1 + Math.floor(rnd() * 100), () => 1 + Math.floor(rnd() * 300_000), () => (1 << 20) + 17]) {
      const d = new Deflater();
      for (let off = 0; off < data.length;) { const n = piece(); d.push(data.subarray(off, off + n)); off += n; }
      const packed = d.finish();
      expect(same(packed, whole)).toBe(true);
      expect(same(d.finish(), packed)).toBe(true);
      expect(() => d.push(new Uint8Array(1))).toThrow();
    }
    expect(Buffer.from(inflateRawSync(whole)).equals(Buffer.from(data))).toBe(true);
  });

  it('gives the same bytes for the same input, whatever the options', () => {
    const data = sheetLike(2_000);
    expect(same(deflateRaw(data), deflateRaw(data))).toBe(true);
    for (const o of [{ chain: 1 }, { chain: 32, nice: 258 }, { maxInsert: 1000 }]) expect(Buffer.from(inflateRawSync(deflateRaw(data, o))).equals(Buffer.from(data))).toBe(true);
  });
});

describe('huffmanLengths', () => {
  it('limits code lengths and keeps the code complete (Kraft sum 1)', () => {
    // Fibonacci weights make the optimal code 30 deep: it must be flattened to 15 bits.
    const fib = [1, 1];
    while (fib.length < 31) fib.push(fib[fib.length - 1]! + fib[fib.length - 2]!);
    for (const [freq, max] of [[fib, 15], [fib.slice(0, 19), 7], [[5, 0, 0, 3], 15], [[0, 9, 0], 15]] as const) {
      const lengths = huffmanLengths(freq, max);
      const used = [...lengths].filter((l) => l > 0);
      expect(Math.max(...used)).toBeLessThanOrEqual(max);
      freq.forEach((f, i) => expect(lengths[i]! > 0).toBe(f > 0));
      const kraft = used.reduce((s, l) => s + 2 ** -l, 0);
      expect(kraft).toBe(used.length === 1 ? 0.5 : 1);
    }
  });
});

describe('crc32', () => {
  it('equals zlib’s CRC-32, also when continued over pieces', () => {
    for (const [, make] of inputs) {
      const data = make();
      expect(crc32(data)).toBe(zlibCrc32(data));
      const cut = data.length >> 1;
      expect(crc32(data.subarray(cut), crc32(data.subarray(0, cut)))).toBe(zlibCrc32(data));
    }
  });
});

describe('ZipWriter', () => {
  const files: [string, Uint8Array][] = [
    ['[Content_Types].xml', utf8('<Types/>')],
    ['xl/worksheets/sheet1.xml', sheetLike(3_000)],
    ['random.bin', (() => { const r = lcg(9); return Uint8Array.from({ length: 5_000 }, () => Math.floor(r() * 256)); })()],
    ['empty.txt', new Uint8Array(0)],
  ];
  const zip = new ZipWriter();
  for (const [name, data] of files) {
    if (name !== 'xl/worksheets/sheet1.xml') { zip.add(name, data); continue; }
    // Streamed in pieces, as the workbook writes its worksheets.
    const entry = zip.open(name);
    for (let off = 0; off < data.length; off += 4096) entry.push(data.subarray(off, off + 4096));
    entry.close();
  }
  const bytes = zip.finish();

  it('is read back entry for entry by SheetJS’s zip reader', () => {
    const cfb = (XLSX as unknown as { CFB: { read(d: Uint8Array, o: { type: 'array' }): { FullPaths: string[]; FileIndex: { content: Uint8Array | number[] }[] } } }).CFB;
    const z = cfb.read(bytes, { type: 'array' });
    for (const [name, data] of files) {
      const i = z.FullPaths.findIndex((p) => p.endsWith(`/${name}`));
      expect(i, name).toBeGreaterThanOrEqual(0);
      expect(Buffer.from(Uint8Array.from(z.FileIndex[i]!.content)).equals(Buffer.from(data)), name).toBe(true);
    }
  });

  it('has a directory the importer accepts, with honest sizes; incompressible data is stored', () => {
    const r = inspectZip(bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.entries.map((e) => e.name)).toEqual(files.map(([n]) => n));
    for (const e of r.entries) {
      const data = files.find(([n]) => n === e.name)![1];
      expect(e.uncompressed).toBe(data.length);
      const raw = bytes.subarray(e.dataOffset, e.dataOffset + e.compressed);
      const back = e.method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
      expect(Buffer.from(back).equals(Buffer.from(data)), e.name).toBe(true);
    }
    expect(r.entries.find((e) => e.name === 'random.bin')?.method).toBe(0);
    expect(r.entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')?.method).toBe(8);
  });

  it('refuses names a zip reader could misread', () => {
    expect(() => new ZipWriter().add('dir/tên.xml', new Uint8Array(1))).toThrow();
    expect(() => new ZipWriter().add('', new Uint8Array(1))).toThrow();
  });
});
