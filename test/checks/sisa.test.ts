import { expect } from 'vitest';
import sisa from '../../src/checks/rules/sisa.js';
import { budgetRow, makeReport, value } from './builders.js';
const scanned = (text: string) => value(text, {}, { ocr: true, unit: 'rupiah' });

import { testCheck } from './tester.js';

testCheck(sisa, {
  valid: [
    { name: 'pagu − realisasi exactly', report: makeReport({ budget: [budgetRow({ pagu: '10.524.299.300', realisasi: '10.000.000.000', sisa: '524.299.300' })] }) },
    { name: 'overspending printed as a negative sisa', report: makeReport({ budget: [budgetRow({ pagu: '1.000.000', realisasi: '1.045.000', sisa: '(45.000)' })] }) },
    { name: 'amounts with ,00 decimals', report: makeReport({ budget: [budgetRow({ pagu: '1.000.000,00', realisasi: '400.000,50', sisa: '599.999,50' })] }) },
  ],
  invalid: [
    {
      name: 'a pagu read from a scan (91.500) that the printed realisasi and sisa put at 247.201.500: information, the reading is doubted',
      report: makeReport({ budget: [budgetRow({ pagu: scanned('91.500'), realisasi: scanned('211.054.729'), persen: '85,38', sisa: scanned('36.146.771') })] }),
      errors: [{ messageId: 'scanMisread', severity: 'info' }],
      check: ([f]) => expect(f?.message.en).toContain('the pagu 91.500 was read from the scan, while the row\'s other figures give it 247,201,500'),
    },
    {
      name: 'a sisa read from a scan with digits lost (65 for 37.472.066) while pagu, realisasi and % agree: information',
      report: makeReport({ budget: [budgetRow({ pagu: scanned('191.015.800'), realisasi: scanned('153.543.734'), persen: '80,38', sisa: scanned('65') })] }),
      errors: [{ messageId: 'scanMisread', severity: 'info' }],
    },
    {
      name: 'the same sisa typed: an error',
      report: makeReport({ budget: [budgetRow({ pagu: '191.015.800', realisasi: '153.543.734', persen: '80,38', sisa: '65' })] }),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
    },
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
