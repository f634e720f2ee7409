import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readPdf } from '../../src/ingest/pdf.js';
import { finalizeTable, type DraftTable } from '../../src/layout/build.js';
import { layoutDocument, layoutPage } from '../../src/layout/index.js';
import { findStreamTables } from '../../src/layout/stream.js';
import type { Page, PdfDocument, Word } from '../../src/model/document.js';

/** A word placed explicitly: [text, x] or [text, x, { bold }]. */
type Item = string | [string, number] | [string, number, { bold?: boolean }];

interface LineOpts {
  /** Font size; a character is size / 2 wide, a line size * 1.1 tall. */
  size?: number;
  /** Space after each word when the next one is not placed explicitly. */
  gap?: number;
  bold?: boolean;
}

/** Lays out words of a line from (x, y); widths from a rough half an em per character. */
function line(items: Item[], x: number, y: number, opts: LineOpts = {}): Word[] {
  const size = opts.size ?? 10;
  const gap = opts.gap ?? size / 4;
  const out: Word[] = [];
  for (const it of items) {
    const [text, at, o] = Array.isArray(it) ? it : [it, undefined, undefined];
    const x0 = at ?? x;
    const width = text.length * size * 0.5;
    const w: Word = { text, bbox: [x0, y, x0 + width, y + size * 1.1], size, ocr: false };
    if (o?.bold ?? opts.bold) w.bold = true;
    out.push(w);
    x = x0 + width + gap;
  }
  return out;
}

/** x at which a text must start to end at x1 (right-aligned); size 10 by default. */
const right = (text: string, x1: number, size = 10) => x1 - text.length * size * 0.5;
/** x at which a text must start to be centred on cx. */
const centre = (text: string, cx: number, size = 10) => cx - (text.length * size * 0.5) / 2;

function page(words: Word[], n = 1): Page {
  return { page: n, width: 595, height: 842, source: 'text', words, rules: [] };
}

function doc(pages: Page[]): PdfDocument {
  return { file: 'synthetic.pdf', sha256: '0'.repeat(64), pageCount: pages.length, pages, warnings: [] };
}

/** Texts of every row (header first) of a draft table. */
const texts = (t: DraftTable) => t.rows.map((r) => r.cells.map((c) => c.text));

describe('narrow column gaps (narrowSeparators)', () => {
  // No | Indikator | Capaian (%) | Tingkat Efisiensi | Keterangan. Figures are right-aligned at
  // x = 300 and 400; Keterangan labels are centred on 460, so the longest one ("Sangat Efisien")
  // starts only 8 pt (0.8 em) after its row's figure, while the header and the row with the short
  // label "Efisien" leave a clear gap there.
  const words = [
    ...line(['No', ['Indikator', 80], ['Capaian', right('Capaian', 300)], ['Tingkat', 318], 'Efisiensi', ['Keterangan', centre('Keterangan', 460)]], 57, 100),
    ...line(['1', ['Indikator', 80], 'A', ['93,69', right('93,69', 300)], ['1,06', right('1,06', 400)], ['Sangat', 408], 'Efisien'], 57, 114),
    ...line(['2', ['Indikator', 80], 'B', ['88,10', right('88,10', 300)], ['0,95', right('0,95', 400)], ['Efisien', centre('Efisien', 460)]], 57, 128),
    ...line(['3', ['Indikator', 80], 'C', ['97,12', right('97,12', 300)], ['1,01', right('1,01', 400)], ['Efisien', centre('Efisien', 460)]], 57, 142),
  ];

  it('keeps a right-aligned figure and the label next to it in separate columns', () => {
    const [pt] = findStreamTables(page(words), new Set(), []);
    expect(pt?.nCols).toBe(5);
    const t = layoutPage(page(words)).tables[0]!;
    expect(texts(t)).toEqual([
      ['No', 'Indikator', 'Capaian', 'Tingkat Efisiensi', 'Keterangan'],
      ['1', 'Indikator A', '93,69', '1,06', 'Sangat Efisien'],
      ['2', 'Indikator B', '88,10', '0,95', 'Efisien'],
      ['3', 'Indikator C', '97,12', '1,01', 'Efisien'],
    ]);
  });

  it('does not split single-spaced words of a text column where other lines have a gap', () => {
    // "Indeks Kepuasan Masyarakat" runs on with ordinary spaces past where the other rows' short
    // indicators end and their next column has not begun yet.
    const ws = [
      ...line(['No', ['Indikator', 80], ['Target', 300], ['Realisasi', 400]], 57, 100),
      ...line(['1', ['IKM', 80], ['80', 300], ['82', 400]], 57, 114),
      ...line(['2', ['Indeks', 80], 'Kepuasan', 'Masyarakat', ['75', 300], ['77', 400]], 57, 128),
      ...line(['3', ['IPM', 80], ['70', 300], ['71', 400]], 57, 142),
    ];
    const t = layoutPage(page(ws)).tables[0]!;
    expect(t.nCols).toBe(4);
    expect(texts(t)[2]).toEqual(['2', 'Indeks Kepuasan Masyarakat', '75', '77']);
  });

  it('splits two words whose boxes touch where other lines have a column gap', () => {
    // "…kualitas jalan" runs straight into the next cell's "Persentase" (no space at all).
    const at = 80 + 'Meningkatnya kualitas jalan'.length * 5 + 5;
    const ws = [
      ...line(['No', ['Sasaran', 80], ['Indikator', at], ['Target', 500]], 57, 100),
      ...line(['1', ['Meningkatnya', 80], 'kualitas', 'jalan', ['Persentase', at], 'jalan', 'mantap', ['80', 500]], 57, 114),
      ...line(['2', ['Meningkatnya', 80], 'layanan', ['Indeks', at], 'kepuasan', ['85', 500]], 57, 128),
    ];
    // Make the touch exact: "jalan" ends where "Persentase" starts.
    const jalan = ws.find((w) => w.text === 'jalan')!;
    const persentase = ws.find((w) => w.text === 'Persentase')!;
    const shift = persentase.bbox[0] - jalan.bbox[2];
    for (const w of ws.filter((x) => x.bbox[1] === 114 && x.bbox[0] < at && x.bbox[0] >= 80)) {
      w.bbox = [w.bbox[0] + shift, w.bbox[1], w.bbox[2] + shift, w.bbox[3]];
    }
    expect(jalan.bbox[2]).toBe(persentase.bbox[0]);
    const t = layoutPage(page(ws)).tables[0]!;
    expect(texts(t)).toEqual([
      ['No', 'Sasaran', 'Indikator', 'Target'],
      ['1', 'Meningkatnya kualitas jalan', 'Persentase jalan mantap', '80'],
      ['2', 'Meningkatnya layanan', 'Indeks kepuasan', '85'],
    ]);
  });
});

describe('header band (groupRows)', () => {
  it('reads a three-line header with vertically centred cells as one header row', () => {
    // Line 1 leaves the first column empty ("No" is centred on line 2); "(%)" completes
    // "Capaian Kinerja" on line 3. Every line is 14 pt below the previous, header and body alike.
    const cx = { cap: 267.5, pen: 360, tin: 440, ket: 505 };
    const c = (t: string, x: number): [string, number] => [t, centre(t, x)];
    const words = [
      ...line([c('Capaian', cx.cap - 20), 'Kinerja', c('Penyerapan', cx.pen), c('Tingkat', cx.tin)], 0, 100),
      ...line([['No', 57], ['Indikator', 80], 'Kinerja', c('Keterangan', cx.ket)], 0, 114),
      ...line([c('(%)', cx.cap), c('Anggaran', cx.pen - 9), '(%)', c('Efisiensi', cx.tin)], 0, 128),
      ...line([['1', 57], ['Indikator', 80], 'A', c('93,69', cx.cap), c('98,50', cx.pen), c('0,95', cx.tin), c('Efisien', cx.ket)], 0, 142),
      ...line([['2', 57], ['Indikator', 80], 'B', c('88,10', cx.cap), c('90,00', cx.pen), c('0,98', cx.tin), c('Efisien', cx.ket)], 0, 156),
      ...line([['3', 57], ['Indikator', 80], 'C', c('101,2', cx.cap), c('97,40', cx.pen), c('1,04', cx.tin), c('Efisien', cx.ket)], 0, 170),
    ];
    const t = layoutPage(page(words)).tables[0]!;
    expect(t.nCols).toBe(6);
    expect(t.headerCount).toBe(1);
    expect(texts(t)[0]).toEqual(['No', 'Indikator Kinerja', 'Capaian Kinerja (%)', 'Penyerapan Anggaran (%)', 'Tingkat Efisiensi', 'Keterangan']);
    expect(texts(t)[1]).toEqual(['1', 'Indikator A', '93,69', '98,50', '0,95', 'Efisien']);
    expect(t.rows).toHaveLength(4);
  });
});

describe('trailing wrapped line', () => {
  // Kode | Indikator | Target | Realisasi; the last row's indicator wraps onto one more line.
  const body = [
    ...line(['No', ['Indikator', 80], ['Target', 380], ['Realisasi', 460]], 57, 100),
    ...line(['1', ['Persentase', 80], 'realisasi', 'belanja', 'pegawai', ['100', 380], ['98', 460]], 57, 114),
    ...line(['2', ['Persentase', 80], 'realisasi', 'belanja', 'barang', ['100', 380], ['95', 460]], 57, 128),
    ...line(['3', ['Persentase', 80], 'realisasi', 'belanja', 'hibah', 'dan', ['100', 380], ['91', 460]], 57, 142),
    ...line(['bantuan', 'sosial'], 80, 154),
  ];

  it('joins the wrapped text into the last row', () => {
    const pl = layoutPage(page(body));
    const t = pl.tables[0]!;
    expect(texts(t).at(-1)).toEqual(['3', 'Persentase realisasi belanja hibah dan bantuan sosial', '100', '91']);
    expect(pl.paragraphs.map((p) => p.text)).toEqual([]);
  });

  it('does not absorb a caption set just below the table', () => {
    const words = [...body, ...line(['Tabel', '3.5', 'Realisasi', 'Belanja'], 80, 166)];
    const pl = layoutPage(page(words));
    expect(pl.tables).toHaveLength(1);
    const t = pl.tables[0]!;
    expect(texts(t).at(-1)).toEqual(['3', 'Persentase realisasi belanja hibah dan bantuan sosial', '100', '91']);
    expect(texts(t).flat().join(' ')).not.toContain('Tabel');
    expect(t.caption).toBe('Tabel 3.5 Realisasi Belanja');
    expect(pl.paragraphs.map((p) => p.text)).toEqual(['Tabel 3.5 Realisasi Belanja']);
  });
});

describe('stream columns folded after drafting (build.ts)', () => {
  it('folds a centred header and the short left-aligned labels below it into one column', () => {
    // "Jenis Belanja" is centred over a wide column and starts right of the longest label.
    const words = [
      ...line(['No', ['Jenis', 165], 'Belanja', ['Anggaran', 300], ['Realisasi', 420]], 57, 100),
      ...line(['1', ['Belanja', 80], 'Operasi', ['1.200.000.000', 300], ['1.150.000.000', 420]], 57, 114),
      ...line(['2', ['Belanja', 80], 'Modal', ['800.000.000', 310], ['760.000.000', 430]], 57, 128),
      ...line([['JUMLAH', 80], ['2.000.000.000', 300], ['1.910.000.000', 420]], 57, 142),
    ];
    const [pt] = findStreamTables(page(words), new Set(), []);
    expect(pt?.nCols).toBe(5);
    const t = layoutPage(page(words)).tables[0]!;
    expect(t.nCols).toBe(4);
    expect(t.colX).toHaveLength(5);
    expect(t.headerCount).toBe(1);
    expect(texts(t)).toEqual([
      ['No', 'Jenis Belanja', 'Anggaran', 'Realisasi'],
      ['1', 'Belanja Operasi', '1.200.000.000', '1.150.000.000'],
      ['2', 'Belanja Modal', '800.000.000', '760.000.000'],
      ['', 'JUMLAH', '2.000.000.000', '1.910.000.000'],
    ]);
    expect(finalizeTable(t, 't1').columns).toEqual(['No', 'Jenis Belanja', 'Anggaran', 'Realisasi']);
  });

  it('joins the words a merged sasaran cell spills into the next row, which it then covers', () => {
    // Size 8: four points a character. Sasaran and Satuan are text columns; the unit column's
    // "dokumen" starts in lower case under an unfinished "% rumah tangga" but is its own cell.
    const o = { size: 8 };
    const words = [
      ...line(['No', ['Sasaran', 70], ['Indikator', 230], ['Satuan', 380], ['Target', 480]], 50, 100, o),
      ...line(['1', ['Meningkatnya', 70], 'layanan', 'air', 'minum', 'dan', ['Persentase', 230], 'rumah', 'tangga', ['%', 380], 'rumah', 'tangga', ['85', 480]], 50, 112, o),
      ...line(['2', ['irigasi', 70], ['Persentase', 230], 'sawah', 'terairi', ['dokumen', 380], ['12', 480]], 50, 124, o),
      ...line(['3', ['Meningkatnya', 70], 'kualitas', 'jalan', ['Persentase', 230], 'jalan', 'mantap', ['dokumen', 380], ['70', 480]], 50, 136, o),
    ];
    const d = layoutPage(page(words)).tables[0]!;
    expect(d.nCols).toBe(5);
    expect(d.headerCount).toBe(1);
    const t = finalizeTable(d, 't1');
    const sasaran = t.rows.map((r) => r.cells[1]!);
    expect(sasaran[0]!.text).toBe('Meningkatnya layanan air minum dan irigasi');
    expect(sasaran[0]!.rowSpan).toBe(2);
    expect(sasaran[1]!.text).toBe('');
    expect(sasaran[1]!.spannedBy).toBe(sasaran[0]!.id);
    expect(sasaran[2]!.text).toBe('Meningkatnya kualitas jalan');
    expect(sasaran[2]!.spannedBy).toBeUndefined();
    // The row keeps its own number and indicator.
    expect(t.rows[1]!.cells.map((c) => c.text)).toEqual(['2', '', 'Persentase sawah terairi', 'dokumen', '12']);
    // The unit column is not a spill: its cells stay apart.
    expect(t.rows.map((r) => r.cells[3]!.text)).toEqual(['% rumah tangga', 'dokumen', 'dokumen']);
    expect(t.rows.every((r) => r.cells[3]!.spannedBy === undefined && r.cells[3]!.rowSpan === 1)).toBe(true);
  });

  it.each([
    { spill: ['(APIP)'], joined: 'Meningkatnya kapabilitas Aparat Pengawas Intern Pemerintah (APIP)' },
    { spill: ['(Kab/Kota)', 'lainnya'], joined: null },
    { spill: ['(Rp', '3.214.215)'], joined: null },
    { spill: ['Meningkatnya', 'kualitas'], joined: null },
  ])('a sasaran spilling "$spill" into the next row: joined when it cannot open a name', ({ spill, joined }) => {
    const o = { size: 8 };
    const words = [
      ...line(['No', ['Sasaran', 70], ['Indikator', 230], ['Satuan', 380], ['Target', 480]], 50, 100, o),
      ...line(['1', ['Meningkatnya', 70], 'kapabilitas', 'Aparat', ['Level', 230], 'kapabilitas', 'APIP', ['level', 380], ['3', 480]], 50, 112, o),
      ...line([['Pengawas', 70], 'Intern', 'Pemerintah'], 50, 121, o),
      ...line(['2', [spill[0]!, 70], ...spill.slice(1), ['Nilai', 230], 'SAKIP', 'Inspektorat', ['nilai', 380], ['70', 480]], 50, 133, o),
      ...line(['3', ['Meningkatnya', 70], 'kualitas', 'pengawasan', ['Jumlah', 230], 'temuan', 'berulang', ['temuan', 380], ['7', 480]], 50, 145, o),
    ];
    const t = finalizeTable(layoutPage(page(words)).tables[0]!, 't1');
    const sasaran = t.rows.map((r) => r.cells[1]!);
    if (joined) {
      expect(sasaran[0]!.text).toBe(joined);
      expect(sasaran[1]!.spannedBy).toBe(sasaran[0]!.id);
    } else {
      expect(sasaran[1]!.text).toBe(spill.join(' '));
    }
  });
});

describe('a part of one row under a three-line header (groupRows)', () => {
  it('still reads the header lines as one header row', () => {
    const cx = { cap: 267.5, pen: 360, tin: 440, ket: 505 };
    const c = (t: string, x: number): [string, number] => [t, centre(t, x)];
    const words = [
      ...line([c('Capaian', cx.cap - 20), 'Kinerja', c('Penyerapan', cx.pen), c('Tingkat', cx.tin)], 0, 100, { bold: true }),
      ...line([['No', 57], ['Indikator', 80], 'Kinerja', c('Keterangan', cx.ket)], 0, 114, { bold: true }),
      ...line([c('(%)', cx.cap), c('Anggaran', cx.pen - 9), '(%)', c('Efisiensi', cx.tin)], 0, 128, { bold: true }),
      ...line([['1', 57], ['Indikator', 80], 'A', c('93,69', cx.cap), c('98,50', cx.pen), c('0,95', cx.tin), c('Efisien', cx.ket)], 0, 142),
    ];
    const t = layoutPage(page(words)).tables[0]!;
    expect(t.headerCount).toBe(1);
    expect(texts(t)).toEqual([
      ['No', 'Indikator Kinerja', 'Capaian Kinerja (%)', 'Penyerapan Anggaran (%)', 'Tingkat Efisiensi', 'Keterangan'],
      ['1', 'Indikator A', '93,69', '98,50', '0,95', 'Efisien'],
    ]);
  });
});

describe('one-line and two-line labels centred on one middle line, set close together', () => {
  it('reads each label over its own column: no group, no label cut across a column', () => {
    // "Realisasi Anggaran / (Rp)" is a two-line label over the realisasi column only; "% Realisasi"
    // and "Sisa Anggaran (Rp)" touch (one word space apart) and are right-aligned over their figures.
    // Positions as a Chromium rendering of such a table prints them (9 pt type).
    const o = { size: 8.2, gap: 2.2 };
    const words = [
      ...line([['Program/Kegiatan/Sub', 157.6], ['Realisasi', 337.1], ['Anggaran', 376.1]], 0, 497.2, o),
      // A percent sign is wider than half an em: 7 pt here.
      ...line([['Kode', 89.1], ['Anggaran', 270.4], ['(Rp)', 309], ['%', 416.2], ['Realisasi', 425.5], ['Sisa', 464.5], ['Anggaran', 484.6], ['(Rp)', 522]], 0, 501.8, o).map((w) => (w.text === '%' ? { ...w, bbox: [416.2, w.bbox[1], 423.3, w.bbox[3]] as Word['bbox'] } : w)),
      ...line([['Kegiatan', 183.9], ['(Rp)', 366.2]], 0, 506.4, o),
      ...[
        ['5.02.01', 'Program A', '5.643.558.200', '5.202.874.306', '92,19', '440.683.894'],
        ['5.02.01.2.01', 'Kegiatan B', '112.861.800', '111.516.869', '98,81', '1.344.931'],
        ['5.02.01.2.02', 'Kegiatan C', '80.000.000', '60.000.000', '75,00', '20.000.000'],
      ].flatMap(([kode, name, pagu, real, pct, sisa], i) =>
        line([[kode!, 56.8], [name!, 141.3], [pagu!, right(pagu!, 336, 8.2)], [real!, right(real!, 412, 8.2)], [pct!, right(pct!, 464, 8.2)], [sisa!, right(sisa!, 539, 8.2)]], 0, 518 + 20 * i, o),
      ),
    ];
    const t = layoutPage(page(words)).tables[0]!;
    expect(texts(t)[0]).toEqual(['Kode', 'Program/Kegiatan/Sub Kegiatan', 'Anggaran (Rp)', 'Realisasi Anggaran (Rp)', '% Realisasi', 'Sisa Anggaran (Rp)']);
    expect(texts(t)[1]).toEqual(['5.02.01', 'Program A', '5.643.558.200', '5.202.874.306', '92,19', '440.683.894']);
  });
});

describe('a header and one row closing a page (weak head)', () => {
  const header = (y: number) => line(['No', ['Indikator', 90], 'Kinerja', ['Satuan', 300], ['2022', right('2022', 420)], ['2023', right('2023', 480)], ['2024', right('2024', 540)]], 57, y);
  const row = (no: string, name: string[], satuan: string, figs: string[], y: number) =>
    line([no, [name[0]!, 90], ...name.slice(1), [satuan, 300], ...figs.map((f, i): [string, number] => [f, right(f, 420 + 60 * i)])], 57, y);
  const prose = line(['Perbandingan', 'realisasi', 'kinerja', 'disajikan', 'pada', 'tabel', 'berikut.'], 57, 700);
  const page1 = page([
    ...prose,
    ...header(740),
    ...row('1.', ['Jumlah', 'pengaduan', 'yang', 'belum'], 'pengaduan', ['5', '3', '5'], 754),
    ...line([['ditindaklanjuti', 90]], 57, 766),
    ...line(['12'], 290, 810),
  ]);
  const page2 = page([
    ...header(60),
    ...row('2.', ['Persentase', 'desa', 'mandiri'], '%', ['59,25', '57,19', '63,44'], 74),
    ...row('3.', ['Jumlah', 'lembaga', 'yang', 'dibina'], 'lembaga', ['11', '13', '14'], 88),
    ...row('4.', ['Rata-rata', 'waktu', 'layanan'], 'hari', ['3', '1', '3'], 102),
    ...line(['Tabel', '3.3', 'Perbandingan', 'Realisasi', 'Kinerja'], 150, 124),
  ], 2);

  it('opens the table the next page goes on with under the same header', () => {
    const layout = layoutDocument(doc([page1, page2]));
    expect(layout.tables).toHaveLength(1);
    const t = layout.tables[0]!;
    expect(t.pages).toEqual([1, 2]);
    expect(t.caption).toBe('Tabel 3.3 Perbandingan Realisasi Kinerja');
    expect(t.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['1.', 'Jumlah pengaduan yang belum ditindaklanjuti', 'pengaduan', '5', '3', '5'],
      ['2.', 'Persentase desa mandiri', '%', '59,25', '57,19', '63,44'],
      ['3.', 'Jumlah lembaga yang dibina', 'lembaga', '11', '13', '14'],
      ['4.', 'Rata-rata waktu layanan', 'hari', '3', '1', '3'],
    ]);
    expect(t.rows[0]!.page).toBe(1);
    expect(layout.paragraphs.filter((p) => p.page === 1).map((p) => p.text)).toEqual(['Perbandingan realisasi kinerja disajikan pada tabel berikut.', '12']);
  });

  it('gives back the rest of its row that the repeated header picked up on the next page', () => {
    const cut = page([
      ...prose,
      ...header(740),
      ...row('1.', ['Jumlah', 'pengaduan', 'yang', 'belum'], 'pengaduan', ['5', '3', '5'], 754),
      ...line(['12'], 290, 810),
    ]);
    const rest = page([
      ...header(60),
      ...line([['ditindaklanjuti', 90]], 57, 71),
      ...row('2.', ['Persentase', 'desa', 'mandiri'], '%', ['59,25', '57,19', '63,44'], 88),
      ...row('3.', ['Jumlah', 'lembaga', 'yang', 'dibina'], 'lembaga', ['11', '13', '14'], 102),
      ...row('4.', ['Rata-rata', 'waktu', 'layanan'], 'hari', ['3', '1', '3'], 116),
    ], 2);
    const t = layoutDocument(doc([cut, rest])).tables[0]!;
    expect(t.pages).toEqual([1, 2]);
    expect(t.columns[1]).toBe('Indikator Kinerja');
    expect(t.rows[0]!.cells.map((c) => c.text)).toEqual(['1.', 'Jumlah pengaduan yang belum ditindaklanjuti', 'pengaduan', '5', '3', '5']);
  });

  it('leaves the lines as text when the next page opens with another table', () => {
    const other = page([...line(['No', ['Program', 90], ['Pagu', right('Pagu', 420)]], 57, 60), ...line(['1.', ['Program', 90], 'A', ['1.000', right('1.000', 420)]], 57, 74), ...line(['2.', ['Program', 90], 'B', ['2.000', right('2.000', 420)]], 57, 88), ...line(['3.', ['Program', 90], 'C', ['3.000', right('3.000', 420)]], 57, 102)], 2);
    const layout = layoutDocument(doc([page1, other]));
    expect(layout.tables.every((t) => !t.pages.includes(1))).toBe(true);
    expect(layout.paragraphs.filter((p) => p.page === 1).map((p) => p.text).join(' ')).toContain('pengaduan 5 3 5');
  });
});

describe('a caption closing a page whose table opens the next', () => {
  it('is the table\'s caption, and leaves the paragraph', () => {
    const before = page([
      ...line(['Efisiensi', 'diukur', 'dengan', 'membandingkan', 'capaian', 'dan', 'serapan.'], 57, 700),
      ...line(['Tabel', '3.4', 'Efisiensi', 'Penggunaan', 'Sumber', 'Daya'], 150, 772),
    ]);
    const after = page(
      [
        ...line(['No', ['Indikator', 90], ['Capaian', 300], ['Serapan', 380], ['Efisiensi', 460]], 57, 60),
        ...line(['1', ['IKM', 90], ['105,2', 300], ['90,1', 380], ['1,17', 460]], 57, 74),
        ...line(['2', ['SAKIP', 90], ['98,0', 300], ['90,1', 380], ['1,09', 460]], 57, 88),
        ...line(['3', ['WTP', 90], ['100,0', 300], ['90,1', 380], ['1,11', 460]], 57, 102),
      ],
      2,
    );
    const layout = layoutDocument(doc([before, after]));
    expect(layout.tables[0]!.caption).toBe('Tabel 3.4 Efisiensi Penggunaan Sumber Daya');
    expect(layout.paragraphs.filter((p) => p.page === 1).map((p) => p.text)).toEqual(['Efisiensi diukur dengan membandingkan capaian dan serapan.']);
  });
});

describe('weak continuation (layoutDocument)', () => {
  const header = (y: number) => line(['Kode', ['Program/Kegiatan', 110], ['Pagu', right('Pagu (Rp)', 400)], '(Rp)', ['Realisasi', right('Realisasi (Rp)', 520)], '(Rp)'], 57, y);
  const row = (kode: string, label: string[], pagu: string, real: string, y: number) =>
    line([kode, [label[0]!, 110], ...label.slice(1), [pagu, right(pagu, 400)], [real, right(real, 520)]], 57, y);
  /** Page 1 ends with a borderless table; nothing but a page number below it. */
  const page1 = page([
    ...line(['Tabel', '3.1', 'Realisasi', 'Anggaran', 'per', 'Program'], 57, 630),
    ...header(660),
    ...row('1.01', ['Program', 'Penunjang', 'Urusan'], '1.200.000.000', '1.150.000.000', 674),
    ...row('1.02', ['Program', 'Pengelolaan', 'Keuangan'], '800.000.000', '760.000.000', 688),
    ...row('1.03', ['Program', 'Perencanaan'], '300.000.000', '299.000.000', 702),
    ...row('1.04', ['Program', 'Kepegawaian'], '700.000.000', '690.000.000', 716),
    ...line(['12'], 290, 800),
  ]);
  /** Page 2 opens with the repeated header and the JUMLAH line only, then prose. */
  const tail = [
    ...header(60),
    ...line([['JUMLAH', 110], ['3.000.000.000', right('3.000.000.000', 400)], ['2.899.000.000', right('2.899.000.000', 520)]], 57, 74),
    ...line(['Realisasi', 'anggaran', 'tahun', 'ini', 'mencapai', '96,63', 'persen', 'dari', 'pagu', 'yang', 'ditetapkan.'], 57, 110),
  ];

  it('appends a two-line block opening the next page to the table ending the previous page', () => {
    const layout = layoutDocument(doc([page1, page(tail, 2)]));
    expect(layout.tables).toHaveLength(1);
    const t = layout.tables[0]!;
    expect(t.pages).toEqual([1, 2]);
    expect(t.nCols).toBe(4);
    expect(t.columns).toEqual(['Kode', 'Program/Kegiatan', 'Pagu (Rp)', 'Realisasi (Rp)']);
    expect(t.headerRows).toHaveLength(1);
    expect(t.rows).toHaveLength(5);
    const last = t.rows.at(-1)!;
    expect(last.page).toBe(2);
    expect(last.cells.map((c) => c.text)).toEqual(['', 'JUMLAH', '3.000.000.000', '2.899.000.000']);
    expect(last.cells.every((c) => c.page === 2)).toBe(true);
    // The block's text is the table's now; the prose after it stays a paragraph.
    const page2 = layout.paragraphs.filter((p) => p.page === 2).map((p) => p.text);
    expect(page2).toEqual(['Realisasi anggaran tahun ini mencapai 96,63 persen dari pagu yang ditetapkan.']);
  });

  it('appends a part without header whose shorter names leave its column gap elsewhere', () => {
    const part = page([
      ...row('1.05', ['Program', 'A'], '100.000.000', '90.000.000', 60),
      ...row('1.06', ['Program', 'B'], '200.000.000', '150.000.000', 74),
      ...row('1.07', ['Program', 'C'], '300.000.000', '250.000.000', 88),
      ...row('1.08', ['Program', 'D'], '400.000.000', '350.000.000', 102),
      ...line([['JUMLAH', 110], ['4.000.000.000', right('4.000.000.000', 400)], ['3.739.000.000', right('3.739.000.000', 520)]], 57, 116),
    ], 2);
    const layout = layoutDocument(doc([page1, part]));
    expect(layout.tables).toHaveLength(1);
    const t = layout.tables[0]!;
    expect(t.pages).toEqual([1, 2]);
    expect(t.rows).toHaveLength(9);
    expect(t.rows[4]!.cells.map((c) => c.text)).toEqual(['1.05', 'Program A', '100.000.000', '90.000.000']);
    expect(t.rows.at(-1)!.cells.map((c) => c.text)).toEqual(['', 'JUMLAH', '4.000.000.000', '3.739.000.000']);
  });

  /** Page 2: a line at x over three program rows in page 1's columns. */
  const underLine = (words: string[], x: number) =>
    page([
      ...line(words, x, 80),
      ...row('1.05', ['Program', 'A'], '100.000.000', '90.000.000', 94),
      ...row('1.06', ['Program', 'B'], '200.000.000', '150.000.000', 108),
      ...row('1.07', ['Program', 'C'], '300.000.000', '250.000.000', 122),
    ], 2);

  it('joins a label wrapped over the page break, set above the part like a title, to the last row', () => {
    const part = underLine(['KEUANGAN', 'DAERAH'], 110);
    const layout = layoutDocument(doc([page1, part]));
    expect(layout.tables).toHaveLength(1);
    const t = layout.tables[0]!;
    expect(t.rows).toHaveLength(7);
    expect(t.rows[3]!.cells[1]!.text).toBe('Program Kepegawaian KEUANGAN DAERAH');
    expect(t.rows[4]!.cells.map((c) => c.text)).toEqual(['1.05', 'Program A', '100.000.000', '90.000.000']);
    expect(layout.paragraphs.filter((p) => p.page === 2)).toEqual([]);
  });

  it('keeps a short title above the next page\'s table that sits in the label column but not where the label starts', () => {
    const part = underLine(['BELANJA', 'DAERAH'], 150);
    const layout = layoutDocument(doc([page1, part]));
    expect(layout.tables.map((t) => t.pages)).toEqual([[1], [2]]);
    expect(layout.tables[1]!.caption).toBe('BELANJA DAERAH');
  });

  it('keeps a title above the next page\'s table when it reaches beyond the label column', () => {
    const part = underLine(['REALISASI', 'ANGGARAN', 'MENURUT', 'PROGRAM', 'DAN', 'KEGIATAN', 'TAHUN', '2024'], 57);
    const layout = layoutDocument(doc([page1, part]));
    expect(layout.tables).toHaveLength(2);
    expect(layout.tables[1]!.caption).toBe('REALISASI ANGGARAN MENURUT PROGRAM DAN KEGIATAN TAHUN 2024');
  });

  it('takes the block opening the next page, its wrapped line and the caption under it out of the page\'s prose', () => {
    const part = page([
      ...header(60),
      ...row('1.05', ['Program', 'Peningkatan', 'Kapasitas'], '100.000.000', '90.000.000', 74),
      ...line(['Aparatur'], 110, 85),
      ...line(['Tabel', '3.1', 'Realisasi', 'Anggaran', 'per', 'Program'], 180, 97),
      ...line(['B.', 'Analisis', 'Capaian', 'Kinerja'], 57, 160),
    ], 2);
    const layout = layoutDocument(doc([page1, part]));
    expect(layout.tables).toHaveLength(1);
    expect(layout.tables[0]!.rows.at(-1)!.cells[1]!.text).toBe('Program Peningkatan Kapasitas Aparatur');
    expect(layout.paragraphs.filter((p) => p.page === 2).map((p) => p.text)).toEqual(['B. Analisis Capaian Kinerja']);
  });

  it('drops the two-line block when the previous page ends with prose, keeping its text', () => {
    const prose = page([
      ...line(['Tabel', 'di', 'bawah', 'ini', 'menyajikan', 'realisasi', 'anggaran', 'per', 'program', 'tahun', '2024.'], 57, 700),
      ...line(['12'], 290, 800),
    ]);
    const layout = layoutDocument(doc([prose, page(tail, 2)]));
    expect(layout.tables).toEqual([]);
    const page2 = layout.paragraphs.filter((p) => p.page === 2).map((p) => p.text).join(' ');
    expect(page2).toContain('Kode Program/Kegiatan Pagu (Rp) Realisasi (Rp)');
    expect(page2).toContain('JUMLAH 3.000.000.000 2.899.000.000');
  });
});

describe('word splitting at ingest (readWords)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lkjip-words-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A one-page PDF showing `text` in Helvetica 10 pt as a single text run. */
  function tinyPdf(text: string): string {
    const content = `BT /F1 10 Tf 72 700 Td (${text}) Tj ET`;
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    ];
    let pdf = '%PDF-1.4\n';
    const offsets: number[] = [];
    objects.forEach((o, i) => {
      offsets.push(pdf.length);
      pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
    });
    const xref = pdf.length;
    pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
    for (const off of offsets) pdf += `${String(off).padStart(10, '0')} 00000 n \n`;
    pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    const file = path.join(dir, 'words.pdf');
    writeFileSync(file, pdf, 'latin1');
    return file;
  }

  it('splits a lower-case word run into a capitalised one, and nothing else', async () => {
    const raw = await readPdf(tinyPdf('jalanPersentase SiLPA e-KTP Rp.1.000,- LKjIP eKinerja KemenPAN-RB'));
    const words = raw.pages[0]!.words;
    expect(words.map((w) => w.text)).toEqual(['jalan', 'Persentase', 'SiLPA', 'e-KTP', 'Rp.1.000,-', 'LKjIP', 'eKinerja', 'KemenPAN-RB']);
    // The two halves touch: one ends where the other starts.
    expect(words[0]!.bbox[2]).toBeCloseTo(words[1]!.bbox[0], 5);
  });
});

describe('a sentence running over a page break', () => {
  const words = (s: string) => s.split(' ');
  const p1 = page([...line(words('Target indikator ini adalah 85 dengan realisasi 88,42.'), 60, 700), ...line(words('Realisasi indikator ini menurun'), 60, 714), ...line(['6'], 290, 800)], 1);
  const p2 = page([...line(words('dari 86,90 pada tahun 2022 menjadi 88,42.'), 60, 80), ...line(words('Faktor pendukung capaian ini antara lain komitmen pimpinan.'), 60, 94)], 2);

  it('ends in the paragraph it started in; the rest of the next page stays its own', () => {
    const layout = layoutDocument(doc([p1, p2]));
    const texts = layout.paragraphs.map((p) => [p.page, p.text]);
    expect(texts).toContainEqual([1, expect.stringMatching(/menurun dari 86,90 pada tahun 2022 menjadi 88,42\.$/)]);
    expect(texts).toContainEqual([2, 'Faktor pendukung capaian ini antara lain komitmen pimpinan.']);
  });

  it('is not joined when the next page opens with a capital (a new sentence)', () => {
    const p3 = page(line(words('Dari 86,90 pada tahun 2022 menjadi 88,42.'), 60, 80), 2);
    const layout = layoutDocument(doc([p1, p3]));
    expect(layout.paragraphs.find((p) => p.page === 1 && /menurun$/.test(p.text))).toBeDefined();
  });
});

describe('a caption below a borderless table, its words spread over the columns', () => {
  const words = [
    ...line([['Indikator', 60], ['Capaian', 300], ['Efisiensi', 420]], 60, 100),
    ...line([['Nilai', 60], ['SAKIP', 88], ['82,68', right('82,68', 330)], ['0,99', right('0,99', 460)]], 60, 114),
    ...line([['Indeks', 60], ['Kepuasan', 96], ['94,20', right('94,20', 330)], ['1,13', right('1,13', 460)]], 60, 128),
    ...line([['Persentase', 60], ['konsistensi', 116], ['109,17', right('109,17', 330)], ['1,36', right('1,36', 460)]], 60, 142),
    // An OCR line read in pieces: "Tabel 3.4 Efisiensi" and, far right, "Sumber Daya".
    ...line([['Tabel', 178], ['3.4', 207], ['Efisiensi', 226], ['Sumber', 348], ['Daya', 384]], 178, 158),
  ];
  it('ends the table: the caption is neither a row nor a reason to merge columns', () => {
    const t = layoutPage(page(words)).tables[0]!;
    expect(texts(t)).toEqual([
      ['Indikator', 'Capaian', 'Efisiensi'],
      ['Nilai SAKIP', '82,68', '0,99'],
      ['Indeks Kepuasan', '94,20', '1,13'],
      ['Persentase konsistensi', '109,17', '1,36'],
    ]);
    expect(t.caption).toBe('Tabel 3.4 Efisiensi Sumber Daya');
  });
});

describe('a header label set apart from its right-aligned figures (narrowSeparators)', () => {
  const fixture = JSON.parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/label-apart.json'), 'utf8')) as { words: Array<[string, number, number, number, number, number]>; rules: Page['rules'] };
  const words: Word[] = fixture.words.map(([text, x0, y0, x1, y1, size]) => ({ text, bbox: [x0, y0, x1, y1], size, ocr: false }));
  it('keeps the label, the figures and a range printed across the gap in one column', () => {
    const t = layoutPage({ ...page(words), rules: fixture.rules }).tables[0]!;
    const rows = texts(t);
    expect(t.nCols).toBe(10);
    expect(rows.slice(t.headerCount).map((r) => r.slice(3, 9))).toEqual([
      ['hari', '5', '3,32', '150,60 %', '4', '120,48 %'],
      ['%', '64', '65,58', '102 %', '68', '96,44 %'],
      ['nilai', '57 s.d. 61', '55,65', '97,63 %', '69', '80,65 %'],
      ['nilai', '87', '93,72', '170,72 %', '96', '97,63 %'],
    ]);
  });
});

describe('a header label reaching over a column boundary it is not set over', () => {
  const fixture = JSON.parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/label-overhang.json'), 'utf8')) as { words: Array<[string, number, number, number, number, number]>; rules: Page['rules'] };
  const words: Word[] = fixture.words.map(([text, x0, y0, x1, y1, size]) => ({ text, bbox: [x0, y0, x1, y1], size, ocr: false }));
  it('labels the realisasi amounts "Realisasi" and the percentages "% Realisasi", not both with the two glued', () => {
    const t = finalizeTable(layoutPage({ ...page(words), rules: fixture.rules }).tables[0]!, 't1');
    expect(t.columns.slice(2)).toEqual(['Pagu', 'Realisasi', '% Realisasi', 'Sisa (Rp)']);
  });
});
