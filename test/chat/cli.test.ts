import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Answer } from '../../src/chat/index.js';
import { runChat } from '../../src/cli/commands/chat.js';
import { startFake, type FakeEndpoint, type Reply } from './fake-openai.js';
import { fixture } from './fixture.js';

const SAMPLE = 'samples/000_7d82b3f27f46e2ac.pdf';
// The first twelve pages hold the summary tables (IKM on pages 8 and 10, capaian on 8): enough here, and fast.
const PAGES = ['--pages', '1-12'];

/** Runs the CLI in a child process with its own environment (no LLM settings leak in from outside). */
function lkjip(args: string[], opts: { env?: Record<string, string>; input?: string } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('node', ['bin/lkjip.js', ...args], { env: { ...process.env, OPENAI_API_KEY: '', OPENAI_BASE_URL: '', LKJIP_MODEL: '', ...opts.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

let emptyConfig: string;
beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lkjip-chat-'));
  emptyConfig = path.join(dir, 'config.json');
  await writeFile(emptyConfig, '{}');
});

describe('lkjip ask', () => {
  it('answers in JSON with citations resolved to page, table and row', async () => {
    const r = await lkjip(['ask', SAMPLE, 'Berapa realisasi IKM dan di halaman berapa?', '--no-ocr', ...PAGES, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { question: string; answer: unknown };
    const a = Answer.parse(out.answer);
    expect(a.answerer).toBe('deterministic');
    expect(a.language).toBe('id');
    expect(a.text).toContain('93,05');
    expect(a.citations.find((c) => c.id === 't5.r3c4')).toMatchObject({ page: 8, table: 't5', row: 3 });
  });

  it('prints text with numbered sources, in the language asked for', async () => {
    const r = await lkjip(['ask', SAMPLE, 'Why', 'is', 'the', 'capaian', 'of', 'Persentase', 'OPD', 'wrong?', '--no-ocr', ...PAGES, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Formula: /);
    expect(r.stdout).toMatch(/\nSources:\n\[1\] pp?\. \d+/);
  });

  it('rejects a bad option with a clear error', async () => {
    const r = await lkjip(['ask', SAMPLE, 'apa?', '--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/E_BAD_ARGUMENT: --lang must be one of id, en/);
  });

  it('with --llm and no endpoint configured, answers offline and says so', async () => {
    const r = await lkjip(['ask', SAMPLE, 'Ringkas temuan terpenting', '--no-ocr', ...PAGES, '--llm'], { env: { LKJIP_CONFIG: emptyConfig } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^\(Tidak ada LLM yang dikonfigurasi/);
  });

  describe('with --llm against a local fake endpoint', () => {
    let fake: FakeEndpoint;
    const recorded = JSON.parse(readFileSync(new URL('./fixtures/llm-replies.json', import.meta.url), 'utf8')) as Record<string, Reply[]>;
    beforeAll(async () => {
      const chat = [...recorded.sample000Ikm!];
      // Structure calls (tables the rules could not classify) get "not a known table"; chat calls replay the script.
      fake = await startFake((body) => (body.response_format ? (JSON.parse(readFileSync(new URL('../extract-llm/fixtures/structure-replies.json', import.meta.url), 'utf8')) as Record<string, Reply[]>).notPresent![0] : chat.shift()));
    });
    afterAll(() => fake.close());

    it('answers with the model and validates its citations', async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'lkjip-llm-'));
      const config = path.join(dir, 'config.json');
      await writeFile(config, JSON.stringify({ baseUrl: fake.url, apiKey: 'k', model: 'fake-model', cacheDir: path.join(dir, 'cache') }));
      const r = await lkjip(['ask', SAMPLE, 'Berapa realisasi IKM?', '--no-ocr', ...PAGES, '--llm', '--format', 'json'], { env: { LKJIP_CONFIG: config } });
      expect(r.code, r.stderr).toBe(0);
      const a = Answer.parse((JSON.parse(r.stdout) as { answer: unknown }).answer);
      expect(fake.requests.some((b) => Array.isArray(b.tools))).toBe(true);
      expect(a.answerer).toBe('llm');
      expect(a.notice).toBeUndefined();
      expect(a.citations.map((c) => [c.id, c.page, c.table, c.row])).toEqual([
        ['t5.r3c4', 8, 't5', 3],
        ['t6.r6c3', 10, 't6', 6],
      ]);
    });
  });
});

describe('lkjip chat', () => {
  it('answers line by line, lists the sources of the last answer, keeps history', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (d: Buffer) => (text += d.toString()));
    const done = runChat({ prepared: fixture(), input, output });
    input.end('Angka capaian mana yang salah hitung?\n/sources\nMengapa?\n/history\n/bogus\n/quit\nnot read\n');
    const history = await done;
    expect(history.map((t) => t.question)).toEqual(['Angka capaian mana yang salah hitung?', 'Mengapa?']);
    expect(text).toContain('1 angka capaian salah hitung');
    expect(text).toMatch(/Sumber:\n\[1\] hal\. 8, tabel t2, baris 2 — capaian-/);
    expect(text).toContain('Rumus: 51,85 / 69 × 100');
    expect(text).toContain('1. Angka capaian mana yang salah hitung?\n2. Mengapa?');
    expect(text).toContain('Perintah tidak dikenal: /bogus');
    expect(text).not.toContain('not read');
  });

  it('runs as a command on piped input', async () => {
    const r = await lkjip(['chat', SAMPLE, '--no-ocr', ...PAGES], { input: 'Berapa realisasi IKM?\n/sources\n' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/lkjip chat — Dinas Kependudukan/);
    expect(r.stdout).toContain('93,05');
    expect(r.stdout).toMatch(/\[1\] hal\. 8, tabel t5, baris 3 — t5\.r3c4: 93,05/);
  });
});
