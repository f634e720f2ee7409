import { expect } from 'vitest';
import predikat from '../../src/checks/rules/predikat.js';
import type { Report } from '../../src/model/index.js';
import { claim, indicator, makeReport, prose } from './builders.js';
import { testCheck } from './tester.js';

const reportScale: Report['scale'] = {
  source: 'report',
  name: 'Skala Nilai Peringkat Kinerja',
  bands: [
    { label: 'Sangat Berhasil', min: 85, max: null },
    { label: 'Berhasil', min: 70, max: 84.99 },
    { label: 'Cukup Berhasil', min: 55, max: 69.99 },
    { label: 'Tidak Berhasil', min: null, max: 54.99 },
  ],
  cite: { page: 30 },
};

/** `Berhasil 70 ≤ x < 85` as printed in many reports. */
const exclusiveScale: Report['scale'] = {
  source: 'report',
  name: 'Tabel 3.2 Atribut Capaian Indikator Kinerja',
  bands: [
    { label: 'Sangat Berhasil', min: 85, max: null },
    { label: 'Berhasil', min: 70, max: 85, maxExclusive: true },
    { label: 'Cukup Berhasil', min: 55, max: 70, maxExclusive: true },
    { label: 'Tidak Berhasil', min: null, max: 55, maxExclusive: true },
  ],
  cite: { page: 28 },
};

/** Tabel 3.2 as printed with its No column: No 1 = Sangat Berhasil, No 2 = Berhasil, … */
const numberedScale: Report['scale'] = {
  ...exclusiveScale,
  bands: exclusiveScale.bands.map((b, i) => ({ ...b, no: i + 1 })),
};

const kategori = (digits: number | null, words: string | null, wordsValue: number | null, label: string) =>
  claim('kategori', {
    page: 9,
    digits,
    words,
    wordsValue,
    label,
    phrase: `kategori ${[digits, words === null ? null : digits === null ? words : `(${words})`].filter((x) => x !== null).join(' ')} yaitu ${label}`,
  });

testCheck(predikat, {
  valid: [
    { name: 'default scale: 95% is Sangat Tinggi', report: makeReport({ indicators: [indicator({ capaian: '95%', predikat: 'Sangat Tinggi' })] }) },
    { name: 'labels compared case- and space-insensitively', report: makeReport({ indicators: [indicator({ capaian: '80%', predikat: '  TINGGI ' })] }) },
    { name: "the report's scale: 86% is Sangat Berhasil", report: makeReport({ scale: reportScale, indicators: [indicator({ capaian: '86%', predikat: 'Sangat Berhasil' })] }) },
    { name: 'band edges are inclusive', report: makeReport({ indicators: [indicator({ capaian: '91%', predikat: 'Sangat Tinggi' }), indicator({ capaian: '50%', predikat: 'Sangat Rendah' })] }) },
    { name: 'an exclusive upper bound: 85 is Sangat Berhasil', report: makeReport({ scale: exclusiveScale, indicators: [indicator({ capaian: '85%', predikat: 'Sangat Berhasil' })] }) },
    { name: 'no predikat printed', report: makeReport({ indicators: [indicator({ capaian: '80%' })] }) },
    {
      name: 'prose "sangat tinggi" beside a Berhasil scale is read on the default scale: 126% is Sangat Tinggi',
      report: makeReport({ scale: reportScale, claims: [claim('predikat', { page: 31, capaian: prose('126%', 31), label: 'sangat tinggi' })] }),
    },
    {
      name: 'a prose label on neither scale is not judged',
      report: makeReport({ scale: reportScale, claims: [claim('predikat', { page: 31, capaian: prose('40%', 31), label: 'baik' })] }),
    },
    { name: '"kategori 1 (satu) yaitu SANGAT BERHASIL" on a scale numbering Sangat Berhasil 1', report: makeReport({ scale: numberedScale, claims: [kategori(1, 'satu', 1, 'SANGAT BERHASIL')] }) },
    { name: '"kategori dua yaitu Berhasil" in words only, agreeing', report: makeReport({ scale: numberedScale, claims: [kategori(null, 'dua', 2, 'Berhasil')] }) },
    { name: 'a category number beside a scale printed without a No column is not judged', report: makeReport({ scale: exclusiveScale, claims: [kategori(2, 'dua', 2, 'Sangat Berhasil')] }) },
    { name: 'a category number on the default scale is not judged', report: makeReport({ claims: [kategori(2, 'dua', 2, 'Sangat Tinggi')] }) },
    { name: 'a category label not on the numbered scale is not judged', report: makeReport({ scale: numberedScale, claims: [kategori(2, 'dua', 2, 'Tinggi')] }) },
    {
      name: 'a No column that does not number the bands one by one (repeated numbers) is not judged',
      report: makeReport({ scale: { ...numberedScale, bands: numberedScale.bands.map((b) => ({ ...b, no: 1 })) }, claims: [kategori(2, 'dua', 2, 'Sangat Berhasil')] }),
    },
  ],
  invalid: [
    {
      name: '"kategori 2 (dua) yaitu Sangat Berhasil" on a scale numbering Sangat Berhasil 1',
      report: makeReport({ scale: numberedScale, claims: [kategori(2, 'dua', 2, 'Sangat Berhasil')] }),
      errors: [{ messageId: 'categoryNumber', severity: 'warning' }],
      check: ([f]) => {
        expect([f?.printed?.text, f?.printed?.value, f?.expected?.value, f?.citations[0]?.page]).toEqual(['kategori 2 (dua) yaitu Sangat Berhasil', 2, 'kategori 1 Sangat Berhasil', 9]);
        expect(f?.expected?.formula).toContain('No 1 = Sangat Berhasil, No 2 = Berhasil');
        expect(f?.expected?.operands[0]?.cite?.page).toBe(28);
      },
    },
    {
      name: 'the words disagree with the scale though the digits agree: "kategori 1 (dua) yaitu Sangat Berhasil"',
      report: makeReport({ scale: numberedScale, claims: [kategori(1, 'dua', 2, 'Sangat Berhasil')] }),
      errors: [{ messageId: 'categoryNumber', severity: 'warning' }],
    },
    {
      name: '"kategori tiga yaitu Berhasil" in words only',
      report: makeReport({ scale: numberedScale, claims: [kategori(null, 'tiga', 3, 'Berhasil')] }),
      errors: [{ messageId: 'categoryNumber', severity: 'warning' }],
      check: ([f]) => expect(f?.message.en).toContain('numbers "Berhasil" 2, not tiga'),
    },
    {
      name: 'prose "tercapai 98,33% atau bernilai kinerja tinggi" beside a Berhasil scale, on the default scale',
      report: makeReport({ scale: reportScale, claims: [claim('predikat', { page: 35, capaian: prose('98,33 %', 35), label: 'tinggi' })] }),
      errors: [{ messageId: 'mismatch', severity: 'warning' }],
      check: ([f]) => expect([f?.expected?.value, f?.message.en]).toEqual(['Sangat Tinggi', expect.stringContaining('Permendagri 86/2017')]),
    },
    {
      name: 'prose: "tercapai 75,07% atau bernilai kinerja Sangat Berhasil" on a scale where 75 is Berhasil',
      report: makeReport({ scale: reportScale, claims: [claim('predikat', { page: 30, capaian: prose('75,07%', 30), label: 'Sangat Berhasil' })] }),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
      check: ([f]) => expect([f?.printed?.text, f?.expected?.value, f?.citations[0]?.page]).toEqual(['Sangat Berhasil', 'Berhasil', 30]),
    },
    {
      name: "the report's scale: 86% printed as Berhasil",
      report: makeReport({ scale: reportScale, indicators: [indicator({ capaian: '86%', predikat: 'Berhasil' })] }),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
      check: ([f]) => {
        expect(f?.message.id).toContain('skala laporan "Skala Nilai Peringkat Kinerja"');
        expect(f?.expected?.value).toBe('Sangat Berhasil');
      },
    },
    {
      name: 'default scale: 80% printed as Sangat Tinggi is information naming the default scale',
      report: makeReport({ indicators: [indicator({ capaian: '80%', predikat: 'Sangat Tinggi' })] }),
      errors: [{ messageId: 'mismatch', severity: 'info' }],
      check: ([f]) => expect(f?.message.id).toContain('skala bawaan Permendagri 86/2017'),
    },
    {
      name: '90,5 between the bands 76–90 and 91– is info',
      report: makeReport({ indicators: [indicator({ capaian: '90,5%', predikat: 'Sangat Tinggi' })] }),
      errors: [{ messageId: 'betweenBands', severity: 'info' }],
    },
    {
      name: '75,07% printed Cukup Berhasil on a scale where 70 ≤ x < 85 is Berhasil',
      report: makeReport({ scale: exclusiveScale, indicators: [indicator({ capaian: '75,07%', predikat: 'Cukup Berhasil' })] }),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
      check: ([f]) => expect(f?.expected?.formula).toContain('Berhasil: 70 ≤ x < 85'),
    },
    {
      name: 'an exclusive upper bound: 85 printed as Berhasil',
      report: makeReport({ scale: exclusiveScale, indicators: [indicator({ capaian: '85%', predikat: 'Berhasil' })] }),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
    },
    {
      name: 'a label the scale does not have',
      report: makeReport({ indicators: [indicator({ capaian: '80%', predikat: 'Baik' })] }),
      errors: [{ messageId: 'unknownLabel', severity: 'info' }],
    },
  ],
});
