import { expect } from 'vitest';
import numberFormat from '../../src/checks/rules/number-format.js';
import { budgetRow, efficiencyRow, indicator, makeReport, value } from './builders.js';
import { testCheck } from './tester.js';

const capaianColumn = (...texts: string[]) => texts.map((t, i) => indicator({ row: i + 1, capaian: value(t, { page: 1, table: 't1', row: i + 1, column: 4 }, { unit: 'percent' }) }));

testCheck(numberFormat, {
  valid: [
    { name: 'a clean percentage column', report: makeReport({ indicators: capaianColumn('96,51', '98,40', '95,00', '101,2') }) },
    { name: 'a rupiah amount 334.700 is grouping, not three decimals', report: makeReport({ budget: [budgetRow({ pagu: value('334.700', { table: 'tb', column: 2 }), realisasi: '300.000' })] }) },
    { name: 'amounts of very different size share a column', report: makeReport({ indicators: [indicator({ row: 1, target: '12' }), indicator({ row: 2, target: '12500' }), indicator({ row: 3, target: '3' })] }) },
  ],
  invalid: [
    { name: 'an ambiguous 1.234', report: makeReport({ indicators: [indicator({ target: '1.234' })] }), errors: [{ messageId: 'ambiguous', severity: 'info' }] },
    { name: '96.51 read as 9651 among percentages', report: makeReport({ indicators: capaianColumn('96,51', '98,40', '9651', '95,00') }), errors: [{ messageId: 'magnitude', severity: 'info' }] },
    {
      name: 'a rupiah amount with three decimals (1.250.165,496)',
      report: makeReport({ budget: [budgetRow({ pagu: value('1.250.165,496', { table: 'tb', column: 2 }, { unit: 'rupiah' }) })] }),
      errors: [{ messageId: 'amountDecimals', severity: 'warning' }],
      check: ([f]) => expect(f?.expected?.value).toBe(1250165496),
    },
    {
      name: 'three-decimal rupiah across the report, the forecast column too, are one warning citing each',
      report: makeReport({
        budget: [
          budgetRow({ id: 'a', row: 1, pagu: value('1.250.165,496', { table: 'tb', row: 1, column: 2 }, { unit: 'rupiah' }) }),
          budgetRow({ id: 'b', row: 2, pagu: value('816.000,000', { table: 'tb', row: 2, column: 2 }, { unit: 'rupiah' }) }),
          budgetRow({ id: 'c', row: 3, pagu: value('614.338.300', { table: 'tb', row: 3, column: 2 }, { unit: 'rupiah' }), prakiraan: '1.510.000,000' }),
        ],
      }),
      errors: [{ messageId: 'amountDecimals', severity: 'warning' }],
      check: ([f]) => {
        expect(f?.citations.map((c) => c.row)).toEqual([1, 2, 3]);
        expect(f?.message.en).toMatch(/^3 rupiah figures \(p\. 1\)/);
      },
    },
    {
      name: 'read from a scan, 9651 among percentages and three-decimal rupiah are the scan’s reading: info',
      report: makeReport({
        indicators: ['96,51', '98,40', '9651', '95,00'].map((t, i) => indicator({ row: i + 1, capaian: value(t, { page: 1, table: 't1', row: i + 1, column: 4 }, { unit: 'percent', ocr: true }) })),
        budget: [budgetRow({ pagu: value('170.023,300', { table: 'tb', column: 2 }, { unit: 'rupiah', ocr: true }) })],
      }),
      errors: [
        { messageId: 'amountDecimals', severity: 'info' },
        { messageId: 'magnitude', severity: 'info' },
      ],
    },
    {
      name: 'a column mixing 98.40 and 96,51',
      report: makeReport({ efficiency: [efficiencyRow({ capaian: '96,51' }), efficiencyRow({ capaian: '98.40' }), efficiencyRow({ capaian: '95,25' })] }),
      errors: [{ messageId: 'mixedStyle', severity: 'info' }],
      // Counts agree in number and the table is named by its page, not by its extraction id.
      check: ([f]) => {
        expect(f?.message.en).toContain('(2 figures)');
        expect(f?.message.en).toContain('(1 figure)');
        expect(f?.message.id).toContain('(1 angka)');
        expect(f?.message.id).toMatch(/\((tabel hal\. \d+|.+ \(hal\. \d+\))\)/);
        expect(`${f?.message.id} ${f?.message.en}`).not.toMatch(/\(t\w*\d+\)/);
      },
    },
  ],
});
