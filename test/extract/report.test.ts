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

describe('which agreement a program budget belongs to', () => {
  const identity = paragraph(1, 'LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) DINAS CONTOH TAHUN 2021');
  const on = (t: ReturnType<typeof table>, page: number, y: number) => ({ ...t, pages: [page], rows: t.rows.map((r) => ({ ...r, page, cells: r.cells.map((c) => ({ ...c, page })) })), bbox: [50, y, 500, y + 80] as [number, number, number, number] });
  const said = (page: number, y: number, text: string) => ({ ...paragraph(page, text), bbox: [50, y - 30, 500, y - 5] as [number, number, number, number] });
  const pk = (page: number) => on(table('t1', [['No', 'Sasaran', 'Indikator Kinerja', 'Satuan', 'Target'], ['1', 'Meningkatnya pendapatan', 'Persentase kenaikan PAD', '%', '10']], { caption: 'Tabel 2.1 Perjanjian Kinerja Tahun 2021', page }), page, 200);
  const programs = (id: string, page: number, pagu: string) =>
    on(table(id, [['No', 'Program', 'Anggaran (Rp)'], ['1', 'Program Pengelolaan Pendapatan Daerah', pagu], ['', 'JUMLAH', pagu]], { caption: `Tabel ${id} Program dan Anggaran Tahun 2021`, page }), page, 400);
  const revisedContext = said(2, 200, 'Selama Tahun 2021 telah dilakukan perubahan Perjanjian Kinerja 2 kali, masing-masing Perubahan I tanggal 5 Juli 2021.');
  const budgetIntro = said(2, 400, 'Untuk mendukung pelaksanaan Sasaran Strategis tersebut, program didukung dengan anggaran sebagai berikut:');

  it('printed right after the revised PK, naming no version: the revision’s own budget', () => {
    const r = extractReport(layout([pk(2), programs('t2', 2, '1.074.377.800')], [identity, revisedContext, budgetIntro]));
    expect(r.tables.find((t) => t.id === 't1')?.variant).toBe('perubahan');
    expect(r.tables.find((t) => t.id === 't2')?.variant).toBe('perubahan');
  });

  it('when the report prints a revised program budget of its own, the unmarked one is the original', () => {
    const revised = on(programs('t3', 3, '1.053.967.500'), 3, 400);
    const r = extractReport(layout([pk(2), programs('t2', 2, '1.074.377.800'), revised], [identity, revisedContext, budgetIntro, said(3, 400, 'Kemudian seiring dengan Perubahan Anggaran disusun Perubahan Perjanjian Kinerja sebagai berikut:')]));
    expect(r.tables.find((t) => t.id === 't2')?.variant).toBe('original');
    expect(r.tables.find((t) => t.id === 't3')?.variant).toBe('perubahan');
  });
});
