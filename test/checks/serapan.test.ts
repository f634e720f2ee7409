import { expect } from 'vitest';
import serapan from '../../src/checks/rules/serapan.js';
import { belanja, budgetRow, makeReport, value } from './builders.js';
const scanned = (text: string) => value(text, {}, { ocr: true, unit: 'rupiah' });

import { testCheck } from './tester.js';

testCheck(serapan, {
  valid: [
    { name: '1.310.500.000 / 1.357.900.300 = 96,509% printed 96,51%', report: makeReport({ budget: [budgetRow({ pagu: '1.357.900.300', realisasi: '1.310.500.000', persen: '96,51%' })] }) },
    { name: 'realisasi above pagu: serapan 104,5% is fine when it matches', report: makeReport({ budget: [budgetRow({ pagu: '1.000.000', realisasi: '1.045.000', persen: '104,5%' })] }) },
    { name: 'Rp amounts with ,- and US grouping', report: makeReport({ budget: [budgetRow({ pagu: 'Rp. 217,902,500', realisasi: 'Rp. 217.902.500,-', persen: '100%' })] }) },
    { name: 'pagu 0 cannot give a percentage', report: makeReport({ budget: [budgetRow({ pagu: '0', realisasi: '0', persen: '0%' })] }) },
    {
      name: 'belanja lines in prose realised within their pagu',
      report: makeReport({ belanja: [belanja({ kind: 'operasi', amount: 'Rp. 8.004.760.558', realisasi: 'Rp. 7.659.406.183,-', source: 'text' }), belanja({ kind: 'modal', amount: 'Rp. 950.740.557', realisasi: 'Rp. 950.740.557,-', source: 'text' })] }),
    },
    {
      name: 'a belanja line realised above its pagu where the text says the budget was shifted',
      report: makeReport({ belanja: [belanja({ kind: 'modal', amount: 'Rp. 950.740.557', realisasi: 'Rp. 1.040.814.650,-', overrun: 'terdapat pergeseran anggaran dari belanja operasi ke belanja modal', source: 'text' })] }),
    },
    { name: 'a belanja line without a stated realisasi', report: makeReport({ belanja: [belanja({ kind: 'modal', amount: 'Rp. 950.740.557', source: 'text' })] }) },
    { name: 'realisasi above a pagu printed with decimals, within its rounding', report: makeReport({ belanja: [belanja({ kind: 'modal', amount: '1.000,5', realisasi: '1.000,54', source: 'text' })] }) },
  ],
  invalid: [
    {
      name: 'a pagu read from a scan (91.500) that the printed %, realisasi and sisa put at 247.201.500: information, the reading is doubted',
      report: makeReport({ budget: [budgetRow({ pagu: scanned('91.500'), realisasi: scanned('211.054.729'), persen: '85,38', sisa: scanned('36.146.771') })] }),
      errors: [{ messageId: 'scanMisread', severity: 'info' }],
      check: ([f]) => expect(f?.message.id).toContain('pagu 91.500 dibaca dari pindaian, padahal angka lain barisnya memberinya 247.201.500'),
    },
    {
      name: 'the same figures typed: the printed pagu is the report\'s, an error',
      report: makeReport({ budget: [budgetRow({ pagu: '91.500', realisasi: '211.054.729', persen: '85,38', sisa: '36.146.771' })] }),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
    },
    {
      name: "a total's % printed as the mean of its rows' percentages (95 and 50 → 72,50%) instead of Σrealisasi/Σpagu (1.400 / 1.900 = 73,68%): says so",
      report: makeReport({
        budget: [
          budgetRow({ id: 'a', pagu: '1.000', realisasi: '950', persen: '95,00%' }),
          budgetRow({ id: 'b', pagu: '900', realisasi: '450', persen: '50,00%' }),
          budgetRow({ id: 't', uraian: 'JUMLAH', level: 'total', pagu: '1.900', realisasi: '1.400', persen: '72,50%' }),
        ],
      }),
      errors: [{ messageId: 'meanOfPercent', severity: 'error' }],
      check: ([f]) => {
        expect(f?.expected?.value).toBeCloseTo(73.684, 3);
        expect(f?.message.en).toBe('JUMLAH: printed absorption 72,50% is the mean of the percentages of its 2 rows ((95,00 + 50,00) / 2), but a total % must be Σrealisasi/Σpagu = 73.68% (1.400 / 1.900 × 100)');
        expect(f?.message.id).toMatch(/^JUMLAH: % serapan tercetak 72,50% adalah rata-rata % dari 2 baris di bawahnya/);
      },
    },
    {
      name: "a program's % printed as the mean of its kegiatan's percentages: says so, naming the kegiatan",
      report: makeReport({
        budget: [
          budgetRow({ id: 'p', level: 'program', pagu: '1.900', realisasi: '1.400', persen: '72,5' }),
          budgetRow({ level: 'kegiatan', parentId: 'p', pagu: '1.000', realisasi: '950', persen: '95' }),
          budgetRow({ level: 'kegiatan', parentId: 'p', pagu: '900', realisasi: '450', persen: '50' }),
        ],
      }),
      errors: [{ messageId: 'meanOfPercent', severity: 'error' }],
      check: ([f]) => expect(f?.message.en).toMatch(/the mean of the percentages of its 2 kegiatan \(activities\) .* a program % must be Σrealisasi\/Σpagu = 73\.68%/),
    },
    {
      name: "a total's % that is neither Σrealisasi/Σpagu nor the mean of its rows' percentages: the plain mismatch",
      report: makeReport({
        budget: [
          budgetRow({ id: 'a', pagu: '1.000', realisasi: '950', persen: '95,00%' }),
          budgetRow({ id: 'b', pagu: '900', realisasi: '450', persen: '50,00%' }),
          budgetRow({ id: 't', uraian: 'JUMLAH', level: 'total', pagu: '1.900', realisasi: '1.400', persen: '70,00%' }),
        ],
      }),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
    },
    {
      name: 'serapan 97% for 900.000 / 1.000.000',
      report: makeReport({ budget: [budgetRow({ uraian: 'Program A', pagu: '1.000.000', realisasi: '900.000', persen: '97%' })] }),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
      check: ([f]) => {
        expect(f?.message.id).toBe('Program A: % serapan tercetak 97% tetapi realisasi/pagu = 90,00% (900.000 / 1.000.000 × 100)');
        expect(f?.expected?.interval).toEqual([90, 90]);
      },
    },
    {
      name: '999.999 / 1.000.000 = 99,9999 printed truncated as 99,99%',
      report: makeReport({ budget: [budgetRow({ pagu: '1.000.000', realisasi: '999.999', persen: '99,99%' })] }),
      errors: [{ messageId: 'rounding', severity: 'rounding' }],
    },
    {
      name: 'Belanja Modal realised Rp. 1.040.814.650,- against a pagu of Rp. 950.740.557, nothing saying why',
      report: makeReport({
        belanja: [
          belanja({ kind: 'operasi', uraian: 'Belanja Operasi', amount: 'Rp. 8.004.760.558', realisasi: 'Rp. 7.659.406.183,-', source: 'text', page: 35 }),
          belanja({ kind: 'modal', uraian: 'Belanja Modal', amount: 'Rp.950.740.557', realisasi: 'Rp. 1.040.814.650,-', source: 'text', page: 35 }),
        ],
      }),
      errors: [{ messageId: 'overPagu', severity: 'warning' }],
      check: ([f]) => {
        expect([f?.printed?.text, f?.expected?.value, f?.citations[0]?.page]).toEqual(['Rp. 1.040.814.650,-', 950740557, 35]);
        expect(f?.message.id).toBe('Belanja Modal: realisasi Rp. 1.040.814.650,- melebihi pagu Rp.950.740.557 (serapan 109,47%), tanpa keterangan pergeseran atau kelebihan anggaran');
        expect(f?.message.en).toContain('(absorption 109.47%)');
      },
    },
  ],
});
