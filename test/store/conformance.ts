// The one conformance suite every Store driver must pass (run from memory.test.ts, sqlite.test.ts and postgres.test.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import type { ArtifactKey, Store } from '../../src/store/index.js';
import { audit, finding, layout, report, sha } from './fixtures.js';

export interface DriverHarness {
  create: () => Store | Promise<Store>;
  /** Overwrites the stored model of `key` with JSON that does not match the Report schema. */
  corruptModel: (store: Store, key: ArtifactKey) => void | Promise<void>;
}

const doc = (name: string, size = 10) => ({ id: sha(name), name: `${name}.pdf`, size });
const V1 = 'v1';
const key = (name: string, version = V1): ArtifactKey => ({ sha256: sha(name), version });

async function rejectsWith(p: Promise<unknown>, code: string): Promise<void> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, `expected ${code}`).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
}

export function storeConformance(name: string, harness: DriverHarness): void {
  describe(`Store conformance: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await harness.create();
    });
    afterEach(async () => {
      await store.close();
    });

    describe('documents', () => {
      it('adds and reads a document by content hash', async () => {
        const rec = await store.putDocument(doc('a', 123));
        expect(rec).toMatchObject({ id: sha('a'), name: 'a.pdf', size: 123, hasPdf: false });
        expect(Date.parse(rec.createdAt)).not.toBeNaN();
        expect(await store.getDocument(sha('a'))).toEqual(rec);
        expect(await store.getDocument(sha('missing'))).toBeNull();
      });

      it('keeps the first record when the same bytes come again, and adds missing bytes', async () => {
        const first = await store.putDocument(doc('a'));
        const again = await store.putDocument({ ...doc('a'), name: 'other-name.pdf' }, new Uint8Array([37, 80, 68, 70]));
        expect(again).toEqual({ ...first, hasPdf: true });
        expect(await store.listDocuments()).toHaveLength(1);
      });

      it('stores the PDF bytes and returns a copy', async () => {
        const bytes = new Uint8Array([37, 80, 68, 70, 45, 49]);
        await store.putDocument(doc('a'), bytes);
        bytes[0] = 0;
        const read = await store.getPdf(sha('a'));
        expect(read && [...read]).toEqual([37, 80, 68, 70, 45, 49]);
        read![1] = 0;
        expect((await store.getPdf(sha('a')))![1]).toBe(80);
        expect(await store.getPdf(sha('b'))).toBeNull();
      });

      it('refuses an id that is not a sha256', async () => {
        await expect(store.putDocument({ id: 'not-a-hash', name: 'x.pdf', size: 1 })).rejects.toThrow();
      });

      it('lists newest first with limit and offset', async () => {
        for (const n of ['a', 'b', 'c']) await store.putDocument(doc(n));
        expect((await store.listDocuments()).map((d) => d.name)).toEqual(['c.pdf', 'b.pdf', 'a.pdf']);
        expect((await store.listDocuments({ limit: 1, offset: 1 })).map((d) => d.name)).toEqual(['b.pdf']);
        expect(await store.listDocuments({ offset: 5 })).toEqual([]);
      });

      it('deletes a document with its bytes, runs, chat and results', async () => {
        await store.putDocument(doc('a'), new Uint8Array([1]));
        await store.putDocument(doc('b'));
        await store.createRun({ documentId: sha('a'), pipelineVersion: V1 });
        await store.addChat(sha('a'), { role: 'user', text: 'q', lang: 'id', citations: [], findingIds: [] });
        await store.putAudit(key('a'), audit('a'));
        await store.putLayout(key('a'), layout('a'));
        await store.putAudit(key('b'), audit('b'));

        expect(await store.deleteDocument(sha('a'))).toBe(true);
        expect(await store.deleteDocument(sha('a'))).toBe(false);
        expect(await store.getDocument(sha('a'))).toBeNull();
        expect(await store.getPdf(sha('a'))).toBeNull();
        expect(await store.listRuns({ documentId: sha('a') })).toEqual([]);
        expect(await store.listChat(sha('a'))).toEqual([]);
        expect(await store.getAudit(key('a'))).toBeNull();
        expect(await store.getModel(key('a'))).toBeNull();
        expect(await store.getLayout(key('a'))).toBeNull();
        expect(await store.getAudit(key('b'))).not.toBeNull();
      });
    });

    describe('results by content hash and pipeline version', () => {
      it('round-trips a layout, a model and an audit', async () => {
        await store.putLayout(key('a'), layout('a'));
        await store.putModel(key('a'), report('a'));
        expect(await store.getLayout(key('a'))).toEqual(layout('a'));
        expect(await store.getModel(key('a'))).toEqual(report('a'));
        const result = audit('a', [finding(1), finding(2, 'rounding')]);
        await store.putAudit(key('b'), result);
        expect(await store.getAudit(key('b'))).toEqual(result);
        expect(await store.getModel(key('b'))).toEqual(result.report);
      });

      it('keeps versions apart and overwrites the same key', async () => {
        await store.putModel(key('a'), report('a', 'Dinas Satu'));
        expect(await store.getModel(key('a', 'v2'))).toBeNull();
        await store.putModel(key('a', 'v2'), report('a', 'Dinas Dua'));
        await store.putModel(key('a'), report('a', 'Dinas Tiga'));
        expect((await store.getModel(key('a')))!.report.instansi).toBe('Dinas Tiga');
        expect((await store.getModel(key('a', 'v2')))!.report.instansi).toBe('Dinas Dua');
      });

      it('is not changed by mutating what was stored or read', async () => {
        const r = report('a');
        await store.putModel(key('a'), r);
        r.report.instansi = 'changed';
        const read = (await store.getModel(key('a')))!;
        expect(read.report.instansi).toBe('Kecamatan Contoh');
        read.report.instansi = 'changed again';
        expect((await store.getModel(key('a')))!.report.instansi).toBe('Kecamatan Contoh');
      });

      it('returns null for an audit that was never stored, even when the model was', async () => {
        await store.putModel(key('a'), report('a'));
        expect(await store.getAudit(key('a'))).toBeNull();
      });

      it('refuses a stored value that does not match its schema (E_STORE)', async () => {
        await store.putModel(key('a'), report('a'));
        await harness.corruptModel(store, key('a'));
        await rejectsWith(store.getModel(key('a')), 'E_STORE');
      });
    });

    describe('runs', () => {
      it('creates a queued run and updates its status and progress', async () => {
        await store.putDocument(doc('a'));
        const run = await store.createRun({ documentId: sha('a'), pipelineVersion: V1 });
        expect(run).toMatchObject({ documentId: sha('a'), pipelineVersion: V1, status: 'queued', progress: null, error: null, cached: false, summary: null });
        const updated = await store.updateRun(run.id, { status: 'processing', progress: { stage: 'read', done: 3, total: 10 } });
        expect(updated).toMatchObject({ status: 'processing', progress: { stage: 'read', done: 3, total: 10 }, createdAt: run.createdAt });
        const summary = { pages: 10, instansi: 'X', tahun: 2023, findings: { error: 1, warning: 0, rounding: 2, info: 0 }, unread: [{ page: 4, code: 'E_PAGE_FAILED', message: 'Page 4 could not be read' }] };
        await store.updateRun(run.id, { status: 'done', summary, cached: true });
        expect(await store.getRun(run.id)).toMatchObject({ status: 'done', summary, cached: true, progress: { stage: 'read' } });
        await store.updateRun(run.id, { status: 'failed', error: { code: 'E_PDF_CORRUPT', message: 'bad' } });
        expect((await store.getRun(run.id))!.error).toEqual({ code: 'E_PDF_CORRUPT', message: 'bad' });
      });

      it('refuses runs of unknown documents and updates of unknown runs (E_NOT_FOUND)', async () => {
        await rejectsWith(store.createRun({ documentId: sha('nope'), pipelineVersion: V1 }), 'E_NOT_FOUND');
        await rejectsWith(store.updateRun('no-such-run', { status: 'done' }), 'E_NOT_FOUND');
        expect(await store.getRun('no-such-run')).toBeNull();
      });

      it('refuses an invalid status', async () => {
        await store.putDocument(doc('a'));
        const run = await store.createRun({ documentId: sha('a'), pipelineVersion: V1 });
        await expect(store.updateRun(run.id, { status: 'bogus' as never })).rejects.toThrow();
        expect((await store.getRun(run.id))!.status).toBe('queued');
      });

      it('lists runs newest first, by document and by status', async () => {
        await store.putDocument(doc('a'));
        await store.putDocument(doc('b'));
        const r1 = await store.createRun({ documentId: sha('a'), pipelineVersion: V1 });
        const r2 = await store.createRun({ documentId: sha('b'), pipelineVersion: V1 });
        const r3 = await store.createRun({ documentId: sha('a'), pipelineVersion: V1 });
        await store.updateRun(r1.id, { status: 'done' });
        expect((await store.listRuns()).map((r) => r.id)).toEqual([r3.id, r2.id, r1.id]);
        expect((await store.listRuns({ documentId: sha('a') })).map((r) => r.id)).toEqual([r3.id, r1.id]);
        expect((await store.listRuns({ status: ['queued', 'processing'] })).map((r) => r.id)).toEqual([r3.id, r2.id]);
        expect((await store.listRuns({ documentId: sha('a'), status: ['done'] })).map((r) => r.id)).toEqual([r1.id]);
      });
    });

    describe('chat history', () => {
      it('keeps messages per document in order, with citations', async () => {
        await store.putDocument(doc('a'));
        await store.putDocument(doc('b'));
        const q = await store.addChat(sha('a'), { role: 'user', text: 'Berapa pagu?', lang: 'id', citations: [], findingIds: [] });
        await store.addChat(sha('b'), { role: 'user', text: 'other', lang: 'en', citations: [], findingIds: [] });
        const a = await store.addChat(sha('a'), { role: 'assistant', text: 'Rp 1.000', lang: 'id', citations: [{ page: 9, table: 't4', row: 6, bbox: [1, 2, 3, 4] }], findingIds: ['sum-rows-1'] });
        expect(a.id).toBeGreaterThan(q.id);
        const list = await store.listChat(sha('a'));
        expect(list.map((m) => m.text)).toEqual(['Berapa pagu?', 'Rp 1.000']);
        expect(list[1]).toEqual(a);
        expect(list[1]!.citations[0]).toEqual({ page: 9, table: 't4', row: 6, bbox: [1, 2, 3, 4] });
        expect((await store.listChat(sha('a'), { limit: 1 })).map((m) => m.text)).toEqual(['Rp 1.000']);
        expect(await store.listChat(sha('a'), { limit: 0 })).toEqual([]);
      });

      it('refuses messages for an unknown document (E_NOT_FOUND)', async () => {
        await rejectsWith(store.addChat(sha('nope'), { role: 'user', text: 'q', lang: 'en', citations: [], findingIds: [] }), 'E_NOT_FOUND');
      });
    });

    describe('reviews', () => {
      it('sets, replaces, lists and removes a review per document and finding', async () => {
        await store.putDocument(doc('a'));
        await store.putDocument(doc('b'));
        const first = await store.setReview(sha('a'), 'sum-rows-2', { status: 'follow-up', note: 'tanya ke bagian keuangan' });
        expect(first).toMatchObject({ documentId: sha('a'), findingId: 'sum-rows-2', status: 'follow-up', note: 'tanya ke bagian keuangan' });
        expect(Date.parse(first.updatedAt)).not.toBeNaN();
        await store.setReview(sha('a'), 'capaian-1', { status: 'confirmed', note: '' });
        await store.setReview(sha('b'), 'capaian-1', { status: 'dismissed', note: 'other document' });
        const replaced = await store.setReview(sha('a'), 'sum-rows-2', { status: 'dismissed', note: 'explained by a footnote' });
        const listed = await store.listReviews(sha('a'));
        expect(listed.map((r) => [r.findingId, r.status, r.note])).toEqual([
          ['capaian-1', 'confirmed', ''],
          ['sum-rows-2', 'dismissed', 'explained by a footnote'],
        ]);
        expect(listed[1]).toEqual(replaced);
        expect(await store.deleteReview(sha('a'), 'capaian-1')).toBe(true);
        expect(await store.deleteReview(sha('a'), 'capaian-1')).toBe(false);
        expect((await store.listReviews(sha('a'))).map((r) => r.findingId)).toEqual(['sum-rows-2']);
        expect((await store.listReviews(sha('b'))).map((r) => r.status)).toEqual(['dismissed']);
        expect(await store.listReviews(sha('nope'))).toEqual([]);
      });

      it('refuses a review of an unknown document (E_NOT_FOUND) and an unknown status', async () => {
        await rejectsWith(store.setReview(sha('nope'), 'f', { status: 'confirmed', note: '' }), 'E_NOT_FOUND');
        await store.putDocument(doc('a'));
        await expect(store.setReview(sha('a'), 'f', { status: 'maybe' as never, note: '' })).rejects.toThrow();
        expect(await store.listReviews(sha('a'))).toEqual([]);
      });

      it('removes the reviews with their document', async () => {
        await store.putDocument(doc('a'));
        await store.setReview(sha('a'), 'f1', { status: 'confirmed', note: 'x' });
        await store.deleteDocument(sha('a'));
        await store.putDocument(doc('a'));
        expect(await store.listReviews(sha('a'))).toEqual([]);
      });
    });
  });
}
