import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/extract/index.js';
import { layout, paragraph, table } from './helpers.js';

describe('extractReport', () => {
  const identity = paragraph(1, 'LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) KECAMATAN DUMAI BARAT TAHUN 2023');

  it('reads another office’s name in a sasaran cell, not in budget item names', () => {
    const pk = table('t1', [
      ['No', 'Sasaran Strategis', 'Indikator Kinerja', 'Target', 'Realisasi', 'Capaian'],
      ['1', 'Meningkatnya Kualitas Pelayanan Kecamatan Sungai Sembilan', 'Indeks Kepuasan Masyarakat', '87', '82,84', '95,21'],
    ]);
    const budget = table('t2', [
      ['Kode', 'Uraian', 'Pagu', 'Realisasi'],
      ['7.01.01.2.09.0002', 'Pemeliharaan Kendaraan Dinas Operasional', '10.000.000', '9.000.000'],
      ['7.01.02.2.02.0001', 'Pelayanan Administrasi Terpadu Kecamatan Sungai Sembilan', '5.000.000', '5.000.000'],
    ]);
    const r = extractReport(layout([pk, budget], [identity]));
    expect(r.report.instansi).toMatch(/Dumai Barat/i);
    const offices = r.claims.filter((c) => c.kind === 'mention' && c.entity === 'office');
    expect(offices.map((c) => [c.kind === 'mention' ? c.value : '', c.cite.cell])).toEqual([['Kecamatan Sungai Sembilan', 't1.r1c1']]);
  });

  it.each([
    ['labelled "Sub Jumlah"', 'Sub Jumlah'],
    ['labelled like a total, proved by the JUMLAH adding them up', 'Jumlah Sasaran'],
    ['labelled with no total word, proved by the rows above adding up to it', 'Alokasi Sasaran'],
  ])('a program list with subtotal rows per sasaran: the JUMLAH adds up the subtotals (%s)', (_name, label) => {
    const pk = table('t1', [
      ['No', 'Program', 'Anggaran (Rp)'],
      ['1', 'Program Penunjang Urusan', '1.000.000'],
      ['2', 'Program Pelayanan Umum', '2.000.000'],
      ['', label, '3.000.000'],
      ['3', 'Program Pemberdayaan', '500.000'],
      ['4', 'Program Ketertiban', '700.000'],
      ['', label, '1.200.000'],
      ['', 'JUMLAH', '4.200.000'],
    ], { caption: 'Tabel 2.2 Program dan Anggaran Perjanjian Kinerja' });
    const r = extractReport(layout([pk], [identity]));
    const rows = r.budget.filter((b) => b.table === 't1');
    expect(rows.map((b) => b.level)).toEqual(['program', 'program', 'subtotal', 'program', 'program', 'subtotal', 'total']);
    expect(rows[6]!.sumOf).toEqual([rows[2]!.id, rows[5]!.id]);
  });
});
