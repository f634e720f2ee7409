import { describe, expect, it } from 'vitest';
import { computeAudit } from '../../src/pipeline/cache.js';
import type { Progress } from '../../src/store/index.js';

describe('processing progress', () => {
  it('names every stage in order: reading k/n, OCR k/n of the image-only pages, layout, extraction, checks', async () => {
    const seen: Progress[] = [];
    await computeAudit('test/fixtures/pdf/scanned.pdf', { onProgress: (p) => seen.push(p) });
    const stages = seen.map((p) => p.stage).filter((s, i, a) => s !== a[i - 1]);
    expect(stages).toEqual(['read', 'ocr', 'layout', 'extract', 'audit']);
    const ocr = seen.filter((p) => p.stage === 'ocr');
    expect(ocr[0]).toMatchObject({ done: 0 });
    expect(ocr[0]!.total).toBeGreaterThan(0);
    expect(ocr.at(-1)).toEqual({ stage: 'ocr', done: ocr[0]!.total, total: ocr[0]!.total });
    const read = seen.filter((p) => p.stage === 'read');
    expect(read.at(-1)!.done).toBe(read.at(-1)!.total);
  }, 120_000);
});
