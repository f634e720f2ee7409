/**
 * Background processing of uploads: a run is queued when a PDF arrives and processed here, with its
 * stage and page progress written to the store so any request (or another server process) sees it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pLimit from 'p-limit';
import { AppError, toAppError } from '../errors.js';
import { describe } from './errors.js';
import { isPageFailure } from '../ingest/scan.js';
import { auditCached, type CachedAudit, type CachedAuditOptions } from '../pipeline/cache.js';
import { computeInThread } from '../pipeline/thread.js';
import type { Progress, Run, RunSummary, Store } from '../store/index.js';

export type PipelineOptions = Pick<CachedAuditOptions, 'ocr' | 'ocrConcurrency' | 'limits' | 'isolate'>;

/** Runs the pipeline on a file; replaceable in tests. */
export type Processor = (file: string, store: Store, opts: CachedAuditOptions) => Promise<CachedAudit>;

export interface JobRunner {
  /** Queues a run for processing (its document's bytes must be in the store). */
  enqueue(runId: string): void;
  /** Resolves when nothing is queued or running. */
  idle(): Promise<void>;
  /** Stops taking work and waits for what runs. */
  close(): Promise<void>;
}

/**
 * A queue of runs processed `concurrency` at a time.
 *
 * @example
 *   const jobs = createJobRunner(store, { concurrency: 1, pipeline: { ocr: 'auto' } });
 *   jobs.enqueue(run.id);
 */
export function createJobRunner(store: Store, opts: { concurrency: number; pipeline: PipelineOptions; processor?: Processor; log: (line: string) => void; debug?: boolean }): JobRunner {
  const limit = pLimit(Math.max(1, opts.concurrency));
  const pending = new Set<Promise<void>>();
  // By default a document is computed in a worker thread, so the API stays responsive.
  const audit: Processor = opts.processor ?? ((file, s, o) => auditCached(file, s, { ...o, compute: computeInThread }));
  let closed = false;

  async function runOne(runId: string): Promise<void> {
    const run = await store.getRun(runId);
    if (!run || run.status === 'done') return;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lkjip-upload-'));
    // Progress writes are chained so a slow write never lands after a later one.
    let writes: Promise<unknown> = Promise.resolve();
    const progress = throttle((p: Progress) => {
      writes = writes.then(() => store.updateRun(runId, { progress: p })).catch(() => undefined);
    });
    try {
      await store.updateRun(runId, { status: 'processing', progress: { stage: 'read', done: 0, total: 0 }, error: null });
      const doc = await store.getDocument(run.documentId);
      const bytes = await store.getPdf(run.documentId);
      if (!doc || !bytes) throw new AppError('E_NOT_FOUND', 'The document or its PDF is no longer stored', { stage: 'server' });
      const file = path.join(dir, 'upload.pdf');
      await writeFile(file, bytes);
      const out = await audit(file, store, { isolate: true, ...opts.pipeline, name: doc.name, onProgress: progress });
      await writes;
      await store.updateRun(runId, { status: 'done', progress: { stage: 'done', done: out.pageCount, total: out.pageCount }, cached: out.cached, summary: summarize(out) });
    } catch (err) {
      await writes;
      const e = toAppError(err, { stage: 'server' });
      if (e.code === 'E_INTERNAL') opts.log(`run ${runId} failed: ${describe(e, opts.debug ?? false)}`);
      await store.updateRun(runId, { status: 'failed', error: { code: e.code, message: e.message } }).catch(() => undefined);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  return {
    enqueue(runId) {
      if (closed) return;
      const p = limit(() => runOne(runId)).catch((err: unknown) => opts.log(`run ${runId}: ${String(err)}`));
      pending.add(p);
      void p.finally(() => pending.delete(p));
    },
    async idle() {
      while (pending.size) await Promise.allSettled([...pending]);
    },
    async close() {
      closed = true;
      limit.clearQueue();
      while (pending.size) await Promise.allSettled([...pending]);
    },
  };
}

/** Runs left queued or half-done by a stopped server are queued again when it starts. */
export async function requeueUnfinished(store: Store, jobs: JobRunner): Promise<Run[]> {
  const runs = await store.listRuns({ status: ['queued', 'processing'] });
  for (const run of runs.reverse()) {
    await store.updateRun(run.id, { status: 'queued', progress: { stage: 'queued', done: 0, total: 0 } });
    jobs.enqueue(run.id);
  }
  return runs;
}

export function summarize(out: CachedAudit): RunSummary {
  const findings = { error: 0, warning: 0, rounding: 0, info: 0 };
  for (const f of out.result.findings) findings[f.severity]++;
  const { instansi, tahun } = out.result.report.report;
  const unread = out.result.report.warnings.filter((w) => w.page !== undefined && isPageFailure(w.code)).map((w) => ({ page: w.page!, code: w.code, message: w.message }));
  return { pages: out.pageCount, instansi, tahun, findings, unread };
}

/** At most one progress write per stage change or per 200 ms; the last one always goes through. */
function throttle(write: (p: Progress) => void): (p: Progress) => void {
  let last = 0;
  let stage = '';
  return (p) => {
    const t = Date.now();
    if (p.stage !== stage || t - last >= 200 || (p.total > 0 && p.done >= p.total)) {
      stage = p.stage;
      last = t;
      write(p);
    }
  };
}
