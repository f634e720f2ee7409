// The bad-input corpus through `lkjip batch`: one result per file with its coded outcome, the
// failed pages in the summary, the whole run within a time and a memory bound.
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resultNames } from '../../src/pipeline/batch.js';
import { corpus, lkjip, MEMORY_BOUND_MB, TIME_BOUND_MS } from './helpers.js';

const { dir, cases } = await corpus();

describe('lkjip batch on bad input', () => {
  it('writes each file its coded result and lists the unread pages in the summary', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'lkjip-bad-out-'));
    const r = await lkjip(['batch', dir, '--out', out, '--concurrency', '2', '--no-ocr']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.ms).toBeLessThan(TIME_BOUND_MS * 2);
    expect(r.peakMB).toBeLessThan(MEMORY_BOUND_MB);
    const names = resultNames(cases.map((c) => c.name));
    const csv = readFileSync(path.join(out, 'summary.csv'), 'utf8').trim().split('\n');
    const head = cells(csv[0]!);
    const rows = new Map(csv.slice(1).map((line) => [cells(line)[0]!, cells(line)]));
    cases.forEach((c, i) => {
      const result = JSON.parse(readFileSync(path.join(out, names[i]!), 'utf8')) as { error?: { code: string }; report?: { warnings: Array<{ code: string; page?: number }> } };
      const row = rows.get(c.name)!;
      if (c.expect.kind === 'error') {
        expect(result.error?.code, c.name).toBe(c.expect.code);
        expect(row[head.indexOf('failure')], c.name).toMatch(new RegExp(`^${c.expect.code}`));
      } else {
        expect(result.error, c.name).toBeUndefined();
        const unread = c.expect.warnings.map((w) => `${w.page} ${w.code}`).join('; ');
        expect(row[head.indexOf('unread pages')] ?? '', c.name).toBe(unread);
      }
    });
  });
});

/** The cells of one CSV line (no line breaks inside cells here). */
function cells(line: string): string[] {
  return [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"'));
}
