/**
 * The in-memory form of one synthetic report: every number or word the report prints that a check
 * can look at is a `Printed` object, placed in prose or table cells (blocks) and referenced by the
 * facts (the equations and agreements the report's figures must satisfy). Planting a discrepancy
 * changes a `Printed`; the HTML is rendered from the blocks afterwards, and the verifier evaluates
 * the facts, so what the gold says is what the PDF prints.
 */

/** Where a printed item is, in the gold's terms. */
export interface Where {
  /** Caption of the table, or null for prose. */
  table: string | null;
  /** Row label (indicator or program name) or, in prose, what the sentence is about. */
  row: string;
  /** Column header, or null for prose. */
  column: string | null;
}

export interface Printed {
  id: string;
  text: string;
  /** What the text denotes (a number, a year, the count; null for words with no number). */
  value: number | null;
  decimals: number;
  /** Value and text before any discrepancy was planted. */
  orig: number | null;
  origText: string;
  where: Where;
  /** Re-prints a new value in this item's format. */
  format?: (value: number) => string;
  /** Other printed items of the same table row (for locating the row in the PDF). */
  rowmates?: Printed[];
  /** The paragraph the item is printed in (for locating prose in the PDF). */
  paragraph?: Inline[];
}

export type Inline = string | Printed;

export type TableStyle = 'bordered' | 'borderless' | 'hrules';

export interface Column {
  label: string;
  /** Pixels at 96 dpi; LibreOffice scales pixel widths to the table width. */
  width: number;
  align: 'left' | 'right' | 'center';
}

export interface Cell {
  content: Inline[];
  rowspan?: number;
  /** Covered by a rowspan above: not emitted. */
  covered?: boolean;
  align?: 'left' | 'right' | 'center';
  /** Keep on one line (numbers and codes). */
  nowrap?: boolean;
}

export interface Row {
  cells: Cell[];
  bold?: boolean;
  label: string;
}

export interface TableBlock {
  caption: string;
  captionBelow?: boolean;
  style: TableStyle;
  fontSize: number;
  columns: Column[];
  rows: Row[];
  /** Header repeated on every page (`<thead>`); otherwise the header row is the first body row. */
  repeatHeader?: boolean;
}

export type Block =
  | { kind: 'cover'; lines: Array<{ text: string; size: number; bold?: boolean; space?: number }> }
  | { kind: 'h'; text: string; breakBefore?: boolean; center?: boolean }
  | { kind: 'p'; parts: Inline[]; breakBefore?: boolean; indent?: boolean }
  | { kind: 'table'; table: TableBlock; breakBefore?: boolean }
  /** Starts a new part of the document in the given orientation (rendered as a separate HTML file). */
  | { kind: 'part'; orientation: 'portrait' | 'landscape' };

export type Formula = 'ratio' | 'two-minus' | 'inverse';

export interface Facts {
  capaian: Array<{ label: string; formula: Formula; range?: [number, number]; target: Printed; realisasi: Printed; capaian: Printed }>;
  predikat: Array<{ label: string; capaian: Printed; predikat: Printed }>;
  serapan: Array<{ label: string; pagu: Printed; realisasi: Printed; persen: Printed }>;
  sisa: Array<{ label: string; pagu: Printed; realisasi: Printed; sisa: Printed }>;
  sums: Array<{ check: 'sum-rows' | 'sum-hierarchy' | 'belanja-total'; label: string; total: Printed; parts: Printed[] }>;
  terbilang: Array<{ digits: Printed; words: Printed }>;
  /** The same figure printed in several places. */
  cross: Array<{ key: string; cells: Printed[] }>;
  counts: Array<{ entity: string; claim: Printed; actual: number }>;
  efisiensi: Array<{ stated: Printed; capaian: Printed; serapan: Printed }>;
  trend: Array<{ word: Printed; from: Printed; to: Printed }>;
  codes: Array<{ code: Printed; parent: Printed | null; level: 'program' | 'kegiatan' | 'sub' }>;
  /** Mentions of a year or an office: `own` when the sentence speaks of this report's period or office. */
  mentions: Array<{ p: Printed; kind: 'year' | 'office'; own: boolean }>;
}

export function emptyFacts(): Facts {
  return { capaian: [], predikat: [], serapan: [], sisa: [], sums: [], terbilang: [], cross: [], counts: [], efisiensi: [], trend: [], codes: [], mentions: [] };
}

let counter = 0;

/**
 * A printed item.
 *
 * @example
 *   printed('93,05', 93.05, 2, { table: 'Tabel 3.1 …', row: 'Indeks Kepuasan Masyarakat', column: 'Realisasi' });
 */
export function printed(text: string, value: number | null, decimals: number, where: Where, format?: (v: number) => string): Printed {
  counter++;
  return { id: `p${counter}`, text, value, decimals, orig: value, origText: text, where, ...(format ? { format } : {}) };
}

/**
 * Changes what an item prints; the value is re-printed in the item's own format unless a text is given.
 *
 * @example
 *   reprint(capaian, 98.21); // capaian.text === '98,21'
 */
export function reprint(p: Printed, value: number | null, text?: string): void {
  p.value = value;
  if (text !== undefined) p.text = text;
  else if (value !== null && p.format) p.text = p.format(value);
  else throw new Error(`reprint ${p.id}: no text and no format`);
}

/** The plain text of inline content. */
export function inlineText(parts: readonly Inline[]): string {
  return parts.map((x) => (typeof x === 'string' ? x : x.text)).join('');
}

/** All the text a document prints, block by block (for uniqueness checks of anchors). */
export function documentText(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'cover') out.push(...b.lines.map((l) => l.text));
    else if (b.kind === 'h') out.push(b.text);
    else if (b.kind === 'p') out.push(inlineText(b.parts));
    else if (b.kind === 'table') {
      out.push(b.table.caption, b.table.columns.map((c) => c.label).join(' '));
      for (const r of b.table.rows) out.push(r.cells.filter((c) => !c.covered).map((c) => inlineText(c.content)).join(' '));
    }
  }
  return out.join('\n');
}
