/**
 * `lkjip batch --queue redis://…`: the local batch's inputs, result files and summary, with the
 * files audited by `lkjip worker`s on any number of machines through a BullMQ queue.
 *
 * Each file is one job named by its content hash and result version, so enqueuing it again (a
 * second batch, or this one run again after it was killed) adds nothing: the batch waits for the
 * job already there, or reads the outcome of the one that finished. A job that failed every attempt
 * (the dead letter) is written as an interrupted error result; running the batch again retries it.
 */
import { readFile } from 'node:fs/promises';
import type { Job, Queue, QueueEvents } from 'bullmq';
import { AppError } from '../errors.js';
import { finishBatch, planBatch, writeResult, type BatchItem, type BatchOptions, type BatchSummary, type ResultError } from '../pipeline/batch.js';
import { DEFAULT_ATTEMPTS, DEFAULT_BACKOFF_MS, DEFAULT_INLINE_MAX_MB, JobOutcome, JobProgress, QUEUE_NAME, jobId, reachable, redisConnection, type JobData } from './jobs.js';

export interface QueuedBatchOptions extends Omit<BatchOptions, 'concurrency' | 'db'> {
  /** `redis://host:port` of the queue the workers take jobs from. */
  queue: string;
  /** Attempts per file before it goes to the dead letter. Default 3. */
  attempts?: number;
  /** The first retry's delay; each next one doubles it. Default 10 s. */
  backoffMs?: number;
  /** Files up to this size travel in their job; larger ones must be on a filesystem the workers share. Default 16. */
  inlineMaxMb?: number;
  /** How often the batch checks the jobs it waits for besides listening to events. Default 5 s. */
  pollMs?: number;
}

/**
 * Enqueues every file of the batch and writes each result as its job finishes, then the summary.
 *
 * @example
 *   const s = await runQueuedBatch({ inputs: ['reports/'], out: 'out/', queue: 'redis://10.0.0.5:6379' });
 */
export async function runQueuedBatch(opts: QueuedBatchOptions): Promise<BatchSummary> {
  const connection = redisConnection(opts.queue);
  const plan = await planBatch(opts);
  if (plan.todo.length) {
    const { Queue, QueueEvents } = await import('bullmq');
    // Completion events carry the outcome: keep fewer of them than BullMQ's default 10,000.
    const queue = new Queue<JobData, JobOutcome>(QUEUE_NAME, { connection, streams: { events: { maxLen: 1000 } } });
    const events = new QueueEvents(QUEUE_NAME, { connection });
    queue.on('error', () => undefined);
    events.on('error', () => undefined);
    try {
      await reachable(Promise.all([queue.waitUntilReady(), events.waitUntilReady()]), opts.queue);
      await new Waiter(queue, events, plan.todo, opts).run();
    } finally {
      // Closing waits for a connection that may never come: bounded, then the connections are dropped
      // without waiting (BullMQ would wait for Redis for that too).
      const closed = Promise.allSettled([events.close(), queue.close()]);
      await reachable(closed, opts.queue, 5000).catch(() => {
        void events.disconnect().catch(() => undefined);
        void queue.disconnect().catch(() => undefined);
      });
    }
  }
  return finishBatch(plan);
}

/** Adds the jobs, then writes each item's result once its job has an outcome. */
class Waiter {
  /** Items by job id: files with the same bytes share one job. */
  private readonly pending = new Map<string, BatchItem[]>();
  private readonly started = Date.now();
  private wake: () => void = () => undefined;
  private failure: unknown = null;
  /** Settles one job at a time, whichever of an event or a poll sees it first. */
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly queue: Queue<JobData, JobOutcome>,
    private readonly events: QueueEvents,
    items: BatchItem[],
    private readonly opts: QueuedBatchOptions,
  ) {
    for (const item of items) {
      const id = jobId(item.sha256!, item.pipeline);
      this.pending.set(id, [...(this.pending.get(id) ?? []), item]);
    }
  }

  async run(): Promise<void> {
    const done = new Promise<void>((resolve) => (this.wake = resolve));
    this.events.on('progress', ({ jobId: id, data }) => {
      const p = JobProgress.safeParse(data);
      if (p.success) for (const item of this.pending.get(id) ?? []) this.opts.onEvent?.({ type: 'page', file: item.rel, page: p.data.page, pages: p.data.pages });
    });
    this.events.on('completed', ({ jobId: id }) => this.check(id));
    this.events.on('failed', ({ jobId: id }) => this.check(id));

    await this.enqueue();
    for (const id of [...this.pending.keys()]) this.check(id);
    const poll = setInterval(() => {
      for (const id of [...this.pending.keys()]) this.check(id);
    }, this.opts.pollMs ?? 5000);
    try {
      await done;
    } finally {
      clearInterval(poll);
    }
    if (this.failure) throw this.failure;
  }

  private async enqueue(): Promise<void> {
    const attempts = Math.max(1, this.opts.attempts ?? DEFAULT_ATTEMPTS);
    const ids = [...this.pending.keys()];
    // In slices, so a large batch never holds every file's bytes at once.
    for (let i = 0; i < ids.length; i += 50) {
      const jobs = await Promise.all(
        ids.slice(i, i + 50).map(async (id) => {
          const data = await this.jobData(this.pending.get(id)![0]!);
          return {
            name: 'audit',
            data,
            opts: { jobId: id, attempts, backoff: { type: 'exponential', delay: this.opts.backoffMs ?? DEFAULT_BACKOFF_MS }, removeOnComplete: { age: 7 * 24 * 3600 }, removeOnFail: false },
          };
        }),
      );
      // A job id already in the queue is left as it is: the file is never audited twice.
      await this.queue.addBulk(jobs);
    }
  }

  /** What a job carries: the file's path and hash, this batch's options and, up to the inline bound, the bytes. */
  private async jobData(item: BatchItem): Promise<JobData> {
    const inlineMax = (this.opts.inlineMaxMb ?? DEFAULT_INLINE_MAX_MB) * 1024 * 1024;
    return {
      path: item.file,
      name: item.rel,
      sha256: item.sha256!,
      bytes: item.bytes,
      pipeline: item.pipeline,
      ocr: this.opts.ocr ?? 'auto',
      limits: { ...this.opts.limits } as Record<string, number>,
      timeoutMs: this.opts.timeoutMs ?? 600_000,
      ...(item.bytes <= inlineMax ? { pdf: (await readFile(item.file)).toString('base64') } : {}),
    };
  }

  private check(id: string): void {
    this.chain = this.chain
      .then(() => this.settle(id))
      .catch((err: unknown) => {
        this.failure ??= err;
        this.wake();
      });
  }

  /** Writes the results of a job that has an outcome, or retries a dead job from an earlier batch. */
  private async settle(id: string): Promise<void> {
    const items = this.pending.get(id);
    if (!items) return;
    const job = (await this.queue.getJob(id)) as Job<JobData, JobOutcome> | undefined;
    if (!job) throw new AppError('E_QUEUE', `The job of ${items[0]!.rel} (${id}) left the queue before it finished`, { stage: 'queue', file: items[0]!.rel });
    const state = await job.getState();
    if (state === 'completed') {
      const outcome = JobOutcome.safeParse(job.returnvalue);
      if (!outcome.success) throw new AppError('E_QUEUE', `The outcome of ${items[0]!.rel} (${id}) is not an lkjip result`, { stage: 'queue', file: items[0]!.rel });
      for (const item of items) await this.write(item, outcome.data);
    } else if (state === 'failed') {
      if ((job.finishedOn ?? 0) < this.started) {
        // Dead before this batch began: running the batch again is the way to retry it.
        // It gets this batch's data (such as a longer timeout).
        await job.updateData(await this.jobData(items[0]!));
        await job.retry('failed');
        return;
      }
      const error: ResultError = { ...reasonOf(job.failedReason), interrupted: true };
      for (const item of items) await this.write(item, { pages: 0, error });
    } else return;
    this.pending.delete(id);
    if (this.pending.size === 0) this.wake();
  }

  private async write(item: BatchItem, outcome: JobOutcome | { pages: number; error: ResultError }): Promise<void> {
    if ('result' in outcome) {
      // A job shared by files with the same bytes names the first; each result names its own file.
      const result = { ...outcome.result, report: { ...outcome.result.report, file: item.file } };
      await writeResult(item, { result }, outcome.pages);
      this.opts.onEvent?.({ type: 'file', file: item.rel, status: 'ok', pages: outcome.pages });
    } else {
      await writeResult(item, { error: outcome.error }, outcome.pages);
      this.opts.onEvent?.({ type: 'file', file: item.rel, status: 'error', pages: outcome.pages, error: outcome.error.code });
    }
  }
}

/** `E_TIMEOUT: Timed out after 600 s` → its code and message (a reason from elsewhere is E_WORKER_FAILED). */
function reasonOf(reason: string | undefined): { code: string; message: string } {
  const m = /^(E_[A-Z_]+): ([\s\S]*)$/.exec(reason ?? '');
  return m ? { code: m[1]!, message: m[2]! } : { code: 'E_WORKER_FAILED', message: reason || 'The job failed' };
}
