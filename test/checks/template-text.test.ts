import { expect } from 'vitest';
import templateText from '../../src/checks/rules/template-text.js';
import { claim, makeReport } from './builders.js';
import { testCheck } from './tester.js';

testCheck(templateText, {
  valid: [
    { name: 'no template text', report: makeReport({ claims: [claim('mention', { entity: 'year', value: '2023' })] }) },
  ],
  invalid: [
    {
      name: '"(pilih salah satu)" left in a sentence',
      report: makeReport({ claims: [claim('template', { phrase: '(pilih salah satu)', page: 9 })] }),
      errors: [{ messageId: 'left', severity: 'info' }],
    },
    {
      name: 'the same instruction in two cells is one finding citing both',
      report: makeReport({ claims: [claim('template', { phrase: 'Isi dengan target nasional', page: 34 }), claim('template', { phrase: 'Isi  dengan target nasional', page: 35 })] }),
      errors: [
        { messageId: 'left', severity: 'info' },
        { messageId: 'left', severity: 'info' },
      ],
      check: ([f]) => expect(f?.citations.map((c) => c.page)).toEqual([34, 35]),
    },
  ],
});
