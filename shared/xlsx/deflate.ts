// Raw DEFLATE (RFC 1951) and CRC-32 in plain TypeScript, for writing .xlsx packages in the core,
// which runs in the renderer, a worker and Node alike (no zlib, no CompressionStream: both are
// host-specific, and the browser's is asynchronous). Greedy LZ77 over a 32 KiB window with short
// hash chains, then one dynamic-Huffman block per 64 Ki symbols. Tuned for spreadsheet XML, which
// is long runs of near-identical markup: a few chain steps find most of what zlib -6 finds, at a
// fraction of the time. Output is checked against zlib's inflater in tests/unit/core/xlsx/deflate.test.ts.

const LEN_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LEN_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
/** Order in which the code-length code's lengths are written. */
const CLEN_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** Length (3..258) → length code index 0..28; distance (1..32768) → distance code 0..29. */
const LEN_CODE = new Uint8Array(259);
const DIST_CODE = new Uint8Array(32769);
for (let c = 0; c < 29; c++) for (let l = LEN_BASE[c]!; l < (LEN_BASE[c + 1] ?? 259); l++) LEN_CODE[l] = c;
LEN_CODE[258] = 28;
for (let c = 0; c < 30; c++) for (let d = DIST_BASE[c]!; d < (DIST_BASE[c + 1] ?? 32769); d++) DIST_CODE[d] = c;

const WINDOW = 32768;
const WMASK = WINDOW - 1;
const HASH_BITS = 16;
const MAX_MATCH = 258;
/** Symbols per block: the Huffman codes adapt to each 64 Ki symbols. */
const BLOCK_SYMBOLS = 0xffff;

export type DeflateOptions = {
  /** Candidates tried per position (default 8): more finds longer matches, slower. */
  chain?: number;
  /** A match this long is taken without looking further (default 64). */
  nice?: number;
  /** Positions inside a match longer than this are not indexed (default 16), except its last 3. */
  maxInsert?: number;
};

/**
 * Huffman code lengths for `freq` (n symbols), none longer than `maxBits`. Symbols with frequency 0
 * get length 0. When the optimal code is too deep, frequencies are flattened and the code rebuilt
 * (rare: it needs a Fibonacci-like spread of counts).
 */
export function huffmanLengths(freq: ArrayLike<number>, maxBits: number): Uint8Array {
  const n = freq.length;
  const lengths = new Uint8Array(n);
  let f = Array.from(freq);
  for (;;) {
    const leaves: number[] = [];
    for (let i = 0; i < n; i++) if ((f[i] ?? 0) > 0) leaves.push(i);
    if (leaves.length === 0) return lengths;
    if (leaves.length === 1) { lengths[leaves[0]!] = 1; return lengths; }
    leaves.sort((a, b) => (f[a]! - f[b]!) || (a - b));
    // Two-queue Huffman: leaves in order of weight, internal nodes are created in order of weight.
    const m = leaves.length;
    const weight = new Float64Array(2 * m);
    const parent = new Int32Array(2 * m);
    for (let i = 0; i < m; i++) weight[i] = f[leaves[i]!]!;
    let li = 0;
    let ni = m;
    let next = m;
    const pick = () => (li < m && (ni >= next || weight[li]! <= weight[ni]!) ? li++ : ni++);
    while (next < 2 * m - 1) {
      const a = pick();
      const b = pick();
      weight[next] = weight[a]! + weight[b]!;
      parent[a] = next;
      parent[b] = next;
      next++;
    }
    const depth = new Int32Array(2 * m);
    let max = 0;
    for (let i = 2 * m - 3; i >= 0; i--) { depth[i] = depth[parent[i]!]! + 1; }
    for (let i = 0; i < m; i++) { lengths[leaves[i]!] = depth[i]!; if (depth[i]! > max) max = depth[i]!; }
    if (max <= maxBits) return lengths;
    f = f.map((x) => (x > 0 ? (x >> 1) + 1 : 0));
    lengths.fill(0);
  }
}

/** Canonical codes for `lengths`, bit-reversed (DEFLATE sends Huffman codes most significant bit first). */
function canonicalCodes(lengths: Uint8Array): Uint16Array {
  const count = new Uint16Array(16);
  for (const l of lengths) if (l) count[l]!++;
  const next = new Uint16Array(16);
  let code = 0;
  for (let b = 1; b < 16; b++) { code = (code + count[b - 1]!) << 1; next[b] = code; }
  const codes = new Uint16Array(lengths.length);
  for (let i = 0; i < lengths.length; i++) {
    const l = lengths[i]!;
    if (!l) continue;
    let c = next[l]!++;
    let r = 0;
    for (let k = 0; k < l; k++) { r = (r << 1) | (c & 1); c >>= 1; }
    codes[i] = r;
  }
  return codes;
}

/** The output bit stream: bytes so far and the bits not yet making a byte. */
type Bits = { out: Uint8Array; op: number; buf: number; cnt: number };

function ensure(w: Bits, extra: number): void {
  if (w.op + extra <= w.out.length) return;
  const bigger = new Uint8Array(Math.max(w.out.length * 2, w.op + extra));
  bigger.set(w.out.subarray(0, w.op));
  w.out = bigger;
}

function putBits(w: Bits, bits: number, count: number): void {
  w.buf |= bits << w.cnt;
  w.cnt += count;
  while (w.cnt >= 8) { w.out[w.op++] = w.buf & 255; w.buf >>>= 8; w.cnt -= 8; }
}

/** Writes one dynamic-Huffman block of `count` symbols (`syms`/`dists`), with the frequencies counted for it. */
function writeBlock(w: Bits, syms: Uint16Array, dists: Uint16Array, count: number, litFreq: Uint32Array, distFreq: Uint32Array, last: boolean): void {
  litFreq[256] = 1;
  const litLen = huffmanLengths(litFreq, 15);
  const distLen = huffmanLengths(distFreq, 15);
  let nlit = 286;
  while (nlit > 257 && litLen[nlit - 1] === 0) nlit--;
  let ndist = 30;
  while (ndist > 1 && distLen[ndist - 1] === 0) ndist--;
  if (distLen[0] === 0 && ndist === 1) distLen[0] = 1; // at least one distance code, even unused
  // Code lengths of both trees in one run, RLE-coded with 16 (repeat), 17 and 18 (zeros).
  const all = new Uint8Array(nlit + ndist);
  all.set(litLen.subarray(0, nlit));
  all.set(distLen.subarray(0, ndist), nlit);
  const rle: number[] = [];
  const clFreq = new Uint32Array(19);
  for (let i = 0; i < all.length;) {
    const l = all[i]!;
    let run = 1;
    while (i + run < all.length && all[i + run] === l) run++;
    i += run;
    if (l === 0) {
      while (run >= 11) { const r = Math.min(run, 138); rle.push(18, r - 11); clFreq[18]!++; run -= r; }
      if (run >= 3) { rle.push(17, run - 3); clFreq[17]!++; run = 0; }
    } else {
      rle.push(l, 0); clFreq[l]!++; run--;
      while (run >= 3) { const r = Math.min(run, 6); rle.push(16, r - 3); clFreq[16]!++; run -= r; }
    }
    for (; run > 0; run--) { rle.push(l, 0); clFreq[l]!++; }
  }
  const clLen = huffmanLengths(clFreq, 7);
  const clCode = canonicalCodes(clLen);
  let nclen = 19;
  while (nclen > 4 && clLen[CLEN_ORDER[nclen - 1]!] === 0) nclen--;
  const litCode = canonicalCodes(litLen);
  const distCode = canonicalCodes(distLen);

  ensure(w, count * 6 + 1024); // at most 48 bits a symbol, plus the header
  putBits(w, last ? 1 : 0, 1);
  putBits(w, 2, 2);
  putBits(w, nlit - 257, 5);
  putBits(w, ndist - 1, 5);
  putBits(w, nclen - 4, 4);
  for (let i = 0; i < nclen; i++) putBits(w, clLen[CLEN_ORDER[i]!]!, 3);
  for (let i = 0; i < rle.length; i += 2) {
    const s = rle[i]!;
    putBits(w, clCode[s]!, clLen[s]!);
    if (s === 16) putBits(w, rle[i + 1]!, 2);
    else if (s === 17) putBits(w, rle[i + 1]!, 3);
    else if (s === 18) putBits(w, rle[i + 1]!, 7);
  }
  // The symbols, with the bit buffer in locals (the hot loop).
  const out = w.out;
  let op = w.op;
  let buf = w.buf;
  let cnt = w.cnt;
  for (let i = 0; i < count; i++) {
    const s = syms[i]!;
    if (s < 256) {
      buf |= litCode[s]! << cnt; cnt += litLen[s]!;
    } else {
      const len = s - 256;
      const lc = LEN_CODE[len]!;
      buf |= litCode[257 + lc]! << cnt; cnt += litLen[257 + lc]!;
      const le = LEN_EXTRA[lc]!;
      if (le) { buf |= (len - LEN_BASE[lc]!) << cnt; cnt += le; }
      while (cnt >= 8) { out[op++] = buf & 255; buf >>>= 8; cnt -= 8; }
      const d = dists[i]!;
      const dc = DIST_CODE[d]!;
      buf |= distCode[dc]! << cnt; cnt += distLen[dc]!;
      while (cnt >= 8) { out[op++] = buf & 255; buf >>>= 8; cnt -= 8; }
      const de = DIST_EXTRA[dc]!;
      if (de) { buf |= (d - DIST_BASE[dc]!) << cnt; cnt += de; }
    }
    while (cnt >= 8) { out[op++] = buf & 255; buf >>>= 8; cnt -= 8; }
  }
  w.op = op;
  w.buf = buf;
  w.cnt = cnt;
  putBits(w, litCode[256]!, litLen[256]!);
  litFreq.fill(0);
  distFreq.fill(0);
}

/** Bytes kept ahead of the position being coded, so a match can run to its full length. */
const LOOKAHEAD = MAX_MATCH + 4;
/** The input buffer: the 32 KiB window behind the position plus room for what comes next. */
const INPUT_BUFFER = 1 << 20;

/**
 * Streaming raw DEFLATE: `push` input in pieces of any size, `finish` for the compressed bytes.
 * Only about 1 MiB of input is held at a time (the window and what follows it), so a 100 MB
 * worksheet never has to exist in memory as one piece.
 */
export class Deflater {
  private readonly maxChain: number;
  private readonly nice: number;
  private readonly maxInsert: number;
  private readonly w: Bits = { out: new Uint8Array(1 << 16), op: 0, buf: 0, cnt: 0 };
  private buf = new Uint8Array(INPUT_BUFFER);
  /** Bytes in `buf`; `pos` is the next one to code. Positions are indices into `buf`. */
  private filled = 0;
  private pos = 0;
  private readonly head = new Int32Array(1 << HASH_BITS).fill(-1);
  private readonly prev = new Int32Array(WINDOW);
  // A block's symbols: literal bytes (< 256) or 256 + match length, with its distance (0 for literals).
  private readonly syms = new Uint16Array(BLOCK_SYMBOLS + 1);
  private readonly dists = new Uint16Array(BLOCK_SYMBOLS + 1);
  private readonly litFreq = new Uint32Array(286);
  private readonly distFreq = new Uint32Array(30);
  private count = 0;
  private finished = false;

  constructor(options: DeflateOptions = {}) {
    this.maxChain = options.chain ?? 4;
    this.nice = Math.min(MAX_MATCH, options.nice ?? 64);
    this.maxInsert = options.maxInsert ?? 16;
  }

  push(data: Uint8Array): void {
    if (this.finished) throw new Error('Deflater: push after finish');
    for (let off = 0; off < data.length;) {
      if (this.filled === this.buf.length) { this.code(false); this.slide(); }
      const n = Math.min(this.buf.length - this.filled, data.length - off);
      this.buf.set(data.subarray(off, off + n), this.filled);
      this.filled += n;
      off += n;
    }
  }

  finish(): Uint8Array {
    if (!this.finished) {
      this.code(true);
      writeBlock(this.w, this.syms, this.dists, this.count, this.litFreq, this.distFreq, true);
      const w = this.w;
      if (w.cnt > 0) { ensure(w, 1); w.out[w.op++] = w.buf & 255; w.cnt = 0; }
      this.finished = true;
    }
    return this.w.out.slice(0, this.w.op);
  }

  /** Drops input more than a window behind the position (by whole windows, so `prev` slots keep their meaning). */
  private slide(): void {
    const delta = Math.floor((this.pos - WINDOW) / WINDOW) * WINDOW;
    if (delta <= 0) { // cannot happen with INPUT_BUFFER ≫ WINDOW + LOOKAHEAD; grow rather than fail
      const bigger = new Uint8Array(this.buf.length * 2);
      bigger.set(this.buf);
      this.buf = bigger;
      return;
    }
    this.buf.copyWithin(0, delta, this.filled);
    this.filled -= delta;
    this.pos -= delta;
    const { head, prev } = this;
    for (let k = 0; k < head.length; k++) { const v = head[k]! - delta; head[k] = v < 0 ? -1 : v; }
    for (let k = 0; k < prev.length; k++) { const v = prev[k]! - delta; prev[k] = v < 0 ? -1 : v; }
  }

  /** Codes the input up to LOOKAHEAD bytes before its end (to the end when `final`). */
  private code(final: boolean): void {
    const data = this.buf;
    const { head, prev, syms, dists, litFreq, distFreq, maxChain, nice, maxInsert } = this;
    const n = this.filled;
    const stop = final ? n : n - LOOKAHEAD;
    const hashEnd = n - 3; // a hash reads 4 bytes
    const SHIFT = 32 - HASH_BITS;
    let count = this.count;
    let i = this.pos;
    while (i < stop) {
      let bestLen = 0;
      let bestDist = 0;
      if (i < hashEnd) {
        const h = Math.imul(data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24), 0x9e3779b1) >>> SHIFT;
        let cand = head[h]!;
        head[h] = i;
        prev[i & WMASK] = cand;
        const limit = n - i < MAX_MATCH ? n - i : MAX_MATCH;
        let chain = maxChain;
        while (cand >= 0 && i - cand <= WINDOW && chain-- > 0) {
          if (data[cand + bestLen] === data[i + bestLen] && data[cand] === data[i] && data[cand + 1] === data[i + 1]) {
            let l = 2;
            while (l < limit && data[cand + l] === data[i + l]) l++;
            if (l > bestLen) { bestLen = l; bestDist = i - cand; if (l >= nice) break; }
          }
          const p = prev[cand & WMASK]!;
          if (p >= cand) break;
          cand = p;
        }
      }
      if (bestLen >= 4 || (bestLen === 3 && bestDist <= 4096)) {
        syms[count] = 256 + bestLen;
        dists[count] = bestDist;
        litFreq[257 + LEN_CODE[bestLen]!]!++;
        distFreq[DIST_CODE[bestDist]!]!++;
        // Long matches only index their last few positions: copies of long markup runs are found
        // from their start anyway, and hashing every byte of them is most of the time.
        const end = i + bestLen;
        i = bestLen > maxInsert ? end - 3 : i + 1;
        for (; i < end; i++) {
          if (i < hashEnd) {
            const h = Math.imul(data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24), 0x9e3779b1) >>> SHIFT;
            prev[i & WMASK] = head[h]!;
            head[h] = i;
          }
        }
      } else {
        const b = data[i]!;
        syms[count] = b;
        dists[count] = 0;
        litFreq[b]!++;
        i++;
      }
      if (++count === BLOCK_SYMBOLS) { writeBlock(this.w, syms, dists, count, litFreq, distFreq, false); count = 0; }
    }
    this.count = count;
    this.pos = i;
  }
}

/** Raw DEFLATE of `data` (no zlib or gzip wrapper), as zip entries of method 8 hold it. */
export function deflateRaw(data: Uint8Array, options: DeflateOptions = {}): Uint8Array {
  const d = new Deflater(options);
  d.push(data);
  return d.finish();
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256 * 4);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[i] = c;
  }
  for (let i = 0; i < 256; i++) for (let s = 1; s < 4; s++) t[s * 256 + i] = (t[(s - 1) * 256 + i]! >>> 8) ^ t[t[(s - 1) * 256 + i]! & 255]!;
  return t;
})();

/** CRC-32 (IEEE 802.3, as zip uses), continuing from `crc` (0 to start). */
export function crc32(data: Uint8Array, crc = 0): number {
  let c = ~crc;
  let i = 0;
  const n = data.length;
  const t = CRC_TABLE;
  for (; i + 4 <= n; i += 4) {
    c ^= data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24);
    c = t[768 + (c & 255)]! ^ t[512 + ((c >>> 8) & 255)]! ^ t[256 + ((c >>> 16) & 255)]! ^ t[c >>> 24]!;
  }
  for (; i < n; i++) c = t[(c ^ data[i]!) & 255]! ^ (c >>> 8);
  return ~c >>> 0;
}
