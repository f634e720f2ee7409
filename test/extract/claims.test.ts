import { describe, expect, it } from 'vitest';
import { extractClaims, pkRevisionDates, templatePhrases } from '../../src/extract/rules/claims.js';
import { identify } from '../../src/extract/rules/identity.js';
import { declaredPolarities, polarityOf } from '../../src/extract/rules/polarity.js';
import { paragraph } from './helpers.js';

describe('extractClaims', () => {
  const p = (text: string) => extractClaims([paragraph(5, text)], 'Kecamatan Dumai Barat', 2023);

  it('reads counts of programs, kegiatan and sub kegiatan', () => {
    const { claims } = p('Untuk itu dilaksanakan 5 (lima) program, 12 (dua belas) kegiatan dan 30 (tiga puluh) sub kegiatan.');
    expect(claims.filter((c) => c.kind === 'count').map((c) => (c.kind === 'count' ? [c.entity, c.count] : null))).toEqual([
      ['program', 5],
      ['kegiatan', 12],
      ['sub_kegiatan', 30],
    ]);
  });
  it('pairs amounts in digits with their words, keeping malformed words as null', () => {
    const { claims } = p('anggaran sebesar Rp.8.955.501.115 (Delapan milyar sembilan ratus lima puluh lima juta lima ratus satu ribu seratus lima belas rupiah) dan Rp. 950.740.557 (Sembilan ratus lima puluh ribu tujuh ratus empat puluh ribu rupiah).');
    const t = claims.filter((c) => c.kind === 'terbilang');
    expect(t.map((c) => (c.kind === 'terbilang' ? [c.digits.value, c.wordsValue] : null))).toEqual([
      [8955501115, 8955501115],
      [950740557, null],
    ]);
    expect(t[0]!.cite.page).toBe(5);
  });
  it('reads an efficiency computation stated in words', () => {
    const { claims } = p('tingkat efisiensinya adalah 2,77% berasal dari perhitungan persentase capaian kinerja tahun 2023 (100%) dibagi dengan persentase penyerapan anggaran tahun 2023 (97,23%). Pencapaian tersebut EFISIEN');
    const e = claims.find((c) => c.kind === 'efisiensi');
    expect(e).toMatchObject({ stated: { value: 2.77, decimals: 2 }, numerator: { value: 100 }, denominator: { value: 97.23 }, operation: 'divide', label: 'Efisien' });
  });
  it('reads trend words with both values', () => {
    const { claims } = p('Capaian indikator ini meningkat dari 40,7% pada tahun 2022 menjadi 51,85% pada tahun 2023.');
    expect(claims.find((c) => c.kind === 'trend')).toMatchObject({ direction: 'up', from: { value: 40.7 }, to: { value: 51.85 } });
  });
  it('records mentions of another office of the same kind and of other report years, not its own', () => {
    const { claims } = p('Sasaran yang ditetapkan oleh Kecamatan Sungai Sembilan Kota Dumai dan Kecamatan Dumai Barat. Laporan Kinerja Tahun 2021 dan Laporan Kinerja Tahun 2023.');
    const mentions = claims.filter((c) => c.kind === 'mention').map((c) => (c.kind === 'mention' ? c.value : ''));
    expect(mentions).toContain('2021');
    expect(mentions).not.toContain('2023');
    expect(mentions.some((m) => m.startsWith('Kecamatan Sungai Sembilan'))).toBe(true);
    expect(mentions.some((m) => m.startsWith('Kecamatan Dumai'))).toBe(false);
  });
  it('reads the belanja split of a stated total', () => {
    const { belanja } = p('didukung dengan anggaran sebesar Rp.8.955.501.115 bersumber dari APBD terdiri dari BELANJA OPERASI sebesar Rp. 8.004.760.558 dan BELANJA MODAL sebesar Rp. 950.740.557.');
    expect(belanja.map((b) => [b.kind, b.amount.value])).toEqual([
      ['total', 8955501115],
      ['operasi', 8004760558],
      ['modal', 950740557],
    ]);
  });
  it('reads the realisation stated after the belanja split, line by line and for the total', () => {
    const { belanja } = p(
      'didukung dengan anggaran sebesar Rp.8.955.501.115 bersumber dari APBD, Anggaran tersebut terdiri dari BELANJA OPERASI sebesar Rp. 8.004.760.558 dan BELANJA MODAL sebesar Rp.950.740.557. Realisasi sampai dengan 31 Desember 2023 sebesar Rp. 8.700.220.833,-, terdiri dari Belanja Operasi Rp. 7.659.406.183,- dan Belanja Modal terealisasi Rp. 1.040.814.650,-. Untuk realisasi anggaran berdasarkan sasaran tergambar dalam tabel berikut:',
    );
    expect(belanja.map((b) => [b.kind, b.amount.value, b.realisasi?.value, b.realisasi?.text, b.overrun ?? null])).toEqual([
      ['total', 8955501115, 8700220833, 'Rp. 8.700.220.833,-', null],
      ['operasi', 8004760558, 7659406183, 'Rp. 7.659.406.183,-', null],
      ['modal', 950740557, 1040814650, 'Rp. 1.040.814.650,-', null],
    ]);
  });
  it('reads the realisation from the paragraph after the budget, and the words saying the budget was shifted', () => {
    const { belanja } = extractClaims(
      [
        paragraph(20, 'Anggaran tahun 2023 sebesar Rp 1.000.000.000 terdiri dari Belanja Operasi sebesar Rp 800.000.000 dan Belanja Modal sebesar Rp 200.000.000.'),
        paragraph(20, 'Realisasi anggaran sebesar Rp 990.000.000 terdiri dari realisasi Belanja Operasi sebesar Rp 760.000.000 dan Belanja Modal sebesar Rp 230.000.000.'),
        paragraph(20, 'Realisasi belanja modal lebih besar karena adanya pergeseran anggaran dari belanja operasi.'),
      ],
      null,
      2023,
    );
    expect(belanja.map((b) => [b.kind, b.realisasi?.value, b.overrun?.text.slice(0, 26) ?? null])).toEqual([
      ['total', 990000000, 'Realisasi belanja modal le'],
      ['operasi', 760000000, 'Realisasi belanja modal le'],
      ['modal', 230000000, 'Realisasi belanja modal le'],
    ]);
  });
  it.each([
    ['too far from the budget statement', ['Anggaran sebesar Rp 1.000.000 terdiri dari Belanja Operasi sebesar Rp 800.000 dan Belanja Modal sebesar Rp 200.000.', 'Lain.', 'Lain.', 'Lain.', 'Realisasi sebesar Rp 900.000 terdiri dari Belanja Operasi Rp 700.000 dan Belanja Modal Rp 200.000.']],
    ['without a budget statement before it', ['Realisasi sebesar Rp 900.000 terdiri dari Belanja Operasi Rp 700.000 dan Belanja Modal Rp 200.000.']],
  ])('attaches no realisation stated %s', (_name, texts) => {
    const { belanja } = extractClaims(texts.map((t) => paragraph(20, t)), null, 2023);
    expect(belanja.filter((b) => b.realisasi)).toEqual([]);
  });
  it('does not read "tidak ada pergeseran anggaran" as an explanation', () => {
    const text = 'Anggaran sebesar Rp 1.000.000 terdiri dari Belanja Operasi sebesar Rp 800.000 dan Belanja Modal sebesar Rp 200.000. Realisasi sebesar Rp 900.000 terdiri dari Belanja Operasi Rp 600.000 dan Belanja Modal Rp 300.000. Tidak ada pergeseran anggaran.';
    expect(p(text).belanja.map((b) => [b.realisasi?.value, b.overrun ?? null])).toEqual([
      [900000, null],
      [600000, null],
      [300000, null],
    ]);
  });
  it('reads the declared formula for lower-is-better indicators', () => {
    const { claims } = p('Untuk indikator dengan polaritas negatif, capaian = (2 - (realisasi/target)) x 100%.');
    expect(claims.find((c) => c.kind === 'formula')).toMatchObject({ polarity: 'lower', formula: 'two-minus' });
  });
});

describe('identify', () => {
  it('reads office, local government and the reported year (not the publication year)', () => {
    const id = identify([paragraph(1, 'LAPORAN KINERJA INSTANSI PEMERINTAH (LKJIP) TAHUN 2023'), paragraph(1, 'DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL'), paragraph(1, 'PEMERINTAH KOTA DUMAI TAHUN 2024')]);
    expect(id).toMatchObject({ instansi: 'Dinas Kependudukan dan Pencatatan Sipil', pemda: 'Kota Dumai', tahun: 2023 });
  });
  it('returns nulls when nothing is found', () => {
    expect(identify([paragraph(1, 'hello')])).toMatchObject({ instansi: null, pemda: null, tahun: null });
  });
});

describe('polarityOf', () => {
  it.each([
    ['Angka Kematian Ibu', 'lower', 'inferred'],
    ['Prevalensi stunting', 'lower', 'inferred'],
    ['Persentase temuan yang belum ditindaklanjuti', 'lower', 'inferred'],
    ['Persentase penurunan angka kemiskinan', 'higher', 'inferred'],
    ['Indeks Kepuasan Masyarakat', 'higher', 'default'],
  ])('%s → %s', (name, polarity, source) => {
    expect(polarityOf(name)).toEqual({ polarity, source });
  });
  it('prefers what the report declares', () => {
    expect(polarityOf('Indeks X', 'indikator ini berpolaritas negatif')).toEqual({ polarity: 'lower', source: 'declared' });
    expect(polarityOf('Angka kematian bayi', 'semakin tinggi semakin baik')).toEqual({ polarity: 'higher', source: 'declared' });
    expect(polarityOf('Indeks X', 'polaritas negatif')).toEqual({ polarity: 'lower', source: 'declared' });
  });
});

describe('polarity declared in prose for named indicators', () => {
  const names = ['Persentase panjang jalan kabupaten dalam kondisi mantap', 'Persentase panjang jalan dalam kondisi rusak berat', 'Jumlah titik genangan pada ruas jalan kabupaten', 'Persentase penduduk miskin', 'Indeks Kepuasan Masyarakat'];
  it.each([
    [
      'a sentence naming two indicators, with the inverse formula',
      'Untuk indikator yang semakin tinggi realisasinya menunjukkan kinerja yang semakin baik, capaian dihitung dengan rumus capaian = realisasi / target × 100%. Untuk indikator yang semakin rendah realisasinya menunjukkan kinerja yang semakin baik (Persentase panjang jalan dalam kondisi rusak berat dan Jumlah titik genangan pada ruas jalan kabupaten), capaian dihitung dengan rumus capaian = target / realisasi × 100%.',
      { 'Persentase panjang jalan dalam kondisi rusak berat': 'lower', 'Jumlah titik genangan pada ruas jalan kabupaten': 'lower' },
    ],
    [
      '"indikator ini" in a paragraph about one indicator',
      '4. Persentase penduduk miskin. Target indikator ini adalah 8,90% dengan realisasi 8,42%. Semakin rendah nilai indikator ini, semakin baik kinerja yang dicapai.',
      { 'Persentase penduduk miskin': 'lower' },
    ],
    ['"indikator ini" in a paragraph naming two indicators says nothing', 'Indeks Kepuasan Masyarakat dan Persentase penduduk miskin dibahas. Semakin rendah nilai indikator ini, semakin baik.', {}],
    ['a general definition naming no indicator says nothing', 'Polaritas negatif artinya semakin kecil realisasi semakin baik kinerja.', {}],
    ['a sentence with both polarities says nothing', 'Indeks Kepuasan Masyarakat: semakin tinggi semakin baik, bukan semakin rendah semakin baik.', {}],
    ['"semakin tinggi … semakin baik" declares higher', 'Indeks Kepuasan Masyarakat merupakan indikator yang semakin tinggi nilainya semakin baik.', { 'Indeks Kepuasan Masyarakat': 'higher' }],
  ])('%s', (_, text, want) => {
    expect(Object.fromEntries(declaredPolarities(names, [text]))).toEqual(want);
  });
  it('a name given both polarities in different sentences keeps its inferred one', () => {
    const texts = ['Indeks Kepuasan Masyarakat semakin tinggi semakin baik.', 'Indeks Kepuasan Masyarakat semakin rendah semakin baik.'];
    expect(declaredPolarities(names, texts).size).toBe(0);
  });
});

describe('year and office mentions', () => {
  const p = (text: string) => extractClaims([paragraph(3, text)], 'Kecamatan Dumai Barat', 2023).claims.filter((c) => c.kind === 'mention');
  it('marks phrases that name the report’s own period', () => {
    expect(p('Penetapan Indikator Kinerja Utama Tahun 2022 oleh camat.')).toEqual([expect.objectContaining({ value: '2022', own: true })]);
    expect(p('PENGUKURAN KINERJA TAHUN ANGGARAN : 2024')).toEqual([expect.objectContaining({ value: '2024', own: true })]);
    // The office's name between the report's name and its year.
    expect(p('Laporan Kinerja Instansi Pemerintah (LKjIP) Dinas Pendidikan Kota Batu Permai Tahun 2022 dapat diselesaikan.')).toEqual([expect.objectContaining({ value: '2022', own: true })]);
    // A sentence ends the phrase: the year of the next sentence is not the report's.
    expect(p('Laporan Kinerja ini telah disusun. Tahun 2022 menjadi pembanding.').filter((c) => c.kind === 'mention' && c.own)).toEqual([]);
  });
  it('does not treat comparisons with last year as the report’s own period', () => {
    expect(p('Capaian dibandingkan dengan Laporan Kinerja Tahun 2022 meningkat.').filter((c) => c.kind === 'mention' && c.own)).toEqual([]);
  });
  it('reads a compared period as printed, not its years one by one', () => {
    expect(p('Perbandingan data kinerja antara realisasi kinerja tahun 2021 sampai dengan tahun 2022 untuk setiap indikatornya.')).toEqual([
      expect.objectContaining({ value: 'tahun 2021 sampai dengan tahun 2022' }),
    ]);
  });
  it('does not take the end of a plan period for a reporting year', () => {
    expect(p('Upaya dalam mempercepat Capaian Kinerja sampai dengan akhir periode RENSTRA Tahun 2026 adalah sebagai berikut.')).toEqual([]);
    expect(p('Realisasi anggaran tahun 2021 lebih rendah.')).toEqual([expect.objectContaining({ value: '2021' })]);
  });
  it('reads plan periods and office names in capitals', () => {
    const m = p('Matrik Rencana Strategis Kecamatan Dumai Barat Tahun 2016 – 2021. KECAMATAN SUNGAI SEMBILAN KOTA DUMAI');
    expect(m.map((c) => (c.kind === 'mention' ? c.value : ''))).toEqual(expect.arrayContaining(['2016-2021', 'Kecamatan Sungai Sembilan']));
  });
  it("reads the office whose own organisation regulation the legal basis cites, when it is another type of office", () => {
    const offices = (text: string) => p(text).flatMap((c) => (c.kind === 'mention' && c.entity === 'office' ? [c.value] : []));
    expect(offices('4. Peraturan WaliKota Dumai Nomor 34 Tahun 2022 tentang Kedudukan, Susunan Organisasi, Rincian Tugas dan Fungsi Serta Tata Kerja Dinas Sosial dan Pemberdayaan Masyarakat Kota Dumai;')).toEqual([
      'Dinas Sosial dan Pemberdayaan Masyarakat Kota Dumai',
    ]);
    // The report's own type of office, and the organisation of all offices, are its own legal basis.
    expect(offices('Peraturan Walikota Dumai Nomor 72 Tahun 2016 tentang Susunan Organisasi dan Tata Kerja Kecamatan dan Kelurahan;')).toEqual([]);
    expect(offices('Peraturan Daerah tentang Pembentukan dan Tata Kerja Perangkat Daerah;')).toEqual([]);
  });
});

describe('the office said to carry out the duties, and offices named as counterparts', () => {
  const offices = (text: string, instansi = 'Dinas Kesehatan') =>
    extractClaims([paragraph(4, text)], instansi, 2024).claims.flatMap((c) => (c.kind === 'mention' && c.entity === 'office' ? [[c.value, c.own ?? false]] : []));
  it.each([
    ['another kind of office as the subject of the duties', 'Berdasarkan Peraturan Bupati tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi serta Tata Kerja Perangkat Daerah, Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Muara Merbau mempunyai tugas membantu Bupati.', 'Inspektorat Daerah', [['Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Muara Merbau', true]]],
    ['the report’s own office as the subject, marked for the check', 'Dinas Kesehatan Kabupaten Koto Mandiri mempunyai tugas membantu Bupati.', 'Dinas Kesehatan', [['Dinas Kesehatan Kabupaten Koto Mandiri', true]]],
    ['in capitals, with "menyelenggarakan fungsi"', 'BADAN KEPEGAWAIAN DAERAH menyelenggarakan fungsi perumusan kebijakan.', 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', [['BADAN KEPEGAWAIAN DAERAH', true]]],
    ['an office of the same kind named as a counterpart', 'Dalam melaksanakan tugasnya, Dinas Kesehatan berkoordinasi dengan Dinas Perhubungan serta perangkat daerah lain.', 'Dinas Kesehatan', []],
    ['an office of the same kind working alongside', 'Kegiatan dilaksanakan bersama Dinas Perhubungan.', 'Dinas Kesehatan', []],
    ['the office of the camat is the kecamatan itself, not another office', 'Kantor Camat Dumai Barat Kota Dumai mempunyai tugas melaksanakan kewenangan pemerintahan.', 'Kecamatan Dumai Barat', []],
    ['an office of the same kind in the report’s place stays a mention', 'Struktur organisasi Dinas Perhubungan terdiri dari empat bidang.', 'Dinas Kesehatan', [['Dinas Perhubungan', false]]],
  ])('%s', (_, text, instansi, expected) => {
    expect(offices(text, instansi)).toEqual(expected);
  });
  it('reads the report’s period after a long office name', () => {
    const text = 'Laporan Kinerja Instansi Pemerintah (LKjIP) Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Tanjung Lembayung Tahun 2023 dapat diselesaikan.';
    const years = extractClaims([paragraph(2, text)], 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', 2024).claims.filter((c) => c.kind === 'mention' && c.entity === 'year');
    expect(years).toEqual([expect.objectContaining({ value: '2023', own: true })]);
  });
});

describe('template text left in the report', () => {
  it.each([
    ['akumulasi Capaian IKU termasuk kategori 2 (dua) (pilih salah satu) yaitu Sangat Berhasil.', '(pilih salah satu)'],
    ['Isi dengan Ada target nasional yg berhubungan langsung dengan kinerja Dinas', 'Isi dengan Ada target nasional yg berhubungan langsung dengan kinerja Dinas'],
    ['Laporan ini disusun oleh [nama OPD] pada tahun 2023.', '[nama OPD]'],
  ])('"%s"', (text, phrase) => {
    expect(templatePhrases(text).map((t) => t.phrase)).toEqual([phrase]);
    const { claims } = extractClaims([paragraph(9, text)], null, 2023);
    expect(claims.filter((c) => c.kind === 'template').map((c) => (c.kind === 'template' ? c.phrase : ''))).toEqual([phrase]);
  });
  it('leaves ordinary prose alone', () => {
    expect(templatePhrases('Formulir permohonan diisi dengan lengkap oleh pemohon. Capaian [1] menurut tabel.')).toEqual([]);
  });
});

describe('revisions of the Perjanjian Kinerja', () => {
  it('reads how many times the PK was revised and each dated revision', () => {
    const { claims } = extractClaims(
      [
        paragraph(9, 'Adapun Perjanjian Kinerja Kecamatan Dumai Barat Kota Dumai pada Tahun 2023 mengalami 2 kali perubahan dikarenakan Perubahan Anggaran'),
        paragraph(10, 'Kemudian seiring dengan Perubahan Anggaran maka pada tanggal 25 September 2023 disusun Perubahan Perjanjian Kinerja Kecamatan Dumai Barat tahun 2023 adalah sebagai berikut :'),
        paragraph(11, 'Perjanjian Kinerja Dinas pada Tahun 2023 mengalami 1 (Satu) kali perubahan.'),
      ],
      'Kecamatan Dumai Barat',
      2023,
    );
    expect(claims.flatMap((c) => (c.kind === 'count' && c.entity === 'perubahan_pk' ? [[c.count, c.words]] : []))).toEqual([
      [2, null],
      [1, 'Satu'],
    ]);
    expect(claims.flatMap((c) => (c.kind === 'mention' && c.entity === 'perubahan_pk' ? [c.value] : []))).toEqual(['25 September 2023']);
  });
});

describe('dated revisions of the Perjanjian Kinerja', () => {
  it.each([
    ['the revision named before its date, listed with commas and "dan"', 'PK Tahun 2024 Dinas Kesehatan mengalami perubahan sebanyak 2 (dua) kali, yaitu Perjanjian Kinerja Perubahan I tanggal 13 Maret 2024, Perjanjian Kinerja Perubahan II tanggal 25 Agustus 2024 dan Perjanjian Kinerja Perubahan III tanggal 2 September 2024.', ['13 Maret 2024', '25 Agustus 2024', '2 September 2024']],
    ['listed after a colon, separated by semicolons', 'Penyesuaian target kinerja dilakukan dua kali sepanjang tahun 2023: Perjanjian Kinerja Perubahan I tanggal 6 Maret 2023; Perjanjian Kinerja Perubahan II tanggal 2 Juni 2023; dan Perjanjian Kinerja Perubahan III tanggal 26 Juli 2023.', ['6 Maret 2023', '2 Juni 2023', '26 Juli 2023']],
    ['"Perubahan Perjanjian Kinerja" before the date', 'Perubahan Perjanjian Kinerja tanggal 3 Juli 2024 menyesuaikan target.', ['3 Juli 2024']],
    ['numbered revisions in a sentence about the PK', 'Perjanjian Kinerja mengalami 2 kali perubahan: Perubahan I tanggal 6 Maret 2023 dan Perubahan ke-2 tanggal 2 Juni 2023.', ['6 Maret 2023', '2 Juni 2023']],
    ['the revision named after its date', 'maka pada tanggal 25 September 2023 disusun Perubahan Perjanjian Kinerja tahun 2023.', ['25 September 2023']],
    ['the original PK is not a revision', 'Perjanjian Kinerja ditandatangani tanggal 5 Januari 2024 dan Perjanjian Kinerja Perubahan tanggal 3 Juli 2024.', ['3 Juli 2024']],
    ['a numbered "Perubahan" outside a sentence about the PK', 'DPA Perubahan I tanggal 5 Oktober 2024 ditetapkan.', []],
    ['a budget revision is not a PK revision', 'Perjanjian Kinerja disesuaikan dengan DPA Perubahan tanggal 5 Oktober 2024.', []],
  ])('%s', (_, text, dates) => {
    expect(pkRevisionDates(text).map((d) => d.date)).toEqual(dates);
  });
});

describe('predicates stated in prose', () => {
  it('reads the capaian and the predicate the sentence gives it', () => {
    const { claims } = extractClaims([paragraph(35, 'Target yang ditetapkan tahun 2023 adalah 100 % realisasi sebesar 98,33 % tercapai 98,33 % atau bernilai kinerja tinggi. Bila dibandingkan.')], null, 2023);
    expect(claims.filter((c) => c.kind === 'predikat').map((c) => (c.kind === 'predikat' ? [c.capaian.value, c.label] : []))).toEqual([[98.33, 'tinggi']]);
  });
});

describe('a predicate named with its category number', () => {
  const kategori = (text: string) =>
    extractClaims([paragraph(9, text)], null, 2023).claims.flatMap((c) => (c.kind === 'kategori' ? [[c.digits, c.words, c.wordsValue, c.label, c.phrase]] : []));
  it.each([
    ['termasuk kategori 2 (dua) yaitu Sangat Berhasil (pilih salah satu).', [2, 'dua', 2, 'Sangat Berhasil', 'kategori 2 (dua) yaitu Sangat Berhasil']],
    ['termasuk kategori 1 (satu) yaitu SANGAT BERHASIL.', [1, 'satu', 1, 'SANGAT BERHASIL', 'kategori 1 (satu) yaitu SANGAT BERHASIL']],
    ['termasuk dalam kategori dua yakni Berhasil.', [null, 'dua', 2, 'Berhasil', 'kategori dua yakni Berhasil']],
    ['berada pada kategori 3: Cukup Berhasil.', [3, null, null, 'Cukup Berhasil', 'kategori 3: Cukup Berhasil']],
  ])('%s', (text, claim) => {
    expect(kategori(text)).toEqual([claim]);
  });
  it.each([
    'ada 1 (satu) sasaran strategis tersebut termasuk dalam kategori Sangat Berhasil.',
    'efisiensi penggunaan Sumber Daya termasuk dalam kategori EFISIEN.',
    'kategori 1 (satu) sasaran strategis.',
  ])('not a numbered category: %s', (text) => {
    expect(kategori(text)).toEqual([]);
  });
});

describe('capaian compared with last year in words', () => {
  it('reads this year’s and last year’s capaian and the word that says which way it went', () => {
    const text =
      'Target yang ditetapkan tahun 2023 adalah 73% realisasi sebesar 92,08% tercapai 126% atau bernilai kinerja sangat tinggi. Bila dibandingkan dengan realisasi tahun 2022 sebesar 86% .atau tercapai sebesar 191%, maka capaian tahun 2023 naik sebesar sebesar 6%. Faktor pendukung adalah sebagai berikut.';
    const trends = extractClaims([paragraph(31, text)], null, 2023).claims.filter((c) => c.kind === 'trend');
    expect(trends.map((c) => (c.kind === 'trend' ? [c.direction, c.from?.value, c.to?.value] : []))).toEqual([['up', 191, 126]]);
    expect(trends[0]!.text).toMatch(/^tercapai 126% .* maka capaian tahun 2023 naik sebesar sebesar 6%\.$/);
  });
});

describe('trend words without figures', () => {
  it('are kept for the extractor to fill from the named indicator', () => {
    const { claims } = extractClaims([paragraph(33, 'Capaian kinerja untuk indikator Indeks Kepuasan Masyarakat menunjukkan capaian yang meningkat.')], null, 2023);
    expect(claims.find((c) => c.kind === 'trend')).toMatchObject({ direction: 'up', from: null, to: null });
  });
  it.each([
    ['Faktor pendukung/pendorong capaian indikator Indeks Kepuasan Masyarakat melebihi target yang telah ditentukan adalah sebagai berikut:', 'up'],
    ['Realisasi indikator Persentase dokumen yang diterbitkan masih di bawah target karena kendala jaringan.', 'down'],
    ['Capaian indikator Indeks Kepuasan Masyarakat belum mencapai target pada tahun ini.', 'down'],
  ])('"%s" speaks of this year\'s target', (text, direction) => {
    const { claims } = extractClaims([paragraph(33, text)], null, 2023);
    expect(claims.filter((c) => c.kind === 'trend')).toMatchObject([{ direction, versus: 'target', from: null, to: null }]);
  });
  it.each([
    ['the Renstra end target', 'Capaian Indikator persentase Indeks Kepuasan Masyarakat belum mencapai target capaian sampai dengan akhir renstra namun kecamatan berupaya.'],
    ['no indicator, capaian or realisasi', 'Jumlah kunjungan wisatawan melebihi target panitia.'],
  ])('leaves alone %s', (_, text) => {
    const { claims } = extractClaims([paragraph(33, text)], null, 2023);
    expect(claims.filter((c) => c.kind === 'trend')).toEqual([]);
  });
});
