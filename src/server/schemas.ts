/**
 * The API's own request and response shapes. Domain values (Report, Finding, LayoutDocument…) come
 * from model/; these only wrap them, so the OpenAPI document and request validation share one source.
 */
import { z } from 'zod';
import { CheckStat, Finding } from '../model/report.js';
import { PageInfo, Table } from '../model/table.js';
import { AnswerCitation, ChatMessage, Progress, Review, ReviewStatus, RunStatus, RunSummary, StoredError } from '../store/index.js';

export const Lang = z.enum(['id', 'en']);
export type Lang = z.infer<typeof Lang>;

export const ErrorBody = z.object({
  error: z.object({ code: z.string().describe('AppError code, e.g. E_NOT_PDF'), message: z.string() }),
});

/** A document as the API shows it: the record, and where its latest run is. */
export const DocumentView = z.object({
  id: z.string().describe('sha256 of the PDF'),
  name: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
  hasPdf: z.boolean(),
  status: RunStatus,
  runId: z.string().nullable(),
  progress: Progress.nullable(),
  error: StoredError.nullable(),
  cached: z.boolean(),
  summary: RunSummary.nullable(),
});
export type DocumentView = z.infer<typeof DocumentView>;

export const DocumentList = z.object({ documents: z.array(DocumentView) });

export const FindingsResponse = z.object({
  documentId: z.string(),
  report: z.object({ instansi: z.string().nullable(), pemda: z.string().nullable(), tahun: z.number().int().nullable() }),
  findings: z.array(Finding),
  checks: z.array(CheckStat),
  /** Each check's title in both languages, by check id. */
  checkTitles: z.record(z.string(), z.object({ id: z.string(), en: z.string() })),
  /** The reviews of the findings listed. */
  reviews: z.array(Review),
});

export const ReviewBody = z.object({
  status: ReviewStatus,
  note: z.string().max(4000).default(''),
});
export type ReviewBody = z.infer<typeof ReviewBody>;

export const ReviewList = z.object({ reviews: z.array(Review) });

const STATUS_LIST = /^(open|confirmed|dismissed|follow-up)(,(open|confirmed|dismissed|follow-up))*$/;

/** The filters every findings export follows, as the page's filters set them. */
const FindingFilters = {
  lang: Lang.default('id'),
  severity: z.string().optional().describe('comma-separated: error,warning,rounding,info'),
  check: z.string().optional().describe('comma-separated check ids'),
  status: z.string().regex(STATUS_LIST, 'comma-separated review statuses: open, confirmed, dismissed, follow-up').optional().describe('comma-separated: open (not reviewed), confirmed, dismissed, follow-up'),
};

export const ReportQuery = z.object({
  ...FindingFilters,
  download: z.enum(['0', '1']).default('0').describe('1: as an attachment'),
});

export const TablesResponse = z.object({
  documentId: z.string(),
  pageCount: z.number().int(),
  pages: z.array(PageInfo),
  tables: z.array(Table),
});

export const AskRequest = z.object({
  question: z.string().trim().min(1).max(2000),
  lang: Lang.default('id'),
});
export type AskRequest = z.infer<typeof AskRequest>;

export const AskResponse = z.object({
  /** The answer; `[id]` markers name the citation each figure comes from. */
  answer: z.string(),
  citations: z.array(AnswerCitation),
  findingIds: z.array(z.string()),
  /** Said before the answer (why no model was used, what was repaired). */
  notice: z.string().optional(),
});
export type AskResponse = z.infer<typeof AskResponse>;

export const ChatHistory = z.object({ messages: z.array(ChatMessage) });

export const Health = z.object({ ok: z.literal(true), pipelineVersion: z.string(), store: z.string(), chat: z.boolean() });

export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const ExportFormat = z.enum(['json', 'csv', 'xlsx']);

export const FindingsQuery = z.object({
  format: ExportFormat.default('json'),
  ...FindingFilters,
});

export const ModelQuery = z.object({
  format: ExportFormat.default('json'),
  entity: z.enum(['indicators', 'budget', 'belanja', 'efficiency']).default('indicators').describe('csv only: which entity'),
});

export const TablesQuery = z.object({ format: ExportFormat.default('json'), lang: Lang.default('id').describe('xlsx: language of the index sheet and sheet names') });
