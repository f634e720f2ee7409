import { describe, expect, it } from 'vitest';
import { answerDeterministic, prepare, type Prepared } from '../../src/chat/index.js';
import { direction } from '../../src/chat/change.js';
import { extractReport } from '../../src/extract/index.js';
import { auditReport } from '../../src/pipeline/audit.js';
import { fixtureLayout, grid } from './fixture.js';
import { groundedFixture } from './grounded-fixture.js';

/** The small report with a two-year comparison of three indicators, a budget table before and after the revision, and a list table. */
function changeFixture(): Prepared {
  const layout = fixtureLayout();
  layout.tables.push(
    grid('t4', 11, 'Tabel 3.4 Perbandingan Realisasi Kinerja Tahun 2022 dan 2023', [
      ['No', 'Indikator Kinerja', 'Realisasi 2022', 'Realisasi 2023'],
      ['1', 'Indeks Kepuasan Masyarakat (IKM)', '95,10', '93,05'],
      ['2', 'Persentase dokumen kependudukan terbit tepat waktu', '88,00', '91,50'],
      ['3', 'Jumlah pengaduan layanan yang belum selesai', '12', '15'],
    ]),
    grid('t5', 12, 'Tabel 3.7 Realisasi Anggaran Tahun 2023', [
      ['Kode', 'Program/Kegiatan/Sub Kegiatan', 'Pagu Murni (Rp)', 'Pagu Perubahan (Rp)', 'Realisasi (Rp)', '%'],
      ['1.05.01', 'Program Penunjang Urusan Pemerintahan Daerah', '327.866.000', '350.325.500', '327.971.098', '93,62'],
      ['1.05.01.2.08', 'Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah', '327.866.000', '350.325.500', '327.971.098', '93,62'],
      ['1.05.01.2.08.0002', 'Penyediaan Jasa Komunikasi', '105.274.000', '91.649.100', '78.971.098', '86,17'],
      ['1.05.01.2.08.0004', 'Penyediaan Bahan Logistik Kantor', '172.592.000', '198.676.400', '190.000.000', '95,63'],
      ['1.05.01.2.08.0005', 'Penyediaan Peralatan Kantor', '50.000.000', '60.000.000', '59.000.000', '98,33'],
    ]),
    grid('t6', 14, 'Tabel 1.1 Isu Strategis Dinas', [
      ['No', 'Isu Strategis'],
      ['1', 'Anggaran yang didistribusikan belum memadai'],
      ['2', 'Kurangnya jumlah sumber daya aparatur'],
      ['3', 'Lemahnya partisipasi masyarakat'],
    ]),
  );
  return prepare({ result: auditReport(extractReport(layout)), layout });
}

const p = changeFixture();
const ask = (q: string) => answerDeterministic(q, p).text;

describe('the direction a question says a figure moved', () => {
  it.each([
    ['how many indicators got worse than in 2022?', { up: false, judged: true }],
    ['berapa sub kegiatan yang anggarannya dinaikin waktu perubahan?', { up: true, judged: false }],
    ['how many sub kegiatan had their pagu cut in the perubahan?', { up: false, judged: false }],
    ['berapa indikator yang membaik?', { up: true, judged: true }],
    ['how many indicators are higher than their target?', null],
    ['berapa indikator yang realisasinya di bawah 100?', null],
  ])('%s', (q, want) => {
    expect(direction(q)).toEqual(want);
  });

  it('words of a line\'s own name are no movement', () => {
    expect(direction('how many kenaikan pangkat proposals were processed?', new Set(['kenaikan', 'pangkat']))).toBeNull();
  });
});

describe('counts of lines whose figure moved between two slices', () => {
  it.each([
    // Two years: the realisasi of each indicator; "worse" turns with a lower-is-better indicator.
    ['berapa indikator yang realisasinya turun dibanding 2022?', /^1 dari 3 indikator realisasinya turun: Indeks Kepuasan Masyarakat \(IKM\): 95,10 \(2022\) \[t4\.r1c2\] → 93,05 \(2023\) \[t4\.r1c3\]\.$/],
    ['how many indicators went up compared with 2022?', /^2 of 3 indicators: the realisation went up: Persentase dokumen[^;]*91,50 \(2023\) \[t4\.r2c3\]; Jumlah pengaduan[^;]*15 \(2023\) \[t4\.r3c3\]\.$/],
    // Before and after the revision: the pagu of each sub-kegiatan.
    ['brp sub kegiatan yg anggarannya dinaikin waktu perubahan?', /^2 dari 3 sub kegiatan pagunya naik: Penyediaan Bahan Logistik Kantor: 172\.592\.000 \(murni\) \[t5\.r4c2\] → 198\.676\.400 \(perubahan\) \[t5\.r4c3\]; Penyediaan Peralatan Kantor/],
    ['How many sub kegiatan had their pagu cut in the perubahan?', /^1 of 3 sub-activities \(sub kegiatan\): the budget \(pagu\) went down: Penyediaan Jasa Komunikasi: 105\.274\.000 \(original\) \[t5\.r3c2\] → 91\.649\.100 \(revised\) \[t5\.r3c3\]\.$/],
  ])('%s', (q, re) => {
    expect(ask(q)).toMatch(re);
  });

  it('a lower-is-better indicator that rose got worse', () => {
    const a = ask('how many indicators got worse than in 2022?');
    expect(a).toMatch(/^2 of 3 indicators: the realisation got worse:/);
    expect(a).toMatch(/Jumlah pengaduan layanan yang belum selesai: 12 \(2022\) \[t4\.r3c2\] → 15 \(2023\) \[t4\.r3c3\] \(lower is better\)/);
  });
});

describe('one line compared across two slices', () => {
  const g = groundedFixture();
  it.each([
    ['Pagu murni Program Pencatatan Sipil lebih tinggi dari pagu perubahannya?', /^Ya\. Pagu Program Pencatatan Sipil \(murni\) 120\.000\.000 \[t5\.r2c2\] lebih tinggi dari pagu \(perubahan\) 99\.356\.000 \[t5\.r2c3\]\.$/],
    ['Was the 2022 realisation of the IKM lower than in 2023?', /^No\. Realisation Indeks Kepuasan Masyarakat \(IKM\) \(2022\) 95,10 \[t4\.r1c2\] is higher than realisation \(2023\) 93,05 \[t4\.r1c4\]\.$/],
  ])('%s', (q, re) => {
    expect(answerDeterministic(q, g).text).toMatch(re);
  });
});

describe('counts of the rows of a table named by its caption', () => {
  it.each([
    ['di tabel isu strategis ada brp isu yg dicantumin?', /^"Tabel 1\.1 Isu Strategis Dinas" \(hal\. 14\) mencantumkan 3 baris: Anggaran yang didistribusikan belum memadai \[t6\.r1c1\]; Kurangnya jumlah sumber daya aparatur \[t6\.r2c1\]; Lemahnya partisipasi masyarakat \[t6\.r3c1\]\.$/],
    ['In the isu strategis table, how many items are listed?', /^"Tabel 1\.1 Isu Strategis Dinas" \(p\. 14\) lists 3 rows:/],
  ])('%s', (q, re) => {
    expect(ask(q)).toMatch(re);
  });
});

describe('two slices of one line asked together', () => {
  const g = groundedFixture();
  it.each([
    // The budget before and after the revision, and the change computed from the two printed figures.
    ['Pagu awal vs pagu perubahan Program Pencatatan Sipil? naik apa turun, selisihnya brp?', [/120\.000\.000 \[t5\.r2c2\]/, /99\.356\.000 \[t5\.r2c3\]/, /^Selisih \(dihitung dari kedua angka di atas\): turun 20\.644\.000\.$/m]],
    // A year named with "last year": both years.
    ['Realisasi IKM 2023 brp, trs tahun lalu brp?', [/\(2023\): 93,05 \[t2\.r1c4\]/, /\(2022\): 95,10 \[t4\.r1c2\]/]],
    // "Go up" where the figure went down: the premise corrected.
    ['Why did the IKM realisation go up in 2023?', [/^No\. The realisation went down from 95,10 \[t4\.r1c2\] \(2022\) to 93,05 \[t4\.r1c4\] \(2023\)\./]],
    // "Each of the 2 programmes": a row per programme.
    ['How much of its budget did each of the 2 programmes absorb?', [/^By programme \(2\):/, /Program Pencatatan Sipil: [^\n]*98,64 \[t5\.r2c5\]/]],
  ])('%s', (q, res) => {
    const a = answerDeterministic(q, g).text;
    for (const re of res) expect(a).toMatch(re);
  });
});

describe('a row per indicator', () => {
  it.each([
    ['summarise how each of the 4 indicators moved from 2022 to 2023', [/^By indicator \(2022, 2023\) \(4\):/, /- Indeks Kepuasan Masyarakat \(IKM\): realisation 2022 95,10 \[t4\.r1c2\] → 2023 93,05 \[[^\]]+\]/, /- Jumlah pengaduan layanan yang belum selesai: realisation 2022 12 \[t4\.r3c2\] → 2023 15 \[t4\.r3c3\]/]],
  ])('%s', (q, res) => {
    const a = ask(q);
    for (const re of res) expect(a).toMatch(re);
  });
});

describe('a budget version the report does not print for a line', () => {
  it('a line printed only in tables naming no version, while the original-budget tables list other lines, has no original budget in the report', () => {
    const layout = fixtureLayout();
    layout.tables.push(
      grid('t5', 12, 'Tabel 3.7 Anggaran Murni Tahun 2023', [
        ['No', 'Program', 'Pagu Murni (Rp)', 'Pagu Perubahan (Rp)'],
        ['1', 'Program Pendaftaran Penduduk', '200.000.000', '237.541.200'],
      ]),
      grid('t6', 13, 'Tabel 3.8 Realisasi Anggaran Tahun 2023', [
        ['No', 'Program', 'Pagu (Rp)', 'Realisasi (Rp)'],
        ['1', 'Program Penunjang Urusan Pemerintahan Daerah', '9.066.399.000', '8.755.000.000'],
      ]),
    );
    const q = prepare({ result: auditReport(extractReport(layout)), layout });
    expect(answerDeterministic('Pagu murni Program Penunjang sebelum perubahan berapa?', q).text).toMatch(/^Laporan tidak memuat pagu anggaran sebelum perubahan untuk Program Penunjang Urusan Pemerintahan Daerah\.\nYang terdekat [^\n]*9\.066\.399\.000 \[t6\.r1c2\]/);
    expect(answerDeterministic('Pagu murni Program Pendaftaran Penduduk berapa?', q).text).toMatch(/200\.000\.000 \[t5\.r1c2\]/);
  });
});

describe('movement words', () => {
  it.each([
    ['The number collapsed from 72 to 17', { up: false, judged: false }],
    ['Realisasinya anjlok tahun ini?', { up: false, judged: false }],
    ['Spending soared in 2023', { up: true, judged: false }],
  ])('%s', (q, want) => {
    expect(direction(q)).toEqual(want);
  });
});
