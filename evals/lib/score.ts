/**
 * Scoring of extracted tables against gold tables: pick the extracted table (and the span of its
 * rows) that best matches each gold table, align rows, compare cells at the same row and column.
 * Only non-empty gold cells count: an empty gold cell is either padding or a position covered by a
 * merged cell, and counting it would reward extracting nothing.
 */
import { parseNumber } from '../../src/numbers/parse.js';
import type { Table } from '../../src/model/table.js';
import { alignRows, bigrams, dice, tokens, type Alignment, type RowPair } from './align.js';
import { isNumericCell, normaliseSpace, type GoldTable } from './gold.js';

/** An extracted table as a plain grid: merged cells hold their text at the top-left position only. */
export interface Grid {
  id: string;
  pages: number[];
  caption?: string;
  rows: GridRow[];
}

export interface GridRow {
  page: number;
  cells: string[];
  /** Page of each cell (a row stitched across a page break keeps each cell's own page). */
  cellPages: number[];
}

/**
 * Turns a layout `Table` (header rows then body rows) into a `Grid`, whitespace-normalised.
 *
 * @example
 *   gridOf(layout.tables[0]).rows[0].cells; // ['NO', 'PROGRAM', 'ANGGARAN', 'SUMBER DANA']
 */
export function gridOf(table: Table): Grid {
  const rows = [...table.headerRows, ...table.rows].sort((a, b) => a.index - b.index);
  return {
    id: table.id,
    pages: table.pages,
    ...(table.caption ? { caption: table.caption } : {}),
    rows: rows.map((r) => {
      const width = Math.max(table.nCols, ...r.cells.map((c) => c.col + 1));
      const cells = Array.from({ length: width }, () => '');
      const cellPages = Array.from({ length: width }, () => r.page);
      for (const c of r.cells) {
        if (c.spannedBy) continue;
        cells[c.col] = normaliseSpace(c.text);
        cellPages[c.col] = c.page;
      }
      return { page: r.page, cells, cellPages };
    }),
  };
}

export type MismatchKind =
  /** No extracted table matched the gold table at all. */
  | 'table-missing'
  /** The gold row has no partner row in the matched table. */
  | 'row-missing'
  /** The extracted cell is empty and the text is nowhere else in the row. */
  | 'empty'
  /** The text is in another column of the same row. */
  | 'column-shift'
  /** Same characters, different spaces (`Perundang- Undangan`, `Efesi n`). */
  | 'spacing'
  /** The extracted cell holds part of the gold text and the rest is in a neighbouring row. */
  | 'row-split'
  /** The extracted cell holds part of the gold text. */
  | 'truncated'
  /** The extracted cell holds the gold text and more (merged rows or cells). */
  | 'extra-text'
  /** Same words, different order. */
  | 'word-order'
  | 'different';

export interface MismatchContext {
  /** The other cells of the extracted row. */
  row?: readonly string[];
  /** Same-column text of extracted rows next to this one that no gold row claimed. */
  neighbours?: readonly string[];
}

const compact = (s: string): string => s.replace(/\s+/g, '');

/**
 * Why an extracted cell differs from its gold cell. `got` is undefined when the gold row was not
 * aligned to any extracted row.
 *
 * @example
 *   classifyMismatch('Perundang-Undangan', 'Perundang- Undangan'); // 'spacing'
 *   classifyMismatch('69%', '', { row: ['2.', '69%', ''] });        // 'column-shift'
 *   classifyMismatch('Barang Milik Daerah', 'Barang Milik', { neighbours: ['Daerah'] }); // 'row-split'
 */
export function classifyMismatch(gold: string, got: string | undefined, ctx: MismatchContext = {}): MismatchKind {
  if (got === undefined) return 'row-missing';
  const g = compact(gold);
  const x = compact(got);
  if (g === x) return 'spacing';
  // Short texts ('1', '%') occur everywhere; only long ones may be found inside another cell.
  const elsewhere = (ctx.row ?? []).some((c) => c !== got && c !== '' && (compact(c) === g || (g.length >= 6 && compact(c).includes(g))));
  if (x === '') return elsewhere ? 'column-shift' : 'empty';
  if (x.includes(g)) return 'extra-text';
  if (g.includes(x)) {
    const rest = g.replace(x, '');
    return (ctx.neighbours ?? []).some((n) => n !== '' && rest.includes(compact(n))) ? 'row-split' : 'truncated';
  }
  if (elsewhere) return 'column-shift';
  const sorted = (s: string): string => s.split(/\s+/).filter(Boolean).sort().join(' ');
  if (sorted(gold) === sorted(got)) return 'word-order';
  return 'different';
}

export interface CellResult {
  row: number;
  col: number;
  gold: string;
  /** Extracted text at the gold column; undefined when the gold row has no partner row. */
  got?: string;
  /** Equal at the same row and column. */
  ok: boolean;
  /** The table's column mapping (see `columnMap`), when it sends this column elsewhere. */
  mappedCol?: number;
  /** Extracted text at the mapped column, when it differs from the gold column. */
  gotMapped?: string;
  /** Equal at the same row and the mapped column. */
  okMapped: boolean;
  /** The gold text equals some cell of the aligned row, in whatever column. */
  inRow: boolean;
  numeric: boolean;
  /**
   * False when the gold text is not in the PDF's text layer as printed (not even with spaces
   * ignored): the seed text and the PDF disagree, so a mismatch is not an extraction error.
   */
  goldInPdf?: boolean;
  /**
   * The gold row has text in more columns than the extracted table has and no column offset
   * explains it: the seed text puts the row's cells in columns the printed table does not have
   * (the PDF prints such a row shifted or cut), so its positions cannot be trusted.
   */
  goldRowOverfull?: boolean;
  /** Page the cell was read on (of the aligned extracted row, or near it). */
  page?: number;
  /** Why the cell differs after column mapping. */
  kind?: MismatchKind;
}

export interface TableMatch {
  grid: Grid;
  alignment: Alignment;
  /** Gold column → extracted column, see `columnMap`. */
  columns: number[];
  cells: CellResult[];
  /** Cells equal at the same row and column. */
  matched: number;
}

/**
 * Gold column → extracted column by majority of equal cells in aligned rows, identity unless
 * another column wins outright; a column without any equal cell keeps the offset of the nearest
 * column that has one (left first). The seed texts sometimes carry empty columns the PDF does not
 * print (a scanned table whose rows start with three tabs is printed from its fourth column), and an
 * extractor may consistently split or drop a column; the mapping separates such a constant offset
 * from cells misplaced row by row.
 *
 * @example
 *   columnMap([['', '', 'A', 'B', '%']], [['A', 'B', 'Y']], [{ gold: 0, got: 0 }]); // [0, 0, 0, 1, 2]
 */
export function columnMap(gold: readonly (readonly string[])[], got: readonly (readonly string[])[], pairs: readonly Pick<RowPair, 'gold' | 'got'>[]): number[] {
  const width = Math.max(0, ...gold.map((r) => r.length));
  const votes = Array.from({ length: width }, () => new Map<number, number>());
  for (const p of pairs) {
    const g = gold[p.gold] ?? [];
    const x = got[p.got] ?? [];
    g.forEach((text, c) => {
      if (text === '') return;
      x.forEach((t, e) => {
        if (t === text) votes[c]!.set(e, (votes[c]!.get(e) ?? 0) + 1);
      });
    });
  }
  const voted = votes.map((v, c) => {
    if (!v.size) return undefined;
    let best = c;
    let most = v.get(c) ?? 0;
    for (const [e, n] of v) if (n > most) [best, most] = [e, n];
    return best;
  });
  return voted.map((e, c) => {
    if (e !== undefined) return e;
    for (let d = 1; d < width; d++) {
      for (const k of [c - d, c + d]) {
        const m = voted[k];
        if (m !== undefined) return Math.max(0, c + m - k);
      }
    }
    return c;
  });
}

/**
 * Compares a gold table with one extracted grid: aligns rows, then compares each non-empty gold
 * cell with the extracted cell at the same row and column, at the mapped column, and with the whole
 * aligned row.
 *
 * @example
 *   const m = matchGrid(gold, grid);
 *   m.matched / m.cells.length; // cell accuracy for this table
 */
export function matchGrid(gold: GoldTable, grid: Grid): TableMatch {
  const goldTokens = gold.rows.map((r) => tokens(r));
  const gotTokens = grid.rows.map((r) => tokens(r.cells));
  const sim = goldTokens.map((g) => gotTokens.map((t) => dice(g, t)));
  const alignment = alignRows(sim);
  const columns = columnMap(
    gold.rows,
    grid.rows.map((r) => r.cells),
    alignment.pairs,
  );
  const partner = new Map(alignment.pairs.map((p) => [p.gold, p.got]));
  const claimed = new Set(alignment.pairs.map((p) => p.got));
  const cells: CellResult[] = [];
  let matched = 0;
  let lastPage = grid.pages[0];
  const gridWidth = Math.max(0, ...grid.rows.map((r) => r.cells.length));
  gold.rows.forEach((row, r) => {
    const j = partner.get(r);
    const got = j === undefined ? undefined : grid.rows[j];
    if (got) lastPage = got.page;
    const lastCol = row.findLastIndex((t) => t !== '');
    row.forEach((text, c) => {
      if (text === '') return;
      const value = got ? (got.cells[c] ?? '') : undefined;
      const ok = value === text;
      if (ok) matched++;
      const e = columns[c] ?? c;
      const mapped = got ? (got.cells[e] ?? '') : undefined;
      const okMapped = mapped === text;
      const inRow = ok || okMapped || (got?.cells.includes(text) ?? false);
      const cell: CellResult = { row: r, col: c, gold: text, ok, okMapped, inRow, numeric: isNumericCell(text) };
      if (value !== undefined) cell.got = value;
      if (e !== c) {
        cell.mappedCol = e;
        if (mapped !== undefined) cell.gotMapped = mapped;
      }
      const page = got ? (got.cellPages[e] ?? got.page) : lastPage;
      if (page !== undefined) cell.page = page;
      if (!okMapped) {
        // Only where no column offset explains the position: a constant offset is the mapping's job.
        if (lastCol >= gridWidth && e === c) cell.goldRowOverfull = true;
        const neighbours = j === undefined ? [] : [j - 1, j + 1].filter((k) => !claimed.has(k)).map((k) => grid.rows[k]?.cells[e] ?? '');
        cell.kind = classifyMismatch(text, mapped, { row: got?.cells ?? [], neighbours });
      }
      cells.push(cell);
    });
  });
  return { grid, alignment, columns, cells, matched };
}

/**
 * Cells of a gold table that no extracted table matched.
 *
 * @example
 *   unmatchedCells(gold).every((c) => c.kind === 'table-missing'); // true
 */
export function unmatchedCells(gold: GoldTable): CellResult[] {
  return gold.rows.flatMap((row, r) =>
    row.flatMap((text, c) => (text === '' ? [] : [{ row: r, col: c, gold: text, ok: false, okMapped: false, inRow: false, numeric: isNumericCell(text), kind: 'table-missing' as const }])),
  );
}

/** Matches ranked: most cells equal after column mapping, then at the gold column, then row alignment. */
function better(a: TableMatch, b: TableMatch | undefined): boolean {
  if (!b) return true;
  const mapped = (t: TableMatch): number => t.cells.filter((c) => c.okMapped).length;
  return (mapped(a) - mapped(b) || a.matched - b.matched || a.alignment.score - b.alignment.score) > 0;
}

/**
 * Compares a gold table with each grid sharing a word with it; keeps the comparisons with at least
 * one equal cell (rows sharing only words, such as a borderless block next to a table, are no match).
 *
 * @example
 *   candidateMatches(gold, grids).map((m) => m?.matched); // [undefined, 12, undefined, 3]
 */
export function candidateMatches(gold: GoldTable, grids: readonly Grid[]): (TableMatch | undefined)[] {
  const goldBag = new Set(tokens(gold.rows.flat()));
  return grids.map((grid) => {
    if (!grid.rows.some((r) => tokens(r.cells).some((t) => goldBag.has(t)))) return undefined;
    const m = matchGrid(gold, grid);
    return m.cells.some((c) => c.okMapped) ? m : undefined;
  });
}

/**
 * The best of a gold table's matches among `grids`; undefined when none has an equal cell.
 *
 * @example
 *   bestMatch(gold, layout.tables.map(gridOf))?.grid.id; // 't12'
 */
export function bestMatch(gold: GoldTable, grids: readonly Grid[]): TableMatch | undefined {
  let best: TableMatch | undefined;
  for (const m of candidateMatches(gold, grids)) if (m && better(m, best)) best = m;
  return best;
}

/**
 * Assigns each gold table (in document order) an extracted grid (in reading order) so that the
 * assignment keeps document order and the total of equal cells is largest: several gold tables may
 * share one grid (fragments of one printed table), and a gold table may get none. Document order
 * matters because a report's executive summary repeats tables printed again in later chapters.
 * `matches[i][e]` is gold i against grid e (from `candidateMatches`).
 *
 * @example
 *   // gold 0 fits grid 1 best but grid 0 nearly as well; gold 1 fits only grid 0
 *   assignInOrder([[m(5), m(6)], [m(4), undefined]]); // [grid 0 (5), grid 0 (4)]: 9 > 6
 */
export function assignInOrder(matches: readonly (readonly (TableMatch | undefined)[])[]): (TableMatch | undefined)[] {
  const g = matches.length;
  const e = Math.max(0, ...matches.map((row) => row.length));
  const value = (m: TableMatch | undefined): number => (m ? m.cells.filter((c) => c.okMapped).length + m.matched * 1e-3 : 0);
  // best[i][k]: best total for golds 0..i with gold i's grid (or the last used grid) ≤ k.
  const best = Array.from({ length: g }, () => new Float64Array(e));
  const took = Array.from({ length: g }, () => new Int32Array(e).fill(-1));
  for (let i = 0; i < g; i++) {
    let running = Number.NEGATIVE_INFINITY;
    let arg = -1;
    for (let k = 0; k < e; k++) {
      const before = i > 0 ? best[i - 1]![k]! : 0;
      const m = matches[i]![k];
      const withIt = m ? before + value(m) : Number.NEGATIVE_INFINITY;
      // Either gold i takes grid k, or it takes nothing / an earlier grid (carried in `running`).
      if (withIt > running) [running, arg] = [withIt, k];
      if (before > running) [running, arg] = [before, -1];
      best[i]![k] = running;
      took[i]![k] = arg;
    }
  }
  const out: (TableMatch | undefined)[] = Array.from({ length: g }, () => undefined);
  let k = e - 1;
  for (let i = g - 1; i >= 0 && k >= 0; i--) {
    const t = took[i]![k]!;
    if (t >= 0) {
      out[i] = matches[i]![t];
      k = t;
    }
  }
  return out;
}

/** The words of a text (e.g. a PDF's text layer) and which words follow which. */
export interface WordBag {
  words: Set<string>;
  pairs: Set<string>;
}

/**
 * Builds a `WordBag` from running text.
 *
 * @example
 *   wordBag('Program Pencatatan Sipil').pairs.has('pencatatan sipil'); // true
 */
export function wordBag(text: string): WordBag {
  const words = tokens([text]);
  return { words: new Set(words), pairs: new Set(bigrams(words)) };
}

/**
 * Whether a text is printed in a text layer, ignoring spaces and case: robust to wrapped cells,
 * words force-broken across lines (`PENDAPATA N`) and hyphenation (`RKA- SKPD`).
 *
 * @example
 *   printedIn('Perundang-Undangan', compactText('Peraturan Perundang-\nUndangan')); // true
 */
export function printedIn(text: string, compactLayer: string): boolean {
  return compactLayer.includes(compactText(text));
}

/**
 * Lower-cased text without whitespace, for `printedIn`.
 *
 * @example
 *   compactText('Rp. 7.908.091.365'); // 'rp.7.908.091.365'
 */
export function compactText(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/gu, '');
}

/**
 * Share of a text's word pairs (single words for one-word texts) found in a bag. Checking pairs
 * rather than words tells text printed elsewhere in other words from text that is not printed at
 * all: OCR'd words of a scan ("Perbaikan", "12", "Bulan") all occur somewhere in a report.
 *
 * @example
 *   phraseCoverage(['Program Pencatatan Sipil'], wordBag('3. Program Pencatatan Sipil Rp. 99.356.000')); // 1
 */
export function phraseCoverage(cells: readonly string[], bag: WordBag): number {
  let found = 0;
  let total = 0;
  for (const cell of cells) {
    const words = tokens([cell]);
    const units = words.length === 1 ? words : bigrams(words);
    const set = words.length === 1 ? bag.words : bag.pairs;
    total += units.length;
    found += units.filter((u) => set.has(u)).length;
  }
  return total ? found / total : 1;
}

/**
 * Share of a gold table's words found in a bag (used to spot tables read as paragraphs).
 *
 * @example
 *   coverage(gold, new Set(['no', 'program'])); // 0.5 for a table with the words no, program, anggaran, apbd
 */
export function coverage(gold: GoldTable, bag: ReadonlySet<string>): number {
  const words = tokens(gold.rows.flat());
  return words.length ? words.filter((w) => bag.has(w)).length / words.length : 0;
}

/**
 * The pages a gold table is printed on, judged from the text layer page by page (`pageBags[i]` is
 * page i + 1): the page at or after `from` holding most of its word pairs, and the neighbouring
 * pages holding at least a third as many. `from` keeps document order: the executive summary of a
 * report repeats tables printed again later, and a fragment of a table shares most words with both.
 * Empty when no page has any (a table on scanned pages).
 *
 * @example
 *   locatePages(['Program Pencatatan Sipil'], [wordBag('Kata Pengantar'), wordBag('3. Program Pencatatan Sipil')]); // [2]
 */
export function locatePages(cells: readonly string[], pageBags: readonly WordBag[], from = 1): number[] {
  const units = cells.flatMap((cell) => {
    const words = tokens([cell]);
    return words.length === 1 ? words.map((w) => ({ w, pair: false })) : bigrams(words).map((w) => ({ w, pair: true }));
  });
  const counts = pageBags.map((bag, i) => (i + 1 < from ? 0 : units.filter((u) => (u.pair ? bag.pairs : bag.words).has(u.w)).length));
  let top = 0;
  counts.forEach((n, i) => {
    if (n > (counts[top] ?? 0)) top = i;
  });
  const most = counts[top] ?? 0;
  if (!most) return [];
  let first = top;
  let last = top;
  while (first > 0 && (counts[first - 1] ?? 0) >= most / 3) first--;
  while (last + 1 < counts.length && (counts[last + 1] ?? 0) >= most / 3) last++;
  return Array.from({ length: last - first + 1 }, (_, i) => first + i + 1);
}

/**
 * Marks the trailing run of gold tables whose words are mostly absent from the text layer: in a
 * document with image-only pages at the end, these are the tables printed on the scanned pages.
 * Only the tail is marked, so a badly read table in the middle is never taken for a scan.
 *
 * @example
 *   ocrTail([0.98, 0.2, 0.95, 0.1, 0.3]); // [false, false, false, true, true]
 */
export function ocrTail(coverages: readonly number[], threshold = 0.5): boolean[] {
  const out = coverages.map(() => false);
  for (let i = coverages.length - 1; i >= 0 && (coverages[i] ?? 1) < threshold; i--) out[i] = true;
  return out;
}

export interface TableCounts {
  cells: number;
  /** Equal at the same row and column. */
  cellsOk: number;
  /** Equal at the same row and the table's mapped column. */
  cellsMapped: number;
  /** Text in the aligned row, in any column. */
  cellsInRow: number;
  numeric: number;
  numericOk: number;
  numericMapped: number;
  numericInRow: number;
  /** Numeric gold cells whose extracted text holds digits but reads as no number: lost, not wrong. */
  numericUnread: number;
}

export interface Tally extends TableCounts {
  tables: number;
  /** At least half of the cells equal at the same row and column. */
  recovered: number;
  /** The same after column mapping. */
  recoveredMapped: number;
}

const COUNT_KEYS = ['cells', 'cellsOk', 'cellsMapped', 'cellsInRow', 'numeric', 'numericOk', 'numericMapped', 'numericInRow', 'numericUnread'] as const;
const TALLY_KEYS = ['tables', 'recovered', 'recoveredMapped', ...COUNT_KEYS] as const;

export const EMPTY_TALLY: Readonly<Tally> = Object.freeze(Object.fromEntries(TALLY_KEYS.map((k) => [k, 0])) as unknown as Tally);

/**
 * Adds two tallies.
 *
 * @example
 *   addTally(a, EMPTY_TALLY); // same counts as a
 */
export function addTally(a: Tally, b: Tally): Tally {
  const t: Tally = { ...EMPTY_TALLY };
  for (const k of TALLY_KEYS) t[k] = a[k] + b[k];
  return t;
}

/**
 * Counts the compared cells of one gold table.
 *
 * @example
 *   countCells([{ ok: true, okMapped: true, inRow: true, numeric: true }, { ok: false, okMapped: false, inRow: true, numeric: false }]);
 *   // { cells: 2, cellsOk: 1, cellsMapped: 1, cellsInRow: 2, numeric: 1, numericOk: 1, numericMapped: 1, numericInRow: 1 }
 */
export function countCells(cells: readonly (Pick<CellResult, 'ok' | 'okMapped' | 'inRow' | 'numeric'> & Partial<Pick<CellResult, 'got' | 'gotMapped'>>)[]): TableCounts {
  const count = (f: (c: (typeof cells)[number]) => boolean): number => cells.filter(f).length;
  const unread = (text: string | undefined): boolean => text !== undefined && /\d/.test(text) && parseNumber(text).value === null;
  return {
    cells: cells.length,
    cellsOk: count((c) => c.ok),
    cellsMapped: count((c) => c.okMapped),
    cellsInRow: count((c) => c.inRow),
    numeric: count((c) => c.numeric),
    numericOk: count((c) => c.numeric && c.ok),
    numericMapped: count((c) => c.numeric && c.okMapped),
    numericInRow: count((c) => c.numeric && c.inRow),
    numericUnread: count((c) => c.numeric && !c.okMapped && unread(c.gotMapped ?? c.got)),
  };
}

/**
 * A gold table is recovered when at least half of its cells match.
 *
 * @example
 *   isRecovered({ cells: 4, cellsOk: 2 });    // true
 *   isRecovered({ cells: 4, cellsOk: 1 }, 3); // true: counting the 3 cells equal after column mapping
 */
export function isRecovered(t: Pick<TableCounts, 'cells' | 'cellsOk'>, cellsOk = t.cellsOk): boolean {
  return t.cells > 0 && cellsOk >= t.cells / 2;
}

/**
 * Sums per-table counts; tables without cells are not counted.
 *
 * @example
 *   tally([{ cells: 2, cellsOk: 1, … }, { cells: 3, cellsOk: 0, … }]); // { tables: 2, recovered: 1, cells: 5, cellsOk: 1, … }
 */
export function tally(tables: readonly TableCounts[]): Tally {
  const t: Tally = { ...EMPTY_TALLY };
  for (const c of tables) {
    if (!c.cells) continue;
    t.tables++;
    if (isRecovered(c)) t.recovered++;
    if (isRecovered(c, c.cellsMapped)) t.recoveredMapped++;
    for (const k of COUNT_KEYS) t[k] += c[k];
  }
  return t;
}
