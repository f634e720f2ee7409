import { expect } from 'vitest';
import sumHierarchy from '../../src/checks/rules/sum-hierarchy.js';
import { budgetRow, makeReport } from './builders.js';
import { testCheck } from './tester.js';

testCheck(sumHierarchy, {
  valid: [
    {
      name: 'program = Σ kegiatan = Σ sub-kegiatan by parentId',
      report: makeReport({
        budget: [
          budgetRow({ id: 'p', level: 'program', pagu: '300', realisasi: '250' }),
          budgetRow({ id: 'k1', level: 'kegiatan', parentId: 'p', pagu: '100', realisasi: '100' }),
          budgetRow({ id: 's1', level: 'sub_kegiatan', parentId: 'k1', pagu: '60', realisasi: '60' }),
          budgetRow({ id: 's2', level: 'sub_kegiatan', parentId: 'k1', pagu: '40', realisasi: '40' }),
          budgetRow({ id: 'k2', level: 'kegiatan', parentId: 'p', pagu: '200', realisasi: '150' }),
        ],
      }),
    },
    {
      name: 'children found by code prefix when no parentId was linked',
      report: makeReport({
        budget: [
          budgetRow({ level: 'program', kode: '2.12.01', pagu: '300' }),
          budgetRow({ level: 'kegiatan', kode: '2.12.01.2.08', pagu: '100' }),
          budgetRow({ level: 'kegiatan', kode: '2.12.01.2.09', pagu: '200' }),
          budgetRow({ level: 'kegiatan', kode: '2.12.02.2.01', pagu: '999' }),
        ],
      }),
    },
    { name: 'a program listed without its kegiatan', report: makeReport({ budget: [budgetRow({ level: 'program', pagu: '300' })] }) },
  ],
  invalid: [
    {
      name: 'kegiatan ≠ Σ its sub-kegiatan (realisasi)',
      report: makeReport({
        budget: [
          budgetRow({ id: 'k1', level: 'kegiatan', pagu: '100', realisasi: '95' }),
          budgetRow({ level: 'sub_kegiatan', parentId: 'k1', pagu: '60', realisasi: '60' }),
          budgetRow({ level: 'sub_kegiatan', parentId: 'k1', pagu: '40', realisasi: '30' }),
        ],
      }),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
    },
    {
      name: 'rows missing under a kegiatan put pagu, realisasi and sisa off: one finding citing the three columns',
      report: makeReport({
        budget: [
          budgetRow({ id: 'k1', level: 'kegiatan', pagu: '100', realisasi: '90', sisa: '10' }),
          budgetRow({ level: 'sub_kegiatan', parentId: 'k1', pagu: '60', realisasi: '55', sisa: '5' }),
        ],
      }),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
      check: (findings) => {
        expect(findings[0]!.citations.map((c) => c.column)).toEqual([2, 3, 5]);
        expect(findings[0]!.message.en).toMatch(/also realisasi \(spending\) off by .*sisa \(remaining\) off by/);
      },
    },
  ],
});
