import type { Page, PdfDocument, Warning } from '../model/document.js';
import { ocrPages } from './ocr.js';
import { readPdf, type PdfReadOptions } from './pdf.js';

export { loadPdfBytes, parsePageRange, readPdf, DEFAULT_MAX_BYTES } from './pdf.js';
export { ocrAvailable, ocrPages } from './ocr.js';

export interface IngestOptions extends PdfReadOptions {
  /** `auto` (default) OCRs pages without a text layer; `off` leaves them unread. */
  ocr?: 'auto' | 'off';
  ocrConcurrency?: number;
  ocrDpi?: number;
  /** Tesseract language(s), e.g. `ind+eng` (reads `%` that `ind` alone takes for `Y6`); default `ind`. */
  ocrLang?: string;
  /** Progress for OCR'd pages. */
  onOcrPage?: (page: number) => void;
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
  const raw = await readPdf(file, opts);
  const warnings: Warning[] = [...raw.warnings];
  const scanned = raw.pages.filter((p) => p.needsOcr).map((p) => p.page);
  const ocrResults = new Map<number, Page>();
  if (scanned.length && opts.ocr !== 'off') {
    const results = await ocrPages(file, scanned, {
      ...(opts.ocrConcurrency ? { concurrency: opts.ocrConcurrency } : {}),
      ...(opts.ocrDpi ? { dpi: opts.ocrDpi } : {}),
      ...(opts.ocrLang ? { lang: opts.ocrLang } : {}),
      ...(opts.onOcrPage ? { onPage: opts.onOcrPage } : {}),
    });
    for (const r of results) {
      if (r.result) ocrResults.set(r.page, r.result);
      else if (r.error) warnings.push({ code: r.error.code, message: r.error.message, page: r.page, stage: 'ocr' });
    }
  } else if (scanned.length) {
    const which = scanned.length === 1 ? `Page ${scanned[0]} has` : `Pages ${scanned.join(', ')} have`;
    warnings.push({ code: 'W_OCR_OFF', message: `${which} no text layer and OCR is off`, stage: 'ingest' });
  }
  const pages: Page[] = raw.pages.map((p) => {
    const o = ocrResults.get(p.page);
    if (o) return { ...o, page: p.page, rules: o.rules.length ? o.rules : p.rules };
    const { needsOcr: _needsOcr, ...page } = p;
    return page;
  });
  return { file: raw.file, sha256: raw.sha256, pageCount: raw.pageCount, pages, warnings };
}
