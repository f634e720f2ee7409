/**
 * Peak memory against the number of pages: each sample as it is and repeated (joined with qpdf) to
 * at least 1,000 pages, read by the compiled CLI (`lkjip tables` and `lkjip audit`, whole processes)
 * under GNU time. The growth per extra page is the difference of the medians over the difference of
 * the page counts. OCR is off for both, so that the long file's time goes to reading, not to
 * tesseract, and both sizes do the same work per page.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { available, median, tool } from './lib/measure.js';
import type { BenchContext, BenchSection, Cell, SectionResult } from './lib/types.js';
import { buildCli, GNU_TIME, lkjip, runOnce } from './process.js';

/** Pages of the long file, at least. */
const LONG_PAGES = 1000;

export const memoryBench: BenchSection = {
  name: 'memory',
  async run(ctx: BenchContext): Promise<SectionResult> {
    const columns = ['sample', 'command', 'pages', 'peak MiB', 'long pages', 'long peak MiB', 'MiB per extra page'];
    if (!(await available(GNU_TIME, ['-f', '%M', 'true']))) return { columns, rows: [], notes: [], skipped: `${GNU_TIME} not found (Debian package time)` };
    if (!(await available('qpdf', ['--version']))) return { columns, rows: [], notes: [], skipped: 'qpdf not found (Debian package qpdf)' };
    await buildCli(ctx, 'memory');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lkjip-bench-memory-'));
    const rows: Record<string, Cell>[] = [];
    const raw: Record<string, unknown> = {};
    try {
      for (const s of ctx.samples) {
        const copies = Math.ceil(LONG_PAGES / s.pageCount);
        const long = path.join(dir, `${s.name}.x${copies}.pdf`);
        await tool('qpdf', ['--empty', '--pages', ...Array<string>(copies).fill(s.file), '--', long]);
        const pages = { short: s.pageCount, long: s.pageCount * copies };
        ctx.log(`memory: ${s.name} (${pages.short} pages) and ${copies} copies of it (${pages.long} pages), ${ctx.runs} runs each`);
        for (const command of ['tables', 'audit'] as const) {
          const short = lkjip(command, s.file, '--no-ocr');
          const longer = lkjip(command, long, '--no-ocr');
          for (let i = 0; i < ctx.runs; i++) {
            await runOnce(short, true);
            await runOnce(longer, true);
          }
          const [a, b] = [median(short.peaks), median(longer.peaks)];
          raw[`${s.name}/${command}`] = { pages, peaks: { short: short.peaks, long: longer.peaks } };
          rows.push({
            sample: s.name.slice(0, 3),
            command: `lkjip ${command}`,
            pages: pages.short,
            'peak MiB': a.toFixed(0),
            'long pages': pages.long,
            'long peak MiB': b.toFixed(0),
            'MiB per extra page': ((b - a) / (pages.long - pages.short)).toFixed(3),
          });
        }
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const notes = ['whole processes (`node bin/lkjip.js … --no-ocr` on the compiled dist/), output discarded; peak MiB is the median maximum resident set over the runs (it moves by tens of MiB from run to run with the collector)'];
    return { columns, rows, notes, raw };
  },
};
