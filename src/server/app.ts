/**
 * The web app: a thin HTTP adapter over the store and the pipeline. Handlers only map requests to
 * library calls; errors.ts maps errors to statuses; processing happens in jobs.ts.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import multer from 'multer';
import { AppError, type ErrorCode } from '../errors.js';
import type { AuditResult } from '../model/report.js';
import { sheetsToXlsx, sheetToCsv, type Sheet } from '../pipeline/batch.js';
import { pipelineVersion, resultVersion } from '../pipeline/cache.js';
import type { DocumentRecord, Run, Store } from '../store/index.js';
import { createChatAnswerer, type Answerer } from './chat.js';
import { errorHandler, HttpError } from './errors.js';
import { cellsSheet, modelSheets, tableSheets } from '../export/sheets.js';
import { checkTitles, filterFindings, findingRowsSheet, reviewMap, type FindingFilter, type ReviewFilter } from '../export/findings.js';
import { reportHtml, reportRegions } from '../export/report-html.js';
import { cropRegions } from '../ingest/crop.js';
import { createJobRunner, requeueUnfinished, type JobRunner, type PipelineOptions, type Processor } from './jobs.js';
import { openApiDocument } from './openapi.js';
import { AskRequest, AskResponse, FindingsQuery, ListQuery, ModelQuery, ReportQuery, ReviewBody, TablesQuery, type DocumentView } from './schemas.js';

export interface AppOptions {
  store: Store;
  /**
   * When set, every /api route but health and openapi.json needs `Authorization: Bearer <token>`.
   * Without it, the server answers only requests addressed to itself: a `Host` naming the address
   * and port it listens on (a loopback name when bound to loopback) and an `Origin`, when sent,
   * that is its own; this keeps other web pages (and DNS rebinding) away from the API.
   */
  auth?: { token: string };
  /** No token and any `Host`: the server is open to whoever reaches it (the Origin check stays). */
  insecureNoToken?: boolean;
  limits?: {
    /** Largest upload, in MB (default 50). */
    uploadMB?: number;
    /** Reports processed at the same time (default 1). */
    concurrency?: number;
  };
  pipeline?: PipelineOptions;
  /** Answers questions; default: chat/'s answerer. `null`: questions are refused with 501. */
  answerer?: Answerer | null;
  /** Answer with the configured OpenAI-compatible model (when one is set) rather than offline. */
  llm?: boolean;
  /** Replaces the pipeline (tests). */
  processor?: Processor;
  log?: (line: string) => void;
  /** Log the stack of internal errors too (`LKJIP_DEBUG`); otherwise each failure is one line. */
  debug?: boolean;
}

export type LkjipApp = Express & { jobs: JobRunner; ready: Promise<void> };

const ID = /^[0-9a-f]{64}$/;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Builds the express app. Runs left unfinished by a previous server are queued again.
 *
 * @example
 *   const app = createApp({ store: openStore('.lkjip/lkjip.db'), limits: { uploadMB: 50 } });
 *   const server = app.listen(8080, '127.0.0.1');
 *   // later: server.close(); await app.jobs.close(); await store.close();
 */
export function createApp(opts: AppOptions): LkjipApp {
  const { store } = opts;
  if (opts.auth && !opts.auth.token.trim()) throw new AppError('E_BAD_ARGUMENT', 'The token is empty: give a non-empty token, or none to accept only requests addressed to this machine', { stage: 'server' });
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const uploadMB = opts.limits?.uploadMB ?? 50;
  const pipeline: PipelineOptions = opts.pipeline ?? {};
  const version = resultVersion(pipeline);
  const debug = opts.debug ?? false;
  const jobs = createJobRunner(store, { concurrency: opts.limits?.concurrency ?? 1, pipeline, ...(opts.processor ? { processor: opts.processor } : {}), log, debug });
  const answerer = opts.answerer === undefined ? createChatAnswerer({ llm: opts.llm ?? false }) : opts.answerer;
  const upload = multipart(multer({ storage: multer.memoryStorage(), limits: { fileSize: uploadMB * 1024 * 1024, files: 1, fields: 10, parts: 12 } }).single('file'));

  const app = express() as unknown as LkjipApp;
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });
  if (!opts.auth) app.use(ownRequestsOnly({ anyHost: opts.insecureNoToken ?? false }));

  // --- the web page and the PDF renderer it uses --------------------------------------------
  const page = express.static(fileURLToPath(new URL('./public/', import.meta.url)), { index: 'index.html', fallthrough: true });
  app.use('/', (req, res, next) => {
    res.setHeader(
      'Content-Security-Policy',
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; img-src 'self' data: blob:; style-src 'self'; font-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
    if (req.path.startsWith('/api/')) return next();
    page(req, res, next);
  });
  const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  // A missing or escaping path falls through to the 404 below rather than failing in serve-static.
  for (const dir of ['build', 'cmaps', 'standard_fonts', 'wasm']) app.use(`/vendor/pdfjs/${dir}`, express.static(path.join(pdfjsRoot, dir), { fallthrough: true, index: false, redirect: false }));

  // --- the API ---------------------------------------------------------------------------------
  const api = express.Router();
  api.get('/health', (_req, res) => {
    res.json({ ok: true, pipelineVersion: pipelineVersion(), store: store.driver, chat: answerer !== null });
  });
  const openapi = openApiDocument({ auth: !!opts.auth, maxUploadMB: uploadMB });
  api.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  if (opts.auth) api.use(bearer(opts.auth.token));

  api.get('/documents', async (req, res) => {
    const q = ListQuery.parse(req.query);
    const docs = await store.listDocuments(q);
    res.json({ documents: await Promise.all(docs.map(async (d) => toView(d, await latestRun(store, d.id)))) });
  });

  api.post('/documents', upload, async (req, res) => {
    const file = req.file;
    if (!file) throw new AppError('E_BAD_ARGUMENT', 'Send the PDF as multipart/form-data in a field named "file"', { stage: 'upload' });
    const bytes = new Uint8Array(file.buffer.buffer, file.buffer.byteOffset, file.buffer.byteLength);
    checkPdf(bytes, file.originalname);
    const id = createHash('sha256').update(bytes).digest('hex');
    const doc = await store.putDocument({ id, name: cleanName(file.originalname), size: bytes.byteLength }, bytes);
    let run = await latestRun(store, id);
    // The same bytes already queued, processing or done with this pipeline need no new run.
    if (!run || run.status === 'failed' || run.pipelineVersion !== version) {
      run = await store.createRun({ documentId: id, pipelineVersion: version });
      await store.updateRun(run.id, { progress: { stage: 'queued', done: 0, total: 0 } });
      jobs.enqueue(run.id);
      run = (await store.getRun(run.id))!;
    }
    res.status(202).location(`/api/documents/${id}`).json(toView(doc, run));
  });

  api.get('/documents/:id', async (req, res) => {
    const doc = await findDocument(store, req.params.id);
    res.json(toView(doc, await latestRun(store, doc.id)));
  });

  api.delete('/documents/:id', async (req, res) => {
    const doc = await findDocument(store, req.params.id);
    await store.deleteDocument(doc.id);
    res.status(204).end();
  });

  api.get('/documents/:id/model', async (req, res) => {
    const q = ModelQuery.parse(req.query);
    const { doc, result } = await finished(store, req.params.id);
    const sheets = modelSheets(result.report);
    if (q.format === 'json') res.json(result.report);
    else await sendSheets(res, q.format, q.format === 'csv' ? [sheets[q.entity]] : Object.values(sheets), `${baseName(doc)}-model`);
  });

  api.get('/documents/:id/findings', async (req, res) => {
    const q = FindingsQuery.parse(req.query);
    const { doc, result } = await finished(store, req.params.id);
    const reviews = reviewMap(await store.listReviews(doc.id));
    const findings = filterFindings(result.findings, reviews, filterOf(q));
    if (q.format === 'json') {
      const { instansi, pemda, tahun } = result.report.report;
      const listed = findings.flatMap((f) => reviews.get(f.id) ?? []);
      res.json({ documentId: doc.id, report: { instansi, pemda, tahun }, findings, checks: result.checks, checkTitles: checkTitles(), reviews: listed });
    } else await sendSheets(res, q.format, [findingRowsSheet(findings, reviews, q.lang)], `${baseName(doc)}-${q.lang === 'id' ? 'temuan' : 'findings'}`);
  });

  // --- reviews: a reviewer's verdict and note per finding ---------------------------------------
  api.get('/documents/:id/reviews', async (req, res) => {
    const doc = await findDocument(store, req.params.id);
    res.json({ reviews: await store.listReviews(doc.id) });
  });

  api.put('/documents/:id/reviews/:findingId', express.json({ limit: '32kb' }), async (req, res) => {
    const body = ReviewBody.parse(req.body ?? {});
    const { doc, result } = await finished(store, req.params.id);
    const findingId = req.params.findingId ?? '';
    if (!result.findings.some((f) => f.id === findingId)) throw new AppError('E_NOT_FOUND', `No finding ${findingId.slice(0, 100)} in this document`, { stage: 'api' });
    res.json(await store.setReview(doc.id, findingId, body));
  });

  api.delete('/documents/:id/reviews/:findingId', async (req, res) => {
    const doc = await findDocument(store, req.params.id);
    await store.deleteReview(doc.id, req.params.findingId ?? '');
    res.status(204).end();
  });

  // --- the review as a self-contained HTML document, with pictures of the cited places ----------
  api.get('/documents/:id/report', async (req, res) => {
    const q = ReportQuery.parse(req.query);
    const { doc, result } = await finished(store, req.params.id);
    const bytes = await store.getPdf(doc.id);
    if (!bytes) throw new AppError('E_NOT_FOUND', 'The PDF itself is not stored for this document, so its pages cannot be pictured; upload it again', { stage: 'api' });
    const reviews = reviewMap(await store.listReviews(doc.id));
    const filter = filterOf(q);
    const findings = filterFindings(result.findings, reviews, filter);
    const regions = reportRegions(findings);
    // Without pdftoppm the report still goes out, each place saying it has no picture.
    const pictures = await withTempPdf(bytes, (file) => cropRegions(file, regions)).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'E_OCR_UNAVAILABLE') return regions.map(() => null);
      throw err;
    });
    const { instansi, tahun } = result.report.report;
    const html = reportHtml({
      lang: q.lang,
      title: instansi ? `${instansi}${tahun ? ` — LKjIP ${tahun}` : ''}` : doc.name,
      fileName: doc.name,
      findings,
      total: result.findings.length,
      reviews,
      filter,
      regions,
      pictures,
      generatedAt: new Date(),
    });
    // The document holds no script and loads nothing: only inline styles and data: pictures.
    res.setHeader('Content-Security-Policy', "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'");
    res.type('text/html; charset=utf-8');
    const name = `${baseName(doc)}-${q.lang === 'id' ? 'tinjauan' : 'review'}.html`;
    res.setHeader('Content-Disposition', `${q.download === '1' ? 'attachment' : 'inline'}; filename="${name}"`);
    res.send(html);
  });

  api.get('/documents/:id/tables', async (req, res) => {
    const q = TablesQuery.parse(req.query);
    const { doc, run } = await finished(store, req.params.id);
    const layout = await store.getLayout({ sha256: doc.id, version: run.pipelineVersion });
    if (!layout) throw new AppError('E_NOT_FOUND', 'The tables of this document are no longer stored; upload it again', { stage: 'api' });
    if (q.format === 'json') res.json({ documentId: doc.id, pageCount: layout.pageCount, pages: layout.pages, tables: layout.tables });
    else await sendSheets(res, q.format, q.format === 'csv' ? [cellsSheet(layout)] : [cellsSheet(layout), ...tableSheets(layout, q.lang)], `${baseName(doc)}-tables`);
  });

  api.get('/documents/:id/pdf', async (req, res) => {
    const doc = await findDocument(store, req.params.id);
    const bytes = await store.getPdf(doc.id);
    if (!bytes) throw new AppError('E_NOT_FOUND', 'The PDF itself is not stored for this document (it was audited from the command line)', { stage: 'api' });
    res.type('application/pdf').setHeader('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(doc.name)}`);
    res.setHeader('Cache-Control', 'private, max-age=3600, immutable');
    res.send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });

  api.post('/documents/:id/ask', express.json({ limit: '16kb' }), async (req, res) => {
    const body = AskRequest.parse(req.body ?? {});
    const { doc, run, result } = await finished(store, req.params.id);
    if (!answerer) throw new HttpError(501, 'E_NOT_IMPLEMENTED', 'Questions are not answered on this server');
    const layout = await store.getLayout({ sha256: doc.id, version: run.pipelineVersion });
    const history = await store.listChat(doc.id, { limit: 20 });
    const raw = await answerer({ key: `${doc.id}:${run.pipelineVersion}`, question: body.question, lang: body.lang, result, layout, history });
    // Only ids that exist in this report are passed on: an answerer cannot invent a finding.
    const known = new Set(result.findings.map((f) => f.id));
    const reply = AskResponse.parse({ ...raw, findingIds: raw.findingIds.filter((id) => known.has(id)) });
    await store.addChat(doc.id, { role: 'user', text: body.question, lang: body.lang, citations: [], findingIds: [] });
    await store.addChat(doc.id, { role: 'assistant', text: reply.answer, lang: body.lang, citations: reply.citations, findingIds: reply.findingIds });
    res.json(reply);
  });

  api.get('/documents/:id/chat', async (req, res) => {
    const doc = await findDocument(store, req.params.id);
    res.json({ messages: await store.listChat(doc.id) });
  });

  api.use((req, _res, next) => next(new AppError('E_NOT_FOUND', `No API route ${req.method} ${req.path}`, { stage: 'api' })));
  app.use('/api', api);
  app.use((req, _res, next) => next(new AppError('E_NOT_FOUND', `Nothing at ${req.path}`, { stage: 'api' })));
  app.use(errorHandler(log, debug));

  app.jobs = jobs;
  app.ready = requeueUnfinished(store, jobs).then(
    (runs) => {
      if (runs.length) log(`queued again: ${runs.length} unfinished run(s)`);
    },
    (err: unknown) => log(`could not queue unfinished runs: ${String(err)}`),
  );
  return app;
}

// ---------------------------------------------------------------------------------------------

function bearer(token: string): (req: Request, res: Response, next: NextFunction) => void {
  const want = createHash('sha256').update(token).digest();
  return (req, res, next) => {
    const m = /^Bearer\s+(.+)$/i.exec(req.get('authorization') ?? '');
    const got = createHash('sha256')
      .update(m?.[1] ?? '')
      .digest();
    if (m && timingSafeEqual(got, want)) return next();
    res.setHeader('WWW-Authenticate', 'Bearer realm="lkjip"');
    next(new AppError('E_UNAUTHORIZED', m ? 'The bearer token is not valid' : 'This server needs a bearer token (Authorization: Bearer <token>)', { stage: 'api' }));
  };
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Without a token, only requests addressed to this server: its `Host` must name the address and
 * port the connection arrived on (any loopback name for a loopback connection), and an `Origin`,
 * when the browser sends one, must be that same host. A page from another site (which sends its own
 * Origin) or a name rebound to 127.0.0.1 (which sends its own Host) is refused.
 */
function ownRequestsOnly(opts: { anyHost: boolean }): (req: Request, res: Response, next: NextFunction) => void {
  return (req, _res, next) => {
    const host = (req.headers.host ?? '').toLowerCase();
    const origin = req.headers.origin;
    const refuse = (why: string) => next(new AppError('E_FORBIDDEN', `${why}; this server has no token and answers only requests addressed to it`, { stage: 'api' }));
    if (!opts.anyHost && !isOwnHost(host, req.socket.localAddress ?? '', req.socket.localPort ?? 0)) return refuse(`Host "${host.slice(0, 100)}" is not this server's address`);
    if (origin !== undefined && origin.toLowerCase() !== `http://${host}`) return refuse(`Origin "${origin.slice(0, 100)}" is not this server`);
    next();
  };
}

/** `host[:port]` names the address a connection arrived on, with its port. */
function isOwnHost(host: string, localAddress: string, localPort: number): boolean {
  const m = /^(\[[0-9a-f:.]+\]|[^:]+)(?::(\d+))?$/.exec(host);
  if (!m) return false;
  const port = m[2] ? Number(m[2]) : 80;
  if (port !== localPort) return false;
  const address = localAddress.replace(/^::ffff:/, '');
  const loopback = address === '::1' || address.startsWith('127.');
  const name = m[1]!;
  return (loopback && LOOPBACK_NAMES.has(name)) || name === (address.includes(':') ? `[${address}]` : address);
}

/**
 * Multer's parser (busboy) fails with plain errors on a body that is not valid multipart (no
 * boundary, truncated, garbage): those are the client's mistake, so they become E_BAD_ARGUMENT.
 */
function multipart(handler: (req: Request, res: Response, next: (err?: unknown) => void) => void): (req: Request, res: Response, next: NextFunction) => void {
  return (req, res, next) =>
    handler(req, res, (err?: unknown) => {
      if (!err || err instanceof multer.MulterError || err instanceof AppError) return next(err);
      const why = err instanceof Error ? err.message : String(err);
      next(new AppError('E_BAD_ARGUMENT', `The upload is not a valid multipart/form-data body (${why}); send the PDF in a field named "file"`, { stage: 'upload' }));
    });
}

/** The same test as ingest's: `%PDF-` within the first 1024 bytes. */
function checkPdf(bytes: Uint8Array, name: string): void {
  if (bytes.byteLength === 0) throw new AppError('E_FILE_EMPTY', 'The file is empty (0 bytes)', { stage: 'upload', file: name });
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) throw new AppError('E_NOT_PDF', 'Not a PDF file: only PDF reports can be uploaded', { stage: 'upload', file: name });
}

function cleanName(name: string): string {
  // multer hands the name over as latin1; browsers send UTF-8.
  const utf8 = Buffer.from(name, 'latin1').toString('utf8');
  const base = path.basename((utf8.includes('\uFFFD') ? name : utf8).replace(/\\/g, '/'));
  return base.replace(/[\p{Cc}]/gu, '').slice(0, 200) || 'upload.pdf';
}

async function findDocument(store: Store, id: string | undefined): Promise<DocumentRecord> {
  const doc = id && ID.test(id) ? await store.getDocument(id) : null;
  if (!doc) throw new AppError('E_NOT_FOUND', `No document ${id ?? ''}`, { stage: 'api' });
  return doc;
}

async function latestRun(store: Store, id: string): Promise<Run | null> {
  return (await store.listRuns({ documentId: id }))[0] ?? null;
}

/** The document's latest run, which must be done, and its result. */
async function finished(store: Store, id: string | undefined): Promise<{ doc: DocumentRecord; run: Run; result: AuditResult }> {
  const doc = await findDocument(store, id);
  const run = await latestRun(store, doc.id);
  if (!run) throw new AppError('E_NOT_FOUND', 'This document was never processed; upload it again', { stage: 'api' });
  if (run.status === 'failed') {
    const code = (run.error?.code ?? 'E_INTERNAL') as ErrorCode;
    throw new AppError(code, run.error?.message ?? 'Processing failed', { stage: 'api' });
  }
  if (run.status !== 'done') throw new HttpError(409, 'E_NOT_READY', `The document is still ${run.status}; try again when its status is done`);
  const result = await store.getAudit({ sha256: doc.id, version: run.pipelineVersion });
  if (!result) throw new AppError('E_NOT_FOUND', 'The results of this document are no longer stored; upload it again', { stage: 'api' });
  return { doc, run, result };
}

function toView(doc: DocumentRecord, run: Run | null): DocumentView {
  return {
    ...doc,
    status: run?.status ?? 'failed',
    runId: run?.id ?? null,
    progress: run?.progress ?? null,
    error: run ? run.error : { code: 'E_NOT_FOUND', message: 'Not processed by this server (audited from the command line); upload it to view it' },
    cached: run?.cached ?? false,
    summary: run?.summary ?? null,
  };
}

function filterOf(q: { severity?: string | undefined; check?: string | undefined; status?: string | undefined }): FindingFilter {
  return { severity: list(q.severity), check: list(q.check), status: list(q.status) as ReviewFilter[] | null };
}

/** Runs `fn` on the bytes written to a temporary file, removed afterwards. */
async function withTempPdf<T>(bytes: Uint8Array, fn: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lkjip-report-'));
  try {
    const file = path.join(dir, 'report.pdf');
    await writeFile(file, bytes);
    return await fn(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function list(v: string | undefined): string[] | null {
  const items = v?.split(',').map((s) => s.trim()).filter(Boolean);
  return items?.length ? items : null;
}

function baseName(doc: DocumentRecord): string {
  return (path.basename(doc.name).replace(/\.pdf$/i, '').replace(/[^\p{L}\p{N}._-]+/gu, '_') || 'report').slice(0, 80);
}

async function sendSheets(res: Response, format: 'csv' | 'xlsx', sheets: Sheet[], name: string): Promise<void> {
  if (format === 'csv') {
    res.type('text/csv; charset=utf-8').setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
    // A byte-order mark makes spreadsheet programs read the file as UTF-8.
    res.send('\uFEFF' + sheetToCsv(sheets[0]!));
  } else {
    res.type(XLSX_TYPE).setHeader('Content-Disposition', `attachment; filename="${name}.xlsx"`);
    res.send(await sheetsToXlsx(sheets));
  }
}
