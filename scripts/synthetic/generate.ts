/**
 * Generates the synthetic LKjIP corpus (`npx tsx scripts/synthetic/generate.ts`): for each report
 * in specs.ts, builds the report, checks that it is consistent, plants its discrepancies one by one
 * (recording every fact each one breaks), sets its traps, and writes
 *
 *   evals/synthetic/src/<doc>.html (or <doc>.part<N>.html when a section is landscape)
 *   evals/synthetic/src/<doc>.plan.json   planted findings and traps with text anchors
 *
 * scripts/synthetic/render.sh then renders the PDFs and scripts/synthetic/gold.ts turns each plan
 * into per-PDF gold with the real page numbers. Seeded: running it again gives the same files.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build, type Built } from './lib/build.js';
import { documentText, inlineText, type Printed } from './lib/doc.js';
import { renderHtml } from './lib/html.js';
import { rng } from './lib/rng.js';
import { groupByItem, verify, violationKey } from './lib/verify.js';
import { CORPUS, type CorpusDoc } from './specs.js';
import { anchorCount, squash } from './lib/anchors.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SRC = `${ROOT}evals/synthetic/src`;

export interface PlanLocation {
  table: string | null;
  row: string;
  column: string | null;
  printed: string;
  /** Strings that must all be printed on the item's page (whitespace-insensitive). */
  anchors: string[];
  /** For a table cell: the table's caption; the item is the first match of `anchors[0]` after it. */
  after?: string;
}

export interface PlanItem extends PlanLocation {
  kind: 'finding' | 'trap';
  id: string;
  check: string;
  severity: string | null;
  expected: string;
  formula: string;
  explanation?: string;
  why_not?: string;
  also_checks?: string[];
  counterparts?: PlanLocation[];
}

export interface Plan {
  doc: string;
  title: string;
  layout: string;
  instansi: string;
  pemda: string;
  parts: Array<{ file: string; orientation: 'portrait' | 'landscape' }>;
  items: PlanItem[];
  /** Item pairs that must land on different pages (a total whose rows start on an earlier page). */
  spans: Array<{ what: string; first: PlanLocation; last: PlanLocation }>;
  scan?: { from: 'chrome'; caption: string };
}

/**
 * Strings that pin an item to its page: its own text when the document prints it once, else with a
 * unique neighbour from its row, else a unique phrase around it in its paragraph.
 */
function anchorsFor(p: Printed, text: string, tables: TableIndex): string[] {
  const unique = (s: string): boolean => squash(s).length >= 3 && anchorCount(text, s) === 1;
  if (unique(p.text)) return [p.text];
  for (const m of p.rowmates ?? []) if (m !== p && unique(m.text)) return [p.text, m.text];
  // A unique figure in the nearest row of the same table (tables here are short or the row is not at a page break).
  const at = tables.get(p);
  if (at) {
    for (let d = 1; d < at.rows.length; d++) {
      for (const r of [at.row - d, at.row + d]) {
        const m = at.rows[r]?.find((x) => unique(x.text));
        if (m) return [p.text, m.text];
      }
    }
    // Else the first words of a row label nearby (the first line of a wrapped cell stays together).
    for (let d = 0; d < at.rows.length; d++) {
      for (const r of d ? [at.row - d, at.row + d] : [at.row]) {
        const words = (at.labels[r] ?? '').split(/\s+/);
        for (let n = 2; n <= Math.min(4, words.length); n++) {
          const head = words.slice(0, n).join(' ');
          if (unique(head)) return [p.text, head];
        }
      }
    }
  }
  // No cell of the row is unique by itself: the whole row's cells together pin the page.
  if (p.rowmates && p.rowmates.length > 1) return [...new Set([p.text, ...p.rowmates.map((m) => m.text)])];
  if (p.paragraph) {
    const i = p.paragraph.indexOf(p);
    const before = inlineText(p.paragraph.slice(0, i));
    const after = inlineText(p.paragraph.slice(i + 1));
    for (const n of [3, 5, 8, 12]) {
      const pre = before.split(/\s+/).slice(-n).join(' ');
      const post = after.split(/\s+/).slice(0, n).join(' ');
      for (const phrase of [`${pre}${p.text}`, `${p.text}${post}`, `${pre}${p.text}${post}`]) if (unique(phrase)) return [phrase];
    }
  }
  throw new Error(`no unique anchor for ${p.id} "${p.text}" (${p.where.table ?? 'text'} / ${p.where.row})`);
}

type TableIndex = Map<Printed, { rows: Printed[][]; labels: string[]; row: number }>;

function tableIndex(blocks: Built['blocks']): TableIndex {
  const index: TableIndex = new Map();
  for (const b of blocks) {
    if (b.kind !== 'table') continue;
    const rows = b.table.rows.map((r) => r.cells.flatMap((c) => c.content.filter((x): x is Printed => typeof x !== 'string')));
    const labels = b.table.rows.map((r) => r.label);
    rows.forEach((r, i) => r.forEach((p) => index.set(p, { rows, labels, row: i })));
  }
  return index;
}

/**
 * A table cell is found as the first occurrence of its text after the table's caption on a page that
 * also prints the rest of its row; prose by a phrase the document prints once.
 */
function locate(p: Printed, text: string, tables: TableIndex): PlanLocation {
  const where = { table: p.where.table, row: p.where.row, column: p.where.column, printed: p.text };
  const at = tables.get(p);
  if (at && p.where.table) {
    if (anchorCount(text, p.text) < 1) throw new Error(`"${p.text}" is not in the document text`);
    return { ...where, anchors: [...new Set([p.text, ...at.rows[at.row]!.map((m) => m.text)])], after: p.where.table };
  }
  return { ...where, anchors: anchorsFor(p, text, tables) };
}

function generate(doc: CorpusDoc): { built: Built; plan: Plan; html: Array<{ file: string; html: string; orientation: 'portrait' | 'landscape' }> } {
  const spec = doc.spec;
  const b = build(spec, rng(spec.seed));
  const ctx = { style: spec.style, scale: b.scale, tahun: 2023, instansi: b.instansi };
  const before = verify(b.facts, ctx);
  if (before.length) throw new Error(`${spec.id}: inconsistent before planting:\n${before.map((v) => `  ${v.check} ${v.at.text}: ${v.detail}`).join('\n')}`);

  const traps = doc.traps.flatMap((t) => t(b));
  const cause = new Map<string, { plant: string; planted: boolean }>();
  let seen = new Set<string>();
  for (const plant of doc.plants) {
    const changed = new Set<string>();
    const snapshot = new Map<string, string>();
    const all = collectPrinted(b);
    for (const p of all) snapshot.set(p.id, p.text);
    const description = plant(b);
    for (const p of all) if (snapshot.get(p.id) !== p.text) changed.add(p.id);
    const now = verify(b.facts, ctx);
    const fresh = now.filter((v) => !seen.has(violationKey(v)));
    if (!fresh.length) throw new Error(`${spec.id}: plant "${description}" breaks no fact`);
    // A changed part of a sum is reported at the total: then every fresh violation is the plant's own.
    const direct = fresh.some((v) => changed.has(v.at.id));
    for (const v of fresh) cause.set(violationKey(v), { plant: description, planted: !direct || changed.has(v.at.id) });
    seen = new Set(now.map(violationKey));
  }
  const after = verify(b.facts, ctx);
  for (const v of after) if (!cause.has(violationKey(v))) throw new Error(`${spec.id}: violation without a cause: ${v.detail}`);
  for (const t of traps) {
    if (t.at.text !== t.at.origText) throw new Error(`${spec.id}: a plant changed trap item ${t.at.text}`);
    const hit = after.find((v) => v.at === t.at && v.check === t.check);
    if (hit) throw new Error(`${spec.id}: trap ${t.check} at ${t.at.text} is a real violation: ${hit.detail}`);
  }

  const text = documentText(b.blocks);
  const tables = tableIndex(b.blocks);
  const items: PlanItem[] = [];
  let n = 0;
  for (const { lead: v, others, cause: c, counterparts } of groupByItem(after, cause)) {
    items.push({
      kind: 'finding',
      id: `${spec.id}-F${String(++n).padStart(2, '0')}`,
      check: v.check,
      severity: v.severity,
      ...locate(v.at, text, tables),
      expected: v.expected,
      formula: v.formula,
      explanation: `${[v, ...others].map((x) => x.detail).join(' ')} ${c.planted ? 'Planted' : 'Knock-on effect of the planted error'}: ${c.plant}.`,
      ...(others.length ? { also_checks: others.map((x) => x.check) } : {}),
      ...(counterparts.length ? { counterparts: counterparts.map((p) => locate(p, text, tables)) } : {}),
    });
  }
  traps.forEach((t, i) => {
    items.push({ kind: 'trap', id: `${spec.id}-T${String(i + 1).padStart(2, '0')}`, check: t.check, severity: null, ...locate(t.at, text, tables), expected: t.expected, formula: t.formula, why_not: t.why_not });
  });

  const parts = renderHtml(b.blocks, `LKjIP ${b.instansi} ${spec.pemda} Tahun 2023`);
  const html = parts.map((p, i) => ({ file: parts.length === 1 ? `${spec.id}.html` : `${spec.id}.part${i + 1}.html`, html: p.html, orientation: p.orientation }));
  const plan: Plan = {
    doc: spec.id,
    title: `${b.instansi} ${spec.pemda}, 2023 (synthetic)`,
    layout: doc.layout,
    instansi: b.instansi,
    pemda: spec.pemda,
    parts: html.map((h) => ({ file: h.file, orientation: h.orientation })),
    items,
    spans: b.spansPages.map(([first, last]) => ({ what: `${first.where.table}: first row and ${last.where.row}`, first: locate(first, text, tables), last: locate(last, text, tables) })),
    ...(doc.scan && b.scanCaption ? { scan: { from: 'chrome' as const, caption: b.scanCaption } } : {}),
  };
  return { built: b, plan, html };
}

function collectPrinted(b: Built): Printed[] {
  const out = new Set<Printed>();
  for (const blk of b.blocks) {
    if (blk.kind === 'p') for (const x of blk.parts) if (typeof x !== 'string') out.add(x);
    if (blk.kind === 'table') for (const r of blk.table.rows) for (const c of r.cells) for (const x of c.content) if (typeof x !== 'string') out.add(x);
  }
  return [...out];
}

async function main(): Promise<void> {
  await mkdir(SRC, { recursive: true });
  // Stale parts of a document whose layout changed would otherwise be rendered too.
  for (const f of await readdir(SRC)) if (/\.(html|plan\.json)$/.test(f)) await rm(`${SRC}/${f}`);
  for (const doc of CORPUS) {
    const { plan, html } = generate(doc);
    for (const h of html) await writeFile(`${SRC}/${h.file}`, h.html);
    await writeFile(`${SRC}/${plan.doc}.plan.json`, JSON.stringify(plan, null, 1) + '\n');
    const findings = plan.items.filter((i) => i.kind === 'finding');
    const byCheck = new Map<string, number>();
    for (const f of findings) byCheck.set(f.check, (byCheck.get(f.check) ?? 0) + 1);
    console.log(`${plan.doc}: ${html.length} part(s), ${findings.length} gold findings (${[...byCheck].map(([k, n]) => `${k} ${n}`).join(', ')}), ${plan.items.length - findings.length} traps`);
  }
}

await main();
