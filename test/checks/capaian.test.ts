import { expect } from 'vitest';
import capaian from '../../src/checks/rules/capaian.js';
import { claim, indicator, makeReport, value } from './builders.js';
import { testCheck } from './tester.js';

const declare = (formula: 'two-minus' | 'inverse' | 'ratio') => claim('formula', { polarity: 'lower', formula, text: `rumus ${formula}` });

testCheck(capaian, {
  valid: [
    { name: '92,08 / 73 = 126,137 printed as 126% (d = 0 covers 125,5–126,5)', report: makeReport({ indicators: [indicator({ target: '73', realisasi: '92,08', capaian: '126%' })] }) },
    { name: '51,85 / 69 = 75,1449 printed as 75,14%', report: makeReport({ indicators: [indicator({ target: '69', realisasi: '51,85', capaian: '75,14%' })] }) },
    { name: '51,85 / 69 printed with one decimal as 75,1%', report: makeReport({ indicators: [indicator({ target: '69', realisasi: '51,85', capaian: '75,1%' })] }) },
    {
      name: 'lower-is-better computed with the declared two-minus formula: (2 − 12/10) × 100 = 80',
      report: makeReport({ indicators: [indicator({ polarity: 'lower', target: '10,0', realisasi: '12,0', capaian: '80%' })], claims: [declare('two-minus')] }),
    },
    {
      name: 'lower-is-better, no declared formula, inverse matches: 20 / 16 × 100 = 125',
      report: makeReport({ indicators: [indicator({ polarity: 'lower', target: '20,0', realisasi: '16,0', capaian: '125%' })] }),
    },
    { name: 'realisasi inside a range target gives 100%', report: makeReport({ indicators: [indicator({ target: '80-90', targetRange: [80, 90], realisasi: '85', capaian: '100%' })] }) },
    { name: 'realisasi above a range target uses its upper bound: 95 / 90 = 105,56', report: makeReport({ indicators: [indicator({ target: '80-90', targetRange: [80, 90], realisasi: '95,00', capaian: '105,56%' })] }) },
    { name: 'target 0 is left to capaian-zero-target', report: makeReport({ indicators: [indicator({ target: '0', realisasi: '3', capaian: '100%' })] }) },
    { name: 'no capaian printed', report: makeReport({ indicators: [indicator({ target: '69', realisasi: '51,85', capaian: null })] }) },
    { name: 'realisasi above target is fine when the capaian matches', report: makeReport({ indicators: [indicator({ target: '100,00', realisasi: '104,50', capaian: '104,5%' })] }) },
  ],
  invalid: [
    {
      name: 'a target read from a scan with a digit lost (8,7 for 38,7, which the realisasi 40,28 and capaian 104,08% give): information, the reading is doubted',
      report: makeReport({ indicators: [indicator({ target: value('8,7', {}, { ocr: true }), realisasi: value('40,28', {}, { ocr: true }), capaian: '104,08%' })] }),
      errors: [{ messageId: 'scanMisread', severity: 'info' }],
      check: ([f]) => expect(f?.message.id).toContain('target 8,7 dibaca dari pindaian, padahal angka lain barisnya memberinya 38,7'),
    },
    {
      name: 'the same target typed: an error',
      report: makeReport({ indicators: [indicator({ target: '8,7', realisasi: '40,28', capaian: '104,08%' })] }),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
    },
    {
      name: '51,85 / 69 = 75,14 printed as 75,07%',
      report: makeReport({ indicators: [indicator({ target: '69', realisasi: '51,85', capaian: '75,07%' })] }),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
      check: ([f]) => {
        expect(f?.message.id).toContain('75,07% tetapi realisasi/target × 100 = 75,14%');
        expect(f?.message.en).toContain('75.14%');
        expect(f?.expected?.formula).toContain('51,85 / 69 × 100');
        expect(f?.expected?.operands.map((o) => o.name)).toEqual(['target', 'realisasi']);
        expect(f?.citations[0]).toMatchObject({ page: 1, table: 't1', column: 4, caption: 'Tabel t1' });
      },
    },
    {
      name: '66,67 / 100,00 printed as 66%: only truncation explains it',
      report: makeReport({ indicators: [indicator({ target: '100,00', realisasi: '66,67', capaian: '66%' })] }),
      errors: [{ messageId: 'rounding', severity: 'rounding' }],
    },
    {
      name: 'capaian capped at 100% while realisasi/target is 110%',
      report: makeReport({ indicators: [indicator({ target: '100', realisasi: '110', capaian: '100%' })] }),
      errors: [{ messageId: 'capped', severity: 'info' }],
    },
    {
      name: 'lower-is-better computed as realisasi/target',
      report: makeReport({ indicators: [indicator({ polarity: 'lower', target: '10,0', realisasi: '12,0', capaian: '120%' })] }),
      errors: [{ messageId: 'higherFormulaOnLower', severity: 'warning' }],
    },
    {
      name: 'declared two-minus but computed as the inverse',
      report: makeReport({ indicators: [indicator({ polarity: 'lower', target: '10,0', realisasi: '12,0', capaian: '83,33%' })], claims: [declare('two-minus')] }),
      errors: [{ messageId: 'otherLowerVariant', severity: 'warning' }],
      check: ([f]) => expect(f?.expected?.formula).toContain('[two-minus: declared]'),
    },
    {
      name: 'lower-is-better matching no formula',
      report: makeReport({ indicators: [indicator({ polarity: 'lower', target: '10,0', realisasi: '12,0', capaian: '95%' })] }),
      errors: [{ messageId: 'mismatchLower', severity: 'error' }],
      check: ([f]) => expect(f?.message.id).toContain('target/realisasi × 100 = 83,33%'),
    },
    {
      name: 'higher-is-better that matches the inverse formula: polarity suspect',
      report: makeReport({ indicators: [indicator({ polarity: 'higher', polaritySource: 'inferred', target: '20,0', realisasi: '16,0', capaian: '125%' })] }),
      errors: [{ messageId: 'lowerFormulaOnHigher', severity: 'warning' }],
    },
    {
      name: 'realisasi below a range target uses its lower bound: 70 / 80 = 87,5, not 100',
      report: makeReport({ indicators: [indicator({ target: '80-90', targetRange: [80, 90], realisasi: '70,0', capaian: '100%' })] }),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
    },
    {
      name: 'realisasi inside a range target printed as 95%',
      report: makeReport({ indicators: [indicator({ target: '80-90', targetRange: [80, 90], realisasi: '85', capaian: '95%' })] }),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
    },
  ],
});
