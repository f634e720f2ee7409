/**
 * One corpus report from its seed: draws the spec, builds the report, checks it is consistent, sets
 * its traps, plants its discrepancies one by one (recording every fact each breaks), and returns the
 * HTML parts with a plan: every gold finding, trap, model row and table with the text anchors that
 * locate it in a rendering. Pure: no files, no clock.
 */
import { inlineText, type Printed } from '../synthetic/lib/doc.js';
import { anchorCount, squash } from '../synthetic/lib/anchors.js';
import { rng, type Rng } from '../synthetic/lib/rng.js';
import { groupByItem, verify, violationKey, type Violation } from '../synthetic/lib/verify.js';
import { fmtNum } from '../synthetic/lib/numbers.js';
import { build, type Built, type ModelRow, type TrapItem } from './build.js';
import type { AllFacts, CBlock, CTable } from './doc.js';
import { renderHtml, type HtmlPart } from './html.js';
import { PLANTS, TRAPS } from './plants.js';
import { sampleSpec, CLASS, type CorpusSpec } from './spec.js';


export interface Locator {
  /** Strings that must all be printed on the item's page (whitespace-insensitive). */
  anchors: string[];
  /** A sentence printed once, before the item: the item is the first match of anchors[0] after it. */
  after?: string;
}

export interface PlanPlace extends Locator {
  table: string | null;
  row: string;
  column: string | null;
  printed: string;
}

export interface PlanItem extends PlanPlace {
  kind: 'finding' | 'trap';
  id: string;
  check: string;
  severity: string | null;
  expected: string;
  formula: string;
  explanation?: string;
  /** For a finding: the plant behind it, and whether this item is the planted cell or a knock-on effect. */
  plant?: { kind: string; description: string; role: 'planted' | 'knock-on' };
  why_not?: string;
  also_checks?: string[];
  counterparts?: PlanPlace[];
}

export interface PlanModelRow extends Locator {
  kind: 'indicator' | 'budget';
  table: string | null;
  tableId: string;
  label: string;
  sasaran?: string;
  satuan?: string;
  level?: string;
  fields: Record<string, string | null>;
}

export interface PlanTable {
  id: string;
  kind: CTable['kind'];
  caption: string | null;
  scan: boolean;
  headerRows: number;
  /** Printed parts (two when the table is split with a continuation line). */
  parts: Array<{ rows: string[][]; first: Locator | null; last: Locator | null; header: boolean }>;
}

export interface Plan {
  id: string;
  seed: number;
  title: string;
  instansi: string;
  pemda: string;
  tahun: number;
  office: string;
  producer: CorpusSpec['producer'];
  layout: Record<string, unknown>;
  scan: CorpusSpec['scan'];
  plants: string[];
  items: PlanItem[];
  model: PlanModelRow[];
  tables: PlanTable[];
  spans: Array<{ first: Locator; last: Locator }>;
  stampText: string;
}

/** Violations of the corpus's extra facts: comparisons with a reference figure, and means. */
export function verifyExtra(f: AllFacts, style: 'id' | 'us'): Violation[] {
  const out: Violation[] = [];
  for (const c of f.compare) {
    const d = (c.ours.value ?? 0) - (c.other.value ?? 0);
    const want = d > 0 ? 1 : -1;
    if (c.word.value === want) continue;
    out.push({ check: 'trend-words', severity: 'error', at: c.word, expected: c.word.format ? c.word.format(want) : String(want), formula: `${c.ours.text} vs ${c.other.text}`, detail: `The text says "${c.word.text}" comparing ${c.ours.text} with ${c.other.text}.` });
  }
  for (const m of f.means) {
    const e = m.parts.reduce((a, p) => a + (p.value ?? 0), 0) / m.parts.length;
    const half = 0.5 * 10 ** -m.mean.decimals;
    if (Math.abs((m.mean.value ?? 0) - e) <= half + 0.005 * m.parts.length) continue;
    out.push({ check: 'sum-rows', severity: 'error', at: m.mean, expected: fmtNum(e, 2, style), formula: `mean of ${m.parts.length} rows`, detail: `${m.label}: printed ${m.mean.text}, the mean of its rows is ${fmtNum(e, 2, style)}.` });
  }
  return out;
}

function allViolations(b: Built): Violation[] {
  return [...verify(b.facts, { style: b.spec.tableNumbers, scale: b.scale, tahun: b.spec.tahun, instansi: b.instansi }), ...verifyExtra(b.facts, b.spec.tableNumbers)];
}

function collectPrinted(blocks: readonly CBlock[]): Printed[] {
  const out = new Set<Printed>();
  for (const blk of blocks) {
    if (blk.kind === 'p') for (const x of blk.parts) if (typeof x !== 'string') out.add(x);
    if (blk.kind === 'table') {
      for (const r of blk.table.rows) for (const c of r.cells) for (const x of c.content) if (typeof x !== 'string') out.add(x);
      for (const x of blk.table.note ?? []) if (typeof x !== 'string') out.add(x);
    }
  }
  return [...out];
}

/** All the text a report prints, for uniqueness checks of anchors. */
export function corpusText(blocks: readonly CBlock[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'cover') out.push(...b.lines.map((l) => l.text));
    else if (b.kind === 'h') out.push(b.text);
    else if (b.kind === 'p') out.push(inlineText(b.parts));
    else if (b.kind === 'table') {
      const t = b.table;
      out.push(t.caption ?? '', t.header.flat().map((h) => h.text).join(' '));
      for (const r of t.rows) out.push(r.cells.filter((c) => !c.covered).map((c) => inlineText(c.content)).join(' '));
      if (t.split) out.push(t.split.label);
      if (t.note) out.push(inlineText(t.note));
    }
  }
  return out.join('\n');
}

const nonEmpty = (s: string): boolean => squash(s).length > 0;

function rowLocator(items: readonly Printed[], t: CTable): Locator | null {
  const texts = [...new Set(items.map((p) => p.text).filter(nonEmpty))];
  if (!texts.length) return null;
  return { anchors: texts, after: t.intro };
}

function locate(p: Printed, b: Built, text: string): PlanPlace {
  const base = { table: p.where.table, row: p.where.row, column: p.where.column, printed: p.text };
  const at = b.tableOf.get(p);
  if (at) {
    const row = at.table.rows[at.row]!;
    const items = row.cells.flatMap((c) => c.content.filter((x): x is Printed => typeof x !== 'string'));
    const texts = [...new Set([p.text, ...items.map((x) => x.text)].filter(nonEmpty))];
    if (!nonEmpty(p.text)) return { ...base, anchors: texts, after: at.table.intro };
    return { ...base, anchors: texts, after: at.table.intro };
  }
  const unique = (s: string): boolean => squash(s).length >= 3 && anchorCount(text, s) === 1;
  if (unique(p.text)) return { ...base, anchors: [p.text] };
  if (p.paragraph) {
    const i = p.paragraph.indexOf(p);
    const before = inlineText(p.paragraph.slice(0, i));
    const after = inlineText(p.paragraph.slice(i + 1));
    for (const n of [3, 5, 8, 12, 20]) {
      const pre = before.split(/\s+/).slice(-n).join(' ');
      const post = after.split(/\s+/).slice(0, n).join(' ');
      for (const phrase of [`${pre}${p.text}`, `${p.text}${post}`, `${pre}${p.text}${post}`]) if (unique(phrase)) return { ...base, anchors: [phrase] };
    }
  }
  throw new Error(`no unique anchor for ${p.id} "${p.text}" (${p.where.table ?? 'text'} / ${p.where.row})`);
}

const clean = (s: string): string => s.normalize('NFC').replace(/\s+/gu, ' ').trim();

/** A printed number as the model gold records it: footnote marks dropped, "no value" marks as null. */
function modelText(p: Printed | null | undefined): string | null {
  if (!p) return null;
  if (p.value === null && /^(-|n\/a|)$/i.test(p.text.trim())) return null;
  return p.text.replace(/\*+$/, '').trim() || null;
}

export function tableRows(t: CTable, rows: CTable['rows'], header: boolean): string[][] {
  const width = t.widths.length;
  const grid: string[][] = [];
  if (header) {
    const h: string[][] = t.header.map(() => Array.from({ length: width }, () => ''));
    const taken: boolean[][] = t.header.map(() => Array.from({ length: width }, () => false));
    t.header.forEach((row, i) => {
      let col = 0;
      for (const c of row) {
        while (taken[i]![col]) col++;
        h[i]![col] = clean(c.text);
        for (let di = 0; di < (c.rowspan ?? 1); di++) for (let dj = 0; dj < (c.colspan ?? 1); dj++) if (taken[i + di]) taken[i + di]![col + dj] = true;
        col += c.colspan ?? 1;
      }
    });
    grid.push(...h);
  }
  for (const r of rows) grid.push(r.cells.map((c) => (c.covered ? '' : clean(inlineText(c.content)))));
  return grid;
}

export interface Generated {
  spec: CorpusSpec;
  built: Built;
  plan: Plan;
  html: HtmlPart[];
}

/**
 * Generates report `id` from `seed`; throws when the drawn report cannot be made consistent (the
 * caller draws again).
 *
 * @example
 *   const g = generateReport('c001', 42); g.plan.items.length > 0; // true
 */
export function generateReport(id: string, seed: number, heldout = false): Generated {
  const spec = sampleSpec(id, seed, rng(seed), heldout);
  const b = build(spec, rng(seed ^ 0x5bd1e995));
  // A figure no report prints (a capaian over a target of 0 comes out infinite): draw again.
  const broken = collectPrinted(b.blocks).find((p) => /Infinity|NaN/.test(p.text));
  if (broken) throw new Error(`${id}: a figure that cannot be printed (${broken.text})`);
  const before = allViolations(b);
  if (before.length) throw new Error(`${id}: inconsistent before planting:\n${before.map((v) => `  ${v.check} ${v.at.text}: ${v.detail}`).join('\n')}`);
  const r = rng(seed ^ 0x1b873593);

  // Traps first: the plants must leave their items (and their rows) alone.
  const trapItems: TrapItem[] = TRAPS.flatMap((t) => t.items(b, r));
  const avoid = new Set<Printed>([...trapItems.map((t) => t.at), ...b.protectedItems]);
  const all = collectPrinted(b.blocks);
  const cause = new Map<string, { plant: string; kind: string; planted: boolean }>();
  let seen = new Set<string>();
  const planted: string[] = [];
  const want = r.int(CLASS.plants[0], CLASS.plants[1]);
  for (const plant of r.shuffle(PLANTS)) {
    if (planted.length >= want) break;
    const snapshot = new Map(all.map((p) => [p, { text: p.text, value: p.value }]));
    const description = plant.apply(b, r, avoid);
    if (!description) continue;
    const changed = new Set(all.filter((p) => snapshot.get(p)!.text !== p.text).map((p) => p.id));
    const fresh = allViolations(b).filter((v) => !seen.has(violationKey(v)));
    // A plant that breaks nothing (or only re-breaks what an earlier plant broke) is undone.
    const touchesTrap = [...avoid].some((p) => changed.has(p.id));
    if (!fresh.length || touchesTrap) {
      for (const [p, s] of snapshot) {
        p.text = s.text;
        p.value = s.value;
      }
      continue;
    }
    const direct = fresh.some((v) => changed.has(v.at.id));
    for (const v of fresh) cause.set(violationKey(v), { plant: description, kind: plant.name, planted: !direct || changed.has(v.at.id) });
    for (const p of all) if (changed.has(p.id)) avoid.add(p);
    seen = new Set(allViolations(b).map(violationKey));
    planted.push(description);
  }
  const after = allViolations(b);
  for (const v of after) if (!cause.has(violationKey(v))) throw new Error(`${id}: violation without a cause: ${v.detail}`);
  // A trap must hold under the same tolerance; one a plant's knock-on effect reached is dropped.
  const traps = trapItems.filter((t) => t.at.text === t.at.origText && !after.some((v) => v.at === t.at && v.check === t.check));

  const text = corpusText(b.blocks);
  for (const t of b.tables) if (anchorCount(text, t.intro) !== 1) throw new Error(`${id}: intro of ${t.id} is printed ${anchorCount(text, t.intro)} times`);
  const items: PlanItem[] = [];
  let n = 0;
  for (const { lead: v, others, cause: c, counterparts } of groupByItem(after, cause)) {
    items.push({
      kind: 'finding',
      id: `${id}-F${String(++n).padStart(2, '0')}`,
      check: v.check,
      severity: v.severity,
      ...locate(v.at, b, text),
      expected: v.expected,
      formula: v.formula,
      explanation: `${[v, ...others].map((x) => x.detail).join(' ')} ${c.planted ? 'Planted' : 'Knock-on effect of the planted error'}: ${c.plant}.`,
      plant: { kind: c.kind, description: c.plant, role: c.planted ? 'planted' : 'knock-on' },
      ...(others.length ? { also_checks: [...new Set(others.map((x) => x.check))].filter((k) => k !== v.check) } : {}),
      ...(counterparts.length ? { counterparts: counterparts.map((p) => locate(p, b, text)) } : {}),
    });
  }
  traps.forEach((t, i) => items.push({ kind: 'trap', id: `${id}-T${String(i + 1).padStart(2, '0')}`, check: t.check, severity: null, ...locate(t.at, b, text), expected: t.expected, formula: t.formula, why_not: t.why_not }));

  const model: PlanModelRow[] = b.modelRows.flatMap((m: ModelRow) => {
    const loc = rowLocator(m.items, m.table);
    if (!loc) return [];
    const fields: Record<string, string | null> = {};
    for (const [k, p] of Object.entries(m.fields)) fields[k] = k === 'kode' || k === 'predikat' ? (p ? clean(p.text) : null) : modelText(p);
    return [{ kind: m.kind, table: m.table.caption, tableId: m.table.id, label: m.label, ...(m.sasaran ? { sasaran: m.sasaran } : {}), ...(m.satuan ? { satuan: m.satuan } : {}), ...(m.level ? { level: m.level } : {}), fields, ...loc }];
  });

  // A row of plain text (a scale table's bands) is found by its own cells, longest first: anchors[0]
  // is searched after the table's intro, and a short cell such as a row number matches too early.
  const plainLoc = (t: CTable, row: CTable['rows'][number]): Locator | null => {
    const texts = [...new Set(row.cells.flatMap((c) => c.content.filter((x): x is string => typeof x === 'string')).filter(nonEmpty))];
    return texts.length ? { anchors: texts.sort((a, b) => b.length - a.length), after: t.intro } : null;
  };
  const rowLoc = (t: CTable, row: CTable['rows'][number] | undefined): Locator | null => {
    if (!row) return null;
    const printed = row.cells.flatMap((c) => c.content.filter((x): x is Printed => typeof x !== 'string'));
    return printed.length ? rowLocator(printed, t) : plainLoc(t, row);
  };
  const tables: PlanTable[] = b.tables.map((t) => {
    const split = t.split && t.split.after < t.rows.length - 1 ? t.split : null;
    const chunks = split ? [t.rows.slice(0, split.after), t.rows.slice(split.after)] : [t.rows];
    return {
      id: t.id,
      kind: t.kind,
      caption: t.caption,
      scan: Boolean(t.scan),
      headerRows: t.header.length,
      parts: chunks.map((rows, i) => {
        const header = i === 0 || Boolean(split?.header);
        const withItems = rows.filter((row) => row.cells.some((c) => c.content.some((x) => (typeof x === 'string' ? nonEmpty(x) : nonEmpty(x.text)))));
        return { rows: tableRows(t, rows, header), header, first: rowLoc(t, withItems[0]), last: rowLoc(t, withItems[withItems.length - 1]) };
      }),
    };
  });

  const html = renderHtml(b.blocks, `LKjIP ${b.instansi} ${spec.pemda} Tahun ${spec.tahun}`, { font: spec.font });
  const plan: Plan = {
    id,
    seed,
    title: `${b.instansi} ${spec.pemda}, ${spec.tahun} (generated)`,
    instansi: b.instansi,
    pemda: spec.pemda,
    tahun: spec.tahun,
    office: spec.office.kind,
    producer: spec.producer,
    layout: b.layout,
    scan: spec.scan,
    plants: planted,
    items,
    model,
    tables,
    spans: b.spansPages.map(([first, last]) => ({ first: locate(first, b, text), last: locate(last, b, text) })),
    stampText: `${b.instansi.toUpperCase()} * ${spec.pemda.toUpperCase()} *`,
  };
  return { spec, built: b, plan, html };
}

/** Seeds of the corpus: report i gets the i-th draw of the master generator. */
export function corpusSeeds(master: number, count: number): number[] {
  const r: Rng = rng(master);
  return Array.from({ length: count }, () => r.int(1, 2 ** 31 - 1));
}
