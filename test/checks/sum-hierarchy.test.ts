import { expect } from 'vitest';
import sumHierarchy from '../../src/checks/rules/sum-hierarchy.js';
import { budgetRow, makeReport, value } from './builders.js';
import { testCheck } from './tester.js';

/** A program whose realisasi 920 is off its two kegiatan (Σ 890), printed with the given sisa. */
function mistypedProgram(sisa: string) {
  return makeReport({
    budget: [
      budgetRow({ id: 'p1', level: 'program', pagu: '1.000', realisasi: '920', sisa }),
      budgetRow({ level: 'kegiatan', parentId: 'p1', pagu: '600', realisasi: '550', sisa: '50' }),
      budgetRow({ level: 'kegiatan', parentId: 'p1', pagu: '400', realisasi: '340', sisa: '60' }),
    ],
  });
}

/**
 * A program read from a scan (realisasi 920 mistyped: its kegiatan add up to 890, its sisa computed
 * from it) whose second kegiatan's pagu the scan lost; with `proof`, that kegiatan's one sub-kegiatan
 * is printed as text.
 */
function damagedProgram(proof: boolean) {
  const ocr = (text: string, row: number, column: number) => value(text, { table: 'tb', row, column }, { ocr: true, unit: 'rupiah' });
  return makeReport({
    budget: [
      budgetRow({ id: 'p', level: 'program', row: 1, pagu: ocr('1.000', 1, 2), realisasi: ocr('920', 1, 3), sisa: ocr('80', 1, 5) }),
      budgetRow({ id: 'k1', level: 'kegiatan', parentId: 'p', row: 2, pagu: ocr('600', 2, 2), realisasi: ocr('550', 2, 3), sisa: ocr('50', 2, 5) }),
      { ...budgetRow({ id: 'k2', level: 'kegiatan', parentId: 'p', row: 3, realisasi: ocr('340', 3, 3), sisa: ocr('60', 3, 5) }), unread: ['pagu' as const] },
      ...(proof ? [budgetRow({ id: 's', level: 'sub_kegiatan', parentId: 'k2', row: 4, pagu: '400', realisasi: '340', sisa: '60' })] : []),
    ],
  });
}

testCheck(sumHierarchy, {
  valid: [
    {
      name: "a sub-kegiatan whose pagu the scan printed but lost is unknown, not 0: the kegiatan's pagu is not summed",
      report: makeReport({
        budget: [
          budgetRow({ id: 'k', level: 'kegiatan', pagu: '300', realisasi: '250' }),
          budgetRow({ id: 's1', level: 'sub_kegiatan', parentId: 'k', pagu: '100', realisasi: '100' }),
          { ...budgetRow({ id: 's2', level: 'sub_kegiatan', parentId: 'k', realisasi: '150' }), unread: ['pagu'] },
        ],
      }),
    },
    {
      name: 'program = Σ kegiatan = Σ sub-kegiatan by parentId',
      report: makeReport({
        budget: [
          budgetRow({ id: 'p', level: 'program', pagu: '300', realisasi: '250' }),
          budgetRow({ id: 'k1', level: 'kegiatan', parentId: 'p', pagu: '100', realisasi: '100' }),
          budgetRow({ id: 's1', level: 'sub_kegiatan', parentId: 'k1', pagu: '60', realisasi: '60' }),
          budgetRow({ id: 's2', level: 'sub_kegiatan', parentId: 'k1', pagu: '40', realisasi: '40' }),
          budgetRow({ id: 'k2', level: 'kegiatan', parentId: 'p', pagu: '200', realisasi: '150' }),
        ],
      }),
    },
    {
      name: 'children found by code prefix when no parentId was linked',
      report: makeReport({
        budget: [
          budgetRow({ level: 'program', kode: '2.12.01', pagu: '300' }),
          budgetRow({ level: 'kegiatan', kode: '2.12.01.2.08', pagu: '100' }),
          budgetRow({ level: 'kegiatan', kode: '2.12.01.2.09', pagu: '200' }),
          budgetRow({ level: 'kegiatan', kode: '2.12.02.2.01', pagu: '999' }),
        ],
      }),
    },
    {
      name: 'sub-kegiatan linked straight to the program (their kegiatan row not read) count in its sum',
      report: makeReport({
        budget: [
          budgetRow({ id: 'p', level: 'program', pagu: '1.970.711.900' }),
          ...(['373.865.100', '256.940.000'] as const).map((pagu) => budgetRow({ level: 'sub_kegiatan', parentId: 'p', pagu })),
          ...(['819.990.100', '519.916.700'] as const).map((pagu) => budgetRow({ level: 'kegiatan', parentId: 'p', pagu })),
        ],
      }),
    },
    { name: 'a program listed without its kegiatan', report: makeReport({ budget: [budgetRow({ level: 'program', pagu: '300' })] }) },
    {
      name: 'a work plan whose next-year forecast adds up too',
      report: makeReport({
        budget: [
          budgetRow({ id: 'p', level: 'program', pagu: '9.882.839.465', prakiraan: '9.942.839.465' }),
          budgetRow({ id: 'k1', level: 'kegiatan', parentId: 'p', pagu: '9.882.839.465', prakiraan: '9.942.839.465' }),
          budgetRow({ level: 'sub_kegiatan', parentId: 'k1', pagu: '9.882.839.465', prakiraan: '9.942.839.465' }),
        ],
      }),
    },
    {
      name: 'a sub-kegiatan without a forecast counts as 0, like an empty pagu',
      report: makeReport({
        budget: [
          budgetRow({ id: 'k1', level: 'kegiatan', pagu: '500', prakiraan: '200' }),
          budgetRow({ level: 'sub_kegiatan', parentId: 'k1', pagu: '450', prakiraan: null }),
          budgetRow({ level: 'sub_kegiatan', parentId: 'k1', pagu: '50', prakiraan: '200' }),
        ],
      }),
    },
    {
      name: 'a forecast printed by the parent only (no child prints one) is not summed',
      report: makeReport({
        budget: [
          budgetRow({ id: 'k1', level: 'kegiatan', pagu: '100', prakiraan: '999' }),
          budgetRow({ level: 'sub_kegiatan', parentId: 'k1', pagu: '100' }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'rows read from a scan that disagree with their program in pagu and realisasi at once (no row unread): information, which rows are listed is the doubt',
      report: makeReport({
        budget: (() => {
          const ocr = (text: string, row: number, column: number) => value(text, { table: 'tb', row, column }, { ocr: true, unit: 'rupiah' });
          return [
            budgetRow({ id: 'p', level: 'program', row: 1, pagu: ocr('300', 1, 2), realisasi: ocr('250', 1, 3) }),
            budgetRow({ id: 'k1', level: 'kegiatan', parentId: 'p', row: 2, pagu: ocr('300', 2, 2), realisasi: ocr('250', 2, 3) }),
            budgetRow({ id: 'k2', level: 'kegiatan', parentId: 'p', row: 3, pagu: ocr('300', 3, 2), realisasi: ocr('250', 3, 3) }),
          ];
        })(),
      }),
      errors: [
        { messageId: 'scan', severity: 'info' },
        { messageId: 'scan', severity: 'info' },
      ],
    },
    {
      name: 'rows read from a scan that lost figures among them (a sub-kegiatan between them unread): the mismatch is said as information, check the scan',
      report: makeReport({
        budget: [
          budgetRow({ id: 'k', level: 'kegiatan', row: 1, pagu: value('300', { table: 'tb', row: 1, column: 2 }, { ocr: true, unit: 'rupiah' }), realisasi: value('280', { table: 'tb', row: 1, column: 3 }, { ocr: true, unit: 'rupiah' }) }),
          budgetRow({ id: 's1', level: 'sub_kegiatan', parentId: 'k', row: 2, pagu: '100', realisasi: '100' }),
          { ...budgetRow({ id: 'x', level: 'other', row: 3, realisasi: '5' }), unread: ['pagu' as const] },
          budgetRow({ id: 's2', level: 'sub_kegiatan', parentId: 'k', row: 4, pagu: '200', realisasi: '150' }),
        ],
      }),
      errors: [{ messageId: 'scan', severity: 'info' }],
      check: ([f]) => expect(f?.message.en).toContain('check the scan'),
    },
    {
      name: 'rows read from a scan that lost a kegiatan pagu, every figure summed proven by other arithmetic (pagu − realisasi = sisa, or the sum of its sub-kegiatan): the mistyped realisasi is an error',
      report: damagedProgram(true),
      errors: [
        { messageId: 'mismatch', severity: 'error' },
        { messageId: 'followsRealisasi', severity: 'error' },
      ],
    },
    {
      name: 'the same rows without the sub-kegiatan that prove the kegiatan whose pagu was lost: information, check the scan',
      report: damagedProgram(false),
      errors: [
        { messageId: 'scan', severity: 'info' },
        { messageId: 'scan', severity: 'info' },
      ],
    },
    {
      name: 'kegiatan ≠ Σ its sub-kegiatan (realisasi)',
      report: makeReport({
        budget: [
          budgetRow({ id: 'k1', level: 'kegiatan', pagu: '100', realisasi: '95' }),
          budgetRow({ level: 'sub_kegiatan', parentId: 'k1', pagu: '60', realisasi: '60' }),
          budgetRow({ level: 'sub_kegiatan', parentId: 'k1', pagu: '40', realisasi: '30' }),
        ],
      }),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
    },
    {
      name: 'a program realisasi mistyped and its sisa computed from it: two wrong printed figures, one finding each citing its own cell, linked by the row',
      report: mistypedProgram('80'),
      errors: [
        { messageId: 'mismatch', severity: 'error' },
        { messageId: 'followsRealisasi', severity: 'error' },
      ],
      check: (findings) => {
        const byColumn = findings.map((f) => [f.citations.map((c) => c.column), f.printed?.value, f.expected?.value]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
        expect(byColumn).toEqual([
          [[3], 920, 890],
          [[5], 80, 110],
        ]);
        expect(new Set(findings.map((f) => f.subject)).size).toBe(1);
        const realisasi = findings.find((f) => f.citations[0]?.column === 3)!;
        const sisa = findings.find((f) => f.citations[0]?.column === 5)!;
        expect(sisa.causedBy).toEqual([realisasi.id]);
        expect(sisa.message.en).toBe(
          'Uraian p1: printed sisa (remaining) 80 but the 2 kegiatan (activities) (p. 1) add up to Rp 110; difference Rp -30, the realisasi 920 being off by as much the other way (the sisa was computed from the wrong realisasi)',
        );
        expect(sisa.message.id).toBe('Uraian p1: sisa tercetak 80 tetapi jumlah 2 kegiatan (hal. 1) = Rp 110; selisih Rp -30, sama dengan selisih realisasi 920 (sisa dihitung dari realisasi yang salah)');
      },
    },
    {
      name: 'a sisa off by another amount than the realisasi (its own mistake besides): two findings, the sisa not tied to the realisasi',
      report: mistypedProgram('85'),
      errors: [
        { messageId: 'mismatch', severity: 'error' },
        { messageId: 'mismatch', severity: 'error' },
      ],
      check: (findings) => expect(findings.every((f) => f.causedBy === undefined)).toBe(true),
    },
    {
      name: 'rows missing under a kegiatan put pagu and realisasi off at once, which no printed figure explains: one warning citing the three columns, naming the rows listed',
      report: makeReport({
        budget: [
          budgetRow({ id: 'k1', level: 'kegiatan', pagu: '100', realisasi: '90', sisa: '10' }),
          budgetRow({ level: 'sub_kegiatan', parentId: 'k1', pagu: '60', realisasi: '55', sisa: '5' }),
        ],
      }),
      errors: [{ messageId: 'rowsOff', severity: 'warning' }],
      check: ([f]) => {
        expect(f!.citations.map((c) => c.column)).toEqual([2, 3, 5]);
        expect(f!.message.en).toBe(
          'Uraian k1: the 1 sub-kegiatan (sub-activities) listed (p. 1) do not add up to this row in pagu and realisasi at once (pagu (budget) printed 100, their sum Rp 60; realisasi (spending) printed 90, their sum Rp 55; sisa (remaining) printed 10, their sum Rp 5); no single printed figure explains it: rows are missing or extra, or it adds up other rows',
        );
        expect(f!.message.id).toMatch(/^Uraian k1: 1 sub kegiatan yang tercantum \(hal\. 1\) tidak berjumlah sama .*pagu tercetak 100, jumlahnya Rp 60; realisasi tercetak 90/);
      },
    },
    {
      name: 'kegiatan ≠ Σ its sub-kegiatan in the next-year forecast only',
      report: makeReport({
        budget: [
          budgetRow({ id: 'k1', uraian: 'Administrasi Kepegawaian Perangkat Daerah', level: 'kegiatan', pagu: '200.458.565', prakiraan: '212.000.000' }),
          budgetRow({ level: 'sub_kegiatan', parentId: 'k1', pagu: '10.262.400', prakiraan: '12.000.000' }),
          budgetRow({ level: 'sub_kegiatan', parentId: 'k1', pagu: '45.780.000', prakiraan: '50.000.000' }),
          budgetRow({ level: 'sub_kegiatan', parentId: 'k1', pagu: '144.416.165', prakiraan: '190.000.000' }),
        ],
      }),
      errors: [{ messageId: 'mismatch', severity: 'error' }],
      check: ([f]) => {
        expect(f?.message.id).toBe('Administrasi Kepegawaian Perangkat Daerah: prakiraan maju 2024 tercetak 212.000.000 tetapi jumlah 3 sub kegiatan (hal. 1) = Rp 252.000.000; selisih Rp -40.000.000');
        expect(f?.message.en).toMatch(/^Administrasi Kepegawaian Perangkat Daerah: printed next-year forecast \(prakiraan maju 2024\) 212\.000\.000 but the 3 /);
        expect(f?.citations.map((c) => c.column)).toEqual([6]);
      },
    },
    {
      name: "the year's pagu and the next-year forecast both off: two findings, one per year",
      report: makeReport({
        budget: [
          budgetRow({ id: 'k1', level: 'kegiatan', pagu: '215.125.000', prakiraan: '225.250.000' }),
          budgetRow({ level: 'sub_kegiatan', parentId: 'k1', pagu: '116.060.000', prakiraan: '145.250.000' }),
          budgetRow({ level: 'sub_kegiatan', parentId: 'k1', pagu: '98.465.000', prakiraan: '90.000.000' }),
        ],
      }),
      errors: [
        { messageId: 'mismatch', severity: 'error' },
        { messageId: 'mismatch', severity: 'error' },
      ],
      check: (findings) => {
        const byColumn = findings.map((f) => [f.citations.map((c) => c.column), f.expected?.value]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
        expect(byColumn).toEqual([
          [[2], 214525000],
          [[6], 235250000],
        ]);
      },
    },
  ],
});
