/**
 * OCR of the scanned pages: lkjip (rasterise to gray, erase ruling lines, tesseract TSV, layout)
 * against the plain tools on the same pages, `pdftoppm -r 300` then `tesseract <img> - -l ind`, one
 * page after the other with OMP_THREAD_LIMIT=1 (lkjip runs tesseract single-threaded too). lkjip is
 * timed through `readTables` on those pages (what a user waits for) and through `ocrPages` alone
 * (recognition without table layout), both with one page at a time so the comparison is like for
 * like. The aim is lkjip within 1.2× of the plain tools.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadPipeline } from './lib/lkjip.js';
import { available, fmtRatio, fmtSeconds, measureInterleaved, pairedRatio, seconds, tool, type Timing } from './lib/measure.js';
import type { BenchContext, BenchSection, Cell, SectionResult } from './lib/types.js';

const TARGET = 1.2;

interface OcrMeasured {
  sample: string;
  pages: number[];
  readTables: Timing;
  ocrPages: Timing;
  plain: Timing;
  /** Of the plain tools' median run: seconds in pdftoppm and in tesseract. */
  plainSplit: { pdftoppm: number; tesseract: number };
}

/** pdftoppm then tesseract (in the language lkjip uses by default), page by page; returns the seconds spent in each tool. */
async function plainOcr(file: string, pages: readonly number[], tmp: string, lang: string): Promise<{ pdftoppm: number; tesseract: number }> {
  let pdftoppm = 0;
  let tesseract = 0;
  const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
  for (const page of pages) {
    const base = path.join(tmp, `p${page}`);
    pdftoppm += await seconds(() => tool('pdftoppm', ['-r', '300', '-f', String(page), '-l', String(page), '-singlefile', file, base]));
    tesseract += await seconds(() => tool('tesseract', [`${base}.ppm`, '-', '-l', lang], env));
    await rm(`${base}.ppm`, { force: true });
  }
  return { pdftoppm, tesseract };
}

async function missingTools(): Promise<string | undefined> {
  const missing: string[] = [];
  if (!(await available('pdftoppm', ['-v']))) missing.push('pdftoppm (Debian package poppler-utils)');
  if (!(await available('tesseract', ['--version']))) missing.push('tesseract (Debian package tesseract-ocr)');
  else if (!(await tool('tesseract', ['--list-langs']).catch(() => '')).split('\n').some((l) => l.trim() === 'ind')) {
    missing.push('Indonesian language data (Debian package tesseract-ocr-ind)');
  }
  return missing.length ? `missing ${missing.join(', ')}` : undefined;
}

export const ocrBench: BenchSection = {
  name: 'ocr',
  async run(ctx: BenchContext): Promise<SectionResult> {
    const columns = ['sample', 'pages', 'lkjip readTables s', 'lkjip ocrPages s', 'pdftoppm+tesseract s', 'ratio readTables', 'ratio ocrPages'];
    const scanned = ctx.samples.filter((s) => s.imagePages.length);
    if (!scanned.length) return { columns, rows: [], notes: [], skipped: 'no sample has image-only pages' };
    const missing = await missingTools();
    if (missing) return { columns, rows: [], notes: [], skipped: missing };

    const { pipeline } = await loadPipeline();
    // Imported here, not at the top: loading pdfjs early would hide it from the start-up figure.
    const { ocrPages } = await import('../src/ingest/index.js');
    const { defaultLang } = await import('../src/ingest/ocr.js');
    const lang = await defaultLang();
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'lkjip-bench-'));
    const measured: OcrMeasured[] = [];
    try {
      for (const sample of scanned) {
        const pages = sample.imagePages;
        ctx.log(`ocr: ${sample.name} p.${pages.join(',')}`);
        const splits: { pdftoppm: number; tesseract: number }[] = [];
        const t = await measureInterleaved(
          {
            readTables: () => pipeline.readTables(sample.file, { pages, ocrConcurrency: 1 }),
            ocrPages: () => ocrPages(sample.file, pages, { concurrency: 1 }),
            plain: async () => {
              splits.push(await plainOcr(sample.file, pages, tmp, lang));
            },
          },
          ctx.runs,
        );
        const plain = t.plain;
        // The split of the run whose total is nearest the median (the warm-up is splits[0]).
        const timed = splits.length > 1 ? splits.slice(1) : splits;
        const nearest = timed.reduce((a, b) => (Math.abs(a.pdftoppm + a.tesseract - plain.median) <= Math.abs(b.pdftoppm + b.tesseract - plain.median) ? a : b));
        measured.push({ sample: sample.name, pages, readTables: t.readTables, ocrPages: t.ocrPages, plain, plainSplit: nearest });
      }
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
    const rows = measured.map(
      (m): Record<string, Cell> => ({
        sample: m.sample.slice(0, 3),
        pages: m.pages.join(','),
        'lkjip readTables s': fmtSeconds(m.readTables.median),
        'lkjip ocrPages s': fmtSeconds(m.ocrPages.median),
        'pdftoppm+tesseract s': `${fmtSeconds(m.plain.median)} (${fmtSeconds(m.plainSplit.pdftoppm)}+${fmtSeconds(m.plainSplit.tesseract)})`,
        'ratio readTables': fmtRatio(pairedRatio(m.readTables, m.plain)),
        'ratio ocrPages': fmtRatio(pairedRatio(m.ocrPages, m.plain)),
      }),
    );
    const notes = measured.map((m) => {
      const r = pairedRatio(m.readTables, m.plain);
      return `${m.sample}: readTables on the scanned pages is ${fmtRatio(r)} the plain tools (aim ≤ ${fmtRatio(TARGET)}: ${r <= TARGET ? 'met' : 'NOT met'})`;
    });
    const version = (await tool('tesseract', ['--version']).catch(() => '')).split('\n')[0]?.trim();
    if (version) notes.push(`${version}; lkjip runs pdftoppm -gray, erases ruling lines and asks tesseract for TSV with --psm 6`);
    notes.push('times are medians; ratios are medians of round-by-round ratios (the three run interleaved, one page at a time)');
    return { columns, rows, notes, raw: measured };
  },
};
