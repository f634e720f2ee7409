import { expect } from 'vitest';
import codeFormat from '../../src/checks/rules/code-format.js';
import { budgetRow, makeReport } from './builders.js';
import { testCheck } from './tester.js';

testCheck(codeFormat, {
  valid: [
    {
      name: 'program, kegiatan, sub-kegiatan (4- and 2-digit) nested',
      report: makeReport({
        budget: [
          budgetRow({ id: 'p', level: 'program', kode: '2.12.01' }),
          budgetRow({ id: 'k', level: 'kegiatan', kode: '2.12.01.2.08', parentId: 'p' }),
          budgetRow({ level: 'sub_kegiatan', kode: '2.12.01.2.08.0002', parentId: 'k' }),
          budgetRow({ level: 'sub_kegiatan', kode: '2.12.01.2.08.03', parentId: 'k' }),
        ],
      }),
    },
    { name: 'X.XX for any bidang', report: makeReport({ budget: [budgetRow({ id: 'p', level: 'program', kode: 'X.XX.01' }), budgetRow({ level: 'kegiatan', kode: '2.12.01.2.01', parentId: 'p' })] }) },
    { name: 'OCR spaces and a trailing full stop', report: makeReport({ budget: [budgetRow({ level: 'program', kode: '2. 12. 01.' })] }) },
    { name: 'a provincial kegiatan (1)', report: makeReport({ budget: [budgetRow({ level: 'kegiatan', kode: '1.02.02.1.01' })] }) },
  ],
  invalid: [
    {
      name: 'a malformed code read from a scan: information, possibly misread',
      report: makeReport({ budget: [{ ...budgetRow({ level: 'program', kode: '1.05.045' }), cite: { page: 9, table: 'tb', row: 3, ocrConf: 88 } }] }),
      errors: [{ messageId: 'malformed', severity: 'info' }],
      check: ([f]) => expect(f?.message.en).toContain('read from a scan: possibly misread'),
    },
    { name: 'a malformed program code', report: makeReport({ budget: [budgetRow({ level: 'program', kode: '2.1.01' })] }), errors: [{ messageId: 'malformed', severity: 'warning' }] },
    { name: 'a kegiatan code on a program row', report: makeReport({ budget: [budgetRow({ level: 'program', kode: '2.12.01.2.08' })] }), errors: [{ messageId: 'wrongLevel', severity: 'warning' }] },
    {
      name: 'a child not under its parent code',
      report: makeReport({ budget: [budgetRow({ id: 'p', level: 'program', kode: '2.12.01' }), budgetRow({ level: 'kegiatan', kode: '2.12.02.2.08', parentId: 'p' })] }),
      errors: [{ messageId: 'notNested', severity: 'warning' }],
    },
  ],
});
