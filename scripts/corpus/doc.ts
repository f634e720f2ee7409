/**
 * The in-memory form of one corpus report. Printed items, facts and the verifier are those of the
 * synthetic corpus (scripts/synthetic/lib/doc.ts, verify.ts); what is new here is the layout a table
 * can take (header rows with group headers, four rule styles, captions above, below or missing,
 * explicit continuations) and the extra facts the wider prose needs (comparisons with a reference
 * figure, means).
 */
import type { Facts, Inline, Printed } from '../synthetic/lib/doc.js';

export type RuleStyle = 'grid' | 'hrules' | 'booktabs' | 'none' | 'shaded' | 'sheet';

export interface HeaderCell {
  text: string;
  colspan?: number;
  rowspan?: number;
}

export interface CCell {
  content: Inline[];
  rowspan?: number;
  /** Covered by a rowspan above: not emitted. */
  covered?: boolean;
  align?: 'left' | 'right' | 'center';
  nowrap?: boolean;
}

export interface CRow {
  cells: CCell[];
  bold?: boolean;
  /** What the row is about (indicator or budget line), for the gold. */
  label: string;
}

export interface CTable {
  /** Stable id within the report (`t3`). */
  id: string;
  /** The caption as printed, or null when the report prints none. */
  caption: string | null;
  captionPos: 'above' | 'below';
  /** A sentence printed just before the table, unique in the report: how the gold locates the table. */
  intro: string;
  style: RuleStyle;
  fontSize: number;
  /** Column widths in px (96 dpi) and alignment; one per grid column. */
  widths: number[];
  align: Array<'left' | 'right' | 'center'>;
  /** Header rows as printed (with colspans and rowspans). */
  header: HeaderCell[][];
  rows: CRow[];
  /** Repeat the header on every page the table runs over. */
  repeatHeader: boolean;
  /**
   * Split the table explicitly after this many body rows: a page break, a continuation line
   * (`label`), then the rest, with or without the header.
   */
  split?: { after: number; label: string; header: boolean };
  /** A note printed under the table. */
  note?: Inline[];
  /** Role of the table, for the manifest and the gold. */
  kind: 'pk' | 'pk-program' | 'capaian' | 'scale' | 'compare' | 'efisiensi' | 'budget' | 'belanja' | 'lampiran-capaian' | 'lampiran-budget' | 'renstra';
  /** Printed on pages to be scanned. */
  scan?: boolean;
}

export type CBlock =
  | { kind: 'cover'; lines: Array<{ text: string; size: number; bold?: boolean; space?: number }> }
  | { kind: 'h'; text: string; breakBefore?: boolean; center?: boolean }
  | { kind: 'p'; parts: Inline[]; breakBefore?: boolean; indent?: boolean }
  | { kind: 'table'; table: CTable; breakBefore?: boolean }
  | { kind: 'part'; orientation: 'portrait' | 'landscape'; sheet?: boolean };

/** Facts beyond the synthetic corpus's: a value compared with a reference figure, a printed mean. */
export interface ExtraFacts {
  compare: Array<{ word: Printed; ours: Printed; other: Printed }>;
  means: Array<{ label: string; mean: Printed; parts: Printed[] }>;
}

export type AllFacts = Facts & ExtraFacts;
