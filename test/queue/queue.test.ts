// lkjip batch --queue and lkjip worker against a real Redis (and PostgreSQL for the shared store):
// the same results as the local batch, nothing lost or duplicated when a worker or the enqueuing
// process is killed, hand-back on SIGTERM, the dead letter, and a worker's result served from the
// store the web app reads. Skipped, saying why, where redis-server or PostgreSQL is missing.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBatch } from '../../src/pipeline/batch.js';
import { auditCached } from '../../src/pipeline/cache.js';
import { QUEUE_NAME } from '../../src/queue/jobs.js';
import { openStore } from '../../src/store/index.js';
import { postgresMissing, redisMissing, startPostgres, startRedis, type Service } from '../services.js';

if (redisMissing) console.warn(`queue tests skipped: ${redisMissing}`);

const root = mkdtempSync(path.join(os.tmpdir(), 'lkjip-queue-'));
const GOOD = ['bordered.lo.pdf', 'bordered.chrome.pdf', 'borderless.lo.pdf', 'hrules.chrome.pdf', 'merged-header.lo.pdf', 'multipage-repeat.lo.pdf', 'multipage-norepeat.lo.pdf'];
const BAD = ['not-a-pdf.pdf', 'empty.pdf', 'encrypted.pdf'];
let input = '';
let local = '';

/** Twelve reports: seven small ones, a copy of one (same bytes, another name), a truncated PDF, a text file, an empty file and an encrypted PDF. */
function makeFolder(): string {
  const dir = path.join(root, 'in');
  mkdirSync(path.join(dir, 'sub'), { recursive: true });
  for (const f of GOOD) copyFileSync(`test/fixtures/pdf/${f}`, path.join(dir, f));
  copyFileSync('test/fixtures/pdf/bordered.lo.pdf', path.join(dir, 'sub', 'copy.pdf'));
  for (const f of BAD) copyFileSync(`test/fixtures/bad/${f}`, path.join(dir, `bad-${f}`));
  copyFileSync('test/fixtures/pdf/hrules.lo.pdf', path.join(dir, 'cut.pdf'));
  truncateSync(path.join(dir, 'cut.pdf'), 9000);
  return dir;
}

interface Proc {
  child: ChildProcess;
  out: () => string;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function lkjip(args: string[]): Proc {
  const child = spawn(process.execPath, ['bin/lkjip.js', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' } });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, out: () => out, done };
}

const worker = (redis: string, ...more: string[]) => lkjip(['worker', '--queue', redis, '--lock-timeout', '2', ...more]);
const batch = (redis: string, out: string, ...more: string[]) => lkjip(['batch', input, '--out', out, '--queue', redis, '--no-ocr', ...more]);

async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function stop(...procs: Proc[]): Promise<void> {
  for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
  await Promise.all(procs.map((p) => p.done));
}

const results = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

/** A result without its timings, which differ from run to run. */
/** A result without its timings, which differ from run to run, and with its report's file name (not its folder). */
function comparable(file: string): unknown {
  const r = JSON.parse(readFileSync(file, 'utf8')) as { checks?: { ms: number }[]; report?: { file: string } };
  return { ...r, ...(r.checks ? { checks: r.checks.map((c) => ({ ...c, ms: 0 })) } : {}), ...(r.report ? { report: { ...r.report, file: path.basename(r.report.file) } } : {}) };
}

/** The results and summary rows in `dir` are the local batch's, for all 12 reports or for the `count` copied by `subset`. */
function expectSameResults(dir: string, count = 12): void {
  expect(results(dir)).toHaveLength(count);
  expect(results(local)).toEqual(expect.arrayContaining(results(dir)));
  for (const f of results(dir)) expect(comparable(path.join(dir, f)), f).toEqual(comparable(path.join(local, f)));
  const lines = (d: string) => readFileSync(path.join(d, 'summary.csv'), 'utf8').trim().split('\n');
  expect(lines(dir)).toHaveLength(count + 1);
  expect(lines(local)).toEqual(expect.arrayContaining(lines(dir)));
}

/** A folder with some of the twelve reports. */
function subset(name: string, files: string[]): string {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const f of files) copyFileSync(path.join(input, f), path.join(dir, f));
  return dir;
}

/** `done <file> …` lines of worker logs, by file. */
function doneLines(...procs: Proc[]): string[] {
  return procs.flatMap((p) => [...p.out().matchAll(/ done (\S+) /g)].map((m) => m[1]!)).sort();
}

beforeAll(async () => {
  if (redisMissing) return;
  input = makeFolder();
  local = path.join(root, 'local');
  const s = await runBatch({ inputs: [input], out: local, concurrency: 2, ocr: 'off' });
  expect(s.total).toBe(12);
  expect(s.failed).toBe(4);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

if (postgresMissing) console.warn(`queue workers run without a shared PostgreSQL store: ${postgresMissing}`);

describe.skipIf(redisMissing !== null)('lkjip batch --queue with lkjip worker on Redis', () => {
  let redis: Service;
  let pg: Service | undefined;
  beforeAll(async () => {
    redis = await startRedis();
    if (!postgresMissing) pg = await startPostgres();
  });
  afterAll(async () => {
    await redis?.stop();
    await pg?.stop();
  });

  it('two workers sharing a PostgreSQL store audit a folder of 12 reports, bad files included, to the local batch results', async () => {
    const db = pg ? ['--db', pg.url] : [];
    const w1 = worker(redis.url, ...db);
    const w2 = worker(redis.url, ...db);
    const out = path.join(root, 'two-workers');
    const run = batch(redis.url, out);
    const { code } = await run.done;
    await stop(w1, w2);
    expect(code, run.out()).toBe(0);
    expect(run.out()).toMatch(/12 files: 8 audited, 4 failed, 0 skipped/);
    expect(run.out()).toMatch(/\d+\/12 files \| \d+ pages/);
    expectSameResults(out);
    // Eleven different contents (one file is a copy), each audited once.
    expect(doneLines(w1, w2)).toHaveLength(11);
    expect(new Set(doneLines(w1, w2)).size).toBe(11);

    // The same folder again is answered from the finished jobs: no worker runs, nothing is audited twice.
    const again = batch(redis.url, path.join(root, 'again'));
    expect((await again.done).code, again.out()).toBe(0);
    expectSameResults(path.join(root, 'again'));

    if (pg) {
      // What `lkjip serve --db postgres://… --no-ocr` does with an upload of the same bytes: a stored result.
      const store = openStore(pg.url);
      const hit = await auditCached(path.join(input, 'hrules.chrome.pdf'), store, { ocr: 'off' });
      await store.close();
      expect(hit.cached).toBe(true);
      expect(hit.result.findings).toEqual((comparable(path.join(local, 'hrules.chrome.json')) as { findings: unknown[] }).findings);
    }
  });
});

/** A Redis of the test's own with the batch queue on it, both closed after `fn`. */
async function withQueue(fn: (redis: Service, queue: Queue) => Promise<void>): Promise<void> {
  const redis = await startRedis();
  const queue = new Queue(QUEUE_NAME, { connection: { url: redis.url } });
  try {
    await fn(redis, queue);
  } finally {
    await queue.close();
    await redis.stop();
  }
}

describe.skipIf(redisMissing !== null)('killed workers and batches', () => {
  it('kill -9 of a worker mid-job and of the enqueuing batch lose and duplicate nothing', async () => {
    await withQueue(async (redis, queue) => {
      const some = subset('some', [...GOOD.slice(0, 3), 'cut.pdf', 'bad-not-a-pdf.pdf']);
      const first = worker(redis.url);
      const out = path.join(root, 'killed');
      const run = lkjip(['batch', some, '--out', out, '--queue', redis.url, '--no-ocr']);
      // Both die while the first worker holds a job.
      await until('an active job', async () => (await queue.getActiveCount()) > 0);
      first.child.kill('SIGKILL');
      run.child.kill('SIGKILL');
      await stop(first, run);
      const lost = (await queue.getActive())[0]!;
      expect(lost).toBeDefined();

      // New workers take the dead worker's job once its lock expires; the batch, run again, finds its jobs.
      const w1 = worker(redis.url);
      const w2 = worker(redis.url);
      const rerun = lkjip(['batch', some, '--out', out, '--queue', redis.url, '--no-ocr']);
      const { code } = await rerun.done;
      await stop(w1, w2);
      expect(code, rerun.out()).toBe(0);
      expectSameResults(out, 5);
      expect(doneLines(first, w1, w2)).toEqual([...new Set(doneLines(first, w1, w2))]);
      expect(doneLines(first, w1, w2)).toHaveLength(5);
      expect(doneLines(w1, w2)).toContain(lost.data.name);
      expect(await queue.getJobCounts('completed', 'failed', 'wait', 'active', 'delayed')).toEqual({ completed: 5, failed: 0, wait: 0, active: 0, delayed: 0 });
    });
  });

  it('SIGTERM with no grace hands the current job back, unspent, and the worker exits', async () => {
    await withQueue(async (redis, queue) => {
      const small = subset('small', GOOD.slice(0, 3));
      const first = worker(redis.url, '--grace', '0');
      const out = path.join(root, 'handed-back');
      const run = lkjip(['batch', small, '--out', out, '--queue', redis.url, '--no-ocr']);
      await until('an active job', async () => (await queue.getActiveCount()) > 0);
      first.child.kill('SIGTERM');
      const exit = await first.done;
      expect(exit.code, first.out()).toBe(0);
      expect(first.out()).toMatch(/handed back \S+/);
      const handed = /handed back (\S+)/.exec(first.out())![1]!;

      const second = worker(redis.url);
      const { code } = await run.done;
      await stop(second);
      expect(code, run.out()).toBe(0);
      expectSameResults(out, 3);
      expect(doneLines(second)).toContain(handed);
      const jobs = await queue.getJobs(['completed']);
      const job = jobs.find((j) => j.data.name === handed)!;
      expect(job.attemptsMade).toBe(1);
    });
  });

  it('a file that fails every attempt is a dead letter, written as an interrupted error; the next batch retries it', async () => {
    await withQueue(async (redis, queue) => {
      const single = path.join(root, 'single');
      mkdirSync(single, { recursive: true });
      copyFileSync('samples/003_eded5028092eddcb.pdf', path.join(single, 'seed.pdf'));
      const w = worker(redis.url);
      try {
        const out = path.join(root, 'dead');
        const run = lkjip(['batch', single, '--out', out, '--queue', redis.url, '--no-ocr', '--timeout', '1', '--attempts', '2', '--backoff', '0.1']);
        expect((await run.done).code, run.out()).toBe(0);
        const dead = JSON.parse(readFileSync(path.join(out, 'seed.json'), 'utf8')) as { error: { code: string; interrupted: boolean } };
        expect(dead.error).toMatchObject({ code: 'E_TIMEOUT', interrupted: true });
        const failed = await queue.getJobs(['failed']);
        expect(failed).toHaveLength(1);
        expect(failed[0]!.attemptsMade).toBe(2);

        const again = lkjip(['batch', single, '--out', out, '--queue', redis.url, '--no-ocr']);
        expect((await again.done).code, again.out()).toBe(0);
        const ok = JSON.parse(readFileSync(path.join(out, 'seed.json'), 'utf8')) as { error?: unknown; findings: unknown[] };
        expect(ok.error).toBeUndefined();
        expect(ok.findings.length).toBeGreaterThan(0);
        expect(await queue.getFailedCount()).toBe(0);
      } finally {
        await stop(w);
      }
    });
  });
});
