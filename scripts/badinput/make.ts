/**
 * The bad-input corpus: small PDFs (a few KB each) built here byte by byte, each standing for one way
 * a file received from outside can be bad or hostile, with the outcome lkjip must give for it. Nothing
 * large is committed: the decompression bomb is 2–3 KB on disk and inflates to `bombBytes`.
 *
 *   npx tsx scripts/badinput/make.ts [dir]     # writes the files and prints the cases
 *
 * The tests (test/badinput/) build the corpus in a temporary folder and run the CLI, the server and
 * batch over it.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { once } from 'node:events';
import { createDeflate, deflateSync } from 'node:zlib';

export interface BadInput {
  /** File name inside the corpus folder. */
  name: string;
  what: string;
  /**
   * What lkjip must do: `error` with this code (exit 1), or `ok` with at least these warning codes
   * on these pages (every other page read).
   */
  expect: { kind: 'error'; code: string } | { kind: 'ok'; warnings: Array<{ code: string; page: number }>; unread: number[] };
}

export interface BadInputOptions {
  /** Bytes the bomb's content stream inflates to (default 1.1 GB). */
  bombBytes?: number;
}

/**
 * Writes the corpus into `dir` and returns its cases.
 *
 * @example
 *   const cases = await makeBadInputs(await mkdtemp(path.join(os.tmpdir(), 'bad-')));
 */
export async function makeBadInputs(dir: string, opts: BadInputOptions = {}): Promise<BadInput[]> {
  await mkdir(dir, { recursive: true });
  const bomb = await bombStream(opts.bombBytes ?? BOMB_BYTES);
  const cases: Array<BadInput & { bytes?: Uint8Array; from?: string }> = [
    {
      name: 'bomb.pdf',
      what: `one page whose content stream, deflated twice, inflates to ${((opts.bombBytes ?? BOMB_BYTES) / 1e9).toFixed(2)} GB`,
      bytes: pdf([{ content: bomb }]),
      expect: { kind: 'error', code: 'E_PDF_UNREADABLE' },
    },
    {
      name: 'bomb-page-3.pdf',
      what: 'five text pages, the third a decompression bomb',
      bytes: pdf(textPages(5).map((c, i) => ({ content: i === 2 ? bomb : flate(c) }))),
      expect: { kind: 'ok', warnings: [{ code: 'W_LIMIT_STREAM', page: 3 }], unread: [3] },
    },
    {
      name: 'garbage-streams.pdf',
      what: 'three pages whose every content stream is random bytes under FlateDecode',
      bytes: pdf([1, 2, 3].map(() => ({ content: { dict: '/Filter /FlateDecode', data: randomBytes(600) } }))),
      expect: { kind: 'error', code: 'E_PDF_UNREADABLE' },
    },
    {
      name: 'garbage-contents.pdf',
      what: 'six pages, pages 2, 4 and 5 with content streams of random bytes (raw and deflated)',
      bytes: pdf(
        textPages(6).map((c, i) =>
          i === 1 || i === 4 ? { content: { dict: '/Filter /FlateDecode', data: randomBytes(900) } } : i === 3 ? { content: { dict: '', data: binaryNoise(900) } } : { content: flate(c) },
        ),
      ),
      expect: {
        kind: 'ok',
        warnings: [2, 4, 5].map((page) => ({ code: 'E_PAGE_FAILED', page })),
        unread: [2, 4, 5],
      },
    },
    {
      name: 'huge-image.pdf',
      what: 'two pages, the second painting a 100,000 × 100,000 px image (2 KB deflated)',
      bytes: pdf([{ content: flate(textPages(1)[0]!) }, { content: flate('q 500 0 0 700 50 50 cm /Im0 Do Q'), image: hugeImage(100_000, 100_000) }]),
      expect: { kind: 'ok', warnings: [{ code: 'W_LIMIT_IMAGE', page: 2 }], unread: [2] },
    },
    {
      name: 'many-operators.pdf',
      what: 'two pages, the second drawing 3 million path operators (deflated to a few KB)',
      bytes: pdf([{ content: flate(textPages(1)[0]!) }, { content: flate('0 0 m 1 1 l S\n'.repeat(1_000_000)) }]),
      expect: { kind: 'ok', warnings: [{ code: 'W_LIMIT_OPERATORS', page: 2 }], unread: [2] },
    },
    {
      name: 'text-only.pdf',
      what: 'three plain text pages (the control: read without a warning)',
      bytes: pdf(textPages(3).map((c) => ({ content: flate(c) }))),
      expect: { kind: 'ok', warnings: [], unread: [] },
    },
    { name: 'truncated.pdf', what: 'a PDF cut in the middle', from: 'test/fixtures/bad/truncated.pdf', expect: { kind: 'error', code: 'E_PDF_CORRUPT' } },
    { name: 'encrypted.pdf', what: 'a password-protected PDF', from: 'test/fixtures/bad/encrypted.pdf', expect: { kind: 'error', code: 'E_PDF_ENCRYPTED' } },
    { name: 'not-a-pdf.pdf', what: 'a text file named .pdf', from: 'test/fixtures/bad/not-a-pdf.pdf', expect: { kind: 'error', code: 'E_NOT_PDF' } },
    { name: 'empty.pdf', what: 'zero bytes', from: 'test/fixtures/bad/empty.pdf', expect: { kind: 'error', code: 'E_FILE_EMPTY' } },
  ];
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
  for (const c of cases) {
    if (c.bytes) await writeFile(path.join(dir, c.name), c.bytes);
    else if (c.from) await copyFile(path.join(root, c.from), path.join(dir, c.name));
  }
  return cases.map(({ name, what, expect }) => ({ name, what, expect }));
}

/** 1.1 GB: the size of the bomb as it was first met. */
export const BOMB_BYTES = 1_100_000_000;

// --- building PDFs --------------------------------------------------------------------------------

interface Stream {
  dict: string;
  data: Uint8Array;
}

interface PageSpec {
  content: Stream;
  image?: Stream;
}

/** A PDF with one page per spec (A4, Helvetica), its xref table at the right offsets. */
export function pdf(pages: PageSpec[], size: [number, number] = [595, 842]): Uint8Array {
  const objects: Array<string | Stream> = [];
  const add = (o: string | Stream) => objects.push(o); // the new object's number
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(''); // the page tree, filled in below
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const kids: number[] = [];
  for (const p of pages) {
    const content = add(p.content);
    const image = p.image ? add(p.image) : 0;
    const resources = `<< /Font << /F1 3 0 R >>${image ? ` /XObject << /Im0 ${image} 0 R >>` : ''} >>`;
    kids.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${size[0]} ${size[1]}] /Resources ${resources} /Contents ${content} 0 R >>`));
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  return serialize(objects);
}

function serialize(objects: Array<string | Stream>): Uint8Array {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let at = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(at);
    const body =
      typeof o === 'string'
        ? [Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`, 'latin1')]
        : [Buffer.from(`${i + 1} 0 obj\n<< ${o.dict} /Length ${o.data.byteLength} >>\nstream\n`, 'latin1'), Buffer.from(o.data), Buffer.from('\nendstream\nendobj\n', 'latin1')];
    for (const b of body) {
      parts.push(b);
      at += b.length;
    }
  });
  const xref = ['xref', `0 ${objects.length + 1}`, '0000000000 65535 f ', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `)].join('\n');
  parts.push(Buffer.from(`${xref}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}

/** A page of text per number, enough words to count as a text layer. */
export function textPages(n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const lines = [`Halaman ${i + 1}: Laporan Kinerja Instansi Pemerintah`, 'Capaian kinerja sasaran strategis tahun anggaran', `Realisasi anggaran program ${i + 1} dan kegiatan pendukung`];
    return lines.map((l, k) => `BT /F1 12 Tf 60 ${760 - k * 20} Td (${l}) Tj ET`).join('\n');
  });
}

function flate(text: string): Stream {
  return { dict: '/Filter /FlateDecode', data: new Uint8Array(deflateSync(Buffer.from(text, 'latin1'))) };
}

/** Bytes that no content-stream lexer can read as operators: control and high bytes only. */
function binaryNoise(n: number): Uint8Array {
  const out = randomBytes(n);
  for (let i = 0; i < n; i++) out[i] = out[i]! < 128 ? (out[i]! % 8) + 1 : out[i]!;
  return new Uint8Array(out);
}

/** Spaces deflated once (about 1000:1), then deflated again: a few KB that inflate to `bytes`. */
async function bombStream(bytes: number): Promise<Stream> {
  const once = await deflateRepeated(Buffer.alloc(1 << 20, 0x20), Math.ceil(bytes / (1 << 20)));
  return { dict: '/Filter [/FlateDecode /FlateDecode]', data: new Uint8Array(deflateSync(once, { level: 9 })) };
}

/** deflate(chunk repeated `times`), fed a chunk at a time so the inflated bytes are never held. */
async function deflateRepeated(chunk: Buffer, times: number): Promise<Buffer> {
  const d = createDeflate({ level: 9, memLevel: 9 });
  const out: Buffer[] = [];
  d.on('data', (b: Buffer) => out.push(b));
  for (let i = 0; i < times; i++) if (!d.write(chunk)) await once(d, 'drain');
  d.end();
  await once(d, 'end');
  return Buffer.concat(out);
}



/** An 8-bit grey image of w × h pixels whose data is a tiny deflated stream (it would inflate to w·h bytes). */
function hugeImage(w: number, h: number): Stream {
  return { dict: `/Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`, data: new Uint8Array(deflateSync(Buffer.alloc(4096, 0x80))) };
}

/**
 * A long report: `n` pages, each a heading and a ruled table of 12 rows × 4 columns of figures (for
 * load tests: every page has text, rules and a table to lay out).
 */
export function manyPages(n: number): Uint8Array {
  return pdf(
    Array.from({ length: n }, (_, i) => {
      const ops = [`BT /F1 12 Tf 60 780 Td (Tabel ${i + 1}. Realisasi anggaran per program) Tj ET`, '0.5 w'];
      for (let r = 0; r <= 12; r++) ops.push(`60 ${740 - r * 20} m 540 ${740 - r * 20} l S`);
      for (let c = 0; c <= 4; c++) ops.push(`${60 + c * 120} 740 m ${60 + c * 120} 500 l S`);
      for (let r = 0; r < 12; r++) {
        const cells = [`Program ${r + 1}`, `${(r + 1) * 1_250_000 + i}`.replace(/\B(?=(\d{3})+$)/g, '.'), `${(r + 1) * 1_100_000 + i}`.replace(/\B(?=(\d{3})+$)/g, '.'), `${(88 + (r % 10)).toFixed(0)},${String(i % 100).padStart(2, '0')}`];
        cells.forEach((t, c) => ops.push(`BT /F1 9 Tf ${66 + c * 120} ${726 - r * 20} Td (${t}) Tj ET`));
      }
      return { content: flate(ops.join('\n')) };
    }),
  );
}

/**
 * One 14,400-pt square page (the largest PDF page) painted with a scanned-looking image and no text:
 * at 300 dpi its raster would be 60,000 px a side.
 */
export function hugeScannedPage(): Uint8Array {
  const [w, h] = [400, 400];
  const pixels = Buffer.alloc(w * h, 255);
  for (let y = 100; y < 300; y++) for (let x = 50; x < 350; x++) if (Math.floor(y / 20) % 2 === 0) pixels[y * w + x] = 0;
  const image = { dict: `/Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`, data: new Uint8Array(deflateSync(pixels)) };
  return pdf([{ content: flate('q 14400 0 0 14400 0 0 cm /Im0 Do Q'), image }], [14400, 14400]);
}

/**
 * A report of `n` pages, those in `scanned` image-only: each such page is the text page rastered
 * by pdftoppm (150 dpi grey) and painted back as an image, so OCR has real words to read. Needs
 * pdftoppm (poppler-utils), as OCR does.
 */
export async function scannedReport(n: number, scanned: number[]): Promise<Uint8Array> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lkjip-scan-'));
  try {
    const texts = textPages(n);
    const source = path.join(dir, 'text.pdf');
    await writeFile(source, pdf(texts.map((c) => ({ content: flate(c) }))));
    const pages: PageSpec[] = [];
    for (let i = 1; i <= n; i++) {
      if (!scanned.includes(i)) {
        pages.push({ content: flate(texts[i - 1]!) });
        continue;
      }
      const out = path.join(dir, `p${i}`);
      await promisify(execFile)('pdftoppm', ['-r', '150', '-gray', '-f', String(i), '-l', String(i), '-singlefile', source, out]);
      const { width, height, pixels } = readGray(await readFile(`${out}.pgm`));
      const image = { dict: `/Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`, data: new Uint8Array(deflateSync(pixels)) };
      pages.push({ content: flate('q 595 0 0 842 0 0 cm /Im0 Do Q'), image });
    }
    return pdf(pages);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The pixels of a binary 8-bit PGM (P5), as pdftoppm -gray writes it. */
function readGray(bytes: Buffer): { width: number; height: number; pixels: Buffer } {
  const head = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!head) throw new Error('not a binary PGM');
  const [width, height] = [Number(head[1]), Number(head[2])];
  return { width, height, pixels: bytes.subarray(head[0].length, head[0].length + width * height) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'scratch/badinput';
  for (const c of await makeBadInputs(dir)) console.log(`${c.name.padEnd(24)} ${c.what} → ${c.expect.kind === 'error' ? c.expect.code : `ok, unread ${c.expect.unread.join(',') || 'none'}`}`);
}
