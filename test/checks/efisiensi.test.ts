import { expect } from 'vitest';
import efisiensi from '../../src/checks/rules/efisiensi.js';
import { claim, efficiencyRow, makeReport, prose, value } from './builders.js';
import { testCheck } from './tester.js';

testCheck(efisiensi, {
  valid: [
    {
      name: '"100% dibagi 97,23%" = 102,85%',
      report: makeReport({ claims: [claim('efisiensi', { stated: prose('102,85%'), numerator: prose('100%'), denominator: prose('97,23%'), operation: 'divide', label: null })] }),
    },
    {
      name: 'budget saved 100% − 97,23% = 2,77%',
      report: makeReport({ claims: [claim('efisiensi', { stated: prose('2,77%'), numerator: prose('100,00%'), denominator: prose('97,23%'), operation: 'subtract', label: null })] }),
    },
    {
      name: 'a quotient stated as a plain ratio: 100 / 97,23 = 1,03',
      report: makeReport({ claims: [claim('efisiensi', { stated: prose('1,03'), numerator: prose('100%'), denominator: prose('97,23%'), operation: 'divide', label: null })] }),
    },
    { name: 'row efficiency as a plain ratio 1,03', report: makeReport({ efficiency: [efficiencyRow({ capaian: '100,00%', serapan: '97,23%', efisiensi: value('1,03', { table: 'te', column: 4 }) })] }) },
    { name: 'row labelled Efisien with capaian ≥ serapan', report: makeReport({ efficiency: [efficiencyRow({ capaian: '100%', serapan: '97,23%', label: 'Efisien' })] }) },
    { name: 'row labelled Tidak Efisien with capaian < serapan', report: makeReport({ efficiency: [efficiencyRow({ capaian: '90%', serapan: '97,23%', label: 'Tidak Efisien' })] }) },
    { name: 'row ratio capaian/serapan', report: makeReport({ efficiency: [efficiencyRow({ capaian: '100%', serapan: '97,23%', efisiensi: '102,85%' })] }) },
    { name: 'row budget saved 100 − serapan', report: makeReport({ efficiency: [efficiencyRow({ capaian: '100%', serapan: '97,23%', efisiensi: '2,77%' })] }) },
    { name: 'equal at printed precision: either label', report: makeReport({ efficiency: [efficiencyRow({ capaian: '97,2%', serapan: '97,23%', label: 'Tidak Efisien' })] }) },
  ],
  invalid: [
    {
      name: 'the same wrong statement in the summary and the body is one finding citing both pages',
      report: makeReport({
        claims: [11, 38].map((page) => claim('efisiensi', { page, stated: prose('2,77%', page), numerator: prose('100%', page), denominator: prose('97,23%', page), operation: 'divide', label: null })),
      }),
      errors: [
        { messageId: 'claimOtherOperation', severity: 'error' },
        { messageId: 'claimOtherOperation', severity: 'error' },
      ],
      check: (found) => expect(found.map((f) => f.citations.map((c) => c.page))).toEqual([[11, 38]]),
    },
    {
      name: '"100% dibagi 97,23%" stated as 104,85%',
      report: makeReport({ claims: [claim('efisiensi', { stated: prose('104,85%'), numerator: prose('100%'), denominator: prose('97,23%'), operation: 'divide', label: null })] }),
      errors: [{ messageId: 'claimMismatch', severity: 'error' }],
    },
    {
      name: '"100% dibagi 97,23%" stated as 2,77% (which is the subtraction)',
      report: makeReport({ claims: [claim('efisiensi', { stated: prose('2,77%'), numerator: prose('100%'), denominator: prose('97,23%'), operation: 'divide', label: null })] }),
      errors: [{ messageId: 'claimOtherOperation', severity: 'error' }],
      check: ([f]) => expect(f?.message.id).toBe('Efisiensi tercetak 2,77% disebut hasil 100 / 97,23 × 100, yang sama dengan 102,85; 2,77% adalah hasil 100 − 97,23'),
    },
    {
      name: 'Efisien although capaian < serapan',
      report: makeReport({ efficiency: [efficiencyRow({ capaian: '90%', serapan: '97,23%', label: 'Efisien' })] }),
      errors: [{ messageId: 'labelMismatch', severity: 'error' }],
    },
    {
      name: 'label claim in prose',
      report: makeReport({ claims: [claim('efisiensi', { stated: prose('90%'), numerator: prose('90%'), denominator: prose('97,23%'), operation: 'label', label: 'efisien' })] }),
      errors: [{ messageId: 'labelMismatch', severity: 'error' }],
    },
    {
      name: 'a plain ratio 1,10 for 100 / 97,23',
      report: makeReport({ claims: [claim('efisiensi', { stated: prose('1,10'), numerator: prose('100,00%'), denominator: prose('97,23%'), operation: 'divide', label: null })] }),
      errors: [{ messageId: 'claimMismatch', severity: 'error' }],
      check: ([f]) => expect(f?.expected?.formula).toBe('100,00 / 97,23'),
    },
    {
      name: 'row efficiency matching no variant',
      report: makeReport({ efficiency: [efficiencyRow({ capaian: '100%', serapan: '97,23%', efisiensi: '5,00%' })] }),
      errors: [{ messageId: 'rowMismatch', severity: 'error' }],
    },
  ],
});
