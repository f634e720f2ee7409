import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cropRegions, encodePng } from '../../src/ingest/crop.js';

const SMALL = 'test/fixtures/pdf/bordered.lo.pdf';

function readPng(png: Uint8Array): { width: number; height: number; pixels: Uint8Array } {
  const buf = Buffer.from(png);
  expect([...buf.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let pos = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9]]).toEqual([8, 0]);
    }
    if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  return { width, height, pixels: new Uint8Array(inflateSync(Buffer.concat(idat))) };
}

describe('page crops', () => {
  it('encodes a gray image as a PNG whose rows hold the pixels', () => {
    const data = new Uint8Array([0, 64, 128, 255, 10, 20]);
    const { width, height, pixels } = readPng(encodePng({ width: 3, height: 2, data }));
    expect([width, height]).toEqual([3, 2]);
    expect([...pixels]).toEqual([0, 0, 64, 128, 0, 255, 10, 20]);
  });

  it('cuts regions out of rendered pages, clamped to the page, with ink where the page has text', async () => {
    const [strip, outside] = await cropRegions(SMALL, [
      { page: 1, box: [0, 0, 10_000, 200] },
      { page: 99, box: [0, 0, 100, 100] },
    ]);
    expect(outside).toBeNull();
    expect(strip).not.toBeNull();
    const { width, height, pixels } = readPng(strip!.png);
    expect(width).toBe(strip!.width);
    expect(height).toBe(Math.round(200 * (110 / 72)));
    // The width is clamped to the page (A4 or Letter: at most 612 pt).
    expect(strip!.box[2]).toBeLessThanOrEqual(613);
    expect(strip!.box[2]).toBeGreaterThan(500);
    expect(pixels.some((p, i) => i % (width + 1) !== 0 && p < 100)).toBe(true);
  });
});

describe('page crops without pdftoppm', () => {
  it('is E_OCR_UNAVAILABLE, saying what to install', async () => {
    const err = await cropRegions(SMALL, [{ page: 1, box: [0, 0, 100, 100] }], { pdftoppmPath: '/nonexistent/pdftoppm' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'E_OCR_UNAVAILABLE' });
    expect(String((err as Error).message)).toMatch(/poppler-utils/);
  });
});
