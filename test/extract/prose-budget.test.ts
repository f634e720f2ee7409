import { describe, expect, it } from 'vitest';
import { KeyRegistry } from '../../src/extract/rules/cells.js';
import { mapColumns } from '../../src/extract/rules/columns.js';
import { extractProseBudget, proseTotals } from '../../src/extract/rules/prose-budget.js';
import { extractBudget } from '../../src/extract/rules/tables.js';
import { paragraph, table } from './helpers.js';

const PK =
  'Sasaran 1 : Terwujudnya keserasian data penduduk 1. Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota Rp. 7.491.571.265,- Sasaran 2 : Meningkatnya kepemilikan dokumen kependudukan 1. Program Pendaftaran Penduduk Rp.237.541.200,- 2. Program Pencatatan Sipil Rp.99.356.000,- 3. Program Pengelolaan Informasi Administrasi Kependudukan Rp.79.622.900,- JUMLAH Rp.7.908.091.365,- Dumai, Januari 2023 Pihak Pertama';

describe('programs listed in prose', () => {
  it('reads each numbered program with its amount, and the JUMLAH over them, as a table of their own', () => {
    const { tables, budget } = extractProseBudget([paragraph(51, 'PERJANJIAN KINERJA DINAS KEPENDUDUKAN TAHUN 2023'), paragraph(51, PK)], new KeyRegistry());
    expect(budget.map((b) => [b.level, b.uraian, b.pagu?.value])).toEqual([
      ['program', 'Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota', 7491571265],
      ['program', 'Program Pendaftaran Penduduk', 237541200],
      ['program', 'Program Pencatatan Sipil', 99356000],
      ['program', 'Program Pengelolaan Informasi Administrasi Kependudukan', 79622900],
      ['total', 'JUMLAH', 7908091365],
    ]);
    expect(budget[4]!.sumOf).toEqual(budget.slice(0, 4).map((b) => b.id));
    expect(tables).toEqual([expect.objectContaining({ id: 'l1', kind: 'budget-summary', variant: 'original', pages: [51] })]);
    expect(budget[1]!.pagu?.cite).toMatchObject({ page: 51, table: 'l1', row: 1 });
    expect(budget[1]!.pagu?.text).toBe('Rp.237.541.200,-');
  });

  it.each([
    ['one program in running prose is not a list', 'Anggaran 1. Program Pendaftaran Penduduk sebesar Rp.237.541.200,- terserap 99%.'],
    ['numbered items that are not programs', '1. Belanja Operasi Rp.1.000.000 2. Belanja Modal Rp.2.000.000'],
  ])('%s', (_, text) => {
    expect(extractProseBudget([paragraph(3, text)], new KeyRegistry()).budget).toEqual([]);
  });

  it('takes the variant from the title: a revised PK is perubahan', () => {
    const { tables } = extractProseBudget([paragraph(60, 'PERUBAHAN PERJANJIAN KINERJA TAHUN 2023'), paragraph(60, PK)], new KeyRegistry());
    expect(tables[0]?.variant).toBe('perubahan');
  });
});

describe('a total stated under a budget table', () => {
  const t = table('t24', [
    ['No', 'Program', 'Anggaran', 'Realisasi', '%'],
    ['1', 'Program Penunjang', '8.000.000.000', '7.800.000.000', '97,50%'],
    ['2', 'Program Pendaftaran', '939.501.115', '900.220.833', '95,82%'],
  ]);
  const rows = (text: string, page = 1, top = 100) => {
    const keys = new KeyRegistry();
    const map = mapColumns(t, 2023);
    const budget = extractBudget({ table: t, map, kind: 'budget-detail', tahun: 2023, indicatorKeys: new KeyRegistry(), budgetKeys: keys, variant: null }).budget;
    return { budget, totals: proseTotals([t], [{ page, text, bbox: [50, top, 500, top + 30] }], budget).budget };
  };

  it('becomes the table’s total over its programs, with its realisasi and percentage', () => {
    const { budget, totals } = rows('Total anggaran belanja adalah Rp.8.955.501.115 dengan realisasi Rp.8.700.220.833 atau dengan capaian sebesar 97,32% dari total anggaran. Anggaran tidak dapat terserap 100%.');
    expect(totals).toHaveLength(1);
    expect(totals[0]).toMatchObject({ table: 't24', level: 'total', uraian: 'Total anggaran belanja', sumOf: budget.map((b) => b.id) });
    expect([totals[0]!.pagu?.value, totals[0]!.realisasi?.value, totals[0]!.persen?.value]).toEqual([8955501115, 8700220833, 97.32]);
  });

  it.each([
    ['on another page', 'Total anggaran belanja adalah Rp.8.955.501.115 dengan realisasi Rp.8.700.220.833.', 2, 100],
    ['far below the table', 'Total anggaran belanja adalah Rp.8.955.501.115 dengan realisasi Rp.8.700.220.833.', 1, 400],
    ['a sentence that is not a total', 'Anggaran belanja program adalah Rp.8.955.501.115.', 1, 100],
  ])('is ignored %s', (_, text, page, top) => {
    expect(rows(text, page, top).totals).toEqual([]);
  });
});

describe('a budget stated on its own', () => {
  it('"Pagu … : Rp X Realisasi … : Rp Y Persentase … : Z%" is a one-row table the serapan check can read', () => {
    const text = 'Pagu Anggaran Program Tahun 2023 : Rp. 1.456.900.300 Realisasi Anggaran Program Tahun 2023 : Rp. 1.400.807.500 Persentase Capaian Program Tahun 2023 : 96,14% Dumai, 02 Januari 2024';
    const { tables, budget } = proseTotals([], [paragraph(66, text)], [], 3);
    expect(tables).toEqual([expect.objectContaining({ id: 'l3', kind: 'budget-summary', pages: [66] })]);
    expect(budget.map((b) => [b.uraian, b.level, b.pagu?.value, b.realisasi?.value, b.persen?.value])).toEqual([['Pagu Anggaran Program Tahun 2023', 'total', 1456900300, 1400807500, 96.14]]);
  });
  it('needs both the pagu and the realisasi', () => {
    expect(proseTotals([], [paragraph(66, 'Pagu Anggaran Program Tahun 2023 : Rp. 1.456.900.300.')], []).budget).toEqual([]);
  });
});
