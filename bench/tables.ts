/**
 * Pages per second of `readTables` on each sample, text pages only and the whole document (OCR
 * included), against `pdftotext -layout` on the same pages as a floor: a layout-preserving text dump
 * with no table structure is the least any table reader has to do. The first call in the process is
 * reported apart: it includes loading pdfjs and compiling the code paths.
 */
import type { LayoutDocument } from '../src/model/table.js';
import { loadPipeline } from './lib/lkjip.js';
import { available, fmtRate, fmtRatio, fmtSeconds, measure, pageRangeArgs, tool, type Timing } from './lib/measure.js';
import type { BenchContext, BenchSection, Cell, Sample, SectionResult } from './lib/types.js';

interface Measured {
  sample: string;
  scope: 'text pages' | 'whole document';
  pages: number;
  lkjip: Timing;
  pdftotext?: Timing;
  note?: string;
}

function row(m: Measured): Record<string, Cell> {
  const ratio = m.pdftotext ? fmtRatio(m.lkjip.median / m.pdftotext.median) : '—';
  return {
    sample: m.sample.slice(0, 3),
    scope: m.scope,
    pages: m.pages,
    'lkjip s': fmtSeconds(m.lkjip.median),
    'lkjip p/s': fmtRate(m.pages / m.lkjip.median),
    'pdftotext s': m.pdftotext ? fmtSeconds(m.pdftotext.median) : '—',
    'pdftotext p/s': m.pdftotext ? fmtRate(m.pages / m.pdftotext.median) : '—',
    'lkjip/pdftotext': ratio,
  };
}

async function pdftotext(file: string, pages: readonly number[] | undefined, runs: number): Promise<{ timing: Timing; note?: string }> {
  const range = pages ? pageRangeArgs(pages) : [];
  const note = pages && !range ? 'text pages are not one run: pdftotext read the whole document' : undefined;
  const timing = await measure(() => tool('pdftotext', ['-layout', ...(range ?? []), file, '-']), runs);
  return note ? { timing, note } : { timing };
}

async function benchSample(sample: Sample, ctx: BenchContext, poppler: boolean, notes: string[], first: boolean): Promise<Measured[]> {
  const { pipeline, loadSeconds } = await loadPipeline();
  const out: Measured[] = [];
  ctx.log(`tables: ${sample.name}, ${sample.textPages.length} text pages`);
  const text = await measure(() => pipeline.readTables(sample.file, { pages: sample.textPages }), ctx.runs);
  if (first) {
    notes.push(
      `start-up: first import of the pipeline ${fmtSeconds(loadSeconds)} s; first readTables call (${sample.name.slice(0, 3)}, text pages) ` +
        `${fmtSeconds(text.warmup)} s against a warm median of ${fmtSeconds(text.median)} s, i.e. ≈ ${fmtSeconds(Math.max(0, text.warmup - text.median) + loadSeconds)} s one-off`,
    );
  }
  const textFloor = poppler ? await pdftotext(sample.file, sample.textPages, ctx.runs) : undefined;
  out.push({ sample: sample.name, scope: 'text pages', pages: sample.textPages.length, lkjip: text, ...(textFloor ? { pdftotext: textFloor.timing } : {}) });
  if (textFloor?.note) notes.push(`${sample.name}: ${textFloor.note}`);

  if (!sample.imagePages.length) {
    // Every page has a text layer: the whole document is the same work as its text pages.
    out.push({ ...out[0]!, scope: 'whole document', pages: sample.pageCount, note: 'same run as text pages' });
    return out;
  }
  ctx.log(`tables: ${sample.name}, whole document (OCR of p.${sample.imagePages.join(',')})`);
  let last: LayoutDocument | undefined;
  const whole = await measure(async () => {
    last = await pipeline.readTables(sample.file);
  }, ctx.runs);
  const ocrd = last?.pages.filter((p) => p.source === 'ocr').map((p) => p.page) ?? [];
  if (ocrd.join() !== sample.imagePages.join()) {
    notes.push(`${sample.name}: readTables OCR'd p.${ocrd.join(',') || 'none'}, expected p.${sample.imagePages.join(',')} (${last?.warnings.map((w) => w.code).join(', ') || 'no warnings'})`);
  }
  const wholeFloor = poppler ? await pdftotext(sample.file, undefined, ctx.runs) : undefined;
  out.push({ sample: sample.name, scope: 'whole document', pages: sample.pageCount, lkjip: whole, ...(wholeFloor ? { pdftotext: wholeFloor.timing } : {}) });
  return out;
}

export const tablesBench: BenchSection = {
  name: 'tables',
  async run(ctx: BenchContext): Promise<SectionResult> {
    const notes: string[] = [];
    const poppler = await available('pdftotext', ['-v']);
    if (!poppler) notes.push('pdftotext not found (Debian package poppler-utils): no floor to compare with');
    const measured: Measured[] = [];
    for (const [i, sample] of ctx.samples.entries()) measured.push(...(await benchSample(sample, ctx, poppler, notes, i === 0)));
    if (ctx.samples.some((s) => s.imagePages.length)) {
      notes.push('pdftotext does not OCR: on a document with scanned pages its whole-document time covers the text pages only');
    }
    return {
      columns: ['sample', 'scope', 'pages', 'lkjip s', 'lkjip p/s', 'pdftotext s', 'pdftotext p/s', 'lkjip/pdftotext'],
      rows: measured.map(row),
      notes,
      raw: measured,
    };
  },
};
