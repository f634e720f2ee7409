import { describe, expect, it } from 'vitest';
import { mapColumns } from '../../src/extract/rules/columns.js';
import { realignShiftedRows } from '../../src/extract/rules/realign.js';
import { table } from './helpers.js';

const HEADER = ['NO', 'TUJUAN', 'INDIKATOR KINERJA UTAMA', 'CAPAIAN KINERJA (%)', 'PENYERAPAN ANGGARAN (%)', 'TINGKAT EFISIENSI'];

function realign(rows: string[][]): string[][] {
  const t = table('t9', [HEADER, ...rows]);
  return realignShiftedRows(t, mapColumns(t, 2023)).rows.map((r) => r.cells.map((c) => c.text));
}

describe('rows typed one cell short', () => {
  it.each([
    {
      name: 'a row one cell short under a merged tujuan is read one column to the right; the label that falls off is dropped',
      rows: [
        ['1', 'Mewujudkan Kualitas Pelayanan Publik', 'Indeks Kepuasan Masyarakat', '87', '82,48%', '1.05'],
        ['', 'Persentase Pelaksanaan Tugas Pemerintahan Umum', '100%', '99,01%', '1.01', 'Efisien'],
      ],
      want: [
        ['1', 'Mewujudkan Kualitas Pelayanan Publik', 'Indeks Kepuasan Masyarakat', '87', '82,48%', '1.05'],
        ['', '', 'Persentase Pelaksanaan Tugas Pemerintahan Umum', '100%', '99,01%', '1.01'],
      ],
    },
    {
      name: 'rows that fit their columns stay as printed',
      rows: [
        ['1', 'Mewujudkan Kualitas', 'Indeks Kepuasan Masyarakat', '87', '82,48%', '1.05'],
        ['', '', 'Persentase Pelaksanaan Tugas', '100%', '99,01%', '1.01'],
      ],
      want: null,
    },
    {
      name: 'a row with a single misplaced value stays (one conflict is not a shift)',
      rows: [['', 'Persentase Pelaksanaan Tugas', 'Indeks X', 'tinggi', '99,01%', '1.01']],
      want: null,
    },
    {
      name: 'a row whose shift would push a figure off the table stays',
      rows: [['', 'Persentase Pelaksanaan Tugas', '100%', '99,01%', '1.01', '1.02']],
      want: null,
    },
    {
      name: 'a row starting in the first column has no room to move',
      rows: [['Persentase Pelaksanaan Tugas', 'Nama', '100%', '99,01%', '1.01', 'Efisien']],
      want: null,
    },
  ])('$name', ({ rows, want }) => {
    expect(realign(rows)).toEqual(want ?? rows);
  });

  it('keeps each moved cell’s printed place for its citation', () => {
    const t = table('t9', [HEADER, ['', 'Persentase Pelaksanaan Tugas', '100%', '99,01%', '1.01', 'Efisien']]);
    const row = realignShiftedRows(t, mapColumns(t, 2023)).rows[0]!;
    expect(row.cells[3]).toMatchObject({ text: '100%', col: 3, id: 't9.r1c2', bbox: t.rows[0]!.cells[2]!.bbox });
  });

  it('leaves a table without both name and figure columns alone', () => {
    const t = table('t1', [['No', 'Uraian', 'Keterangan'], ['', 'Satu', 'Dua']]);
    expect(realignShiftedRows(t, mapColumns(t, 2023))).toBe(t);
  });
});
