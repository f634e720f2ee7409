import type { Command } from 'commander';
import { AppError } from '../../errors.js';
import { limitsFrom, positiveInt, withLimitOptions, type LimitFlags } from '../util.js';

interface BatchFlags extends LimitFlags {
  out: string;
  concurrency?: string;
  resume?: boolean;
  ocr: boolean;
  timeout: string;
  db?: string;
  queue?: string;
  attempts: string;
  backoff: string;
  inlineMaxMb: string;
}

export function register(program: Command): void {
  const cmd = program
    .command('batch')
    .description('Audit every PDF in folders or globs: one JSON result per file, a summary CSV and XLSX, resumable')
    .argument('<inputs...>', 'folders (searched recursively), PDF files or glob patterns such as "reports/**/*.pdf"')
    .requiredOption('--out <dir>', 'folder for the results (<name>.json per file, summary.csv, summary.xlsx)')
    .option('--concurrency <n>', 'worker processes (default: the number of cores, at most 4)')
    .option('--resume', 'skip files whose result exists and was made from the same bytes by this version of lkjip')
    .option('--no-ocr', 'do not OCR image-only pages')
    .option('--timeout <seconds>', 'give up on a file after this long', '600')
    .option('--db <path>', 'share results with a store (e.g. .lkjip/lkjip.db): files audited before are not recomputed')
    .option('--queue <redis-url>', 'audit on `lkjip worker`s through the BullMQ queue at this Redis (redis://host:6379) instead of local processes')
    .option('--attempts <n>', 'with --queue: tries per file before it is given up (crash, timeout)', '3')
    .option('--backoff <seconds>', 'with --queue: wait before the first retry, doubled for each next one', '10')
    .option('--inline-max-mb <mb>', 'with --queue: files up to this size travel in their job; larger ones must be on a filesystem every worker mounts at the same path', '16');
  withLimitOptions(cmd).action(async (inputs: string[], o: BatchFlags) => {
      const concurrency = o.concurrency === undefined ? undefined : positiveInt(o.concurrency, '--concurrency');
      const timeoutMs = positiveInt(o.timeout, '--timeout') * 1000;
      if (o.queue && o.db) throw new AppError('E_BAD_ARGUMENT', 'With --queue the workers keep the results: give --db to `lkjip worker`, not to the batch', { stage: 'cli' });
      if (o.queue && concurrency) throw new AppError('E_BAD_ARGUMENT', 'With --queue the workers audit the files: give --concurrency to `lkjip worker`, not to the batch', { stage: 'cli' });
      const { default: cliProgress } = await import('cli-progress');
      const queued = o.queue ? await queuedRunner(o, o.queue) : null;
      const { runBatch } = await import('../../pipeline/batch.js');
      const bar = new cliProgress.SingleBar(
        {
          format: '{bar} {value}/{total} files | {pages} pages | {failed} failed | ETA {eta_formatted} | {file}',
          noTTYOutput: true,
          notTTYSchedule: 5000,
          stream: process.stderr,
          etaBuffer: 20,
        },
        cliProgress.Presets.shades_classic,
      );
      let pages = 0;
      let failed = 0;
      const summary = await (queued ?? runBatch)({
        inputs,
        out: o.out,
        ...(concurrency ? { concurrency } : {}),
        resume: o.resume === true,
        ocr: o.ocr ? 'auto' : 'off',
        limits: limitsFrom(o),
        timeoutMs,
        ...(o.db ? { db: o.db } : {}),
        onEvent: (e) => {
          if (e.type === 'start') bar.start(e.total, 0, { pages: 0, failed: 0, file: e.skipped ? `${e.skipped} already done` : '' });
          else if (e.type === 'page') bar.update({ pages: pages + e.page, file: e.file });
          else {
            pages += e.pages;
            if (e.status === 'error') failed++;
            bar.increment(1, { pages, failed, file: e.file });
          }
        },
      }).finally(() => bar.stop());
      const out = process.stdout;
      out.write(`${summary.total} files: ${summary.ok} audited, ${summary.failed} failed, ${summary.skipped} skipped (resumed); ${summary.pages} pages in ${(summary.ms / 1000).toFixed(1)} s\n`);
      for (const r of summary.rows) if (r.error) out.write(`failed: ${r.file}: ${r.error}\n`);
      out.write(`summary: ${summary.csv}\nsummary: ${summary.xlsx}\n`);
    });
}

/** `runQueuedBatch` with the queue options read; bullmq loads only here. */
async function queuedRunner(o: BatchFlags, queue: string): Promise<typeof import('../../pipeline/batch.js').runBatch> {
  const attempts = positiveInt(o.attempts, '--attempts');
  const backoffMs = nonNegative(o.backoff, '--backoff') * 1000;
  const inlineMaxMb = nonNegative(o.inlineMaxMb, '--inline-max-mb');
  const { runQueuedBatch } = await import('../../queue/batch.js');
  return (opts) => runQueuedBatch({ ...opts, queue, attempts, backoffMs, inlineMaxMb });
}

function nonNegative(v: string, flag: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new AppError('E_BAD_ARGUMENT', `${flag} must be a number of at least 0 (got "${v}")`, { stage: 'cli' });
  return n;
}
