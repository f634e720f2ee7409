// The web page in headless Chromium: drop a seed PDF, watch it processed, open a finding on its page,
// ask a question and follow a citation. Skipped, saying why, where Debian's chromium is missing.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChatAnswerer } from '../../src/server/chat.js';
import { startServer, type Answerer, type RunningServer } from '../../src/server/index.js';
import { createMemoryStore } from '../../src/store/index.js';

const CHROMIUM = process.env.LKJIP_CHROMIUM ?? '/usr/bin/chromium';
const SEED = 'samples/003_eded5028092eddcb.pdf';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) console.warn(`e2e skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set LKJIP_CHROMIUM)`);

const chat = createChatAnswerer();

/**
 * The real answerer, but for one probe question whose answer carries markup that must show as text
 * (a report's own text reaches answers the same way).
 */
const answerer: Answerer = async (input) => {
  if (!input.question.includes('probe')) return chat(input);
  const f = input.result.findings[0]!;
  const c = f.citations[0]!;
  return {
    answer: `<img src=x onerror="window.__xss=1">${f.check} [${f.id}]`,
    citations: [{ id: f.id, kind: 'finding', page: c.page, table: c.table ?? null, row: c.row ?? null, ...(c.bbox ? { bbox: c.bbox } : {}), highlights: c.bbox ? [{ page: c.page, bbox: c.bbox }] : [] }],
    findingIds: [f.id],
  };
};

describe.skipIf(!HAVE_CHROMIUM)('web page in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let profile: string;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startServer({ store: createMemoryStore(), pipeline: { ocr: 'off' }, answerer, log: () => undefined });
    profile = mkdtempSync(path.join(os.tmpdir(), 'lkjip-chromium-'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('uploads by drag and drop, shows the findings, highlights a finding on its page and answers with citations', async () => {
    await page.goto(server.url);
    await expect.poll(() => page.textContent('#drop-hint')).toBe('Tarik berkas PDF LKjIP ke sini, atau pilih berkas');

    // Drop the seed PDF on the zone, as a user dragging it from a file manager.
    const b64 = readFileSync(SEED).toString('base64');
    const dt = await page.evaluateHandle((data) => {
      const bytes = Uint8Array.from(atob(data), (ch) => ch.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], '003_eded5028092eddcb.pdf', { type: 'application/pdf' }));
      return transfer;
    }, b64);
    await page.dispatchEvent('#dropzone', 'drop', { dataTransfer: dt });

    // Progress shows while the report is processed, then the findings.
    await page.waitForSelector('.doc-item');
    await page.waitForSelector('.finding', { timeout: 110_000 });
    const total = await page.locator('.finding').count();
    expect(total).toBeGreaterThan(5);
    expect(await page.textContent('#doc-title')).toContain('Kecamatan Dumai Barat');
    expect(await page.isHidden('#progress')).toBe(true);

    // Filters.
    await page.selectOption('#filter-severity', 'error');
    const errorsOnly = await page.locator('.finding').count();
    expect(errorsOnly).toBeLessThan(total);
    expect(await page.locator('.finding:not(.sev-error)').count()).toBe(0);
    const check = await page.locator('.finding').first().getAttribute('data-check');
    await page.selectOption('#filter-check', check!);
    expect(await page.locator(`.finding:not([data-check="${check}"])`).count()).toBe(0);

    // A finding opens its page with the cited cell highlighted over the rendered canvas.
    const first = page.locator('.finding').first();
    const pages = (await first.locator('.pages').textContent())!;
    await first.click();
    await page.waitForSelector('#highlights .hl');
    const shown = Number(await page.getAttribute('#page-canvas', 'data-page'));
    expect(pages).toContain(String(shown));
    const canvas = await page.locator('#page-canvas').boundingBox();
    const hl = await page.locator('#highlights .hl').first().boundingBox();
    expect(canvas!.width).toBeGreaterThan(300);
    expect(hl!.width).toBeGreaterThan(2);
    expect(hl!.x).toBeGreaterThanOrEqual(canvas!.x - 4);
    expect(hl!.x + hl!.width).toBeLessThanOrEqual(canvas!.x + canvas!.width + 4);
    expect(hl!.y).toBeGreaterThanOrEqual(canvas!.y - 4);
    // The canvas has been painted (not blank white).
    const painted = await page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('#page-canvas')!;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let dark = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i]! < 128) dark++;
      return dark;
    });
    expect(painted).toBeGreaterThan(1000);
    await expect.poll(() => page.locator('#finding-detail').isVisible()).toBe(true);

    // Switch the language: the finding messages follow.
    const msgId = await page.locator('.finding .msg').first().textContent();
    await page.click('#lang-toggle');
    await expect.poll(() => page.textContent('#drop-hint')).toBe('Drop an LKjIP PDF here, or choose a file');
    expect(await page.locator('.finding .msg').first().textContent()).not.toBe(msgId);

    // Ask: the answer cites findings; a citation opens its page with the cell highlighted.
    await page.selectOption('#filter-severity', '');
    await page.selectOption('#filter-check', '');
    await page.click('#page-next');
    await page.fill('#chat-input', 'Which capaian figures are miscalculated?');
    await page.click('#chat-send');
    const answer = page.locator('.chat-msg.assistant').last();
    await answer.waitFor();
    expect(await answer.locator('.answer').textContent()).toMatch(/capaian/i);
    const cite = answer.locator('.answer .cite').first();
    const citedPage = Number(await cite.getAttribute('data-page'));
    await cite.click();
    await expect.poll(async () => Number(await page.getAttribute('#page-canvas', 'data-page'))).toBe(citedPage);
    await page.waitForSelector('#highlights .hl');
    expect(await page.locator('.finding.selected').count()).toBe(1);
    expect(await answer.locator('.sources .chip').count()).toBeGreaterThan(0);

    // Markup in an answer is shown as text and never runs.
    await page.fill('#chat-input', 'probe');
    await page.click('#chat-send');
    const probe = page.locator('.chat-msg.assistant').nth(1);
    await probe.waitFor();
    expect(await probe.textContent()).toContain('<img src=x onerror=');
    expect(await probe.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

    expect(errors).toEqual([]);
  });
});
