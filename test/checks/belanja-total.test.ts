import { expect } from 'vitest';
import belanjaTotal from '../../src/checks/rules/belanja-total.js';
import { belanja, makeReport } from './builders.js';
import { testCheck } from './tester.js';

testCheck(belanjaTotal, {
  valid: [
    {
      name: 'a line the scan printed but could not be read (unknown, not 0): the total is not summed without it',
      report: makeReport({
        belanja: [
          belanja({ kind: 'operasi', amount: 'DAERAy 392%%89' }),
          belanja({ kind: 'modal', amount: '1.069.301.000' }),
          belanja({ kind: 'total', amount: '16.070.233.300' }),
        ],
      }),
    },
    {
      name: 'operasi + modal + tidak terduga + transfer = total',
      report: makeReport({
        belanja: [
          belanja({ kind: 'operasi', amount: '7.000.000' }),
          belanja({ kind: 'modal', amount: '2.500.000' }),
          belanja({ kind: 'tidak_terduga', amount: '0' }),
          belanja({ kind: 'transfer', amount: '500.000' }),
          belanja({ kind: 'total', amount: 'Rp. 10.000.000,-' }),
        ],
      }),
    },
    {
      name: 'the breakdown of operasi (pegawai, barang dan jasa) is not counted twice',
      report: makeReport({
        belanja: [
          belanja({ kind: 'operasi', amount: '7.000.000' }),
          belanja({ kind: 'pegawai', amount: '4.000.000' }),
          belanja({ kind: 'barang_jasa', amount: '3.000.000' }),
          belanja({ kind: 'modal', amount: '3.000.000' }),
          belanja({ kind: 'total', amount: '10.000.000' }),
        ],
      }),
    },
    {
      name: 'groups are summed separately',
      report: makeReport({
        belanja: [
          belanja({ group: 'a', kind: 'modal', amount: '5' }),
          belanja({ group: 'a', kind: 'total', amount: '5' }),
          belanja({ group: 'b', kind: 'modal', amount: '7' }),
          belanja({ group: 'b', kind: 'total', amount: '7' }),
        ],
      }),
    },
    {
      name: 'the realisasi stated for each line adds up to the realisasi stated for the total (above its pagu too)',
      report: makeReport({
        belanja: [
          belanja({ kind: 'operasi', amount: '7.700.000.000', realisasi: '7.659.406.183' }),
          belanja({ kind: 'modal', amount: '950.740.557', realisasi: '1.040.814.650' }),
          belanja({ kind: 'total', amount: '8.650.740.557', realisasi: 'Rp. 8.700.220.833,-' }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'the realisasi of the lines does not add up to the realisasi total',
      report: makeReport({
        belanja: [
          belanja({ kind: 'operasi', amount: '7.000.000', realisasi: '6.500.000' }),
          belanja({ kind: 'modal', amount: '2.500.000', realisasi: '2.000.000' }),
          belanja({ kind: 'total', amount: '9.500.000', realisasi: '8.600.000' }),
        ],
      }),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
      check: ([f]) => {
        expect(f?.message.en).toMatch(/\(realisasi\) printed as 8\.600\.000/);
        expect(f?.expected?.value).toBe(8_500_000);
      },
    },
    {
      name: 'total differs from the parts',
      report: makeReport({
        belanja: [belanja({ kind: 'operasi', amount: '7.000.000' }), belanja({ kind: 'modal', amount: '2.500.000' }), belanja({ kind: 'total', amount: '9.600.000' })],
      }),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
    },
  ],
});
