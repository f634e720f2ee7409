/**
 * The page reader's thread (see isolate.ts): reads the pages it is given with readPdf and posts
 * each one as it is done, so the thread that started it can stop it on any page.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../errors.js';
import { readPdf, type PdfReadOptions } from './pdf.js';
import type { FromReader } from './isolate.js';

const { file, options } = workerData as { file: string; options: Pick<PdfReadOptions, 'pages' | 'maxBytes' | 'limits'> };
const post = (m: FromReader) => parentPort!.postMessage(m);

try {
  const raw = await readPdf(file, {
    ...options,
    // Each page goes to the other thread as it is read; none is kept here.
    keepPages: false,
    onOpen: (info) => post({ type: 'open', ...info }),
    onPageStart: (page) => post({ type: 'start', page }),
    onPageRead: (page, warning) => post({ type: 'page', page, warning }),
  });
  post({ type: 'done', warnings: raw.warnings.filter((w) => w.page === undefined) });
} catch (err) {
  const e = err instanceof AppError ? err : new AppError('E_PDF_CORRUPT', err instanceof Error ? err.message : String(err), { stage: 'ingest', file });
  const cause = e.cause instanceof Error ? e.cause : e;
  post({ type: 'error', error: { code: e.code, message: e.message, context: e.context, ...(cause.stack ? { stack: cause.stack } : {}) } });
}
