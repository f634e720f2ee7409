/**
 * `npm run corpus`: builds the evaluation corpus in evals/corpus/ from the document class
 * (scripts/corpus/spec.ts). For each report: generate (seeded), render with its drawn producer
 * (LibreOffice's Writer HTML import, or Chromium through playwright-core), scan the pages its spec
 * asks for (scan.ts), then find every gold item's page in the text layer of the unscanned rendering
 * and write
 *
 *   evals/corpus/pdf/<id>.pdf
 *   evals/corpus/gold/<id>.findings.json, .traps.json, .model.json, .tables.json
 *   evals/corpus/manifest.json   (split dev / heldout by a fixed seed)
 *
 * Formats: evals/corpus/README.md. Options: `--count N` (default 70), `--only c001,c002`,
 * `--jobs N` (default: the number of CPUs), `--seed N` (another master seed draws another corpus of
 * the same class) and `--out DIR` (write it there instead; score it with `EVAL_CORPUS_DIR=DIR`). Same seeds, same reports; the renderers stamp dates into
 * the PDFs, so bytes differ between runs but text, pages and gold do not.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { anchorCount } from '../synthetic/lib/anchors.js';
import { findPage, pageTexts } from '../synthetic/gold.js';
import { rng } from '../synthetic/lib/rng.js';
import { corpusSeeds, generateReport, type Locator, type Plan, type PlanItem, type PlanModelRow, type PlanPlace } from './generate.js';
import { scanPages } from './scan.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where the corpus is written: `evals/corpus`, or `--out DIR` (a second draw kept apart). */
let OUT = `${ROOT}evals/corpus`;
/** The master seed of the corpus and of its held-out split. */
export const MASTER_SEED = 20261207;
export const SPLIT_SEED = 7411;
export const HELDOUT_SHARE = 0.4;

interface Options {
  count: number;
  /** The master seed: another seed draws another corpus from the same class. */
  seed: number;
  out: string | null;
  only: string[] | null;
  jobs: number;
}

function options(argv: string[]): Options {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return { count: Number(get('count') ?? 70), seed: Number(get('seed') ?? MASTER_SEED), out: get('out') ?? null, only: get('only')?.split(',') ?? null, jobs: Number(get('jobs') ?? Math.max(1, os.cpus().length)) };
}

async function renderLibreOffice(files: string[], work: string, profile: string): Promise<string[]> {
  await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--infilter=HTML (StarWriter)', '--convert-to', 'pdf:writer_pdf_Export', '--outdir', work, ...files], { timeout: 300_000 });
  return files.map((f) => path.join(work, `${path.basename(f, '.html')}.pdf`));
}

async function renderChromium(files: string[], browser: Browser): Promise<string[]> {
  const out: string[] = [];
  for (const f of files) {
    const page = await browser.newPage();
    await page.goto(`file://${f}`);
    const pdf = f.replace(/\.html$/, '.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    await page.close();
    out.push(pdf);
  }
  return out;
}

function place(pages: readonly string[], l: PlanPlace, what: string): { page: number; table: string | null; row: string; column: string | null; printed: string } {
  return { page: findPage(pages, l.anchors, l.after, what), table: l.table, row: l.row, column: l.column, printed: l.printed };
}

/**
 * The page of a model row: its label's first words are searched first, so that a row whose figures
 * are short numbers ("3", "4") is not placed on an earlier page that prints the same numbers; a label
 * not printed as such (a total named otherwise) falls back to the row's figures.
 */
function rowPage(pages: readonly string[], m: PlanModelRow, what: string): number {
  const words = m.label.split(/\s+/).filter(Boolean);
  // A one-word label ("JUMLAH") is printed by every table's total: only figures tell those apart.
  if (m.after !== undefined && words.length >= 2) {
    const head = words.slice(0, 2).join(' ');
    try {
      return findPage(pages, [head, ...m.anchors], m.after, what);
    } catch {
      // the label is not printed after the intro as written: the figures decide
    }
  }
  return findPage(pages, m.anchors, m.after, what);
}

function tryPage(pages: readonly string[], l: Locator | null): number | null {
  if (!l) return null;
  try {
    return findPage(pages, l.anchors, l.after, '');
  } catch {
    return null;
  }
}

export interface ManifestEntry {
  id: string;
  seed: number;
  split: 'dev' | 'heldout';
  pdf: string;
  producer: string;
  office: string;
  instansi: string;
  pemda: string;
  tahun: number;
  pages: number;
  scannedPages: number[];
  scan: Plan['scan'];
  layout: Record<string, unknown>;
  plants: number;
  findings: number;
  traps: number;
  checks: Record<string, number>;
  modelRows: { indicators: number; budget: number };
  tables: number;
  totalsSpanPages: boolean;
}

async function buildOne(id: string, seed: number, heldout: boolean, ctx: { browser: () => Promise<Browser>; profile: string }): Promise<Omit<ManifestEntry, 'split'>> {
  let g: ReturnType<typeof generateReport> | null = null;
  let s = seed;
  for (let attempt = 0; attempt < 12 && !g; attempt++) {
    try {
      g = generateReport(id, s, heldout);
    } catch (err) {
      if (attempt === 11) throw err;
      s = rng(s).int(1, 2 ** 31 - 1);
    }
  }
  const { plan, html } = g!;
  const work = await mkdtemp(path.join(os.tmpdir(), `corpus-${id}-`));
  try {
    const files: string[] = [];
    for (const [i, part] of html.entries()) {
      const f = path.join(work, `${id}.part${i + 1}.html`);
      await writeFile(f, part.html);
      files.push(f);
    }
    const pdfs = plan.producer === 'libreoffice' ? await renderLibreOffice(files, work, ctx.profile) : await renderChromium(files, await ctx.browser());
    const joined = path.join(work, `${id}.pdf`);
    if (pdfs.length === 1) await copyFile(pdfs[0]!, joined);
    else await run('qpdf', ['--empty', '--deterministic-id', '--pages', ...pdfs, '--', joined]);
    const pages = await pageTexts(joined);
    // Every table intro is printed exactly once in the rendering too.
    const all = pages.join('\n');
    for (const t of plan.tables) {
      const intro = plan.model.find((m) => m.tableId === t.id)?.after;
      if (intro && anchorCount(all, intro) !== 1) throw new Error(`${id}: table intro of ${t.id} found ${anchorCount(all, intro)} times in the PDF`);
    }
    const out = (i: PlanItem): Record<string, unknown> => {
      const at = place(pages, i, `${id} ${i.id}`);
      const base = { id: i.id, check: i.check, severity: i.severity, ...at, expected: i.expected, formula: i.formula };
      if (i.kind === 'trap') return { ...base, why_not: i.why_not };
      return { ...base, explanation: i.explanation, ...(i.plant ? { plant: i.plant } : {}), ...(i.also_checks?.length ? { also_checks: i.also_checks } : {}), ...(i.counterparts ? { counterparts: i.counterparts.map((c) => place(pages, c, `${id} ${i.id} counterpart`)) } : {}) };
    };
    const findings = plan.items.filter((i) => i.kind === 'finding').map(out);
    const traps = plan.items.filter((i) => i.kind === 'trap').map(out);
    const model = {
      doc: id,
      instansi: `${plan.instansi} ${plan.pemda}`,
      pemda: plan.pemda,
      tahun: plan.tahun,
      indicators: plan.model.filter((m) => m.kind === 'indicator').map((m) => ({ table: m.table, page: rowPage(pages, m, `${id} model ${m.label}`), sasaran: m.sasaran ?? null, indikator: m.label, satuan: m.satuan ?? null, target: m.fields.target ?? null, realisasi: m.fields.realisasi ?? null, capaian: m.fields.capaian ?? null, predikat: m.fields.predikat ?? null })),
      budget: plan.model.filter((m) => m.kind === 'budget').map((m) => ({ table: m.table, page: rowPage(pages, m, `${id} model ${m.label}`), kode: m.fields.kode ?? null, uraian: m.label, level: m.level ?? 'program', pagu: m.fields.pagu ?? null, realisasi: m.fields.realisasi ?? null, persen: m.fields.persen ?? null, sisa: m.fields.sisa ?? null })),
    };
    // Pages to scan: every page holding a row of a table marked for scanning.
    const scanned = new Set<number>();
    if (plan.scan) {
      for (const t of plan.tables.filter((x) => x.scan)) {
        for (const p of t.parts) {
          const a = tryPage(pages, p.first);
          const b = tryPage(pages, p.last);
          if (a === null || b === null) throw new Error(`${id}: cannot find the pages of scanned table ${t.id}`);
          for (let k = a; k <= b; k++) scanned.add(k);
        }
      }
    }
    const tables = plan.tables.flatMap((t) =>
      t.parts.map((p, i) => {
        const a = tryPage(pages, p.first);
        const b = tryPage(pages, p.last);
        const span = a !== null && b !== null ? Array.from({ length: b - a + 1 }, (_, k) => a + k) : [a, b].filter((x): x is number => x !== null);
        return { id: `${id}:${t.id}${t.parts.length > 1 ? `.${i + 1}` : ''}`, group: `${id}:${t.id}`, kind: t.kind, caption: t.caption, pages: span, scanned: span.some((x) => scanned.has(x)), headerRows: p.header ? t.headerRows : 0, rows: p.rows };
      }),
    );
    const final = `${OUT}/pdf/${id}.pdf`;
    if (plan.scan && scanned.size) {
      const { what: _what, ...params } = plan.scan;
      await scanPages(joined, final, [...scanned].sort((a, b) => a - b), params, { stampText: plan.stampText });
    } else {
      await copyFile(joined, final);
    }
    const spans = plan.spans.every((sp) => (tryPage(pages, sp.first) ?? 0) < (tryPage(pages, sp.last) ?? 0));
    await writeFile(`${OUT}/gold/${id}.findings.json`, JSON.stringify(findings, null, 1) + '\n');
    await writeFile(`${OUT}/gold/${id}.traps.json`, JSON.stringify(traps, null, 1) + '\n');
    await writeFile(`${OUT}/gold/${id}.model.json`, JSON.stringify(model, null, 1) + '\n');
    await writeFile(`${OUT}/gold/${id}.tables.json`, JSON.stringify(tables, null, 1) + '\n');
    const checks: Record<string, number> = {};
    for (const f of findings) checks[String(f.check)] = (checks[String(f.check)] ?? 0) + 1;
    return {
      id,
      seed: s,
      pdf: path.relative(ROOT, final).startsWith('..') ? final : path.relative(ROOT, final),
      producer: plan.producer,
      office: plan.office,
      instansi: plan.instansi,
      pemda: plan.pemda,
      tahun: plan.tahun,
      pages: pages.length,
      scannedPages: [...scanned].sort((a, b) => a - b),
      scan: plan.scan && scanned.size ? plan.scan : null,
      layout: plan.layout,
      plants: plan.plants.length,
      findings: findings.length,
      traps: traps.length,
      checks,
      modelRows: { indicators: model.indicators.length, budget: model.budget.length },
      tables: tables.length,
      totalsSpanPages: spans,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The held-out ids: a fixed share of the corpus, drawn with its own seed. */
export function heldOut(ids: readonly string[], seed = SPLIT_SEED, share = HELDOUT_SHARE): Set<string> {
  const shuffled = rng(seed).shuffle(ids);
  return new Set(shuffled.slice(0, Math.round(ids.length * share)));
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  if (!Number.isInteger(opts.seed) || !Number.isInteger(opts.count) || opts.count < 1) {
    console.error(`corpus: --seed must be an integer and --count a positive integer (got seed ${opts.seed}, count ${opts.count})`);
    process.exitCode = 2;
    return;
  }
  if (opts.out && opts.seed === MASTER_SEED && path.resolve(opts.out) !== path.resolve(OUT)) {
    // The same seed draws the same reports: another folder would hold the main corpus's held-out
    // reports under another split, where they would be read as dev.
    console.error(`corpus: --seed ${MASTER_SEED} draws the main corpus itself; choose another seed for another draw`);
    process.exitCode = 2;
    return;
  }
  if (opts.out) OUT = path.resolve(opts.out);
  await mkdir(`${OUT}/pdf`, { recursive: true });
  await mkdir(`${OUT}/gold`, { recursive: true });
  const seeds = corpusSeeds(opts.seed, opts.count);
  const ids = seeds.map((_, i) => `c${String(i + 1).padStart(3, '0')}`);
  const wanted = ids.map((id, i) => ({ id, seed: seeds[i]! })).filter((x) => !opts.only || opts.only.includes(x.id));
  const held = heldOut(ids);
  const manifestFile = `${OUT}/manifest.json`;
  const previous: ManifestEntry[] = opts.only && existsSync(manifestFile) ? (JSON.parse(await readFile(manifestFile, 'utf8')) as ManifestEntry[]) : [];
  let browser: Browser | null = null;
  let launching: Promise<Browser> | null = null;
  const getBrowser = async (): Promise<Browser> => {
    if (browser) return browser;
    launching ??= chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
    browser = await launching;
    return browser;
  };
  const results: Array<Omit<ManifestEntry, 'split'>> = [];
  const failures: string[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: opts.jobs }, async (_, w) => {
      const profile = await mkdtemp(path.join(os.tmpdir(), `corpus-lo-${w}-`));
      try {
        while (next < wanted.length) {
          const job = wanted[next++]!;
          const t0 = performance.now();
          try {
            const m = await buildOne(job.id, job.seed, held.has(job.id), { browser: getBrowser, profile });
            results.push(m);
            console.log(`${m.id}: ${m.producer}, ${m.pages} pages${m.scannedPages.length ? ` (scanned ${m.scannedPages.join(',')})` : ''}, ${m.findings} findings from ${m.plants} plants, ${m.traps} traps, ${m.modelRows.indicators}+${m.modelRows.budget} model rows, ${m.tables} tables (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
          } catch (err) {
            failures.push(`${job.id}: ${err instanceof Error ? err.message : String(err)}`);
            console.error(`${job.id}: FAILED ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
          }
        }
      } finally {
        await rm(profile, { recursive: true, force: true });
      }
    }),
  );
  await (browser as Browser | null)?.close();
  const merged = new Map<string, ManifestEntry>(previous.map((m) => [m.id, m]));
  for (const m of results) merged.set(m.id, { ...m, split: held.has(m.id) ? 'heldout' : 'dev' });
  const manifest = [...merged.values()].sort((a, b) => a.id.localeCompare(b.id));
  await writeFile(manifestFile, JSON.stringify(manifest, null, 1) + '\n');
  const n = manifest.length;
  console.log(`\n${n} reports (${manifest.filter((m) => m.split === 'heldout').length} held out), ${manifest.filter((m) => m.scannedPages.length).length} with scanned pages, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  if (failures.length) {
    console.error(`${failures.length} failed:\n${failures.join('\n')}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
