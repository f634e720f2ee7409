import { describe, expect, it } from 'vitest';
import { countsIn } from '../../src/extract/rules/counts.js';

describe('countsIn', () => {
  it.each([
    ['digits with words in brackets', 'melaksanakan 5 (lima) program', [['program', 5, 'lima']]],
    ['"sebanyak" before digits', 'terdiri atas sebanyak 12 kegiatan', [['kegiatan', 12, null]]],
    ['words alone, two of them', 'dijabarkan ke dalam dua puluh sub kegiatan', [['sub_kegiatan', 20, 'dua puluh']]],
    ['entity first, "sebanyak" after', 'program sebanyak 5 (lima) dan kegiatan sebanyak 14', [['program', 5, 'lima'], ['kegiatan', 14, null]]],
    ['words with digits in brackets', 'diukur dengan tujuh (7) indikator kinerja', [['indikator', 7, 'tujuh']]],
    ['sasaran strategis', 'menetapkan 3 (tiga) sasaran strategis', [['sasaran', 3, 'tiga']]],
    ['revisions with "mengalami … kali perubahan"', 'Perjanjian Kinerja Tahun 2021 mengalami 2 (dua) kali perubahan.', [['perubahan_pk', 2, 'dua']]],
    ['revisions with "perubahan sebanyak … kali"', 'Terhadap Perjanjian Kinerja telah dilakukan perubahan sebanyak empat kali.', [['perubahan_pk', 4, 'empat']]],
  ])('%s', (_name, text, expected) => {
    expect(countsIn(text).map((c) => [c.entity, c.count, c.words])).toEqual(expected);
  });
  it.each([
    ['a year before the entity', 'Pada tahun 2023 program prioritas'],
    ['a table number', 'Tabel 3.5 program dan kegiatan'],
    ['an ordinal', 'kedua program tersebut'],
    ['"kali" outside a sentence about the PK', 'kegiatan dilaksanakan dua kali setahun'],
    ['brackets that are not a number', 'melaksanakan 5 (utama) program'],
  ])('nothing in %s', (_name, text) => {
    expect(countsIn(text)).toEqual([]);
  });
});

describe('countsIn, captions', () => {
  it.each([['Tabel II-2 Program dan Anggaran'], ['Tabel 3.2 Program dan Anggaran'], ['Tabel 2 Program dan Anggaran']])('no count in "%s"', (text) => {
    expect(countsIn(text)).toEqual([]);
  });
});
