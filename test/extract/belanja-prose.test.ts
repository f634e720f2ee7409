import { describe, expect, it } from 'vitest';
import { belanjaStatements } from '../../src/extract/rules/belanja-prose.js';
import { extractClaims } from '../../src/extract/rules/claims.js';
import { paragraph } from './helpers.js';

describe('belanjaStatements', () => {
  const read = (text: string) => belanjaStatements(text).map((s) => [s.total.text, ...s.lines.map((l) => `${l.name}=${l.text}`)]);
  it.each([
    [
      'the total first, the lines after "meliputi"',
      'Alokasi anggaran Satuan Polisi Pamong Praja sesuai DPA Perubahan adalah Rp 11,880,522,500,- (Sebelas Miliar Delapan Ratus Delapan Puluh Juta Lima Ratus Dua Puluh Dua Ribu Lima Ratus Rupiah), meliputi Belanja Modal sebesar Rp 1,793,851,000,- dan Belanja Operasi sebesar Rp 10,168,475,700,-.',
      [['Rp 11,880,522,500,-', 'Modal=Rp 1,793,851,000,-', 'Operasi=Rp 10,168,475,700,-']],
    ],
    [
      'the lines first, the total after them',
      'Belanja Operasi sebesar Rp 11.465.604.500,- dan Belanja Modal sebesar Rp 1.805.528.000,- membentuk keseluruhan anggaran Satuan Polisi Pamong Praja Tahun 2023, yaitu Rp 13.031.425.600,- (Tiga Belas Miliar Rupiah).',
      [['Rp 13.031.425.600,-', 'Operasi=Rp 11.465.604.500,-', 'Modal=Rp 1.805.528.000,-']],
    ],
    [
      'the total in the sentence before, each amount before its label',
      'Anggaran yang dialokasikan pada Tahun 2024 tercatat sebesar Rp15.795.365.800,- (Lima Belas Milyar Rupiah). Dari jumlah tersebut, Rp15.000.932.300,- merupakan Belanja Operasi dan Rp1.069.301.000,- merupakan Belanja Modal.',
      [['Rp15.795.365.800,-', 'Operasi=Rp15.000.932.300,-', 'Modal=Rp1.069.301.000,-']],
    ],
    ['a realisation is not a budget statement', 'Realisasi anggaran sebesar Rp 9.000.000, terdiri dari Belanja Operasi Rp 8.000.000 dan Belanja Modal Rp 1.000.000.', []],
    ['one line is no split', 'Anggaran sebesar Rp 9.000.000 termasuk Belanja Modal sebesar Rp 1.000.000.', []],
    ['two other amounts: which is the total is not said', 'Pagu awal Rp 9.000.000 dan pagu perubahan Rp 9.500.000 terdiri dari Belanja Operasi Rp 8.000.000 dan Belanja Modal Rp 1.500.000.', []],
    ['the sentence before states lines of its own', 'Anggaran Rp 5.000 terdiri dari Belanja Operasi Rp 3.000 dan Belanja Modal Rp 2.000. Tahun lalu, Rp 4.000 merupakan Belanja Operasi dan Rp 1.000 merupakan Belanja Modal.', [['Rp 5.000', 'Operasi=Rp 3.000', 'Modal=Rp 2.000']]],
  ])('%s', (_, text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('gives the claims their belanja group when the statement has no "sebesar … terdiri dari" opener', () => {
    const { belanja } = extractClaims([paragraph(3, 'Belanja Operasi sebesar Rp 11.465.604.500,- dan Belanja Modal sebesar Rp 1.805.528.000,- membentuk keseluruhan anggaran Dinas, yaitu Rp 13.031.425.600,-.')], 'Dinas', 2023);
    expect(belanja.map((b) => [b.kind, b.amount.value, b.group])).toEqual([
      ['total', 13031425600, 'p3.0'],
      ['operasi', 11465604500, 'p3.0'],
      ['modal', 1805528000, 'p3.0'],
    ]);
  });
});
