import { expect } from 'vitest';
import crossTable from '../../src/checks/rules/cross-table.js';
import { budgetRow, claim, efficiencyRow, indicator, makeReport, prose, table, value } from './builders.js';
import { testCheck } from './tester.js';

const pkTables = [table('pk0', 'pk', { variant: 'original' }), table('pk1', 'pk', { variant: 'perubahan' })];

/**
 * A program whose % follows its own realisasi (4.532.901.641 / 4.952.181.000 = 91,53%) while its two
 * kegiatan add up to 4.519.901.641 (91,27%), and an efficiency table printing `serapan`.
 */
const mistypedProgram = (serapan: string, kegiatan: [string, string] = ['3.000.000.000', '1.519.901.641']) =>
  makeReport({
    budget: [
      budgetRow({ id: 'p', key: 'penunjang', table: 'tb', page: 8, row: 1, pagu: '4.952.181.000', realisasi: '4.532.901.641', persen: '91,53', sisa: '419.279.359' }),
      budgetRow({ id: 'k1', key: 'k1', table: 'tb', page: 8, row: 2, level: 'kegiatan', parentId: 'p', pagu: '3.200.000.000', realisasi: kegiatan[0] }),
      budgetRow({ id: 'k2', key: 'k2', table: 'tb', page: 8, row: 3, level: 'kegiatan', parentId: 'p', pagu: '1.752.181.000', realisasi: kegiatan[1] }),
    ],
    efficiency: [effIn('e1', 8, 'Prevalensi stunting pada balita', serapan), effIn('e1', 8, 'Cakupan persalinan', '90,06%')],
  });

/** An efficiency row of table `table` on `page` with the absorption printed. */
function effIn(table: string, page: number, uraian: string, serapan: string) {
  const e = efficiencyRow({ uraian, page, serapan });
  return { ...e, table, serapan: e.serapan && { ...e.serapan, cite: { ...e.serapan.cite, table } } };
}

/**
 * A program's realisasi mistyped in the body table (4.532.901.641; its kegiatan add up to
 * 4.519.901.641), printed correctly in an attachment on a later page.
 */
function programTypo() {
  return makeReport({
    budget: [
      budgetRow({ id: 'b.p', key: 'prog', table: 'body', page: 8, level: 'program', realisasi: '4.532.901.641' }),
      budgetRow({ id: 'b.k1', key: 'keg1', table: 'body', page: 8, level: 'kegiatan', parentId: 'b.p', realisasi: '4.000.000.000' }),
      budgetRow({ id: 'b.k2', key: 'keg2', table: 'body', page: 8, level: 'kegiatan', parentId: 'b.p', realisasi: '519.901.641' }),
      budgetRow({ id: 'l.p', key: 'prog', table: 'lampiran', page: 11, level: 'program', realisasi: '4.519.901.641' }),
    ],
  });
}

/**
 * The IKM printed 67.76 in the capaian table (page 6) and stated in a sentence on page 7 as `stated`
 * ("Nilai … yang dicapai pada tahun 2023 …"); `text` is the sentence.
 */
const statedInProse = (stated: string, text = `Nilai ${stated} yang dicapai pada tahun 2023 untuk indikator Indeks Kepuasan Masyarakat (IKM) naik bila dibandingkan dengan nilai tahun 2022, yaitu 66.75.`) =>
  makeReport({
    indicators: [indicator({ key: 'ikm', indikator: 'Indeks Kepuasan Masyarakat (IKM)', table: 't3', page: 6, target: '80', realisasi: '67.76', capaian: '84.70' })],
    claims: [claim('trend', { page: 7, text, direction: 'up', subject: 'Indeks Kepuasan Masyarakat (IKM)', from: prose('66.75', 7), to: prose(stated, 7) })],
  });

/** A sentence stating the realisasi alone ("… terealisasi sebesar 41."). */
const statedAlone = (stated: string) =>
  makeReport({
    indicators: [indicator({ key: 'akb', indikator: 'Angka Kematian Bayi (AKB)', table: 't3', page: 6, target: '15', realisasi: '14', capaian: '106,7' })],
    claims: [claim('stated', { page: 7, text: `Pada tahun 2023, Angka Kematian Bayi (AKB) terealisasi sebesar ${stated}.`, subject: 'Angka Kematian Bayi (AKB)', quantity: 'realisasi', value: prose(stated, 7) })],
  });

testCheck(crossTable, {
  valid: [
    { name: 'a realisasi stated alone in a sentence, as the table prints it', report: statedAlone('14') },
    { name: 'a realisasi stated in prose as the table prints it', report: statedInProse('67.76') },
    { name: 'a figure stated in prose that is the capaian the table prints (the sentence speaks of the capaian)', report: statedInProse('84.70') },
    {
      name: 'a sentence about an earlier year (it names no report year) is not compared with this year',
      report: statedInProse('60.10', 'Nilai 60.10 yang dicapai pada tahun 2021 untuk indikator Indeks Kepuasan Masyarakat (IKM) naik bila dibandingkan dengan nilai tahun 2020, yaitu 58.75.'),
    },
    { name: 'an efficiency absorption that no program’s children give', report: mistypedProgram('88,00%') },
    { name: 'a program whose children add up to its own realisasi, beside any efficiency absorption', report: mistypedProgram('91,27%', ['3.000.000.000', '1.532.901.641']) },
    {
      name: 'the same figures in the summary and the body',
      report: makeReport({ indicators: [indicator({ key: 'ikm', table: 'ringkasan', target: '69', realisasi: '51,85', capaian: '75,14%' }), indicator({ key: 'ikm', table: 'bab3', page: 20, target: '69', realisasi: '51,85', capaian: '75,14%' })] }),
    },
    {
      name: 'the same figure at different precision (75,1 and 75,14)',
      report: makeReport({ indicators: [indicator({ key: 'ikm', table: 'a', capaian: '75,1%' }), indicator({ key: 'ikm', table: 'b', capaian: '75,14%' })] }),
    },
    {
      name: 'PK original vs perubahan pagu differ on purpose',
      report: makeReport({ tables: pkTables, budget: [budgetRow({ key: 'prog1', table: 'pk0', tableKind: 'pk', pagu: '1.000.000' }), budgetRow({ key: 'prog1', table: 'pk1', tableKind: 'pk', pagu: '1.200.000' }), budgetRow({ key: 'prog1', table: 'real', pagu: '1.200.000' })] }),
    },
    {
      name: 'work-plan ceilings (rencana) vs realisation tables',
      report: makeReport({ tables: [table('rk', 'budget-summary', { variant: 'rencana' })], budget: [budgetRow({ key: 'prog1', table: 'rk', pagu: '900.000' }), budgetRow({ key: 'prog1', table: 'real', pagu: '1.200.000' })] }),
    },
    {
      name: 'a different year of the same indicator (comparison table)',
      report: makeReport({ indicators: [indicator({ key: 'ikm', table: 'a', realisasi: '51,85' }), indicator({ key: 'ikm', table: 'b', tahun: 2022, realisasi: '49,00' })] }),
    },
    {
      name: 'a Renstra end target (and the capaian against it) is not a yearly one',
      report: makeReport({ indicators: [indicator({ key: 'ikm', table: 'a', target: '69', capaian: '75,14%' }), indicator({ key: 'ikm', table: 'r', tableKind: 'renstra', target: '80', capaian: '64,81%' })] }),
    },
    {
      name: 'a kegiatan and its sub-kegiatan of one name, printed as two lines in two tables, are compared level by level',
      report: makeReport({
        budget: ['body', 'lampiran'].flatMap((t) => [
          budgetRow({ key: 'pengadaan', table: t, level: 'kegiatan', pagu: '3.644.731.000' }),
          budgetRow({ key: 'pengadaan', table: t, level: 'sub_kegiatan', pagu: '424.973.000' }),
        ]),
      }),
    },
    {
      name: 'a miscalculated capaian beside its own target and realisasi, copied correctly once elsewhere, is left to the capaian check',
      report: makeReport({ indicators: [indicator({ key: 'ikm', table: 'a', target: '88', realisasi: '83,78', capaian: '97,21' }), indicator({ key: 'ikm', table: 'ringkasan', page: 13, capaian: '95,21' })] }),
    },
    {
      name: 'a capaian miscalculated against a whole-number target (11,36 / 13 = 87,38, printed 84,98) neither verifies nor outvotes the right copy elsewhere: left to the capaian check',
      report: makeReport({ indicators: [indicator({ key: 'pajak', table: 'a', target: '13', realisasi: '11,36', capaian: '84,98' }), indicator({ key: 'pajak', table: 'efisiensi', page: 8, capaian: '87,38' })] }),
    },
    {
      name: 'totals with different realisasi are different budgets (the whole office and its priority programs)',
      report: makeReport({
        budget: [
          budgetRow({ id: 'tot', key: 'tb:total', table: 'tb', level: 'total', pagu: '1.000', realisasi: '900' }),
          budgetRow({ id: 'pr', key: 'pr:total', table: 'pr', level: 'total', pagu: '400', realisasi: '350' }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'two copies, one printed and one read from a scan as the printed digits and a mark (90,396 for 90,3%): the printed one is the reference, the scan\'s reading the info',
      report: makeReport({
        indicators: [
          indicator({ key: 'wmk', table: 'pk', page: 5, target: value('90,396', { page: 5, table: 'pk', row: 1, column: 4 }, { unit: 'number', ocr: true }) }),
          indicator({ key: 'wmk', table: 'bab3', page: 6, target: '90,3' }),
        ],
      }),
      errors: [{ messageId: 'scanSuffix', severity: 'info' }],
      check: ([f]) => expect([f?.printed?.text, f?.citations[0]?.page]).toEqual(['90,396', 5]),
    },
    {
      name: 'a row with a range target still lends its realisasi, its capaian measured against the bound it lies beyond confirming it (74,46 of 84 = 88,64%): the copy 74,64 is the one reported',
      report: makeReport({
        indicators: [
          { ...indicator({ key: 'ikm', table: 't3', page: 6, target: '84,0 s.d. 88,0', realisasi: '74,46', capaian: '88,64' }), targetRange: [84, 88] as [number, number] },
          indicator({ key: 'ikm', table: 't5', page: 7, realisasi: '74,64' }),
        ],
      }),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
      check: ([f]) => expect([f?.printed?.value, f?.expected?.value, f?.citations[0]?.page]).toEqual([74.64, 74.46, 7]),
    },
    {
      name: 'a copy that differs from two printed ones and a scan read with low confidence: the finding rests on the printed copies, the scan only agrees',
      report: makeReport({
        indicators: [
          indicator({ key: 'apk', table: 'capaian', page: 6, realisasi: '57,31' }),
          indicator({ key: 'apk', table: 'renstra', page: 7, realisasi: '57,31' }),
          indicator({ key: 'apk', table: 'lampiran', page: 14, realisasi: value('57,31', { page: 14, table: 'lampiran', row: 2, column: 4, ocrConf: 11 }, { unit: 'number', ocr: true }) }),
          indicator({ key: 'apk', table: 'banding', page: 6, realisasi: '75,31' }),
        ],
      }),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
      check: ([f]) => expect(f?.expected?.operands.map((o) => o.cite?.page).sort()).toEqual([6, 7]),
    },
    {
      name: 'a realisasi stated alone in a sentence with its digits swapped (41 for 14): reported at the sentence',
      report: statedAlone('41'),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
      check: ([f]) => expect([f?.printed?.value, f?.expected?.value, f?.citations[0]?.page]).toEqual([41, 14, 7]),
    },
    ...[
      { scanned: '93.196', printed: '93.1%', want: { messageId: 'scanSuffix', severity: 'info' as const } },
      { scanned: '9196', printed: '91', want: { messageId: 'scanSuffix', severity: 'info' as const } },
      { scanned: '93.91', printed: '93.1%', want: { messageId: 'mismatch', severity: 'error' as const } },
      { scanned: '39.1', printed: '93.1', want: { messageId: 'mismatch', severity: 'error' as const } },
      { scanned: '8', printed: '38', want: { messageId: 'scanLost', severity: 'info' as const } },
      { scanned: '3.1', printed: '93.1', want: { messageId: 'scanLost', severity: 'info' as const } },
      { scanned: '83', printed: '38', want: { messageId: 'mismatch', severity: 'error' as const } },
    ].map(({ scanned, printed, want }) => ({
      name: `a scanned ${scanned} against a printed ${printed}: ${want.messageId === 'scanSuffix' ? 'the printed digits and a trailing mark read as digits, the scan’s reading (info)' : want.messageId === 'scanLost' ? 'the printed digits with one lost at an end, the scan’s reading (info)' : 'a different figure (error)'}`,
      report: makeReport({
        indicators: [
          indicator({ key: 'mcp', table: 'bab3', page: 6, capaian: printed }),
          indicator({ key: 'mcp', table: 'lampiran', page: 10, capaian: value(scanned, { page: 10, table: 'lampiran', row: 1, column: 4 }, { unit: 'percent', ocr: true }) }),
        ],
      }),
      errors: [want],
    })),
    {
      name: 'a realisasi stated in prose with two digits swapped (67.67 for the 67.76 the table prints): reported at the sentence, the table the reference',
      report: statedInProse('67.67'),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
      check: ([f]) => {
        expect(f?.printed?.value).toBe(67.67);
        expect(f?.expected?.value).toBe(67.76);
        expect(f?.citations.map((c) => [c.page, c.table ?? null])).toEqual([[7, null]]);
      },
    },
    {
      name: 'a program % that follows its mistyped realisasi, while the efficiency table prints the absorption its children give',
      report: mistypedProgram('91,27%'),
      errors: [{ messageId: 'childrenAbsorption', severity: 'error' }],
      check: ([f]) => {
        expect(f?.printed?.value).toBe(91.53);
        expect(f?.expected?.value).toBe(91.27);
        expect(f?.citations.map((c) => [c.page, c.column])).toEqual([[8, 4]]);
      },
    },
    {
      name: 'a Renstra end target that differs from the plan’s own matrix (87 vs 88, intervals only touching)',
      report: makeReport({
        tables: [table('cmp', 'renstra', { columns: { indikator: 2, renstraTarget: 3 } }), table('matrix', 'renstra', { columns: { indikator: 1, target: 6, renstraTarget: 9 } })],
        indicators: [indicator({ key: 'ikm', table: 'cmp', page: 36, tableKind: 'renstra', renstraTarget: '87' }), indicator({ key: 'ikm', table: 'matrix', page: 51, tableKind: 'renstra', renstraTarget: '88' })],
      }),
      // 87.9 truncates to 87 and rounds to 88: the two agree only under truncation.
      errors: [{ messageId: 'rounding', severity: 'rounding' }],
      check: ([f]) => expect([f?.printed?.text, f?.citations[0]?.page, f?.expected?.value]).toEqual(['87', 36, 88]),
    },
    {
      name: 'a bare capaian in a summary that differs from the capaian printed with its target and realisasi in two tables',
      report: makeReport({
        indicators: [
          indicator({ key: 'ikm', table: 'ringkasan', page: 13, capaian: '87' }),
          indicator({ key: 'ikm', table: 'a', page: 33, target: '88', realisasi: '83,78', capaian: '95,21' }),
          indicator({ key: 'ikm', table: 'b', page: 45, capaian: '95,21' }),
        ],
      }),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
      check: ([f]) => expect([f?.printed?.text, f?.citations[0]?.page]).toEqual(['87', 13]),
    },
    {
      name: 'a bare copy that differs from one capaian its own target and realisasi confirm',
      report: makeReport({ indicators: [indicator({ key: 'ikm', table: 'ringkasan', page: 13, capaian: '100%' }), indicator({ key: 'ikm', table: 'a', page: 33, target: '100', realisasi: '99,01', capaian: '99,01' })] }),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
      check: ([f]) => expect([f?.printed?.text, f?.expected?.value]).toEqual(['100%', 99.01]),
    },
    {
      name: 'capaian 75,14% in three tables and 75,41% in one',
      report: makeReport({
        indicators: [
          indicator({ key: 'ikm', table: 'a', page: 3, capaian: '75,14%' }),
          indicator({ key: 'ikm', table: 'b', page: 20, capaian: '75,41%' }),
          indicator({ key: 'ikm', table: 'c', page: 25, capaian: '75,14%' }),
          indicator({ key: 'ikm', table: 'd', page: 60, capaian: '75,14%' }),
        ],
      }),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
      check: ([f]) => {
        expect(f?.citations.map((c) => c.page)).toEqual([20]);
        expect(f?.expected?.operands.map((o) => o.cite?.page)).toEqual([3, 25, 60]);
        expect(f?.message.id).toContain('tercetak 75,41% di Tabel b (hal. 20), tetapi 75,14% di Tabel a (hal. 3)');
      },
    },
    {
      name: 'an efficiency table printing another absorption than the other efficiency table, which a budget line confirms',
      report: makeReport({
        budget: [budgetRow({ key: 'trantib', table: 'tb', pagu: '101.000.000', realisasi: '100.000.000', persen: '99,01' })],
        // The confirmed figure is printed second: it is chosen for the confirmation, not the order.
        efficiency: [effIn('e1', 13, 'Persentase Pelaksanaan Tugas Trantibum', '96,56%'), effIn('e2', 45, 'Persentase Pelaksanaan Tugas Trantibum', '99,01%')],
      }),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
      check: ([f]) => {
        expect(f?.citations.map((c) => c.page)).toEqual([13]);
        expect(f?.expected?.value).toBe(99.01);
      },
    },
    {
      name: 'a stated total pagu that differs from the table whose realisasi total it quotes',
      report: makeReport({
        budget: [
          budgetRow({ id: 'a', key: 'a', table: 'tb', row: 1, pagu: '600', realisasi: '550' }),
          budgetRow({ id: 'b', key: 'b', table: 'tb', row: 2, pagu: '400', realisasi: '350' }),
          budgetRow({ id: 'tot', key: 'tb:total', table: 'tb', row: 3, level: 'total', uraian: 'TOTAL', pagu: '1.000', realisasi: '900' }),
          budgetRow({ id: 'stated', key: 'l1:total', table: 'l1', page: 9, level: 'total', uraian: 'Pagu Anggaran Program', pagu: '990', realisasi: '900' }),
        ],
      }),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
      check: ([f]) => {
        expect(f?.printed?.value).toBe(990);
        expect(f?.expected?.value).toBe(1000);
        expect(f?.message.en).toMatch(/^Pagu Anggaran Program: pagu \(budget\) printed as 990/);
      },
    },
    {
      name: 'pagu of one program differs between the budget tables',
      report: makeReport({ budget: [budgetRow({ key: 'prog1', table: 'x', pagu: '1.000.000' }), budgetRow({ key: 'prog1', table: 'y', pagu: '1.000.100' })] }),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
    },
    {
      name: 'a program realisasi printed twice: the copy its own kegiatan add up to is the reference, whatever the order',
      report: programTypo(),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
      check: ([f]) => {
        expect(f?.printed?.value).toBe(4_532_901_641);
        expect(f?.expected?.value).toBe(4_519_901_641);
      },
    },
    {
      name: 'the places are named once each, at most three',
      report: makeReport({
        indicators: [
          indicator({ key: 'k', table: 'a', page: 1, realisasi: '10' }),
          indicator({ key: 'k', table: 'a', page: 1, realisasi: '10' }),
          indicator({ key: 'k', table: 'b', page: 2, realisasi: '10' }),
          indicator({ key: 'k', table: 'c', page: 3, realisasi: '10' }),
          indicator({ key: 'k', table: 'd', page: 4, realisasi: '10' }),
          indicator({ key: 'k', table: 'e', page: 5, realisasi: '12' }),
        ],
      }),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
      check: ([f]) => expect(f?.message.id).toContain('tetapi 10 di Tabel a (hal. 1), Tabel b (hal. 2), Tabel c (hal. 3) dan 1 tempat lain'),
    },
    {
      name: 'two PK originals that disagree',
      report: makeReport({ tables: [table('pk0', 'pk', { variant: 'original' }), table('pk2', 'pk', { variant: 'original' })], budget: [budgetRow({ key: 'p', table: 'pk0', pagu: '1' }), budgetRow({ key: 'p', table: 'pk2', pagu: '2' })] }),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
    },
    {
      name: 'a PK budget that differs from the realisation table in a report without a revised PK',
      report: makeReport({ tables: [table('pk0', 'budget-summary', { variant: 'original' })], budget: [budgetRow({ key: 'p', table: 'pk0', pagu: '688.088.700' }), budgetRow({ key: 'p', table: 'real', pagu: '687.088.700' })] }),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
    },
  ],
});
