import { readFileSync } from 'node:fs';
import { mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractReport } from '../../src/extract/index.js';
import { candidateTables, renderTable, suggestStructure, validateStructure, type LlmConfig, type TableStructure } from '../../src/extract/llm/index.js';
import type { LayoutDocument } from '../../src/model/table.js';
import { contentOf, startFake, type FakeEndpoint, type Reply } from '../chat/fake-openai.js';
import { grid } from '../chat/fixture.js';

const recorded = JSON.parse(readFileSync(new URL('./fixtures/structure-replies.json', import.meta.url), 'utf8')) as Record<string, Reply[]>;

/** A budget table whose headers the rules do not know ("Nama", "Nilai A", "Nilai B"): classified `other`. */
function layout(): LayoutDocument {
  return {
    file: 'x.pdf',
    sha256: 'x',
    pageCount: 3,
    pages: [],
    tables: [
      grid('t1', 3, 'Lampiran 1', [
        ['Nama', 'Nilai A', 'Nilai B'],
        ['Program Pendaftaran Penduduk', '237.541.200', '235.657.400'],
        ['Program Pencatatan Sipil', '99.356.000', '98.290.000'],
        ['Jumlah', '336.897.200', '333.947.400'],
      ]),
    ],
    paragraphs: [],
    warnings: [],
  };
}

let fake: FakeEndpoint | null = null;
let cacheDir: string;
beforeEach(async () => {
  cacheDir = await mkdtemp(path.join(os.tmpdir(), 'lkjip-cache-'));
});
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function endpoint(script: string | Reply[], timeoutMs = 5000): Promise<LlmConfig> {
  fake = await startFake(typeof script === 'string' ? recorded[script]! : script);
  return { baseUrl: fake.url, apiKey: 'k', model: 'fake-model', timeoutMs, cacheDir, source: 'test' };
}

const userMessages = (i: number) => fake!.requests[i]!.messages!.filter((m) => m.role === 'user').map(contentOf);

describe('LLM-assisted table structure', () => {
  it('asks only about tables the rules could not classify that hold figures', () => {
    const l = layout();
    const report = extractReport(l);
    expect(report.tables[0]?.kind).toBe('other');
    expect(candidateTables(l, report).map((t) => t.id)).toEqual(['t1']);
    const toc = { ...l, tables: [grid('t1', 2, 'DAFTAR ISI', [['Bab', 'Hal'], ['BAB I', '1'], ['BAB II', '9']])] };
    expect(candidateTables(toc, extractReport(toc))).toEqual([]);
  });

  it('sends the table as data with cell ids, in strict schema mode', async () => {
    const config = await endpoint('valid');
    await suggestStructure(layout(), { config });
    const req = fake!.requests[0]!;
    const format = req.response_format as { type: string; json_schema: { name: string; strict: boolean; schema: { required: string[] } } };
    expect(format.type).toBe('json_schema');
    expect(format.json_schema.strict).toBe(true);
    expect(format.json_schema.schema.required.sort()).toEqual(['columns', 'confidence', 'kind', 'note', 'subtotalRows']);
    const user = userMessages(0)[0]!;
    expect(user).toMatch(/^<table_data>/);
    expect(user).toContain('t1.r3c0: Jumlah | t1.r3c1: 336.897.200');
    expect(contentOf(req.messages![0])).toMatch(/never read, copy, compute or correct numbers/);
  });

  it('returns structure only: the numbers still come from the cells', async () => {
    const config = await endpoint('valid');
    const res = await suggestStructure(layout(), { config });
    expect(res.tables).toEqual([expect.objectContaining({ table: 't1', status: 'hint', attempts: 1, errors: [] })]);
    expect(res.hints).toEqual([
      { table: 't1', kind: 'budget-detail', columns: { uraian: 0, pagu: 1, realisasiAnggaran: 2 }, subtotalRows: [{ row: 3, kind: 'total' }], confidence: 0.82, note: expect.any(String) },
    ]);
    expect(res.usage).toEqual({ promptTokens: 1204, completionTokens: 87, totalTokens: 1291 });

    const report = extractReport(layout(), { hints: res.hints });
    expect(report.tables[0]).toMatchObject({ kind: 'budget-detail', by: 'llm' });
    const pendaftaran = report.budget.find((b) => /Pendaftaran/.test(b.uraian))!;
    expect(pendaftaran.pagu).toMatchObject({ text: '237.541.200', value: 237541200, cite: { cell: 't1.r1c1', page: 3 } });
    expect(pendaftaran.realisasi).toMatchObject({ text: '235.657.400', value: 235657400 });
    // The model's note mentions 999.999.999; no value in the model comes from it.
    const values = report.budget.flatMap((b) => [b.pagu?.value, b.realisasi?.value]);
    expect(values).not.toContain(999999999);
  });

  it('feeds malformed JSON back and retries', async () => {
    const config = await endpoint('malformedThenValid');
    const res = await suggestStructure(layout(), { config });
    expect(res.tables[0]).toMatchObject({ status: 'hint', attempts: 2 });
    expect(res.tables[0]!.errors[0]).toMatch(/not valid JSON/);
    const second = fake!.requests[1]!.messages!;
    expect(contentOf(second[2])).toContain('{"kind": "budget-detail", "columns": [{"column": 0, "role": "uraian"},');
    expect(contentOf(second[3])).toMatch(/Your answer was rejected:\n- the answer is not valid JSON/);
    // Tokens of the rejected call count too.
    expect(res.usage.totalTokens).toBe(1204 + 30 + 1290 + 87);
  });

  it('feeds a schema mismatch back and retries', async () => {
    const config = await endpoint('schemaMismatchThenValid');
    const res = await suggestStructure(layout(), { config });
    expect(res.tables[0]).toMatchObject({ status: 'hint', attempts: 2 });
    expect(res.tables[0]!.errors[0]).toMatch(/columns\.0\.column/);
  });

  it('feeds validation errors against the table back and retries', async () => {
    const config = await endpoint('wrongColumnsThenValid');
    const res = await suggestStructure(layout(), { config });
    expect(res.tables[0]).toMatchObject({ status: 'hint', attempts: 2 });
    const feedback = userMessages(1)[1]!;
    expect(feedback).toContain('column 7 does not exist (the table has 3 columns, 0–2)');
    expect(feedback).toContain('role "pagu" needs numbers but column 0 ("Nama") holds none');
    expect(feedback).toContain('subtotal cell "t1.r9c0" is not a body cell of table t1');
    expect(feedback).toContain('kind "budget-detail" needs an "uraian" column');
  });

  it('stops after two retries when the answer never validates', async () => {
    const config = await endpoint('alwaysWrong');
    const res = await suggestStructure(layout(), { config });
    expect(res.tables[0]).toMatchObject({ status: 'invalid', attempts: 3 });
    expect(res.hints).toEqual([]);
    expect(res.calls).toBe(3);
    expect(fake!.remaining()).toBe(0);
    expect(await readdir(cacheDir)).toEqual([]);
  });

  it('accepts a refusal as no answer, without retrying', async () => {
    const config = await endpoint('refusal');
    const res = await suggestStructure(layout(), { config });
    expect(res.tables[0]).toMatchObject({ status: 'refused', attempts: 1 });
    expect(res.tables[0]!.errors[0]).toMatch(/refused: I'm sorry/);
    expect(res.hints).toEqual([]);
  });

  it('accepts "not a known kind of table" as an answer', async () => {
    const config = await endpoint('notPresent');
    const res = await suggestStructure(layout(), { config });
    expect(res.tables[0]).toMatchObject({ status: 'not-present' });
    expect(res.hints).toEqual([]);
  });

  it('reports a timeout and skips the remaining tables', async () => {
    const l = layout();
    l.tables.push({ ...grid('t2', 4, 'Lampiran 2', l.tables[0]!.headerRows.concat(l.tables[0]!.rows).map((r) => r.cells.map((c) => c.text))) });
    const config = await endpoint('timeout', 300);
    const res = await suggestStructure(l, { config });
    expect(res.tables.map((t) => t.status)).toEqual(['failed', 'failed']);
    expect(res.tables[0]!.errors[0]).toMatch(/did not answer in time/);
    expect(res.tables[1]!.errors[0]).toMatch(/^skipped/);
    expect(fake!.requests).toHaveLength(1);
  });

  it('caches answers by content hash: a re-run asks nothing', async () => {
    const config = await endpoint('valid');
    const first = await suggestStructure(layout(), { config });
    expect(first.calls).toBe(1);
    expect((await readdir(path.join(cacheDir, 'table-structure'))).length).toBe(1);
    const again = await suggestStructure(layout(), { config });
    expect(again.calls).toBe(0);
    expect(again.cacheHits).toBe(1);
    expect(again.usage.totalTokens).toBe(0);
    expect(again.hints).toEqual(first.hints);
    expect(again.tables[0]!.status).toBe('cached');
    // A changed cell is a different table: asked again (and the fake has nothing left to answer).
    const changed = layout();
    changed.tables[0]!.rows[0]!.cells[1]!.text = '237.541.201';
    const miss = await suggestStructure(changed, { config });
    expect(miss.cacheHits).toBe(0);
    expect(miss.calls).toBe(1);
    // A new prompt version is a different question too.
    const other = await suggestStructure(layout(), { config, prompt: { version: 'table-structure.v2', text: 'x' } });
    expect(other.cacheHits).toBe(0);
  });

  it('validates an answer against the table', () => {
    const t = layout().tables[0]!;
    const ok: TableStructure = { kind: 'budget-summary', columns: [{ column: 0, role: 'uraian' }, { column: 1, role: 'pagu' }], subtotalRows: [], confidence: 0.9, note: null };
    expect(validateStructure(t, ok)).toEqual([]);
    expect(validateStructure(t, { ...ok, columns: [...ok.columns, { column: 1, role: 'sisa' }] })).toEqual(['column 1 is given two roles; give each column at most one']);
    expect(validateStructure(t, { ...ok, confidence: 2 })).toEqual(['confidence must be between 0 and 1 (got 2)']);
    expect(renderTable(t)).toContain('Columns:\n  0: Nama\n  1: Nilai A\n  2: Nilai B');
  });
});
