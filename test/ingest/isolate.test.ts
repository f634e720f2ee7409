// The page reader's heap ceiling: a page that needs more memory than the reader thread may take is
// reported unread with W_LIMIT_MEMORY and the pages around it are read; a ceiling too low to open
// the document at all is a coded error that names it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { readPdfIsolated } from '../../src/ingest/isolate.js';
import { pdf, textPages } from '../../scripts/badinput/make.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'lkjip-isolate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const flate = (text: string) => ({ dict: '/Filter /FlateDecode', data: new Uint8Array(deflateSync(Buffer.from(text, 'latin1'))) });

describe('the page reader under its memory ceiling', () => {
  // Three pages; the second draws 3 million path operators, which pdf.js needs well over 256 MiB to
  // hold (the operator limit is lifted so that the memory ceiling is what stops it).
  const file = path.join(dir, 'heavy-middle.pdf');
  writeFileSync(file, pdf([{ content: flate(textPages(1)[0]!) }, { content: flate('0 0 m 1 1 l S\n'.repeat(1_000_000)) }, { content: flate(textPages(2)[1]!) }]));

  it('reports the page that outgrows it as unread with W_LIMIT_MEMORY and reads the others', async () => {
    const raw = await readPdfIsolated(file, { limits: { maxPageOperators: 50_000_000, maxReaderMemoryMb: 256, pageTimeoutMs: 300_000 } });
    expect(raw.warnings.map((w) => [w.code, w.page])).toEqual([['W_LIMIT_MEMORY', 2]]);
    expect(raw.warnings[0]!.message).toMatch(/256 MiB/);
    expect(raw.pages.map((p) => p.page)).toEqual([1, 2, 3]);
    const words = (n: number) => raw.pages.find((p) => p.page === n)!.words.length;
    expect([words(1) > 0, words(2), words(3) > 0]).toEqual([true, 0, true]);
  }, 300_000);

  it('is a coded error naming the limit when the reader cannot even open the document', async () => {
    const err = await readPdfIsolated(file, { limits: { maxReaderMemoryMb: 8 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('E_PDF_UNREADABLE');
    expect((err as AppError).message).toMatch(/8 MiB \(the reader's memory limit\)/);
  }, 120_000);
});
