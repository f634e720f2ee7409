// The bad-input corpus through the CLI: each file ends with its coded outcome, within a time and a
// memory bound, and never with a stack trace.
import { execFile } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ocrAvailable, rasterDpi } from '../../src/ingest/ocr.js';
import { AuditResult } from '../../src/model/report.js';
import { hugeScannedPage } from '../../scripts/badinput/make.js';
import { corpus, lkjip, MEMORY_BOUND_MB, TIME_BOUND_MS } from './helpers.js';

const { dir, cases } = await corpus();
const ocr = await ocrAvailable();

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
    expect(r.peakMB).toBeLessThan(MEMORY_BOUND_MB);
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

describe('lkjip ask and chat on bad input', () => {
  const slow = ['--max-page-ops', '100000000', '--page-timeout', '1'];

  it('ask reads within the limits given and names the page it left unread', async () => {
    const r = await lkjip(['ask', `${dir}/many-operators.pdf`, 'Berapa jumlah program?', ...slow]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning W_LIMIT_TIME \(page 2\)/);
    expect(r.ms).toBeLessThan(TIME_BOUND_MS);
    expect(r.peakMB).toBeLessThan(MEMORY_BOUND_MB);
  });

  it('chat does the same before its first question', async () => {
    const r = await lkjip(['chat', `${dir}/many-operators.pdf`, ...slow], { input: '/quit\n' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning W_LIMIT_TIME \(page 2\)/);
    expect(r.stdout).toMatch(/^lkjip chat/);
    expect(r.ms).toBeLessThan(TIME_BOUND_MS);
    expect(r.peakMB).toBeLessThan(MEMORY_BOUND_MB);
  });

  it('refuses a limit that is not a positive number', async () => {
    const r = await lkjip(['ask', `${dir}/text-only.pdf`, 'Berapa?', '--page-timeout', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^lkjip: E_BAD_ARGUMENT: --page-timeout/);
  });
});

describe('odd names and sizes', () => {
  it('opens a file whose name is not valid UTF-8, as the shell gives it', async () => {
    const name = Buffer.concat([Buffer.from(path.join(dir, 'laporan-')), Buffer.from([0xff, 0xfe]), Buffer.from('.pdf')]);
    copyFileSync(`${dir}/text-only.pdf`, name);
    // printf hands node the raw bytes, as a terminal would.
    const t = performance.now();
    const { stdout } = await promisify(execFile)('bash', ['-c', `node bin/lkjip.js tables --format json "$(printf '${dir}/laporan-\\xff\\xfe.pdf')"`], { timeout: TIME_BOUND_MS });
    expect((JSON.parse(stdout) as { pageCount: number }).pageCount).toBe(3);
    expect(performance.now() - t).toBeLessThan(TIME_BOUND_MS);
  });

  it('rasters a page too large for 300 dpi at a resolution that fits', () => {
    expect(rasterDpi(300, { width: 595, height: 842 })).toBe(300);
    expect(rasterDpi(300, { width: 14400, height: 14400 })).toBe(38);
    expect(rasterDpi(300, { width: 2384, height: 3370 })).toBeLessThan(300);
  });

  it.skipIf(!ocr.ok)('reads a 14,400-pt scanned page at its real size, not as a 1 px raster', async () => {
    writeFileSync(`${dir}/huge-page.pdf`, hugeScannedPage());
    const r = await lkjip(['tables', `${dir}/huge-page.pdf`, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.ms).toBeLessThan(TIME_BOUND_MS);
    const page = (JSON.parse(r.stdout) as { pages: Array<{ source: string; width: number; height: number }> }).pages[0]!;
    expect(page).toMatchObject({ source: 'ocr', width: 14400, height: 14400 });
    expect(r.peakMB).toBeLessThan(MEMORY_BOUND_MB);
  });
});
