/**
 * `computeAudit` in a worker thread with a heap ceiling, for the server: a large document is laid
 * out, extracted and checked away from the event loop that answers requests, and whatever memory
 * it took goes with the thread when it ends.
 */
import { AppError, type ErrorCode, type ErrorContext } from '../errors.js';
import { startThread } from '../ingest/isolate.js';
import { DEFAULT_LIMITS } from '../ingest/scan.js';
import type { Progress } from '../store/index.js';
import type { CachedAuditOptions, Computed } from './cache.js';

/** What crosses to the thread: the options that are data (no callbacks). */
export type ThreadOptions = Pick<CachedAuditOptions, 'ocr' | 'ocrConcurrency' | 'ocrLang' | 'limits' | 'isolate' | 'name' | 'pages' | 'hints' | 'maxBytes'>;

export type FromCompute = { type: 'progress'; progress: Progress } | { type: 'done'; computed: Computed } | { type: 'error'; error: { code: ErrorCode; message: string; context: ErrorContext } };

/**
 * Computes a file's layout and audit in a worker thread; progress comes back as it happens.
 * Aborting `signal` stops the thread at once and rejects with the signal's reason (an AppError,
 * such as `E_TIMEOUT`), or `E_WORKER_FAILED`.
 *
 * @example
 *   await auditCached(file, store, { compute: computeInThread });
 *   await computeInThread(file, { ocr: 'off', signal: AbortSignal.timeout(60_000) });
 */
export function computeInThread(file: string, opts: CachedAuditOptions & { signal?: AbortSignal }): Promise<Computed> {
  const memoryMb = opts.limits?.maxReaderMemoryMb ?? DEFAULT_LIMITS.maxReaderMemoryMb;
  const { ocr, ocrConcurrency, ocrLang, limits, isolate, name, pages, hints, maxBytes } = opts;
  const data: ThreadOptions = JSON.parse(JSON.stringify({ ocr, ocrConcurrency, ocrLang, limits, isolate, name, pages, hints, maxBytes })) as ThreadOptions;
  return new Promise<Computed>((resolve, reject) => {
    const signal = opts.signal;
    const aborted = () => (signal?.reason instanceof AppError ? signal.reason : new AppError('E_WORKER_FAILED', 'Processing was stopped', { stage: 'server', file }));
    if (signal?.aborted) return reject(aborted());
    const worker = startThread(new URL('./compute-worker.ts', import.meta.url), { file, opts: data }, memoryMb);
    let settled = false;
    const onAbort = () => settle(() => reject(aborted()));
    signal?.addEventListener('abort', onAbort, { once: true });
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      fn();
      void worker.terminate();
    };
    worker.on('message', (m: FromCompute) => {
      if (m.type === 'progress') opts.onProgress?.(m.progress);
      else if (m.type === 'done') settle(() => resolve(m.computed));
      else settle(() => reject(new AppError(m.error.code, m.error.message, m.error.context)));
    });
    worker.on('error', (err: Error & { code?: string }) => {
      const memory = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
      const message = memory ? `Processing the PDF needed more than ${memoryMb} MiB (the memory limit)` : `Processing stopped: ${err.message}`;
      settle(() => reject(new AppError(memory ? 'E_PDF_UNREADABLE' : 'E_WORKER_FAILED', message, { stage: 'server', file }, { cause: err })));
    });
    worker.on('exit', (code) => settle(() => reject(new AppError('E_WORKER_FAILED', `Processing stopped (exit code ${code})`, { stage: 'server', file }))));
  });
}
