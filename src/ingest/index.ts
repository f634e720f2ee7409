import { mkdtemp, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../errors.js';
import type { Page, PdfDocument, Warning } from '../model/document.js';
import { ocrPages } from './ocr.js';
import { readPdfIsolated } from './isolate.js';
import { openablePath } from './path.js';
import type { PdfReadOptions, RawPdf } from './file.js';
import { DEFAULT_LIMITS, isPageFailure, OCR_TIME_FACTOR } from './scan.js';

export { loadPdfBytes, parsePageRange, DEFAULT_MAX_BYTES } from './file.js';
export { ocrAvailable, ocrPages } from './ocr.js';
export { DEFAULT_LIMITS, isPageFailure, OCR_TIME_FACTOR, type IngestLimits } from './scan.js';

export interface IngestOptions extends PdfReadOptions {
  /** `auto` (default) OCRs pages without a text layer; `off` leaves them unread. */
  ocr?: 'auto' | 'off';
  ocrConcurrency?: number;
  ocrDpi?: number;
  /** Tesseract language(s), e.g. `ind+eng` (reads `%` that `ind` alone takes for `Y6`); default `ind`. */
  ocrLang?: string;
  /**
   * Progress of OCR: called with `page` null and `done` 0 when OCR of `total` image-only pages
   * starts, then once per page read.
   */
  onOcrPage?: (page: number | null, done: number, total: number) => void;
  /**
   * Read the pages in a worker thread, where the per-page time limit and the reader's memory
   * ceiling hold and the caller's event loop stays free (the CLI, batch and server do).
   */
  isolate?: boolean;
}

/**
 * Reads a PDF into pages of positioned words and ruling lines: the text layer where there is one,
 * OCR for image-only pages. Pages that cannot be read are kept as `unread` with a warning.
 *
 * @example
 *   const doc = await ingest('samples/000_7d82b3f27f46e2ac.pdf');
 *   doc.pages.filter((p) => p.source === 'ocr').length; // 1
 */
export async function ingest(file: string, opts: IngestOptions = {}): Promise<PdfDocument> {
  // A name that is not valid UTF-8 is read through a link with a plain name: the page reader and
  // the OCR tools take paths as strings.
  const where = await openablePath(file);
  if (typeof where === 'string') return ingestPath(file, opts);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lkjip-name-'));
  try {
    await symlink(where, path.join(dir, 'input.pdf'));
    return { ...(await ingestPath(path.join(dir, 'input.pdf'), opts)), file };
  } catch (err) {
    if (err instanceof AppError) throw new AppError(err.code, err.message, { ...err.context, file }, { cause: err.cause });
    throw err;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function ingestPath(file: string, opts: IngestOptions): Promise<PdfDocument> {
  const raw = opts.isolate ? await readPdfIsolated(file, opts) : await readPdf(file, opts);
  const warnings: Warning[] = [...raw.warnings];
  const scanned = raw.pages.filter((p) => p.needsOcr).map((p) => p.page);
  const ocrResults = new Map<number, Page>();
  /** Why a page's OCR was stopped, by page. */
  const stopped = new Map<number, string>();
  if (scanned.length && opts.ocr !== 'off') {
    let done = 0;
    const onOcrPage = opts.onOcrPage;
    // OCR has its own multiple of the per-page time limit, in every mode (its tools are processes).
    const ocrTimeoutMs = OCR_TIME_FACTOR * (opts.limits?.pageTimeoutMs ?? DEFAULT_LIMITS.pageTimeoutMs);
    onOcrPage?.(null, 0, scanned.length);
    const results = await ocrPages(file, scanned, {
      ...(opts.ocrConcurrency ? { concurrency: opts.ocrConcurrency } : {}),
      ...(opts.ocrDpi ? { dpi: opts.ocrDpi } : {}),
      ...(opts.ocrLang ? { lang: opts.ocrLang } : {}),
      ...(onOcrPage ? { onPage: (page: number) => onOcrPage(page, ++done, scanned.length) } : {}),
      sizes: new Map(raw.pages.map((p) => [p.page, { width: p.width, height: p.height }])),
      pageTimeoutMs: ocrTimeoutMs,
    });
    for (const r of results) {
      if (r.result) ocrResults.set(r.page, r.result);
      else if (r.limit) {
        const why = `its OCR was stopped after ${ocrTimeoutMs / 1000} s, ${OCR_TIME_FACTOR} × the per-page time limit`;
        warnings.push({ code: r.limit, message: `Page ${r.page} could not be read: ${why}`, page: r.page, stage: 'ocr' });
        stopped.set(r.page, why);
      } else if (r.error) warnings.push({ code: r.error.code, message: r.error.message, page: r.page, stage: 'ocr' });
    }
  } else if (scanned.length) {
    const which = scanned.length === 1 ? `Page ${scanned[0]} has` : `Pages ${scanned.join(', ')} have`;
    warnings.push({ code: 'W_OCR_OFF', message: `${which} no text layer and OCR is off`, stage: 'ingest' });
  }
  const pages: Page[] = raw.pages.map((p) => {
    const o = ocrResults.get(p.page);
    if (o) return { ...o, page: p.page, rules: o.rules.length ? o.rules : p.rules };
    const { needsOcr: _needsOcr, ...page } = p;
    const why = stopped.get(p.page);
    return why ? { ...page, warning: `page failed: ${why}` } : page;
  });
  // A document none of whose pages could be read is an error, not an empty audit.
  const failed = new Map(warnings.filter((w) => w.page !== undefined && isPageFailure(w.code)).map((w) => [w.page!, w]));
  if (pages.length > 0 && pages.every((p) => p.source === 'unread' && failed.has(p.page))) {
    const reasons = [...new Set([...failed.values()].map((w) => w.message.replace(/^Page \d+ could not be read: /, '')))].slice(0, 3).join('; ');
    throw new AppError('E_PDF_UNREADABLE', `No page of the PDF could be read (${reasons})`, { stage: 'ingest', file });
  }
  return { file: raw.file, sha256: raw.sha256, pageCount: raw.pageCount, pages, warnings };
}

/**
 * readPdf (pdf.ts), loaded on first use: a process that reads pages in a worker thread never loads
 * pdf.js itself.
 *
 * @example
 *   const raw = await readPdf('report.pdf', { pages: [1] });
 */
export async function readPdf(file: string, opts: PdfReadOptions = {}): Promise<RawPdf> {
  return (await import('./pdf.js')).readPdf(file, opts);
}
