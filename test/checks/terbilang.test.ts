import { expect } from 'vitest';
import terbilang from '../../src/checks/rules/terbilang.js';
import { claim, makeReport, prose } from './builders.js';
import { testCheck } from './tester.js';

const words = 'Delapan milyar sembilan ratus lima puluh lima juta lima ratus satu ribu seratus lima belas rupiah';

testCheck(terbilang, {
  valid: [
    { name: 'digits and words agree', report: makeReport({ claims: [claim('terbilang', { digits: prose('Rp.8.955.501.115'), words, wordsValue: 8955501115 })] }) },
    { name: 'digits with ,00 and whole words', report: makeReport({ claims: [claim('terbilang', { digits: prose('Rp 5.000.000,00'), words: 'lima juta rupiah', wordsValue: 5000000 })] }) },
  ],
  invalid: [
    {
      name: 'words one thousand off',
      report: makeReport({ claims: [claim('terbilang', { digits: prose('Rp.8.955.502.115'), words, wordsValue: 8955501115 })] }),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
      check: ([f]) => expect(f?.message.id).toContain('selisih Rp 1.000'),
    },
    {
      name: 'words that do not form one amount',
      report: makeReport({ claims: [claim('terbilang', { digits: prose('Rp 950.740.000'), words: 'sembilan ratus lima puluh ribu tujuh ratus empat puluh ribu rupiah', wordsValue: null })] }),
      errors: [{ messageId: 'unparseable', severity: 'warning' }],
      // The Indonesian message names the misplaced words in Indonesian; the parser's English stays in the English one.
      check: ([f]) => {
        expect(f?.message.id).toContain('"ribu" tidak pada tempatnya');
        expect(f?.message.id).not.toMatch(/cannot|scale|follow/);
        expect(f?.message.en).toContain('cannot follow');
      },
    },
    {
      name: 'the same wrong words with the same figure in the summary and the body',
      report: makeReport({
        claims: [
          claim('terbilang', { page: 9, digits: prose('Rp. 950.740.557', 9), words: 'Sembilan ratus lima puluh ribu rupiah', wordsValue: 950000 }),
          claim('terbilang', { page: 35, digits: prose('Rp.950.740.557', 35), words: 'Sembilan ratus lima puluh ribu rupiah', wordsValue: 950000 }),
        ],
      }),
      errors: [
        { messageId: 'mismatch', severity: 'error' },
        { messageId: 'mismatch', severity: 'error' },
      ],
      check: (found) => {
        expect(found).toHaveLength(1);
        const [f] = found;
        expect(f?.printed).toEqual({ text: 'Sembilan ratus lima puluh ribu rupiah', value: 950000 });
        expect(f?.expected?.value).toBe(950740557);
        expect([...new Set(f?.citations.map((c) => c.page))]).toEqual([9, 35]);
      },
    },
  ],
});
