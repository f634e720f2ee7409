/**
 * Layouts from the corpus's dev split that once went wrong, read from their PDFs: header group
 * labels in borderless tables (Chromium and LibreOffice renderings), figure columns set too close to
 * show a gap, a caption or a sentence between two tables, and a skewed grey scan with shaded header
 * cells. Only dev documents are used here; the held-out ones are never opened while changing rules.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ocrAvailable } from '../../src/ingest/index.js';
import { readTables } from '../../src/pipeline/tables.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pdf = (id: string): string => path.join(root, 'evals/corpus/pdf', `${id}.pdf`);
const ocr = await ocrAvailable();

describe('corpus layouts (dev split)', () => {
  it.each([
    {
      name: 'chromium, borderless: groups spanning and centred over their sub-columns, a wrapped label beside them',
      id: 'c067',
      page: 6,
      columns: ['No', 'Sasaran Strategis', 'Indikator Kinerja', 'Satuan', 'Tahun 2019 / Target', 'Tahun 2019 / Realisasi', 'Tahun 2019 / Capaian (%)', 'Renstra 2016-2021 / Target Akhir', 'Renstra 2016-2021 / Capaian (%)', 'Predikat'],
    },
    {
      name: 'chromium: a caption in roman numerals and a sentence in body type end the tables around them',
      id: 'c067',
      page: 6,
      columns: ['No', 'Indikator Kinerja', 'Satuan', 'Realisasi 2017', 'Realisasi 2018', 'Realisasi 2019'],
    },
    {
      name: 'a centred "% Capaian" reaching over the boundary into the realisasi column stays in its own; "Tahun 2025" set above the header, over three of its columns, is their group',
      id: 'c013',
      page: 6,
      columns: ['No', 'Sasaran Strategis', 'Indikator Kinerja', 'Satuan', 'Tahun 2025 / Target', 'Tahun 2025 / Realisasi', 'Tahun 2025 / % Capaian', 'Predikat'],
    },
    {
      name: 'libreoffice: "Realisasi  % Capaian" read as one run of words is split at its wide gap',
      id: 'c014',
      page: 6,
      columns: ['No', 'Sasaran Strategis', 'Indikator Kinerja', 'Satuan', 'Target', 'Realisasi', '% Capaian', 'Predikat'],
    },
    {
      name: 'libreoffice, horizontal rules: a label wrapped under its neighbours is no group over them',
      id: 'c014',
      page: 7,
      columns: ['Kode', 'Program/Kegiatan/Sub Kegiatan', 'Pagu (Rp)', 'Realisasi Anggaran (Rp)'],
    },
  ])('$name', async ({ id, page, columns }) => {
    const layout = await readTables(pdf(id), { pages: [page], ocr: 'off' });
    const found = layout.tables.find((t) => columns.every((c, i) => t.columns[i] === c));
    expect(found, JSON.stringify(layout.tables.map((t) => t.columns))).toBeDefined();
  });

  it('libreoffice: a part of two rows before a page break splits its row numbers off as every row shows, and joins the rest', async () => {
    const layout = await readTables(pdf('c013'), { pages: [6, 7], ocr: 'off' });
    // "Realisasi" centred over the three years, above the header's one-line labels, is their group.
    const compare = layout.tables.find((t) => t.columns.join('|') === 'No|Indikator Kinerja|Satuan|Realisasi / 2023|Realisasi 2024|Realisasi / 2025');
    expect(compare?.pages).toEqual([6, 7]);
    expect(compare?.rows[0]!.cells.slice(0, 2).map((c) => c.text)).toEqual(['1.', 'Persentase kendaraan wajib uji yang lulus uji berkala']);
  });

  it('chromium, borderless: a repeated header that took in the rest of a split row gives the rest back to the row', async () => {
    const layout = await readTables(pdf('c042'), { pages: [8, 9], ocr: 'off' });
    const budget = layout.tables.find((t) => t.pages.join(',') === '8,9')!;
    const texts = budget.rows.map((r) => r.cells[1]!.text);
    expect(texts).toContain('Pencegahan, Pengendalian, Pemadaman, Penyelamatan, dan Penanganan Bahan Berbahaya dan Beracun Kebakaran dalam Daerah Kabupaten/Kota');
    expect(texts.filter((t) => /^Program\/Kegiatan/.test(t))).toEqual([]);
  });

  it('chromium: a cell wrapped over seven lines keeps its table going to the row after it', async () => {
    const layout = await readTables(pdf('c067'), { pages: [8], ocr: 'off' });
    const codes = layout.tables.flatMap((t) => t.rows.map((r) => r.cells[0]!.text));
    expect(codes).toContain('1.05.02.2.01.0015');
    expect(codes).toContain('1.05.02.2.03');
  });

  it('chromium: a table continued on the next page with its caption printed below the end is one table with that caption', async () => {
    const layout = await readTables(pdf('c017'), { pages: [8, 9], ocr: 'off' });
    expect(layout.tables.map((t) => [t.pages, t.caption])).toEqual([[[8, 9], 'Tabel 3.5 Realisasi Anggaran Satuan Polisi Pamong Praja Tahun 2023']]);
  });

  it('chromium: a page holding one row of a table, and a part under "Lanjutan", continue the table', async () => {
    const layout = await readTables(pdf('c051'), { pages: [8, 9, 10], ocr: 'off' });
    const budget = layout.tables.find((t) => t.pages.length > 1)!;
    expect(budget.pages).toEqual([8, 9, 10]);
    const row = budget.rows.find((r) => r.cells[0]!.text === '2.1')!;
    expect(row.page).toBe(9);
    expect(row.cells.map((c) => c.text).slice(1, 3)).toEqual(['Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan', 'Rp 303,405,800']);
  });

  it('chromium: a page holding only the last lines of a split row, between two parts, does not break the table', async () => {
    const layout = await readTables(pdf('c013'), { pages: [8, 9, 10], ocr: 'off' });
    const budget = layout.tables.find((t) => t.pages.includes(8) && t.pages.includes(10))!;
    expect(budget.pages).toEqual([8, 10]);
    const last8 = budget.rows.filter((r) => r.page === 8).at(-1)!;
    expect(last8.cells[1]!.text).toMatch(/Penunjang Urusan Pemerintahan Daerah$/);
    expect(last8.cells[1]!.parts?.map((p) => p.page)).toContain(9);
    expect(layout.paragraphs.filter((p) => p.page === 9)).toEqual([]);
  });

  it('a scale whose last two rows open the next page (the first taken for a header there) is one table of four bands', async () => {
    const layout = await readTables(pdf('c051'), { pages: [6, 7], ocr: 'off' });
    const scale = layout.tables.find((t) => /Skala Nilai/.test(t.caption ?? ''))!;
    expect(scale.pages).toEqual([6, 7]);
    expect(scale.rows.map((r) => r.cells[2]!.text)).toEqual(['Sangat Berhasil', 'Berhasil', 'Cukup Berhasil', 'Tidak Berhasil']);
  });

  it('libreoffice: a % column set right against the sisa column is its own column', async () => {
    const layout = await readTables(pdf('c014'), { pages: [7], ocr: 'off' });
    const budget = layout.tables.find((t) => t.columns[0] === 'Kode')!;
    expect(budget.rows[0]!.cells.slice(-2).map((c) => c.text)).toEqual(['86,17', '510.773.610,-']);
  });

  it.skipIf(!ocr.ok)('a skewed grey scan with a shaded two-row header is read as its grid, header and rows', async () => {
    const layout = await readTables(pdf('c057'), { pages: [8] });
    const budget = layout.tables.find((t) => /REALISASI ANGGARAN/.test(t.caption ?? ''))!;
    expect(budget.method).toBe('lattice');
    expect(budget.columns.slice(1, 3)).toEqual(['Anggaran (Rp) / Pagu', 'Anggaran (Rp) / Realisasi']);
    expect(budget.rows[0]!.cells.map((c) => c.text).slice(1)).toEqual(['8.485.813.200,-', '7.912.901.288,-', '93,25', '572.911.912,-']);
    expect(budget.rows.length).toBeGreaterThanOrEqual(17);
  }, 60_000);
});
