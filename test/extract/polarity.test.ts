import { describe, expect, it } from 'vitest';
import { polarityFromCapaian } from '../../src/extract/rules/polarity.js';
import type { Indicator } from '../../src/model/report.js';

const cite = { page: 1, table: 't1', bbox: [0, 0, 1, 1] as [number, number, number, number] };
const v = (text: string, value: number, decimals: number) => ({ text, value, decimals, cite });

function ind(name: string, t: number, r: [number, number], c: [number, number], polarity: 'higher' | 'lower', source: Indicator['polaritySource'], id = 't1.r1'): Indicator {
  return {
    id,
    key: name.toLowerCase(),
    table: 't1',
    tableKind: 'capaian',
    tujuan: null,
    sasaran: null,
    indikator: name,
    satuan: null,
    polarity,
    polaritySource: source,
    tahun: 2023,
    target: v(String(t), t, 0),
    realisasi: v(String(r[0]), r[0], r[1]),
    capaian: v(String(c[0]), c[0], c[1]),
    predikat: null,
    cite,
  } as unknown as Indicator;
}

describe('polarityFromCapaian', () => {
  const cases: Array<{ name: string; rows: Indicator[]; lower: 'two-minus' | 'inverse' | null; expect: 'higher' | 'lower' | undefined; evidence?: RegExp }> = [
    { name: 'undeclared, capaian matches the stated (2 − r/t) formula in every table: lower', rows: [ind('Jumlah pelanggaran perda', 100, [74, 0], [126, 0], 'higher', 'default'), ind('Jumlah pelanggaran perda', 100, [74, 0], [126, 0], 'higher', 'default', 't2.r1')], lower: 'two-minus', expect: 'lower' },
    { name: 'undeclared, capaian matches the stated target / realisasi formula: lower', rows: [ind('Waktu tanggap kebakaran', 15, [12, 0], [125, 0], 'higher', 'default')], lower: 'inverse', expect: 'lower' },
    { name: 'no lower formula stated in the report: no evidence for lower', rows: [ind('Jumlah pelanggaran perda', 100, [74, 0], [126, 0], 'higher', 'default')], lower: null, expect: undefined },
    { name: 'one table matches the ratio, another the lower formula: nothing decided', rows: [ind('Angka X', 100, [74, 0], [126, 0], 'higher', 'default'), ind('Angka X', 100, [74, 0], [74, 0], 'higher', 'default', 't2.r1')], lower: 'two-minus', expect: undefined },
    { name: 'lower only by its name, every capaian is realisasi / target: higher', rows: [ind('Persentase balita gizi buruk yang dirawat', 80, [76.5, 2], [95.63, 2], 'lower', 'inferred')], lower: 'two-minus', expect: 'higher' },
    { name: 'declared in words: left alone', rows: [ind('Angka kematian ibu', 110, [96, 0], [87.27, 2], 'lower', 'declared')], lower: 'two-minus', expect: undefined },
    { name: 'a realisasi with decimals stands for its rounding interval', rows: [ind('Indeks risiko', 80, [70.25, 2], [112.19, 2], 'higher', 'default')], lower: 'two-minus', expect: 'lower' },
    { name: 'lower by its name, one table realisasi / target, another miscomputed: higher', rows: [ind('Persentase waktu tanggap kebakaran', 75, [57.73, 2], [76.97, 2], 'lower', 'inferred'), ind('Persentase waktu tanggap kebakaran', 75, [57.73, 2], [88.05, 2], 'lower', 'inferred', 't2.r1')], lower: 'inverse', expect: 'higher', evidence: /1 of 2 printed capaian/ },
    { name: 'rows of one indicator inferring different polarities from their read names: the capaian decide', rows: [ind('Persentase anggota terlatih', 24, [20.2, 1], [84.17, 2], 'higher', 'default'), ind('Persentase anggota terlatih', 24, [20.2, 1], [84.17, 2], 'lower', 'inferred', 't2.r1')], lower: 'inverse', expect: 'higher' },
    { name: 'no lower formula stated, lower by its name, one table realisasi / target and one target / realisasi: nothing decided', rows: [ind('Angka kematian bayi', 10, [8, 0], [80, 0], 'lower', 'inferred'), ind('Angka kematian bayi', 10, [8, 0], [125, 0], 'lower', 'inferred', 't2.r1')], lower: null, expect: undefined },
    { name: 'no lower formula stated, lower by its name, capaian realisasi / target: higher', rows: [ind('Angka kematian bayi', 10, [8, 0], [80, 0], 'lower', 'inferred')], lower: null, expect: 'higher' },
    { name: 'undeclared, one table the stated formula and one miscomputed: lower', rows: [ind('Jumlah pelanggaran perda', 100, [74, 0], [126, 0], 'higher', 'default'), ind('Jumlah pelanggaran perda', 100, [74, 0], [141, 0], 'higher', 'default', 't2.r1')], lower: 'two-minus', expect: 'lower', evidence: /1 of 2 printed capaian/ },
  ];
  it.each(cases)('$name', (c) => {
    const got = polarityFromCapaian(c.rows, c.lower).get(c.rows[0]!.key);
    expect(got?.polarity).toBe(c.expect);
    if (got) expect(got.evidence).toMatch(c.evidence ?? /every printed capaian/);
  });
});
