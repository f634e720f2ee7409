import { describe, expect, it } from 'vitest';
import { classifyTable, mapColumns } from '../../src/extract/rules/columns.js';
import { table } from './helpers.js';

describe('mapColumns', () => {
  const cases: Array<{ name: string; header: string[][]; headerCount?: number; expect: Record<string, number>; kind: string }> = [
    {
      name: 'capaian table with a predicate column',
      header: [['No', 'Sasaran Strategis', 'Indikator Kinerja', 'Target', 'Realisasi', 'Capaian (%)', 'Predikat'], ['1', 'A', 'Persentase x', '69%', '51,85%', '75,14%', 'Tinggi']],
      expect: { no: 0, sasaran: 1, indikator: 2, target: 3, realisasi: 4, capaian: 5, predikat: 6 },
      kind: 'capaian',
    },
    {
      name: 'performance and budget sides kept apart under group headers',
      header: [
        ['TUJUAN/ SASARAN/ PROGRAM', 'INDIKATOR', 'KINERJA', '^', '^', 'ANGGARAN', '^', '^'],
        ['|', '|', 'TARGET', 'REALISASI', 'CAPAIAN %', 'ALOKASI', 'REALISASI', 'CAPAIAN'],
        ['Sasaran : X', 'Indeks Y', '88', '93,05', '105,74%', '1.000', '900', '90,00'],
      ],
      headerCount: 2,
      expect: { uraian: 0, indikator: 1, target: 2, realisasi: 3, capaian: 4, pagu: 5, realisasiAnggaran: 6, persen: 7 },
      kind: 'capaian',
    },
    {
      name: 'a work plan with an Uraian in each group: the budget rows are named in the group of ANGGARAN',
      header: [
        ['KINERJA UTAMA', '^', '^', 'PROGRAM', '^', '^', 'KEGIATAN / SUB KEGIATAN', '^', '^', '^'],
        ['URAIAN', 'INDIKATOR', 'TARGET', 'URAIAN', 'INDIKATOR', 'TARGET', 'URAIAN', 'INDIKATOR', 'TARGET', 'ANGGARAN (Rp.)'],
        ['Indeks Kepuasan', 'Survey', '87', 'Program A', 'Persentase', '100 %', 'Koordinasi', 'Persentase', '100 %', '32.902.500'],
      ],
      headerCount: 2,
      expect: { sasaran: 0, indikator: 1, target: 2, uraian: 6, pagu: 9 },
      kind: 'pk',
    },
    {
      name: 'budget realisation table with sisa',
      header: [['Kode', 'Program/Kegiatan', 'Pagu (Rp)', 'Realisasi (Rp)', '%', 'Sisa (Rp)'], ['2.12.01', 'Program A', '1.000', '900', '90', '100']],
      expect: { kode: 0, uraian: 1, pagu: 2, realisasiAnggaran: 3, persen: 4, sisa: 5 },
      kind: 'budget-detail',
    },
    {
      name: 'realisasi next to a budget without performance columns is money',
      header: [['NO', 'PROGRAM', 'ANGGARAN SETELAH PERUBAHAN', 'REALISASI', '%'], ['1', 'Program A', 'Rp.1.000', 'Rp.900', '90%']],
      expect: { no: 0, uraian: 1, pagu: 2, realisasiAnggaran: 3, persen: 4 },
      kind: 'budget-detail',
    },
    {
      name: 'previous-year columns by header year',
      header: [
        ['No', 'Indikator', 'Target', '^', 'Realisasi', '^'],
        ['|', '|', '2022', '2023', '2022', '2023'],
        ['1', 'Indeks X', '86', '88', '92,2', '93,05'],
      ],
      headerCount: 2,
      expect: { no: 0, indikator: 1, prevTarget: 2, target: 3, prevRealisasi: 4, realisasi: 5 },
      kind: 'comparison',
    },
    {
      name: 'predicate scale',
      header: [['No', 'Interval Nilai Realisasi Kinerja', 'Kriteria Penilaian'], ['1', '≥ 91', 'Sangat Tinggi']],
      expect: { no: 0, interval: 1, label: 2 },
      kind: 'scale',
    },
    {
      name: 'numbering column sharing a label with the name column',
      header: [['URAIAN PROGRAM (INDIKATOR) / KEGIATAN', '^', 'TARGET KEUANGAN (RP)', 'REALISASI KEUANGAN (RP)'], ['1', 'PROGRAM A', '1.000', '900'], ['2', 'PROGRAM B', '1.000', '900']],
      expect: { no: 0, uraian: 1, pagu: 2, realisasiAnggaran: 3 },
      kind: 'budget-detail',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const t = table('t1', c.header, { headerCount: c.headerCount ?? 1 });
      const map = mapColumns(t, 2023);
      expect(map.roles).toMatchObject(c.expect);
      expect(classifyTable(t, map, '').kind).toBe(c.kind);
    });
  }

  it('takes an unlabelled column of budget codes (a part continued without its header) for the code column', () => {
    const rows = [
      ['1.01.01.2.01.0007', 'Evaluasi Kinerja Perangkat Daerah', '296.187.300,-', '293.815.619,-'],
      ['1.01.01.2.02', 'Administrasi Keuangan Perangkat Daerah', '110.944.900,-', '86.835.753,-'],
      ['1.01.02', 'PROGRAM PENGELOLAAN PENDIDIKAN', '8.319.032.400,-', '6.808.557.872,-'],
    ];
    expect(mapColumns(table('t3', rows, { headerCount: 0, columns: ['', '', '', ''] }), 2024).roles).toMatchObject({ kode: 0, uraian: 1, pagu: 2 });
    // Outline numbering ("1.1", "1.1.1") is not a code column.
    const outline = rows.map((r, i) => [['1.1', '1.1.1', '2'][i]!, ...r.slice(1)]);
    expect(mapColumns(table('t4', outline, { headerCount: 0, columns: ['', '', '', ''] }), 2024).roles.kode).toBeUndefined();
  });

  it('reads predicate labels printed as column titles', () => {
    const t = table('t1', [['No', 'Indikator', 'Target', 'Realisasi', 'Capaian', 'Sangat Berhasil', 'Berhasil'], ['1', 'X', '1', '1', '100%', 'Sangat Berhasil', '']]);
    expect(mapColumns(t, 2023).predikatCols).toEqual([5, 6]);
  });

  it('marks a PK budget table revised when its caption or the text above says perubahan', () => {
    const t = table('t1', [['No', 'Program', 'Anggaran'], ['1', 'Program A', 'Rp. 1.000']], { caption: 'Tabel 3 Perubahan Perjanjian Kinerja' });
    expect(classifyTable(t, mapColumns(t, 2023), '')).toMatchObject({ kind: 'budget-summary', variant: 'perubahan' });
    const u = table('t2', [['No', 'Program', 'Anggaran'], ['1', 'Program A', 'Rp. 1.000']]);
    expect(classifyTable(u, mapColumns(u, 2023), 'seiring Perubahan Anggaran disusun Perubahan Perjanjian Kinerja').variant).toBe('perubahan');
    expect(classifyTable(u, mapColumns(u, 2023), 'Perjanjian Kinerja tahun 2023').variant).toBe('original');
  });

  it('reads a Renstra matrix: a tujuan and a sasaran group, each with its indicator and this year’s target', () => {
    const groups = (g: string) => [`${g} / URAIAN`, `${g} / INDIKATOR`, `${g} / FORMULA PERHITUNGAN`, `${g} / KONDISI AWAL / 2021`, `${g} / TARGET / 2022`, `${g} / TARGET / 2023`, `${g} / TARGET / 2024`];
    const t = table('t36', [
      [...groups('Tujuan'), ...groups('Sasaran')],
      ['Mewujudkan Kualitas', 'Persentase Pelayanan Publik', '', 'NA', '100%', '100%', '100%', 'Meningkatnya Kualitas', 'Indeks Kepuasan Masyarakat', 'SKM', 'NA', '87', '87', '88'],
    ]);
    const map = mapColumns(t, 2023);
    // Targets by year past 2023: the last year's is the Renstra end target.
    expect(map.roles).toMatchObject({ uraian: 0, indikator: 1, prevTarget: 4, target: 5, renstraTarget: 6 });
    expect(map.roles.tujuan).toBeUndefined();
    expect(map.morePairs).toEqual([{ indikator: 8, target: 12, sasaran: 7, renstraTarget: 13 }]);
    expect(classifyTable(t, map, '').kind).toBe('renstra');
  });

  it('marks a Rencana Kinerja (a plan) as rencana', () => {
    const t = table('t1', [['Kegiatan / Uraian', 'Kegiatan / Indikator', 'Kegiatan / Target', 'Kegiatan / Anggaran (Rp.)'], ['Koordinasi', 'Persentase', '100 %', '32.902.500']], { caption: 'RENCANA KINERJA TAHUN 2023 KECAMATAN DUMAI BARAT' });
    expect(classifyTable(t, mapColumns(t, 2023), '').variant).toBe('rencana');
  });

  it.each([
    ['under "Prakiraan Maju"', ['Kode', 'Uraian', 'Rencana Tahun 2023 / Pagu Indikatif (Rp.)', 'Prakiraan Maju Rencana Tahun 2024 / Sumber Dana', 'Prakiraan Maju Rencana Tahun 2024 / Pagu Indikatif (Rp.)'], 4],
    ['under the plan of the next year', ['Kode', 'Uraian', 'Pagu Indikatif (Rp.)', 'Sumber Dana', 'Prakiraan Mula Rencana Tahun 2024 / Kebutuhan Dana/ Pagu Indikatif (Rp.)'], 4],
    ['none: the plan of the report year', ['Kode', 'Uraian', 'Rencana Tahun 2023 / Pagu Indikatif (Rp.)', 'Rencana Tahun 2023 / Sumber Dana', 'Catatan Penting'], undefined],
    ['none: a realisation table', ['Kode', 'Uraian', 'Pagu (Rp)', 'Realisasi (Rp)', 'Sisa (Rp)'], undefined],
  ])('finds the header column of a next-year forecast %s', (_, header, forecast) => {
    const t = table('t1', [header, header.map(() => '')]);
    const map = mapColumns(t, 2023);
    expect(map.roles.pagu).toBe(2);
    expect(map.forecast).toBe(forecast);
  });
});

describe('columns headed by a year alone', () => {
  const rows = [
    ['No', 'Indikator Kinerja', 'Satuan', '2023', '2024', '2025'],
    ['1.', 'Persentase kendaraan wajib uji yang lulus uji berkala', '%', '72,16', '72,01', '71,89'],
    ['2.', 'Angka fatalitas kecelakaan lalu lintas', 'per 10.000 kendaraan', '-', '0,85', '0,89'],
  ];
  it.each([
    { name: 'are the years’ realisasi when the caption says so', caption: 'Tabel 3.3 Perbandingan Realisasi Kinerja', context: '', expect: { realisasi: 5, prevRealisasi: 3 } },
    { name: 'are the years’ realisasi when the sentence before the table says so', caption: undefined, context: 'Perbandingan realisasi kinerja Tahun 2025 dengan tahun-tahun sebelumnya disajikan pada tabel berikut.', expect: { realisasi: 5, prevRealisasi: 3 } },
    { name: 'are nothing when nothing says what they are', caption: 'Tabel 3.3 Target Renstra', context: '', expect: {} },
  ])('$name', ({ caption, context, expect: want }) => {
    const map = mapColumns(table('t1', rows, caption ? { caption } : {}), 2025, context);
    const got = { realisasi: map.roles.realisasi, prevRealisasi: map.roles.prevRealisasi };
    expect(got).toEqual({ realisasi: undefined, prevRealisasi: undefined, ...want });
  });
});
