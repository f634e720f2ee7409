// Where the viewer lights a finding up, measured on the page it draws, in headless Chromium: on the
// seed's scanned page (read by OCR, its scan straightened first) the lit box sits on the printed
// figure's ink, and a code-format finding lights the printed code, not the name beside it.
// Skipped, saying why, where Debian's chromium or the OCR tools are missing.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ocrAvailable } from '../../src/ingest/index.js';
import type { Finding } from '../../src/model/report.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { createMemoryStore } from '../../src/store/index.js';

const CHROMIUM = process.env.LKJIP_CHROMIUM ?? '/usr/bin/chromium';
const SEED = 'samples/000_7d82b3f27f46e2ac.pdf';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const OCR = await ocrAvailable();
if (!HAVE_CHROMIUM) console.warn(`e2e skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set LKJIP_CHROMIUM)`);
else if (!OCR.ok) console.warn(`e2e highlights skipped: ${OCR.reason}`);

type Box = [number, number, number, number];

/** The page shown (its PDF page number). */
const shownPage = (page: Page) => page.getAttribute('#page-canvas', 'data-page').then(Number);

/** The lit boxes drawn for what is shown, in points from the page's top-left corner, cited figure or operand. */
function litBoxes(page: Page): Promise<Array<{ box: Box; op: boolean }>> {
  return page.evaluate(() => {
    const scale = parseFloat(getComputedStyle(document.querySelector('#page-wrap')!).getPropertyValue('--total-scale-factor'));
    return Array.from(document.querySelectorAll<HTMLElement>('#highlights .hl')).map((hl) => {
      const [l, t, w, h] = (['left', 'top', 'width', 'height'] as const).map((k) => parseFloat(hl.style[k]) / scale) as [number, number, number, number];
      return { box: [l, t, l + w, t + h] as Box, op: hl.classList.contains('op') };
    });
  });
}

/**
 * The runs of rows with ink on the drawn page, across the columns of `box` and from one box height
 * above it to one below, in points. Ruling lines (rows or columns dark nearly all along) are not ink.
 */
function inkBands(page: Page, box: Box): Promise<Array<[number, number]>> {
  return page.evaluate((b) => {
    const canvas = document.querySelector<HTMLCanvasElement>('#page-canvas')!;
    const scale = parseFloat(getComputedStyle(document.querySelector('#page-wrap')!).getPropertyValue('--total-scale-factor'));
    const px = (canvas.width / parseFloat(canvas.style.width)) * scale;
    const h = b[3] - b[1];
    const [x0, y0] = [Math.floor(b[0] * px), Math.floor((b[1] - h) * px)];
    const [w, hh] = [Math.ceil(b[2] * px) - x0, Math.ceil((b[3] + h) * px) - y0];
    const d = canvas.getContext('2d')!.getImageData(x0, y0, w, hh).data;
    const dark = (x: number, y: number) => d[(y * w + x) * 4]! < 128;
    const cols = Array.from({ length: w }, (_, x) => x).filter((x) => Array.from({ length: hh }, (_, y) => dark(x, y)).filter(Boolean).length < hh * 0.6);
    const inked = Array.from({ length: hh }, (_, y) => {
      const n = cols.filter((x) => dark(x, y)).length;
      return n > 0 && n < cols.length * 0.6;
    });
    const bands: Array<[number, number]> = [];
    inked.forEach((on, y) => {
      if (!on) return;
      const last = bands[bands.length - 1];
      if (last && y - last[1] <= 1) last[1] = y + 1;
      else bands.push([y, y + 1]);
    });
    return bands.map(([a, z]) => [(y0 + a) / px, (y0 + z) / px] as [number, number]);
  }, box);
}

/**
 * How far the box's middle is from the middle of the printed figure it lies over (points), after
 * checking the figure's ink lies inside the box.
 */
async function offsetFromInk(page: Page, box: Box): Promise<number> {
  // The band of ink the box covers most: the printed figure.
  const bands = await inkBands(page, box);
  const cover = (b: [number, number]) => Math.min(b[1], box[3]) - Math.max(b[0], box[1]);
  const ink = bands.sort((a, b) => cover(b) - cover(a))[0]!;
  expect(ink[1] - ink[0]).toBeGreaterThan(4);
  expect(ink[0]).toBeGreaterThanOrEqual(box[1]);
  expect(ink[1]).toBeLessThanOrEqual(box[3]);
  return Math.abs((ink[0] + ink[1]) / 2 - (box[1] + box[3]) / 2);
}

/** The text-layer runs on the page holding `text`, in points from the page's top-left corner. */
function textRuns(page: Page, text: string): Promise<Box[]> {
  return page.evaluate((wanted) => {
    const scale = parseFloat(getComputedStyle(document.querySelector('#page-wrap')!).getPropertyValue('--total-scale-factor'));
    const origin = document.querySelector('#page-canvas')!.getBoundingClientRect();
    return Array.from(document.querySelectorAll('#text-layer span'))
      .filter((s) => s.textContent?.includes(wanted))
      .map((s) => {
        const r = s.getBoundingClientRect();
        return [(r.left - origin.left) / scale, (r.top - origin.top) / scale, (r.right - origin.left) / scale, (r.bottom - origin.top) / scale] as Box;
      });
  }, text);
}

describe.skipIf(!HAVE_CHROMIUM || !OCR.ok)('highlights on the drawn page, in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let findings: Finding[];
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startServer({ store: createMemoryStore(), log: () => undefined });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(90_000);
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(server.url);
    const chooser = page.waitForEvent('filechooser');
    await page.click('#choose-file');
    await (await chooser).setFiles(SEED);
    await page.waitForSelector('.finding', { timeout: 180_000 });
    const id = await page.getAttribute('.doc-item', 'data-id');
    findings = ((await (await fetch(`${server.url}/api/documents/${id}/findings`)).json()) as { findings: Finding[] }).findings;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lights a figure read from the scanned page on its printed ink, not on its grid cell or the straightened scan', async () => {
    // The seed's last page is a scan, read straightened (0.4°): a sum-hierarchy finding cites a pagu there.
    const scanned = findings.find((f) => f.citations.some((c) => c.textBox))!;
    expect(scanned).toBeDefined();
    const cite = scanned.citations.find((c) => c.textBox)!;
    expect(cite.ocrConf).toBeDefined();
    await page.locator(`.finding[data-id="${scanned.id}"]`).click();
    await expect.poll(() => shownPage(page)).toBe(cite.page);
    // At 300 % a point is three pixels: an offset of one point shows.
    while ((await page.textContent('#zoom-label')) !== '300%') {
      const before = await page.textContent('#zoom-label');
      await page.click('#zoom-in');
      await expect.poll(() => page.textContent('#zoom-label')).not.toBe(before);
    }
    await page.waitForSelector('#highlights .hl');
    const lit = await litBoxes(page);
    const own = lit.filter((l) => !l.op);
    expect(own).toHaveLength(1);
    const operands = lit.filter((l) => l.op);
    expect(operands.length).toBeGreaterThan(0);
    // The figures' ink lies inside their boxes; the cited figure's box is centred on its ink
    // within half a point (the straightened scan's box is 1.5 points off there, the grid cell's
    // 1.7); an operand's OCR box can be looser.
    const offsets: number[] = [];
    for (const { box } of [...own, ...operands]) offsets.push(await offsetFromInk(page, box));
    expect(offsets[0]).toBeLessThan(0.5);
    // Lit on the words, not over the whole grid cell the citation names.
    const [, top, , bottom] = own[0]!.box;
    expect(bottom - top).toBeLessThan((cite.bbox![3] - cite.bbox![1]) * 0.9);
    expect(errors).toEqual([]);
  });

  it('lights a scanned cell a chat answer cites on its printed ink too', async () => {
    await page.fill('#chat-input', 'Berapa pagu Penyusunan Perencanaan Pendukung?');
    await page.click('#chat-send');
    const answer = page.locator('.chat-msg.assistant').last();
    await answer.waitFor();
    // The cell itself, not the finding about it.
    const cell = answer.locator('.answer .cite:not([data-id*="-"])').first();
    const cited = await cell.getAttribute('data-id');
    expect(cited).toMatch(/^t\d+\.r\d+c\d+$/);
    await cell.click();
    await expect.poll(() => shownPage(page)).toBe(55);
    // The finding's boxes (its figure and operands) give way to the one cell cited.
    await expect.poll(async () => (await litBoxes(page)).length).toBe(1);
    const lit = await litBoxes(page);
    expect(await offsetFromInk(page, lit[0]!.box)).toBeLessThan(0.5);
    expect(errors).toEqual([]);
  });

  it('lights the printed code of a code-format finding, not the name column it cites', async () => {
    await page.click('#zoom-width');
    const coded = findings.filter((f) => f.check === 'code-format');
    expect(coded.length).toBeGreaterThanOrEqual(2);
    for (const f of coded) {
      const cite = f.citations[0]!;
      await page.locator(`.finding[data-id="${f.id}"]`).click();
      await expect.poll(() => shownPage(page)).toBe(cite.page);
      await page.waitForSelector('#highlights .hl');
      const own = (await litBoxes(page)).filter((l) => !l.op);
      expect(own).toHaveLength(1);
      const [x0, y0, x1, y1] = own[0]!.box;
      // The code as the page prints it, found in the page's own text.
      const code = (await textRuns(page, f.printed!.text)).filter((r) => r[1] < y1 && r[3] > y0);
      expect(code).toHaveLength(1);
      const [cx0, cy0, cx1, cy1] = code[0]!;
      expect(x0).toBeLessThanOrEqual(cx0 + 1);
      expect(x1).toBeGreaterThanOrEqual(cx1 - 1);
      expect(y0).toBeLessThanOrEqual(cy0 + 1);
      expect(y1).toBeGreaterThanOrEqual(cy1 - 1);
      // Nothing of it over the name column (the cell the citation names), nor over the name printed there.
      expect(x1).toBeLessThanOrEqual(cite.bbox![0] + 2);
      const name = f.message.en.split(' ')[0]!;
      const named = (await textRuns(page, name)).filter((r) => r[1] < cite.bbox![3] && r[3] > cite.bbox![1]);
      expect(named.length).toBeGreaterThan(0);
      for (const r of named) expect(x1).toBeLessThanOrEqual(r[0]);
    }
    expect(errors).toEqual([]);
  });
});
