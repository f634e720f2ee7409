// Running lkjip on the bad-input corpus as a user would, with the time it took and its peak memory.
import { execFile } from 'node:child_process';
import { constants, readFileSync } from 'node:fs';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { makeBadInputs, type BadInput } from '../../scripts/badinput/make.js';

/** Generous bounds: they catch a hang or a runaway, they are not speed targets. */
export const TIME_BOUND_MS = 60_000;
export const MEMORY_BOUND_MB = 1536;

export async function corpus(): Promise<{ dir: string; cases: BadInput[] }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lkjip-bad-'));
  return { dir, cases: await makeBadInputs(dir) };
}

// Every node process of the run (a batch's workers too) appends its peak resident memory, worker
// threads included, to PEAK_FILE on its way out. No spaces: NODE_OPTIONS splits on them.
const PEAK = `--import=data:text/javascript,import{appendFileSync}from'node:fs';process.on('exit',()=>appendFileSync(process.env.PEAK_FILE,process.resourceUsage().maxRSS+String.fromCharCode(10)))`;

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
  peakMB: number;
}

/** `node bin/lkjip.js …args`, with its exit code, time and the peak memory of its largest process. */
export async function lkjip(args: string[], opts: { timeoutMs?: number; env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<Run> {
  const peakFile = path.join(await mkdtemp(path.join(os.tmpdir(), 'lkjip-peak-')), 'peak');
  const env = { ...process.env, ...opts.env, CI: 'true', PEAK_FILE: peakFile, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} ${PEAK}`.trim() };
  const started = performance.now();
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = execFile('node', ['bin/lkjip.js', ...args], { env, maxBuffer: 64 * 1024 * 1024, timeout: opts.timeoutMs ?? TIME_BOUND_MS * 2 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    if (opts.input !== undefined) child.stdin?.end(opts.input);
  });
  const ms = performance.now() - started;
  const peaks = (await readFile(peakFile, 'utf8').catch(() => '')).split('\n').filter(Boolean).map(Number);
  await rm(path.dirname(peakFile), { recursive: true, force: true });
  return { code, stdout, stderr, ms, peakMB: peaks.length ? Math.max(...peaks) / 1024 : Infinity };
}

/**
 * A tesseract that never finishes the pages named in `pages`, as a hung or runaway OCR would (it
 * becomes `sleep 600` with its own pid, written to the returned `pids` file); every other call goes
 * to the real one. `env` makes lkjip use it (`LKJIP_TESSERACT`).
 */
export async function hangingTesseract(dir: string, pages: number[]): Promise<{ env: Record<string, string>; pids: string }> {
  const script = path.join(dir, 'tesseract-hangs.sh');
  const pids = path.join(dir, 'hung-pids');
  const real = (await which('tesseract')) ?? 'tesseract';
  await writeFile(
    script,
    [
      '#!/bin/sh',
      // The page image is the first argument: <tmp>/<index>-p<page>-clean.pgm (or -figures.pgm).
      `for page in ${pages.join(' ')}; do`,
      `  case "$1" in *-p$page-*) echo $$ >> '${pids}'; exec sleep 600;; esac`,
      'done',
      `exec '${real}' "$@"`,
      '',
    ].join('\n'),
    { mode: 0o755 },
  );
  return { env: { LKJIP_TESSERACT: script }, pids };
}

/** The pids written to `file` that still run (zombies aside), after up to `graceMs` for them to go. */
export async function survivors(file: string, graceMs = 3000): Promise<{ started: number; alive: number[] }> {
  const pids = (await readFile(file, 'utf8').catch(() => '')).split('\n').filter(Boolean).map(Number);
  const until = Date.now() + graceMs;
  for (;;) {
    const alive = pids.filter(running);
    if (!alive.length || Date.now() > until) return { started: pids.length, alive };
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Kills what `survivors` found, so a failed test leaves nothing behind. */
export function killAll(pids: number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone already
    }
  }
}

function running(pid: number): boolean {
  try {
    // /proc/<pid>/stat: "pid (comm) state …"; Z is a zombie, not a running process.
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function which(cmd: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const full = path.join(dir, cmd);
    if (await access(full, constants.X_OK).then(() => true, () => false)) return full;
  }
  return undefined;
}

/**
 * Asks the server's health endpoint every `everyMs` until stopped (bounded by what the test waits
 * for), each answer 200; `stop` gives the p99 latency and the test process's peak RSS growth.
 */
export function probeHealth(url: string, everyMs: number): { stop: () => Promise<{ p99: number; peakMB: number }> } {
  const base = process.memoryUsage().rss;
  let peak = base;
  const health: number[] = [];
  let busy = true;
  const probe = (async () => {
    while (busy) {
      const t = performance.now();
      const res = await fetch(`${url}/api/health`);
      if (res.status !== 200) throw new Error(`health answered ${res.status}`);
      health.push(performance.now() - t);
      peak = Math.max(peak, process.memoryUsage().rss);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      busy = false;
      await probe;
      health.sort((a, b) => a - b);
      return { p99: health[Math.floor(health.length * 0.99)] ?? 0, peakMB: (peak - base) / 1048576 };
    },
  };
}

/**
 * Runs `fn` in this process (say `runBatch`, which forks its workers) and gives its time and the
 * peak memory of this process or of any node process started meanwhile, whichever is larger.
 */
export async function measured<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; peakMB: number }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lkjip-peak-'));
  const saved = { NODE_OPTIONS: process.env.NODE_OPTIONS, PEAK_FILE: process.env.PEAK_FILE };
  process.env.PEAK_FILE = path.join(dir, 'peak');
  process.env.NODE_OPTIONS = `${saved.NODE_OPTIONS ?? ''} ${PEAK}`.trim();
  const started = performance.now();
  try {
    const value = await fn();
    const ms = performance.now() - started;
    const peaks = (await readFile(path.join(dir, 'peak'), 'utf8').catch(() => '')).split('\n').filter(Boolean).map(Number);
    return { value, ms, peakMB: Math.max(process.resourceUsage().maxRSS, ...peaks) / 1024 };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await rm(dir, { recursive: true, force: true });
  }
}
