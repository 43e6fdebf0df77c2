// A zip archive writer for .xlsx packages (pure: no Node, no DOM). Each entry is deflated once as
// it is added (method 8, or stored when deflate does not help) and only its compressed bytes are
// kept; `open` streams an entry in pieces, so a large worksheet is never held whole; `finish` lays out local headers, data, the central
// directory and the end record. No zip64: an .xlsx entry over 4 GiB is far beyond Excel's limits.
import { Deflater, crc32, deflateRaw } from './deflate';

type Entry = { name: Uint8Array; method: 0 | 8; crc: number; size: number; data: Uint8Array };

const asciiName = (name: string): Uint8Array => {
  if (!/^[\x21-\x7e]+$/u.test(name)) throw new Error(`zip entry name must be printable ASCII: ${name}`);
  return Uint8Array.from(name, (c) => c.charCodeAt(0));
};

export class ZipWriter {
  private readonly entries: Entry[] = [];

  /** Streams an entry: `push` its bytes in pieces, `close` when done (always deflated). */
  open(name: string): { push(chunk: Uint8Array): void; close(): void } {
    const encoded = asciiName(name);
    const d = new Deflater();
    let crc = 0;
    let size = 0;
    let closed = false;
    return {
      push: (chunk) => {
        if (closed) throw new Error(`zip entry already closed: ${name}`);
        crc = crc32(chunk, crc);
        size += chunk.length;
        if (size > 0xfffffff0) throw new Error(`zip entry too large: ${name}`);
        d.push(chunk);
      },
      close: () => {
        if (closed) return;
        closed = true;
        this.entries.push({ name: encoded, method: 8, crc, size, data: d.finish() });
      },
    };
  }

  /** Adds `data` as `name` (deflated unless that makes it larger). */
  add(name: string, data: Uint8Array): void {
    if (data.length > 0xfffffff0) throw new Error(`zip entry too large: ${name}`);
    const packed = deflateRaw(data);
    const stored = packed.length >= data.length;
    this.entries.push({ name: asciiName(name), method: stored ? 0 : 8, crc: crc32(data), size: data.length, data: stored ? data : packed });
  }

  /** The archive, entries in the order they were added. */
  finish(): Uint8Array {
    const es = this.entries;
    const local = es.reduce((n, e) => n + 30 + e.name.length + e.data.length, 0);
    const central = es.reduce((n, e) => n + 46 + e.name.length, 0);
    if (local + central > 0xfffffff0 || es.length > 0xffff) throw new Error('zip archive too large');
    const out = new Uint8Array(local + central + 22);
    const view = new DataView(out.buffer);
    let p = 0;
    const u16 = (v: number) => { view.setUint16(p, v, true); p += 2; };
    const u32 = (v: number) => { view.setUint32(p, v >>> 0, true); p += 4; };
    // 1980-01-01 00:00: a fixed date, so the same report gives the same bytes.
    const DOS_TIME = 0;
    const DOS_DATE = (1 << 5) | 1;
    const offsets: number[] = [];
    for (const e of es) {
      offsets.push(p);
      u32(0x04034b50); u16(20); u16(0); u16(e.method); u16(DOS_TIME); u16(DOS_DATE);
      u32(e.crc); u32(e.data.length); u32(e.size); u16(e.name.length); u16(0);
      out.set(e.name, p); p += e.name.length;
      out.set(e.data, p); p += e.data.length;
    }
    const cdStart = p;
    es.forEach((e, i) => {
      u32(0x02014b50); u16(20); u16(20); u16(0); u16(e.method); u16(DOS_TIME); u16(DOS_DATE);
      u32(e.crc); u32(e.data.length); u32(e.size); u16(e.name.length); u16(0); u16(0); u16(0); u16(0); u32(0);
      u32(offsets[i]!);
      out.set(e.name, p); p += e.name.length;
    });
    const cdSize = p - cdStart;
    u32(0x06054b50); u16(0); u16(0); u16(es.length); u16(es.length); u32(cdSize); u32(cdStart); u16(0);
    return out;
  }
}
