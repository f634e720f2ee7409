import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { Page, type Word } from '../../src/model/document.js';
import { dropSpecks, ocrAvailable, ocrPages, parseTesseractTsv, stripRuleRemnants } from '../../src/ingest/ocr.js';
import { detectRules, eraseRules, readPgm, rulesToPoints, writePgm, type GrayImage } from '../../src/ingest/raster.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Page 55 of this report is a scanned landscape table (no text layer), page 44 of the printed numbering.
const SCANNED_PDF = path.join(root, 'samples/000_7d82b3f27f46e2ac.pdf');
const SCANNED_PAGE = 55;

const availability = await ocrAvailable();

function blank(width: number, height: number): GrayImage {
  return { width, height, data: new Uint8Array(width * height).fill(255) };
}

function fill(img: GrayImage, x0: number, y0: number, x1: number, y1: number, value = 0): void {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) img.data[y * img.width + x] = value;
}

function px(img: GrayImage, x: number, y: number): number {
  return img.data[y * img.width + x]!;
}

function darkIn(img: GrayImage, x0: number, y0: number, x1: number, y1: number, threshold = 128): number {
  let n = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (px(img, x, y) < threshold) n++;
  return n;
}

/** A 3×3-cell table: rules at y = 50, 150, 250 and x = 20, 200, 380, 2 px thick, plus "glyphs". */
function drawTable(): GrayImage {
  const img = blank(400, 300);
  for (const y of [50, 150, 250]) fill(img, 20, y, 382, y + 2);
  for (const x of [20, 200, 380]) fill(img, x, 50, x + 2, 252);
  // Glyph-like blobs: one free in a cell, one sitting on the middle rule (as digits do in tight cells).
  fill(img, 60, 90, 70, 110);
  fill(img, 100, 132, 108, 150);
  return img;
}

describe('raster: PGM', () => {
  it('round-trips a gray image', () => {
    const img = blank(7, 3);
    img.data.forEach((_, i) => (img.data[i] = (i * 37) % 256));
    const back = readPgm(writePgm(img));
    expect(back.width).toBe(7);
    expect(back.height).toBe(3);
    expect([...back.data]).toEqual([...img.data]);
  });

  it('reads header comments and scales a smaller maxval to 0..255', () => {
    const header = new TextEncoder().encode('P5\n# made by hand\n2 1\n15\n');
    const buf = new Uint8Array([...header, 0, 15]);
    const img = readPgm(buf);
    expect([...img.data]).toEqual([0, 255]);
  });

  it('rejects ASCII PGM and truncated rasters', () => {
    expect(() => readPgm(new TextEncoder().encode('P2\n1 1\n255\n0\n'))).toThrow(/P5/);
    expect(() => readPgm(new TextEncoder().encode('P5\n4 4\n255\n\0\0'))).toThrow(/Truncated/);
  });
});

describe('raster: ruling lines', () => {
  it('finds the grid of a drawn table and nothing else', () => {
    const rules = detectRules(drawTable());
    const h = rules.filter((r) => r.orientation === 'h').map((r) => [r.y0, r.y1, r.x0, r.x1]);
    const v = rules.filter((r) => r.orientation === 'v').map((r) => [r.x0, r.x1, r.y0, r.y1]);
    expect(h).toEqual([
      [50, 52, 20, 382],
      [150, 152, 20, 382],
      [250, 252, 20, 382],
    ]);
    expect(v).toEqual([
      [20, 22, 50, 252],
      [200, 202, 50, 252],
      [380, 382, 50, 252],
    ]);
  });

  it('erases the grid but keeps glyph blobs, including one touching a rule', () => {
    const img = drawTable();
    const clean = eraseRules(img, detectRules(img));
    expect(darkIn(clean, 0, 50, 400, 52)).toBe(0);
    expect(darkIn(clean, 200, 0, 202, 300)).toBe(0);
    expect(darkIn(clean, 60, 90, 70, 110)).toBe(10 * 20);
    expect(darkIn(clean, 100, 132, 108, 150)).toBe(8 * 18);
    // The input is not modified.
    expect(px(img, 100, 50)).toBe(0);
  });

  it('keeps the pixels where a glyph stroke crosses a rule', () => {
    const img = drawTable();
    fill(img, 120, 140, 123, 165); // a descender through the rule at y = 150
    const clean = eraseRules(img, detectRules(img));
    expect(darkIn(clean, 120, 140, 123, 165)).toBe(3 * 25);
    expect(darkIn(clean, 130, 150, 190, 152)).toBe(0);
  });

  it('follows a slightly skewed, light-gray hairline as one rule and erases it', () => {
    const img = blank(600, 100);
    // 0.5° skew, 2 px thick, gray 190 like a scanned hairline.
    for (let x = 10; x < 590; x++) {
      const y = 40 + Math.floor((x - 10) * 0.0087);
      fill(img, x, y, x + 1, y + 2, 190);
    }
    const rules = detectRules(img);
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({ orientation: 'h', x0: 10, x1: 590 });
    expect(darkIn(eraseRules(img, rules), 0, 0, 600, 100, 232)).toBe(0);
  });

  it('does not take filled blocks, short strokes or a run through dense glyphs for rules', () => {
    const img = blank(600, 300);
    fill(img, 50, 20, 250, 60); // a filled cell / picture
    fill(img, 300, 30, 340, 33); // a dash, 40 px
    fill(img, 300, 40, 303, 100); // a `|` in text, 60 px
    // Blurred text: stems every 5 px with a thin run through their middle.
    for (let x = 50; x < 450; x += 5) fill(img, x, 150, x + 3, 175);
    fill(img, 50, 161, 450, 163);
    expect(detectRules(img)).toEqual([]);
  });

  it('finds the borders of a shaded header row on grey paper, and no rule inside the shading', () => {
    // A grey scan: paper at 232 with ±6 noise, header band shaded at 200, borders at 70.
    const img = blank(600, 300);
    let seed = 7;
    const noise = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) % 13) - 6;
    for (let i = 0; i < img.data.length; i++) img.data[i] = 232 + noise();
    fill(img, 20, 40, 580, 100, 200);
    for (const y of [40, 70, 100, 160]) fill(img, 20, y, 582, y + 3, 70); // 70: the header's inner rule
    for (const x of [20, 300, 580]) fill(img, x, 40, x + 3, 163, 70);
    fill(img, 60, 120, 70, 140, 40); // a glyph in the body
    const rules = detectRules(img);
    const h = rules.filter((r) => r.orientation === 'h').map((r) => [r.y0, r.x0, r.x1]);
    expect(h).toEqual([
      [40, 20, 583],
      [70, 20, 583],
      [100, 20, 583],
      [160, 20, 583],
    ]);
    expect(rules.filter((r) => r.orientation === 'v').map((r) => r.x0)).toEqual([20, 300, 580]);
  });

  it('finds a border broken into dashes by the scan as one rule, and erases its gaps too', () => {
    const img = blank(900, 120);
    // 90 px pieces with 20-40 px dropouts; a 30 px scrap in one gap is too short to be found alone.
    for (const [x0, x1] of [[20, 110], [130, 220], [260, 350], [370, 460], [500, 530], [560, 650]] as const) fill(img, x0, 60, x1, 62, 30);
    const rules = detectRules(img);
    expect(rules.map((r) => [r.orientation, r.x0, r.x1])).toEqual([['h', 20, 650]]);
    expect(darkIn(eraseRules(img, rules), 0, 0, 900, 120)).toBe(0);
  });

  it.each([
    // A bitonal staircase: a skewed hairline thresholded at a low resolution, straightened again.
    { name: 'a staircase of 40 px steps with 15 px breaks', dash: 40, gap: 15, drift: 1, found: [['h', 20, 830]] },
    { name: 'a dashed border, 60 px dashes and 22 px gaps', dash: 60, gap: 22, drift: 0, found: [['h', 20, 818]] },
    { name: 'two dashes only', dash: 40, gap: 10, drift: 0, found: [], count: 2 },
  ])('dashes in one band: $name', ({ dash, gap, drift, found, count }) => {
    const img = blank(900, 120);
    let n = 0;
    for (let x = 20; x + dash <= 880 && n < (count ?? 99); x += dash + gap, n++) {
      // Each step tilted by `drift` px across its length, like a straightened staircase.
      for (let i = 0; i < dash; i++) fill(img, x + i, 60 + Math.floor((i * drift) / dash), x + i + 1, 63 + Math.floor((i * drift) / dash), 20);
    }
    const rules = detectRules(img);
    expect(rules.map((r) => [r.orientation, r.x0, r.x1])).toEqual(found);
    if (found.length) expect(darkIn(eraseRules(img, rules), 0, 0, 900, 120)).toBe(0);
  });

  it("finds a dashed column border, which runs across the header's rule, and not the stems of a column's left-aligned lines, which run across none", () => {
    const img = blank(300, 700);
    for (let x = 20; x + 40 <= 280; x += 55) fill(img, x, 100, x + 40, 103, 20); // the header's rule, dashed
    for (let y = 20; y + 50 <= 680; y += 70) fill(img, 40, y, 43, y + 50, 20); // border: 50 px dashes, 20 px gaps
    for (let y = 130; y + 29 <= 680; y += 50) fill(img, 120, y, 124, y + 29, 20); // stems: 29 px, 21 px apart
    expect(detectRules(img).map((r) => [r.orientation, r.x0])).toEqual([
      ['h', 20],
      ['v', 40],
    ]);
  });

  it('keeps two rules apart when the gap between them is wider than two minimum rule lengths', () => {
    const img = blank(900, 120);
    fill(img, 20, 60, 200, 62, 30);
    fill(img, 400, 60, 600, 62, 30);
    expect(detectRules(img).map((r) => [r.x0, r.x1])).toEqual([
      [20, 200],
      [400, 600],
    ]);
  });

  it('reports rules in points (px × 72/dpi)', () => {
    const [top] = detectRules(drawTable());
    const [rule] = rulesToPoints([top!], 300);
    expect(rule).toEqual({ x0: 4.8, y0: 12, x1: 91.68, y1: 12.48, orientation: 'h', thickness: 0.48 });
    expect(rulesToPoints([top!], 150)[0]!.x1).toBeCloseTo(183.36, 2);
  });
});

describe('parseTesseractTsv', () => {
  // Recorded from `tesseract page55.pgm stdout -l ind --psm 6 tsv`; the empty level-5 row is added
  // by hand, as tesseract emits for blank blobs.
  const tsv = [
    'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
    '1\t1\t0\t0\t0\t0\t0\t0\t3508\t2481\t-1\t',
    '2\t1\t1\t0\t0\t0\t274\t258\t2952\t1952\t-1\t',
    '4\t1\t1\t1\t1\t0\t281\t258\t2945\t50\t-1\t',
    '5\t1\t1\t1\t1\t1\t281\t258\t17\t26\t95.636383\t2',
    '5\t1\t1\t1\t1\t2\t347\t258\t145\t27\t64.530861\tPerbaikan',
    '5\t1\t1\t1\t1\t3\t505\t260\t73\t34\t96.660309\tMeja',
    '5\t1\t1\t1\t1\t8\t2599\t275\t183\t27\t96.195724\t100.000.000',
    '5\t1\t1\t1\t1\t9\t2700\t275\t10\t27\t95\t ',
    '5\t1\t1\t1\t1\t10\t3093\t278\t83\t30\t48.755852\t96,09',
    '',
  ].join('\n');

  it('keeps level-5 words with boxes in points and their confidence', () => {
    const words = parseTesseractTsv(tsv, 300);
    expect(words.map((w) => w.text)).toEqual(['2', 'Perbaikan', 'Meja', '100.000.000', '96,09']);
    expect(words[3]).toEqual({ text: '100.000.000', bbox: [623.76, 66, 667.68, 72.48], ocr: true, conf: 96.2 });
    expect(words.every((w) => w.ocr && typeof w.conf === 'number')).toBe(true);
  });

  it('drops words with negative confidence and scales with the dpi', () => {
    const words = parseTesseractTsv(tsv.replace('64.530861', '-1'), 150);
    expect(words.map((w) => w.text)).not.toContain('Perbaikan');
    expect(words[0]!.bbox).toEqual([134.88, 123.84, 143.04, 136.32]);
  });

  it.each([
    ['|Uraian', 'Uraian'],
    ['8.485.813.200,-|', '8.485.813.200,-'],
    ['¦93,25‖', '93,25'],
    ['_12_', '12'],
    ['(15.621.334,-)', '(15.621.334,-)'],
    ['Rp_', 'Rp'],
    ['a|b', 'a|b'],
  ])('cuts rule remnants from the ends of %s', (raw, clean) => {
    expect(stripRuleRemnants(raw)).toBe(clean);
  });

  it('drops a word that is only a rule remnant', () => {
    const words = parseTesseractTsv(tsv.replace('\tMeja', '\t|').replace('\t96,09', '\t|96,09'), 300);
    expect(words.map((w) => w.text)).toEqual(['2', 'Perbaikan', '100.000.000', '96,09']);
  });
});

describe('dropSpecks', () => {
  const w = (text: string, x0: number, x1: number, conf: number, y = 93): Word => ({ text, bbox: [x0, y, x1, y + 11], size: 11, ocr: true, conf });
  const cases: Array<{ name: string; words: Word[]; kept: string[] }> = [
    { name: 'a low-confidence digit far from the heading it sits beside', words: [w('Sumber', 188, 229, 96), w('Daya', 233, 259, 97), w('0', 471, 481, 15)], kept: ['Sumber', 'Daya'] },
    { name: 'a lone dot off the table, whatever its confidence', words: [w('Efisien', 491, 517, 91), w('.', 576, 577, 64)], kept: ['Efisien'] },
    { name: 'a confident lone figure (a cell printing 0)', words: [w('Sisa', 100, 130, 96), w('0', 471, 478, 88)], kept: ['Sisa', '0'] },
    { name: 'a low-confidence digit next to other words (part of a figure or a label)', words: [w('Tahun', 100, 130, 96), w('2', 134, 140, 20)], kept: ['Tahun', '2'] },
    { name: 'a lone dash: the report\'s nil', words: [w('Sisa', 100, 130, 96), w('-', 471, 476, 20)], kept: ['Sisa', '-'] },
    { name: 'a lone speck on a line of its own far below', words: [w('Sisa', 100, 130, 96), w('0', 105, 110, 10, 300)], kept: ['Sisa'] },
  ];
  it.each(cases)('$name', ({ words, kept }) => {
    expect(dropSpecks(words).map((x) => x.text)).toEqual(kept);
  });
});

describe('ocrPages without the tools', () => {
  it('gives every page E_OCR_UNAVAILABLE naming the package, without throwing', async () => {
    const seen: number[] = [];
    const res = await ocrPages(SCANNED_PDF, [3, 55], { tesseractPath: '/nonexistent/tesseract', onPage: (p) => seen.push(p) });
    expect(res.map((r) => r.page)).toEqual([3, 55]);
    for (const r of res) {
      expect(r.result).toBeUndefined();
      expect(r.error).toBeInstanceOf(AppError);
      expect(r.error!.code).toBe('E_OCR_UNAVAILABLE');
      expect(r.error!.message).toMatch(/tesseract-ocr tesseract-ocr-ind/);
      expect(r.error!.context).toMatchObject({ stage: 'ocr', file: SCANNED_PDF, page: r.page });
    }
    expect(seen).toEqual([3, 55]);
  });

  it('says which package provides a missing pdftoppm', async () => {
    const a = await ocrAvailable({ pdftoppmPath: '/nonexistent/pdftoppm', tesseractPath: availability.ok ? undefined : '/nonexistent/tesseract' });
    expect(a.ok).toBe(false);
    expect(a.reason).toMatch(availability.ok ? /poppler-utils/ : /tesseract-ocr/);
  });

  it('rejects bad options per page instead of throwing', async () => {
    const res = await ocrPages(SCANNED_PDF, [1], { dpi: 0 });
    expect(res[0]!.error!.code).toBe('E_BAD_ARGUMENT');
  });
});

describe.skipIf(!availability.ok)('ocrPages with tesseract', () => {
  let tmp: string;
  let savedTmpdir: string | undefined;
  beforeEach(async () => {
    // A private temp root, to check that every page's files are removed.
    savedTmpdir = process.env.TMPDIR;
    tmp = await mkdtemp(path.join(os.tmpdir(), 'ocr-test-'));
    process.env.TMPDIR = tmp;
  });
  afterEach(async () => {
    if (savedTmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmpdir;
    await rm(tmp, { recursive: true, force: true });
  });

  it('reads the scanned table page with its numbers and rules; a bad page fails alone', async () => {
    const seen: number[] = [];
    const res = await ocrPages(SCANNED_PDF, [999, SCANNED_PAGE], { concurrency: 2, onPage: (p) => seen.push(p) });
    expect(await readdir(tmp)).toEqual([]);
    expect(seen.sort()).toEqual([55, 999]);

    const [bad, good] = res;
    expect(bad!.page).toBe(999);
    expect(bad!.error?.code).toBe('E_OCR_FAILED');
    expect(bad!.error?.context).toMatchObject({ stage: 'ocr', file: SCANNED_PDF, page: 999 });

    expect(good!.error).toBeUndefined();
    const page = Page.parse(good!.result);
    expect(page).toMatchObject({ page: 55, source: 'ocr' });
    expect(page.width).toBeCloseTo(841.9, 0);
    expect(page.height).toBeCloseTo(595.3, 0);
    expect(page.words.every((w) => w.ocr && w.conf !== undefined && w.conf >= 0 && w.conf <= 100)).toBe(true);

    const texts = page.words.map((w) => w.text);
    for (const t of ['PROGRAM', 'Laporan', 'Berkala', '876.625.000', '817.625.000', '109.710.000', '113,57', '287.541.300', '44']) {
      expect(texts).toContain(t);
    }
    // Borders are erased, so no `|` is glued to a number.
    expect(texts.filter((t) => /\d/.test(t) && /[|/([\]!]/.test(t))).toEqual([]);

    // "876.625.000" is in the second row, amount column (seen at x ≈ 625–668 pt, y ≈ 80 pt).
    const amount = page.words.find((w) => w.text === '876.625.000')!;
    expect(amount.bbox[0]).toBeGreaterThan(600);
    expect(amount.bbox[2]).toBeLessThan(690);
    expect(amount.bbox[1]).toBeGreaterThan(70);
    expect(amount.bbox[3]).toBeLessThan(95);

    // 21 row rules across the table and 11 column rules, in points.
    const h = page.rules.filter((r) => r.orientation === 'h');
    const v = page.rules.filter((r) => r.orientation === 'v');
    expect(h).toHaveLength(21);
    expect(v).toHaveLength(11);
    expect(h.every((r) => r.x0 < 60 && r.x1 > 780)).toBe(true);
    expect(v.every((r) => r.y0 < 65 && r.y1 > 355)).toBe(true);
  });

  it('gives every page a cancelled error when the signal is already aborted', async () => {
    const res = await ocrPages(SCANNED_PDF, [SCANNED_PAGE, 1], { signal: AbortSignal.abort() });
    expect(res.map((r) => [r.page, r.error?.code, r.error?.context.aborted])).toEqual([
      [55, 'E_OCR_FAILED', true],
      [1, 'E_OCR_FAILED', true],
    ]);
  });

  it('names the Debian package for missing language data', async () => {
    const a = await ocrAvailable({ lang: 'ind+zzz' });
    expect(a.ok).toBe(false);
    expect(a.reason).toMatch(/tesseract-ocr-zzz/);
  });
});
