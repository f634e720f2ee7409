// Running lkjip on the bad-input corpus as a user would, with the time it took and its peak memory.
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
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

// Prints the process's peak resident memory (worker threads included) on its way out.
const PEAK = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\npeak-rss-kb='+process.resourceUsage().maxRSS+'\\n'))`;

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
  peakMB: number;
}

/** `node bin/lkjip.js …args`, with its exit code, time and peak memory. */
export async function lkjip(args: string[], opts: { timeoutMs?: number } = {}): Promise<Run> {
  const started = performance.now();
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile('node', ['--import', PEAK, 'bin/lkjip.js', ...args], { maxBuffer: 64 * 1024 * 1024, timeout: opts.timeoutMs ?? TIME_BOUND_MS * 2 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
  const peak = /peak-rss-kb=(\d+)/.exec(stderr);
  return { code, stdout, stderr: stderr.replace(/\n?peak-rss-kb=\d+\n?/, ''), ms: performance.now() - started, peakMB: peak ? Number(peak[1]) / 1024 : Infinity };
}
