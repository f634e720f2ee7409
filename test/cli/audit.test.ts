import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuditResult } from '../../src/model/report.js';

const exec = promisify(execFile);

async function lkjip(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec('node', ['bin/lkjip.js', ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('lkjip audit', () => {
  let json: AuditResult;
  beforeAll(async () => {
    const r = await lkjip(['audit', 'samples/000_7d82b3f27f46e2ac.pdf', '--no-ocr', '--format', 'json']);
    expect(r.code).toBe(0);
    json = AuditResult.parse(JSON.parse(r.stdout));
  });

  it('JSON holds the model and the findings, each cited', () => {
    expect(json.report.report.instansi).toMatch(/Kependudukan/);
    expect(json.findings.length).toBeGreaterThan(5);
    for (const f of json.findings) {
      expect(f.citations.length).toBeGreaterThan(0);
      expect(f.message.id).toBeTruthy();
      expect(f.message.en).toBeTruthy();
    }
    const capaian = json.findings.find((f) => f.check === 'capaian' && f.printed?.text === '75,07%');
    expect(capaian?.severity).toBe('error');
    expect(capaian?.citations.map((c) => c.page)).toContain(8);
  });

  it('text report groups by check with page references, in Indonesian by default', async () => {
    const r = await lkjip(['audit', 'samples/000_7d82b3f27f46e2ac.pdf', '--no-ocr', '--only', 'capaian']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/■ capaian \(\d+\)/);
    expect(r.stdout).toMatch(/hal\. 8/);
    expect(r.stdout).toMatch(/\[KESALAHAN\]/);
    expect(r.stdout).not.toMatch(/■ sum-rows/);
  });

  it('html is self-contained and escapes text from the PDF', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lkjip-'));
    const out = path.join(dir, 'r.html');
    const r = await lkjip(['audit', 'samples/000_7d82b3f27f46e2ac.pdf', '--no-ocr', '--format', 'html', '--lang', 'en', '-o', out]);
    expect(r.code).toBe(0);
    const html = await readFile(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|src="http|href="http/);
    expect(html).toContain('75,07%');
  });

  it('--fail-on error exits 3 when errors are found; --min-severity filters', async () => {
    const r = await lkjip(['audit', 'samples/000_7d82b3f27f46e2ac.pdf', '--no-ocr', '--format', 'csv', '--fail-on', 'error', '--min-severity', 'error']);
    expect(r.code).toBe(3);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^id,check,severity/);
    expect(lines.slice(1).every((l) => l.split(',')[2] === 'error')).toBe(true);
  });

  it('bad input: one line with a code, exit 1, no stack trace', async () => {
    const r = await lkjip(['audit', 'test/fixtures/bad/encrypted.pdf']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^lkjip: E_PDF_ENCRYPTED: .*\(stage: ingest, file: test\/fixtures\/bad\/encrypted\.pdf\)$/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const bad = await lkjip(['audit', 'samples/000_7d82b3f27f46e2ac.pdf', '--lang', 'fr']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/E_BAD_ARGUMENT: --lang must be one of id, en/);
  });
});

describe('lkjip extract', () => {
  it('writes one CSV per entity for spreadsheet users', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lkjip-'));
    const r = await lkjip(['extract', 'samples/003_eded5028092eddcb.pdf', '--no-ocr', '--format', 'csv', '-o', dir]);
    expect(r.code).toBe(0);
    const budget = await readFile(path.join(dir, 'budget.csv'), 'utf8');
    expect(budget.split('\n')[0]).toBe('id,table,kode,uraian,level,parent,pagu,pagu_value,realisasi,realisasi_value,persen,persen_value,sisa,sisa_value,prakiraan,prakiraan_value,page');
    expect(budget).toContain('10.524.299.300');
    const indicators = await readFile(path.join(dir, 'indicators.csv'), 'utf8');
    expect(indicators).toContain('Indeks Kepuasan Masyarakat');
    expect((await readFile(path.join(dir, 'belanja.csv'), 'utf8')).split('\n')[0]).toBe('id,uraian,kind,amount,amount_value,source,group,page');
    expect((await readFile(path.join(dir, 'efficiency.csv'), 'utf8')).split('\n')[0]).toMatch(/^id,table,uraian,capaian/);
  });
});
