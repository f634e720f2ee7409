/**
 * Queue throughput: reports per minute of `lkjip batch --queue` with 1 and 2 `lkjip worker`
 * processes on a local redis-server, against the local pool (`runBatch`) at concurrency 1 and 2, on
 * the same files. Workers are started (and warmed on one file) before the clock runs, as they are
 * long-lived services; the local pool's worker start-up is part of its figure, as for a user.
 * Each round runs every setup, the order alternating, and Redis is emptied between runs so no
 * job is answered from an earlier one. Skipped where redis-server is missing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFile, copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { runBatch } from '../src/pipeline/batch.js';
import { runQueuedBatch } from '../src/queue/batch.js';
import { redisMissing, startRedis, type Service } from '../test/services.js';
import { fmtRate, fmtSeconds, median } from './lib/measure.js';
import type { BenchContext, BenchSection, SectionResult } from './lib/types.js';

/** Copies of each sample, each made distinct (a comment after `%%EOF`) so every one is its own job. */
const COPIES = 3;
const SETUPS = [
  { name: 'local pool', mode: 'local', n: 1 },
  { name: 'local pool', mode: 'local', n: 2 },
  { name: 'queue', mode: 'queue', n: 1 },
  { name: 'queue', mode: 'queue', n: 2 },
] as const;
const BIN = fileURLToPath(new URL('../bin/lkjip.js', import.meta.url));
/** A one-page report each worker audits before the clock starts. */
const SMALL = fileURLToPath(new URL('../test/fixtures/pdf/bordered.lo.pdf', import.meta.url));

interface Round {
  setup: string;
  n: number;
  seconds: number;
  pages: number;
  failed: number;
}

export const queueBench: BenchSection = {
  name: 'queue',
  async run(ctx: BenchContext): Promise<SectionResult> {
    if (redisMissing) return { columns: [], rows: [], notes: [], skipped: redisMissing };
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lkjip-bench-queue-'));
    const server: Service = await startRedis();
    const url = server.url;
    const redis = new Redis(url, { maxRetriesPerRequest: null });
    const workers: ChildProcess[] = [];
    try {
      const input = path.join(dir, 'in');
      await mkdir(input);
      for (const s of ctx.samples) {
        for (let i = 0; i < COPIES; i++) {
          const copy = path.join(input, `${s.name}-${i + 1}.pdf`);
          await copyFile(s.file, copy);
          await appendFile(copy, `\n% copy ${i + 1}\n`);
        }
      }
      const warm = path.join(dir, 'warm');
      await mkdir(warm);
      for (let i = 0; i < 2; i++) {
        await copyFile(SMALL, path.join(warm, `warm-${i}.pdf`));
        await appendFile(path.join(warm, `warm-${i}.pdf`), `\n% warm ${i}\n`);
      }
      const reports = ctx.samples.length * COPIES;
      const rounds: Round[] = [];
      for (let r = 0; r < ctx.runs; r++) {
        const order = r % 2 ? [...SETUPS].reverse() : [...SETUPS];
        for (const setup of order) {
          ctx.log(`queue: round ${r + 1}/${ctx.runs}, ${reports} reports, ${setup.name} × ${setup.n}`);
          const out = path.join(dir, `out-${r}-${setup.mode}-${setup.n}`);
          let seconds: number;
          let s: Awaited<ReturnType<typeof runBatch>>;
          if (setup.mode === 'local') {
            const start = performance.now();
            s = await runBatch({ inputs: [input], out, concurrency: setup.n, ocr: 'off' });
            seconds = (performance.now() - start) / 1000;
          } else {
            await redis.flushall();
            for (let i = 0; i < setup.n; i++) workers.push(startWorker(url));
            // Every worker has loaded the pipeline before the clock starts.
            await runQueuedBatch({ inputs: [warm], out: path.join(dir, 'warm-out'), queue: url, ocr: 'off', pollMs: 500 });
            await redis.flushall();
            const start = performance.now();
            s = await runQueuedBatch({ inputs: [input], out, queue: url, ocr: 'off', pollMs: 500 });
            seconds = (performance.now() - start) / 1000;
            await stopWorkers(workers.splice(0));
          }
          rounds.push({ setup: setup.name, n: setup.n, seconds, pages: s.pages, failed: s.failed });
        }
      }
      const base = median(rounds.filter((x) => x.setup === 'local pool' && x.n === 1).map((x) => x.seconds));
      const rows = SETUPS.map((setup) => {
        const mine = rounds.filter((x) => x.setup === setup.name && x.n === setup.n);
        const secs = median(mine.map((x) => x.seconds));
        const pages = mine[0]!.pages;
        return {
          setup: setup.name,
          'workers': setup.n,
          reports,
          pages,
          's (median)': fmtSeconds(secs),
          'reports/min': fmtRate((reports / secs) * 60),
          'pages/s': fmtRate(pages / secs),
          'vs local × 1': `${(base / secs).toFixed(2)}×`,
        };
      });
      const failed = rounds.reduce((n, x) => n + x.failed, 0);
      return {
        columns: ['setup', 'workers', 'reports', 'pages', 's (median)', 'reports/min', 'pages/s', 'vs local × 1'],
        rows,
        notes: [
          `${reports} reports (each sample ${COPIES}×, made distinct), no OCR, results and summary written; queue workers warm and on this machine, Redis local; median of ${ctx.runs} round(s); ${os.availableParallelism()} CPUs`,
          ...(failed ? [`${failed} file result(s) were errors: the figures are not comparable`] : []),
        ],
        raw: rounds,
      };
    } finally {
      await stopWorkers(workers);
      redis.disconnect();
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    }
  },
};

function startWorker(url: string): ChildProcess {
  // From the sources, as the local pool's workers run here: the two are compared like for like.
  return spawn(process.execPath, [BIN, 'worker', '--queue', url], { stdio: 'ignore', env: { ...process.env, LKJIP_FROM_SOURCE: '1' } });
}

async function stopWorkers(workers: ChildProcess[]): Promise<void> {
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve) => {
          if (w.exitCode !== null || w.signalCode !== null) return resolve();
          w.once('exit', () => resolve());
          w.kill('SIGTERM');
        }),
    ),
  );
}
