import type { Word } from '../model/document.js';
import type { BBox } from '../model/geometry.js';
import type { Cell, Table, TableRow } from '../model/table.js';
import { joinLines, toLines, union, unionAll, type TextLine } from './geometry.js';
import type { GridCell, PageTable } from './lattice.js';

/** A cell while tables are being assembled; `cover` points at the merged cell covering it. */
export interface DraftCell {
  text: string;
  page: number;
  bbox: BBox;
  rowSpan: number;
  colSpan: number;
  cover?: { row: number; col: number };
  bold?: boolean;
  ocr?: boolean;
  /** OCR: the lowest confidence (0..100) of the words read into the cell. */
  conf?: number;
  /** OCR: the box of the words read into the cell, on the page as printed (see Cell.textBox). */
  textBox?: BBox;
  indent?: number;
  parts?: Array<{ page: number; bbox: BBox }>;
}

/** The lower of two OCR confidences, either possibly unknown: what a cell joined from both is worth. */
export function minConf(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

export interface DraftRow {
  page: number;
  cells: DraftCell[];
}

/** A table being assembled (possibly across pages), rows indexed from 0 including the header. */
export interface DraftTable {
  pages: number[];
  method: 'lattice' | 'stream';
  bbox: BBox;
  /** bbox of the part on the last page, for stitching with the next page. */
  lastBBox: BBox;
  firstBBox: BBox;
  nCols: number;
  colX: number[];
  rows: DraftRow[];
  headerCount: number;
  caption?: string;
  /** The caption was printed below the table (it then closes the table, continued or not). */
  captionBelow?: boolean;
  ocr?: boolean;
  /** See PageTable.weak: dropped unless it continues the previous page's table. */
  weak?: boolean;
  /** See PageTable.weakHead: dropped unless the next page's table goes on under its header. */
  weakHead?: boolean;
  headLines?: Word[][];
}

/** The box of two cells' words joined into one, either possibly without words. */
export function joinTextBox(a: BBox | undefined, b: BBox | undefined): BBox | undefined {
  return a && b ? union(a, b) : (a ?? b);
}

/**
 * Turns a page's grid into draft rows: each grid position holds either a cell with text or a
 * pointer to the merged cell that covers it. `printed` places a box of the page's words on the
 * page as printed (a straightened scan's skew undone) for the OCR cells' text boxes.
 */
export function draftFromPageTable(t: PageTable, ocr = false, printed: (b: BBox) => BBox = (b) => b): DraftTable {
  const rows: DraftRow[] = Array.from({ length: t.nRows }, () => ({ page: t.page, cells: [] as DraftCell[] }));
  const grid: Array<Array<DraftCell | undefined>> = Array.from({ length: t.nRows }, () => Array<DraftCell | undefined>(t.nCols));
  for (const gc of t.cells) {
    const origin = cellFromGrid(gc, t.page, ocr, printed);
    for (let r = gc.r0; r < gc.r1; r++) {
      for (let c = gc.c0; c < gc.c1; c++) {
        grid[r]![c] =
          r === gc.r0 && c === gc.c0
            ? origin
            : { text: '', page: t.page, bbox: origin.bbox, rowSpan: 1, colSpan: 1, cover: { row: gc.r0, col: gc.c0 }, ...(ocr ? { ocr } : {}) };
      }
    }
  }
  for (let r = 0; r < t.nRows; r++) {
    for (let c = 0; c < t.nCols; c++) {
      rows[r]!.cells.push(grid[r]![c] ?? { text: '', page: t.page, bbox: [t.colX[c] ?? 0, 0, t.colX[c + 1] ?? 0, 0], rowSpan: 1, colSpan: 1, ...(ocr ? { ocr } : {}) });
    }
  }
  const draft: DraftTable = {
    pages: [t.page],
    method: t.method,
    bbox: t.bbox,
    lastBBox: t.bbox,
    firstBBox: t.bbox,
    nCols: t.nCols,
    colX: t.colX,
    rows,
    headerCount: 0,
    ...(ocr ? { ocr: true } : {}),
    ...(t.weak ? { weak: true } : {}),
    ...(t.weakHead ? { weakHead: true, headLines: t.headLines ?? [] } : {}),
  };
  draft.headerCount = detectHeaderRows(draft.rows);
  if (t.method === 'stream') {
    foldComplementaryColumns(draft);
    foldRangeColumns(draft);
    foldSpilledCells(draft);
  }
  return draft;
}

/**
 * A borderless cell merged over several rows (one sasaran for two indicators) flows its text down
 * beside the rows it covers, so its last words ("dan irigasi") land in the next row. A text
 * column's cell that starts in lower case (or is a term in parentheses alone) under a cell whose
 * sentence is not finished is that spill: it joins the cell above, which then covers it.
 */
function foldSpilledCells(d: DraftTable): void {
  const n = d.headerCount;
  for (let c = 1; c < d.nCols; c++) {
    const texts = d.rows.slice(n).map((r) => r.cells[c]?.text.trim() ?? '').filter(Boolean);
    if (texts.length < 2 || texts.reduce((a, t) => a + t.length, 0) / texts.length < 15) continue;
    for (let r = n + 1; r < d.rows.length; r++) {
      const cell = d.rows[r]!.cells[c]!;
      const text = cell.text.trim();
      // In lower case, or a term in parentheses alone ("(APIP)"): no name starts so.
      if (!text || cell.cover || !(/^\p{Ll}/u.test(text) || /^\(\p{L}[^()\d]*\)$/u.test(text)) || text.split(/\s+/).length > 4) continue;
      if (!d.rows[r]!.cells.some((x, k) => k !== c && !x.cover && x.text.trim())) continue;
      const above = d.rows[r - 1]!.cells[c]!;
      const origin = above.cover ? d.rows[above.cover.row]?.cells[above.cover.col] : above;
      const at = above.cover ?? { row: r - 1, col: c };
      if (!origin || origin.colSpan !== 1 || cell.colSpan !== 1) continue;
      const prior = origin.text.trim();
      if (prior.split(/\s+/).length < 2 || /[.;:!?]$/.test(prior) || /^[\d(]/.test(prior)) continue;
      origin.text = `${prior} ${text}`;
      const conf = minConf(origin.conf, cell.conf);
      if (conf !== undefined) origin.conf = conf;
      origin.bbox = union(origin.bbox, cell.bbox);
      const textBox = joinTextBox(origin.textBox, cell.textBox);
      if (textBox) origin.textBox = textBox;
      origin.rowSpan += 1;
      d.rows[r]!.cells[c] = { ...cell, text: '', cover: { ...at } };
    }
  }
}

/**
 * A range printed in a column of single figures ("84,0 s.d. 88,0" among right-aligned "55,3") can
 * open a gap that splits the column: its lower bound and connector fall into a column of their own,
 * which holds nothing else in the body. Such a column joins its right neighbour: every body cell it
 * fills ends with a range connector (s.d., sampai, hingga, -, –) and sits beside a figure, and one
 * of the two has no header of its own.
 */
const RANGE_OPEN = /\d\s*(s\.?\s*d\.?|sampai|hingga|-|–)$/i;
function foldRangeColumns(d: DraftTable): void {
  const n = d.headerCount;
  const plain = (c: number) => d.rows.every((r) => !r.cells[c]?.cover && (r.cells[c]?.colSpan ?? 1) === 1);
  for (let c = 0; c + 1 < d.nCols; c++) {
    if (!plain(c) || !plain(c + 1)) continue;
    const body = d.rows.slice(n);
    const filled = body.filter((r) => r.cells[c]!.text.trim());
    if (!filled.length || !filled.every((r) => RANGE_OPEN.test(r.cells[c]!.text.trim()) && /^\d/.test(r.cells[c + 1]!.text.trim()))) continue;
    const head = d.rows.slice(0, n);
    if (head.some((r) => r.cells[c]!.text.trim()) && head.some((r) => r.cells[c + 1]!.text.trim())) continue;
    for (const r of d.rows) {
      const [a, b] = [r.cells[c]!, r.cells[c + 1]!];
      const text = [a.text.trim(), b.text.trim()].filter(Boolean).join(' ');
      const conf = minConf(a.conf, b.conf);
      const textBox = joinTextBox(a.textBox, b.textBox);
      r.cells[c] = { ...a, text, bbox: union(a.bbox, b.bbox), ...(conf !== undefined ? { conf } : {}), ...(textBox ? { textBox } : {}) };
      r.cells.splice(c + 1, 1);
      for (const x of r.cells) if (x.cover && x.cover.col > c) x.cover = { row: x.cover.row, col: x.cover.col - 1 };
    }
    d.colX.splice(c + 1, 1);
    d.nCols--;
  }
}

/**
 * A borderless column's header can sit clear of its body text (a centred "Jenis Belanja" over
 * short left-aligned labels), which splits one column into two: one with only the header, one
 * with only the body. Such neighbours are one column.
 */
function foldComplementaryColumns(d: DraftTable): void {
  const n = d.headerCount;
  if (n === 0 || d.rows.length <= n) return;
  const has = (r: DraftRow, c: number) => Boolean(r.cells[c]?.text.trim());
  const plain = (c: number) => d.rows.every((r) => !r.cells[c]?.cover && (r.cells[c]?.colSpan ?? 1) === 1);
  for (let c = 0; c + 1 < d.nCols; c++) {
    if (!plain(c) || !plain(c + 1)) continue;
    const head = d.rows.slice(0, n);
    const body = d.rows.slice(n);
    for (const [a, b] of [[c, c + 1], [c + 1, c]] as const) {
      // a: body only; b: header only.
      const fits = head.every((r) => !has(r, a)) && head.some((r) => has(r, b)) && body.every((r) => !has(r, b)) && body.some((r) => has(r, a));
      if (!fits) continue;
      for (const r of head) r.cells[a] = { ...r.cells[b]!, bbox: union(r.cells[a]!.bbox, r.cells[b]!.bbox) };
      for (const r of body) r.cells[a] = { ...r.cells[a]!, bbox: union(r.cells[a]!.bbox, r.cells[b]!.bbox) };
      for (const r of d.rows) {
        r.cells.splice(b, 1);
        for (const x of r.cells) if (x.cover && x.cover.col > b) x.cover = { row: x.cover.row, col: x.cover.col - 1 };
      }
      d.colX.splice(c + 1, 1);
      d.nCols--;
      c--;
      break;
    }
  }
}

function cellFromGrid(gc: GridCell, page: number, ocr: boolean, printed: (b: BBox) => BBox): DraftCell {
  const cell: DraftCell = {
    text: cellText(gc.words, [gc.bbox[0], gc.bbox[2]]),
    page,
    bbox: gc.bbox,
    rowSpan: gc.r1 - gc.r0,
    colSpan: gc.c1 - gc.c0,
  };
  if (gc.words.length) {
    if (gc.words.every((w) => w.bold)) cell.bold = true;
    const minX = Math.min(...gc.words.map((w) => w.bbox[0]));
    cell.indent = Math.round((minX - gc.bbox[0]) * 10) / 10;
  }
  if (ocr) cell.ocr = true;
  const confs = gc.words.map((w) => w.conf).filter((c): c is number => c !== undefined);
  if (ocr && confs.length) cell.conf = Math.round(Math.min(...confs));
  // A scan's grid cell can be far taller than its figure (a row heightened by a long name beside
  // it): the words' own box is what a citation lights up.
  if (ocr && gc.words.length) cell.textBox = printed(unionAll(gc.words.map((w) => w.bbox))!);
  return cell;
}

/**
 * Joins a cell's words: lines top to bottom. A hyphen at a line end joins the word split across
 * lines ("pelayan-" + "an"), and a line holding one word that fills the cell's width was broken
 * by the renderer inside the word ("9.602.274.749,0" + "0", "CAPAIA" + "N"), so it is joined
 * without a space. `span` is the cell's [x0, x1]; without it no word counts as broken.
 *
 * @example
 *   cellText(words, [704.9, 741.3]); // 'CAPAIAN KINERJA KEUANGAN (%)'
 */
export function cellText(words: Word[], span?: [number, number]): string {
  const lines = toLines(words);
  const inner = span ? innerWidth(lines, span) : Infinity;
  let out = '';
  let prev: Word | undefined;
  for (const l of lines) {
    const line = l.words.map((w) => w.text).join(' ');
    const head = l.words[0]!;
    if (prev && forcedBreak(prev, head, inner, l.size)) out += line;
    else out = joinLines(out, line);
    prev = l.words.length === 1 ? head : undefined;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/**
 * The width text can take in a cell: the cell less its padding on both sides. The padding is the
 * smallest distance from the cell's left edge to a line, which for centred text is the widest
 * line's, so the estimate holds whether the cell is left-aligned or centred.
 */
function innerWidth(lines: TextLine[], [x0, x1]: [number, number]): number {
  const pad = Math.max(0, Math.min(...lines.map((l) => l.bbox[0] - x0)));
  return x1 - x0 - 2 * pad;
}

/** Short words that wrap onto a line of their own; never the tail of a broken word. */
const SHORT_WORDS = new Set(['di', 'ke', 'dan', 'dr', 'yg', 'dgn', 'ini', 'itu', 'per', 'ada', 'rp', 'no', 'thn', 'tgl', 'dll', 'dsb']);

/**
 * A renderer breaks inside a word only when the word is wider than the cell: the fragment then
 * fills the cell's inner width, up to about one character. Numbers split that way continue with
 * digits; words with a short tail in the same case ("Progra" + "m", "PENDAPATA" + "N").
 */
function forcedBreak(prev: Word, next: Word, inner: number, size: number): boolean {
  if (!Number.isFinite(inner)) return false;
  const width = prev.bbox[2] - prev.bbox[0];
  const full = width >= inner - Math.max(6, size * 0.75);
  if (/[\d.,]$/.test(prev.text) && /^[\d.,]/.test(next.text) && /\d[.,]\d/.test(prev.text)) return full;
  const tail = /^(\p{L}{1,3})[.,;:)]?$/u.exec(next.text)?.[1];
  if (!tail || !/\p{L}$/u.test(prev.text) || SHORT_WORDS.has(tail.toLowerCase())) return false;
  const sameCase = /^\p{Ll}+$/u.test(tail) ? /\p{Ll}$/u.test(prev.text) : /^\p{Lu}+$/u.test(tail) && /\p{Lu}$/u.test(prev.text);
  return sameCase && full;
}

const NUMERIC = /^[\s(+-]*(rp\.?\s*)?[\d.,]+\s*%?\)?[,-]*$/i;
/** Years and year ranges are labels in headers ("2022", "2021-2026"), not figures. */
const YEAR = /^(19|20)\d\d(\s*[-–]\s*(19|20)\d\d)?$/;
const isFigure = (t: string) => NUMERIC.test(t) && !YEAR.test(t.trim());

/** True when a row is the column-number row printed under headers: 1 2 3 … or (1) (2) (3) …. */
export function isNumberingRow(row: DraftRow): boolean {
  const texts = row.cells.filter((c) => !c.cover).map((c) => c.text.replace(/[()]/g, '').trim());
  const nonEmpty = texts.filter(Boolean);
  if (nonEmpty.length < 2 || nonEmpty.length < texts.length * 0.6) return false;
  const nums = nonEmpty.map((t) => (/^\d{1,2}$/.test(t) ? Number(t) : NaN));
  if (nums.some((n) => Number.isNaN(n))) return false;
  return nums.every((n, i) => i === 0 || n === nums[i - 1]! + 1) && nums[0]! <= 2;
}

function isHeaderLike(row: DraftRow): boolean {
  const texts = row.cells.filter((c) => !c.cover && c.text).map((c) => c.text);
  if (texts.length === 0) return false;
  // Headers name columns; a row carrying an amount in rupiah is data.
  if (texts.some((t) => /(^|\s)(rp\.?\s*)?\d{1,3}([.,]\d{3}){2,}/i.test(t))) return false;
  const numeric = texts.filter(isFigure).length;
  return numeric / texts.length < 0.34;
}

/**
 * Counts header rows: the first row when it reads as labels, extended while merged header cells
 * reach into the next row, or a spanning label is split below, and a numbering row closes it.
 */
export function detectHeaderRows(rows: DraftRow[]): number {
  if (rows.length < 2) return 0;
  const first = rows[0]!;
  if (!isHeaderLike(first) || isNumberingRow(first)) return isNumberingRow(first) ? 1 : 0;
  let h = 1;
  while (h < rows.length - 1) {
    const next = rows[h]!;
    if (isNumberingRow(next)) return h + 1;
    const spanDown = rows.slice(0, h).some((r, ri) => r.cells.some((c) => !c.cover && ri + c.rowSpan > h));
    const prev = rows[h - 1]!;
    const splitBelow =
      prev.cells.some((c) => !c.cover && c.colSpan > 1 && c.text) && isHeaderLike(next) && next.cells.every((c) => !c.text || !isFigure(c.text));
    // A row of group labels ("Tahun 2019" over three columns, "Renstra" over two) over a row of
    // labels: both are header.
    const below = rows[h + 1];
    const nCols = next.cells.length;
    const groupRow =
      next.cells.some((c) => !c.cover && c.colSpan > 1 && c.colSpan < nCols - 1 && c.text.trim()) &&
      next.cells.every((c) => !c.text || !isFigure(c.text)) &&
      below !== undefined &&
      isHeaderLike(below) &&
      below.cells.every((c) => !c.text || !isFigure(c.text));
    // The header so far is a fragment (a group label or a year over one column, the other
    // columns' labels a line lower): a full row of labels with figures under it is its last row.
    const filled = (r: DraftRow): number => r.cells.filter((c) => !c.cover && c.text.trim()).length;
    const fragment = rows.slice(0, h).every((r) => filled(r) * 2 < r.cells.length);
    const labelsOverFigures =
      fragment &&
      filled(next) * 2 >= nCols &&
      next.cells.every((c) => !c.text.trim() || !isFigure(c.text)) &&
      below !== undefined &&
      below.cells.some((c) => !c.cover && isFigure(c.text));
    if ((spanDown && isHeaderLike(next)) || splitBelow || groupRow || labelsOverFigures) {
      h++;
      continue;
    }
    break;
  }
  // A row of years only ("2021 | 2022 | 2023" under "Realisasi") labels the columns above it.
  if (rows[h] && h < rows.length - 1 && isYearRow(rows[h]!)) h++;
  // A lone numbering row right after the header.
  if (rows[h] && isNumberingRow(rows[h]!)) h++;
  return h;
}

/** True when every filled cell of a row is a year (at least two of them): column labels, not figures. */
function isYearRow(row: DraftRow): boolean {
  const texts = row.cells.filter((c) => !c.cover && c.text.trim()).map((c) => c.text.trim());
  return texts.length >= 2 && texts.every((t) => YEAR.test(t));
}

/** Column labels from the header rows: distinct texts top-down joined with " / ". */
export function columnLabels(rows: DraftRow[], headerCount: number, nCols: number): string[] {
  const labels: string[] = [];
  for (let c = 0; c < nCols; c++) {
    const parts: string[] = [];
    for (let r = 0; r < headerCount; r++) {
      const row = rows[r]!;
      if (isNumberingRow(row)) continue;
      let cell = row.cells[c];
      if (cell?.cover) cell = rows[cell.cover.row]?.cells[cell.cover.col];
      const t = cell?.text.trim();
      if (t && parts[parts.length - 1] !== t) parts.push(t);
    }
    labels.push(parts.join(' / '));
  }
  // A group label printed once over a run of year columns ("Realisasi" over 2021 | 2022 | 2023, in
  // a table without rules to show its span) belongs to every year column of the run.
  const yearOnly = (l: string): boolean => YEAR.test(l.trim());
  // The group label may sit in its own header row ("Realisasi / 2022") or, where a borderless
  // header's two lines were read as one, in the same cell as the year ("Realisasi 2022").
  const grouped = (l: string): string | null => {
    const m = /^(.+?)(?: \/ | )((?:19|20)\d\d)$/.exec(l);
    return m ? m[1]! : null;
  };
  for (let c = 0; c < labels.length; c++) {
    if (!yearOnly(labels[c]!)) continue;
    for (const dir of [-1, 1]) {
      let k = c + dir;
      while (k >= 0 && k < labels.length && yearOnly(labels[k]!)) k += dir;
      const group = k >= 0 && k < labels.length ? grouped(labels[k]!) : null;
      if (group) {
        labels[c] = `${group} / ${labels[c]!.trim()}`;
        break;
      }
    }
  }
  return labels;
}

/** Header texts as a comparable key (for repeated headers on continuation pages). */
export function headerKey(rows: DraftRow[]): string {
  return rows.map((r) => r.cells.map((c) => c.text.toLowerCase().replace(/\s+/g, ' ').trim()).join('|')).join('\n');
}

/**
 * Gives a draft its final ids and shape.
 *
 * @example
 *   finalizeTable(draft, 't3').rows[0].cells[2].id; // 't3.r1c2'
 */
export function finalizeTable(d: DraftTable, id: string): Table {
  const toRow = (r: DraftRow, index: number): TableRow => ({
    index,
    page: r.page,
    cells: r.cells.map((c, col): Cell => {
      const cell: Cell = {
        id: `${id}.r${index}c${col}`,
        row: index,
        col,
        rowSpan: c.rowSpan,
        colSpan: c.colSpan,
        text: c.text,
        page: c.page,
        bbox: c.bbox.map((v) => Math.round(v * 100) / 100) as BBox,
      };
      if (c.cover) cell.spannedBy = `${id}.r${c.cover.row}c${c.cover.col}`;
      if (c.ocr) cell.ocr = true;
      if (c.bold) cell.bold = true;
      if (c.indent !== undefined) cell.indent = c.indent;
      if (c.conf !== undefined) cell.conf = c.conf;
      if (c.textBox) cell.textBox = c.textBox.map((v) => Math.round(v * 100) / 100) as BBox;
      if (c.parts?.length) cell.parts = c.parts.map((p) => ({ page: p.page, bbox: p.bbox.map((v) => Math.round(v * 100) / 100) as BBox }));
      return cell;
    }),
  });
  const table: Table = {
    id,
    pages: d.pages,
    method: d.method,
    nCols: d.nCols,
    columns: columnLabels(d.rows, d.headerCount, d.nCols),
    headerRows: d.rows.slice(0, d.headerCount).map((r, i) => toRow(r, i)),
    rows: d.rows.slice(d.headerCount).map((r, i) => toRow(r, i + d.headerCount)),
    bbox: d.bbox,
  };
  if (d.caption) table.caption = d.caption;
  if (d.ocr) table.ocr = true;
  return table;
}

export function growBBox(a: BBox, b: BBox): BBox {
  return union(a, b);
}
