import { z } from 'zod';
import { BBox } from './geometry.js';

/** One word (or text run) on a page, as read from the text layer or by OCR. */
export const Word = z.object({
  text: z.string(),
  bbox: BBox,
  font: z.string().optional(),
  size: z.number().optional(),
  bold: z.boolean().optional(),
  ocr: z.boolean(),
  /** OCR confidence 0..100; absent for the text layer. */
  conf: z.number().optional(),
  /** OCR: a figure read a second time from its own box with figure characters only. */
  reread: z.boolean().optional(),
});
export type Word = z.infer<typeof Word>;

/** A ruling line (stroke or thin filled rectangle), axis-aligned, in page points. */
export const Rule = z.object({
  x0: z.number(),
  y0: z.number(),
  x1: z.number(),
  y1: z.number(),
  orientation: z.enum(['h', 'v']),
  thickness: z.number(),
});
export type Rule = z.infer<typeof Rule>;

export const PageSource = z.enum(['text', 'ocr', 'unread']);

export const Page = z.object({
  /** 1-based page number. */
  page: z.number().int().positive(),
  width: z.number(),
  height: z.number(),
  source: PageSource,
  words: z.array(Word),
  rules: z.array(Rule),
  /**
   * OCR pages: the skew (degrees, positive clockwise) measured on the scan and undone before
   * recognition; word and rule coordinates are those of the straightened page.
   */
  skew: z.number().optional(),
  /** Why the page is unread or partially read. */
  warning: z.string().optional(),
});
export type Page = z.infer<typeof Page>;

export const Warning = z.object({
  code: z.string(),
  message: z.string(),
  page: z.number().int().optional(),
  stage: z.string().optional(),
});
export type Warning = z.infer<typeof Warning>;

/** The output of ingest: every page of a PDF as positioned words and ruling lines. */
export const PdfDocument = z.object({
  file: z.string(),
  sha256: z.string(),
  pageCount: z.number().int(),
  pages: z.array(Page),
  warnings: z.array(Warning),
});
export type PdfDocument = z.infer<typeof PdfDocument>;
