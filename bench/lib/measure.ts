/**
 * Timing helpers: wall-clock medians over repeated runs, and running external tools the way a shell
 * would (but without one).
 */
import { execFile } from 'node:child_process';

export interface Timing {
  /** The warm-up run, in seconds (for the very first call in a process: start-up included). */
  warmup: number;
  /** The timed runs, in seconds. */
  runs: number[];
  median: number;
}

/**
 * Median of a non-empty list; mean of the middle two for an even count.
 *
 * @example
 *   median([3, 1, 2]); // 2
 */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Seconds taken by one call.
 *
 * @example
 *   const s = await seconds(() => readTables(file));
 */
export async function seconds(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return (performance.now() - start) / 1000;
}

/**
 * One warm-up run, then `runs` timed runs.
 *
 * @example
 *   const { median } = await measure(() => readTables(file), 3);
 */
export async function measure(fn: () => Promise<unknown>, runs: number): Promise<Timing> {
  const warmup = await seconds(fn);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await seconds(fn));
  return { warmup, runs: times, median: median(times) };
}

/**
 * Runs a tool, resolving with its stdout; rejects on a non-zero exit or when it is missing.
 *
 * @example
 *   await tool('pdftotext', ['-layout', file, '-']);
 */
export function tool(cmd: string, args: readonly string[], env?: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, [...args], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: env ?? process.env }, (err, stdout) =>
      err ? reject(err) : resolve(stdout),
    );
  });
}

/**
 * Whether a tool runs at all (`<cmd> <args>` exits 0).
 *
 * @example
 *   await available('tesseract', ['--version']); // true
 */
export async function available(cmd: string, args: readonly string[]): Promise<boolean> {
  try {
    await tool(cmd, args);
    return true;
  } catch {
    return false;
  }
}

/**
 * `pdftotext -f/-l` arguments for a list of pages when they form one run, else undefined.
 *
 * @example
 *   pageRangeArgs([1, 2, 3]); // ['-f', '1', '-l', '3']
 *   pageRangeArgs([1, 3]);    // undefined
 */
export function pageRangeArgs(pages: readonly number[]): string[] | undefined {
  const first = pages[0];
  const last = pages[pages.length - 1];
  if (first === undefined || last === undefined || last - first + 1 !== pages.length) return undefined;
  return ['-f', String(first), '-l', String(last)];
}

/** Seconds with a precision that suits the magnitude. */
export function fmtSeconds(s: number): string {
  return s >= 10 ? s.toFixed(1) : s >= 1 ? s.toFixed(2) : s.toFixed(3);
}

/** A rate with a precision that suits the magnitude. */
export function fmtRate(r: number): string {
  return r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r.toFixed(2);
}

/** A ratio such as `1.14×` or `38×`. */
export function fmtRatio(r: number): string {
  return `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}×`;
}

/**
 * Times several contenders in rounds: one warm-up each, then `runs` rounds in which every contender
 * runs once, the order rotating from round to round. On a shared machine the load drifts over
 * minutes; interleaving exposes all contenders to the same drift, and `pairedRatio` compares them
 * round by round.
 *
 * @example
 *   const t = await measureInterleaved({ lkjip: () => readTables(f), floor: () => tool('pdftotext', [f, '-']) }, 5);
 *   pairedRatio(t.lkjip, t.floor); // e.g. 9.8
 */
export async function measureInterleaved<K extends string>(fns: Record<K, () => Promise<unknown>>, runs: number): Promise<Record<K, Timing>> {
  const keys = Object.keys(fns) as K[];
  const warmups = new Map<K, number>();
  for (const k of keys) warmups.set(k, await seconds(fns[k]));
  const times = new Map<K, number[]>(keys.map((k) => [k, []]));
  for (let round = 0; round < runs; round++) {
    for (let i = 0; i < keys.length; i++) {
      const k = keys[(i + round) % keys.length]!;
      times.get(k)!.push(await seconds(fns[k]));
    }
  }
  return Object.fromEntries(keys.map((k) => [k, { warmup: warmups.get(k)!, runs: times.get(k)!, median: median(times.get(k)!) }])) as Record<K, Timing>;
}

/**
 * Median of the round-by-round ratios of two interleaved timings (falls back to the ratio of medians
 * when the run counts differ).
 *
 * @example
 *   pairedRatio({ warmup: 0, runs: [2, 4, 3], median: 3 }, { warmup: 0, runs: [1, 2, 1], median: 1 }); // 2
 */
export function pairedRatio(a: Timing, b: Timing): number {
  if (a.runs.length !== b.runs.length || !a.runs.length) return a.median / b.median;
  return median(a.runs.map((t, i) => t / b.runs[i]!));
}
