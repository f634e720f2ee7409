// The library's entry points read a PDF within the CLI's bounds: the ingest limits, and the
// per-page time limit of the reader thread, which they use unless told otherwise.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { audit, readReport, readTables } from '../../src/index.js';
import { pdf, textPages } from '../../scripts/badinput/make.js';
import { MEMORY_BOUND_MB, TIME_BOUND_MS } from './helpers.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'lkjip-library-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const flate = (text: string) => ({ dict: '/Filter /FlateDecode', data: new Uint8Array(deflateSync(Buffer.from(text, 'latin1'))) });
// Two pages, the second drawing 3 million path operators: above the default operator limit, and,
// with that limit lifted, seconds of pdf.js work (the 1 s time limit stops it long before).
const file = path.join(dir, 'many-operators.pdf');
writeFileSync(file, pdf([{ content: flate(textPages(1)[0]!) }, { content: flate('0 0 m 1 1 l S\n'.repeat(1_000_000)) }]));
const slow = { limits: { maxPageOperators: 100_000_000, pageTimeoutMs: 1000 } };

const failures = (warnings: Array<{ code: string; page?: number }>) => warnings.filter((w) => w.page !== undefined).map((w) => [w.code, w.page]);

/** Runs `fn` and checks it ended within the time bound, and the process (reader threads included) within the memory bound. */
async function bounded<T>(fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const out = await fn();
  expect(performance.now() - t).toBeLessThan(TIME_BOUND_MS);
  // The peak resident memory of this test process so far, its threads included.
  expect(process.resourceUsage().maxRSS / 1024).toBeLessThan(MEMORY_BOUND_MB);
  return out;
}

describe('the library within the ingest limits', () => {
  it('readTables stops a page that takes longer than the page time limit and keeps the others', async () => {
    const layout = await bounded(() => readTables(file, slow));
    expect(failures(layout.warnings)).toEqual([['W_LIMIT_TIME', 2]]);
    expect(layout.pages.map((p) => `${p.page}:${p.source}`)).toEqual(['1:text', '2:unread']);
  }, 60_000);

  it('readReport and audit do the same', async () => {
    const report = await bounded(() => readReport(file, slow));
    expect(failures(report.warnings)).toEqual([['W_LIMIT_TIME', 2]]);
    const result = await bounded(() => audit(file, slow));
    expect(failures(result.report.warnings)).toEqual([['W_LIMIT_TIME', 2]]);
  }, 60_000);

  it('applies the default limits when none are given', async () => {
    const result = await bounded(() => audit(file));
    expect(failures(result.report.warnings)).toEqual([['W_LIMIT_OPERATORS', 2]]);
  }, 60_000);
});
