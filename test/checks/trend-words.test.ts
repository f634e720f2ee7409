import trendWords from '../../src/checks/rules/trend-words.js';
import { claim, indicator, makeReport, prose } from './builders.js';
import { testCheck } from './tester.js';

const stunting = indicator({ key: 'prevalensi stunting', indikator: 'Prevalensi stunting', polarity: 'lower' });

testCheck(trendWords, {
  valid: [
    { name: 'meningkat from 90 to 95', report: makeReport({ claims: [claim('trend', { direction: 'up', subject: 'IKM', from: prose('90'), to: prose('95') })] }) },
    { name: 'tetap when equal', report: makeReport({ claims: [claim('trend', { direction: 'same', subject: 'IKM', from: prose('95,0'), to: prose('95,0') })] }) },
    { name: 'a change inside the printed precision accepts any word', report: makeReport({ claims: [claim('trend', { direction: 'down', subject: 'IKM', from: prose('95'), to: prose('95,3') })] }) },
    {
      name: 'lower-is-better: "prevalensi stunting menurun" from 20 to 15',
      report: makeReport({ indicators: [stunting], claims: [claim('trend', { direction: 'down', subject: 'Prevalensi stunting', from: prose('20'), to: prose('15') })] }),
    },
    {
      name: 'lower-is-better: "kinerja ... meningkat" when the figure went down',
      report: makeReport({ indicators: [stunting], claims: [claim('trend', { text: 'kinerja penurunan prevalensi stunting meningkat', direction: 'up', subject: 'prevalensi stunting', from: prose('20'), to: prose('15') })] }),
    },
    { name: 'melebihi target: realisasi 93,05 against 88', report: makeReport({ claims: [claim('trend', { direction: 'up', versus: 'target', subject: 'IKM', from: prose('88'), to: prose('93,05') })] }) },
    { name: 'di bawah target: realisasi 80 against 87', report: makeReport({ claims: [claim('trend', { direction: 'down', versus: 'target', subject: 'IKM', from: prose('87'), to: prose('80') })] }) },
    {
      name: 'lower-is-better: melebihi target with a prevalence under its target',
      report: makeReport({ indicators: [stunting], claims: [claim('trend', { direction: 'up', versus: 'target', subject: 'Prevalensi stunting', from: prose('20'), to: prose('15') })] }),
    },
  ],
  invalid: [
    {
      name: 'melebihi target: realisasi 82,84 against 87',
      report: makeReport({ claims: [claim('trend', { direction: 'up', versus: 'target', subject: 'IKM', from: prose('87'), to: prose('82,84') })] }),
      errors: [{ messageId: 'targetMismatch', severity: 'error' }],
    },
    {
      name: 'lower-is-better: melebihi target with a prevalence above its target (an error: the polarity is the indicator\'s own)',
      report: makeReport({ indicators: [stunting], claims: [claim('trend', { direction: 'up', versus: 'target', subject: 'Prevalensi stunting', from: prose('20'), to: prose('24') })] }),
      errors: [{ messageId: 'targetMismatchLower', severity: 'error' }],
    },
    { name: 'berkurang from 7 to 8: neighbouring whole numbers cannot be equal', report: makeReport({ claims: [claim('trend', { direction: 'down', subject: 'Jumlah puskesmas', from: prose('7'), to: prose('8') })] }), errors: [{ messageId: 'mismatch', severity: 'error' }] },
    { name: 'menurun from 36,4 to 36,5: intervals that only touch', report: makeReport({ claims: [claim('trend', { direction: 'down', subject: 'IKM', from: prose('36,4'), to: prose('36,5') })] }), errors: [{ messageId: 'mismatch', severity: 'error' }] },
    { name: 'meningkat from 95 to 90', report: makeReport({ claims: [claim('trend', { direction: 'up', subject: 'IKM', from: prose('95'), to: prose('90') })] }), errors: [{ messageId: 'mismatch', severity: 'error' }] },
    { name: 'meningkat when equal', report: makeReport({ claims: [claim('trend', { direction: 'up', subject: 'IKM', from: prose('95'), to: prose('95') })] }), errors: [{ messageId: 'mismatch', severity: 'error' }] },
    {
      name: 'lower-is-better: "prevalensi stunting meningkat" from 20 to 15',
      report: makeReport({ indicators: [stunting], claims: [claim('trend', { direction: 'up', subject: 'Prevalensi stunting', from: prose('20'), to: prose('15') })] }),
      errors: [{ messageId: 'mismatchLower', severity: 'warning' }],
    },
  ],
});
