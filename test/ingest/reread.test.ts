import { describe, expect, it } from 'vitest';
import type { Word } from '../../src/model/document.js';
import { acceptReading, brokenFigures, crop, groupBox, isBrokenFigure, readsAsFigure, stackCrops, unstack } from '../../src/ingest/reread.js';

const w = (text: string, x0: number, y0 = 100, width = text.length * 5, h = 10): Word => ({ text, bbox: [x0, y0, x0 + width, y0 + h], ocr: true, conf: 50 });

describe('second reading of broken figures', () => {
  it.each([
    ['4B', true],
    ['126.53l', true],
    ['9O,1O', true],
    ['92,45', false],
    ['Rp 1.000.000,-', false],
    ['Sangat', false],
    ['-', false],
  ])('%s is a broken figure: %s', (text, broken) => {
    expect(isBrokenFigure(w(text, 0))).toBe(broken);
  });

  it.each([
    ['92.45', true],
    ['1.250.000', true],
    ['106,26%', true],
    ['-', true],
    ['2023', true],
    ['828106.2658', false],
    ['8245109', false],
    ['82 4B', false],
  ])('%s reads as one printed figure: %s', (text, ok) => {
    expect(readsAsFigure(text)).toBe(ok);
  });

  it('groups a broken figure with the pieces touching it on its line, not with the next cell', () => {
    const words = [w('Nilai', 10), w('82', 200, 100, 10), w('4B', 212, 100, 10), w('oe', 260, 100, 10), w('106,26%', 300), w('4B', 212, 140, 10)];
    expect(brokenFigures(words).map((g) => g.map((x) => x.text))).toEqual([['82', '4B'], ['4B']]);
  });

  it('reads the group from its box widened by a third of its height, clipped to the page, and moves the new words back', () => {
    const img = { width: 1000, height: 1000, data: new Uint8Array(1_000_000).fill(255) };
    const box = groupBox([w('82', 200, 100, 10), w('4B', 212, 100, 10)], 144, img);
    expect(box).toEqual([393, 193, 451, 227]);
    const part = crop(img, box);
    expect([part.width, part.height]).toEqual([58, 34]);
    const moved = acceptReading([w('92.45', 2, 3)], box, 144);
    expect(moved![0]!.bbox).toEqual([198.5, 99.5, 223.5, 109.5]);
    expect(acceptReading([w('92.4B', 2, 3)], box, 144)).toBeNull();
    expect(acceptReading([], box, 144)).toBeNull();
  });
});

describe('one sheet for all the crops of a page', () => {
  it('stacks crops with blank bands between them and gives each read word back to its crop', () => {
    const a = { width: 40, height: 10, data: new Uint8Array(400).fill(0) };
    const b = { width: 20, height: 16, data: new Uint8Array(320).fill(0) };
    const { sheet, offsets } = stackCrops([a, b]);
    expect(offsets).toEqual([16, 42]);
    expect([sheet.width, sheet.height]).toEqual([72, 74]);
    expect(sheet.data[16 * 72 + 16]).toBe(0);
    expect(sheet.data[30 * 72 + 16]).toBe(255);
    // Words in points at 72 dpi (1 px = 1 pt): one on each crop's line.
    const words = unstack([w('92.45', 18, 17, 20, 8), w('106,26%', 17, 45, 15, 10)], [a, b], offsets, 72);
    expect(words.map((ws) => ws.map((x) => [x.text, x.bbox]))).toEqual([[['92.45', [2, 1, 22, 9]]], [['106,26%', [1, 3, 16, 13]]]]);
  });
});
