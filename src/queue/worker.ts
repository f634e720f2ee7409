/**
 * `lkjip worker`: takes audit jobs from the BullMQ queue on Redis and returns their outcome. Run
 * it on as many machines as there are to spare; each audits `concurrency` files at a time, each in
 * a thread kept from file to file (which a timeout or a shutdown can stop at once).
 *
 * - A file's own fault (not a PDF, damaged, encrypted) is an outcome, the job completes.
 * - A crash, a timeout, an unreadable path or an unreachable store fails the job; BullMQ retries it
 *   with backoff, and after the last attempt keeps it in its failed set (the dead letter).
 * - A worker killed outright stops renewing its job's lock: after the lock timeout another worker's
 *   stalled-job check puts the job back in the queue.
 * - `close()` (SIGTERM) takes no new job and lets the current ones finish for `graceMs`, then hands
 *   them back to the queue (no attempt counted) and stops.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Job } from 'bullmq';
import { AppError, toAppError, type ErrorCode } from '../errors.js';
import { resultVersion } from '../pipeline/cache.js';
import type { ComputeThreads, ThreadComputeOptions } from '../pipeline/thread.js';
import type { Store } from '../store/index.js';
import { DEFAULT_LOCK_MS, JobData, QUEUE_NAME, reachable, redactRedis, redisConnection, type JobOutcome, type JobProgress } from './jobs.js';

export interface QueueWorkerOptions {
  /** `redis://host:port`. */
  queue: string;
  /** Files audited at the same time by this worker. Default 1. */
  concurrency?: number;
  /** A store (`postgres://…` shared with `lkjip serve`): results found there are not recomputed, new ones are kept. */
  db?: string;
  /** A job whose worker stops renewing its lock for this long is given to another worker. Default 30 s. */
  lockMs?: number;
  /** On `close()`, how long current jobs may run before they are handed back. Default 60 s. */
  graceMs?: number;
  /** One line per job event, for the log. */
  onLog?: (line: string) => void;
}

export interface QueueWorker {
  /** Resolves once the worker is connected and taking jobs. */
  ready: Promise<void>;
  /** Stops taking jobs; current ones finish within the grace period or are handed back. */
  close(opts?: { graceMs?: number }): Promise<void>;
}

/** Errors that say nothing about the file: the job is tried again rather than given as its outcome. */
const INTERRUPTIONS = new Set<ErrorCode>(['E_TIMEOUT', 'E_WORKER_FAILED', 'E_STORE', 'E_FILE_NOT_FOUND', 'E_QUEUE']);

/**
 * Starts a worker on the queue at `opts.queue`.
 *
 * @example
 *   const w = startQueueWorker({ queue: 'redis://10.0.0.5:6379', concurrency: 2, db: 'postgres://lkjip@10.0.0.6/lkjip' });
 *   await w.ready;
 *   process.once('SIGTERM', () => void w.close());
 */
export function startQueueWorker(opts: QueueWorkerOptions): QueueWorker {
  const connection = redisConnection(opts.queue);
  const log = opts.onLog ?? (() => undefined);
  const lockMs = opts.lockMs ?? DEFAULT_LOCK_MS;
  const concurrency = Math.max(1, opts.concurrency ?? 1);
  const handBack = new AbortController();
  let store: Store | undefined;
  let threads: import('../pipeline/thread.js').ComputeThreads | undefined;
  let worker: import('bullmq').Worker<JobData, JobOutcome> | undefined;

  let closing: Promise<void> | undefined;
  const ready = (async () => {
    const { Worker, WaitingError } = await import('bullmq');
    const { ComputeThreads } = await import('../pipeline/thread.js');
    threads = new ComputeThreads();
    if (opts.db) {
      const { openStore } = await import('../store/index.js');
      store = openStore(opts.db);
      await store.listDocuments({ limit: 1 });
    }
    const processor = async (job: Job<JobData, JobOutcome>, token?: string): Promise<JobOutcome> => {
      try {
        return await audit(job, { store, threads: threads!, concurrency, handBack: handBack.signal, log });
      } catch (err) {
        if (handBack.signal.aborted && token) {
          // Back to the queue as it was: another worker takes it, and no attempt is spent.
          await job.moveToWait(token);
          log(`handed back ${job.data.name}`);
          throw new WaitingError();
        }
        const e = toAppError(err, { stage: 'queue', file: job.data.name });
        log(`retry ${job.data.name}: ${e.code}: ${e.message} (attempt ${job.attemptsMade + 1})`);
        throw new Error(`${e.code}: ${e.message}`, { cause: err });
      }
    };
    // Closed while starting: nothing more is opened.
    if (closing) return;
    worker = new Worker<JobData, JobOutcome>(QUEUE_NAME, processor, {
      connection,
      concurrency,
      lockDuration: lockMs,
      stalledInterval: Math.max(500, Math.round(lockMs / 2)),
      // A job whose worker died twice is not retried forever: the third stall fails it.
      maxStalledCount: 2,
      autorun: false,
    });
    // While Redis is away, every retry fails alike: one line per new message.
    let lastError = '';
    worker.on('error', (err) => {
      if (err.message !== lastError) log(`queue error: ${err.message}`);
      lastError = err.message;
    });
    worker.on('ready', () => (lastError = ''));
    void worker.run();
    await reachable(worker.waitUntilReady(), opts.queue);
    log(`worker on ${redactRedis(opts.queue)} (${QUEUE_NAME}), concurrency ${concurrency}${store ? `, store ${store.driver}` : ''}`);
  })();
  // A failed start closes what it opened; the caller sees the error through `ready`.
  ready.catch(() => close({ graceMs: 0 }).catch(() => undefined));

  const close = ({ graceMs = opts.graceMs ?? 60_000 }: { graceMs?: number } = {}): Promise<void> => {
    closing ??= (async () => {
      const timer = setTimeout(() => handBack.abort(new AppError('E_WORKER_FAILED', 'The worker is shutting down', { stage: 'queue' })), graceMs);
      try {
        await worker?.close();
        // A store opened while the close began is closed by this too.
        await ready.catch(() => undefined);
      } finally {
        clearTimeout(timer);
        await threads?.close();
        await store?.close();
      }
    })();
    if (graceMs === 0) handBack.abort(new AppError('E_WORKER_FAILED', 'The worker is shutting down', { stage: 'queue' }));
    return closing;
  };
  return { ready, close };
}

/** Audits one job's file: from its path when that holds the same bytes, else from the job's copy. */
async function audit(job: Job<JobData, JobOutcome>, ctx: { store: Store | undefined; threads: ComputeThreads; concurrency: number; handBack: AbortSignal; log: (line: string) => void }): Promise<JobOutcome> {
  const data = JobData.parse(job.data);
  const started = performance.now();
  const version = resultVersion({ ocr: data.ocr, limits: data.limits });
  if (version !== data.pipeline) {
    throw new AppError('E_WORKER_FAILED', `This worker's lkjip makes results of version ${version}, the batch asks for ${data.pipeline}: run the same version everywhere`, { stage: 'queue' });
  }
  const timeout = AbortSignal.timeout(data.timeoutMs);
  const signal = AbortSignal.any([ctx.handBack, timeout]);
  const { file, cleanup } = await materialise(data);
  let pages = 0;
  let lastReport = 0;
  const onProgress = (p: { stage: string; done: number; total: number }) => {
    if (p.stage !== 'read' || !p.total) return;
    pages = p.total;
    // Progress crosses Redis to the batch's bar: a few updates a second are enough.
    if (Date.now() - lastReport < 250 && p.done < p.total) return;
    lastReport = Date.now();
    void job.updateProgress({ page: p.done, pages: p.total } satisfies JobProgress).catch(() => undefined);
  };
  try {
    const cpus = os.availableParallelism();
    const base = { ocr: data.ocr, limits: data.limits, isolate: true, name: data.path, ocrConcurrency: Math.max(1, Math.floor(cpus / ctx.concurrency)), onProgress };
    const compute = (f: string, o: ThreadComputeOptions) =>
      ctx.threads.compute(f, { ...o, signal }).catch((err: unknown) => {
        throw timeout.aborted && !ctx.handBack.aborted ? new AppError('E_TIMEOUT', `Timed out after ${Math.round(data.timeoutMs / 1000)} s`, { stage: 'queue', file: data.name }) : err;
      });
    let outcome: JobOutcome;
    try {
      if (ctx.store) {
        const { auditCached } = await import('../pipeline/cache.js');
        const out = await auditCached(file, ctx.store, { ...base, compute });
        outcome = { pages: out.pageCount, result: out.result };
      } else {
        const { layout, result } = await compute(file, base);
        outcome = { pages: layout.pageCount, result };
      }
    } catch (err) {
      const e = toAppError(err, { stage: 'queue', file: data.name });
      if (INTERRUPTIONS.has(e.code) || ctx.handBack.aborted) throw e;
      outcome = { pages, error: { code: e.code, message: e.message } };
    }
    // The copy of the bytes has served: drop it so completed jobs keep Redis small.
    if (data.pdf !== undefined) await job.updateData({ ...data, pdf: undefined }).catch(() => undefined);
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    ctx.log(`done ${data.name} ${'error' in outcome ? `error ${outcome.error.code}` : 'ok'} (${outcome.pages} pages, ${secs} s, job ${job.id})`);
    return outcome;
  } finally {
    await cleanup();
  }
}

/** A readable file with the job's bytes: the original path when it holds them, else a temporary copy. */
async function materialise(data: JobData): Promise<{ file: string; cleanup: () => Promise<void> }> {
  const none = async () => undefined;
  const original = await readFile(data.path).catch(() => null);
  if (original && sha256(original) === data.sha256) return { file: data.path, cleanup: none };
  if (data.pdf === undefined) {
    const why = original ? 'holds other bytes than when it was queued' : 'cannot be read on this machine';
    throw new AppError('E_FILE_NOT_FOUND', `${data.path} ${why}; files larger than the inline bound must be on a filesystem every worker mounts at the same path`, { stage: 'queue', file: data.name });
  }
  const bytes = Buffer.from(data.pdf, 'base64');
  if (sha256(bytes) !== data.sha256) throw new AppError('E_QUEUE', `The bytes queued for ${data.name} do not match their hash`, { stage: 'queue', file: data.name });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lkjip-job-'));
  const file = path.join(dir, path.basename(data.path));
  await writeFile(file, bytes);
  return { file, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
