/**
 * Whole-process figures: what a user waits for, start-up included. Spawns the compiled CLI
 * (`node bin/lkjip.js`, after `npm run build`) for `--help`, and for `tables` and `audit` on each
 * sample as a user runs them (OCR included), beside `node -e 0` and `pdftotext -layout` on the same
 * file measured in the same rounds, with each process's peak memory (maximum resident set size,
 * from GNU time). The `tables` and `audit` sections measure the same work in-process, start-up left
 * out.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { available, fmtRatio, fmtSeconds, measureInterleaved, pairedRatio, type Timing } from './lib/measure.js';
import type { BenchContext, BenchSection, Cell, SectionResult } from './lib/types.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const GNU_TIME = '/usr/bin/time';

/** A command and the peak memory of each of its runs (warm-up included), in MiB. */
export interface Contender {
  cmd: string;
  args: string[];
  peaks: number[];
}

/**
 * Runs a command with its output discarded, as `/usr/bin/time -f %M …` when `gnuTime`, recording
 * the peak resident set size; rejects on a non-zero exit.
 */
export function runOnce(c: Contender, gnuTime: boolean): Promise<void> {
  const [cmd, args] = gnuTime ? [GNU_TIME, ['-f', 'peak-kib %M', c.cmd, ...c.args]] : [c.cmd, c.args];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${c.cmd} ${c.args.join(' ')} exited ${code}: ${stderr.trim().slice(-500)}`));
      const kib = /peak-kib (\d+)\s*$/.exec(stderr);
      if (kib) c.peaks.push(Number(kib[1]) / 1024);
      resolve();
    });
  });
}

export function contender(cmd: string, args: string[]): Contender {
  return { cmd, args, peaks: [] };
}

export const lkjip = (...args: string[]): Contender => contender(process.execPath, ['bin/lkjip.js', ...args]);

/** Times contenders interleaved, round by round (see measureInterleaved). */
async function race<K extends string>(contenders: Record<K, Contender>, runs: number, gnuTime: boolean): Promise<Record<K, Timing>> {
  const fns = Object.fromEntries(Object.entries<Contender>(contenders).map(([k, c]) => [k, () => runOnce(c, gnuTime)])) as Record<K, () => Promise<void>>;
  return measureInterleaved(fns, runs);
}

const peak = (c: Contender): string => (c.peaks.length ? Math.max(...c.peaks).toFixed(0) : '—');

/**
 * `npm run build`, so that `node bin/lkjip.js` runs the compiled CLI of the sources as they are.
 *
 * @example
 *   await buildCli(ctx);
 */
export async function buildCli(ctx: BenchContext, section: string): Promise<void> {
  ctx.log(`${section}: npm run build (the figures are the compiled CLI's)`);
  await runOnce(contender(process.execPath, ['scripts/build.js']), false);
  if (!existsSync(`${ROOT}dist/cli/main.js`)) throw new Error('the build made no dist/cli/main.js');
}

export const processBench: BenchSection = {
  name: 'process',
  async run(ctx: BenchContext): Promise<SectionResult> {
    const notes: string[] = [];
    await buildCli(ctx, 'process');
    const gnuTime = await available(GNU_TIME, ['-f', '%M', 'true']);
    if (!gnuTime) notes.push(`${GNU_TIME} not found (Debian package time): no peak memory`);
    const poppler = await available('pdftotext', ['-v']);
    if (!poppler) notes.push('pdftotext not found (Debian package poppler-utils): no floor for tables and audit');

    const rows: Record<string, Cell>[] = [];
    const raw: Record<string, unknown> = {};
    ctx.log('process: lkjip --help against node -e 0');
    const start = { help: lkjip('--help'), node: contender(process.execPath, ['-e', '0']) };
    const t = await race(start, ctx.runs, gnuTime);
    raw.help = { timings: t, peaks: { help: start.help.peaks, node: start.node.peaks } };
    rows.push({
      sample: '—',
      command: 'lkjip --help',
      pages: '—',
      's': fmtSeconds(t.help.median),
      'peak MiB': peak(start.help),
      floor: 'node -e 0',
      'floor s': fmtSeconds(t.node.median),
      'floor MiB': peak(start.node),
      '×floor': fmtRatio(pairedRatio(t.help, t.node)),
    });

    for (const s of ctx.samples) {
      ctx.log(`process: tables and audit on ${s.name} (${s.pageCount} pages), pdftotext -layout beside them`);
      const c = {
        tables: lkjip('tables', s.file),
        audit: lkjip('audit', s.file),
        ...(poppler ? { pdftotext: contender('pdftotext', ['-layout', s.file, '-']) } : {}),
      } as Record<'tables' | 'audit' | 'pdftotext', Contender>;
      const m = await race(c, ctx.runs, gnuTime);
      raw[s.name] = { timings: m, peaks: Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.peaks])) };
      const floor = poppler ? m.pdftotext : undefined;
      for (const [cmd, label] of [['tables', 'tables'], ['audit', 'audit']] as const) {
        rows.push({
          sample: s.name.slice(0, 3),
          command: `lkjip ${label}`,
          pages: s.pageCount,
          's': fmtSeconds(m[cmd].median),
          'peak MiB': peak(c[cmd]),
          floor: floor ? 'pdftotext -layout' : '—',
          'floor s': floor ? fmtSeconds(floor.median) : '—',
          'floor MiB': floor ? peak(c.pdftotext) : '—',
          '×floor': floor ? fmtRatio(pairedRatio(m[cmd], floor)) : '—',
        });
      }
      notes.push(`${s.name}: whole-process audit/tables ${fmtRatio(pairedRatio(m.audit, m.tables))}`);
      if (s.imagePages.length) notes.push(`${s.name}: lkjip OCRs p.${s.imagePages.join(',')}; pdftotext reads the text layer only`);
    }
    notes.push('whole processes, start-up included: `node bin/lkjip.js` on the compiled dist/, output discarded; times are medians, ×floor the median of round-by-round ratios (run interleaved); peak MiB is the largest maximum resident set over the runs');
    return { columns: ['sample', 'command', 'pages', 's', 'peak MiB', 'floor', 'floor s', 'floor MiB', '×floor'], rows, notes, raw };
  },
};
