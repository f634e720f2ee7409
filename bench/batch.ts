/**
 * Batch throughput: reports per minute of `runBatch` (worker processes, one JSON result per file,
 * summary CSV/XLSX) on copies of the samples, at concurrency 1 and 2. Each round runs both
 * concurrencies, the order alternating, so load drifting on a shared machine hits both alike.
 * Worker start-up is part of the figure, as it is for a user.
 */
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runBatch } from '../src/pipeline/batch.js';
import { fmtRate, fmtSeconds, median } from './lib/measure.js';
import type { BenchContext, BenchSection, SectionResult } from './lib/types.js';

const CONCURRENCY = [1, 2] as const;
/** Copies of each sample, so two workers have work to share. */
const COPIES = 2;

interface Round {
  concurrency: number;
  seconds: number;
  pages: number;
  failed: number;
}

export const batchBench: BenchSection = {
  name: 'batch',
  async run(ctx: BenchContext): Promise<SectionResult> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lkjip-bench-batch-'));
    try {
      const input = path.join(dir, 'in');
      await mkdir(input);
      for (const s of ctx.samples) for (let i = 0; i < COPIES; i++) await copyFile(s.file, path.join(input, `${s.name}-${i + 1}.pdf`));
      const reports = ctx.samples.length * COPIES;
      const rounds: Round[] = [];
      for (let r = 0; r < ctx.runs; r++) {
        const order = r % 2 ? [...CONCURRENCY].reverse() : [...CONCURRENCY];
        for (const concurrency of order) {
          ctx.log(`batch: round ${r + 1}/${ctx.runs}, ${reports} reports, concurrency ${concurrency}`);
          const out = path.join(dir, `out-${r}-${concurrency}`);
          const start = performance.now();
          const s = await runBatch({ inputs: [input], out, concurrency });
          rounds.push({ concurrency, seconds: (performance.now() - start) / 1000, pages: s.pages, failed: s.failed });
        }
      }
      const base = median(rounds.filter((x) => x.concurrency === 1).map((x) => x.seconds));
      const rows = CONCURRENCY.map((c) => {
        const mine = rounds.filter((x) => x.concurrency === c);
        const secs = median(mine.map((x) => x.seconds));
        const pages = mine[0]!.pages;
        return {
          concurrency: c,
          reports,
          pages,
          's (median)': fmtSeconds(secs),
          'reports/min': fmtRate((reports / secs) * 60),
          'pages/s': fmtRate(pages / secs),
          'speed-up': `${(base / secs).toFixed(2)}×`,
        };
      });
      const failed = rounds.reduce((n, x) => n + x.failed, 0);
      return {
        columns: ['concurrency', 'reports', 'pages', 's (median)', 'reports/min', 'pages/s', 'speed-up'],
        rows,
        notes: [
          `${reports} reports (each sample ${COPIES}×), OCR as by default, worker start-up and summary writing included; median of ${ctx.runs} round(s); ${os.availableParallelism()} CPUs`,
          ...(failed ? [`${failed} file result(s) were errors: the figures are not comparable`] : []),
        ],
        raw: rounds,
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
