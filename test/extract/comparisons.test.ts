import { describe, expect, it } from 'vitest';
import { readComparisons, readEfficiency, readStatements } from '../../src/extract/rules/comparisons.js';
import type { BudgetRow, Indicator } from '../../src/model/report.js';
import { paragraph } from './helpers.js';

const cite = { page: 6, table: 't3', bbox: [0, 0, 1, 1] as [number, number, number, number] };
const v = (text: string, value: number, decimals: number) => ({ text, value, decimals, cite });
function ind(name: string, realisasi: [string, number, number], tahun = 2023): Indicator {
  return { id: `t3.${name}`, key: name.toLowerCase(), table: 't3', tableKind: 'capaian', tujuan: null, sasaran: null, indikator: name, satuan: null, polarity: 'higher', polaritySource: 'default', tahun, target: v('80', 80, 0), realisasi: v(...realisasi), capaian: v('95,25', 95.25, 2), predikat: null, cite } as unknown as Indicator;
}

const IND = [ind('Persentase ketersediaan perlengkapan jalan', ['76,2', 76.2, 1]), ind('Jumlah kecelakaan lalu lintas', ['86', 86, 0])];

describe('readComparisons', () => {
  it.each([
    ['realisasi against a provincial figure, the figure first', 'Pada tahun 2023, realisasi Persentase ketersediaan perlengkapan jalan tercatat 76,2%, di bawah rata-rata Provinsi X sebesar 65,3%.', 'down', 65.3, 76.2],
    ['the reference first, "lebih tinggi dari"', 'Rata-rata nasional sebesar 65,3% lebih rendah dari realisasi Persentase ketersediaan perlengkapan jalan (76,2%).', 'down', 65.3, 76.2],
    ['last year in brackets, this year after', 'Dibandingkan tahun 2022 (95), realisasi Jumlah kecelakaan lalu lintas tahun 2023 (86) berkurang.', 'down', 95, 86],
    ['this year first, last year at the end', 'Jumlah kecelakaan lalu lintas tercatat sebesar 86 pada akhir tahun 2023 atau mengalami kenaikan dari posisi tahun 2022 yang sebesar 80.', 'up', 80, 86],
  ])('%s', (_name, text, direction, from, to) => {
    const [c] = readComparisons([paragraph(7, `B. Analisis. ${text} 3. Indikator berikutnya.`)], IND, 2023, []);
    expect(c).toMatchObject({ kind: 'trend', direction });
    expect(c?.kind === 'trend' ? [c.from?.value, c.to?.value] : null).toEqual([from, to]);
  });

  it.each([
    ['no direction word', 'Realisasi Jumlah kecelakaan lalu lintas tahun 2022 sebesar 95 dan tahun 2023 sebesar 86.'],
    ['no figure the tables print for the indicator', 'Jumlah kecelakaan lalu lintas naik dari 70 menjadi 75 di wilayah lain.'],
    ['a polarity statement without figures', 'Jumlah kecelakaan lalu lintas bersifat negatif: realisasi lebih rendah dari target berarti kinerja baik.'],
    ['no indicator named', 'Rata-rata nasional 65,3% lebih rendah dari 76,2%.'],
  ])('leaves alone: %s', (_name, text) => {
    expect(readComparisons([paragraph(7, text)], IND, 2023, [])).toEqual([]);
  });
});

describe('readComparisons, more', () => {
  it('reads the direction outside the indicator name ("pengurangan" in the name, "peningkatan" in the sentence)', () => {
    const inds = [ind('Persentase pengurangan sampah', ['13,16', 13.16, 2])];
    const [c] = readComparisons([paragraph(7, 'Dengan realisasi 13,11% pada Tahun 2022 dan 13,16% pada Tahun 2023, nilai indikator Persentase pengurangan sampah menunjukkan peningkatan dari tahun sebelumnya.')], inds, 2023, []);
    expect(c).toMatchObject({ direction: 'up' });
  });
  it('reads a sentence whose condition is the comparison itself ("Jika disandingkan dengan …, maka …")', () => {
    const [c] = readComparisons([paragraph(7, 'Jika disandingkan dengan rata-rata Provinsi X Tahun 2023 sebesar 80,1%, maka realisasi Persentase ketersediaan perlengkapan jalan sebesar 76,2% lebih tinggi dibandingkan rata-rata Provinsi X tersebut.')], IND, 2023, []);
    expect(c?.kind === 'trend' ? [c.direction, c.from?.value, c.to?.value] : null).toEqual(['up', 80.1, 76.2]);
  });
  it('ties the other figure to the year before when the sentence names it in words, across "Angka tersebut …"', () => {
    // The tables print 86; the sentence before says this year's 68, "tahun sebelumnya" the other one.
    const text = 'Pada tahun 2023, Jumlah kecelakaan lalu lintas terealisasi sebesar 68. Angka tersebut menunjukkan penurunan jika dibandingkan dengan realisasi tahun sebelumnya yang sebesar 60.';
    const [c] = readComparisons([paragraph(7, text)], IND, 2023, []);
    expect(c?.kind === 'trend' ? [c.direction, c.from?.value, c.to?.value] : null).toEqual(['down', 60, 68]);
  });

  it('takes the figure the sentence ties to the report year as the subject when the tables print another', () => {
    // The tables print 86; the sentence's own 68 (a transposed copy) is this year's by its year.
    const [c] = readComparisons([paragraph(7, 'Jumlah kecelakaan lalu lintas tercatat sebesar 68 pada akhir tahun 2023 atau menurun dari posisi tahun 2022 yang sebesar 60.')], IND, 2023, []);
    expect(c?.kind === 'trend' ? [c.direction, c.from?.value, c.to?.value] : null).toEqual(['down', 60, 68]);
  });
  it('leaves alone two figures with the years not telling them apart', () => {
    expect(readComparisons([paragraph(7, 'Jumlah kecelakaan lalu lintas tahun 2022 dan 2023 menurun: 68 dan 60.')], IND, 2023, [])).toEqual([]);
  });
  it('a heading run into the sentence names the indicator twice: neither name lends its figure or its words ("kurang dari 24 jam")', () => {
    const inds = [{ ...ind('Persentase korban bencana yang dievakuasi kurang dari 24 jam', ['93,32', 93.32, 2]), capaian: v('101', 101, 0) } as unknown as Indicator];
    const heading = 'Persentase korban bencana yang dievakuasi kurang dari 24 jam Capaian indikator Persentase korban bencana yang dievakuasi kurang dari 24 jam Tahun 2023 sebesar 101% dengan kategori Sangat Tinggi.';
    expect(readComparisons([paragraph(7, heading)], inds, 2023, [])).toEqual([]);
  });
  it('"Angka tersebut …" speaks of the figure the sentence before it stated: the two are read as one', () => {
    const text = 'Pada tahun 2023, Persentase ketersediaan perlengkapan jalan terealisasi sebesar 76,2%. Angka tersebut menurun jika dibandingkan dengan realisasi tahun sebelumnya yang sebesar 70,1%.';
    const [c] = readComparisons([paragraph(7, text)], IND, 2023, []);
    expect(c?.kind === 'trend' ? [c.direction, c.from?.value, c.to?.value] : null).toEqual(['down', 70.1, 76.2]);
  });
  it('an anaphor after a sentence with its own direction is not joined to it', () => {
    const text = 'Jumlah kecelakaan lalu lintas tahun 2023 (86) menurun dibandingkan tahun 2022 (95). Angka tersebut meningkat dari 70.';
    expect(readComparisons([paragraph(7, text)], IND, 2023, []).map((c) => (c.kind === 'trend' ? c.direction : null))).toEqual(['down']);
  });
  it('leaves a conditional alone', () => {
    expect(readComparisons([paragraph(7, 'Apabila realisasi Jumlah kecelakaan lalu lintas 86 lebih rendah dari 95, kinerja membaik.')], IND, 2023, [])).toEqual([]);
  });
});

describe('readEfficiency', () => {
  const total = { id: 't7.r30', key: 't7:total', table: 't7', tableKind: 'budget-detail', kode: null, uraian: 'JUMLAH', level: 'total', parentId: null, pagu: null, realisasi: null, persen: v('92,42', 92.42, 2), sisa: null, cite } as unknown as BudgetRow;
  it.each([
    ['ratio first', 'Tingkat efisiensi sebesar 1,02 diperoleh dari rata-rata capaian 94,47% dibagi penyerapan anggaran 92,42%.'],
    ['percentages first', 'Rata-rata capaian kinerja sebesar 94,47% dibandingkan dengan realisasi penyerapan anggaran sebesar 92,42% menghasilkan nilai efisiensi 1,02.'],
    ['absorption first', 'Dengan serapan 92,42% dan capaian 94,47%, penggunaan sumber daya efisien dengan rasio 1,02.'],
    ['the ratio stated, the next sentence calling it efficient', 'Perbandingan antara rata-rata capaian kinerja (94,47%) dan persentase realisasi anggaran (92,42%) adalah 1,02. Angka ini menunjukkan tingkat penggunaan anggaran yang efisien.'],
  ])('%s', (_name, text) => {
    const [c] = readEfficiency([paragraph(8, text)], [total], []);
    expect(c?.kind === 'efisiensi' ? [c.stated.value, c.numerator?.value, c.denominator?.value] : null).toEqual([1.02, 94.47, 92.42]);
  });
  it('needs the budget\'s own absorption among the figures', () => {
    expect(readEfficiency([paragraph(8, 'Efisiensi 1,02 dari 94,47% dibagi 90,00%.')], [total], [])).toEqual([]);
  });
  it('a sentence with a ratio and two percentages is no efficiency statement unless it or the next is about efficiency', () => {
    expect(readEfficiency([paragraph(8, 'Perbandingan capaian (94,47%) dengan serapan (92,42%) naik 1,5 poin. Angka ini dibahas berikut.')], [total], [])).toEqual([]);
    expect(readEfficiency([paragraph(8, 'Capaian 94,47% dan serapan 92,42% naik 1,5 poin. Penggunaan anggaran efisien.')], [total], [])).toEqual([]);
  });
});

describe('readStatements', () => {
  const akb = [ind('Angka Kematian Bayi (AKB)', ['14', 14, 0], 2019)];
  it.each([
    ['the realisasi stated alone', 'Pada tahun 2019, Angka Kematian Bayi (AKB) terealisasi sebesar 41.', 41],
    ['"tercatat", no year', 'Angka Kematian Bayi (AKB) tercatat sebesar 14 kasus.', 14],
    ['a percentage', 'Realisasi Angka Kematian Bayi (AKB) tahun 2019 sebesar 82,5%.', 82.5],
  ])('%s', (_name, text, value) => {
    const [c] = readStatements([paragraph(7, `Analisis. ${text} Angka tersebut dibahas di bawah.`)], akb, 2019, []);
    expect(c?.kind === 'stated' ? [c.subject, c.value.value] : null).toEqual(['Angka Kematian Bayi (AKB)', value]);
  });
  it.each([
    ['another year', 'Pada tahun 2018, Angka Kematian Bayi (AKB) terealisasi sebesar 15.'],
    ['a capaian', 'Capaian Angka Kematian Bayi (AKB) terealisasi sebesar 106,7%.'],
    ['two figures', 'Realisasi Angka Kematian Bayi (AKB) sebesar 14 dari target 15.'],
    ['a comparison with the national figure', 'Realisasi Angka Kematian Bayi (AKB) sebesar 14, rata-rata nasional 16.'],
    ['a direction word: the comparison reader\'s', 'Realisasi Angka Kematian Bayi (AKB) sebesar 14, menurun.'],
    ['no realisasi word', 'Angka Kematian Bayi (AKB) sebesar 14 per 1.000 kelahiran.'],
  ])('leaves alone: %s', (_name, text) => {
    expect(readStatements([paragraph(7, text)], akb, 2019, [])).toEqual([]);
  });
});
