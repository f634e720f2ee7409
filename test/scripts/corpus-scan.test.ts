/**
 * scripts/corpus/scan.ts: chosen pages of a fixture PDF become image-only scans; the rest of the
 * document (page count, sizes, rotation, other pages' text) is untouched, and the output is the
 * same bytes for the same params.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPdf } from '../../src/ingest/pdf.js';
import { scanAvailable, scanPages, type ScanParams } from '../../scripts/corpus/scan.js';

const exec = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Three A4 pages with a bordered table on each, from LibreOffice (small, with a text layer).
const FIXTURE = path.join(root, 'test/fixtures/pdf/multipage-repeat.lo.pdf');

const tools = await scanAvailable();
const havePdftotext = await exec('pdftotext', ['-v']).then(
  () => true,
  () => false,
);

const GREY: ScanParams = { dpi: 120, mode: 'grey', skewDeg: 1.2, noise: 0.3, jpegQuality: 45, stamp: true, signature: true, seed: 7 };

interface PageShape {
  view: number[];
  rotate: number;
}

async function shapes(file: string): Promise<PageShape[]> {
  const doc = await openPdf(new Uint8Array(await readFile(file)), file);
  try {
    const out: PageShape[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      out.push({ view: [...page.view], rotate: page.rotate });
    }
    return out;
  } finally {
    await doc.destroy();
  }
}

async function pageText(file: string, page: number): Promise<string> {
  const { stdout } = await exec('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-']);
  return stdout;
}

describe('scanPages argument checks', () => {
  it('rejects out-of-range params and pages before doing any work', async () => {
    await expect(scanPages(FIXTURE, '/nonexistent/out.pdf', [1], { ...GREY, dpi: 50 })).rejects.toThrow(/dpi 50/);
    await expect(scanPages(FIXTURE, '/nonexistent/out.pdf', [1], { ...GREY, noise: 2 })).rejects.toThrow(/noise/);
    await expect(scanPages(FIXTURE, '/nonexistent/out.pdf', [4], GREY)).rejects.toThrow(/page 4 is not in 1\.\.3/);
    await expect(scanPages(FIXTURE, '/nonexistent/out.pdf', [], GREY)).rejects.toThrow(/no pages/);
  });
});

describe.skipIf(!tools.ok || !havePdftotext)('scanPages with poppler, ImageMagick and qpdf', () => {
  let tmp: string;
  let twoPage: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'corpus-scan-test-'));
    twoPage = path.join(tmp, 'two.pdf');
    await exec('qpdf', ['--empty', '--pages', FIXTURE, '1-2', '--', twoPage]);
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('scans page 2 of a 2-page PDF: same page count and sizes, no text on the scan, page 1 untouched, identical bytes twice', async () => {
    const a = path.join(tmp, 'a.pdf');
    const b = path.join(tmp, 'b.pdf');
    const c = path.join(tmp, 'c.pdf');
    await scanPages(twoPage, a, [2], GREY, { stampText: 'DINAS KESEHATAN * KABUPATEN X *' });

    expect(await shapes(a)).toEqual(await shapes(twoPage));
    expect((await pageText(a, 2)).trim()).toBe('');
    expect(await pageText(twoPage, 2)).toMatch(/\d/); // it had text before
    expect(await pageText(a, 1)).toBe(await pageText(twoPage, 1));
    const bytes = await readFile(a);
    expect(bytes.includes('/DCTDecode')).toBe(true);

    await scanPages(twoPage, b, [2], GREY, { stampText: 'DINAS KESEHATAN * KABUPATEN X *' });
    expect(bytes.equals(await readFile(b))).toBe(true);

    await scanPages(twoPage, c, [2], { ...GREY, seed: 8 }, { stampText: 'DINAS KESEHATAN * KABUPATEN X *' });
    expect(bytes.equals(await readFile(c))).toBe(false);
  });

  it('scans a rotated middle page bitonally: rotation, sizes and the neighbours kept, stored as CCITT G4', async () => {
    const rotated = path.join(tmp, 'rotated.pdf');
    await exec('qpdf', [FIXTURE, '--rotate=+90:2', rotated]);
    const out = path.join(tmp, 'bitonal.pdf');
    await scanPages(rotated, out, [2], { ...GREY, mode: 'bitonal', skewDeg: -0.8, stamp: false, seed: 3 });

    const before = await shapes(rotated);
    expect(before[1]!.rotate).toBe(90);
    expect(await shapes(out)).toEqual(before);
    expect((await pageText(out, 2)).trim()).toBe('');
    for (const p of [1, 3]) expect(await pageText(out, p)).toBe(await pageText(rotated, p));
    expect((await readFile(out)).includes('/CCITTFaxDecode')).toBe(true);
  });
});
