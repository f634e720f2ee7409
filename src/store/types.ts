/**
 * The Store interface: what lkjip keeps between runs (documents by content hash, their layout,
 * model and audit per pipeline version, processing runs and chat history). One interface, one
 * file per backend, one conformance suite (test/store) run against every backend.
 *
 * Records are zod schemas so every driver validates what it reads back the same way.
 */
import { z } from 'zod';
import type { AuditResult, Report } from '../model/report.js';
import { BBox } from '../model/geometry.js';
import { Citation } from '../model/report.js';
import type { LayoutDocument } from '../model/table.js';

export const RunStatus = z.enum(['queued', 'processing', 'done', 'failed']);
export type RunStatus = z.infer<typeof RunStatus>;

/** Where a run is: the stage and, for page-wise stages, pages done of total. */
export const Progress = z.object({
  stage: z.enum(['queued', 'read', 'ocr', 'layout', 'extract', 'audit', 'done']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type Progress = z.infer<typeof Progress>;

export const StoredError = z.object({ code: z.string(), message: z.string() });
export type StoredError = z.infer<typeof StoredError>;

/** A PDF the store knows, addressed by the sha256 of its bytes. */
export const DocumentRecord = z.object({
  /** The sha256 of the file's bytes (hex). */
  id: z.string().regex(/^[0-9a-f]{64}$/),
  /** File name as first seen (uploads of the same bytes under another name keep the first). */
  name: z.string(),
  size: z.number().int().nonnegative(),
  /** Whether the PDF's bytes are stored (uploads) or only its results (CLI cache). */
  hasPdf: z.boolean(),
  createdAt: z.string(),
});
export type DocumentRecord = z.infer<typeof DocumentRecord>;

export const NewDocument = DocumentRecord.pick({ id: true, name: true, size: true });
export type NewDocument = z.infer<typeof NewDocument>;

/** What a finished run found, kept small so document lists need not read whole audits. */
export const RunSummary = z.object({
  pages: z.number().int().nonnegative(),
  instansi: z.string().nullable(),
  tahun: z.number().int().nullable(),
  findings: z.object({ error: z.number().int(), warning: z.number().int(), rounding: z.number().int(), info: z.number().int() }),
  /** Pages that could not be read, and why (a damaged content stream, a limit). */
  unread: z.array(z.object({ page: z.number().int(), code: z.string(), message: z.string() })).default([]),
});
export type RunSummary = z.infer<typeof RunSummary>;

/** One processing of one document by one pipeline version. */
export const Run = z.object({
  id: z.string(),
  documentId: z.string(),
  pipelineVersion: z.string(),
  status: RunStatus,
  progress: Progress.nullable(),
  error: StoredError.nullable(),
  /** The results came from the store, nothing was recomputed. */
  cached: z.boolean(),
  summary: RunSummary.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Run = z.infer<typeof Run>;

export type RunPatch = Partial<Pick<Run, 'status' | 'progress' | 'error' | 'cached' | 'summary'>>;

export const Highlight = z.object({ page: z.number().int().positive(), bbox: BBox });
export type Highlight = z.infer<typeof Highlight>;

/** A source of an answer: where it is printed, what it is (finding, cell, row…) and the boxes to light up. */
export const AnswerCitation = Citation.extend({
  /** The id the answer cites it by (`capaian-3f2a…`, `t7.r3c4`, `p12`). */
  id: z.string().optional(),
  kind: z.string().optional(),
  text: z.string().optional(),
  highlights: z.array(Highlight).optional(),
});
export type AnswerCitation = z.infer<typeof AnswerCitation>;

export const ChatRole = z.enum(['user', 'assistant']);

export const ChatMessage = z.object({
  id: z.number().int().positive(),
  documentId: z.string(),
  role: ChatRole,
  text: z.string(),
  lang: z.enum(['id', 'en']),
  citations: z.array(AnswerCitation),
  /** Finding ids the answer relies on. */
  findingIds: z.array(z.string()),
  createdAt: z.string(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

export type NewChatMessage = Omit<ChatMessage, 'id' | 'documentId' | 'createdAt'>;

/** How a reviewer judged a finding. */
export const ReviewStatus = z.enum(['confirmed', 'dismissed', 'follow-up']);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

/** A reviewer's verdict on one finding of one document, with a note. */
export const Review = z.object({
  documentId: z.string(),
  findingId: z.string().min(1).max(200),
  status: ReviewStatus,
  note: z.string().max(4000),
  updatedAt: z.string(),
});
export type Review = z.infer<typeof Review>;

export type ReviewInput = Pick<Review, 'status' | 'note'>;

/** Results are kept per content hash and pipeline version: a new pipeline never reads stale results. */
export interface ArtifactKey {
  sha256: string;
  version: string;
}

export interface ListOptions {
  limit?: number;
  offset?: number;
}

/**
 * Persistence for lkjip. Every method is async so a remote backend fits the same interface;
 * values read back are validated against their schemas (a mismatch is AppError `E_STORE`).
 *
 * @example
 *   const store = openStore('.lkjip/lkjip.db');
 *   await store.putDocument({ id: sha, name: 'lkjip.pdf', size: bytes.length }, bytes);
 *   const audit = await store.getAudit({ sha256: sha, version: PIPELINE_VERSION });
 */
export interface Store {
  readonly driver: string;

  /** Adds a document, or returns the existing one (adding the bytes if they were missing). */
  putDocument(doc: NewDocument, pdf?: Uint8Array): Promise<DocumentRecord>;
  getDocument(id: string): Promise<DocumentRecord | null>;
  /** Newest first. */
  listDocuments(opts?: ListOptions): Promise<DocumentRecord[]>;
  getPdf(id: string): Promise<Uint8Array | null>;
  /** Removes the document with its bytes, runs, chat and results. */
  deleteDocument(id: string): Promise<boolean>;

  putLayout(key: ArtifactKey, layout: LayoutDocument): Promise<void>;
  getLayout(key: ArtifactKey): Promise<LayoutDocument | null>;
  putModel(key: ArtifactKey, report: Report): Promise<void>;
  getModel(key: ArtifactKey): Promise<Report | null>;
  /** Keeps the findings and, as the model of the same key, the result's report. */
  putAudit(key: ArtifactKey, result: AuditResult): Promise<void>;
  getAudit(key: ArtifactKey): Promise<AuditResult | null>;

  createRun(input: { documentId: string; pipelineVersion: string }): Promise<Run>;
  updateRun(id: string, patch: RunPatch): Promise<Run>;
  getRun(id: string): Promise<Run | null>;
  /** Newest first. */
  listRuns(filter?: { documentId?: string; status?: RunStatus[] }): Promise<Run[]>;

  addChat(documentId: string, message: NewChatMessage): Promise<ChatMessage>;
  /** Oldest first; with `limit`, the last `limit` messages. */
  listChat(documentId: string, opts?: { limit?: number }): Promise<ChatMessage[]>;

  // Reviews: one per document and finding; removed with the document.
  /** Sets (or replaces) the review of a finding. */
  setReview(documentId: string, findingId: string, review: ReviewInput): Promise<Review>;
  /** Every review of the document, by finding id. */
  listReviews(documentId: string): Promise<Review[]>;
  /** Removes a finding's review; false when it had none. */
  deleteReview(documentId: string, findingId: string): Promise<boolean>;

  close(): Promise<void>;
}
