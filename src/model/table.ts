import { z } from 'zod';
import { BBox } from './geometry.js';
import { Warning } from './document.js';

/**
 * A table cell. Cells are addressed by (row, col) in the table's grid; a merged cell sits at its
 * top-left position with rowSpan/colSpan > 1 and the positions it covers hold `spannedBy`.
 */
export const Cell = z.object({
  /** Stable id: `<tableId>.r<row>c<col>`, e.g. `t3.r4c2`. */
  id: z.string(),
  row: z.number().int().nonnegative(),
  col: z.number().int().nonnegative(),
  rowSpan: z.number().int().positive(),
  colSpan: z.number().int().positive(),
  text: z.string(),
  page: z.number().int().positive(),
  bbox: BBox,
  /**
   * OCR: the box of the words read into the cell, where they are printed on the page (a
   * straightened scan's skew undone), so it lies over the figure rather than over the whole cell.
   */
  textBox: BBox.optional(),
  /** Id of the merged cell covering this position. */
  spannedBy: z.string().optional(),
  ocr: z.boolean().optional(),
  /** OCR: the lowest confidence (0..100) of the words read into the cell. */
  conf: z.number().min(0).max(100).optional(),
  bold: z.boolean().optional(),
  /** x of the first word relative to the cell's left edge, in points (for indentation). */
  indent: z.number().optional(),
  /** A row split by a page break: the continuation's page and box (the cell's own are the first part). */
  parts: z.array(z.object({ page: z.number().int().positive(), bbox: BBox })).optional(),
});
export type Cell = z.infer<typeof Cell>;

export const TableRow = z.object({
  index: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  cells: z.array(Cell),
});
export type TableRow = z.infer<typeof TableRow>;

export const Table = z.object({
  /** `t1`, `t2`… in reading order. */
  id: z.string(),
  pages: z.array(z.number().int().positive()),
  caption: z.string().optional(),
  method: z.enum(['lattice', 'stream']),
  nCols: z.number().int().positive(),
  /** Column labels after combining multi-row headers ("ANGGARAN / REALISASI"). */
  columns: z.array(z.string()),
  headerRows: z.array(TableRow),
  /** Body rows; each keeps the page it was printed on. Row indices continue after the header rows. */
  rows: z.array(TableRow),
  bbox: BBox,
  ocr: z.boolean().optional(),
});
export type Table = z.infer<typeof Table>;

/** Text outside tables, kept with its page for claims and amounts in words. */
export const Paragraph = z.object({
  page: z.number().int().positive(),
  text: z.string(),
  bbox: BBox,
  ocr: z.boolean().optional(),
});
export type Paragraph = z.infer<typeof Paragraph>;

export const PageInfo = z.object({
  page: z.number().int().positive(),
  width: z.number(),
  height: z.number(),
  source: z.enum(['text', 'ocr', 'unread']),
  warning: z.string().optional(),
});

/** The output of layout: tables and paragraphs of a whole document. */
export const LayoutDocument = z.object({
  file: z.string(),
  sha256: z.string(),
  pageCount: z.number().int(),
  pages: z.array(PageInfo),
  tables: z.array(Table),
  paragraphs: z.array(Paragraph),
  warnings: z.array(Warning),
});
export type LayoutDocument = z.infer<typeof LayoutDocument>;
