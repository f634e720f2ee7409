import capaianZeroTarget from '../../src/checks/rules/capaian-zero-target.js';
import { indicator, makeReport } from './builders.js';
import { testCheck } from './tester.js';

testCheck(capaianZeroTarget, {
  valid: [
    { name: 'target 0 with no capaian printed', report: makeReport({ indicators: [indicator({ target: '0', realisasi: '2', capaian: '-' })] }) },
    { name: 'target not 0', report: makeReport({ indicators: [indicator({ target: '5', realisasi: '5', capaian: '100%' })] }) },
    { name: 'range target starting at 0 is not a zero target', report: makeReport({ indicators: [indicator({ target: '0', targetRange: [0, 5], realisasi: '3', capaian: '100%' })] }) },
  ],
  invalid: [
    {
      name: 'a number printed as capaian of target 0',
      report: makeReport({ indicators: [indicator({ target: '0', realisasi: '2', capaian: '100%' })] }),
      errors: [{ messageId: 'numericForZeroTarget', severity: 'warning' }],
    },
    {
      name: '0 of 0 printed as 100% is a convention',
      report: makeReport({ indicators: [indicator({ polarity: 'lower', target: '0', realisasi: '0', capaian: '100%' })] }),
      errors: [{ messageId: 'zeroOverZero', severity: 'info' }],
    },
  ],
});
