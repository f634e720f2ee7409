/**
 * The floor set by the PDF parser itself: pdfjs-dist reading each text page's text content and
 * operator list (what `ingest` asks of it) with none of lkjip's work, beside `readTables` and
 * `pdftotext -layout` in the same run. It shows how much of the distance to pdftotext is the
 * parser's and how much is lkjip's own.
 */
import { readFile } from 'node:fs/promises';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readTables } from '../src/pipeline/tables.js';
import { available, fmtRatio, measure, pageRangeArgs, tool } from './lib/measure.js';
import type { BenchContext, BenchSection, Cell, SectionResult } from './lib/types.js';

async function parseOnly(file: string, pages: readonly number[]): Promise<void> {
  const data = new Uint8Array(await readFile(file));
  const doc = await pdfjs.getDocument({ data, isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    for (const n of pages) {
      const page = await doc.getPage(n);
      await page.getOperatorList();
      await page.getTextContent();
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
}

export const pdfjsBench: BenchSection = {
  name: 'pdfjs',
  async run(ctx: BenchContext): Promise<SectionResult> {
    const rows: Record<string, Cell>[] = [];
    const poppler = await available('pdftotext', ['-v']);
    for (const s of ctx.samples) {
      ctx.log(`pdfjs: ${s.name}`);
      const pages = s.textPages;
      const parse = await measure(() => parseOnly(s.file, pages), ctx.runs);
      const tables = await measure(() => readTables(s.file, { pages, ocr: 'off' }), ctx.runs);
      const range = pageRangeArgs(pages);
      const floor = poppler ? await measure(() => tool('pdftotext', ['-layout', ...(range ?? []), s.file, '-']), ctx.runs) : undefined;
      rows.push({
        sample: s.name.slice(0, 3),
        pages: pages.length,
        'pdfjs ms/page': ((parse.median / pages.length) * 1000).toFixed(1),
        'tables ms/page': ((tables.median / pages.length) * 1000).toFixed(1),
        'pdftotext ms/page': floor ? ((floor.median / pages.length) * 1000).toFixed(1) : '—',
        'pdfjs/pdftotext': floor ? fmtRatio(parse.median / floor.median) : '—',
        'lkjip share': `${Math.round((1 - parse.median / tables.median) * 100)}%`,
      });
    }
    return {
      columns: ['sample', 'pages', 'pdfjs ms/page', 'tables ms/page', 'pdftotext ms/page', 'pdfjs/pdftotext', 'lkjip share'],
      rows,
      notes: ['lkjip share: the part of readTables spent outside pdfjs (word boxes, ruling lines, layout, stitching)'],
    };
  },
};
