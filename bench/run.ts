/**
 * `npm run bench [-- [--runs N] [section…]]`: speed of lkjip against the plain poppler/tesseract
 * tools on the sample PDFs. Prints one compact table per section and writes everything, raw timings
 * included, to `bench/out/results.json`. Exits 1 only when a section crashes.
 *
 * A new section (audit time per page, batch throughput…) is a module exporting a `BenchSection`
 * added to `SECTIONS` below; sections share the samples, already split into text and scanned pages.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { fmtSeconds, tool } from './lib/measure.js';
import type { BenchContext, BenchSection, Cell, Sample, SectionResult } from './lib/types.js';
import { auditBench } from './audit.js';
import { batchBench } from './batch.js';
import { memoryBench } from './memory.js';
import { ocrBench } from './ocr.js';
import { pdfjsBench } from './pdfjs.js';
import { processBench } from './process.js';
import { queueBench } from './queue.js';
import { tablesBench } from './tables.js';

/**
 * Run in this order; the first one to call lkjip also reports its start-up. `process` spawns the
 * compiled CLI, start-up included, beside the in-process `tables` and `audit`; `memory` spawns it on
 * each sample and on the sample repeated to 1,000 pages.
 */
export const SECTIONS: readonly BenchSection[] = [tablesBench, pdfjsBench, auditBench, processBench, memoryBench, ocrBench, batchBench, queueBench];

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DEFAULT_RUNS = 3;

/**
 * Splits a document into pages with and without a text layer using pdftotext (one call; pages are
 * separated by form feeds), so the split costs lkjip nothing and does not warm it up.
 */
async function probe(file: string, name: string): Promise<Sample> {
  const text = await tool('pdftotext', ['-enc', 'UTF-8', file, '-']).catch(() => undefined);
  if (text === undefined) {
    // Without poppler, ask lkjip itself (this then is its first call, and the start-up figure is lost).
    const { loadPipeline } = await import('./lib/lkjip.js');
    const { pipeline } = await loadPipeline();
    const doc = await pipeline.readTables(file, { ocr: 'off' });
    const textPages = doc.pages.filter((p) => p.source === 'text').map((p) => p.page);
    return { name, file, pageCount: doc.pageCount, textPages, imagePages: doc.pages.filter((p) => p.source !== 'text').map((p) => p.page) };
  }
  const pages = text.split('\f');
  // pdftotext ends the last page with a form feed too.
  if (pages.length > 1 && pages[pages.length - 1] === '') pages.pop();
  const textPages: number[] = [];
  const imagePages: number[] = [];
  pages.forEach((t, i) => (t.replace(/\s+/g, '').length >= 10 ? textPages : imagePages).push(i + 1));
  return { name, file, pageCount: pages.length, textPages, imagePages };
}

function table(columns: readonly string[], rows: readonly Record<string, Cell>[]): string[] {
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(columns.map((c) => String(r[c] ?? ''))))];
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  let runs = DEFAULT_RUNS;
  const wanted: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--runs') runs = Number(args[++i]);
    else if (a.startsWith('--runs=')) runs = Number(a.slice('--runs='.length));
    else wanted.push(a);
  }
  if (!Number.isInteger(runs) || runs < 1) {
    console.error(`--runs must be a positive integer, got ${runs}`);
    return 1;
  }
  const unknown = wanted.filter((w) => !SECTIONS.some((s) => s.name === w));
  if (unknown.length) {
    console.error(`unknown section(s): ${unknown.join(', ')}; known: ${SECTIONS.map((s) => s.name).join(', ')}`);
    return 1;
  }
  const sections = wanted.length ? SECTIONS.filter((s) => wanted.includes(s.name)) : SECTIONS;
  const files = (await readdir(`${ROOT}samples`)).filter((f) => f.endsWith('.pdf')).sort();
  const samples = await Promise.all(files.map((f) => probe(`${ROOT}samples/${f}`, f.replace(/\.pdf$/, ''))));
  const ctx: BenchContext = { samples, runs, log: (m) => process.stderr.write(`… ${m}\n`) };
  const load = (): string => os.loadavg().map((l) => l.toFixed(1)).join(' ');
  // Timings are wall-clock: a busy machine slows both sides, but not always equally.
  console.log(`lkjip bench: ${samples.length} samples, median of ${runs} runs after one warm-up; ${os.cpus().length} CPUs, node ${process.version}, load ${load()}`);
  for (const s of samples) {
    console.log(`  ${s.name}: ${s.pageCount} pages, ${s.textPages.length} with a text layer${s.imagePages.length ? `, image-only: ${s.imagePages.join(',')}` : ''}`);
  }

  const results: ({ name: string; seconds: number } & (SectionResult | { error: string }))[] = [];
  let crashed = 0;
  for (const section of sections) {
    const start = performance.now();
    try {
      const r = await section.run(ctx);
      const secs = (performance.now() - start) / 1000;
      results.push({ name: section.name, seconds: secs, ...r });
      console.log(`\n== ${section.name} (${fmtSeconds(secs)} s) ==`);
      if (r.skipped) console.log(`skipped: ${r.skipped}`);
      else for (const l of table(r.columns, r.rows)) console.log(l);
      for (const n of r.notes) console.log(`- ${n}`);
    } catch (err) {
      crashed++;
      const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
      results.push({ name: section.name, seconds: (performance.now() - start) / 1000, error: message });
      console.error(`\n== ${section.name}: CRASHED ==\n${message}`);
    }
  }
  await mkdir(`${ROOT}bench/out`, { recursive: true });
  const out = {
    ranAt: new Date().toISOString(),
    node: process.version,
    platform: `${os.platform()}-${os.arch()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    runs,
    loadAverage: os.loadavg(),
    samples,
    sections: results,
  };
  await writeFile(`${ROOT}bench/out/results.json`, JSON.stringify(out, null, 2) + '\n');
  console.log(`\nload average at the end ${load()}; written bench/out/results.json`);
  return crashed ? 1 : 0;
}

process.exitCode = await main();
