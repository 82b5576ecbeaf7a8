// Draws the app icon in code (no image tools, no downloads) and writes build/icon.png (256×256)
// and build/icon.ico (256, 64, 48, 32, 16 px, PNG-compressed entries as Windows Vista+ reads them).
// The picture: a blue rounded square, a white census form with three lines, a red office seal.
//   node build/make-icon.mjs
import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const SUPERSAMPLE = 4;
export const ICO_SIZES = [256, 64, 48, 32, 16];

const inRoundRect = (x, y, [x0, y0, x1, y1], r) => {
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && dx * dx + dy * dy <= r * r;
};
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const inPolygon = (x, y, pts) => {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i];
    const [xj, yj] = pts[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};
const star = (cx, cy, outer, inner) =>
  Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
  });

const SEAL_STAR = star(176, 180, 17, 7);
const LINES = [
  [88, 92, 168, 102],
  [88, 118, 168, 128],
  [88, 144, 136, 154],
];

/** The colour at a point of the 256×256 design, as [r, g, b, a] (0–255), painted back to front. */
function paint(x, y) {
  let c = [0, 0, 0, 0];
  const over = (rgb, alpha = 255) => {
    const a = alpha / 255;
    const out = c[3] / 255;
    const total = a + out * (1 - a);
    c =
      total === 0
        ? [0, 0, 0, 0]
        : [0, 1, 2].map((i) => (rgb[i] * a + c[i] * out * (1 - a)) / total).concat(total * 255);
  };
  if (inRoundRect(x, y, [8, 8, 248, 248], 48)) over([40 - y / 16, 100 - y / 10, 200 - y / 8]);
  if (inRoundRect(x, y, [64, 48, 192, 216], 14)) over([255, 255, 255]);
  if (inRoundRect(x, y, [100, 36, 156, 64], 10)) over([214, 226, 245]);
  for (const line of LINES) if (inRoundRect(x, y, line, 5)) over([47, 95, 185]);
  const ring = inCircle(x, y, 176, 180, 36) && !inCircle(x, y, 176, 180, 29);
  if (inCircle(x, y, 176, 180, 36)) over([255, 255, 255], 235);
  if (ring || inPolygon(x, y, SEAL_STAR)) over([215, 38, 38]);
  return c;
}

export function renderRgba(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let s = 0; s < n; s++) {
        const x = ((px + ((s % SUPERSAMPLE) + 0.5) / SUPERSAMPLE) / size) * 256;
        const y = ((py + (Math.floor(s / SUPERSAMPLE) + 0.5) / SUPERSAMPLE) / size) * 256;
        const [r, g, b, a] = paint(x, y);
        // Premultiplied, so transparent samples do not darken the edges.
        sum[0] += r * a;
        sum[1] += g * a;
        sum[2] += b * a;
        sum[3] += a;
      }
      const o = (py * size + px) * 4;
      const alpha = sum[3] / n;
      pixels[o] = alpha ? Math.round(sum[0] / sum[3]) : 0;
      pixels[o + 1] = alpha ? Math.round(sum[1] / sum[3]) : 0;
      pixels[o + 2] = alpha ? Math.round(sum[2] / sum[3]) : 0;
      pixels[o + 3] = Math.round(alpha);
    }
  }
  return pixels;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function encodeIco(images) {
  const dir = Buffer.alloc(6 + 16 * images.length);
  dir.writeUInt16LE(0, 0);
  dir.writeUInt16LE(1, 2); // 1 = icon
  dir.writeUInt16LE(images.length, 4);
  let offset = dir.length;
  images.forEach(({ size, png }, i) => {
    const e = 6 + 16 * i;
    dir.writeUInt8(size >= 256 ? 0 : size, e); // 0 means 256
    dir.writeUInt8(size >= 256 ? 0 : size, e + 1);
    dir.writeUInt16LE(1, e + 4); // colour planes
    dir.writeUInt16LE(32, e + 6); // bits per pixel
    dir.writeUInt32LE(png.length, e + 8);
    dir.writeUInt32LE(offset, e + 12);
    offset += png.length;
  });
  return Buffer.concat([dir, ...images.map((i) => i.png)]);
}

export function makeIcons() {
  const images = ICO_SIZES.map((size) => ({ size, png: encodePng(size, renderRgba(size)) }));
  return { png: images[0].png, ico: encodeIco(images) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = dirname(fileURLToPath(import.meta.url));
  const { png, ico } = makeIcons();
  writeFileSync(join(dir, 'icon.png'), png);
  writeFileSync(join(dir, 'icon.ico'), ico);
  console.log(`图标已生成：${join(dir, 'icon.png')}、${join(dir, 'icon.ico')}`);
}
