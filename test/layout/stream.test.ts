import { describe, expect, it } from 'vitest';
import { layoutPage } from '../../src/layout/index.js';
import { findStreamTables } from '../../src/layout/stream.js';
import { columnLabels } from '../../src/layout/build.js';
import type { Page, Word } from '../../src/model/document.js';

/** Lays out words of a line from (x, y), `gap` points apart; widths from a rough 5 pt per character. */
function line(texts: Array<string | [string, number]>, x: number, y: number, gap = 2.5): Word[] {
  const out: Word[] = [];
  for (const t of texts) {
    const [text, at] = Array.isArray(t) ? t : [t, undefined];
    const x0 = at ?? x;
    const width = text.length * 5;
    out.push({ text, bbox: [x0, y, x0 + width, y + 11], size: 10, ocr: false });
    x = x0 + width + gap;
  }
  return out;
}

function page(words: Word[]): Page {
  return { page: 1, width: 595, height: 842, source: 'text', words, rules: [] };
}

describe('stream tables', () => {
  it('a line without figures opening in lower case continues the row above (wrapped cells side by side)', () => {
    const words = [
      ...line(['Sasaran', ['Indikator', 150], ['Target', 330], ['Capaian', 400], ['Predikat', 480]], 57, 100),
      ...line(['Meningkatnya', ['Jumlah', 150], 'pengaduan', ['8', 340], ['137,50', 400], ['Sangat', 480]], 57, 112),
      ...line(['kualitas', ['yang', 150], 'belum', ['Berhasil', 480]], 57, 124),
      ...line(['Meningkatnya', ['Jumlah', 150], 'lembaga', ['13', 340], ['107,70', 400], ['Sangat', 480]], 57, 136),
      ...line(['ketertiban', ['yang', 150], 'dibina', ['Berhasil', 480]], 57, 148),
      ...line(['Meningkatnya', ['Indeks', 150], 'kepuasan', ['80', 340], ['98,10', 400], ['Tinggi', 480]], 57, 160),
    ];
    const t = layoutPage(page(words)).tables[0]!;
    expect(t.rows.slice(t.headerCount).map((r) => r.cells[r.cells.length - 1]!.text)).toEqual(['Sangat Berhasil', 'Sangat Berhasil', 'Tinggi']);
  });

  it('splits a row band holding two figures stacked in one column (a merged cell beside two rows, no rule between)', () => {
    const rules = [100, 118, 148, 166].map((pos) => ({ pos, a: 50, b: 520 }));
    const words = [
      ...line(['No', ['Sasaran', 90], ['Indikator', 230], ['Target', 470]], 57, 104),
      ...line(['1.', ['Meningkatnya', 90], ['Jumlah', 230], 'titik', 'rawan', ['14', 480]], 57, 122),
      ...line(['2.', ['pelayanan', 90], ['Jumlah', 230], 'kecelakaan', ['232', 475]], 57, 134),
      ...line(['3.', ['Meningkatnya', 90], ['Indeks', 230], 'kepuasan', ['89,9', 472]], 57, 152),
    ];
    const [pt] = findStreamTables(page(words), new Set(), rules);
    expect(pt!.nRows).toBe(4);
  });

  it.each([
    {
      name: 'header cells set close together stay apart (no word across a boundary, wider gaps at the boundaries)',
      header: line(['No', ['Indikator', 90], ['Realisasi', 308], '2022', ['Realisasi', 381.7], '2023', ['Realisasi', 455.4], '2024'], 57, 100),
      expect: ['Realisasi 2022', 'Realisasi 2023', 'Realisasi 2024'],
    },
    {
      name: 'a group label over two columns, evenly spaced, stays one spanning cell',
      header: line(['No', ['Indikator', 90], ['Anggaran', 340], 'Program', 'Perangkat', 'Daerah'], 57, 100),
      expect: ['Anggaran Program Perangkat Daerah', 'Anggaran Program Perangkat Daerah', 'Anggaran Program Perangkat Daerah'],
    },
  ])('$name', (c) => {
    // Ten rows: a column boundary may be crossed by one line in ten (the header's run of labels).
    const body = Array.from({ length: 10 }, (_, i) => line([`${i + 1}`, ['Indikator', 90], `${i + 1}`, [`8${i},31`, 330], [`8${i},51`, 403.7], [`7${i},43`, 477.4]], 57, 114 + 14 * i));
    const words = [...c.header, ...body.flat()];
    const t = layoutPage(page(words)).tables[0]!;
    expect(columnLabels(t.rows, t.headerCount, t.nCols).slice(2)).toEqual(c.expect);
  });

  it('finds columns of a borderless table from aligned figures', () => {
    const words = [
      ...line(['Kode', ['Uraian', 120], ['Pagu', 330], ['Realisasi', 420], ['%', 520]], 57, 100),
      ...line(['1.01', ['Belanja', 120], 'Pegawai', ['1.200.000', 330], ['1.150.000', 420], ['95,83', 520]], 57, 112),
      ...line(['1.02', ['Belanja', 120], 'Barang', 'dan', 'Jasa', ['800.000', 340], ['760.000', 430], ['95,00', 520]], 57, 124),
      ...line(['1.03', ['Belanja', 120], 'Modal', ['300.000', 340], ['299.000', 430], ['99,67', 520]], 57, 136),
    ];
    const tables = findStreamTables(page(words), new Set(), []);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.nCols).toBe(5);
    expect(tables[0]!.nRows).toBe(4);
    const pl = layoutPage(page(words));
    const t = pl.tables[0]!;
    expect(t.headerCount).toBe(1);
    expect(t.rows[2]!.cells.map((c) => c.text)).toEqual(['1.02', 'Belanja Barang dan Jasa', '800.000', '760.000', '95,00']);
  });

  it('splits a row of figures whose every gap is a column gap, however narrow', () => {
    // Gaps of 16–20 pt at 10 pt type, as LibreOffice sets right-aligned amounts: each is a column.
    const words = [
      ...line(['Pagu', ['Realisasi', 160], ['%', 245], ['Sisa', 266]], 57, 100),
      ...line(['1.357.900.300', ['1.303.398.418', 140], ['95,99', 225], ['54', 266]], 57, 112),
      ...line(['1.294.050.300', ['1.240.172.918', 140], ['95,84', 225], ['53', 266]], 57, 124),
      ...line(['1.801.705.300', ['1.733.657.668', 140], ['96,22', 225], ['68', 266]], 57, 136),
    ];
    const [t] = findStreamTables(page(words), new Set(), []);
    expect(t?.nCols).toBe(4);
  });

  it('leaves justified prose alone', () => {
    // Every gap stretched alike, one of them a little wider: still one chunk per line.
    const words: Word[] = [];
    for (let k = 0; k < 6; k++) words.push(...line(['Capaian', 'kinerja', 'tahun', 'ini', 'menunjukkan', 'peningkatan', 'yang', 'cukup', 'berarti'], 57, 100 + k * 12, 6 + (k % 2)));
    expect(findStreamTables(page(words), new Set(), [])).toEqual([]);
    expect(layoutPage(page(words)).paragraphs).toHaveLength(1);
  });
});
