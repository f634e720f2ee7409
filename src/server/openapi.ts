/**
 * The OpenAPI 3.1 description of the API. Schemas are generated from the zod schemas the server
 * validates with (and the model's own), so the description cannot drift from the code.
 */
import { z } from 'zod';
import { AuditResult, Citation, Finding, Report, Value } from '../model/report.js';
import { LayoutDocument, Table } from '../model/table.js';
import { ChatMessage, Review } from '../store/index.js';
import { AskRequest, AskResponse, ChatHistory, DocumentList, DocumentView, ErrorBody, FindingsResponse, Health, ReviewBody, ReviewList, TablesResponse } from './schemas.js';

type JsonObject = Record<string, unknown>;

const OUTPUT = { Citation, Value, Finding, Report, AuditResult, Table, LayoutDocument, ChatMessage, DocumentView, DocumentList, FindingsResponse, TablesResponse, AskResponse, ChatHistory, Health, Review, ReviewList, Error: ErrorBody };
const INPUT = { AskRequest, ReviewBody };

const ref = (name: keyof typeof OUTPUT | keyof typeof INPUT) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: keyof typeof OUTPUT) => ({ 'application/json': { schema: ref(name) } });
const CSV = { 'text/csv': { schema: { type: 'string' } } };
const XLSX = { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', contentEncoding: 'binary' } } };

function errors(...statuses: number[]): JsonObject {
  const text: Record<number, string> = {
    400: 'Bad request (E_BAD_ARGUMENT, E_FILE_EMPTY)',
    401: 'Missing or wrong bearer token (E_UNAUTHORIZED)',
    403: 'Without a token: a Host that is not this server\'s address, or an Origin that is not its own (E_FORBIDDEN)',
    404: 'No such document (E_NOT_FOUND)',
    409: 'The document is not processed yet (E_NOT_READY)',
    413: 'Upload above the size limit (E_FILE_TOO_LARGE)',
    415: 'Not a PDF (E_NOT_PDF)',
    422: 'The PDF could not be processed (E_PDF_CORRUPT, E_PDF_ENCRYPTED, E_PDF_NO_PAGES, E_PDF_UNREADABLE)',
    501: 'Questions are turned off on this server (E_NOT_IMPLEMENTED)',
  };
  return Object.fromEntries(statuses.map((s) => [String(s), { description: text[s] ?? 'Error', content: json('Error') }]));
}

const idParam = { name: 'id', in: 'path', required: true, description: 'Document id: the sha256 of the PDF', schema: { type: 'string', pattern: '^[0-9a-f]{64}$' } };
const filterParams = [
  { name: 'lang', in: 'query', description: 'Language of the export (headers, severities, check names, numbers)', schema: { type: 'string', enum: ['id', 'en'], default: 'id' } },
  { name: 'severity', in: 'query', description: 'Comma-separated severities', schema: { type: 'string' } },
  { name: 'check', in: 'query', description: 'Comma-separated check ids', schema: { type: 'string' } },
  { name: 'status', in: 'query', description: 'Comma-separated review statuses: open (not reviewed), confirmed, dismissed, follow-up', schema: { type: 'string' } },
];
const findingParam = { name: 'findingId', in: 'path', required: true, description: 'A finding id of the document', schema: { type: 'string' } };
const formatParam = { name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'csv', 'xlsx'], default: 'json' } };

/**
 * Builds the OpenAPI document.
 *
 * @example
 *   const doc = openApiDocument({ auth: true });
 *   doc.paths['/api/documents'].post.responses['202'];
 */
export function openApiDocument(opts: { auth: boolean; maxUploadMB: number }): JsonObject {
  const secured = opts.auth ? { security: [{ bearer: [] }] } : {};
  const op = (o: JsonObject) => ({ ...secured, ...o, responses: { ...(o.responses as JsonObject), ...(opts.auth ? errors(401) : {}), '500': { description: 'Internal error', content: json('Error') } } });
  return {
    openapi: '3.1.0',
    info: {
      title: 'lkjip API',
      version: '0.1.0',
      description: 'Upload LKjIP reports (PDF), follow their processing, read the extracted model, the audit findings and the tables (JSON, CSV, XLSX), and ask questions answered with citations.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/' }],
    ...(opts.auth ? { security: [{ bearer: [] }] } : {}),
    paths: {
      '/api/health': { get: { operationId: 'health', summary: 'Liveness and versions', security: [], responses: { '200': { description: 'OK', content: json('Health') } } } },
      '/api/openapi.json': { get: { operationId: 'openapi', summary: 'This document', security: [], responses: { '200': { description: 'OpenAPI 3.1 document', content: { 'application/json': { schema: { type: 'object' } } } } } } },
      '/api/documents': {
        get: op({
          operationId: 'listDocuments',
          summary: 'Documents, newest first, with their processing status',
          parameters: [
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } },
            { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
          ],
          responses: { '200': { description: 'Documents', content: json('DocumentList') }, ...errors(400) },
        }),
        post: op({
          operationId: 'uploadDocument',
          summary: `Upload a PDF (at most ${opts.maxUploadMB} MB) to be processed in the background`,
          description: 'Answers 202 at once; poll GET /api/documents/{id} for status and progress. The same bytes uploaded again reuse the stored result.',
          requestBody: {
            required: true,
            content: { 'multipart/form-data': { schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', contentMediaType: 'application/pdf', contentEncoding: 'binary' } } } } },
          },
          responses: { '202': { description: 'Accepted: queued, processing, or already done', content: json('DocumentView') }, ...errors(400, 413, 415) },
        }),
      },
      '/api/documents/{id}': {
        parameters: [idParam],
        get: op({ operationId: 'getDocument', summary: 'A document with its status (queued, processing, done, failed) and progress', responses: { '200': { description: 'Document', content: json('DocumentView') }, ...errors(404) } }),
        delete: op({ operationId: 'deleteDocument', summary: 'Remove a document, its PDF, results and chat', responses: { '204': { description: 'Deleted' }, ...errors(404) } }),
      },
      '/api/documents/{id}/model': {
        parameters: [idParam],
        get: op({
          operationId: 'getModel',
          summary: 'The extracted LKjIP model; CSV gives one entity, XLSX one sheet per entity',
          parameters: [formatParam, { name: 'entity', in: 'query', description: 'CSV only', schema: { type: 'string', enum: ['indicators', 'budget', 'belanja', 'efficiency'], default: 'indicators' } }],
          responses: { '200': { description: 'Model', content: { ...json('Report'), ...CSV, ...XLSX } }, ...errors(400, 404, 409, 422) },
        }),
      },
      '/api/documents/{id}/findings': {
        parameters: [idParam],
        get: op({
          operationId: 'getFindings',
          summary: 'Audit findings, each with citations and its review; filter by severity, check and review status. CSV and XLSX have one row per finding, in the language asked',
          parameters: [formatParam, ...filterParams],
          responses: { '200': { description: 'Findings', content: { ...json('FindingsResponse'), ...CSV, ...XLSX } }, ...errors(400, 404, 409, 422) },
        }),
      },
      '/api/documents/{id}/reviews': {
        parameters: [idParam],
        get: op({ operationId: 'listReviews', summary: 'The reviews of the document’s findings', responses: { '200': { description: 'Reviews', content: json('ReviewList') }, ...errors(404) } }),
      },
      '/api/documents/{id}/reviews/{findingId}': {
        parameters: [idParam, findingParam],
        put: op({
          operationId: 'setReview',
          summary: 'Mark a finding confirmed, dismissed or needing follow-up, with a note',
          requestBody: { required: true, content: { 'application/json': { schema: ref('ReviewBody') } } },
          responses: { '200': { description: 'The review as stored', content: json('Review') }, ...errors(400, 404, 409, 422) },
        }),
        delete: op({ operationId: 'deleteReview', summary: 'Remove a finding’s review', responses: { '204': { description: 'Removed (or there was none)' }, ...errors(404) } }),
      },
      '/api/documents/{id}/report': {
        parameters: [idParam],
        get: op({
          operationId: 'getReport',
          summary: 'The reviewed findings as one self-contained HTML document (printable to PDF), with a picture of each cited place',
          parameters: [...filterParams, { name: 'download', in: 'query', description: '1: as an attachment', schema: { type: 'string', enum: ['0', '1'], default: '0' } }],
          responses: { '200': { description: 'HTML document', content: { 'text/html': { schema: { type: 'string' } } } }, ...errors(400, 404, 409, 422) },
        }),
      },
      '/api/documents/{id}/tables': {
        parameters: [idParam],
        get: op({
          operationId: 'getTables',
          summary: 'Every table with each cell’s page and box; CSV one line per cell, XLSX the cells, an index, and one sheet per table (tables of contents left out)',
          parameters: [formatParam, { name: 'lang', in: 'query', description: 'XLSX: language of the index sheet and sheet names', schema: { type: 'string', enum: ['id', 'en'], default: 'id' } }],
          responses: { '200': { description: 'Tables', content: { ...json('TablesResponse'), ...CSV, ...XLSX } }, ...errors(400, 404, 409, 422) },
        }),
      },
      '/api/documents/{id}/pdf': {
        parameters: [idParam],
        get: op({ operationId: 'getPdf', summary: 'The uploaded PDF', responses: { '200': { description: 'PDF', content: { 'application/pdf': { schema: { type: 'string', contentEncoding: 'binary' } } } }, ...errors(404) } }),
      },
      '/api/documents/{id}/ask': {
        parameters: [idParam],
        post: op({
          operationId: 'ask',
          summary: 'Ask a question about the report; the answer cites pages, tables, rows and findings',
          requestBody: { required: true, content: { 'application/json': { schema: ref('AskRequest') } } },
          responses: { '200': { description: 'Answer', content: json('AskResponse') }, ...errors(400, 404, 409, 422, 501) },
        }),
      },
      '/api/documents/{id}/chat': {
        parameters: [idParam],
        get: op({ operationId: 'getChat', summary: 'Questions and answers so far, oldest first', responses: { '200': { description: 'History', content: json('ChatHistory') }, ...errors(404) } }),
      },
    },
    components: {
      schemas: { ...schemas(OUTPUT, 'output'), ...schemas(INPUT, 'input') },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'The token given to `lkjip serve --token`' } },
    },
  };
}

function schemas(defs: Record<string, z.ZodType>, io: 'input' | 'output'): Record<string, JsonObject> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(defs)) registry.add(schema, { id });
  const out = z.toJSONSchema(registry, { target: 'draft-2020-12', io, unrepresentable: 'any', uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(
    Object.entries(out.schemas).map(([id, s]) => {
      // Components are addressed by their place in this document, not by $id.
      const { $schema: _s, $id: _i, ...rest } = s as JsonObject;
      return [id, rest];
    }),
  );
}
