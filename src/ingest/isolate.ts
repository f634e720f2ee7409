/**
 * Reading a PDF's pages in a worker thread. pdf.js parses a page in one synchronous run (a page of
 * a million operators holds the thread for seconds), so neither a timer nor the rest of the
 * process can interrupt it in the same thread. Here it runs in its own thread with a heap ceiling:
 * a page that takes longer than the per-page time limit, or runs the thread out of memory, is
 * stopped with the thread and reported unread with the reason, and a new thread goes on with the
 * next page. The calling thread's event loop stays free meanwhile (the server keeps answering).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode, type ErrorContext } from '../errors.js';
import type { Warning } from '../model/document.js';
import { unreadPage, type PdfReadOptions, type RawPage, type RawPdf } from './file.js';
import { DEFAULT_LIMITS, type IngestLimits } from './scan.js';

/** Messages from the reader thread. */
export type FromReader =
  | { type: 'open'; sha256: string; pageCount: number; pages: number[] }
  | { type: 'start'; page: number }
  | { type: 'page'; page: RawPage; warning: Warning | null }
  | { type: 'done'; warnings: Warning[] }
  | { type: 'error'; error: ThreadError };

/** An AppError as it crosses from the reader thread, with its cause's stack (for LKJIP_DEBUG). */
interface ThreadError {
  code: ErrorCode;
  message: string;
  context: ErrorContext;
  stack?: string;
}

/**
 * readPdf in a worker thread, with the per-page time limit and the heap ceiling enforced.
 *
 * @example
 *   const raw = await readPdfIsolated('report.pdf', { limits: { pageTimeoutMs: 10_000 } });
 */
export async function readPdfIsolated(file: string, opts: PdfReadOptions = {}): Promise<RawPdf> {
  const limits: IngestLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const pages: RawPage[] = [];
  const warnings: Warning[] = [];
  let open: { sha256: string; pageCount: number; pages: number[] } | null = null;
  let todo = opts.pages;
  for (;;) {
    const run = await readInThread(file, { ...(todo ? { pages: todo } : {}), ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}), limits }, limits, (m) => {
      if (m.type === 'open' && !open) open = m;
      else if (m.type === 'page') {
        pages.push(m.page);
        if (m.warning) warnings.push(m.warning);
        opts.onPage?.(m.page.page, open?.pages.length ?? 0);
      }
    });
    if (run.type === 'done') {
      warnings.push(...run.warnings);
      break;
    }
    if (run.type === 'error') throw threadError(run.error, file);
    const opened = open as { sha256: string; pageCount: number; pages: number[] } | null;
    if (!opened || run.page === null) throw new AppError('E_PDF_UNREADABLE', `The PDF could not be opened: ${run.why}`, { stage: 'ingest', file });
    const [page, warning] = unreadPage(run.page, { width: 0, height: 0 }, run.code, run.why);
    pages.push(page);
    warnings.push(warning);
    opts.onPage?.(run.page, opened.pages.length);
    todo = opened.pages.filter((p) => p > run.page!);
    if (!todo.length) break;
  }
  const info = open as { sha256: string; pageCount: number } | null;
  if (!info) throw new AppError('E_PDF_UNREADABLE', 'The PDF could not be opened', { stage: 'ingest', file });
  pages.sort((a, b) => a.page - b.page);
  warnings.sort((a, b) => (a.page ?? 0) - (b.page ?? 0));
  return { file, sha256: info.sha256, pageCount: info.pageCount, pages, warnings };
}

type Run =
  | { type: 'done'; warnings: Warning[] }
  | { type: 'error'; error: ThreadError }
  | { type: 'stopped'; page: number | null; code: string; why: string };

function readInThread(file: string, options: Pick<PdfReadOptions, 'pages' | 'maxBytes' | 'limits'>, limits: IngestLimits, onMessage: (m: FromReader) => void): Promise<Run> {
  return new Promise<Run>((resolve) => {
    const worker = startThread(new URL('./pdf-worker.ts', import.meta.url), { file, options }, limits.maxReaderMemoryMb);
    let current: number | null = null;
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const finish = (r: Run) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    };
    worker.on('message', (m: FromReader) => {
      if (m.type === 'start') {
        current = m.page;
        clearTimeout(timer);
        timer = setTimeout(() => finish({ type: 'stopped', page: m.page, code: 'W_LIMIT_TIME', why: `reading it took longer than ${limits.pageTimeoutMs / 1000} s (the per-page time limit)` }), limits.pageTimeoutMs);
      } else if (m.type === 'page') {
        clearTimeout(timer);
        current = null;
      }
      if (m.type === 'done' || m.type === 'error') finish(m);
      else onMessage(m);
    });
    worker.on('error', (err: Error & { code?: string }) => {
      const memory = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish({ type: 'stopped', page: current, code: memory ? 'W_LIMIT_MEMORY' : 'E_PAGE_FAILED', why: memory ? `reading it needed more than ${limits.maxReaderMemoryMb} MiB (the reader's memory limit)` : `the page reader failed (${err.message})` });
    });
    worker.on('exit', (code) => finish({ type: 'stopped', page: current, code: 'E_PAGE_FAILED', why: `the page reader stopped (exit code ${code})` }));
  });
}

function threadError(e: ThreadError, file: string): AppError {
  const cause = new Error(e.message);
  if (e.stack) cause.stack = e.stack;
  return new AppError(e.code, e.message, { ...e.context, file }, { cause });
}

/**
 * Starts a module (named by its .ts source) in a worker thread with a heap ceiling. From sources the
 * thread registers tsx first; from a build it runs the .js beside it.
 *
 * @example
 *   const worker = startThread(new URL('./pdf-worker.ts', import.meta.url), { file }, 2048);
 */
export function startThread(source: URL, data: unknown, memoryMb: number): Worker {
  const options = { workerData: data, resourceLimits: { maxOldGenerationSizeMb: memoryMb } };
  if (fileURLToPath(import.meta.url).endsWith('.ts')) {
    const tsx = pathToFileURL(path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
    return new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(source.href)}); })`, { eval: true, ...options });
  }
  const built = new URL(source.href.replace(/\.ts$/, '.js'));
  // A thread takes the process's Node options. Given --input-type (the library called from
  // `node --input-type=module -e …`), a thread started from a file refuses to start, so it starts
  // from a line that imports the file.
  if (process.execArgv.some((a) => a.startsWith('--input-type'))) return new Worker(`import(${JSON.stringify(built.href)})`, { eval: true, ...options });
  return new Worker(built, options);
}
