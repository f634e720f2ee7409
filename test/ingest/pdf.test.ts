import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AppError, type ErrorCode } from '../../src/errors.js';
import { ingest } from '../../src/ingest/index.js';
import { glyphOffsets, loadPdfBytes, parsePageRange, readPdf, selectPages, type RawPage, wordSpans } from '../../src/ingest/pdf.js';
import { mergeRules } from '../../src/layout/geometry.js';
import type { Rule, Word } from '../../src/model/document.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = path.join(root, 'test/fixtures');
const SEED_000 = path.join(root, 'samples/000_7d82b3f27f46e2ac.pdf');

interface Expected {
  fixtures: Record<string, { renderer: string; pageCount: number; pageSize: [number, number]; textLayer: boolean }>;
  bad: Record<string, { expectedError: ErrorCode }>;
}
const expected = JSON.parse(readFileSync(path.join(fixtures, 'expected.json'), 'utf8')) as Expected;

async function page1(name: string): Promise<RawPage> {
  const raw = await readPdf(path.join(fixtures, name));
  return raw.pages[0]!;
}

function find(words: Word[], text: string): Word {
  const w = words.find((x) => x.text === text);
  if (!w) throw new Error(`no word ${JSON.stringify(text)} among ${words.length}`);
  return w;
}

/** Rejection of a promise, so a test can check its exact type and code. */
async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

const RENDERERS = [
  // LibreOffice strokes each border as one long 0.5 pt line; Chromium fills a 1 px (0.75 pt)
  // rectangle per cell edge, 5 times as many pieces for the same grid.
  { name: 'LibreOffice', suffix: 'lo', pieces: 14, thickness: 0.5, hrulesThick: [0.75, 1.5] },
  { name: 'Chromium', suffix: 'chrome', pieces: 70, thickness: 0.75, hrulesThick: [0.75, 1.5] },
] as const;

describe.each(RENDERERS)('readPdf on $name fixtures', ({ suffix, pieces, thickness, hrulesThick }) => {
  it('reads the page size and the words of the text layer with plausible boxes', async () => {
    const raw = await readPdf(path.join(fixtures, `pdf/bordered.${suffix}.pdf`));
    const fx = expected.fixtures[`pdf/bordered.${suffix}.pdf`]!;
    expect(raw.pageCount).toBe(fx.pageCount);
    expect(raw.sha256).toMatch(/^[0-9a-f]{64}$/);
    const p = raw.pages[0]!;
    expect(p.width).toBeCloseTo(fx.pageSize[0], 0);
    expect(p.height).toBeCloseTo(fx.pageSize[1], 0);
    expect(p.source).toBe('text');
    expect(p.needsOcr).toBe(false);

    const tabel = find(p.words, 'Tabel');
    const [x0, y0, x1, y1] = tabel.bbox;
    // 20 mm margins: text starts at 56.7 pt; the caption sits above the table, in the top third.
    expect(x0).toBeGreaterThan(50);
    expect(x1).toBeGreaterThan(x0 + 15);
    expect(x1 - x0).toBeLessThan(40);
    expect(y1 - y0).toBeGreaterThan(8);
    expect(y1 - y0).toBeLessThan(16);
    expect(y0).toBeGreaterThan(56);
    expect(y1).toBeLessThan(p.height / 3);
    expect(tabel.ocr).toBe(false);
    expect(tabel.size).toBeGreaterThan(9);
    // The caption is bold, the body text is not.
    expect(tabel.bold).toBe(true);
    expect(find(p.words, 'Pengukuran').bold).toBeUndefined();

    // Words of one line share their band, left to right without overlap.
    const n31 = find(p.words, '3.1');
    expect(n31.bbox[0]).toBeGreaterThan(tabel.bbox[2]);
    expect(n31.bbox[0] - tabel.bbox[2]).toBeLessThan(6);
    expect(Math.abs(n31.bbox[1] - tabel.bbox[1])).toBeLessThan(1);
  });

  it('turns the borders into rules and finds the grid of the bordered table: 6 horizontal rules (header + 4 rows), 7 vertical (6 columns)', async () => {
    const p = await page1(`pdf/bordered.${suffix}.pdf`);
    expect(p.rules).toHaveLength(pieces);
    for (const r of p.rules) {
      expect(r.thickness).toBeCloseTo(thickness, 2);
      if (r.orientation === 'h') expect(r.y0).toBe(r.y1);
      else expect(r.x0).toBe(r.x1);
    }
    const h = mergeRules(p.rules, 'h');
    const v = mergeRules(p.rules, 'v');
    const ys = [...new Set(h.map((s) => Math.round(s.pos)))];
    const xs = v.map((s) => s.pos);
    expect(ys).toHaveLength(6);
    expect(xs).toHaveLength(7);
    // Outer frame at the 20 mm margins, every vertical rule spanning the table's height.
    expect(xs[0]).toBeCloseTo(57, 0);
    expect(xs[6]).toBeCloseTo(539, 0);
    const top = Math.min(...h.map((s) => s.pos));
    const bottom = Math.max(...h.map((s) => s.pos));
    for (const s of v) {
      expect(s.a).toBeLessThan(top + 1);
      expect(s.b).toBeGreaterThan(bottom - 1);
    }
    // The merged "Sasaran Strategis" cell (body rows 1–2) interrupts one horizontal rule in column 2.
    const broken = h.filter((s) => Math.abs(s.pos - ys[2]!) < 1);
    expect(broken).toHaveLength(2);
    expect(broken[0]!.b).toBeLessThan(xs[1]! + 2);
    expect(broken[1]!.a).toBeGreaterThan(xs[2]! - 2);
  });

  it('keeps the thickness of booktabs rules and joins their pieces', async () => {
    const p = await page1(`pdf/hrules.${suffix}.pdf`);
    expect(p.rules.every((r: Rule) => r.orientation === 'h')).toBe(true);
    const h = mergeRules(p.rules, 'h');
    expect(h).toHaveLength(3);
    for (const s of h) expect(s.b - s.a).toBeGreaterThan(480);
    const byPos = [...p.rules].sort((a, b) => a.y0 - b.y0);
    expect(byPos[0]!.thickness).toBeCloseTo(hrulesThick[1], 1);
    expect(byPos.map((r) => r.thickness)).toContain(hrulesThick[0]);
  });

  it('finds no rules and no grid on the borderless table', async () => {
    const p = await page1(`pdf/borderless.${suffix}.pdf`);
    expect(p.rules).toEqual([]);
    expect(find(p.words, '2.12.01.2.01.0001').bbox[0]).toBeLessThan(65);
  });

  it('reads only the requested pages and reports progress', async () => {
    const seen: Array<[number, number]> = [];
    const raw = await readPdf(path.join(fixtures, `pdf/multipage-repeat.${suffix}.pdf`), { pages: [3, 2, 3], onPage: (n, total) => seen.push([n, total]) });
    expect(raw.pageCount).toBe(3);
    expect(raw.pages.map((p) => p.page)).toEqual([2, 3]);
    expect(seen).toEqual([
      [2, 2],
      [3, 2],
    ]);
    // The repeated header is printed at the top of page 2.
    expect(raw.pages[0]!.words.some((w) => w.text === 'Satuan')).toBe(true);
  });

  it('hands each page to onPageRead and keeps none with keepPages: false (as the reader thread does)', async () => {
    const file = path.join(fixtures, `pdf/multipage-repeat.${suffix}.pdf`);
    const handed: RawPage[] = [];
    const raw = await readPdf(file, { keepPages: false, onPageRead: (p) => handed.push(p) });
    expect(raw.pages).toEqual([]);
    expect(raw.pageCount).toBe(3);
    expect(handed).toEqual((await readPdf(file)).pages);
  });
});

describe('readPdf on seed 000', () => {
  it('reads a landscape page with boxes inside its width', async () => {
    const raw = await readPdf(SEED_000, { pages: [7, 8] });
    const [portrait, landscape] = raw.pages;
    expect(portrait!.width).toBeLessThan(portrait!.height);
    expect(landscape!.width).toBeCloseTo(841.89, 1);
    expect(landscape!.height).toBeCloseTo(595.3, 1);
    const words = landscape!.words;
    expect(words.length).toBeGreaterThan(50);
    for (const w of words) {
      expect(w.bbox[0]).toBeGreaterThanOrEqual(0);
      expect(w.bbox[2]).toBeLessThanOrEqual(landscape!.width);
      expect(w.bbox[3]).toBeLessThanOrEqual(landscape!.height);
    }
    // "Tabel 4" is centred on the wide page, right of the portrait page's centre line.
    const tabel = find(words, 'Tabel');
    expect((tabel.bbox[0] + tabel.bbox[2]) / 2).toBeGreaterThan(360);
    expect(landscape!.rules.length).toBeGreaterThan(10);
  });

  it('flags the scanned last page for OCR and keeps no words from it', async () => {
    const raw = await readPdf(SEED_000, { pages: [54, 55] });
    const [text, scanned] = raw.pages;
    expect(text!.needsOcr).toBe(false);
    expect(scanned!.needsOcr).toBe(true);
    expect(scanned!.source).toBe('unread');
    expect(scanned!.words).toEqual([]);
    expect(scanned!.warning).toMatch(/image-only/);
    expect(scanned!.width).toBeGreaterThan(scanned!.height);
  });
});

describe('scanned fixture', () => {
  it('is flagged needsOcr: an image and no text layer', async () => {
    const p = await page1('pdf/scanned.pdf');
    expect(expected.fixtures['pdf/scanned.pdf']!.textLayer).toBe(false);
    expect(p.needsOcr).toBe(true);
    expect(p.source).toBe('unread');
    expect(p.words).toEqual([]);
  });

  it('stays unread with a warning when OCR is off', async () => {
    const doc = await ingest(path.join(fixtures, 'pdf/scanned.pdf'), { ocr: 'off' });
    expect(doc.pages[0]!.source).toBe('unread');
    expect(doc.warnings).toEqual([expect.objectContaining({ code: 'W_OCR_OFF', message: expect.stringMatching(/^Page 1 has no text layer/) })]);
  });
});

describe('bad inputs', () => {
  const cases: Array<[string, ErrorCode]> = [
    ...Object.entries(expected.bad).map(([file, b]): [string, ErrorCode] => [file, b.expectedError]),
    ['bad/does-not-exist.pdf', 'E_FILE_NOT_FOUND'],
    ['bad', 'E_FILE_NOT_FOUND'],
  ];

  it('covers every file in test/fixtures/bad', () => {
    expect(cases.map(([f]) => f)).toEqual(expect.arrayContaining(['bad/empty.pdf', 'bad/not-a-pdf.pdf', 'bad/truncated.pdf', 'bad/corrupt.pdf', 'bad/encrypted.pdf', 'bad/no-pages.pdf']));
  });

  it.each(cases)('%s → %s', async (file, code) => {
    const err = await failure(readPdf(path.join(fixtures, file)));
    expect(err).toBeInstanceOf(AppError);
    const e = err as AppError;
    expect(e.code).toBe(code);
    expect(e.context).toMatchObject({ stage: 'ingest', file: path.join(fixtures, file) });
    expect(e.toLine()).toMatch(new RegExp(`^${code}: \\S`));
    // The same through the full ingest, which the CLI uses.
    const viaIngest = await failure(ingest(path.join(fixtures, file)));
    expect(viaIngest).toBeInstanceOf(AppError);
    expect((viaIngest as AppError).code).toBe(code);
  });

  it('says what a non-PDF file is', async () => {
    const png = (await failure(loadPdfBytes(path.join(fixtures, 'bad/image.pdf')))) as AppError;
    expect(png.message).toMatch(/PNG image/);
    const text = (await failure(loadPdfBytes(path.join(fixtures, 'bad/not-a-pdf.pdf')))) as AppError;
    expect(text.message).toMatch(/text file/);
  });

  it('tells an encrypted PDF from a damaged one', async () => {
    const enc = (await failure(readPdf(path.join(fixtures, 'bad/encrypted.pdf')))) as AppError;
    expect(enc.message).toMatch(/password/);
    const bad = (await failure(readPdf(path.join(fixtures, 'bad/truncated.pdf')))) as AppError;
    expect(bad.message).toMatch(/damaged or truncated/);
  });

  it('refuses a file above the size limit before parsing it', async () => {
    const err = (await failure(readPdf(path.join(fixtures, 'pdf/bordered.lo.pdf'), { maxBytes: 1000 }))) as AppError;
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('E_FILE_TOO_LARGE');
  });

  it('refuses pages outside the document', async () => {
    const err = (await failure(readPdf(path.join(fixtures, 'pdf/bordered.lo.pdf'), { pages: [2] }))) as AppError;
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('E_BAD_PAGES');
    expect(err.message).toBe('Page 2 is outside 1–1: the PDF has 1 page');
  });
});

describe('parsePageRange', () => {
  it.each([
    ['3', [3]],
    ['3-5,9', [3, 4, 5, 9]],
    [' 2 , 4 - 4 ,', [2, 4]],
    ['7,1-2', [7, 1, 2]],
  ])('%j → %j', (spec, pages) => {
    expect(parsePageRange(spec)).toEqual(pages);
  });

  it.each(['x', '5-3', '0', '1-', '-2', '1.5', '2..4'])('rejects %j with E_BAD_PAGES', (spec) => {
    let err: unknown;
    try {
      parsePageRange(spec);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('E_BAD_PAGES');
  });
});

describe('selectPages', () => {
  it('defaults to every page', () => {
    expect(selectPages(undefined, 3, 'a.pdf')).toEqual([1, 2, 3]);
    expect(selectPages([], 2, 'a.pdf')).toEqual([1, 2]);
  });

  it('sorts and de-duplicates', () => {
    expect(selectPages([3, 1, 3], 5, 'a.pdf')).toEqual([1, 3]);
  });

  it.each([
    [[0], /^Page 0 is outside 1–5/],
    [[6, 9], /^Pages 6, 9 are outside 1–5/],
    [[2.5], /^Page 2.5 is outside/],
  ])('rejects %j', (pages, message) => {
    let err: unknown;
    try {
      selectPages(pages, 5, 'a.pdf');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('E_BAD_PAGES');
    expect((err as AppError).message).toMatch(message);
    expect((err as AppError).context.file).toBe('a.pdf');
  });
});

describe('glyphOffsets', () => {
  it('gives a space about a quarter of an em and capitals more than lower case', () => {
    const o = glyphOffsets('AB cd');
    expect(o).toHaveLength(6);
    const space = o[3]! - o[2]!;
    expect(space).toBeCloseTo(0.25, 2);
    expect(o[1]! - o[0]!).toBeGreaterThan(o[4]! - o[3]!);
  });

  it('keeps one offset per UTF-16 unit', () => {
    expect(glyphOffsets('a😀b')).toHaveLength(5);
  });
});

describe('wordSpans', () => {
  const words = (s: string): string[] => wordSpans(s).map(({ start, end }) => s.slice(start, end));
  it.each([
    ['PROGRAM PENUNJANG', ['PROGRAM', 'PENUNJANG']],
    ['jalanPersentase luas', ['jalan', 'Persentase', 'luas']],
    ['110,00%Sangat Tinggi', ['110,00%', 'Sangat', 'Tinggi']],
    ['80,91Tinggi', ['80,91', 'Tinggi']],
    ['Rp4.952.181.000,-', ['Rp4.952.181.000,-']],
    ['SAKIP', ['SAKIP']],
    ['2023 Kecamatan', ['2023', 'Kecamatan']],
    ['3Ab', ['3Ab']],
    ['  a  b ', ['a', 'b']],
  ])('%s → %j', (run, want) => {
    expect(words(run)).toEqual(want);
  });
});
