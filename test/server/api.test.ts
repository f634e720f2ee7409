import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Finding, Report } from '../../src/model/report.js';
import type { Answerer } from '../../src/server/index.js';
import { AskResponse, DocumentList, DocumentView, ErrorBody, FindingsResponse, ReviewList, TablesResponse } from '../../src/server/schemas.js';
import { Review } from '../../src/store/index.js';
import { createMemoryStore } from '../../src/store/index.js';
import { json, SEED, settle, SMALL, start, upload } from './helpers.js';

type Server = Awaited<ReturnType<typeof start>>;

async function xlsx(res: Response): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return wb;
}

async function expectError(res: Response, status: number, code: string): Promise<void> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const body = ErrorBody.parse(await res.json());
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(5);
}

describe('API with a seed report', () => {
  let s: Server;
  let id: string;
  beforeAll(async () => {
    s = await start();
    const res = await upload(s.url, SEED);
    expect(res.status).toBe(202);
    const doc = DocumentView.parse(await res.json());
    expect(res.headers.get('location')).toBe(`/api/documents/${doc.id}`);
    expect(['queued', 'processing', 'done']).toContain(doc.status);
    id = doc.id;
    const done = DocumentView.parse(await settle(s.url, id));
    expect(done.status).toBe('done');
  });
  afterAll(() => s.close());

  it('shows the document done, with a summary, and lists it', async () => {
    const doc = DocumentView.parse(await json(await fetch(`${s.url}/api/documents/${id}`)));
    expect(doc).toMatchObject({ name: '003_eded5028092eddcb.pdf', hasPdf: true, status: 'done', error: null, progress: { stage: 'done', done: 67, total: 67 } });
    expect(doc.summary).toMatchObject({ pages: 67, instansi: 'Kecamatan Dumai Barat', tahun: 2023 });
    expect(doc.summary!.findings.error).toBeGreaterThan(0);
    const list = DocumentList.parse(await json(await fetch(`${s.url}/api/documents`)));
    expect(list.documents.map((d) => d.id)).toEqual([id]);
  });

  it('uploading the same bytes again reuses the run', async () => {
    const again = DocumentView.parse(await json(await upload(s.url, { name: 'copy.pdf', bytes: readFileSync(SEED) })));
    const before = DocumentView.parse(await json(await fetch(`${s.url}/api/documents/${id}`)));
    expect(again.id).toBe(id);
    expect(again.runId).toBe(before.runId);
    expect(again.status).toBe('done');
  });

  it('serves the model, findings and tables as JSON', async () => {
    const model = Report.parse(await json(await fetch(`${s.url}/api/documents/${id}/model`)));
    expect(model.report.instansi).toBe('Kecamatan Dumai Barat');
    const f = FindingsResponse.parse(await json(await fetch(`${s.url}/api/documents/${id}/findings`)));
    expect(f.findings.length).toBe(Object.values((await json<{ summary: { findings: Record<string, number> } }>(await fetch(`${s.url}/api/documents/${id}`))).summary.findings).reduce((a, b) => a + b, 0));
    expect(f.findings.every((x) => x.citations.length > 0)).toBe(true);
    const t = TablesResponse.parse(await json(await fetch(`${s.url}/api/documents/${id}/tables`)));
    expect(t.pageCount).toBe(67);
    expect(t.tables.length).toBeGreaterThan(3);
  });

  it('filters findings by severity and check', async () => {
    const all = FindingsResponse.parse(await json(await fetch(`${s.url}/api/documents/${id}/findings`)));
    const errors = FindingsResponse.parse(await json(await fetch(`${s.url}/api/documents/${id}/findings?severity=error`)));
    expect(errors.findings.length).toBe(all.findings.filter((x) => x.severity === 'error').length);
    expect(errors.findings.length).toBeLessThan(all.findings.length);
    const check = all.findings[0]!.check;
    const one = FindingsResponse.parse(await json(await fetch(`${s.url}/api/documents/${id}/findings?check=${check}&severity=error,warning`)));
    expect(one.findings.length).toBeGreaterThan(0);
    expect(one.findings.every((x) => x.check === check && ['error', 'warning'].includes(x.severity))).toBe(true);
  });

  it('downloads findings as CSV and XLSX, one row per finding in the language asked', async () => {
    const all = FindingsResponse.parse(await json(await fetch(`${s.url}/api/documents/${id}/findings`)));
    const csv = await fetch(`${s.url}/api/documents/${id}/findings?format=csv&lang=en`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="003_eded5028092eddcb-findings.csv"/);
    const text = (await csv.text()).replace(/^\uFEFF/, '');
    expect(text.split('\n')[0]).toBe('no,id,check,severity,message,printed,expected,formula,pages,places,caused by,review status,note');
    expect(text).toContain(all.findings[0]!.message.en.slice(0, 30));
    expect(text).toContain('Not reviewed');

    const wb = await xlsx(await fetch(`${s.url}/api/documents/${id}/findings?format=xlsx&lang=id`));
    const ws = wb.getWorksheet('temuan')!;
    expect(ws.rowCount).toBe(all.findings.length + 1);
    expect(ws.getRow(1).values).toContain('pemeriksaan');
    const first = all.findings[0]!;
    expect(ws.getRow(2).getCell(2).value).toBe(first.id);
    expect(ws.getRow(2).getCell(3).value).toBe(all.checkTitles[first.check]!.id);
    expect(ws.getRow(2).getCell(4).value).toBe({ error: 'Kesalahan', warning: 'Peringatan', rounding: 'Pembulatan', info: 'Info' }[first.severity]);
    expect(ws.getRow(2).getCell(5).value).toBe(first.message.id);
    expect(String(ws.getRow(2).getCell(9).value)).toBe([...new Set(first.citations.map((c) => c.page))].join(', '));
    // Expected figures are written the Indonesian way, never as raw floats.
    for (let r = 2; r <= ws.rowCount; r++) {
      const expected = ws.getRow(r).getCell(7).value;
      if (typeof expected === 'string' && /\d/.test(expected)) expect(expected).not.toMatch(/,\d{3,}|\d{5,}/);
    }
    // A total explained by a row's own finding names that finding by its number in the export.
    const caused = all.findings.findIndex((f) => f.causedBy?.some((c) => all.findings.some((x) => x.id === c)));
    if (caused >= 0) expect(String(ws.getRow(caused + 2).getCell(11).value)).toMatch(/^#\d+/);
  });

  it('keeps a review per finding, filters by it and carries it into the exports and the sent-on report', async () => {
    const all = FindingsResponse.parse(await json(await fetch(`${s.url}/api/documents/${id}/findings`)));
    const [a, b] = all.findings;
    const put = (fid: string, body: unknown) => fetch(`${s.url}/api/documents/${id}/reviews/${encodeURIComponent(fid)}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const saved = await put(a!.id, { status: 'confirmed', note: 'Cek ulang <b>tabel</b> & lampiran' });
    expect(saved.status).toBe(200);
    expect(Review.parse(await saved.json())).toMatchObject({ findingId: a!.id, status: 'confirmed', note: 'Cek ulang <b>tabel</b> & lampiran' });
    expect((await put(b!.id, { status: 'follow-up' })).status).toBe(200);
    await expectError(await put(a!.id, { status: 'maybe' }), 400, 'E_BAD_ARGUMENT');
    await expectError(await put('no-such-finding', { status: 'dismissed' }), 404, 'E_NOT_FOUND');

    const listed = ReviewList.parse(await json(await fetch(`${s.url}/api/documents/${id}/reviews`)));
    expect(listed.reviews.map((r) => [r.findingId, r.status]).sort()).toEqual([[a!.id, 'confirmed'], [b!.id, 'follow-up']].sort());

    const confirmed = FindingsResponse.parse(await json(await fetch(`${s.url}/api/documents/${id}/findings?status=confirmed`)));
    expect(confirmed.findings.map((f) => f.id)).toEqual([a!.id]);
    expect(confirmed.reviews.map((r) => r.findingId)).toEqual([a!.id]);
    const open = FindingsResponse.parse(await json(await fetch(`${s.url}/api/documents/${id}/findings?status=open`)));
    expect(open.findings.length).toBe(all.findings.length - 2);
    await expectError(await fetch(`${s.url}/api/documents/${id}/findings?status=bogus`), 400, 'E_BAD_ARGUMENT');

    const csv = (await (await fetch(`${s.url}/api/documents/${id}/findings?format=csv&lang=id&status=confirmed,follow-up`)).text()).replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('status tinjauan,catatan');
    expect(csv).toContain('Dikonfirmasi');
    expect(csv).toContain('Perlu tindak lanjut');
    expect(csv).toContain('Cek ulang <b>tabel</b> & lampiran');

    const report = await fetch(`${s.url}/api/documents/${id}/report?lang=en&status=confirmed,follow-up`);
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toMatch(/^text\/html/);
    expect(report.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const html = await report.text();
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('Cek ulang &#60;b&#62;tabel&#60;/b&#62; &#38; lampiran');
    expect(html).toContain('Confirmed');
    expect(html).toContain('Needs follow-up');
    expect(html.match(/<article /g)).toHaveLength(2);
    expect(html.match(/src="data:image\/png;base64,/g)?.length).toBeGreaterThanOrEqual(1);

    expect((await fetch(`${s.url}/api/documents/${id}/reviews/${encodeURIComponent(b!.id)}`, { method: 'DELETE' })).status).toBe(204);
    expect(ReviewList.parse(await json(await fetch(`${s.url}/api/documents/${id}/reviews`))).reviews.map((r) => r.findingId)).toEqual([a!.id]);
    await fetch(`${s.url}/api/documents/${id}/reviews/${encodeURIComponent(a!.id)}`, { method: 'DELETE' });
  });

  it('downloads the model and the tables as CSV and XLSX', async () => {
    const model = Report.parse(await json(await fetch(`${s.url}/api/documents/${id}/model`)));
    const budgetCsv = (await (await fetch(`${s.url}/api/documents/${id}/model?format=csv&entity=budget`)).text()).replace(/^\uFEFF/, '');
    expect(budgetCsv.split('\n')[0]!.startsWith('id,table,kode,uraian,level')).toBe(true);
    const wb = await xlsx(await fetch(`${s.url}/api/documents/${id}/model?format=xlsx`));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['indicators', 'budget', 'belanja', 'efficiency']);
    const budget = wb.getWorksheet('budget')!;
    expect(budget.rowCount).toBe(model.budget.length + 1);
    const firstPagu = model.budget.find((b) => b.pagu?.value != null)!;
    const row = budget.getRows(2, model.budget.length)!.find((r) => r.getCell(1).value === firstPagu.id)!;
    expect(row.getCell(8).value).toBe(firstPagu.pagu!.value);

    const t = TablesResponse.parse(await json(await fetch(`${s.url}/api/documents/${id}/tables`)));
    const cellsCsv = (await (await fetch(`${s.url}/api/documents/${id}/tables?format=csv`)).text()).replace(/^\uFEFF/, '');
    expect(cellsCsv.split('\n')[0]).toBe('table,caption,page,row,col,column,header,text,x0,y0,x1,y1');
    const tw = await xlsx(await fetch(`${s.url}/api/documents/${id}/tables?format=xlsx&lang=id`));
    // The cells, an index, then a sheet per table, each named by its pages and listed in the index
    // with its caption in full; the report's tables of contents are no sheets.
    const index = tw.worksheets[1]!;
    expect(index.name).toBe('daftar tabel');
    expect(index.rowCount - 1).toBe(tw.worksheets.length - 2);
    const listedIds = index.getColumn(5).values.slice(2).map(String);
    const cited = new Set((FindingsResponse.parse(await json(await fetch(`${s.url}/api/documents/${id}/findings`))).findings.flatMap((f) => f.citations.map((c) => c.table))).filter((x): x is string => !!x && x.startsWith('t')));
    for (const tid of cited) expect(listedIds).toContain(tid);
    expect(listedIds.length).toBeLessThan(t.tables.length);
    for (const w of tw.worksheets.slice(2)) w.eachRow((r) => expect(r.values.toString()).not.toMatch(/\.{8,}/));
    expect(tw.worksheets.every((w) => w.name.length <= 31)).toBe(true);
    const first = t.tables.find((x) => x.id === listedIds[0])!;
    const listed = index.getRow(2);
    expect([listed.getCell(1).value, listed.getCell(2).value ?? null, listed.getCell(3).value, listed.getCell(4).value]).toEqual([tw.worksheets[2]!.name, first.caption ?? null, first.pages.join(', '), first.rows.length]);
    const sheet = tw.worksheets[2]!;
    expect(sheet.name).toMatch(/^hal\. \d+/);
    const cell = first.rows[0]!.cells.find((c) => !c.spannedBy && c.text)!;
    expect(String(sheet.getRow(2).getCell(cell.col + 1).value)).toBe(cell.text);
  });

  it('serves the stored PDF', async () => {
    const res = await fetch(`${s.url}/api/documents/${id}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(SEED))).toBe(true);
  });

  it('answers a question with citations that carry the boxes to highlight', async () => {
    const res = await fetch(`${s.url}/api/documents/${id}/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: 'Angka capaian mana yang salah hitung?', lang: 'id' }) });
    expect(res.status).toBe(200);
    const a = AskResponse.parse(await res.json());
    expect(a.answer.length).toBeGreaterThan(10);
    const finding = a.citations.find((c) => c.kind === 'finding')!;
    expect(finding.highlights!.length).toBeGreaterThan(0);
    expect(a.findingIds).toContain(finding.id);
    for (const m of a.answer.matchAll(/\[([A-Za-z0-9][A-Za-z0-9._:-]*)\]/g)) expect(a.citations.map((c) => c.id)).toContain(m[1]);
    const history = await json<{ messages: { role: string; text: string }[] }>(await fetch(`${s.url}/api/documents/${id}/chat`));
    expect(history.messages.map((m) => m.role)).toEqual(['user', 'assistant']);

    // A follow-up is answered with the earlier exchange as context.
    const why = await fetch(`${s.url}/api/documents/${id}/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: 'Kenapa salah?', lang: 'id' }) });
    expect(why.status).toBe(200);
    expect(AskResponse.parse(await why.json()).answer.length).toBeGreaterThan(10);
    expect((await json<{ messages: unknown[] }>(await fetch(`${s.url}/api/documents/${id}/chat`))).messages).toHaveLength(4);
  });

  it('answers 404 for unknown documents and routes', async () => {
    await expectError(await fetch(`${s.url}/api/documents/${'0'.repeat(64)}`), 404, 'E_NOT_FOUND');
    await expectError(await fetch(`${s.url}/api/documents/not-a-hash/findings`), 404, 'E_NOT_FOUND');
    await expectError(await fetch(`${s.url}/api/nothing-here`), 404, 'E_NOT_FOUND');
  });

  it('refuses bad query values with 400', async () => {
    await expectError(await fetch(`${s.url}/api/documents/${id}/findings?format=pdf`), 400, 'E_BAD_ARGUMENT');
    await expectError(await fetch(`${s.url}/api/documents?limit=0`), 400, 'E_BAD_ARGUMENT');
  });
});

describe('API uploads and errors', () => {
  let s: Server;
  beforeAll(async () => {
    s = await start({ limits: { uploadMB: 1 }, answerer: null });
  });
  afterAll(() => s.close());

  it('refuses what is not a PDF with 415', async () => {
    await expectError(await upload(s.url, 'test/fixtures/bad/not-a-pdf.pdf'), 415, 'E_NOT_PDF');
    expect(await s.store.listDocuments()).toEqual([]);
  });

  it('refuses an upload above the limit with 413', async () => {
    const big = new Uint8Array(1024 * 1024 + 10);
    big.set(Buffer.from('%PDF-1.7\n'));
    await expectError(await upload(s.url, { name: 'big.pdf', bytes: big }), 413, 'E_FILE_TOO_LARGE');
  });

  it('refuses an empty file and a request without a file with 400', async () => {
    await expectError(await upload(s.url, { name: 'empty.pdf', bytes: new Uint8Array() }), 400, 'E_FILE_EMPTY');
    await expectError(await fetch(`${s.url}/api/documents`, { method: 'POST', body: JSON.stringify({}), headers: { 'content-type': 'application/json' } }), 400, 'E_BAD_ARGUMENT');
  });

  it('records a PDF that cannot be processed as failed, and its results as 422', async () => {
    const doc = DocumentView.parse(await json(await upload(s.url, 'test/fixtures/bad/encrypted.pdf')));
    const done = DocumentView.parse(await settle(s.url, doc.id));
    expect(done.status).toBe('failed');
    expect(done.error!.code).toBe('E_PDF_ENCRYPTED');
    await expectError(await fetch(`${s.url}/api/documents/${doc.id}/findings`), 422, 'E_PDF_ENCRYPTED');
    // A failed document is tried again when uploaded again.
    const again = DocumentView.parse(await json(await upload(s.url, 'test/fixtures/bad/encrypted.pdf')));
    expect(again.runId).not.toBe(done.runId);
  });

  it('answers 501 with a JSON error where questions are turned off', async () => {
    const doc = DocumentView.parse(await json(await upload(s.url, SMALL)));
    await settle(s.url, doc.id);
    const res = await fetch(`${s.url}/api/documents/${doc.id}/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: 'Ringkas temuan' }) });
    await expectError(res, 501, 'E_NOT_IMPLEMENTED');
    await expectError(await fetch(`${s.url}/api/documents/${doc.id}/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' }), 400, 'E_BAD_ARGUMENT');
    await expectError(await fetch(`${s.url}/api/documents/${doc.id}/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: '' }) }), 400, 'E_BAD_ARGUMENT');
  });

});

describe('API progress and the queue', () => {
  it('reports processing with progress, 409 for results until done, and deletes', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const s = await start({
      processor: async (file, store, opts) => {
        opts.onProgress?.({ stage: 'read', done: 2, total: 5 });
        await gate;
        const { auditCached } = await import('../../src/pipeline/cache.js');
        return auditCached(file, store, opts);
      },
    });
    try {
      const doc = DocumentView.parse(await json(await upload(s.url, SMALL)));
      let view = DocumentView.parse(await json(await fetch(`${s.url}/api/documents/${doc.id}`)));
      for (let i = 0; i < 200 && view.progress?.done !== 2; i++) {
        await new Promise((r) => setTimeout(r, 20));
        view = DocumentView.parse(await json(await fetch(`${s.url}/api/documents/${doc.id}`)));
      }
      expect(view).toMatchObject({ status: 'processing', progress: { stage: 'read', done: 2, total: 5 } });
      await expectError(await fetch(`${s.url}/api/documents/${doc.id}/findings`), 409, 'E_NOT_READY');
      release();
      expect((await settle(s.url, doc.id)).status).toBe('done');
      const del = await fetch(`${s.url}/api/documents/${doc.id}`, { method: 'DELETE' });
      expect(del.status).toBe(204);
      await expectError(await fetch(`${s.url}/api/documents/${doc.id}`), 404, 'E_NOT_FOUND');
    } finally {
      release();
      await s.close();
    }
  });

  it('queues again the runs a stopped server left unfinished', async () => {
    const store = createMemoryStore();
    const bytes = readFileSync(SMALL);
    const { createHash } = await import('node:crypto');
    const id = createHash('sha256').update(bytes).digest('hex');
    await store.putDocument({ id, name: 'left.pdf', size: bytes.length }, bytes);
    const { resultVersion } = await import('../../src/pipeline/cache.js');
    const run = await store.createRun({ documentId: id, pipelineVersion: resultVersion({ ocr: 'off' }) });
    await store.updateRun(run.id, { status: 'processing', progress: { stage: 'read', done: 1, total: 2 } });
    const s = await start({ store });
    try {
      expect((await settle(s.url, id)).status).toBe('done');
    } finally {
      await s.close();
    }
  });
});

describe('API with an injected answerer', () => {
  it('keeps only finding ids that exist and stores the exchange', async () => {
    const answerer: Answerer = async (input) => ({
      answer: `${input.result.findings.length} findings`,
      citations: [{ page: 1, table: 't1', row: 1, bbox: [10, 10, 50, 20], id: 'x', kind: 'cell' }],
      findingIds: ['invented-id', ...input.result.findings.slice(0, 1).map((f) => f.id)],
    });
    const s = await start({ answerer });
    try {
      const doc = DocumentView.parse(await json(await upload(s.url, SEED)));
      await settle(s.url, doc.id);
      const res = await fetch(`${s.url}/api/documents/${doc.id}/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: 'how many?', lang: 'en' }) });
      const a = AskResponse.parse(await res.json());
      expect(a.findingIds).not.toContain('invented-id');
      expect(a.findingIds).toHaveLength(1);
      const chat = await s.store.listChat(doc.id);
      expect(chat.map((m) => [m.role, m.lang])).toEqual([['user', 'en'], ['assistant', 'en']]);
      expect(chat[1]!.citations[0]!.bbox).toEqual([10, 10, 50, 20]);
    } finally {
      await s.close();
    }
  });
});

describe('API auth', () => {
  let s: Server;
  let open: Server;
  beforeAll(async () => {
    s = await start({ auth: { token: 's3cret-token' } });
    open = await start();
  });
  afterAll(async () => {
    await s.close();
    await open.close();
  });

  it('needs the bearer token on the API when one is set', async () => {
    const none = await fetch(`${s.url}/api/documents`);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    await expectError(none, 401, 'E_UNAUTHORIZED');
    await expectError(await fetch(`${s.url}/api/documents`, { headers: { authorization: 'Bearer wrong' } }), 401, 'E_UNAUTHORIZED');
    await expectError(await upload(s.url, SMALL), 401, 'E_UNAUTHORIZED');
    expect(await s.store.listDocuments()).toEqual([]);
    const ok = await fetch(`${s.url}/api/documents`, { headers: { authorization: 'Bearer s3cret-token' } });
    expect(ok.status).toBe(200);
  });

  it('leaves health, the OpenAPI document and the web page open', async () => {
    expect((await fetch(`${s.url}/api/health`)).status).toBe(200);
    expect((await fetch(`${s.url}/api/openapi.json`)).status).toBe(200);
    expect((await fetch(`${s.url}/`)).status).toBe(200);
  });

  it('needs no token when none is set', async () => {
    expect((await fetch(`${open.url}/api/documents`)).status).toBe(200);
  });
});

describe('OpenAPI document', () => {
  let s: Server;
  let doc: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  beforeAll(async () => {
    s = await start({ auth: { token: 't' } });
    doc = await json(await fetch(`${s.url}/api/openapi.json`));
  });
  afterAll(() => s.close());

  it('is OpenAPI 3.1 with the routes the server has', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBeTruthy();
    expect(Object.keys(doc.paths).sort()).toEqual(
      ['/api/documents', '/api/documents/{id}', '/api/documents/{id}/ask', '/api/documents/{id}/chat', '/api/documents/{id}/findings', '/api/documents/{id}/model', '/api/documents/{id}/pdf', '/api/documents/{id}/report', '/api/documents/{id}/reviews', '/api/documents/{id}/reviews/{findingId}', '/api/documents/{id}/tables', '/api/health', '/api/openapi.json'].sort(),
    );
    expect(doc.components.securitySchemes.bearer).toEqual(expect.objectContaining({ type: 'http', scheme: 'bearer' }));
  });

  it('has unique operation ids, responses for every operation, and declared path parameters', () => {
    const ids = new Set<string>();
    for (const [p, item] of Object.entries<Record<string, any>>(doc.paths)) { // eslint-disable-line @typescript-eslint/no-explicit-any
      const params = [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries<Record<string, any>>(item)) { // eslint-disable-line @typescript-eslint/no-explicit-any
        if (method === 'parameters') continue;
        expect(['get', 'post', 'put', 'delete']).toContain(method);
        expect(ids.has(op.operationId)).toBe(false);
        ids.add(op.operationId);
        expect(Object.keys(op.responses).length).toBeGreaterThan(0);
        const declared = [...(item.parameters ?? []), ...(op.parameters ?? [])].filter((x: { in: string }) => x.in === 'path').map((x: { name: string }) => x.name);
        expect(declared.sort()).toEqual(params.sort());
      }
    }
  });

  it('resolves every $ref and describes the model from the zod schemas', () => {
    const refs: string[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k === '$ref') refs.push(x as string);
          else walk(x);
        }
      }
    };
    walk(doc);
    expect(refs.length).toBeGreaterThan(10);
    for (const r of refs) {
      expect(r).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas[r.split('/').at(-1)!], r).toBeDefined();
    }
    const finding = doc.components.schemas.Finding;
    expect(finding.properties.severity.enum).toEqual(Finding.shape.severity.options);
    expect(finding.required).toEqual(expect.arrayContaining(['id', 'check', 'severity', 'citations']));
    expect(doc.components.schemas.AskRequest.required).toEqual(['question']);
    expect(doc.paths['/api/documents'].post.responses['202']).toBeDefined();
    expect(doc.paths['/api/documents'].post.responses['413']).toBeDefined();
    expect(doc.paths['/api/documents'].post.responses['415']).toBeDefined();
    expect(doc.paths['/api/documents/{id}/ask'].post.responses['501']).toBeDefined();
    expect(doc.security).toEqual([{ bearer: [] }]);
  });
});
