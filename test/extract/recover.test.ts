import { describe, expect, it } from 'vitest';
import type { Value } from '../../src/model/report.js';
import { recoverUnread } from '../../src/extract/rules/recover.js';

const v = (value: number, decimals = 0): Value => ({ text: String(value), value, decimals, ocr: true, cite: { page: 8 } });

describe('an amount the scan lost, given back by the row when sisa and % both fix it', () => {
  it.each([
    // pagu under a stamp: realisasi + sisa, and the printed % agrees (rounded)
    ['pagu, % rounded', { pagu: null, realisasi: v(178_819_303), persen: v(79.93, 2), sisa: v(44_886_997) }, ['pagu'], { field: 'pagu', value: 223_706_300 }],
    // the printed % truncated (79,935… printed 79,9)
    ['pagu, % truncated', { pagu: null, realisasi: v(178_819_303), persen: v(79.9, 1), sisa: v(44_886_997) }, ['pagu'], { field: 'pagu', value: 223_706_300 }],
    // realisasi lost: pagu − sisa
    ['realisasi', { pagu: v(223_706_300), realisasi: null, persen: v(79.93, 2), sisa: v(44_886_997) }, ['realisasi'], { field: 'realisasi', value: 178_819_303 }],
    // the % disagrees (a wrong sisa or a wrong %): nothing is given back
    ['% disagrees', { pagu: null, realisasi: v(178_819_303), persen: v(81.5, 2), sisa: v(44_886_997) }, ['pagu'], null],
    // a sisa off by a few rupiah is beyond what a two-decimal % can tell, but off by a million is not
    ['sisa far off', { pagu: null, realisasi: v(178_819_303), persen: v(79.93, 2), sisa: v(45_886_997) }, ['pagu'], null],
    // no % printed: one relation is no proof
    ['no %', { pagu: null, realisasi: v(178_819_303), persen: null, sisa: v(44_886_997) }, ['pagu'], null],
    // the pagu is not unread (the row prints none): nothing to give back
    ['not unread', { pagu: null, realisasi: v(178_819_303), persen: v(79.93, 2), sisa: v(44_886_997) }, [], null],
    // a realisasi above the pagu: no row
    ['negative', { pagu: v(100), realisasi: null, persen: v(10, 0), sisa: v(200) }, ['realisasi'], null],
  ] as const)('%s', (_, row, unread, want) => {
    const got = recoverUnread(row, unread);
    if (want === null) expect(got).toBeNull();
    else expect(got).toMatchObject(want);
  });

  it.each([
    // a sisa no % fixes: pagu − realisasi, the scan having read its last digits among the noise
    ['sisa by digits', { pagu: v(219_997_900), realisasi: v(176_397_854), persen: null, sisa: null }, ['sisa'], { sisa: 'O 4 79600.046,- a a' }, { field: 'sisa', value: 43_600_046 }],
    // a negative sisa, printed in brackets
    ['negative sisa', { pagu: v(293_800_000), realisasi: v(309_421_334), persen: null, sisa: null }, ['sisa'], { sisa: '(15.621.33d,-)' }, null],
    ['negative sisa read', { pagu: v(293_800_000), realisasi: v(309_421_334), persen: null, sisa: null }, ['sisa'], { sisa: '(15.621.334,-) ~' }, { field: 'sisa', value: -15_621_334 }],
    // digits that do not end the value: nothing
    ['digits disagree', { pagu: v(219_997_900), realisasi: v(176_397_854), persen: null, sisa: null }, ['sisa'], { sisa: 'O 4 79600.047,-' }, null],
    // a pagu without a % printed: realisasi + sisa, the scan having read its last digits
    ['pagu by digits', { pagu: null, realisasi: v(449_749_380), persen: null, sisa: v(40_973_520) }, ['pagu'], { pagu: "'y 490,722.900 ye" }, { field: 'pagu', value: 490_722_900 }],
  ] as const)('%s', (_, row, unread, read, want) => {
    const got = recoverUnread(row, unread, read);
    if (want === null) expect(got).toBeNull();
    else expect(got).toMatchObject(want);
  });

  it('says how the value was found', () => {
    expect(recoverUnread({ pagu: null, realisasi: v(178_819_303), persen: { ...v(79.93, 2), text: '79,93' }, sisa: v(44_886_997) }, ['pagu'])?.how).toBe('realisasi + sisa, as the printed % (79,93) gives');
  });
});
