import { z } from 'zod';
import type { AuditResult } from '../model/report.js';
import type { LayoutDocument } from '../model/table.js';

export const Lang = z.enum(['id', 'en']);
export type Lang = z.infer<typeof Lang>;

/** What a citation id points at. */
export const SourceKind = z.enum(['finding', 'cell', 'row', 'claim', 'paragraph', 'table', 'page']);
export type SourceKind = z.infer<typeof SourceKind>;

/**
 * One source an answer relies on: a finding id (`capaian-fda8684e80e1`), a cell id (`t7.r3c4`),
 * an entity row (`t7.r3`), a prose claim (`p5.13.count2`), a paragraph (`p34.103`) or a page (`p34`), resolved to
 * the page, table and row where a person can check it.
 */
export const ChatCitation = z.object({
  id: z.string(),
  kind: SourceKind,
  page: z.number().int().positive(),
  table: z.string().nullable(),
  row: z.number().int().nonnegative().nullable(),
  column: z.number().int().nonnegative().nullable().optional(),
  /** Every page, when the source is printed in several places (a finding). */
  pages: z.array(z.number().int().positive()).optional(),
  /** The printed text of a cell or value, the message of a finding. */
  text: z.string().optional(),
  caption: z.string().nullable().optional(),
  /** The box of the cell, sentence or paragraph on the page (points, top-left origin), when known. */
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
});
export type ChatCitation = z.infer<typeof ChatCitation>;

export const Usage = z.object({
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
  totalTokens: z.number().int().nonnegative(),
});
export type Usage = z.infer<typeof Usage>;

/**
 * An answer: short text in which every figure and claim is followed by `[id]`, and those ids
 * resolved to page/table/row.
 */
export const Answer = z.object({
  text: z.string(),
  citations: z.array(ChatCitation),
  language: Lang,
  answerer: z.enum(['deterministic', 'llm']),
  /** How the question was understood (deterministic answerer) or `llm`. */
  intent: z.string().optional(),
  /** Said to the user before the answer: why the model was not used, what was repaired. */
  notice: z.string().optional(),
  /** True when the model's answer could not be validated and was withheld. */
  refused: z.boolean().optional(),
  usage: Usage.optional(),
});
export type Answer = z.infer<typeof Answer>;

/** What the answerers read: the audit result, and the layout for page text and every cell. */
export interface ChatContext {
  result: AuditResult;
  layout?: Pick<LayoutDocument, 'tables' | 'paragraphs'>;
}

/** One earlier exchange, for follow-up questions ("why?") and the model's context. */
export interface Turn {
  question: string;
  answer: Answer;
}
