/**
 * Pages per second of `readTables` on each sample, text pages only and the whole document (OCR
 * included), against `pdftotext -layout` on the same pages as a floor: a layout-preserving text dump
 * with no table structure is the least any table reader has to do. The one-off start-up (loading pdfjs
 * and the layout code, compiling the code paths) is measured apart, in a fresh process.
 */
import type { LayoutDocument } from '../src/model/table.js';
import { coldStart, loadPipeline } from './lib/lkjip.js';
import { available, fmtRate, fmtRatio, fmtSeconds, measure, measureInterleaved, pageRangeArgs, pairedRatio, tool, type Timing } from './lib/measure.js';
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
  const ratio = m.pdftotext ? fmtRatio(pairedRatio(m.lkjip, m.pdftotext)) : '—';
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

function pdftotextCall(file: string, pages: readonly number[] | undefined): { call: () => Promise<unknown>; note?: string } {
  const range = pages ? pageRangeArgs(pages) : [];
  const call = (): Promise<unknown> => tool('pdftotext', ['-layout', ...(range ?? []), file, '-']);
  return pages && !range ? { call, note: 'text pages are not one run: pdftotext read the whole document' } : { call };
}

/** lkjip and (when installed) pdftotext on the same pages, interleaved round by round. */
async function compare(lkjip: () => Promise<unknown>, floor: (() => Promise<unknown>) | undefined, runs: number): Promise<{ lkjip: Timing; pdftotext?: Timing }> {
  if (!floor) return { lkjip: await measure(lkjip, runs) };
  return measureInterleaved({ lkjip, pdftotext: floor }, runs);
}

async function benchSample(sample: Sample, ctx: BenchContext, poppler: boolean, notes: string[], first: boolean): Promise<Measured[]> {
  const { pipeline } = await loadPipeline();
  const out: Measured[] = [];
  ctx.log(`tables: ${sample.name}, ${sample.textPages.length} text pages`);
  const textFloor = poppler ? pdftotextCall(sample.file, sample.textPages) : undefined;
  if (textFloor?.note) notes.push(`${sample.name}: ${textFloor.note}`);
  const text = await compare(() => pipeline.readTables(sample.file, { pages: sample.textPages }), textFloor?.call, ctx.runs);
  const range = pageRangeArgs(sample.textPages);
  if (first && range) {
    ctx.log(`tables: cold start in a fresh process`);
    const cold = await coldStart(sample.file, [Number(range[1]), Number(range[3])]);
    const oneOff = cold.importSeconds + Math.max(0, cold.firstCallSeconds - text.lkjip.median);
    notes.push(
      `start-up (fresh process, ${sample.name.slice(0, 3)} text pages): import of the pipeline ${fmtSeconds(cold.importSeconds)} s, first readTables call ` +
        `${fmtSeconds(cold.firstCallSeconds)} s against a warm median of ${fmtSeconds(text.lkjip.median)} s: ≈ ${fmtSeconds(oneOff)} s one-off ` +
        `(${fmtSeconds(cold.processSeconds)} s for the whole process, node and tsx included)`,
    );
  }
  out.push({ sample: sample.name, scope: 'text pages', pages: sample.textPages.length, ...text });

  if (!sample.imagePages.length) {
    // Every page has a text layer: the whole document is the same work as its text pages.
    out.push({ ...out[0]!, scope: 'whole document', pages: sample.pageCount, note: 'same run as text pages' });
    return out;
  }
  ctx.log(`tables: ${sample.name}, whole document (OCR of p.${sample.imagePages.join(',')})`);
  let last: LayoutDocument | undefined;
  const whole = await compare(
    async () => {
      last = await pipeline.readTables(sample.file);
    },
    poppler ? pdftotextCall(sample.file, undefined).call : undefined,
    ctx.runs,
  );
  const ocrd = last?.pages.filter((p) => p.source === 'ocr').map((p) => p.page) ?? [];
  if (ocrd.join() !== sample.imagePages.join()) {
    notes.push(`${sample.name}: readTables OCR'd p.${ocrd.join(',') || 'none'}, expected p.${sample.imagePages.join(',')} (${last?.warnings.map((w) => w.code).join(', ') || 'no warnings'})`);
  }
  out.push({ sample: sample.name, scope: 'whole document', pages: sample.pageCount, ...whole });
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
    notes.push('times are medians; lkjip/pdftotext is the median of round-by-round ratios (the two run interleaved)');
    return {
      columns: ['sample', 'scope', 'pages', 'lkjip s', 'lkjip p/s', 'pdftotext s', 'pdftotext p/s', 'lkjip/pdftotext'],
      rows: measured.map(row),
      notes,
      raw: measured,
    };
  },
};
