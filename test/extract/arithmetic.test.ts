import { extractReport } from '../../src/extract/index.js';
import { describe, expect, it } from 'vitest';
import { applyBudgetProof, levelSupport, percentReadAsDigits, proveBudgetRoles, proveLevels, provePerformanceRoles } from '../../src/extract/rules/arithmetic.js';
import { mapColumns } from '../../src/extract/rules/columns.js';
import type { Value } from '../../src/model/report.js';
import { layout, table } from './helpers.js';

/** A header and rows written as one line, rows split at `|` and cells at spaces. */
const lines = (header: string[], body: string): string[][] => [header, ...body.split('|').map((r) => r.trim().split(/\s+/))];

describe('proveBudgetRoles', () => {
  const cases: Array<{ name: string; rows: string[][]; headerCount?: number; expect: Record<string, number> | null }> = [
    {
      name: 'pagu, realisasi, % and sisa in the usual order',
      rows: [
        ['Kode', 'Uraian', 'Pagu (Rp)', 'Realisasi (Rp)', '%', 'Sisa (Rp)'],
        ['1.02.01', 'Program A', '1.000.000', '900.000', '90,00', '100.000'],
        ['1.02.01.2.01', 'Kegiatan B', '2.500.000', '2.000.000', '80,00', '500.000'],
        ['1.02.01.2.02', 'Kegiatan C', '400.000', '398.000', '99,50', '2.000'],
      ],
      expect: { pagu: 2, realisasiAnggaran: 3, persen: 4, sisa: 5 },
    },
    {
      name: 'original and revised budget side by side: the % is computed on the revised one',
      rows: [
        ['No', 'Uraian', 'Pagu Awal', 'Pagu Perubahan', 'Realisasi', '%', 'Sisa'],
        ['1', 'Program A', '1.000.000', '1.200.000', '900.000', '75,00', '300.000'],
        ['2', 'Program B', '2.000.000', '1.600.000', '1.200.000', '75,00', '400.000'],
        ['3', 'Program C', '500.000', '500.000', '450.000', '90,00', '50.000'],
      ],
      expect: { pagu: 3, realisasiAnggaran: 4, persen: 5, sisa: 6 },
    },
    {
      name: 'a group header glued into both money columns: the arithmetic names them',
      rows: [
        ['Uraian', 'Anggaran (Rp) Pagu Realisasi', 'Anggaran (Rp) Pagu Realisasi', 'Capaian (%)', 'Sisa'],
        ['Program A', '10.000.000', '9.500.000', '95,00', '500.000'],
        ['Program B', '4.000.000', '3.000.000', '75,00', '1.000.000'],
      ],
      expect: { pagu: 1, realisasiAnggaran: 2, persen: 3, sisa: 4 },
    },
    {
      name: 'a majority holds while one row carries a wrong %',
      rows: [
        ['Uraian', 'Pagu', 'Realisasi', '%'],
        ['A', '1.000.000', '900.000', '90,00'],
        ['B', '2.000.000', '1.000.000', '50,00'],
        ['C', '4.000.000', '3.000.000', '70,00'],
      ],
      expect: { pagu: 1, realisasiAnggaran: 2, persen: 3 },
    },
    {
      name: 'a part without header and one wrong %: the % column is proved beside the sisa, not dropped for it',
      rows: lines(['', '', '', '', ''], 'A 1.000.000 900.000 90,00 100.000 | B 2.000.000 1.000.000 55,00 1.000.000 | C 4.000.000 3.000.000 75,00 1.000.000 | D 500.000 400.000 80,00 100.000'),
      expect: { pagu: 1, realisasiAnggaran: 2, persen: 3, sisa: 4 },
    },
    {
      name: 'a percent column whose own equation fails is not proved along with the sisa',
      rows: lines(['Uraian', 'Pagu', 'Realisasi', 'Bobot (%)', 'Sisa'], 'A 1.000.000 900.000 30,00 100.000 | B 2.000.000 1.000.000 20,00 1.000.000 | C 4.000.000 3.000.000 50,00 1.000.000'),
      expect: { pagu: 1, realisasiAnggaran: 2, sisa: 4 },
    },
    {
      name: 'US-style amounts and a negative sisa in parentheses',
      rows: [
        ['Uraian', 'Budget', 'Spent', 'Rate', 'Left'],
        ['A', '1,000,000', '1,050,000', '105.00', '(50,000)'],
        ['B', '2,000,000', '1,500,000', '75.00', '500,000'],
      ],
      expect: { pagu: 1, realisasiAnggaran: 2, persen: 3, sisa: 4 },
    },
    {
      name: 'no arithmetic to prove: only one money column',
      rows: [
        ['No', 'Program', 'Anggaran (Rp)'],
        ['1', 'Program A', '1.000.000'],
        ['2', 'Program B', '2.000.000'],
      ],
      expect: null,
    },
    {
      name: 'no majority: a % that fits no pair of columns',
      rows: [
        ['Uraian', 'Pagu', 'Realisasi', '%'],
        ['A', '1.000.000', '900.000', '12,00'],
        ['B', '2.000.000', '1.000.000', '13,00'],
      ],
      expect: null,
    },
  ];
  it.each(cases)('$name', (c) => {
    const proof = proveBudgetRoles(table('t1', c.rows, { headerCount: c.headerCount ?? 1 }));
    expect(proof?.roles ?? null).toEqual(c.expect);
  });

  it('overrides the header and says why', () => {
    const t = table('t1', [
      ['No', 'Uraian', 'Pagu Awal (Rp)', 'Pagu Perubahan (Rp)', 'Realisasi (Rp)', '%', 'Sisa (Rp)'],
      ['1', 'Program A', '1.000.000', '1.200.000', '900.000', '75,00', '300.000'],
      ['2', 'Program B', '2.000.000', '1.600.000', '1.200.000', '75,00', '400.000'],
    ]);
    const map = mapColumns(t, 2023);
    const evidence = applyBudgetProof(t, map, proveBudgetRoles(t)!);
    expect(map.roles.pagu).toBe(3);
    expect(evidence.pagu).toMatch(/arithmetic .*column 3 .*2 of 2 rows/);
  });
});

describe('proveLevels', () => {
  const a = (pagu: number | null, realisasi: number | null = null) => ({ pagu, realisasi });
  const P = 'program';
  const K = 'kegiatan';
  const S = 'sub_kegiatan';
  const cases: Array<{ name: string; rows: ReturnType<typeof a>[]; expect: string[] | null }> = [
    {
      name: 'two programs with their kegiatan and sub-kegiatan',
      rows: [a(1000), a(600), a(100), a(500), a(400), a(400), a(700), a(700), a(300), a(400)],
      expect: [P, K, S, S, K, S, P, K, S, S],
    },
    {
      name: 'a mistyped sub-kegiatan pagu: its realisasi still adds up',
      rows: [a(1000, 900), a(600, 550), a(130, 90), a(500, 460), a(400, 350), a(400, 350)],
      expect: [P, K, S, S, K, S],
    },
    {
      name: 'a table part opening inside a list: sub-kegiatan, then a kegiatan, then a program',
      rows: [a(70), a(30), a(250), a(200), a(50), a(500), a(500), a(260), a(240)],
      expect: [S, S, K, S, S, P, K, S, S],
    },
    {
      name: 'two levels only: programs and their kegiatan',
      rows: [a(900), a(400), a(500), a(300), a(100), a(200)],
      expect: [P, K, K, P, K, K],
    },
    {
      name: 'figures that add up nowhere: nothing proved',
      rows: [a(913), a(407), a(122), a(58), a(271), a(64)],
      expect: null,
    },
  ];
  it.each(cases)('$name', (c) => {
    expect(proveLevels(c.rows)?.levels ?? null).toEqual(c.expect);
  });

  it('a part opening inside a list: the names say whether its parents are programs or kegiatan', () => {
    const rows = [a(900), a(400), a(500), a(300), a(100), a(200)];
    expect(proveLevels(rows, [false, false, false, false, false, false])?.levels).toEqual([K, S, S, K, S, S]);
    expect(proveLevels(rows, [true, false, false, true, false, false])?.levels).toEqual([P, K, K, P, K, K]);
  });

  it.each([
    {
      name: 'a part ending with a kegiatan whose sub-kegiatan continue on the next page',
      rows: [a(1000), a(600), a(100), a(500), a(400), a(400), a(500), a(300), a(300), a(200)],
      named: [true, false, false, false, false, false, true, false, false, false],
      expect: [P, K, S, S, K, S, P, K, S, K],
    },
    {
      name: 'a part ending with a program whose kegiatan continue on the next page',
      rows: [a(1000), a(600), a(100), a(500), a(400), a(400), a(700)],
      named: [true, false, false, false, false, false, true],
      expect: [P, K, S, S, K, S, P],
    },
  ])('$name', (c) => {
    expect(proveLevels(c.rows, c.named)?.levels).toEqual(c.expect);
  });

  it('a part opening inside a list and ending with a named program: that row stays a program', () => {
    const rows = [a(1109209300), a(353548800), a(416670200), a(338990300), a(148489200), a(111515700), a(36973500), a(1970711900)];
    expect(proveLevels(rows, [false, false, false, false, false, false, false, true])?.levels).toEqual([K, S, S, S, K, S, S, P]);
  });

  it('rows named "Program …" are the programs, and only they: the sums never read a named program as a kegiatan', () => {
    // Read as kegiatan over sub-kegiatan the rows add up as well as programs over kegiatan; the
    // first row is named a program, the fourth is not: no reading makes the first a kegiatan.
    const rows = [a(900), a(400), a(500), a(300), a(100), a(200)];
    const levels = proveLevels(rows, [true, false, false, false, false, false])?.levels;
    expect(levels?.[0] ?? P).toBe(P);
    expect(levels?.[3] ?? K).not.toBe(P);
  });

  it('counts the parents a level assignment makes add up', () => {
    const rows = [a(1000), a(600), a(100), a(500), a(400), a(400)];
    expect(levelSupport(rows, [P, K, S, S, K, S])).toEqual({ held: 3, parents: 3, score: 2.1 });
    expect(levelSupport(rows, [P, K, K, K, K, K])).toEqual({ held: 0, parents: 1, score: -0.5 });
  });
});

describe('provePerformanceRoles', () => {
  const cases: Array<{ name: string; rows: string[][]; header?: { target?: number; realisasi?: number; capaian?: number }; expect: Record<string, number> | null }> = [
    {
      name: "the header's triple holds: kept",
      rows: [
        ['No', 'Indikator', 'Target', 'Realisasi', 'Capaian (%)'],
        ['1', 'Indeks A', '80', '76,50', '95,63'],
        ['2', 'Persentase B', '90', '93,10', '103,44'],
      ],
      header: { target: 2, realisasi: 3, capaian: 4 },
      expect: { target: 2, realisasi: 3, capaian: 4 },
    },
    {
      name: 'a header row read as a body row left the roles unnamed: the rows name them (last year beside them)',
      rows: [
        ['No', 'Indikator', 'Tahun', 'Capaian Kinerja', '', ''],
        ['1', 'Jumlah puskesmas', '3', '6', '5', '83%'],
        ['2', 'Jumlah kasus kematian ibu', '8', '11', '10', '109,09%'],
        ['3', 'Persentase C', '70,5', '80', '76,8', '96,00%'],
      ],
      expect: { target: 3, realisasi: 4, capaian: 5 },
    },
    {
      name: 'a lower-is-better row computed with (2 − r/t) still holds',
      rows: [
        ['No', 'Indikator', 'A', 'B', 'C'],
        ['1', 'Angka kematian', '110', '96', '112,73'],
        ['2', 'Indeks D', '80', '84', '105,00'],
      ],
      expect: { target: 2, realisasi: 3, capaian: 4 },
    },
    {
      name: 'this year’s capaian beside the capaian against the Renstra end target; a range target counts with its bound',
      // Target | Realisasi | Capaian | Renstra end target | capaian against it, under a header read badly.
      rows: [
        ['No', 'Indikator', '', '', 'Kinerja', '', ''],
        ...[
          'Persentase perlengkapan jalan|53,8|54,05|100,46|56,6|95,49',
          'Load factor angkutan umum|58|46,32|79,9|61|75,93',
          'Jumlah kecelakaan lalu lintas|170|206|82,52|142|68,93',
          'Nilai SAKIP Perangkat Daerah|75 s.d. 78|87,61|112,32|83|105,55',
          'Jumlah APILL terpasang|10|10|100,00|11|90,91',
        ].map((line, i) => [String(i + 1), ...line.split('|')]),
      ],
      expect: { target: 2, realisasi: 3, capaian: 4 },
    },
    {
      name: 'three years of realisasi: no capaian, nothing proved',
      rows: [
        ['No', 'Indikator', '2021', '2022', '2023'],
        ['1', 'Indeks A', '80,10', '82,40', '84,00'],
        ['2', 'Persentase B', '61,87', '70,90', '67,08'],
      ],
      expect: null,
    },
  ];
  it.each(cases)('$name', (c) => {
    expect(provePerformanceRoles(table('t1', c.rows), c.header ?? {})?.roles ?? null).toEqual(c.expect);
  });
});

describe('a performance table whose header words are unknown', () => {
  const header = ['No', 'Sasaran', 'Ukuran Keberhasilan', 'Sat.', 'Rencana', 'Hasil', 'Persentase', 'Kategori'];
  const body = [
    ['1', 'Meningkatnya mutu', 'Angka partisipasi sekolah', '%', '90', '92,5', '102,78', 'Sangat Tinggi'],
    ['2', '', 'Jumlah sekolah terakreditasi', 'sekolah', '12', '10', '83,33', 'Tinggi'],
    ['3', '', 'Indeks kepuasan masyarakat', 'nilai', '80', '81,2', '101,50', 'Sangat Tinggi'],
  ];

  it.each([
    { name: 'is read by the arithmetic of its rows', rows: body, expect: { indikator: 2, target: 4, realisasi: 5, capaian: 6 } },
    { name: 'is left unread when fewer than three rows prove it', rows: body.slice(0, 2), expect: null },
    { name: 'is left unread when no triple holds', rows: body.map((r) => [...r.slice(0, 6), '50,00', r[7]!]), expect: null },
  ])('$name', ({ rows, expect: want }) => {
    const report = extractReport(layout([table('t1', [header, ...rows], { caption: 'Tabel 3.1 Pengukuran Kinerja' })], []));
    const info = report.tables[0]!;
    if (want === null) {
      expect(info.kind).toBe('other');
      expect(report.indicators).toEqual([]);
    } else {
      expect(info.kind).toBe('capaian');
      expect(info.columns).toMatchObject(want);
      expect(info.evidence?.capaian).toMatch(/holds in 3 of 3 rows/);
      expect(report.indicators.map((i) => [i.indikator, i.realisasi?.text, i.capaian?.text])).toEqual([
        ['Angka partisipasi sekolah', '92,5', '102,78'],
        ['Jumlah sekolah terakreditasi', '10', '83,33'],
        ['Indeks kepuasan masyarakat', '81,2', '101,50'],
      ]);
    }
  });

  it('a header naming the figures but not the indicator column gets its indicator column from the text', () => {
    const named = ['No', 'Sasaran', 'Ukuran Kinerja', 'Satuan', 'Target', 'Realisasi', 'Capaian (%)', 'Predikat'];
    const report = extractReport(layout([table('t1', [named, ...body])], []));
    expect(report.tables[0]!.columns).toMatchObject({ indikator: 2, target: 4, realisasi: 5, capaian: 6 });
    expect(report.indicators.map((i) => i.indikator)).toEqual(['Angka partisipasi sekolah', 'Jumlah sekolah terakreditasi', 'Indeks kepuasan masyarakat']);
  });

  // A stamp over the indicator column's title: "‘ » dika inerja". The sasaran column's merged labels
  // are longer than the indicators' names; the column the header named "Sasaran" stays the sasaran.
  const sasaranLong = [
    ['1', 'Meningkatnya kualitas layanan kesejahteraan sosial bagi masyarakat', 'Rata-rata waktu penanganan', 'hari', '6', '7', '83,33', 'Tinggi'],
    ['2', '', 'Persentase penduduk miskin', '%', '8', '8,57', '92,88', 'Sangat Tinggi'],
    ['3', 'Meningkatnya perlindungan dan jaminan sosial bagi masyarakat miskin', 'Indeks Kepuasan Masyarakat', 'nilai', '81', '79,55', '98,21', 'Sangat Tinggi'],
    ['4', '', 'Nilai SAKIP Perangkat Daerah', 'nilai', '85', '74,93', '88,15', 'Tinggi'],
  ];
  it.each([
    {
      name: 'figures named, the name column unreadable, too few capaian read to prove them',
      header: ['No', 'Sasaran Strategis', '‘ » dika inerja', 'Satuan', 'Target', 'Realisasi', 'Capaian (96)', 'Predikat'],
      rows: sasaranLong.map((r, i) => (i < 2 ? [...r.slice(0, 6), 'aL', r[7]!] : r)),
      evidence: /header names the figures but not this column/,
    },
    { name: 'no header words known, the sasaran titled', header: ['No', 'Sasaran Strategis', 'Ukuran', 'Sat.', 'Rencana', 'Hasil', 'Persentase', 'Kategori'], rows: sasaranLong, evidence: /longest names left of the figures/ },
  ])('$name: the names are read from the indicator column, not the longer sasaran', ({ header, rows, evidence }) => {
    const report = extractReport(layout([table('t1', [header, ...rows])], []));
    const info = report.tables[0]!;
    expect(info.columns).toMatchObject({ sasaran: 1, indikator: 2 });
    expect(info.evidence?.indikator).toMatch(evidence);
    expect(report.indicators.map((i) => i.indikator)).toEqual(['Rata-rata waktu penanganan', 'Persentase penduduk miskin', 'Indeks Kepuasan Masyarakat', 'Nilai SAKIP Perangkat Daerah']);
  });

  it('a header that names its columns keeps them (the fallback is for unknown words only)', () => {
    const named = ['No', 'Sasaran', 'Indikator Kinerja', 'Satuan', 'Target', 'Realisasi', 'Capaian (%)', 'Predikat'];
    const info = extractReport(layout([table('t1', [named, ...body])], [])).tables[0]!;
    expect(info.evidence?.indikator).toBeUndefined();
    expect(info.columns).toMatchObject({ indikator: 2, target: 4, realisasi: 5, capaian: 6 });
  });
});

describe('a capaian column whose title is unreadable', () => {
  const header = ['No', 'Indikator Kinerja', 'Target', 'Realisasi', 'ja'];
  const rows = [
    ['1', 'Angka fatalitas kecelakaan', '1', '0,89', '111,00%'],
    ['2', 'Load factor angkutan umum', '57%', '52,82', '92,67%'],
    ['3', 'Indeks Kepuasan Masyarakat', '89,9', '83,09', '92,42%'],
    ['4', 'Persentase kendaraan lulus uji', '90%', '71,89', '75,88%'],
    ['5', 'Jumlah APILL terpasang', '2', '25', '113,64%'],
  ];
  it.each([
    { name: 'is named by the rows\' arithmetic when more rows hold than fail, three at least', rows, capaian: 4 },
    { name: 'is left unnamed when fewer than three rows hold', rows: rows.slice(2), capaian: undefined },
  ])('$name', ({ rows: body, capaian }) => {
    const info = extractReport(layout([table('t1', [header, ...body], { caption: 'Lampiran 1 Pengukuran Kinerja' })], [])).tables[0]!;
    expect(info.columns.capaian).toBe(capaian);
    if (capaian !== undefined) expect(info.evidence?.capaian).toMatch(/header names no capaian\): column 4 "ja"; .* holds in 3 of 5 rows/);
  });
});

describe('a table of figures whose columns cannot be identified', () => {
  it('is said in the warnings with its page and caption, and nothing is read from it', () => {
    const rows = [
      ['Ukuran', 'Kolom A', 'Kolom B', 'Kolom C'],
      ['Angka partisipasi', '90', '12,5', '7'],
      ['Jumlah sekolah', '12', '40,1', '3'],
      ['Indeks kepuasan', '80', '33,3', '9'],
    ];
    const report = extractReport(layout([table('t1', rows, { caption: 'Tabel 9 Lain-lain', page: 4 })], []));
    expect(report.tables[0]!.kind).toBe('other');
    expect(report.indicators).toEqual([]);
    const w = report.warnings.find((x) => x.code === 'W_TABLE_UNREAD');
    expect(w).toMatchObject({ page: 4, stage: 'extract' });
    expect(w!.message).toContain('"Tabel 9 Lain-lain"');
  });

  it('a table of contents (page numbers) is no such table', () => {
    const toc = [['Bab', '', 'Halaman'], ['1.1', 'Latar Belakang ..........', '9'], ['1.2', 'Kedudukan, Tugas Pokok dan Fungsi ..........', '10'], ['1.3', 'Maksud dan Tujuan ..........', '13'], ['2.1', 'Rencana Strategis ..........', '17']];
    const report = extractReport(layout([table('t1', toc, { caption: 'DAFTAR ISI' })], []));
    expect(report.warnings.map((x) => x.code)).not.toContain('W_TABLE_UNREAD');
  });

  it('a table of words or of one figure column is no such table', () => {
    const words = [['Sasaran', 'Indikator'], ['Meningkatnya mutu', 'Angka partisipasi'], ['Meningkatnya akses', 'Jumlah sekolah']];
    const report = extractReport(layout([table('t1', words)], []));
    expect(report.warnings.map((x) => x.code)).not.toContain('W_TABLE_UNREAD');
  });
});

describe('a percent sign the scan read as digits', () => {
  const v = (text: string, value: number, decimals: number, ocr = true): Value => ({ text, value, decimals, unit: 'number', ocr, cite: { page: 10, table: 't1', row: 1, column: 4, cell: 't1.r1c4' } }) as Value;
  it.each([
    { name: 'a capaian with "%" read as "6"', role: 'capaian' as const, t: v('74%', 74, 0), r: v('78.83', 78.83, 2), c: v('106.536', 106.536, 3), want: 106.53 },
    { name: 'a capaian with "%" read as "96"', role: 'capaian' as const, t: v('95', 95, 0), r: v('88,45', 88.45, 2), c: v('93,196', 93.196, 3), want: 93.1 },
    { name: 'a target with "%" read as "96"', role: 'target' as const, t: v('90,396', 90.396, 3), r: v('92,1', 92.1, 1), c: v('101,99%', 101.99, 2), want: 90.3 },
    { name: 'a figure the arithmetic already holds for', role: 'capaian' as const, t: v('50', 50, 0), r: v('53,3', 53.3, 1), c: v('106,6', 106.6, 1), want: null },
    { name: 'a figure printed on a text page', role: 'capaian' as const, t: v('74%', 74, 0, false), r: v('78.83', 78.83, 2, false), c: v('106.536', 106.536, 3, false), want: null },
    { name: 'a reading no trailing digit explains', role: 'capaian' as const, t: v('74%', 74, 0), r: v('78.83', 78.83, 2), c: v('120.456', 120.456, 3), want: null },
  ])('$name', ({ role, t, r, c, want }) => {
    const got = percentReadAsDigits(role, { target: t, realisasi: r, capaian: c });
    expect(got?.value ?? null).toBe(want);
    if (want !== null) expect(got?.cite.ocrNoise).toBe(true);
  });
});
