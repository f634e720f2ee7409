import { expect } from 'vitest';
import periodEntity from '../../src/checks/rules/period-entity.js';
import { claim, makeReport } from './builders.js';
import { testCheck } from './tester.js';

const mention = (entity: 'year' | 'office', value: string) => claim('mention', { entity, value });
const report = (...claims: ReturnType<typeof mention>[]) =>
  makeReport({ report: { tahun: 2023, instansi: 'Badan Penanggulangan Bencana Daerah', pemda: 'Kabupaten Contoh' }, claims });

testCheck(periodEntity, {
  valid: [
    { name: 'the report year, the year before and the year after', report: report(mention('year', '2023'), mention('year', '2022'), mention('year', '2024')) },
    { name: 'a Renstra period containing the year', report: report(mention('year', '2021-2026'), mention('year', '2021 s.d. 2026')) },
    { name: 'a compared period ending in the report year, as printed', report: report(mention('year', 'tahun 2022 sampai dengan tahun 2023')) },
    { name: 'the office with its pemda', report: report(mention('office', 'Badan Penanggulangan Bencana Daerah Kabupaten Contoh')) },
    { name: 'the office initials', report: report(mention('office', 'BPBD')) },
    { name: 'the report year as its own period', report: report(claim('mention', { entity: 'year', value: '2023', own: true })) },
  ],
  invalid: [
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
    { name: 'an abbreviation that cannot be matched', report: report(mention('office', 'Dinkes')), errors: [{ messageId: 'unverifiedOffice', severity: 'info' }] },
  ],
});
