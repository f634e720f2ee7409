import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { Page } from '../../src/model/document.js';
import { ocrAvailable, ocrPages } from '../../src/ingest/ocr.js';
import { ctcWords, paddleAvailable, readingOrder, resizeGray, splitAtGaps, textRegions, wordGaps, type PaddleWord } from '../../src/ingest/ocr-paddle.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// A one-page LibreOffice report with a bordered capaian table; its text layer is the reference.
const FIXTURE = path.join(root, 'test/fixtures/pdf/bordered.lo.pdf');
const FIGURES = ['69%', '51,80%', '75,07%', '88', '93,05', '105,74%', '65%', '51,85%', '79,77%', '7,50', '7,12', '94,93%'];

const paddle = await paddleAvailable();
const tools = await ocrAvailable();

describe('ocr-paddle: pure steps', () => {
  it('finds one region per connected blob above the threshold, grown by the unclip distance', () => {
    const w = 10;
    const h = 6;
    const prob = new Float32Array(w * h);
    // a 4×2 blob at x 1..4, y 1..2 and a 2×2 blob at x 7..8, y 3..4
    for (const [x, y] of [[1, 1], [2, 1], [3, 1], [4, 1], [1, 2], [2, 2], [3, 2], [4, 2], [7, 3], [8, 3], [7, 4], [8, 4]] as const) prob[y * w + x] = 0.8;
    const regions = textRegions(prob, w, h, 0.3, 1.5, 2);
    expect(regions).toHaveLength(2);
    const [a, b] = regions;
    expect(a!.score).toBeCloseTo(0.8);
    // area 8, perimeter 12: distance 8 × 1.5 / 12 = 1
    expect(a!.box).toEqual([0, 0, 6, 4]);
    expect(b!.box.map((v) => Math.round(v * 100) / 100)).toEqual([6.25, 2.25, 9.75, 5.75]);
  });

  it('drops specks thinner than the minimum side', () => {
    const prob = new Float32Array([0, 0.9, 0, 0]);
    expect(textRegions(prob, 4, 1)).toEqual([]);
  });

  it('decodes CTC steps into words split at spaces, with their steps and confidence', () => {
    const dict = ['', '1', '2', '%', ' '];
    // steps: 1 1 blank 2 % space space 2
    const best = [1, 1, 0, 2, 3, 4, 4, 2];
    const classes = dict.length;
    const data = new Float32Array(best.length * classes);
    best.forEach((k, t) => (data[t * classes + k] = 0.9));
    const words = ctcWords(data, best.length, classes, dict);
    expect(words.map((w) => [w.text, w.from, w.to])).toEqual([
      ['12%', 0, 4],
      ['2', 7, 7],
    ]);
    expect(words[0]!.conf).toBeCloseTo(90);
    expect(words[0]!.at).toEqual([0, 3, 4]);
  });

  it('finds the blank runs between words, not the narrow ones between letters', () => {
    // a line 20 px high: ink at x 2..9 and 11..18 (a 1-px gap: letters), then 30..39 (an 11-px gap: a space)
    const width = 44;
    const height = 20;
    const data = new Uint8Array(width * height).fill(255);
    for (let y = 2; y < 18; y++) for (const [a, b] of [[2, 10], [11, 19], [30, 40]] as const) for (let x = a; x < b; x++) data[y * width + x] = 0;
    expect(wordGaps({ width, height, data })).toEqual([[19, 30]]);
  });

  it('splits a word whose neighbouring characters have a gap between them', () => {
    const word = { text: 'danumum', from: 0, to: 12, conf: 99, at: [0, 2, 4, 7, 9, 11, 12], probs: [1, 1, 1, 1, 1, 1, 0.94] };
    // step 4 px: characters at 2, 10, 18 | gap 20..26 | 30, 38, 46, 50
    const parts = splitAtGaps(word, [[20, 26]], 4);
    expect(parts.map((w) => [w.text, w.from, w.to])).toEqual([
      ['dan', 0, 4],
      ['umum', 7, 12],
    ]);
    expect(parts[1]!.conf).toBeCloseTo(98.5);
    expect(splitAtGaps(word, [], 4)).toEqual([word]);
  });

  it('keeps a figure whole across the gap a narrow 1 leaves', () => {
    const word = { text: '114%', from: 0, to: 6, conf: 99, at: [0, 2, 4, 6], probs: [1, 1, 1, 1] };
    expect(splitAtGaps(word, [[4, 9]], 4).map((w) => w.text)).toEqual(['114%']);
  });

  it('orders words by rows, then left to right', () => {
    const w = (text: string, x: number, y: number): PaddleWord => ({ text, box: [x, y, x + 20, y + 10], conf: 99 });
    expect(readingOrder([w('c', 0, 30), w('b', 50, 2), w('a', 0, 0)]).map((x) => x.text)).toEqual(['a', 'b', 'c']);
  });

  it('resizes a gray image bilinearly', () => {
    const img = { width: 2, height: 1, data: new Uint8Array([0, 255]) };
    expect([...resizeGray(img, 4, 1).data]).toEqual([0, 64, 191, 255]);
    expect(resizeGray(img, 1, 1).data[0]).toBe(128);
  });
});

describe.skipIf(!paddle.ok || !tools.ok)('ocr-paddle: a rendered page', () => {
  afterEach(() => {
    delete process.env.LKJIP_OCR_ENGINE;
  });

  it('reads every figure of the fixture table, each in its own word placed in its column', { timeout: 120_000 }, async () => {
    const [r] = await ocrPages(FIXTURE, [1], { engine: 'paddle' });
    expect(r?.error).toBeUndefined();
    const page = Page.parse(r!.result);
    expect(page.source).toBe('ocr');
    expect(page.words.every((w) => w.ocr && typeof w.conf === 'number')).toBe(true);
    const texts = page.words.map((w) => w.text);
    for (const f of FIGURES) expect(texts).toContain(f);
    // Target, Realisasi and Capaian are three columns: their figures' boxes do not overlap across columns.
    const x = (t: string): number => page.words.find((w) => w.text === t)!.bbox[0];
    expect(x('69%')).toBeLessThan(x('51,80%'));
    expect(x('51,80%')).toBeLessThan(x('75,07%'));
    const header = page.words.find((w) => w.text === 'Realisasi')!;
    const figure = page.words.find((w) => w.text === '93,05')!;
    expect(figure.bbox[0]).toBeGreaterThan(header.bbox[0] - 30);
    expect(figure.bbox[2]).toBeLessThan(header.bbox[2] + 30);
  });

  it('is chosen by LKJIP_OCR_ENGINE and rejects an unknown engine name', { timeout: 120_000 }, async () => {
    process.env.LKJIP_OCR_ENGINE = 'nope';
    const [bad] = await ocrPages(FIXTURE, [1]);
    expect(bad?.error?.code).toBe('E_BAD_ARGUMENT');
    process.env.LKJIP_OCR_ENGINE = 'paddle';
    const [r] = await ocrPages(FIXTURE, [1], { dpi: 200 });
    expect(r?.error).toBeUndefined();
    expect(r?.result?.words.map((w) => w.text)).toContain('105,74%');
  });
});
