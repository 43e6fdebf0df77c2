// Draws resources/icons/icon.png (512x512) from the same shapes as icon.svg, with no image
// library: a few rectangles, 4x4 supersampled, written as a PNG with node:zlib.
// Run: node resources/icons/make-icon.mjs (the PNG is committed; it is ~10 KB).
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SS = 4;
const BLUE = [29, 95, 166];
const WHITE = [255, 255, 255];
const LINE = [156, 192, 232];
const RED = [218, 37, 29];

const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;

/** Colour at a point in unit coordinates, or null for transparent. Mirrors icon.svg. */
function colour(x, y) {
  if (inRect(x, y, 0.56, 0.2, 0.64, 0.33)) return RED; // bookmark ribbon, over the page edge
  if (!inRoundRect(x, y, 0.03, 0.03, 0.97, 0.97, 0.18)) return null;
  const page = inRoundRect(x, y, 0.18, 0.26, 0.485, 0.76, 0.03) || inRoundRect(x, y, 0.515, 0.26, 0.82, 0.76, 0.03);
  if (!page) return BLUE;
  for (const ly of [0.36, 0.45, 0.54, 0.63])
    if (inRect(x, y, 0.23, ly, 0.44, ly + 0.025) || inRect(x, y, 0.56, ly, 0.77, ly + 0.025)) return LINE;
  return WHITE;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  raw[py * (SIZE * 4 + 1)] = 0; // filter: none
  for (let px = 0; px < SIZE; px++) {
    const acc = [0, 0, 0, 0];
    for (let sy = 0; sy < SS; sy++)
      for (let sx = 0; sx < SS; sx++) {
        const c = colour((px + (sx + 0.5) / SS) / SIZE, (py + (sy + 0.5) / SS) / SIZE);
        if (c) { acc[0] += c[0]; acc[1] += c[1]; acc[2] += c[2]; acc[3] += 1; }
      }
    const o = py * (SIZE * 4 + 1) + 1 + px * 4;
    const n = acc[3];
    raw[o] = n ? Math.round(acc[0] / n) : 0;
    raw[o + 1] = n ? Math.round(acc[1] / n) : 0;
    raw[o + 2] = n ? Math.round(acc[2] / n) : 0;
    raw[o + 3] = Math.round((n / (SS * SS)) * 255);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`icon.png: ${png.length} bytes`);
