// The bad-input corpus through the CLI: each file ends with its coded outcome, within a time and a
// memory bound, and never with a stack trace.
import { describe, expect, it } from 'vitest';
import { AuditResult } from '../../src/model/report.js';
import { corpus, lkjip, MEMORY_BOUND_MB, TIME_BOUND_MS } from './helpers.js';

const { dir, cases } = await corpus();

describe('lkjip audit on bad input', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    const r = await lkjip(['audit', `${dir}/${name}`, '--format', 'json', '--no-ocr']);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.ms).toBeLessThan(TIME_BOUND_MS);
    expect(r.peakMB).toBeLessThan(MEMORY_BOUND_MB);
    if (c.expect.kind === 'error') {
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^lkjip: ${c.expect.code}: `));
      return;
    }
    expect(r.code).toBe(0);
    const result = AuditResult.parse(JSON.parse(r.stdout));
    const failed = result.report.warnings.filter((w) => w.page !== undefined && /^(E_PAGE_FAILED|W_LIMIT_)/.test(w.code));
    // Exactly one warning per failed page, with its code, and on stderr too.
    expect(failed.map((w) => ({ code: w.code, page: w.page }))).toEqual(c.expect.warnings);
    for (const w of failed) expect(r.stderr).toContain(`warning ${w.code} (page ${w.page})`);
  });

  it('stops a page that takes longer than --page-timeout and reads the next one', async () => {
    const r = await lkjip(['tables', `${dir}/many-operators.pdf`, '--format', 'json', '--max-page-ops', '100000000', '--page-timeout', '1']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning W_LIMIT_TIME \(page 2\)/);
    const layout = JSON.parse(r.stdout) as { pages: Array<{ page: number; source: string }> };
    expect(layout.pages.map((p) => `${p.page}:${p.source}`)).toEqual(['1:text', '2:unread']);
    expect(r.ms).toBeLessThan(TIME_BOUND_MS);
  });

  it('refuses a limit that is not a positive number', async () => {
    const r = await lkjip(['audit', `${dir}/text-only.pdf`, '--max-stream-mb', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^lkjip: E_BAD_ARGUMENT: --max-stream-mb/);
  });
});
