/**
 * Table recovery: the tables `readTables` finds in the seed PDFs against the tables of the seed
 * texts (`lib/gold.ts` reads the gold, `lib/score.ts` matches). Reported per document, text pages
 * and scanned (OCR) pages apart; the target is ≥ 95% of numeric cells on text pages recovered
 * exactly. Cells are counted three ways, strictest first:
 *
 * - exact: equal at the same row and the same column as in the seed text;
 * - mapped: equal at the same row and the column the table's column mapping gives (a constant
 *   offset between seed text and PDF, or a column the extractor consistently splits or drops);
 * - in row: equal to some cell of the aligned row (text recovered, column unknown).
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { LayoutDocument } from '../src/model/table.js';
import { readTables } from '../src/pipeline/tables.js';
import { parseGoldTables, type GoldTable } from './lib/gold.js';
import { clip, pct, ratio, type DocumentReport, type Metrics, type ScoreReport, type Scorer } from './lib/report.js';
import {
  addTally,
  assignInOrder,
  bestMatch,
  candidateMatches,
  compactText,
  countCells,
  EMPTY_TALLY,
  gridOf,
  isRecovered,
  locatePages,
  ocrTail,
  phraseCoverage,
  printedIn,
  tally,
  unmatchedCells,
  wordBag,
  type CellResult,
  type Grid,
  type MismatchKind,
  type TableCounts,
  type TableMatch,
  type Tally,
  type WordBag,
} from './lib/score.js';
import { SEEDS, type Seed } from './lib/seeds.js';

const NUMERIC_TARGET = 0.95;
const WORST = 5;
const SHOW_MISMATCHES = 3;

export interface GoldTableResult extends TableCounts {
  id: string;
  line: number;
  caption?: string;
  section: 'text' | 'ocr';
  /** Pages the gold table is printed on, from the text layer; empty on scanned pages. */
  goldPages: number[];
  rows: number;
  recovered: boolean;
  recoveredMapped: boolean;
  /** Share of the gold word pairs found in the PDF text layer (low on scanned pages). */
  textLayerCoverage: number;
  match?: {
    table: string;
    pages: number[];
    rowsFrom: number;
    rowsTo: number;
    alignedRows: number;
    /** Gold column → extracted column, when not the identity. */
    columnMap?: number[];
  };
  notes: string[];
  /** Cells not equal after column mapping (what the extractor got wrong). */
  mismatches: CellResult[];
  /** Cells equal only after column mapping. */
  offsetOnly: number;
}

interface TextLayer {
  all: WordBag;
  /** The whole text layer, see `compactText`. */
  compact: string;
  /** One bag per page, index = page - 1. */
  pages: WordBag[];
}

/** The PDF's text layer as pdftotext reads it, independent of the code under test. */
async function textLayer(seed: Seed, layout: LayoutDocument): Promise<TextLayer> {
  let pages: string[];
  try {
    const { stdout } = await promisify(execFile)('pdftotext', ['-enc', 'UTF-8', seed.pdf, '-'], { maxBuffer: 256 * 1024 * 1024 });
    pages = stdout.split('\f');
  } catch {
    // Without poppler, the words layout kept from text pages do nearly as well.
    pages = layout.pages.map((p) =>
      p.source !== 'text'
        ? ''
        : [
            ...layout.tables.flatMap((t) => [...t.headerRows, ...t.rows].flatMap((r) => r.cells)).filter((c) => c.page === p.page).map((c) => c.text),
            ...layout.paragraphs.filter((x) => x.page === p.page).map((x) => x.text),
          ].join('\n'),
    );
  }
  return { all: wordBag(pages.join('\n')), compact: compactText(pages.join('\n')), pages: pages.map(wordBag) };
}

interface SeedContext {
  grids: readonly Grid[];
  scanned: readonly number[];
  layer: TextLayer;
  paragraphs: WordBag;
}

function scoreGold(gold: GoldTable, best: TableMatch | undefined, section: 'text' | 'ocr', ctx: SeedContext, fromPage: number): GoldTableResult {
  const cellsText = gold.rows.flat();
  const located = best ? [...new Set(best.alignment.pairs.map((p) => best.grid.rows[p.got]?.page ?? 0))].filter(Boolean) : [];
  const goldPages = section === 'ocr' ? [] : located.length ? located : locatePages(cellsText, ctx.layer.pages, fromPage);
  const cells = best ? best.cells : unmatchedCells(gold);
  for (const c of cells) if (!c.okMapped && section === 'text' && !printedIn(c.gold, ctx.layer.compact)) c.goldInPdf = false;
  const counts = countCells(cells);
  const result: GoldTableResult = {
    id: gold.id,
    line: gold.line,
    ...(gold.caption ? { caption: gold.caption } : {}),
    section,
    goldPages,
    rows: gold.rows.length,
    ...counts,
    recovered: isRecovered(counts),
    recoveredMapped: isRecovered(counts, counts.cellsMapped),
    textLayerCoverage: phraseCoverage(cellsText, ctx.layer.all),
    notes: [],
    mismatches: cells.filter((c) => !c.okMapped),
    offsetOnly: cells.filter((c) => c.okMapped && !c.ok).length,
  };
  if (best) {
    const { from, to, pairs } = best.alignment;
    const pages = located;
    const identity = best.columns.every((e, c) => e === c);
    result.match = { table: best.grid.id, pages, rowsFrom: from, rowsTo: to, alignedRows: pairs.length, ...(identity ? {} : { columnMap: best.columns }) };
    if (!identity) result.notes.push(`columns mapped ${best.columns.map((e, c) => (e === c ? null : `${c}→${e}`)).filter(Boolean).join(' ')}`);
    // Gold rows without a partner: in another extracted table (not stitched, or split)?
    const aligned = new Set(pairs.map((p) => p.gold));
    const missing = gold.rows.filter((_, r) => !aligned.has(r));
    if (missing.length) {
      const near = ctx.grids.filter((g) => g.id !== best.grid.id && g.pages.some((p) => pages.some((q) => Math.abs(p - q) <= 1)));
      const elsewhere = bestMatch({ ...gold, rows: missing }, near);
      if (elsewhere && elsewhere.matched >= elsewhere.cells.length / 2) {
        result.notes.push(`${missing.length} gold row(s) not in ${best.grid.id} are in ${elsewhere.grid.id} (p.${elsewhere.grid.pages.join(',')})`);
      } else result.notes.push(`${missing.length} of ${gold.rows.length} gold rows have no matching row`);
    }
  } else result.notes.push(`no extracted table${goldPages.length ? ` on p.${goldPages.join(',')}` : ''} shares its words`);
  if (!result.recoveredMapped) {
    const inParagraphs = phraseCoverage(cellsText, ctx.paragraphs);
    if (inParagraphs >= 0.6) result.notes.push(`${pct(inParagraphs)} of its word pairs are in paragraphs (read as text, not as a table?)`);
  }
  return result;
}

function sectionLines(label: string, t: Tally, withTarget: boolean): string[] {
  const numeric = ratio(t.numericOk, t.numeric);
  const target = withTarget && t.numeric ? ` — target ≥ ${pct(NUMERIC_TARGET)} ${numeric >= NUMERIC_TARGET ? 'met' : 'NOT met'}` : '';
  const three = (ok: number, mapped: number, inRow: number, total: number): string =>
    `exact ${ok}/${total} (${pct(ratio(ok, total))}), mapped ${pct(ratio(mapped, total))}, in row ${pct(ratio(inRow, total))}`;
  return [
    `${label}: ${t.tables} gold tables, recovered ${t.recovered} (${pct(ratio(t.recovered, t.tables))}; mapped ${t.recoveredMapped})`,
    `  cells: ${three(t.cellsOk, t.cellsMapped, t.cellsInRow, t.cells)}`,
    `  numeric cells: ${three(t.numericOk, t.numericMapped, t.numericInRow, t.numeric)}${target}`,
  ];
}

function metricsOf(prefix: string, t: Tally): Metrics {
  return {
    [`${prefix}GoldTables`]: t.tables,
    [`${prefix}Recovered`]: t.recovered,
    [`${prefix}RecoveredShare`]: ratio(t.recovered, t.tables),
    [`${prefix}RecoveredMappedShare`]: ratio(t.recoveredMapped, t.tables),
    [`${prefix}Cells`]: t.cells,
    [`${prefix}CellAccuracy`]: ratio(t.cellsOk, t.cells),
    [`${prefix}CellMappedAccuracy`]: ratio(t.cellsMapped, t.cells),
    [`${prefix}CellInRowAccuracy`]: ratio(t.cellsInRow, t.cells),
    [`${prefix}NumericCells`]: t.numeric,
    [`${prefix}NumericAccuracy`]: ratio(t.numericOk, t.numeric),
    [`${prefix}NumericMappedAccuracy`]: ratio(t.numericMapped, t.numeric),
    [`${prefix}NumericInRowAccuracy`]: ratio(t.numericInRow, t.numeric),
  };
}

type Kind = MismatchKind | 'gold-not-in-pdf' | 'gold-row-overfull';

interface KindCount {
  count: number;
  examples: string[];
}

/** Mismatches (after column mapping) by kind, most frequent first; seed-text/PDF disagreements apart. */
function kindCounts(results: readonly GoldTableResult[]): Map<Kind, KindCount> {
  const kinds = new Map<Kind, KindCount>();
  for (const r of results) {
    for (const m of r.mismatches) {
      const kind = kindOf(m);
      const k = kinds.get(kind) ?? { count: 0, examples: [] };
      k.count++;
      if (k.examples.length < 6) k.examples.push(describeMismatch(r, m));
      kinds.set(kind, k);
    }
  }
  return new Map([...kinds].sort((a, b) => b[1].count - a[1].count));
}

/**
 * The extractor's error kind, unless the seed text is the likelier culprit: its text is not printed
 * in the PDF, or its row has cells in columns the printed table does not have. Spacing, rows split
 * across a page break and tables not found are always the extractor's.
 */
function kindOf(m: CellResult): Kind {
  const kind = m.kind ?? 'different';
  if (kind === 'spacing' || kind === 'row-split' || kind === 'table-missing') return kind;
  if (m.goldInPdf === false) return 'gold-not-in-pdf';
  if (m.goldRowOverfull) return 'gold-row-overfull';
  return kind;
}

function describeMismatch(r: GoldTableResult, m: CellResult): string {
  const value = m.mappedCol === undefined ? m.got : m.gotMapped;
  const got = value === undefined ? '(no row)' : JSON.stringify(clip(value, 50));
  const col = m.mappedCol === undefined ? `c${m.col}` : `c${m.col}→${m.mappedCol}`;
  return `p.${m.page ?? r.goldPages[0] ?? '?'} L${r.line} r${m.row}${col}: gold ${JSON.stringify(clip(m.gold, 50))} got ${got}`;
}

function label(r: GoldTableResult): string {
  const pages = r.goldPages.length ? ` p.${r.goldPages.join(',')}` : '';
  return `L${r.line}${pages}${r.caption ? ` "${clip(r.caption, 44)}"` : ''}`;
}

interface SeedScore {
  report: DocumentReport;
  results: GoldTableResult[];
  text: Tally;
  ocr: Tally;
}

async function scoreSeed(seed: Seed): Promise<SeedScore> {
  const parsed = parseGoldTables(await readFile(seed.txt, 'utf8'), seed.doc);
  const gold = parsed.filter((g) => !g.toc);
  const layout = await readTables(seed.pdf);
  const scanned = layout.pages.filter((p) => p.source !== 'text').map((p) => p.page);
  const layer = await textLayer(seed, layout);
  const ctx: SeedContext = { grids: layout.tables.map(gridOf), scanned, layer, paragraphs: wordBag(layout.paragraphs.map((p) => p.text).join('\n')) };
  const tail = scanned.length ? ocrTail(gold.map((g) => phraseCoverage(g.rows.flat(), layer.all))) : gold.map(() => false);
  const assigned = assignInOrder(gold.map((g) => candidateMatches(g, ctx.grids)));
  let fromPage = 1;
  const results = gold.map((g, i) => {
    const r = scoreGold(g, assigned[i], tail[i] ? 'ocr' : 'text', ctx, fromPage);
    fromPage = r.goldPages[0] ?? fromPage;
    return r;
  });
  const text = tally(results.filter((r) => r.section === 'text'));
  const ocr = tally(results.filter((r) => r.section === 'ocr'));

  const toc = parsed.length - gold.length;
  const lines: string[] = [
    `${seed.title}: ${layout.pageCount} pages (${scanned.length ? `image-only: ${scanned.join(', ')}` : 'all with a text layer'}), ${layout.tables.length} extracted tables` +
      (toc ? `; ${toc} contents-list block(s) in the text not scored` : ''),
    ...sectionLines('text pages', text, true),
  ];
  if (ocr.tables || scanned.length) {
    lines.push(...sectionLines(`OCR pages (p.${scanned.join(',')})`, ocr, false));
    const ocrKinds = kindCounts(results.filter((r) => r.section === 'ocr'));
    if (ocrKinds.size) lines.push(`  mismatches on OCR pages by kind: ${[...ocrKinds].map(([k, v]) => `${k} ${v.count} (e.g. ${v.examples[0]})`).join('; ')}`);
  }
  const textResults = results.filter((r) => r.section === 'text');
  const kinds = kindCounts(textResults);
  if (kinds.size) lines.push(`mismatches on text pages (after column mapping) by kind: ${[...kinds].map(([k, v]) => `${k} ${v.count}`).join(', ')}`);
  // Worst by cells equal after column mapping: what the extractor gets wrong, not where the seed
  // text's columns differ from the printed ones (listed apart below).
  const share = (r: GoldTableResult): number => r.cellsMapped / r.cells;
  const worst = textResults
    .filter((r) => r.cellsMapped < r.cells)
    .sort((a, b) => share(a) - share(b) || b.cells - b.cellsMapped - (a.cells - a.cellsMapped))
    .slice(0, WORST);
  if (worst.length) lines.push(`worst ${worst.length} tables on text pages (by cells equal after column mapping):`);
  for (const r of worst) {
    const where = r.match ? `${r.match.table} p.${r.match.pages.join(',')}` : 'nothing';
    lines.push(`  ${label(r)} → ${where}: exact ${r.cellsOk}/${r.cells}, mapped ${r.cellsMapped}, in row ${r.cellsInRow}${r.notes.length ? `; ${r.notes.join('; ')}` : ''}`);
    for (const m of r.mismatches.slice(0, SHOW_MISMATCHES)) lines.push(`    [${kindOf(m)}] ${describeMismatch(r, m)}`);
  }
  const offsets = textResults.filter((r) => r.offsetOnly > 0).sort((a, b) => b.offsetOnly - a.offsetOnly);
  if (offsets.length) {
    const total = offsets.reduce((n, r) => n + r.offsetOnly, 0);
    lines.push(
      `${total} cells are equal only after column mapping (seed-text columns differ from the printed ones, or the extractor shifts a whole column): ` +
        offsets.map((r) => `L${r.line}→${r.match?.table} ${r.offsetOnly}`).join(', '),
    );
  }
  return {
    report: { doc: seed.doc, metrics: { ...metricsOf('text', text), ...metricsOf('ocr', ocr), extractedTables: layout.tables.length, tocBlocks: toc }, lines },
    results,
    text,
    ocr,
  };
}

export const tablesScorer: Scorer = {
  name: 'tables',
  async run(): Promise<ScoreReport> {
    let text: Tally = EMPTY_TALLY;
    let ocr: Tally = EMPTY_TALLY;
    const documents: DocumentReport[] = [];
    const details: Record<string, { mismatchKinds: Record<string, KindCount>; ocrMismatchKinds: Record<string, KindCount>; tables: GoldTableResult[] }> = {};
    for (const seed of SEEDS) {
      const s = await scoreSeed(seed);
      documents.push(s.report);
      details[seed.doc] = {
        mismatchKinds: Object.fromEntries(kindCounts(s.results.filter((r) => r.section === 'text'))),
        ocrMismatchKinds: Object.fromEntries(kindCounts(s.results.filter((r) => r.section === 'ocr'))),
        tables: s.results,
      };
      text = addTally(text, s.text);
      ocr = addTally(ocr, s.ocr);
    }
    return {
      name: 'tables',
      documents,
      totals: { ...metricsOf('text', text), ...metricsOf('ocr', ocr) },
      lines: [...sectionLines('all documents, text pages', text, true), ...sectionLines('all documents, OCR pages', ocr, false)],
      details,
    };
  },
};
