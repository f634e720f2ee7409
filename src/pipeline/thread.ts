/**
 * `computeAudit` in a worker thread with a heap ceiling: a large document is laid out, extracted
 * and checked away from the event loop that answers requests or renews queue locks, and can be
 * stopped at once (a timeout, a shutdown) by ending its thread.
 */
import type { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode, type ErrorContext } from '../errors.js';
import { startThread } from '../ingest/isolate.js';
import { DEFAULT_LIMITS } from '../ingest/scan.js';
import type { Progress } from '../store/index.js';
import type { CachedAuditOptions, Computed } from './cache.js';

/** What crosses to the thread: the options that are data (no callbacks). */
export type ThreadOptions = Pick<CachedAuditOptions, 'ocr' | 'ocrConcurrency' | 'ocrLang' | 'limits' | 'isolate' | 'name' | 'pages' | 'hints' | 'maxBytes'>;

export type ToCompute = { file: string; opts: ThreadOptions };
export type FromCompute =
  | { type: 'progress'; progress: Progress }
  | { type: 'done'; computed: Computed }
  | { type: 'error'; error: { code: ErrorCode; message: string; context: ErrorContext } }
  /** A tool process (pdftoppm, tesseract) the thread started or saw end. */
  | { type: 'tool'; pid: number; running: boolean };

/** Options of a computation in a thread: `signal` stops it at once. */
export type ThreadComputeOptions = CachedAuditOptions & { signal?: AbortSignal };

/**
 * Computes a file's layout and audit in a thread of its own, ended afterwards so the memory the
 * report took goes with it; progress comes back as it happens. Aborting `signal` stops the thread
 * and rejects with the signal's reason (an AppError, such as `E_TIMEOUT`), or `E_WORKER_FAILED`.
 *
 * @example
 *   await auditCached(file, store, { compute: computeInThread });
 *   await computeInThread(file, { ocr: 'off', signal: AbortSignal.timeout(60_000) });
 */
export async function computeInThread(file: string, opts: ThreadComputeOptions): Promise<Computed> {
  const worker = startCompute(memoryOf(opts));
  try {
    return await runOn(worker, file, opts);
  } finally {
    void worker.terminate();
  }
}

/**
 * Threads kept between files, for a process that audits file after file (a queue worker): each
 * computation takes an idle thread or starts one; a thread that is stopped or dies is not reused.
 *
 * @example
 *   const threads = new ComputeThreads();
 *   await auditCached(file, store, { compute: (f, o) => threads.compute(f, o) });
 *   await threads.close();
 */
export class ComputeThreads {
  /** Idle threads by heap ceiling (a thread's ceiling is set when it starts). */
  private readonly idle = new Map<number, Worker[]>();

  async compute(file: string, opts: ThreadComputeOptions): Promise<Computed> {
    const memoryMb = memoryOf(opts);
    const worker = this.idle.get(memoryMb)?.pop() ?? startCompute(memoryMb);
    let reusable = false;
    try {
      const computed = await runOn(worker, file, opts, () => (reusable = true));
      return computed;
    } catch (err) {
      // A file's own error leaves the thread sound; a stop or a crash does not.
      if (!reusable) void worker.terminate();
      throw err;
    } finally {
      if (reusable) this.idle.set(memoryMb, [...(this.idle.get(memoryMb) ?? []), worker]);
    }
  }

  async close(): Promise<void> {
    const all = [...this.idle.values()].flat();
    this.idle.clear();
    await Promise.all(all.map((w) => w.terminate()));
  }
}

function memoryOf(opts: CachedAuditOptions): number {
  return opts.limits?.maxReaderMemoryMb ?? DEFAULT_LIMITS.maxReaderMemoryMb;
}

function startCompute(memoryMb: number): Worker {
  return startThread(new URL('./compute-worker.ts', import.meta.url), null, memoryMb);
}

/** Sends one file to a compute thread and follows it to its end; `answered` is called when the thread answered (done or a file's error). */
function runOn(worker: Worker, file: string, opts: ThreadComputeOptions, answered: () => void = () => undefined): Promise<Computed> {
  const memoryMb = memoryOf(opts);
  const { ocr, ocrConcurrency, ocrLang, limits, isolate, name, pages, hints, maxBytes } = opts;
  const data = JSON.parse(JSON.stringify({ ocr, ocrConcurrency, ocrLang, limits, isolate, name, pages, hints, maxBytes })) as ThreadOptions;
  const signal = opts.signal;
  const aborted = () => (signal?.reason instanceof AppError ? signal.reason : new AppError('E_WORKER_FAILED', 'Processing was stopped', { stage: 'server', file }));
  // The thread's running tools: a thread ended while it waits on one cannot stop it, so this side does.
  const tools = new Set<number>();
  return new Promise<Computed>((resolve, reject) => {
    if (signal?.aborted) return reject(aborted());
    const onMessage = (m: FromCompute) => {
      if (m.type === 'tool') {
        if (m.running) tools.add(m.pid);
        else tools.delete(m.pid);
      } else if (m.type === 'progress') opts.onProgress?.(m.progress);
      else if (m.type === 'done') settle(() => (answered(), resolve(m.computed)));
      else settle(() => (answered(), reject(new AppError(m.error.code, m.error.message, m.error.context))));
    };
    const onError = (err: Error & { code?: string }) => {
      const memory = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
      const message = memory ? `Processing the PDF needed more than ${memoryMb} MiB (the memory limit)` : `Processing stopped: ${err.message}`;
      settle(() => reject(new AppError(memory ? 'E_PDF_UNREADABLE' : 'E_WORKER_FAILED', message, { stage: 'server', file }, { cause: err })));
    };
    const onExit = (code: number) => settle(() => reject(new AppError('E_WORKER_FAILED', `Processing stopped (exit code ${code})`, { stage: 'server', file })));
    const onAbort = () => settle(() => reject(aborted()));
    let settled = false;
    function settle(fn: () => void): void {
      if (settled) return;
      settled = true;
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      signal?.removeEventListener('abort', onAbort);
      for (const pid of tools) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // ended already
        }
      }
      fn();
    }
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.postMessage({ file, opts: data } satisfies ToCompute);
  });
}
