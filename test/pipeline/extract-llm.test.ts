import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LayoutDocument } from '../../src/model/table.js';
import { reportFromLayout } from '../../src/pipeline/extract.js';
import { startFake, type FakeEndpoint, type Reply } from '../chat/fake-openai.js';
import { grid } from '../chat/fixture.js';

const recorded = JSON.parse(readFileSync(new URL('../extract-llm/fixtures/structure-replies.json', import.meta.url), 'utf8')) as Record<string, Reply[]>;

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

const saved = { ...process.env };
let fake: FakeEndpoint | null = null;
afterEach(async () => {
  process.env = { ...saved };
  await fake?.close();
  fake = null;
});

async function configure(replies: Reply[]): Promise<void> {
  fake = await startFake(replies);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lkjip-llm-'));
  const file = path.join(dir, 'config.json');
  await writeFile(file, JSON.stringify({ baseUrl: fake.url, apiKey: 'k', model: 'fake-model', cacheDir: path.join(dir, 'cache') }));
  for (const k of ['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'LKJIP_MODEL']) delete process.env[k];
  process.env.LKJIP_CONFIG = file;
}

describe('readReport with --llm', () => {
  it('without a configured model: rules only, and a warning saying so', async () => {
    for (const k of ['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'LKJIP_MODEL']) delete process.env[k];
    process.env.LKJIP_CONFIG = '/nonexistent/lkjip.json';
    const r = await reportFromLayout(layout(), { llm: true });
    expect(r.tables[0]!.kind).toBe('other');
    expect(r.warnings.map((w) => w.code)).toContain('W_LLM_UNCONFIGURED');
  });

  it('with a model: its structure places the table, the numbers still come from the cells', async () => {
    await configure(recorded.valid!);
    const r = await reportFromLayout(layout(), { llm: true });
    expect(r.tables[0]).toMatchObject({ kind: expect.stringMatching(/^budget/), by: 'llm' });
    const row = r.budget.find((b) => /Pencatatan Sipil/.test(b.uraian));
    expect(row?.pagu).toMatchObject({ text: '99.356.000', value: 99_356_000, cite: { table: 't1', cell: expect.stringMatching(/^t1\.r\d+c1$/) } });
    expect(fake!.requests.length).toBeGreaterThan(0);
  });
});
