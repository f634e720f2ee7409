/** `lkjip tables`, run in-process through the same `run(argv)` the binary calls. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/main.js';
import { LayoutDocument } from '../../src/model/table.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = (name: string) => path.join(root, 'test/fixtures', name);

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function lkjip(...argv: string[]): Promise<Result> {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  });
  try {
    const code = await run(argv);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

/** Splits a CSV line, honouring quotes. */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

beforeEach(() => {
  process.exitCode = undefined;
});

describe('lkjip tables output', () => {
  it('prints Markdown by default: one section per table with caption, labels and rows', async () => {
    const r = await lkjip('tables', fixture('pdf/merged-header.lo.pdf'));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('### t1 — page 1 — Tabel 3.3 Capaian Kinerja dan Anggaran Tahun 2023');
    expect(lines[1]).toBe('_lattice, 4 rows × 7 columns_');
    expect(lines[3]).toBe('| INDIKATOR | KINERJA / TARGET | KINERJA / REALISASI | KINERJA / CAPAIAN % | ANGGARAN / ALOKASI | ANGGARAN / REALISASI | ANGGARAN / CAPAIAN |');
    expect(lines[5]).toBe('| Persentase penduduk wajib KTP yang telah memiliki KTP elektronik | 98% | 97,45% | 99,44 | 256.480.000 | 249.312.750 | 97,21% |');
    expect(lines.filter((l) => l.startsWith('| '))).toHaveLength(5);
  });

  it('prints JSON that parses as a LayoutDocument', async () => {
    const r = await lkjip('tables', fixture('pdf/bordered.chrome.pdf'), '--format', 'json');
    expect(r.code).toBe(0);
    const doc = LayoutDocument.parse(JSON.parse(r.stdout));
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0]!;
    expect(t.caption).toBe('Tabel 3.1 Capaian Kinerja Tahun 2023');
    expect(t.rows[0]!.cells.map((c) => c.text).slice(3)).toEqual(['69%', '51,80%', '75,07%']);
    expect(t.rows[1]!.cells[1]!.spannedBy).toBe('t1.r1c1');
  });

  it('prints CSV with one line per cell, each with its page and box', async () => {
    const r = await lkjip('tables', fixture('pdf/borderless.lo.pdf'), '--format', 'csv');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('table,caption,page,row,col,column,header,text,x0,y0,x1,y1');
    // 12 rows (header and 11 body rows) × 5 columns, no merged cells.
    expect(lines).toHaveLength(1 + 12 * 5);
    const rows = lines.slice(1).map(csvFields);
    expect(rows.every((f) => f.length === 12)).toBe(true);
    const jumlah = rows.filter((f) => f[3] === '11');
    expect(jumlah.map((f) => f[7])).toEqual(['', 'JUMLAH', '1.801.705.300', '1.733.657.668', '96,22']);
    expect(jumlah[2]).toEqual(expect.arrayContaining(['t1', 'Tabel 3.5 Realisasi Anggaran', '1', 'Pagu (Rp)', 'no']));
    // A caption with a comma would be quoted; this one is not.
    expect(rows[0]!.slice(0, 8)).toEqual(['t1', 'Tabel 3.5 Realisasi Anggaran', '1', '0', '0', 'Kode', 'yes', 'Kode']);
  });

  it('reads only the pages asked for', async () => {
    const all = LayoutDocument.parse(JSON.parse((await lkjip('tables', fixture('pdf/multipage-norepeat.chrome.pdf'), '--format', 'json')).stdout));
    const r = await lkjip('tables', fixture('pdf/multipage-norepeat.chrome.pdf'), '--pages', '1', '--format', 'json');
    expect(r.code).toBe(0);
    const doc = LayoutDocument.parse(JSON.parse(r.stdout));
    expect(doc.pages.map((p) => p.page)).toEqual([1]);
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]!.pages).toEqual([1]);
    const onPage1 = all.tables[0]!.rows.filter((row) => row.page === 1).length;
    expect(doc.tables[0]!.rows).toHaveLength(onPage1);
    expect(onPage1).toBeLessThan(65);
  });

  describe('to a file', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'lkjip-cli-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('writes -o instead of stdout', async () => {
      const out = path.join(dir, 'tables.md');
      const r = await lkjip('tables', fixture('pdf/hrules.chrome.pdf'), '-o', out);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      expect(await readFile(out, 'utf8')).toMatch(/^### t1 — page 1 — Tabel 3\.6 Realisasi Anggaran per Program dan Kegiatan\n_stream, 11 rows × 5 columns_/);
    });
  });

  it('warns on stderr about an image-only page left unread', async () => {
    const r = await lkjip('tables', fixture('pdf/scanned.pdf'), '--no-ocr');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/_No tables found._/);
    expect(r.stdout).toMatch(/Unread pages: 1 \(no text layer/);
    expect(r.stderr).toBe('warning W_OCR_OFF: Page 1 has no text layer and OCR is off\n');
  });
});

describe('lkjip tables errors', () => {
  /** One line on stderr, `lkjip: CODE: message`, and nothing that looks like a stack trace. */
  function oneLine(r: Result, code: string): string {
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^lkjip: ${code}: \\S`));
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
    return lines[0]!;
  }

  it('exits 2 with one clear line for a bad --format', async () => {
    const r = await lkjip('tables', fixture('pdf/bordered.lo.pdf'), '--format', 'xml');
    expect(r.code).toBe(2);
    expect(oneLine(r, 'E_BAD_ARGUMENT')).toBe('lkjip: E_BAD_ARGUMENT: --format must be one of md, json, csv (got "xml") (stage: cli)');
  });

  it('exits 2 for a bad --ocr-lang', async () => {
    const r = await lkjip('tables', fixture('pdf/scanned.pdf'), '--ocr-lang', 'ind;rm');
    expect(r.code).toBe(2);
    oneLine(r, 'E_BAD_ARGUMENT');
  });

  it.each([
    [['--pages', '3-1'], /Bad page range "3-1"/],
    [['--pages', 'abc'], /Cannot read page range "abc"/],
    [['--pages', '2'], /Page 2 is outside 1–1/],
  ])('exits 2 for %j', async (args, message) => {
    const r = await lkjip('tables', fixture('pdf/bordered.lo.pdf'), ...args);
    expect(r.code).toBe(2);
    expect(oneLine(r, 'E_BAD_PAGES')).toMatch(message);
  });

  it('exits 1 with E_NOT_PDF for a text file, without a stack trace', async () => {
    const file = fixture('bad/not-a-pdf.pdf');
    const r = await lkjip('tables', file);
    expect(r.code).toBe(1);
    const line = oneLine(r, 'E_NOT_PDF');
    expect(line).toContain(`file: ${file}`);
  });

  it.each([
    ['bad/empty.pdf', 'E_FILE_EMPTY'],
    ['bad/encrypted.pdf', 'E_PDF_ENCRYPTED'],
    ['bad/truncated.pdf', 'E_PDF_CORRUPT'],
    ['bad/missing.pdf', 'E_FILE_NOT_FOUND'],
  ])('exits 1 for %s with %s', async (file, code) => {
    const r = await lkjip('tables', fixture(file));
    expect(r.code).toBe(1);
    oneLine(r, code);
  });

  it('keeps the cause for LKJIP_DEBUG only', async () => {
    vi.stubEnv('LKJIP_DEBUG', '1');
    try {
      const r = await lkjip('tables', fixture('bad/corrupt.pdf'));
      expect(r.code).toBe(1);
      expect(r.stderr.split('\n')[0]).toMatch(/^lkjip: E_PDF_CORRUPT: /);
      expect(r.stderr).toMatch(/\n\s+at /);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('exits non-zero for a missing argument and an unknown option', async () => {
    const missing = await lkjip('tables');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/missing required argument 'file\.pdf'/);
    const unknown = await lkjip('tables', fixture('pdf/bordered.lo.pdf'), '--frobnicate');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/unknown option '--frobnicate'/);
  });
});

describe('lkjip tables --help', () => {
  it('lists the options', async () => {
    const r = await lkjip('tables', '--help');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatchInlineSnapshot(`
      "Usage: lkjip tables [options] <file.pdf>

      Print every table of a PDF with its id, pages, caption, header and rows

      Arguments:
        file.pdf                the report

      Options:
        --pages <range>         pages to read, e.g. 3-9,12
        --format <fmt>          md | json | csv (default: "md")
        --no-ocr                do not OCR image-only pages
        --ocr-lang <langs>      OCR languages, e.g. ind+eng (default: ind)
        -o, --out <file>        write to a file instead of stdout
        --max-stream-mb <mb>    largest inflated stream, in MiB (default 128)
        --max-document-mb <mb>  largest total of inflated streams, in MiB (default
                                1024)
        --max-image-mp <n>      largest image, in millions of pixels (default 150)
        --max-page-ops <n>      most drawing operators on a page (default 1000000)
        --page-timeout <s>      longest time to read one page, in seconds (default
                                30); OCR of an image-only page may take 4 times this
        --max-reader-mb <mb>    heap of the thread that reads pages, in MiB (default
                                2048)
        -h, --help              display help for command
      "
    `);
  });
});
