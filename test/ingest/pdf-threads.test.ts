import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readPdf, type PageRead } from '../../src/ingest/pdf.js';
import { readInThreads, threadCount } from '../../src/ingest/pdf-threads.js';

const SEED = 'samples/003_eded5028092eddcb.pdf';

describe('threadCount', () => {
  it('uses the threads asked for, at most one a page, and one unless asked', () => {
    expect(threadCount(3, 67)).toBe(3);
    expect(threadCount(4, 2)).toBe(2);
    expect(threadCount(0, 1000)).toBe(1);
    expect(threadCount(undefined, 1000)).toBe(1);
  });
});

describe('readPdf on several threads', () => {
  it('gives the same pages, words, rules and warnings as one thread, in page order', async () => {
    const one = await readPdf(SEED, { threads: 1 });
    const finished: number[] = [];
    const three = await readPdf(SEED, { threads: 3, onPage: (p) => finished.push(p) });
    expect(one.pages).toHaveLength(67);
    expect(three).toEqual(one);
    expect(three.pages.map((p) => p.page)).toEqual(one.pages.map((p) => p.page));
    // Every page reported once, whichever thread read it.
    expect([...finished].sort((a, b) => a - b)).toEqual(one.pages.map((p) => p.page));
  });

  it('a page selection is read the same way', async () => {
    const pages = Array.from({ length: 40 }, (_, i) => i + 20);
    const one = await readPdf(SEED, { pages, threads: 1 });
    const two = await readPdf(SEED, { pages, threads: 2 });
    expect(two.pages.map((p) => p.page)).toEqual(pages);
    expect(two).toEqual(one);
  });

  it('a helper thread reads every page the caller leaves to it', async () => {
    const delivered: PageRead[] = [];
    const wanted = [3, 1, 2];
    const helpers = readInThreads(new Uint8Array(await readFile(SEED)), SEED, wanted, 2, (r) => delivered.push(r));
    await helpers.finished;
    expect(delivered.map((r) => r.page.page)).toEqual(wanted);
    expect(delivered.every((r) => r.page.source === 'text' && r.page.words.length > 0 && !r.warning)).toBe(true);
    expect(helpers.claim()).toBeGreaterThanOrEqual(wanted.length);
  });

  it('a helper thread that cannot read the document leaves its pages to the caller', async () => {
    const delivered: PageRead[] = [];
    const helpers = readInThreads(new TextEncoder().encode('not a PDF at all'), 'broken.pdf', [1, 2, 3], 2, (r) => delivered.push(r));
    const claimed: number[] = [];
    for (let i = helpers.claim(); i < 3; i = helpers.claim()) claimed.push(i);
    await helpers.finished;
    expect(delivered).toEqual([]);
    expect(claimed).toEqual([0, 1, 2]);
  });
});
