import { expect } from 'vitest';
import periodEntity from '../../src/checks/rules/period-entity.js';
import { claim, indicator, makeReport, table, value } from './builders.js';
import { testCheck } from './tester.js';

const mention = (entity: 'year' | 'office', value: string) => claim('mention', { entity, value });
/** A national-comparison table whose office column is the year given (REALISASI <year>). */
const pastTable = (year: number, caption: string, columns: Record<string, number> = { indikator: 1, prevRealisasi: 2 }) =>
  makeReport({
    report: { tahun: 2023, instansi: 'Dinas Contoh', pemda: 'Kota Contoh' },
    tables: [table('t9', 'comparison', { caption, columns })],
    indicators: [1, 2].map((row) =>
      Object.assign(indicator({ table: 't9', row, tableKind: 'comparison' }), { prevRealisasi: value('86%', { table: 't9', row, column: 2, columnLabel: `REALISASI ${year}` }) }),
    ),
  });
const report = (...claims: ReturnType<typeof mention>[]) =>
  makeReport({ report: { tahun: 2023, instansi: 'Badan Penanggulangan Bencana Daerah', pemda: 'Kabupaten Contoh' }, claims });

testCheck(periodEntity, {
  valid: [
    { name: 'the report year, the year before and the year after', report: report(mention('year', '2023'), mention('year', '2022'), mention('year', '2024')) },
    { name: 'a Renstra period containing the year', report: report(mention('year', '2021-2026'), mention('year', '2021 s.d. 2026')) },
    { name: 'a compared period ending in the report year, as printed', report: report(mention('year', 'tahun 2022 sampai dengan tahun 2023')) },
    { name: 'the office with its pemda', report: report(mention('office', 'Badan Penanggulangan Bencana Daerah Kabupaten Contoh')) },
    { name: 'the office initials', report: report(mention('office', 'BPBD')) },
    { name: 'the office said to carry out the duties is the report’s, with its pemda', report: report(claim('mention', { entity: 'office', value: 'Badan Penanggulangan Bencana Daerah Kabupaten Contoh', own: true })) },
    { name: 'the report year as its own period', report: report(claim('mention', { entity: 'year', value: '2023', own: true })) },
    { name: 'a table comparing last year with this year', report: pastTable(2022, 'Perbandingan realisasi kinerja', { indikator: 1, prevRealisasi: 2, realisasi: 3 }) },
    { name: 'a table whose caption names the earlier year on purpose', report: pastTable(2022, 'Tabel 3.2 Capaian Kinerja Tahun 2022') },
  ],
  invalid: [
    {
      name: "a comparison with national figures showing only last year's realisasi",
      report: pastTable(2022, 'Tabel 3.6 Perbandingan Realisasi Kinerja Dengan Realisasi Nasional'),
      errors: [{ messageId: 'pastOnlyTable', severity: 'warning' }],
      check: ([f]) => expect(f?.citations).toHaveLength(2),
    },
    { name: 'last year named as the report\'s own period', report: report(claim('mention', { entity: 'year', value: '2022', own: true })), errors: [{ messageId: 'ownYear', severity: 'warning' }] },
    { name: 'a later year', report: report(mention('year', '2025')), errors: [{ messageId: 'futureYear', severity: 'warning' }] },
    { name: 'an older year', report: report(mention('year', '2019')), errors: [{ messageId: 'oldYear', severity: 'info' }] },
    { name: 'a period without the report year', report: report(mention('year', '2016-2021')), errors: [{ messageId: 'period', severity: 'warning' }] },
    { name: 'a compared period that stops a year short, as printed', report: report(mention('year', 'tahun 2021 sampai dengan tahun 2022')), errors: [{ messageId: 'period', severity: 'warning' }] },
    { name: "another kabupaten's office", report: report(mention('office', 'Badan Penanggulangan Bencana Daerah Kabupaten Lain')), errors: [{ messageId: 'otherOffice', severity: 'warning' }] },
    {
      name: 'the same foreign office name on several pages is one finding',
      report: makeReport({
        report: { tahun: 2023, instansi: 'Kecamatan Dumai Barat', pemda: 'Kota Dumai' },
        claims: [claim('mention', { entity: 'office', value: 'Kecamatan Sungai Sembilan', page: 22 }), claim('mention', { entity: 'office', value: 'Kecamatan  Sungai Sembilan', page: 37 })],
      }),
      errors: [
        { messageId: 'otherOffice', severity: 'warning' },
        { messageId: 'otherOffice', severity: 'warning' },
      ],
      check: (findings) => expect(findings.map((f) => f.citations.map((c) => c.page))).toEqual([[22, 37]]),
    },
    {
      name: 'another kind of office said to carry out the duties',
      report: report(claim('mention', { entity: 'office', value: 'Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Contoh', own: true })),
      errors: [{ messageId: 'otherDutyOffice', severity: 'warning' }],
    },
    {
      name: 'an office of the same words, but not the whole name, said to carry out the duties',
      report: makeReport({
        report: { tahun: 2024, instansi: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', pemda: 'Kabupaten Tanjung Lembayung' },
        claims: [claim('mention', { entity: 'office', value: 'Badan Kepegawaian Daerah Kabupaten Tanjung Lembayung', own: true })],
      }),
      errors: [{ messageId: 'otherDutyOffice', severity: 'warning' }],
    },
    { name: 'an abbreviation that cannot be matched', report: report(mention('office', 'Dinkes')), errors: [{ messageId: 'unverifiedOffice', severity: 'info' }] },
  ],
});
