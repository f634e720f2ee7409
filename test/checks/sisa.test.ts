import { expect } from 'vitest';
import sisa from '../../src/checks/rules/sisa.js';
import { budgetRow, makeReport } from './builders.js';
import { testCheck } from './tester.js';

testCheck(sisa, {
  valid: [
    { name: 'pagu − realisasi exactly', report: makeReport({ budget: [budgetRow({ pagu: '10.524.299.300', realisasi: '10.000.000.000', sisa: '524.299.300' })] }) },
    { name: 'overspending printed as a negative sisa', report: makeReport({ budget: [budgetRow({ pagu: '1.000.000', realisasi: '1.045.000', sisa: '(45.000)' })] }) },
    { name: 'amounts with ,00 decimals', report: makeReport({ budget: [budgetRow({ pagu: '1.000.000,00', realisasi: '400.000,50', sisa: '599.999,50' })] }) },
  ],
  invalid: [
    {
      name: 'one rupiah off: rupiah must match exactly',
      report: makeReport({ budget: [budgetRow({ uraian: 'Program A', pagu: '10.524.299.300', realisasi: '10.000.000.000', sisa: '524.299.301' })] }),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
      check: ([f]) => expect(f?.message.id).toContain('selisih Rp 1'),
    },
    {
      name: 'overspending printed without its minus sign',
      report: makeReport({ budget: [budgetRow({ pagu: '1.000.000', realisasi: '1.045.000', sisa: '45.000' })] }),
      errors: [{ messageId: 'sign', severity: 'warning' }],
    },
  ],
});
