/**
 * Gold for the rendered synthetic PDFs (`npx tsx scripts/synthetic/gold.ts`, run by render.sh): for
 * each PDF in evals/synthetic/pdf/, the plan's planted findings and traps with the page each one is
 * printed on in that rendering, found by its anchors in the text layer (pdftotext -raw, one page at a
 * time, as scripts/fixtures/build-expected.py does). Writes
 *
 *   evals/synthetic/gold/<doc>.<renderer>.findings.json   same format as evals/gold/<seed>.findings.json
 *   evals/synthetic/gold/<doc>.<renderer>.traps.json      same format as evals/gold/<seed>.traps.json
 *   evals/synthetic/manifest.json                          the documents, for the findings scorer
 *
 * Stops with an error when an anchor is on no page or on several, so an item whose page cannot be
 * told never reaches the gold. An image-only page has no text: the scanned copy takes its pages from
 * the rendering it was made from.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Plan, PlanItem, PlanLocation } from './generate.js';
import { anchorCount, anchorPositions } from './lib/anchors.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SYN = `${ROOT}evals/synthetic`;
const run = promisify(execFile);

const RENDERERS = { lo: 'LibreOffice 7 (Writer HTML import, PDF export)', chrome: 'Chromium headless (--print-to-pdf)', scan: 'Chromium rendering with one page replaced by a 200 dpi grey image (no text layer)' } as const;
type Variant = keyof typeof RENDERERS;

/** The text of each page of a PDF (pdftotext -raw), empty for image-only pages. */
export async function pageTexts(pdf: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  const pages = stdout.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  const { stdout: info } = await run('pdfinfo', [pdf]);
  const n = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  // pdftotext ends every page with a form feed, so n pages give n texts (trailing empty pages included).
  while (pages.length < n) pages.push('');
  if (pages.length !== n) throw new Error(`${pdf}: ${pages.length} page texts for ${n} pages`);
  return pages;
}

/**
 * The 1-based page of an item: with `after` (a table caption), the page of the first occurrence of
 * `anchors[0]` after the caption on a page that also prints the other anchors; otherwise the one page
 * holding all anchors (an anchor cut by a page break is found on the page it starts on).
 *
 * @example
 *   findPage(['a 1,5', 'b 2,5'], ['2,5']); // 2
 *   findPage(['Tabel 1 x 7', 'Tabel 2 y 7'], ['7', 'y'], 'Tabel 2'); // 2
 */
export function findPage(pages: readonly string[], anchors: readonly string[], after?: string, what = ''): number {
  const on = (text: string): boolean => anchors.every((a) => anchorCount(text, a) > 0);
  if (after !== undefined) {
    const starts: number[] = [];
    let offset = 0;
    for (const p of pages) {
      starts.push(offset);
      offset += p.length + 1;
    }
    const all = pages.join('\n');
    const pageAt = (pos: number): number => starts.filter((s) => s <= pos).length;
    const caption = anchorPositions(all, after);
    if (caption.length !== 1) throw new Error(`${what}: caption "${after}" found ${caption.length} times`);
    for (const pos of anchorPositions(all, anchors[0]!)) {
      if (pos <= caption[0]!) continue;
      const page = pageAt(pos);
      if (on(pages[page - 1]!)) return page;
    }
    throw new Error(`${what}: ${JSON.stringify(anchors)} not found after "${after}"`);
  }
  const hits = pages.flatMap((t, i) => (on(t) ? [i + 1] : []));
  if (hits.length === 1) return hits[0]!;
  if (hits.length > 1) throw new Error(`${what}: anchors ${JSON.stringify(anchors)} on pages ${hits.join(', ')}`);
  const joined = pages.slice(0, -1).flatMap((t, i) => (on(`${t}\n${pages[i + 1]}`) ? [i + 1] : []));
  if (joined.length === 1) return joined[0]!;
  throw new Error(`${what}: anchors ${JSON.stringify(anchors)} on ${joined.length ? `page pairs from ${joined.join(', ')}` : 'no page'}`);
}

interface GoldLocation {
  page: number;
  table: string | null;
  row: string;
  column: string | null;
  printed: string;
}

function place(pages: readonly string[], l: PlanLocation, what: string): GoldLocation {
  return { page: findPage(pages, l.anchors, l.after, what), table: l.table, row: l.row, column: l.column, printed: l.printed };
}

export interface ManifestEntry {
  /** File stem: `syn01.lo`. */
  name: string;
  doc: string;
  renderer: Variant;
  rendererDescription: string;
  pdf: string;
  title: string;
  layout: string;
  pages: number;
  /** Pages without a text layer. */
  imageOnlyPages: number[];
  /** Whether each total in `spans` has its rows on an earlier page in this rendering. */
  totalsSpanPages: boolean;
  findings: number;
  traps: number;
  checks: Record<string, number>;
}

async function goldFor(plan: Plan, variant: Variant): Promise<ManifestEntry> {
  const name = `${plan.doc}.${variant}`;
  const pdf = `evals/synthetic/pdf/${name}.pdf`;
  const own = await pageTexts(`${ROOT}${pdf}`);
  let pages = own;
  const imageOnly = own.flatMap((t, i) => (t.trim() === '' ? [i + 1] : []));
  if (variant === 'scan') {
    const from = plan.scan?.from ?? 'chrome';
    pages = await pageTexts(`${SYN}/pdf/${plan.doc}.${from}.pdf`);
    if (pages.length !== own.length) throw new Error(`${name}: ${own.length} pages but ${from} has ${pages.length}`);
    if (imageOnly.length !== 1) throw new Error(`${name}: expected one image-only page, found ${imageOnly.join(', ') || 'none'}`);
  } else if (imageOnly.length) throw new Error(`${name}: pages without text: ${imageOnly.join(', ')}`);

  let spans = true;
  const spanLast = new Set<string>();
  for (const s of plan.spans) {
    const first = findPage(pages, s.first.anchors, s.first.after, `${name} ${s.what} (first)`);
    const last = findPage(pages, s.last.anchors, s.last.after, `${name} ${s.what} (last)`);
    if (first >= last) spans = false;
    spanLast.add(JSON.stringify(s.last.anchors));
  }
  const out = (i: PlanItem): Record<string, unknown> => {
    const at = place(pages, i, `${name} ${i.id}`);
    const base = { check: i.check, severity: i.severity, page: at.page, table: at.table, row: at.row, column: at.column, printed: at.printed, expected: i.expected, formula: i.formula };
    if (i.kind === 'trap') {
      const why = !spans && i.check === 'sum-rows' && spanLast.has(JSON.stringify(i.anchors)) ? 'The JUMLAH row equals the sum of its program rows (in this rendering they are on the same page).' : i.why_not;
      return { ...base, why_not: why, id: i.id };
    }
    return { ...base, explanation: i.explanation, ...(i.also_checks ? { also_checks: i.also_checks } : {}), ...(i.counterparts ? { counterparts: i.counterparts.map((c) => place(pages, c, `${name} ${i.id} counterpart`)) } : {}), id: i.id };
  };
  const findings = plan.items.filter((i) => i.kind === 'finding').map(out);
  const traps = plan.items.filter((i) => i.kind === 'trap').map(out);
  await writeFile(`${SYN}/gold/${name}.findings.json`, JSON.stringify(findings, null, 1) + '\n');
  await writeFile(`${SYN}/gold/${name}.traps.json`, JSON.stringify(traps, null, 1) + '\n');
  const checks: Record<string, number> = {};
  for (const f of findings) checks[String(f.check)] = (checks[String(f.check)] ?? 0) + 1;
  return { name, doc: plan.doc, renderer: variant, rendererDescription: RENDERERS[variant], pdf, title: plan.title, layout: plan.layout, pages: own.length, imageOnlyPages: imageOnly, totalsSpanPages: spans, findings: findings.length, traps: traps.length, checks };
}

async function main(): Promise<void> {
  await mkdir(`${SYN}/gold`, { recursive: true });
  const plans = (await readdir(`${SYN}/src`)).filter((f) => f.endsWith('.plan.json')).sort();
  const manifest: ManifestEntry[] = [];
  for (const f of plans) {
    const plan = JSON.parse(await readFile(`${SYN}/src/${f}`, 'utf8')) as Plan;
    for (const variant of Object.keys(RENDERERS) as Variant[]) {
      if (!existsSync(`${SYN}/pdf/${plan.doc}.${variant}.pdf`)) {
        if (variant !== 'scan' || plan.scan) throw new Error(`${plan.doc}.${variant}.pdf is missing: run scripts/synthetic/render.sh`);
        continue;
      }
      const m = await goldFor(plan, variant);
      manifest.push(m);
      console.log(`${m.name}: ${m.pages} pages${m.imageOnlyPages.length ? ` (image-only: ${m.imageOnlyPages.join(', ')})` : ''}, ${m.findings} findings, ${m.traps} traps${m.totalsSpanPages ? '' : ', budget total NOT across a page break'}`);
    }
  }
  await writeFile(`${SYN}/manifest.json`, JSON.stringify(manifest, null, 1) + '\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
