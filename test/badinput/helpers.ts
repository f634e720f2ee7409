// Running lkjip on the bad-input corpus as a user would, with the time it took and its peak memory.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
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
export async function lkjip(args: string[], opts: { timeoutMs?: number } = {}): Promise<Run> {
  const peakFile = path.join(await mkdtemp(path.join(os.tmpdir(), 'lkjip-peak-')), 'peak');
  const env = { ...process.env, CI: 'true', PEAK_FILE: peakFile, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} ${PEAK}`.trim() };
  const started = performance.now();
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile('node', ['bin/lkjip.js', ...args], { env, maxBuffer: 64 * 1024 * 1024, timeout: opts.timeoutMs ?? TIME_BOUND_MS * 2 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
  const ms = performance.now() - started;
  const peaks = (await readFile(peakFile, 'utf8').catch(() => '')).split('\n').filter(Boolean).map(Number);
  await rm(path.dirname(peakFile), { recursive: true, force: true });
  return { code, stdout, stderr, ms, peakMB: peaks.length ? Math.max(...peaks) / 1024 : Infinity };
}
