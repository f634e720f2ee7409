// The auditor's workbench in headless Chromium, desktop (1440×900) and phone (390×844): keyboard
// upload, review statuses and notes that survive a server restart (SQLite in a temporary folder),
// the sent-on HTML report with its page pictures, exports that follow the filters and language,
// the viewer (zoom, page number and folio, strip, keys, places, text layer, resize), failed
// uploads, and an axe-core check. Skipped, saying why, where Debian's chromium is missing.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/report.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { auditCached } from '../../src/pipeline/cache.js';
import { createMemoryStore, createSqliteStore, type Progress } from '../../src/store/index.js';

const CHROMIUM = process.env.LKJIP_CHROMIUM ?? '/usr/bin/chromium';
const SEED = 'samples/003_eded5028092eddcb.pdf';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const SHOTS = path.resolve('scratch');
if (!HAVE_CHROMIUM) console.warn(`e2e skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set LKJIP_CHROMIUM)`);

/** WCAG contrast ratio of two `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => Number(v) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/**
 * Waits for the file chooser `act` opens. The wait is registered, and the browser told to catch the
 * chooser, before `act` runs (a key press can otherwise open it before it is caught).
 */
async function chooseFile(page: Page, act: () => Promise<unknown>): Promise<import('playwright-core').FileChooser> {
  const chooser = page.waitForEvent('filechooser');
  await page.evaluate(() => 0);
  await act();
  return chooser;
}

/** axe-core run in the page itself (its source evaluated there, past the page's script policy, as its Playwright wrapper does). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const { violations } = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run());
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** How many pixels of a canvas are not paper white: zero for one never drawn on. */
function inkOf(canvas: import('playwright-core').Locator): Promise<number> {
  return canvas.evaluate((c: HTMLCanvasElement) => {
    if (!c.width || !c.height) return 0;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i + 3]! > 0 && d[i]! < 200) ink++;
    return ink;
  });
}

describe.skipIf(!HAVE_CHROMIUM)('the workbench in headless Chromium', () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let findings: Finding[];
  let docId: string;
  const errors: string[] = [];

  const open = () => createSqliteStore({ path: path.join(dir, 'lkjip.db') });
  const watch = (p: Page) => {
    p.on('pageerror', (e) => errors.push(e.message));
    p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  };
  const selectedId = () => page.getAttribute('.finding[aria-selected=true]', 'data-id');

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'lkjip-workbench-'));
    server = await startServer({ store: open(), pipeline: { ocr: 'off' }, log: () => undefined });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    // The machine may be busy with other tests: waits are generous, results are not.
    context.setDefaultTimeout(90_000);
    page = await context.newPage();
    watch(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close({ closeStore: true });
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('uploads from the keyboard and lists the findings as a listbox with check names', async () => {
    await page.goto(server.url);
    await page.focus('#choose-file');
    const chooser = await chooseFile(page, () => page.keyboard.press('Enter'));
    await chooser.setFiles(SEED);
    await page.waitForSelector('.finding', { timeout: 110_000 });
    docId = (await page.getAttribute('.doc-item', 'data-id'))!;
    findings = ((await (await fetch(`${server.url}/api/documents/${docId}/findings`)).json()) as { findings: Finding[] }).findings;
    expect(await page.locator('.finding').count()).toBe(findings.length);
    expect(await page.getAttribute('#findings', 'role')).toBe('listbox');
    expect(await page.locator('.finding[role=option]').count()).toBe(findings.length);
    // Check names, not ids, in the list and the filter.
    const first = findings[0]!;
    expect(await page.locator('.finding .check').first().textContent()).not.toBe(first.check);
    const options = await page.locator('#filter-check option').evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
    expect(options.filter(([v, text]) => v && v === text)).toEqual([]);

    // Arrow keys move the selection; the page of the selected finding shows with it lit up.
    await page.focus('#findings');
    await page.keyboard.press('ArrowDown');
    await expect.poll(selectedId).toBe(first.id);
    await page.keyboard.press('ArrowDown');
    await expect.poll(selectedId).toBe(findings[1]!.id);
    expect(await page.getAttribute('#findings', 'aria-activedescendant')).toBe(await page.getAttribute('.finding[aria-selected=true]', 'id'));
    await page.waitForSelector('#highlights .hl');
    // Internal table ids appear in no place label, and expected figures are written the Indonesian way.
    expect(await page.textContent('#finding-detail')).not.toMatch(/\btabel t\d+|\bt\d+\.r\d+/);
    const withExpected = findings.find((f) => typeof f.expected?.value === 'number' && !Number.isInteger(f.expected.value));
    if (withExpected) {
      await page.locator(`.finding[data-id="${withExpected.id}"]`).click();
      const shown = await page.locator('#finding-detail .formula').nth(1).textContent();
      expect(shown).not.toContain(String(withExpected.expected!.value));
      expect(shown).toMatch(/^-?[\d.]+(,\d{1,2})?$/);
    }
  });

  it('marks findings confirmed and for follow-up with notes, filters by status, and keeps them after a server restart', async () => {
    const [a, b] = findings;
    await page.locator(`.finding[data-id="${a!.id}"]`).click();
    await page.fill('#review-note', 'Selisih dikonfirmasi dengan bagian keuangan');
    await page.click('.review-set[data-status=confirmed]');
    await expect.poll(() => page.getAttribute('.review-set[data-status=confirmed]', 'aria-pressed')).toBe('true');
    await expect.poll(() => page.textContent(`.finding[data-id="${a!.id}"] .review-badge`)).toBe('Dikonfirmasi');
    await page.locator(`.finding[data-id="${b!.id}"]`).click();
    await page.click('.review-set[data-status=follow-up]');
    await page.fill('#review-note', 'Minta data dukung <b>realisasi</b>');
    await page.click('#review-save');
    await expect.poll(() => page.textContent('#review-said')).toBe('Tinjauan tersimpan.');

    await page.selectOption('#filter-status', 'confirmed');
    expect(await page.locator('.finding').evaluateAll((ns) => ns.map((n) => (n as HTMLElement).dataset.id))).toEqual([a!.id]);
    await page.selectOption('#filter-status', 'open');
    expect(await page.locator('.finding').count()).toBe(findings.length - 2);
    await page.selectOption('#filter-status', '');

    // The server stops and starts again on the same database; the page is opened afresh.
    await server.close({ closeStore: true });
    server = await startServer({ store: open(), pipeline: { ocr: 'off' }, log: () => undefined });
    await page.goto(server.url);
    await page.waitForSelector(`.finding[data-id="${a!.id}"] .review-badge`);
    expect(await page.textContent(`.finding[data-id="${a!.id}"] .review-badge`)).toBe('Dikonfirmasi');
    expect(await page.textContent(`.finding[data-id="${b!.id}"] .review-badge`)).toBe('Perlu tindak lanjut');
    await page.locator(`.finding[data-id="${b!.id}"]`).click();
    expect(await page.inputValue('#review-note')).toBe('Minta data dukung <b>realisasi</b>');
    expect(await page.getAttribute('.review-set[data-status=follow-up]', 'aria-pressed')).toBe('true');
    await page.screenshot({ path: path.join(SHOTS, 'desktop-review.png') });
  });

  it('exports one row per finding following the filters, in the interface language, with statuses and notes', async () => {
    await page.selectOption('#filter-status', 'follow-up');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-download=findings][data-format=csv]')]);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('no,id,pemeriksaan,tingkat,pesan,tercetak,seharusnya,rumus,halaman,lokasi,disebabkan oleh,status tinjauan,catatan');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(findings[1]!.id);
    expect(lines[1]).toContain('Perlu tindak lanjut');
    expect(lines[1]).toContain('Minta data dukung <b>realisasi</b>');
    expect(download.suggestedFilename()).toMatch(/-temuan\.csv$/);
    await page.selectOption('#filter-status', '');
  });

  it('sends on a self-contained HTML report whose page pictures show, and prints it to PDF', async () => {
    await page.selectOption('#filter-status', 'confirmed');
    const [report] = await Promise.all([context.waitForEvent('page'), page.click('button[data-download=report]')]);
    watch(report);
    await report.waitForLoadState('load');
    expect(await report.locator('article.finding').count()).toBe(1);
    expect(await report.textContent('article.finding')).toContain('Selisih dikonfirmasi dengan bagian keuangan');
    expect(await report.textContent('article.finding .status')).toBe('Dikonfirmasi');
    const shots = report.locator('.crop img');
    expect(await shots.count()).toBeGreaterThan(0);
    const sizes = await shots.evaluateAll((imgs) => imgs.map((i) => [(i as HTMLImageElement).naturalWidth, (i as HTMLImageElement).getBoundingClientRect().height]));
    for (const [natural, shown] of sizes) {
      expect(natural).toBeGreaterThan(100);
      expect(shown).toBeGreaterThan(20);
    }
    expect(await report.locator('.crop .mark.cite').first().isVisible()).toBe(true);
    expect(await report.locator('script').count()).toBe(0);
    await report.screenshot({ path: path.join(SHOTS, 'desktop-report.png'), fullPage: true });
    const pdf = await report.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await report.close();
    await page.selectOption('#filter-status', '');
  });

  it('zooms, pages by number, shows the folio, steps through places and findings with keys, keeps highlights, re-renders on resize, and has a text layer', async () => {
    const multi = findings.find((f) => new Set(f.citations.map((c) => c.page)).size > 1)!;
    expect(multi).toBeDefined();
    await page.locator(`.finding[data-id="${multi.id}"]`).click();
    await expect.poll(() => page.textContent('.place-count')).toMatch(new RegExp(`^Lokasi 1 dari ${multi.citations.length}`));
    const firstPage = Number(await page.getAttribute('#page-canvas', 'data-page'));
    expect(firstPage).toBe(multi.citations[0]!.page);
    await page.focus('#page-scroll');
    await page.keyboard.press(']');
    await expect.poll(() => page.textContent('.place-count')).toMatch(new RegExp(`^Lokasi 2 dari ${multi.citations.length}`));
    await expect.poll(async () => Number(await page.getAttribute('#page-canvas', 'data-page'))).toBe(multi.citations[1]!.page);

    // Paging away and back keeps the finding's highlights.
    const cited = multi.citations[1]!.page;
    await page.click('#page-next');
    await expect.poll(async () => Number(await page.getAttribute('#page-canvas', 'data-page'))).toBe(cited + 1);
    await page.click('#page-prev');
    await expect.poll(async () => Number(await page.getAttribute('#page-canvas', 'data-page'))).toBe(cited);
    expect(await page.locator('#highlights .hl:not(.op)').count()).toBeGreaterThan(0);

    // J and K step through the findings.
    const before = await selectedId();
    await page.keyboard.press('j');
    await expect.poll(selectedId).not.toBe(before);
    await page.keyboard.press('k');
    await expect.poll(selectedId).toBe(before);

    // The page number field opens a page; the label shows the count and the printed folio.
    await page.fill('#page-input', '9');
    await page.press('#page-input', 'Enter');
    await expect.poll(async () => Number(await page.getAttribute('#page-canvas', 'data-page'))).toBe(9);
    expect(await page.textContent('#page-label')).toMatch(/^\/ 67 · tercetak viii$/);
    expect(await page.getAttribute('#page-strip [aria-current=page]', 'data-page')).toBe('9');

    // Zoom: steps and fit page.
    const width = async () => (await page.locator('#page-canvas').boundingBox())!.width;
    const fit = await width();
    await page.click('#zoom-in');
    await expect.poll(width).toBeGreaterThan(fit + 20);
    // Space and a drag pan the zoomed page.
    await page.click('#zoom-in');
    await page.focus('#page-scroll');
    const scroll = () => page.evaluate(() => [document.querySelector('#page-scroll')!.scrollLeft, document.querySelector('#page-scroll')!.scrollTop] as const);
    await page.evaluate(() => document.querySelector('#page-scroll')!.scrollTo(200, 200));
    const [left, top] = await scroll();
    const view = (await page.locator('#page-scroll').boundingBox())!;
    await page.keyboard.down('Space');
    await page.mouse.move(view.x + view.width / 2, view.y + view.height / 2);
    await page.mouse.down();
    await page.mouse.move(view.x + view.width / 2 + 80, view.y + view.height / 2 + 60, { steps: 4 });
    await page.mouse.up();
    await page.keyboard.up('Space');
    const [left2, top2] = await scroll();
    expect(left - left2).toBeGreaterThan(40);
    expect(top - top2).toBeGreaterThan(30);
    await page.click('#zoom-page');
    await expect.poll(width).toBeLessThan(fit);
    await page.click('#zoom-width');
    await expect.poll(width).toBeCloseTo(fit, -1);

    // Text can be found and selected on the page.
    const text = await page.locator('#text-layer').textContent();
    expect(text).toContain('JUMLAH'.slice(0, 1));
    expect(await page.locator('#text-layer span').count()).toBeGreaterThan(20);

    // A narrower window renders the page again to its new width.
    await page.setViewportSize({ width: 1100, height: 900 });
    await expect.poll(width).toBeLessThan(fit - 50);
    await page.setViewportSize({ width: 1440, height: 900 });
    await expect.poll(width).toBeCloseTo(fit, -1);
  });

  it('shows page thumbnails, drawn as they come into view, pages with findings flagged; a click or the keys open a page', async () => {
    // A fresh page, so no thumbnail has been drawn before.
    const p = await context.newPage();
    watch(p);
    try {
      await p.goto(server.url);
      await p.waitForSelector('.finding');
      const first = findings[0]!.citations[0]!.page;
      await expect.poll(async () => Number(await p.getAttribute('#page-canvas', 'data-page'))).toBe(first);
      const strip = p.locator('#page-strip');
      const thumb = (n: number) => strip.locator(`.strip-page[data-page="${n}"]`);
      expect(await strip.locator('.strip-page').count()).toBe(67);

      // The thumbnails in sight are drawn, with the page's ink on them; the far end is not drawn yet.
      await expect.poll(() => strip.locator('canvas[data-drawn]').count()).toBeGreaterThan(4);
      await expect.poll(() => inkOf(thumb(first).locator('canvas'))).toBeGreaterThan(50);
      expect(await strip.locator('canvas[data-drawn]').count()).toBeLessThan(40);
      expect(await thumb(67).locator('canvas[data-drawn]').count()).toBe(0);
      expect(await inkOf(thumb(67).locator('canvas'))).toBe(0);
      const box = (await thumb(first).locator('canvas').boundingBox())!;
      expect(box.height).toBeGreaterThan(40);
      expect(box.width).toBeGreaterThan(25);

      // Pages cited by findings are flagged with how many findings cite them, in the spoken name too.
      const perPage = new Map<number, number>();
      for (const f of findings) for (const n of new Set(f.citations.map((c) => c.page))) perPage.set(n, (perPage.get(n) ?? 0) + 1);
      const flagged = await strip.locator('.strip-page.has-findings').evaluateAll((bs) => bs.map((b) => [Number((b as HTMLElement).dataset.page), Number(/\d+/.exec(b.querySelector('.flag')?.textContent ?? '')?.[0])] as const));
      expect(new Map(flagged)).toEqual(perPage);
      const [n0, c0] = [...perPage][0]!;
      expect(await p.getByRole('button', { name: `hal. ${n0} · ${c0} temuan`, exact: true }).getAttribute('data-page')).toBe(String(n0));

      // Scrolled to the end, the last pages are drawn; a click opens the page.
      await strip.evaluate((s) => s.scrollTo({ left: s.scrollWidth }));
      // (The report's last page is nearly empty: a few lines.)
      await expect.poll(() => inkOf(thumb(67).locator('canvas'))).toBeGreaterThan(10);
      await thumb(66).click();
      await expect.poll(async () => Number(await p.getAttribute('#page-canvas', 'data-page'))).toBe(66);
      expect(await thumb(66).getAttribute('aria-current')).toBe('page');

      // The strip is one tab stop; arrows, Home and End move along it, the focus with them.
      expect(await strip.locator('.strip-page[tabindex="0"]').count()).toBe(1);
      await thumb(66).focus();
      await p.keyboard.press('Home');
      await expect.poll(async () => Number(await p.getAttribute('#page-canvas', 'data-page'))).toBe(1);
      await expect.poll(() => p.evaluate(() => (document.activeElement as HTMLElement).dataset.page)).toBe('1');
      await p.keyboard.press('ArrowRight');
      await expect.poll(async () => Number(await p.getAttribute('#page-canvas', 'data-page'))).toBe(2);
      await p.keyboard.press('End');
      await expect.poll(async () => Number(await p.getAttribute('#page-canvas', 'data-page'))).toBe(67);
      await expect.poll(() => p.evaluate(() => (document.activeElement as HTMLElement).dataset.page)).toBe('67');
    } finally {
      await p.close();
    }
    expect(errors).toEqual([]);
  });

  it('draws operands as outlines under the cited figure, never over it', async () => {
    const sum = findings.find((f) => f.expected?.operands.some((o) => o.cite?.page === f.citations[0]!.page && o.cite.bbox))!;
    expect(sum).toBeDefined();
    await page.locator(`.finding[data-id="${sum.id}"]`).click();
    await expect.poll(async () => Number(await page.getAttribute('#page-canvas', 'data-page'))).toBe(sum.citations[0]!.page);
    await page.waitForSelector('#highlights .hl.op');
    const boxes = await page.locator('#highlights .hl').evaluateAll((ns) =>
      ns.map((n) => ({ op: n.classList.contains('op'), fill: getComputedStyle(n).backgroundColor, outline: getComputedStyle(n).outlineStyle })),
    );
    const ops = boxes.filter((b) => b.op);
    expect(ops.length).toBeGreaterThan(0);
    for (const o of ops) {
      expect(o.fill).toBe('rgba(0, 0, 0, 0)');
      expect(o.outline).toBe('dashed');
    }
    // The cited figure's box comes after every operand's, so it is drawn on top.
    expect(boxes.findIndex((b) => !b.op)).toBeGreaterThan(boxes.map((b) => b.op).lastIndexOf(true));
  });

  it('lights the cited sentence of a prose finding, not its whole paragraph', async () => {
    const prose = findings.find((f) => !f.citations[0]!.table && f.citations[0]!.bbox && f.citations[0]!.bbox[3] - f.citations[0]!.bbox[1] > 100 && (f.printed?.text.length ?? 0) > 30)!;
    expect(prose).toBeDefined();
    await page.locator(`.finding[data-id="${prose.id}"]`).click();
    await expect.poll(async () => Number(await page.getAttribute('#page-canvas', 'data-page'))).toBe(prose.citations[0]!.page);
    await page.waitForSelector('#highlights .hl');
    const scale = Number(await page.evaluate(() => getComputedStyle(document.querySelector('#page-wrap')!).getPropertyValue('--total-scale-factor')));
    const [, top, , bottom] = prose.citations[0]!.bbox!;
    const lit = await page.locator('#highlights .hl:not(.op)').evaluateAll((ns) => ns.map((n) => n.getBoundingClientRect().height));
    expect(lit.length).toBeGreaterThan(0);
    expect(lit.reduce((a, b) => a + b, 0)).toBeLessThan((bottom - top) * scale * 0.6);
  });

  it('answers an English question in English in the Indonesian interface, and a cited cell that is no finding clears the finding shown', async () => {
    await page.locator('.finding').first().click();
    await expect.poll(() => page.isVisible('#finding-detail')).toBe(true);
    await page.fill('#chat-input', 'What is the total budget?');
    await page.click('#chat-send');
    const answer = page.locator('.chat-msg.assistant').last();
    await answer.waitFor();
    expect(await answer.locator('.answer').textContent()).toMatch(/^Budget/);
    const cite = answer.locator('.answer .cite').first();
    const cited = Number(await cite.getAttribute('data-page'));
    await cite.click();
    await expect.poll(async () => Number(await page.getAttribute('#page-canvas', 'data-page'))).toBe(cited);
    expect(await page.isVisible('#finding-detail')).toBe(false);
    expect(await page.locator('.finding[aria-selected=true]').count()).toBe(0);
    await page.waitForSelector('#highlights .hl');
    // The sources name places by page and caption, never by the extraction's table ids.
    expect(await answer.locator('.sources').textContent()).not.toMatch(/\bt\d+\b/);
  });

  it('shows a failed upload as failed in Indonesian, clears the page, pages without errors, and removes it', async () => {
    const chooser = await chooseFile(page, () => page.click('#choose-file'));
    await chooser.setFiles({ name: 'rusak.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\nthis is not a PDF body at all\n%%EOF\n') });
    const item = page.locator('.doc-item', { hasText: 'rusak.pdf' });
    await expect.poll(() => item.getAttribute('class'), { timeout: 30_000 }).toContain('status-failed');
    await expect.poll(() => page.isVisible('#doc-error')).toBe(true);
    expect(await page.textContent('#doc-error')).toMatch(/^Dokumen ini gagal diproses: PDF /);
    expect(await page.getAttribute('#page-canvas', 'data-page')).toBeNull();
    await page.click('#page-next');
    await page.click('#page-prev');
    await page.click(`.doc-item:has-text("rusak.pdf") .doc-remove`);
    await expect.poll(() => item.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('passes axe with no serious violations and shows focus at 3:1 or more', async () => {
    await page.locator('.doc-open').first().click();
    await page.waitForSelector('.finding');
    await page.locator('.finding').first().click();
    await page.waitForSelector('#review-note');
    expect(await seriousViolations(page)).toEqual([]);
    await page.focus('#choose-file');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement!);
      return { color: s.outlineColor, width: parseFloat(s.outlineWidth), style: s.outlineStyle };
    });
    expect(ring.style).not.toBe('none');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    expect(contrast(ring.color, 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(3);
    expect(contrast(ring.color, 'rgb(246, 247, 249)')).toBeGreaterThanOrEqual(3);
    // The findings list is one tab stop: from the top of the page the chat is reached in a few
    // dozen tabs, however many findings there are.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let tabs = 0;
    while (tabs < 120 && !(await page.evaluate(() => !!document.activeElement?.closest('#pane-chat')))) {
      await page.keyboard.press('Tab');
      tabs++;
    }
    expect(await page.locator('.finding').count()).toBeGreaterThan(50);
    expect(tabs).toBeLessThan(50);
    await page.screenshot({ path: path.join(SHOTS, 'desktop.png') });
  });

  it('names every stage while a report is processed: reading k/n, OCR k/n, layout, extraction, checks', async () => {
    const gates = Array.from({ length: 4 }, () => {
      let open!: () => void;
      const p = new Promise<void>((r) => (open = r));
      return { p, open };
    });
    const staged = await startServer({
      store: createMemoryStore(),
      pipeline: { ocr: 'off' },
      log: () => undefined,
      processor: async (file, store, opts) => {
        const steps: Progress[] = [
          { stage: 'read', done: 3, total: 3 },
          { stage: 'ocr', done: 1, total: 2 },
          { stage: 'layout', done: 0, total: 0 },
          { stage: 'audit', done: 0, total: 0 },
        ];
        for (const [i, step] of steps.entries()) {
          opts.onProgress?.(step);
          await gates[i]!.p;
        }
        return auditCached(file, store, opts);
      },
    });
    const p = await context.newPage();
    watch(p);
    try {
      await p.goto(staged.url);
      const chooser = await chooseFile(p, () => p.click('#choose-file'));
      await chooser.setFiles('test/fixtures/pdf/bordered.lo.pdf');
      for (const [i, text] of ['Membaca halaman 3/3', 'OCR halaman pindaian 1/2', 'Menyusun tabel', 'Memeriksa angka'].entries()) {
        await expect.poll(() => p.textContent('#upload-status'), { timeout: 10_000 }).toBe(`bordered.lo.pdf: ${text}`);
        expect(await p.textContent('.doc-item .state')).toContain(text);
        gates[i]!.open();
      }
      await expect.poll(() => p.textContent('#upload-status'), { timeout: 60_000 }).toMatch(/^bordered\.lo\.pdf: Selesai/);
    } finally {
      for (const g of gates) g.open();
      await p.close();
      await staged.close();
    }
  });

  it('on a phone: one column with tabs, 44 px targets, the page fits, and axe passes', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    phone.setDefaultTimeout(90_000);
    const p = await phone.newPage();
    watch(p);
    await p.goto(server.url);
    await p.waitForSelector('.finding');
    expect(await p.isVisible('.tabs')).toBe(true);
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await p.isVisible('#pane-page')).toBe(false);
    const small = await p.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('#pane-findings button, #pane-findings select, .tabs button'))
        .filter((e) => e.offsetParent !== null)
        .map((e) => [e.id || e.className || e.textContent, e.getBoundingClientRect().height] as const)
        .filter(([, h]) => h < 44),
    );
    expect(small).toEqual([]);
    expect(await seriousViolations(p)).toEqual([]);
    await p.screenshot({ path: path.join(SHOTS, 'phone-findings.png') });

    // A finding opens the page tab; the page fits the screen.
    await p.locator('.finding').first().click();
    await expect.poll(() => p.getAttribute('#tab-page', 'aria-selected')).toBe('true');
    await p.waitForSelector('#highlights .hl');
    const canvas = (await p.locator('#page-canvas').boundingBox())!;
    expect(canvas.width).toBeGreaterThan(250);
    expect(canvas.x + canvas.width).toBeLessThanOrEqual(390);
    // The page's thumbnails are drawn once the page tab shows, and a tap on one opens its page.
    const shown = Number(await p.getAttribute('#page-canvas', 'data-page'));
    const current = p.locator('#page-strip [aria-current=page]');
    await expect.poll(() => inkOf(current.locator('canvas'))).toBeGreaterThan(50);
    const next = p.locator(`#page-strip .strip-page[data-page="${shown + 1}"]`);
    await expect.poll(() => inkOf(next.locator('canvas'))).toBeGreaterThan(50);
    expect((await next.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await next.tap();
    await expect.poll(async () => Number(await p.getAttribute('#page-canvas', 'data-page'))).toBe(shown + 1);
    await p.locator(`#page-strip .strip-page[data-page="${shown}"]`).tap();
    await expect.poll(async () => Number(await p.getAttribute('#page-canvas', 'data-page'))).toBe(shown);
    await p.waitForSelector('#highlights .hl');
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(p)).toEqual([]);
    await p.screenshot({ path: path.join(SHOTS, 'phone-page.png') });
    await p.click('#tab-chat');
    expect(await p.isVisible('#chat-input')).toBe(true);
    expect((await p.locator('#chat-input').boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await p.screenshot({ path: path.join(SHOTS, 'phone-chat.png') });
    await phone.close();
    expect(errors).toEqual([]);
  });
});
