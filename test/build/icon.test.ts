// The icon is drawn by build/make-icon.mjs; the committed files are what it draws.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ICO_SIZES, makeIcons, renderRgba } from '../../build/make-icon.mjs';

const buildDir = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), 'build');
const drawn = makeIcons();

/** Width, height and the raw scanlines of a PNG (its IDAT chunks, inflated). */
function readPng(png: Buffer) {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const idat: Buffer[] = [];
  let width = 0;
  let height = 0;
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') [width, height] = [data.readUInt32BE(0), data.readUInt32BE(4)];
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  return { width, height, rows: inflateSync(Buffer.concat(idat)) };
}

describe('app icon', () => {
  it('icon.png is the 256×256 drawing', () => {
    const { width, height, rows } = readPng(readFileSync(join(buildDir, 'icon.png')));
    expect([width, height]).toEqual([256, 256]);
    expect(rows).toEqual(readPng(drawn.png).rows);
  });

  it('icon.ico holds every size as PNG, as the generator writes it', () => {
    const ico = readFileSync(join(buildDir, 'icon.ico'));
    expect(ico).toEqual(drawn.ico);
    expect(ico.readUInt16LE(4)).toBe(ICO_SIZES.length);
  });

  it('is opaque inside and transparent in the corners', () => {
    const rgba = renderRgba(64);
    const alpha = (x: number, y: number) => rgba[(y * 64 + x) * 4 + 3];
    expect(alpha(0, 0)).toBe(0);
    expect(alpha(32, 32)).toBe(255);
  });
});
