import { expect } from 'vitest';
import serapan from '../../src/checks/rules/serapan.js';
import { budgetRow, makeReport } from './builders.js';
import { testCheck } from './tester.js';

testCheck(serapan, {
  valid: [
    { name: '1.310.500.000 / 1.357.900.300 = 96,509% printed 96,51%', report: makeReport({ budget: [budgetRow({ pagu: '1.357.900.300', realisasi: '1.310.500.000', persen: '96,51%' })] }) },
    { name: 'realisasi above pagu: serapan 104,5% is fine when it matches', report: makeReport({ budget: [budgetRow({ pagu: '1.000.000', realisasi: '1.045.000', persen: '104,5%' })] }) },
    { name: 'Rp amounts with ,- and US grouping', report: makeReport({ budget: [budgetRow({ pagu: 'Rp. 217,902,500', realisasi: 'Rp. 217.902.500,-', persen: '100%' })] }) },
    { name: 'pagu 0 cannot give a percentage', report: makeReport({ budget: [budgetRow({ pagu: '0', realisasi: '0', persen: '0%' })] }) },
  ],
  invalid: [
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
  ],
});
