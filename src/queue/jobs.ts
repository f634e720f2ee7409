/**
 * What the enqueuing batch and the queue workers agree on: the queue's name, how a job is named,
 * what it carries and what it returns (zod schemas, checked on both sides), and how `redis://…`
 * becomes a BullMQ connection.
 *
 * A job carries the file's absolute path and sha256 and, for a file up to the inline bound, its
 * bytes (base64). A worker audits the file at that path when it is there with the same hash (the
 * same machine, or a shared filesystem mounted at the same path), else the bytes from the job; a
 * larger file must be reachable at its path. Bytes are dropped from a job once it completes.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { AuditResult } from '../model/report.js';

/** The BullMQ queue every `lkjip batch --queue` adds to and every `lkjip worker` takes from. */
export const QUEUE_NAME = 'lkjip-audit';

/** Files up to this size travel inside their job unless `--inline-max-mb` says otherwise. */
export const DEFAULT_INLINE_MAX_MB = 16;
export const DEFAULT_ATTEMPTS = 3;
export const DEFAULT_BACKOFF_MS = 10_000;
/** How long a worker may stop answering before its job is handed to another worker. */
export const DEFAULT_LOCK_MS = 30_000;

export const JobData = z.object({
  /** Absolute path on the enqueuing machine. */
  path: z.string(),
  /** The file's path relative to the batch's inputs, for messages. */
  name: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  /** The result version the batch expects (`resultVersion`): a worker of another lkjip version refuses the job. */
  pipeline: z.string(),
  ocr: z.enum(['auto', 'off']),
  limits: z.record(z.string(), z.number()),
  timeoutMs: z.number().int().positive(),
  /** The file's bytes, base64, when it is no larger than the inline bound. */
  pdf: z.string().optional(),
});
export type JobData = z.infer<typeof JobData>;

/** A file's error, as in a batch result file. */
const JobError = z.object({ code: z.string(), message: z.string() });

/**
 * What a finished job returns: the audit, or what is wrong with the file itself (not a PDF,
 * damaged…). Crashes, timeouts and unreachable files are not outcomes: the job fails and is retried.
 */
export const JobOutcome = z.union([z.object({ pages: z.number().int().nonnegative(), result: AuditResult }), z.object({ pages: z.number().int().nonnegative(), error: JobError })]);
export type JobOutcome = z.infer<typeof JobOutcome>;

/** Progress a worker reports while it reads a file's pages. */
export const JobProgress = z.object({ page: z.number().int(), pages: z.number().int() });
export type JobProgress = z.infer<typeof JobProgress>;

/**
 * The job id: the content hash and the result version, so the same bytes audited the same way are
 * one job, however many times and from however many batches they are enqueued.
 *
 * @example
 *   jobId('3f9a…', 's1-3f9a0c1d2e4b+no-ocr'); // '3f9a…-7c1e09d2aa41'
 */
export function jobId(sha256: string, pipeline: string): string {
  return `${sha256}-${createHash('sha256').update(pipeline).digest('hex').slice(0, 12)}`;
}

/**
 * Checks a `redis://[user:password@]host[:port][/db]` (or `rediss://`) location and gives the
 * BullMQ connection options for it.
 *
 * @example
 *   redisConnection('redis://10.0.0.5:6379'); // { url: 'redis://10.0.0.5:6379', … }
 */
export function redisConnection(location: string): { url: string; maxRetriesPerRequest: null; connectTimeout: number } {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    url = new URL('invalid:');
  }
  if (!['redis:', 'rediss:'].includes(url.protocol) || !url.hostname) {
    throw new AppError('E_BAD_ARGUMENT', `--queue must be a Redis URL such as redis://host:6379 (got "${location}")`, { stage: 'queue' });
  }
  return { url: location, maxRetriesPerRequest: null, connectTimeout: 10_000 };
}

/** The location without its password, for messages. */
export function redactRedis(location: string): string {
  return location.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

/**
 * Resolves with `promise`, or rejects with `E_QUEUE` when Redis does not answer in time (BullMQ
 * would otherwise wait for it forever).
 *
 * @example
 *   await reachable(queue.waitUntilReady(), 'redis://10.0.0.5:6379');
 */
export async function reachable<T>(promise: Promise<T>, location: string, ms = 15_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError('E_QUEUE', `Redis at ${redactRedis(location)} did not answer within ${Math.round(ms / 1000)} s`, { stage: 'queue' })), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
