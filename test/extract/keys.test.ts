import { describe, expect, it } from 'vitest';
import { ColumnValues, KeyRegistry, joinSpacedWord, percentSignMisread, scanNoiseFree, lettersSimilarity, nameSimilarity, normalizeName, similarity, spellingOf } from '../../src/extract/rules/cells.js';
import { table } from './helpers.js';

describe('names linked across tables', () => {
  it.each([
    ['the same name in capitals', 'PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA', 'Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota', true],
    ['an abbreviation in parentheses', 'Indeks Kepuasan Masyarakat (IKM)', 'Indeks Kepuasan Masyarakat', true],
    ['letter-spaced text and its plain spelling', 'Ev alu asi Kel ura ha n', 'Evaluasi Kelurahan', true],
    ['letter-spaced text whose plain spelling stems differently', 'Pe mb erd aya an Ma sya rak at', 'Pemberdayaan Masyarakat', true],
    ['letter-spaced text with its label, and the plain name', 'Kegi atan Pem berd ayaa n dan Kese jahte raan Kelu arga Ting kat Keca mata n', 'Kegiatan Pemberdayaan dan Kesejahteraan Keluarga Tingkat Kecamatan', true],
    ['letter-spaced text of another name', 'Ev alu asi Kel ura ha n', 'Pemberdayaan Masyarakat', false],
    ['budget names that differ in their first word', 'Pengadaan Peralatan dan Mesin Lainnya', 'Pemeliharaan Peralatan dan Mesin Lainnya', false],
    [
      'two letter-spaced names with a long common head',
      'P e n i n g k a t a n K e s a d a r a n K e l u a r g a d a l a m M e m b a n g u n K e r j a S a m a',
      'P e n i n g k a t a n K e s a d a r a n K e l u a r g a d a l a m P e n i n g k a t a n P e n d i d i k a n',
      false,
    ],
    ['a fully letter-spaced name and its plain spelling', 'P e n i n g k a t a n K e s a d a r a n K e l u a r g a', 'Peningkatan Kesadaran Keluarga', true],
    ['a letter-spaced name clipped mid-word, and the full name', 'Pe ny edi aa n Jas a P e m el ih ar a a n d a n P aj a', 'Penyediaan Jasa Pemeliharaan dan Pajak Kendaraan Perorangan Dinas', true],
    ['one letter mistyped in a long word', 'Program Koordinasi Ketentraman dan Kertertiban Umum', 'Program Koordinasi Ketentraman dan Ketertiban Umum', true],
    ['names one short word apart', 'Penyediaan Jasa Surat Menyurat', 'Penyediaan Jasa Surat Menyurut Kantor Dinas', false],
    ['a letter-spaced kegiatan named like the head of its program', 'Pem berd ayaa n Mas yara kat', 'Pemberdayaan Masyarakat Desa dan Kelurahan', false],
  ])('%s', (_, a, b, same) => {
    const keys = new KeyRegistry();
    const ka = keys.keyFor(a, 0.85, true);
    expect(keys.keyFor(b, 0.85, true) === ka).toBe(same);
  });
  it('normalises and scores names', () => {
    expect(normalizeName('Indeks Kepuasan Masyarakat (IKM) terkait pelayanan')).toBe('indeks kepuas masyarakat pelayan');
    expect(similarity('a b c', 'a b c')).toBe(1);
    expect(similarity('a b c', 'd e f')).toBe(0);
  });
  it('does not give a key another row of the same table took under another name', () => {
    const keys = new KeyRegistry();
    const clipped = keys.keyFor('P e l a t i h a n K e l u a r g a T a', 0.85, true, 't1');
    const below = keys.keyFor('Pel ati ha n Kel uar ga Ta ng ga p Be nca na Ru ma h Ta ng ga', 0.85, true, 't1');
    expect(below).not.toBe(clipped);
    // In another table the full names find their own clipped or spaced spelling.
    expect(keys.keyFor('Pelatihan Keluarga Tanggap Bencana Alam', 0.85, true, 't2')).toBe(clipped);
    expect(keys.keyFor('Pelatihan Keluarga Tanggap Bencana Rumah Tangga', 0.85, true, 't2')).toBe(below);
    // The same name twice in one table keeps its key.
    expect(keys.keyFor('Pelatihan Keluarga Tanggap Bencana Alam', 0.85, true, 't2')).toBe(clipped);
  });
  it('keeps apart indicators of one table that one name contains', () => {
    const keys = new KeyRegistry();
    const sasaran = keys.keyFor('Persentase Pelayanan Publik, Pemberdayaan Masyarakat Kelurahan, Ketentraman dan Ketertiban Umum', 0.6, false, 't8');
    expect(keys.keyFor('Persentase pemberdayaan masyarakat kelurahan', 0.6, false, 't8')).not.toBe(sasaran);
    // In another table a contained name still links (an indicator shortened there).
    expect(keys.keyFor('Persentase Pelayanan Publik, Pemberdayaan Masyarakat Kelurahan', 0.6, false, 't9')).toBe(sasaran);
  });
  it('compares letters whole: equal, clipped mid-word, a word-prefix, a few letters apart', () => {
    expect(spellingOf('Pemberdayaan Masyarakat Desa')).toEqual({ letters: 'pemberdayaanmasyarakatdesa', wordEnds: new Set([12, 22, 26]) });
    expect(spellingOf('Pe ny edi aa n Jas a Pe me li ha ra an').wordEnds).toBeNull();
    expect(lettersSimilarity(spellingOf('Pel ati ha n Kel uar ga Ta'), spellingOf('Pelatihan Keluarga Tanggap Bencana'))).toBeGreaterThan(0.85);
    expect(lettersSimilarity(spellingOf('Pel ati ha n Kel uar ga'), spellingOf('Pelatihan Keluarga Tanggap Bencana'))).toBe(0);
    expect(nameSimilarity('Pe ny edi aa n Jas a Ke ber sih an', 'Penyediaan Jasa Kebersihn')).toBeGreaterThan(0.8);
    expect(nameSimilarity('Pe ny edi aa n Jas a Ke ber sih an', 'Pengadaan Alat Tulis Kantor')).toBe(0);
  });
});

describe('a label printed letter by letter', () => {
  it.each([
    ['J U M L A H', 'JUMLAH'],
    ['T O T A L', 'TOTAL'],
    ['P e n i n g k a t a n K e s a d a r a n K e l u a r g a', 'P e n i n g k a t a n K e s a d a r a n K e l u a r g a'],
    ['Program A B', 'Program A B'],
    ['Jumlah', 'Jumlah'],
  ])('%s', (text, want) => {
    expect(joinSpacedWord(text)).toBe(want);
  });
});

describe('a figure in a scanned cell among the noise the scan left', () => {
  it.each([
    ['13 te', 13],
    ['. 89%', 89],
    ['SY, us Vy 82.1', 82.1],
    ['- = - = 5 5 — ) 33,8% 4', 33.8],
    ['66” CZ 1', null],
    ['601.637.674)', 601637674],
    ['TOTAL Kz', null],
    ['12,5 13,7', null],
  ])('%s', (text, want) => {
    expect(scanNoiseFree(text)?.value ?? null).toBe(want);
  });
});

/** A table whose body cells were read by OCR. */
function scanned(rows: string[][]) {
  const t = table('t1', rows);
  for (const r of t.rows) for (const c of r.cells) c.ocr = true;
  return t;
}

describe('a scanned column reading its cells through the noise', () => {
  it('keeps a figure of the column\'s own magnitude, marked as picked out of noise; a stray digit is no amount', () => {
    const t = scanned([
      ['Uraian', 'Pagu (Rp)'],
      ['Program A', '1.250.000.000'],
      ['Program B', 'Rp 980.000.000 te'],
      ['Program C', '2 Zz fh'],
      ['Program D', '2.000.000.000'],
    ]);
    const vals = new ColumnValues(t);
    const row = (name: string) => t.rows.find((r) => r.cells[0]!.text === name)!;
    expect(vals.amount(row('Program B'), 1)).toMatchObject({ value: 980000000, cite: { ocrNoise: true } });
    expect(vals.amount(row('Program A'), 1)?.cite.ocrNoise).toBeUndefined();
    expect(vals.amount(row('Program C'), 1)).toBeNull();
    expect(vals.unread(row('Program C'), 1)).toBe(true);
  });
});

describe("a percentage whose '%' the scan read as digits or letters", () => {
  it.each([
    ['93.196', 93.1],
    ['106.536', 106.53],
    ['90,396', 90.3],
    ['9196', 91],
    ['83,33 Yo', 83.33],
    ['1234', null],
    ['96', null],
    ['12.5', null],
    ['2021', null],
  ])('%s', (text, want) => {
    expect(percentSignMisread(text)?.value ?? null).toBe(want);
  });

  it("reads it as the percentage only in a column that prints '%' signs, where no figure of the column could be the digits", () => {
    const t = scanned([
      ['Indikator', 'Capaian (%)', 'Jumlah'],
      ['A', '106.26%', '12'],
      ['B', '93.196', '1096'],
      ['C', '88.70%', '14'],
      ['D', '96.5%', '9196'],
      ['E', '101.2', '13'],
    ]);
    const vals = new ColumnValues(t);
    const row = (name: string) => t.rows.find((r) => r.cells[0]!.text === name)!;
    expect(vals.value(row('B'), 1)).toMatchObject({ value: 93.1, unit: 'percent', cite: { ocrNoise: true } });
    // A plain figure of the column's size is what it says, '%' or not.
    expect(vals.value(row('E'), 1)).toMatchObject({ value: 101.2 });
    expect(vals.value(row('E'), 1)?.cite.ocrNoise).toBeUndefined();
    // No '%' printed in the column: digits stay digits.
    expect(vals.value(row('B'), 2)?.value).not.toBe(10);
    expect(vals.value(row('D'), 2)?.value).not.toBe(91);
    expect(vals.value(row('A'), 2)?.value).toBe(12);
  });
  it('leaves text pages as printed', () => {
    const t = table('t1', [
      ['Indikator', 'Capaian (%)'],
      ['A', '106.26%'],
      ['B', '93.196'],
      ['C', '88.70%'],
    ]);
    expect(new ColumnValues(t).value(t.rows[1]!, 1)?.cite.ocrNoise).toBeUndefined();
  });
});
