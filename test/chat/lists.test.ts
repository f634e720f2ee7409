import { describe, expect, it } from 'vitest';
import { answerDeterministic, citedIds, prepare } from '../../src/chat/index.js';
import { extractReport } from '../../src/extract/index.js';
import { auditReport } from '../../src/pipeline/audit.js';
import { fixtureLayout, grid, para } from './fixture.js';
import { groundedFixture } from './grounded-fixture.js';

/** The grounded fixture with an efficiency table whose rows carry a label. */
function efficiencyFixture() {
  const layout = fixtureLayout();
  layout.tables.push(
    grid('t6', 9, 'Tabel 3.4 Efisiensi Penggunaan Sumber Daya', [
      ['No', 'Indikator Kinerja', 'Capaian Kinerja (%)', 'Penyerapan Anggaran (%)', 'Tingkat Efisiensi', 'Kategori'],
      ['1', 'Indeks Kepuasan Masyarakat (IKM)', '105,74', '97,32', '1,09', 'Efisien'],
      ['2', 'Persentase OPD yang melakukan pelayanan terintegrasi', '75,14', '97,32', '0,77', 'Kurang Efisien'],
    ]),
  );
  return prepare({ result: auditReport(extractReport(layout)), layout });
}

describe('lines that fit a condition, listed and counted', () => {
  const g = groundedFixture();
  it.each([
    // A relative "where" is no question of place.
    ['Any programme where realisasi went over the pagu?', /^0 of 2 program in Table 3\.7: —\.$/],
    ['Adakah program yang realisasinya melebihi pagu?', /^0 dari 2 program di Tabel 3\.7: —\.$/],
  ])('%s', (q, re) => {
    expect(answerDeterministic(q, g).text).toMatch(re);
  });

  it('a label counts the quantity that prints it', () => {
    const e = efficiencyFixture();
    expect(answerDeterministic("how many indicators in the efficiency table come out 'Kurang Efisien'?", e).text).toMatch(/^1 of 2 indicators in Table 3\.4: Persentase OPD yang melakukan pelayanan terintegrasi [^;]*Kurang Efisien \[t6\.r2c5\]\.$/);
  });
});

describe('two lines compared by one figure', () => {
  const g = groundedFixture();
  it.each([
    // "Better" of an absorption is higher.
    ['Program Pencatatan Sipil absorbed better than Program Pendaftaran Penduduk, right?', /^No: Budget absorption \(serapan\) Program Pencatatan Sipil 98,64 \[t5\.r2c5\] is lower than Program Pendaftaran Penduduk 99,21 \[t5\.r1c5\]\.$/],
    ['Serapan Program Pendaftaran Penduduk lebih baik dibanding Program Pencatatan Sipil?', /^Ya: Serapan anggaran Program Pendaftaran Penduduk 99,21 \[t5\.r1c5\] lebih tinggi dari Program Pencatatan Sipil 98,64 \[t5\.r2c5\]\.$/],
  ])('%s', (q, re) => {
    expect(answerDeterministic(q, g).text).toMatch(re);
  });
});

describe('every premise a question states is checked', () => {
  const g = groundedFixture();
  it.each([
    // The target premise holds, the movement does not: the answer says which is wrong.
    ['The IKM beat its target and went up in 2023, right?', /^No\. The realisation went down from 95,10 \[t4\.r1c2\] \(2022\) to 93,05 \[t4\.r1c4\] \(2023\)\./],
    ['IKM 2023 melampaui target dan naik dibanding 2022 kan?', /^Tidak\. Realisasi turun dari 95,10 \[t4\.r1c2\] \(2022\) menjadi 93,05 \[t4\.r1c4\] \(2023\)\./],
  ])('%s', (q, re) => {
    expect(answerDeterministic(q, g).text).toMatch(re);
  });
});

describe('the arithmetic behind a printed figure', () => {
  it('a capaian computed target over realisasi is said to be of a lower-is-better indicator', async () => {
    const layout = fixtureLayout();
    layout.tables.push(
      grid('t6', 10, 'Tabel 3.1 Capaian Kinerja', [
        ['No', 'Indikator Kinerja', 'Target', 'Realisasi', 'Capaian'],
        ['1', 'Angka Kematian Bayi (AKB)', '5', '4', '125,00%'],
      ]),
    );
    const q = prepare({ result: auditReport(extractReport(layout)), layout });
    expect(answerDeterministic('AKB realisasinya 4 padahal targetnya 5, kok capaiannya 125%?', q).text).toMatch(/Dihitung ulang: 5 \[t6\.r1c2\] \/ 4 \[t6\.r1c3\] × 100 = 125,00, sesuai dengan 125,00% yang tercetak \(indikator negatif: semakin rendah realisasi semakin baik\)\./);
  });

  it('a wrong movement asked "by how much" is corrected with the change computed, in the report\'s number style', () => {
    const g = groundedFixture();
    expect(answerDeterministic('The IKM realisation went up in 2023 - by how many points?', g).text).toMatch(/^No\. The realisation went down from 95,10 \[t4\.r1c2\] \(2022\) to 93,05 \[t4\.r1c4\] \(2023\)\.\nDifference \(computed from the two figures above\): down 2,05\.$/m);
  });

  it('"the original budget, and what did it become" asks both budgets', () => {
    const g = groundedFixture();
    const a = answerDeterministic('What was the original budget of Program Pencatatan Sipil, and what did it become?', g).text;
    expect(a).toMatch(/\(before the revision\):[^\n]*(\n {2}• [^\n]*)*120\.000\.000 \[t5\.r2c2\]/);
    expect(a).toMatch(/\(after the revision\): 99\.356\.000 \[t5\.r2c3\]/);
  });
});

describe('a line named by a short acronym beside a word of its name, and a footnote mark', () => {
  const layout = fixtureLayout([para(10, '*) angka sementara, menunggu data final dari instansi terkait', 400)]);
  layout.tables.push(
    grid('t6', 10, 'Tabel 3.1 Capaian Kinerja', [
      ['No', 'Indikator Kinerja', 'Target', 'Realisasi', 'Capaian'],
      ['1', 'Indeks Profesionalitas ASN', '74', '79,61*', '107,58%'],
    ]),
  );
  const q = prepare({ result: auditReport(extractReport(layout)), layout });
  it.each([
    // "IP ASN": the initials of "Indeks Profesionalitas" beside "ASN".
    ['Berapa realisasi IP ASN?', /^Realisasi Indeks Profesionalitas ASN: 79,61\* \[t6\.r1c3\]/],
    // The mark on a figure brings the note it points to.
    ['what does the * next to the IP ASN realisation (79,61) mean?', /The \* on 79,61\* \[t6\.r1c3\]: "\*\) angka sementara, menunggu data final dari instansi terkait" \(p\. 10\) \[p10\.\d+\]/],
  ])('%s', (question, re) => {
    expect(answerDeterministic(question, q).text).toMatch(re);
  });
});

describe('a figure checked against another table', () => {
  it('"consistent with the lampiran" shows every table\'s copy, versioned or not, and the cross-table finding', () => {
    const layout = fixtureLayout();
    layout.tables.push(
      grid('t5', 12, 'Tabel 3.7 Realisasi Anggaran Tahun 2023', [
        ['No', 'Program', 'Pagu Murni (Rp)', 'Pagu Perubahan (Rp)', 'Realisasi (Rp)', '%'],
        ['1', 'Program Pendaftaran Penduduk', '200.000.000', '237.541.200', '235.657.400', '99,21'],
      ]),
      grid('t6', 16, 'Lampiran 2. Realisasi Program Tahun 2023', [
        ['No', 'Program', 'Pagu', 'Realisasi'],
        ['1', 'Program Pendaftaran Penduduk', '273.541.200', '235.657.400'],
      ]),
    );
    const q = prepare({ result: auditReport(extractReport(layout)), layout });
    const a = answerDeterministic('Program Pendaftaran Penduduk - is its pagu perubahan in Tabel 3.7 consistent with the lampiran?', q).text;
    expect(a).toMatch(/237\.541\.200 \[t5\.r1c3\]/);
    expect(a).toMatch(/273\.541\.200 \[t6\.r1c2\]/);
  });
});

describe('a stated figure that is another line\'s', () => {
  const g = groundedFixture();
  it.each([
    // 98,64 is the absorption of Program Pencatatan Sipil, not of Program Pendaftaran Penduduk.
    ['Why did Program Pendaftaran Penduduk absorb only 98,64%?', /^No\. 98,64% is not the figure of Program Pendaftaran Penduduk: it is printed for Program Pencatatan Sipil \(budget absorption \(serapan\) 98,64, p\. 12\) \[t5\.r2c5\]\.\nWhat the report prints for Program Pendaftaran Penduduk: budget absorption \(serapan\) 99,21 \[t5\.r1c5\]$/],
  ])('%s', (q, re) => {
    expect(answerDeterministic(q, g).text).toMatch(re);
  });
});

/** The small report with a table of spending by type. */
function spendingFixture() {
  const layout = fixtureLayout();
  layout.tables.push(
    grid('t6', 13, 'Tabel 3.8 Realisasi Belanja Menurut Jenis Belanja', [
      ['No', 'Jenis Belanja', 'Anggaran (Rp)', 'Realisasi (Rp)', '%'],
      ['1', 'Belanja Operasi', '300.000.000', '290.000.000', '96,67'],
      ['2', 'Belanja Modal', '36.897.200', '30.000.000', '81,31'],
      ['', 'JUMLAH', '336.897.200', '320.000.000', '94,98'],
    ]),
  );
  return prepare({ result: auditReport(extractReport(layout)), layout });
}

describe('a budget summary', () => {
  it('gives each spending type with the % its table prints', () => {
    const q = spendingFixture();
    const a = answerDeterministic('Summarise the budget: pagu, realisasi, % and the belanja operasi/modal split.', q).text;
    expect(a).toMatch(/Belanja Operasi: budget 300\.000\.000 \[t6\.r1c2\]; spent 290\.000\.000 \[t6\.r1c3\]; absorption 96,67 \[t6\.r1c4\]/);
    expect(a).toMatch(/Belanja Modal: [^\n]*absorption 81,31 \[t6\.r2c4\]/);
  });
});

describe('every id an answer cites resolves', () => {
  it('spending types stated only in a sentence are cited by the page that prints them', () => {
    const layout = fixtureLayout([para(3, 'Alokasi anggaran Dinas sesuai DPA Perubahan adalah Rp. 336.997.200, meliputi Belanja Modal sebesar Rp. 36.897.200 dan Belanja Operasi sebesar Rp. 300.000.000.')]);
    const q = prepare({ result: auditReport(extractReport(layout)), layout });
    const a = answerDeterministic('Berapa belanja modal dan belanja operasi tahun 2023?', q);
    expect(a.text).toMatch(/36\.897\.200[^\n]*\[p3\]/);
    expect(citedIds(a.text).filter((id) => !q.index.has(id))).toEqual([]);
  });
});

describe('spending types the report does not print', () => {
  const q = spendingFixture();
  it.each([
    ['realisasi belanja pegawai sama belanja barang & jasa 2023 brp?', /^Laporan tidak memuat Belanja pegawai, Belanja barang dan jasa: laporan merinci belanja hanya menurut Belanja Operasi, Belanja Modal\.$/],
    // A type the report prints is answered.
    ['realisasi belanja modal brp?', /30\.000\.000 \[t6\.r2c3\]/],
  ])('%s', (question, re) => {
    expect(answerDeterministic(question, q).text).toMatch(re);
  });
});
