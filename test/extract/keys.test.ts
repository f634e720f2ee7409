import { describe, expect, it } from 'vitest';
import { KeyRegistry, normalizeName, similarity } from '../../src/extract/rules/cells.js';

describe('names linked across tables', () => {
  it.each([
    ['the same name in capitals', 'PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA', 'Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota', true],
    ['an abbreviation in parentheses', 'Indeks Kepuasan Masyarakat (IKM)', 'Indeks Kepuasan Masyarakat', true],
    ['letter-spaced text and its plain spelling', 'Ev alu asi Kel ura ha n', 'Evaluasi Kelurahan', true],
    ['letter-spaced text whose plain spelling stems differently', 'Pe mb erd aya an Ma sya rak at', 'Pemberdayaan Masyarakat', true],
    ['letter-spaced text with its label, and the plain name', 'Kegi atan Pem berd ayaa n dan Kese jahte raan Kelu arga Ting kat Keca mata n', 'Kegiatan Pemberdayaan dan Kesejahteraan Keluarga Tingkat Kecamatan', true],
    ['letter-spaced text of another name', 'Ev alu asi Kel ura ha n', 'Pemberdayaan Masyarakat', false],
    ['budget names that differ in their first word', 'Pengadaan Peralatan dan Mesin Lainnya', 'Pemeliharaan Peralatan dan Mesin Lainnya', false],
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
});
