// OCR of an image-only page is under the per-page time limit (OCR_TIME_FACTOR × --page-timeout) in
// the CLI, the library, server jobs and batch: a page whose OCR hangs is reported unread with
// W_LIMIT_TIME, its tesseract is killed, and the other pages (text and scanned) are still read; a
// document whose every page hangs is E_PDF_UNREADABLE. The hang is a stand-in tesseract
// (LKJIP_TESSERACT) that never finishes the pages it is told to; the other pages go to the real one.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { audit, readTables } from '../../src/index.js';
import { ocrAvailable } from '../../src/ingest/ocr.js';
import { OCR_TIME_FACTOR } from '../../src/ingest/scan.js';
import { AppError } from '../../src/errors.js';
import { resultNames } from '../../src/pipeline/batch.js';
import { ComputeThreads } from '../../src/pipeline/thread.js';
import { DocumentView } from '../../src/server/schemas.js';
import { scannedReport } from '../../scripts/badinput/make.js';
import { settle, start, upload } from '../server/helpers.js';
import { hangingTesseract, killAll, lkjip, MEMORY_BOUND_MB, probeHealth, survivors } from './helpers.js';

const ocr = await ocrAvailable();
const dir = mkdtempSync(path.join(os.tmpdir(), 'lkjip-ocr-limit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** --page-timeout for these runs: OCR gets 4 × 4 s, several times what the scanned page below needs. */
const PAGE_TIMEOUT_S = 4;
const OCR_BUDGET_MS = OCR_TIME_FACTOR * PAGE_TIMEOUT_S * 1000;
/** A run must end within the budget of the hung page and this much more (start-up, the other pages). */
const SLACK_MS = 30_000;

// slow-ocr.pdf: page 1 text, pages 2 and 3 scans; page 3's OCR hangs. all-hang.pdf: one scan that hangs.
const slow = path.join(dir, 'slow-ocr.pdf');
const allHang = path.join(dir, 'all-hang.pdf');
let hang: Awaited<ReturnType<typeof hangingTesseract>>;
beforeAll(async () => {
  if (!ocr.ok) return;
  writeFileSync(slow, await scannedReport(3, [2, 3]));
  writeFileSync(allHang, await scannedReport(1, [1]));
  hang = await hangingTesseract(dir, [1, 3]);
});

/** Each test: the stand-in did hang (so the limit was met), and no hung tesseract is left running. */
async function expectNoneLeft(): Promise<void> {
  const { started, alive } = await survivors(hang.pids);
  killAll(alive);
  expect(started).toBeGreaterThan(0);
  expect(alive).toEqual([]);
}
afterEach(() => {
  if (ocr.ok) rmSync(hang.pids, { force: true });
});

const failures = (warnings: Array<{ code: string; page?: number }>) => warnings.filter((w) => w.page !== undefined).map((w) => [w.code, w.page]);

describe.skipIf(!ocr.ok)('OCR within the per-page time limit', () => {
  it('CLI: a page whose OCR hangs is W_LIMIT_TIME, its tesseract killed, the text and scanned pages around it read', async () => {
    const r = await lkjip(['tables', slow, '--format', 'json', '--page-timeout', String(PAGE_TIMEOUT_S)], { env: hang.env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning W_LIMIT_TIME \(page 3\): Page 3 could not be read: its OCR was stopped after 16 s, 4 × the per-page time limit/);
    const layout = JSON.parse(r.stdout) as { pages: Array<{ page: number; source: string }>; paragraphs: Array<{ page: number; text: string }>; warnings: Array<{ code: string; page?: number; stage?: string }> };
    expect(layout.pages.map((p) => `${p.page}:${p.source}`)).toEqual(['1:text', '2:ocr', '3:unread']);
    expect(layout.paragraphs.find((p) => p.page === 2)?.text).toMatch(/Halaman 2/);
    expect(layout.warnings.filter((w) => w.page !== undefined).map((w) => [w.code, w.page, w.stage])).toEqual([['W_LIMIT_TIME', 3, 'ocr']]);
    expect(r.ms).toBeGreaterThan(OCR_BUDGET_MS);
    expect(r.ms).toBeLessThan(OCR_BUDGET_MS + SLACK_MS);
    expect(r.peakMB).toBeLessThan(MEMORY_BOUND_MB);
    await expectNoneLeft();
  });

  it('CLI: a document whose only page hangs in OCR is E_PDF_UNREADABLE', async () => {
    const r = await lkjip(['audit', allHang, '--format', 'json', '--page-timeout', String(PAGE_TIMEOUT_S)], { env: hang.env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^lkjip: E_PDF_UNREADABLE: No page of the PDF could be read \(its OCR was stopped after 16 s/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.ms).toBeLessThan(OCR_BUDGET_MS + SLACK_MS);
    expect(r.peakMB).toBeLessThan(MEMORY_BOUND_MB);
    await expectNoneLeft();
  });

  it('library: readTables and audit (reader thread by default) stop the hung page and go on', async () => {
    const before = process.env.LKJIP_TESSERACT;
    process.env.LKJIP_TESSERACT = hang.env.LKJIP_TESSERACT;
    try {
      const limits = { pageTimeoutMs: PAGE_TIMEOUT_S * 1000 };
      const t = performance.now();
      const layout = await readTables(slow, { limits });
      expect(performance.now() - t).toBeLessThan(OCR_BUDGET_MS + SLACK_MS);
      expect(failures(layout.warnings)).toEqual([['W_LIMIT_TIME', 3]]);
      expect(layout.pages.map((p) => `${p.page}:${p.source}`)).toEqual(['1:text', '2:ocr', '3:unread']);
      await expectNoneLeft();
      rmSync(hang.pids, { force: true });
      const u = performance.now();
      await expect(audit(allHang, { limits })).rejects.toMatchObject({ code: 'E_PDF_UNREADABLE', context: { stage: 'ingest', file: allHang } });
      expect(performance.now() - u).toBeLessThan(OCR_BUDGET_MS + SLACK_MS);
      await expectNoneLeft();
    } finally {
      if (before === undefined) delete process.env.LKJIP_TESSERACT;
      else process.env.LKJIP_TESSERACT = before;
    }
  });

  it('server: the jobs end with the page unread and the document failed, while health answers', async () => {
    const before = process.env.LKJIP_TESSERACT;
    process.env.LKJIP_TESSERACT = hang.env.LKJIP_TESSERACT;
    const s = await start({ pipeline: { ocr: 'auto', limits: { pageTimeoutMs: PAGE_TIMEOUT_S * 1000 } }, limits: { concurrency: 2 } });
    try {
      const started = performance.now();
      const ids = await Promise.all(
        [slow, allHang].map(async (f) => {
          const res = await upload(s.url, { name: path.basename(f), bytes: readFileSync(f) });
          expect(res.status).toBe(202);
          return DocumentView.parse(await res.json()).id;
        }),
      );
      const probe = probeHealth(s.url, 100);
      const settled = await Promise.allSettled(ids.map(async (id) => DocumentView.parse(await settle(s.url, id, {}, OCR_BUDGET_MS + SLACK_MS))));
      const health = await probe.stop();
      const [done, failed] = settled.map((r) => {
        if (r.status === 'rejected') throw r.reason as Error;
        return r.value;
      });
      expect(performance.now() - started).toBeLessThan(OCR_BUDGET_MS + SLACK_MS);
      expect(done!.status).toBe('done');
      expect(done!.summary?.unread.map((u) => [u.code, u.page])).toEqual([['W_LIMIT_TIME', 3]]);
      expect(done!.summary?.unread[0]?.message).toMatch(/OCR was stopped after 16 s/);
      expect([failed!.status, failed!.error?.code]).toEqual(['failed', 'E_PDF_UNREADABLE']);
      expect(health.p99).toBeLessThan(1000);
      expect(health.peakMB).toBeLessThan(MEMORY_BOUND_MB);
      await expectNoneLeft();
    } finally {
      await s.close();
      if (before === undefined) delete process.env.LKJIP_TESSERACT;
      else process.env.LKJIP_TESSERACT = before;
    }
  });

  it('a compute thread ended by its job\'s timeout (queue worker, server) kills the tesseract it waits on', async () => {
    const before = process.env.LKJIP_TESSERACT;
    process.env.LKJIP_TESSERACT = hang.env.LKJIP_TESSERACT;
    const threads = new ComputeThreads();
    try {
      const stop = new AbortController();
      // The page's own limit (4 × 60 s) is far off: the job's 12 s stops the thread first.
      const timer = setTimeout(() => stop.abort(new AppError('E_TIMEOUT', 'Timed out after 12 s', { stage: 'queue', file: slow })), 12_000);
      const t = performance.now();
      await expect(threads.compute(slow, { ocr: 'auto', ocrConcurrency: 2, limits: { pageTimeoutMs: 60_000 }, isolate: true, signal: stop.signal })).rejects.toMatchObject({ code: 'E_TIMEOUT' });
      clearTimeout(timer);
      expect(performance.now() - t).toBeLessThan(12_000 + SLACK_MS);
      await expectNoneLeft();
    } finally {
      await threads.close();
      if (before === undefined) delete process.env.LKJIP_TESSERACT;
      else process.env.LKJIP_TESSERACT = before;
    }
  });

  it('batch: the summary lists the page unread, the hung-only file is its error', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'lkjip-ocr-limit-out-'));
    try {
      const r = await lkjip(['batch', dir, '--out', out, '--concurrency', '2', '--page-timeout', String(PAGE_TIMEOUT_S)], { env: hang.env });
      expect(r.code, r.stderr).toBe(0);
      expect(r.ms).toBeLessThan(OCR_BUDGET_MS + SLACK_MS);
      expect(r.peakMB).toBeLessThan(MEMORY_BOUND_MB);
      const [slowName, hangName] = resultNames([path.basename(slow), path.basename(allHang)]);
      const slowResult = JSON.parse(readFileSync(path.join(out, slowName!), 'utf8')) as { report: { warnings: Array<{ code: string; page?: number }> } };
      expect(failures(slowResult.report.warnings)).toEqual([['W_LIMIT_TIME', 3]]);
      const hangResult = JSON.parse(readFileSync(path.join(out, hangName!), 'utf8')) as { error?: { code: string; interrupted?: boolean } };
      expect(hangResult.error).toMatchObject({ code: 'E_PDF_UNREADABLE' });
      expect(hangResult.error?.interrupted).toBeUndefined();
      const csv = readFileSync(path.join(out, 'summary.csv'), 'utf8');
      expect(csv).toMatch(/slow-ocr\.pdf,.*3 W_LIMIT_TIME/);
      await expectNoneLeft();
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('batch: a file stopped by --timeout while its OCR hangs takes its tesseract with its worker', async () => {
    const one = await mkdtemp(path.join(os.tmpdir(), 'lkjip-ocr-timeout-'));
    const out = path.join(one, 'out');
    try {
      writeFileSync(path.join(one, 'slow-ocr.pdf'), readFileSync(slow));
      // The page's own limit (4 × 60 s) is far off: the batch's 15 s per file stops the worker first.
      const r = await lkjip(['batch', one, '--out', out, '--timeout', '15', '--page-timeout', '60'], { env: hang.env });
      expect(r.code, r.stderr).toBe(0);
      expect(r.ms).toBeLessThan(15_000 + SLACK_MS);
      const result = JSON.parse(readFileSync(path.join(out, 'slow-ocr.json'), 'utf8')) as { error?: { code: string; interrupted?: boolean } };
      expect(result.error).toMatchObject({ code: 'E_TIMEOUT', interrupted: true });
      await expectNoneLeft();
    } finally {
      rmSync(one, { recursive: true, force: true });
    }
  });
});
