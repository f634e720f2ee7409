import { describe, expect, it } from 'vitest';
import { backgroundLevel, estimateSkew, inkThreshold, rotate } from '../../src/ingest/deskew.js';
import { detectRules, type GrayImage } from '../../src/ingest/raster.js';

/** A page with a table (rules) and text-like rows of blobs, drawn at `degrees` of skew about its centre. */
function skewedPage(degrees: number, paper = 255): GrayImage {
  const width = 900;
  const height = 700;
  const data = new Uint8Array(width * height).fill(paper);
  const t = Math.tan((degrees * Math.PI) / 180);
  const cx = width / 2;
  const put = (x: number, y: number, v: number): void => {
    const yy = Math.round(y + (x - cx) * t);
    if (x >= 0 && x < width && yy >= 0 && yy < height) data[yy * width + x] = v;
  };
  for (const y of [100, 200, 300, 400, 500]) for (let x = 80; x < 820; x++) for (let d = 0; d < 3; d++) put(x, y + d, 40);
  for (let row = 0; row < 4; row++) {
    for (let x = 100; x < 780; x += 14) for (let dx = 0; dx < 9; dx++) for (let dy = 0; dy < 20; dy++) put(x + dx, 140 + row * 100 + dy, 30);
  }
  return { width, height, data };
}

describe('deskew', () => {
  it.each([0, 0.4, -0.45, 1.5, -2.6, 3])('measures a skew of %s° to within 0.05°', (deg) => {
    expect(Math.abs(estimateSkew(skewedPage(deg)) - deg)).toBeLessThan(0.05);
  });

  it('returns 0 for a blank page', () => {
    expect(estimateSkew({ width: 300, height: 300, data: new Uint8Array(90_000).fill(255) })).toBe(0);
  });

  it('straightens a skewed table so its borders are found whole', () => {
    const page = skewedPage(2.5);
    const before = detectRules(page).filter((r) => r.orientation === 'h' && r.x1 - r.x0 > 700);
    const straight = rotate(page, estimateSkew(page));
    const after = detectRules(straight).filter((r) => r.orientation === 'h' && r.x1 - r.x0 > 700);
    expect(before.length).toBeLessThan(5);
    expect(after).toHaveLength(5);
    for (const r of after) expect(r.y1 - r.y0).toBeLessThanOrEqual(5);
  });

  it('fills the uncovered corners with the paper and leaves a zero rotation unchanged', () => {
    const page = skewedPage(0, 236);
    expect(backgroundLevel(page)).toBe(236);
    const turned = rotate(page, 3);
    expect(turned.data[0]).toBe(236);
    expect(rotate(page, 0).data).toEqual(page.data);
  });

  it('puts the ink threshold between the ink and a grey paper', () => {
    const t = inkThreshold(skewedPage(0, 230));
    expect(t).toBeGreaterThan(40);
    expect(t).toBeLessThanOrEqual(230);
  });
});
