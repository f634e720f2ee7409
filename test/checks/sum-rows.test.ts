import { expect } from 'vitest';
import sumRows from '../../src/checks/rules/sum-rows.js';
import { average, budgetRow, makeReport } from './builders.js';
import { testCheck } from './tester.js';

/** Five programs over a page break (14 → 15) and their total on page 15. */
function pageBreak(totalPagu: string, totalRealisasi = '1.439.000', totalSisa = '61.000') {
  const programs = [
    budgetRow({ id: 'p1', page: 14, row: 1, pagu: '100.000', realisasi: '90.000', sisa: '10.000' }),
    budgetRow({ id: 'p2', page: 14, row: 2, pagu: '200.000', realisasi: '150.000', sisa: '50.000' }),
    budgetRow({ id: 'p3', page: 14, row: 3, pagu: '300.000', realisasi: '300.000', sisa: '-' }),
    budgetRow({ id: 'p4', page: 15, row: 1, pagu: '400.000', realisasi: '399.000', sisa: '1.000' }),
    budgetRow({ id: 'p5', page: 15, row: 2, pagu: '500.000', realisasi: '500.000', sisa: '0' }),
  ];
  return makeReport({ budget: [...programs, budgetRow({ id: 'tot', uraian: 'JUMLAH', level: 'total', page: 15, row: 3, pagu: totalPagu, realisasi: totalRealisasi, sisa: totalSisa })] });
}

/** A work plan's TOTAL over two programs: the year's pagu adds up, the forecast total is given. */
function workPlan(totalForecast: string) {
  return makeReport({
    budget: [
      budgetRow({ id: 'p1', pagu: '10.655.995.331', prakiraan: '9.882.839.465' }),
      budgetRow({ id: 'p2', pagu: '1.081.770.900', prakiraan: '997.225.100' }),
      budgetRow({ id: 't', uraian: 'TOTAL', level: 'total', pagu: '11.737.766.231', prakiraan: totalForecast }),
    ],
  });
}

/** Two programs and their total; the first program's sisa could not be read (its pagu − realisasi is 510.773.610). */
function unreadSisa(totalSisa: string) {
  return makeReport({
    budget: [
      budgetRow({ id: 'a', pagu: '3.692.055.900', realisasi: '3.181.282.290', sisa: null }),
      budgetRow({ id: 'b', pagu: '8.319.032.400', realisasi: '6.808.557.872', sisa: '1.510.474.528' }),
      budgetRow({ id: 't', uraian: 'JUMLAH', level: 'total', pagu: '12.011.088.300', realisasi: '9.989.840.162', sisa: totalSisa }),
    ],
  });
}

testCheck(sumRows, {
  valid: [
    { name: 'a total whose rows span a page break', report: pageBreak('1.500.000') },
    {
      name: 'heading totals (tujuan, sasaran) are not summed by position, and a total below them reaches past them',
      report: makeReport({
        budget: [
          budgetRow({ id: 'tj', level: 'total', scope: 'tujuan', pagu: '30' }),
          budgetRow({ id: 'a', pagu: '10' }),
          budgetRow({ id: 's2', level: 'total', scope: 'sasaran', pagu: '999' }),
          budgetRow({ id: 'b', pagu: '20' }),
          budgetRow({ id: 't', uraian: 'JUMLAH', level: 'total', pagu: '30' }),
        ],
      }),
    },
    {
      name: "a row whose sisa could not be read (a stray mark in the cell) counts with its pagu − realisasi, not as 0",
      report: unreadSisa('2.021.248.138'),
    },
    {
      name: 'sumOf given explicitly',
      report: makeReport({
        budget: [
          budgetRow({ id: 'a', pagu: '10' }),
          budgetRow({ id: 'x', pagu: '999' }),
          budgetRow({ id: 'b', pagu: '20' }),
          budgetRow({ id: 't', level: 'total', pagu: '30', sumOf: ['a', 'b'] }),
        ],
      }),
    },
    {
      name: 'only the top level of the rows above is added (programs, not their kegiatan)',
      report: makeReport({
        budget: [
          budgetRow({ id: 'p1', level: 'program', pagu: '300' }),
          budgetRow({ id: 'k1', level: 'kegiatan', parentId: 'p1', pagu: '100' }),
          budgetRow({ id: 'k2', level: 'kegiatan', parentId: 'p1', pagu: '200' }),
          budgetRow({ id: 'p2', level: 'program', pagu: '50' }),
          budgetRow({ id: 't', level: 'total', pagu: '350' }),
        ],
      }),
    },
    {
      name: 'subtotals, then a grand total of the subtotals',
      report: makeReport({
        budget: [
          budgetRow({ id: 'a', pagu: '10' }),
          budgetRow({ id: 'b', pagu: '20' }),
          budgetRow({ id: 's1', level: 'subtotal', pagu: '30' }),
          budgetRow({ id: 'c', pagu: '5' }),
          budgetRow({ id: 's2', level: 'subtotal', pagu: '5' }),
          budgetRow({ id: 't', level: 'total', pagu: '35' }),
        ],
      }),
    },
    { name: 'a work plan total equal to its programs in both the pagu and the next-year forecast', report: workPlan('10.880.064.565') },
    { name: 'a Rata-rata row equal to the mean of the capaian above it (110,295 → 110,30)', report: makeReport({ averages: [average('110,30', ['150,00', '114', '88,20', '88,98'])] }) },
    { name: 'a Rata-rata row equal to the mean of seven capaian (97,854 → 97,85)', report: makeReport({ averages: [average('97,85', ['88,54', '77,58', '130,41', '105,86', '92,6', '87,89', '102,1'])] }) },
    {
      name: 'a Rata-rata row that only the rounding of its figures explains (a capaian printed 114 may be 113,5: the mean 110,17…110,42)',
      report: makeReport({ averages: [average('110,20', ['150,00', '114', '88,20', '88,98'])] }),
    },
    { name: 'a Rata-rata row of whole figures whose mean is a fraction, printed rounded', report: makeReport({ averages: [average('102', ['100', '103', '103'])] }) },
    {
      name: 'two tables: each total only sums its own table',
      report: makeReport({
        budget: [
          budgetRow({ table: 'x', pagu: '10' }),
          budgetRow({ table: 'y', pagu: '99' }),
          budgetRow({ table: 'x', level: 'total', pagu: '10' }),
          budgetRow({ table: 'y', level: 'total', pagu: '99' }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'a total sisa off the rows, one of them read without its sisa: that row counts with its pagu − realisasi',
      report: unreadSisa('2.049.552.361'),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
      check: (findings) => expect(findings[0]?.expected?.value).toBe(2_021_248_138),
    },
    {
      name: 'a total off in the next-year forecast only',
      report: workPlan('10.820.064.565'),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
      check: ([f]) => {
        expect(f?.message.id).toBe('TOTAL: prakiraan maju 2024 tercetak 10.820.064.565 tetapi jumlah 2 baris (hal. 1) = Rp 10.880.064.565; selisih Rp -60.000.000');
        expect(f?.message.en).toBe('TOTAL: printed next-year forecast (prakiraan maju 2024) 10.820.064.565 but the 2 rows (p. 1) add up to Rp 10,880,064,565; difference Rp -60,000,000');
      },
    },
    {
      name: 'a total over a page break one rupiah off, citing rows on both pages',
      report: pageBreak('1.500.001'),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
      check: ([f]) => {
        expect(f?.message.id).toBe('JUMLAH: pagu tercetak 1.500.001 tetapi jumlah 5 baris (hal. 14–15) = Rp 1.500.000; selisih Rp 1');
        expect(f?.expected?.operands.map((o) => o.cite?.page)).toEqual([14, 14, 14, 15, 15]);
        expect(f?.citations[0]?.page).toBe(15);
      },
    },
    {
      name: 'a total off in realisasi and sisa (a mistyped realisasi, the sisa computed from it): one finding per wrong figure, each citing its cell',
      report: pageBreak('1.500.000', '1.449.000', '51.000'),
      errors: [
        { messageId: 'mismatch', severity: 'error' },
        { messageId: 'followsRealisasi', severity: 'error' },
      ],
      check: (findings) => expect(findings.map((f) => [f.citations.map((c) => c.column), f.expected?.value]).sort()).toEqual([[[3], 1439000], [[5], 61000]]),
    },
    {
      name: 'a total off in pagu and realisasi at once (summed over other rows, or rows missing): one warning for the row',
      report: makeReport({
        budget: [
          budgetRow({ id: 'a', pagu: '10', realisasi: '8', sisa: '2' }),
          budgetRow({ id: 'b', pagu: '20', realisasi: '20', sisa: '0' }),
          budgetRow({ id: 't', uraian: 'JUMLAH', level: 'total', pagu: '90', realisasi: '70', sisa: '20' }),
        ],
      }),
      errors: [{ messageId: 'rowsOff', severity: 'warning' }],
      check: ([f]) => {
        expect(f?.citations.map((c) => c.column)).toEqual([2, 3, 5]);
        expect(f?.message.en).toMatch(/^JUMLAH: the 2 rows listed \(p\. 1\) do not add up to this row in pagu and realisasi at once \(pagu \(budget\) printed 90, their sum Rp 30; /);
      },
    },
    {
      name: 'a Rata-rata row that is not the mean of the capaian above it (one of them changed after the mean was computed)',
      report: makeReport({ averages: [average('112.54', ['150.00', '114', '88.20', '88.98'])] }),
      errors: [{ messageId: 'meanMismatch', severity: 'error' }],
      check: ([f]) => {
        expect(f?.expected?.value).toBeCloseTo(110.295, 6);
        expect(f?.expected?.formula).toBe('(150,00 + 114 + 88,20 + 88,98) / 4');
        expect(f?.expected?.operands.map((o) => [o.text, o.cite?.row])).toEqual([['150.00', 1], ['114', 2], ['88.20', 3], ['88.98', 4]]);
        expect(f?.citations.map((c) => [c.row, c.column])).toEqual([[5, 5]]);
        expect(f?.message.en).toBe('Rata-rata Capaian Kinerja: printed mean capaian 112.54 but the mean of the 4 capaian figures above it (p. 1) is 110.30');
        expect(f?.message.id).toBe('Rata-rata Capaian Kinerja: capaian rata-rata tercetak 112.54 tetapi rata-rata 4 capaian di atasnya (hal. 1) = 110,30');
      },
    },
    {
      name: 'a Rata-rata row 0,02 off the mean that no rounding of its figures explains (domain.md §5: the size of a difference does not decide)',
      report: makeReport({ averages: [average('100,03', ['100,00', '100,00', '100,03'])] }),
      errors: [{ messageId: 'meanMismatch', severity: 'error' }],
    },
    {
      name: 'a Rata-rata row that matches the mean (100,67) only when truncated',
      report: makeReport({ averages: [average('100', ['100,00', '100,00', '102,00'])] }),
      errors: [{ messageId: 'meanRounding', severity: 'rounding' }],
    },
    {
      name: 'subtotal wrong, and the grand total over the subtotals then too',
      report: makeReport({
        budget: [
          budgetRow({ id: 'a', pagu: '10' }),
          budgetRow({ id: 'b', pagu: '20' }),
          budgetRow({ id: 's1', level: 'subtotal', pagu: '31' }),
          budgetRow({ id: 't', level: 'total', pagu: '30' }),
        ],
      }),
      errors: [
        { messageId: 'mismatch', severity: 'error' },
        { messageId: 'mismatch', severity: 'error' },
      ],
    },
  ],
});
