/**
 * `npm run eval [-- <name>…]`: runs the scorers, prints a summary per document and writes each
 * report to `evals/out/<name>.json`. Exits 0 whatever the scores (evals measure, they do not gate
 * CI); 1 only when a scorer crashes or an unknown name is asked for.
 *
 * A new scorer is a module exporting a `Scorer` ({ name, run() }) added to `SCORERS` below.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { ROOT } from './lib/seeds.js';
import type { Metrics, ScoreReport, Scorer } from './lib/report.js';
import { findingsScorer } from './findings.js';
import { chatScorer } from './chat/index.js';
import { chatSetScorer } from './chat/set.js';
import { corpusScorer } from './corpus.js';
import { modelScorer } from './model.js';
import { tablesScorer } from './tables.js';

/** Run in this order; later: model extraction, findings, chat. */
export const SCORERS: readonly Scorer[] = [tablesScorer, modelScorer, findingsScorer, corpusScorer, chatScorer, chatSetScorer];

function formatMetrics(m: Metrics): string {
  return Object.entries(m)
    .map(([k, v]) => `${k}=${Number.isInteger(v) ? v : Number.isFinite(v) ? v.toFixed(4) : '—'}`)
    .join(' ');
}

function print(report: ScoreReport, seconds: number): void {
  console.log(`\n== ${report.name} (${seconds.toFixed(1)} s) ==`);
  for (const d of report.documents) {
    console.log(`\n${d.doc}`);
    for (const line of d.lines) console.log(`  ${line}`);
  }
  if (report.lines?.length) {
    console.log('');
    for (const line of report.lines) console.log(line);
  }
  console.log(`totals: ${formatMetrics(report.totals)}`);
}

async function main(): Promise<number> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = wanted.filter((w) => !SCORERS.some((s) => s.name === w));
  if (unknown.length) {
    console.error(`unknown scorer(s): ${unknown.join(', ')}; known: ${SCORERS.map((s) => s.name).join(', ')}`);
    return 1;
  }
  const scorers = wanted.length ? SCORERS.filter((s) => wanted.includes(s.name)) : SCORERS;
  const outDir = `${ROOT}evals/out`;
  await mkdir(outDir, { recursive: true });
  let crashed = 0;
  for (const scorer of scorers) {
    const started = performance.now();
    try {
      const report = await scorer.run();
      const seconds = (performance.now() - started) / 1000;
      print(report, seconds);
      const meta = { ranAt: new Date().toISOString(), seconds, node: process.version, platform: `${os.platform()}-${os.arch()}` };
      await writeFile(`${outDir}/${report.name}.json`, JSON.stringify({ ...meta, ...report }, null, 2) + '\n');
      console.log(`written evals/out/${report.name}.json`);
    } catch (err) {
      crashed++;
      console.error(`\n== ${scorer.name}: CRASHED ==`);
      console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    }
  }
  return crashed ? 1 : 0;
}

process.exitCode = await main();
