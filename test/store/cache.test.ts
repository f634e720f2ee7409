import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditCached, pipelineVersion } from '../../src/pipeline/cache.js';
import { createMemoryStore, createSqliteStore, type Progress } from '../../src/store/index.js';

const FIXTURE = 'test/fixtures/pdf/bordered.lo.pdf';
const dir = mkdtempSync(path.join(os.tmpdir(), 'lkjip-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('auditCached', () => {
  it('computes once, then serves the same result from the store', async () => {
    const store = createMemoryStore();
    const stages1: Progress['stage'][] = [];
    const first = await auditCached(FIXTURE, store, { ocr: 'off', onProgress: (p) => stages1.push(p.stage) });
    expect(first.cached).toBe(false);
    expect(stages1).toContain('read');
    expect(first.key.version.startsWith(pipelineVersion())).toBe(true);

    const stages2: Progress['stage'][] = [];
    const second = await auditCached(FIXTURE, store, { ocr: 'off', onProgress: (p) => stages2.push(p.stage) });
    expect(second.cached).toBe(true);
    expect(stages2).toEqual(['done']);
    expect(second.result).toEqual(first.result);
    expect(second.pageCount).toBe(first.pageCount);
    expect(await store.getDocument(first.sha256)).toMatchObject({ name: 'bordered.lo.pdf', hasPdf: false });
    expect(await store.getLayout(first.key)).not.toBeNull();
  });

  it('keys by content, not by file name, and labels the result with the name given', async () => {
    const store = createMemoryStore();
    const copy = path.join(dir, 'renamed.pdf');
    copyFileSync(FIXTURE, copy);
    await auditCached(FIXTURE, store, { ocr: 'off' });
    const hit = await auditCached(copy, store, { ocr: 'off', name: 'upload.pdf' });
    expect(hit.cached).toBe(true);
    expect(hit.result.report.file).toBe('upload.pdf');
  });

  it('treats options that change the result as another key', async () => {
    const store = createMemoryStore();
    const a = await auditCached(FIXTURE, store, { ocr: 'off' });
    const b = await auditCached(FIXTURE, store, { ocr: 'off', pages: [1] });
    expect(b.cached).toBe(false);
    expect(b.key.version).not.toBe(a.key.version);
  });

  it('filters findings after the cache without recomputing', async () => {
    const store = createMemoryStore();
    const full = await auditCached('samples/003_eded5028092eddcb.pdf', store, { ocr: 'off' });
    expect(full.result.findings.some((f) => f.severity !== 'error')).toBe(true);
    const errors = await auditCached('samples/003_eded5028092eddcb.pdf', store, { ocr: 'off', minSeverity: 'error' });
    expect(errors.cached).toBe(true);
    expect(errors.result.findings.length).toBeGreaterThan(0);
    expect(errors.result.findings.every((f) => f.severity === 'error')).toBe(true);
    const check = full.result.findings[0]!.check;
    const only = await auditCached('samples/003_eded5028092eddcb.pdf', store, { ocr: 'off', only: [check] });
    expect(only.result.findings.every((f) => f.check === check)).toBe(true);
    expect(only.result.checks.map((c) => c.id)).toEqual([check]);
    await expect(auditCached(FIXTURE, store, { only: ['no-such-check'] })).rejects.toMatchObject({ code: 'E_BAD_ARGUMENT' });
  });

  it('survives a restart with the SQLite store and recomputes a stored value that no longer validates', async () => {
    const file = path.join(dir, 'cache.db');
    const s1 = createSqliteStore({ path: file });
    const first = await auditCached(FIXTURE, s1, { ocr: 'off' });
    await s1.close();
    const s2 = createSqliteStore({ path: file });
    expect((await auditCached(FIXTURE, s2, { ocr: 'off' })).cached).toBe(true);
    s2.db.prepare('UPDATE audits SET json = ?').run('{"findings": "not an array"}');
    const again = await auditCached(FIXTURE, s2, { ocr: 'off' });
    expect(again.cached).toBe(false);
    expect(again.result.findings).toEqual(first.result.findings);
    expect((await auditCached(FIXTURE, s2, { ocr: 'off' })).cached).toBe(true);
    await s2.close();
  });

  it('refuses what is not a PDF with the ingest error code', async () => {
    await expect(auditCached('test/fixtures/bad/not-a-pdf.pdf', createMemoryStore())).rejects.toMatchObject({ code: 'E_NOT_PDF' });
  });
});
