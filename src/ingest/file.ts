/**
 * What reading a PDF needs before pdf.js: its bytes (refused early when they cannot be a PDF), the
 * page selection, and the shapes of what is read. Nothing here loads pdf.js, so a process that
 * reads pages in a worker thread does not load it too.
 */
import { readFile, stat } from 'node:fs/promises';
import { AppError } from '../errors.js';
import type { Page, Warning } from '../model/document.js';
import { openablePath } from './path.js';
import type { IngestLimits } from './scan.js';

/** Files larger than this are refused before parsing (override with `maxBytes`). */
export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

export interface PdfReadOptions {
  /** 1-based page numbers to read; default all. */
  pages?: number[];
  maxBytes?: number;
  /** What reading may cost (inflated bytes, image pixels, operators, time per page); see DEFAULT_LIMITS. */
  limits?: Partial<IngestLimits>;
  /** Called after each page is read (for progress). */
  onPage?: (page: number, total: number) => void;
  /** Called when a page starts being read, and with each page read (and its warning, if it failed). */
  onPageStart?: (page: number) => void;
  onPageRead?: (page: RawPage, warning: Warning | null) => void;
  /**
   * Keep the pages read in the result (default true). The page reader's thread posts each page as
   * it is read and keeps none, so a long document is not held twice, once on each side.
   */
  keepPages?: boolean;
  /** Called once the document is open, with the pages that will be read. */
  onOpen?: (info: { sha256: string; pageCount: number; pages: number[] }) => void;
}

/** A page as read from the text layer, with whether it should be OCR'd instead. */
export interface RawPage extends Page {
  needsOcr: boolean;
}

export interface RawPdf {
  file: string;
  sha256: string;
  pageCount: number;
  pages: RawPage[];
  warnings: Warning[];
}

/**
 * Reads the bytes of a file meant to be a PDF, refusing what cannot be one with a clear error.
 *
 * @example
 *   const bytes = await loadPdfBytes('samples/report.pdf');
 */
export async function loadPdfBytes(file: string, maxBytes = DEFAULT_MAX_BYTES): Promise<Uint8Array> {
  const ctx = { stage: 'ingest', file };
  const where = await openablePath(file);
  let size: number;
  try {
    const st = await stat(where);
    if (!st.isFile()) throw new AppError('E_FILE_NOT_FOUND', 'Not a regular file', ctx);
    size = st.size;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('E_FILE_NOT_FOUND', 'File not found or not readable', ctx, { cause: err });
  }
  if (size === 0) throw new AppError('E_FILE_EMPTY', 'The file is empty (0 bytes)', ctx);
  if (size > maxBytes) {
    throw new AppError('E_FILE_TOO_LARGE', `The file is ${(size / 1048576).toFixed(1)} MiB, above the ${(maxBytes / 1048576).toFixed(0)} MiB limit`, ctx);
  }
  const bytes = new Uint8Array(await readFile(where));
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) {
    const kind = sniff(bytes);
    throw new AppError('E_NOT_PDF', `Not a PDF file (${kind ?? `starts with ${JSON.stringify(head.slice(0, 8))}`})`, ctx);
  }
  return bytes;
}

/** Names what a file that is not a PDF looks like, for the error message. */
function sniff(bytes: Uint8Array): string | undefined {
  const hex = Buffer.from(bytes.subarray(0, 8)).toString('hex');
  if (hex.startsWith('89504e47')) return 'it is a PNG image';
  if (hex.startsWith('ffd8ff')) return 'it is a JPEG image';
  if (hex.startsWith('49492a00') || hex.startsWith('4d4d002a')) return 'it is a TIFF image';
  if (hex.startsWith('504b0304')) return 'it is a ZIP archive, e.g. a .docx or .xlsx document';
  if (hex.startsWith('d0cf11e0')) return 'it is an old Office document (.doc, .xls)';
  const text = Buffer.from(bytes.subarray(0, 512)).toString('utf8');
  if (/^\s*<(!doctype html|html)/i.test(text)) return 'it is an HTML page';
  // Printable text: no control characters other than tabs and line breaks.
  const control = [...text].some((ch) => ch.charCodeAt(0) < 32 && !'\t\n\r\f'.includes(ch));
  if (!control) return `it is a text file starting with ${JSON.stringify(text.slice(0, 24).trim())}`;
  return undefined;
}

/**
 * A page left unread, and the warning that says why.
 *
 * @example
 *   unreadPage(3, { width: 595, height: 842 }, 'W_LIMIT_TIME', 'reading it took longer than 30 s');
 */
export function unreadPage(n: number, size: { width: number; height: number }, code: string, why: string): [RawPage, Warning] {
  return [
    { page: n, width: size.width, height: size.height, source: 'unread', words: [], rules: [], warning: `page failed: ${why}`, needsOcr: false },
    { code, message: `Page ${n} could not be read: ${why}`, page: n, stage: 'ingest' },
  ];
}

/** Validates a 1-based page selection against the document. */
export function selectPages(pages: number[] | undefined, numPages: number, file: string): number[] {
  if (!pages || pages.length === 0) return Array.from({ length: numPages }, (_, i) => i + 1);
  const bad = pages.filter((p) => !Number.isInteger(p) || p < 1 || p > numPages);
  if (bad.length) {
    const which = bad.length === 1 ? `Page ${bad[0]} is` : `Pages ${bad.join(', ')} are`;
    throw new AppError('E_BAD_PAGES', `${which} outside 1–${numPages}: the PDF has ${numPages} page${numPages === 1 ? '' : 's'}`, { stage: 'ingest', file });
  }
  return [...new Set(pages)].sort((a, b) => a - b);
}

/**
 * Parses a page range such as `3-9,12` into page numbers.
 *
 * @example
 *   parsePageRange('3-5,9'); // [3, 4, 5, 9]
 */
export function parsePageRange(spec: string): number[] {
  const out: number[] = [];
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
    if (!m) throw new AppError('E_BAD_PAGES', `Cannot read page range "${part}" (use e.g. 3-9,12)`, { stage: 'cli' });
    const a = Number(m[1]);
    const b = m[2] ? Number(m[2]) : a;
    if (a < 1 || b < a) throw new AppError('E_BAD_PAGES', `Bad page range "${part}"`, { stage: 'cli' });
    for (let p = a; p <= b; p++) out.push(p);
  }
  return out;
}
