import { describe, expect, it } from 'vitest';
import { understand } from '../../src/chat/index.js';

describe('reading what a question asks', () => {
  it.each([
    ['Berapa capaian IKM tahun lalu?', { kind: 'value', attrs: ['capaian'], period: 'previous', terms: ['ikm'] }],
    ['What was the realisation of the community satisfaction index in 2022?', { kind: 'value', attrs: ['realisasi'], period: 'previous', year: 2022 }],
    ['brp realisasi belanja modal thn 2023', { kind: 'value', attrs: ['realisasi'], lang: 'id', year: 2023 }],
    ['Berapa pagu Program Pencatatan Sipil sebelum perubahan?', { kind: 'value', attrs: ['pagu'], entityKinds: ['program'], variant: 'original' }],
    ['Anggaran murni vs perubahan Program Kepegawaian Daerah berapa?', { variants: ['original', 'perubahan'], variant: null }],
    ['What is the end-of-Renstra target for the IKM?', { attrs: ['target'], period: 'renstra' }],
    ['Berapa realisasi anggaran Program PIAK?', { attrs: ['realisasi'], money: true }],
    ['What were the realisation and % of sub-kegiatan "Pengembangan Kapasitas"?', { attrs: ['realisasi', 'serapan'], entityKinds: ['sub_kegiatan'] }],
    ['Di halaman berapa Tabel 3.7?', { kind: 'location', tableLabel: '3.7' }],
    // A word after "tabel" that starts like a roman numeral is no label.
    ['Tabel isu strategis ada di hal brp?', { kind: 'location', tableLabel: null }],
    ['Where does the report define its predicate scale?', { kind: 'location', attrs: ['predikat'] }],
    ['Karena capaian IKM 100%, apakah predikatnya Sangat Berhasil?', { kind: 'check', asserted: ['100%'], assertedLabel: 'sangat berhasil' }],
    ['Why did the IKM capaian go up from 2022 to 2023?', { kind: 'explanation', years: [2022, 2023] }],
    ['How many programs does the office run?', { kind: 'count', entityKinds: ['program'] }],
    ['Berapa jumlah sub kegiatan di tabel realisasi anggaran?', { kind: 'count' }],
    ['Berapa jumlah anggaran program?', { kind: 'value', attrs: ['pagu'] }],
    ['Ringkas realisasi anggaran menurut jenis belanja', { kind: 'summary' }],
    ['What were the quarterly (triwulan) realisations of the IKM?', { subPeriod: 'quarterly' }],
    ['Do the programme budgets in Tabel 3 and Tabel 2.5 add up?', { tableLabels: ['3', '2.5'] }],
    ['Angka fatalitas has the lowest capaian of all 8 IKU, correct?', { asserted: ['8'], counts: ['8'] }],
    ['Is the capaian of the 4 indicators above 90?', { counts: ['4'] }],
    // "Prakiraan maju" is a quantity; "maju" in a name is a word of the name.
    ['Persentase desa maju naik dari 2020?', { terms: expect.arrayContaining(['maju']) }],
    ['Berapa prakiraan maju program X?', { attrs: ['prakiraan'], terms: ['x'] }],
    // A regulation cited names a rule: no figure, no year.
    ['Is that right under the Permendagri 86/2017 scale?', { asserted: [], years: [] }],
    ['Sesuai PP Nomor 12 Tahun 2019, apakah predikatnya benar?', { asserted: [], years: [] }],
    // A count of whatever noun follows "berapa", unless it is a measure.
    ['brp rekomendasi yg dikasih inspektorat?', { kind: 'count' }],
    ['di tabel isu strategis ada brp isu yg dicantumin?', { kind: 'count' }],
    ['berapa persen realisasinya?', { kind: 'value' }],
    // A relative "where" is no question of place; "any … where" lists the lines that fit.
    ['Any sub kegiatan where realisasi went over the pagu?', { kind: 'count' }],
    // A number of lines is no premise.
    ['How much of its budget did each of the 4 programmes absorb?', { kind: 'value', counts: ['4'] }],
    // A year named with "last year": both asked.
    ['realisasi IKM 2023 brp, trs tahun lalu brp?', { years: [2023, 2022] }],
    // "Pagu awal" is the budget before the revision.
    ['Total pagu awal vs pagu perubahan?', { variants: ['original', 'perubahan'] }],
    // A plan's span names the plan; its last year names the Renstra end.
    ["what's the Renstra 2021-2026 end target for load factor angkutan umum?", { kind: 'value', period: 'renstra', years: [] }],
    ['SAKIP 2023 vs the Renstra end target (2026)?', { period: 'renstra', years: [2023], year: 2023 }],
    // "Load factor" names an indicator; "what factors" asks why.
    ['What factors held the load factor back?', { kind: 'explanation' }],
    // "Up or down?" asks; it claims nothing. An index's "score" is its measured value.
    ["did the office's SAKIP score go up or down compared with last year?", { kind: 'value', attrs: ['realisasi'], period: 'previous' }],
    // "The number of X collapsed from 72 to 17": a movement stated with figures, a premise, not a count.
    ['The number of active PSKS collapsed from 72 to 17 in 2020 — what happened?', { kind: 'check', asserted: ['72', '17'] }],
    // "Where does X come from" asks how it was obtained, not where it is printed.
    ['where does the 2,77% efficiency figure come from?', { kind: 'explanation', asserted: ['2,77%'] }],
    ['tingkat efisiensi 1,09 itu berasal dari mana?', { kind: 'explanation' }],
    // A kind named after a negation is the one not asked.
    ['Kegiatan mana yg sisa anggarannya paling besar? level kegiatan ya, bukan sub keg.', { entityKinds: ['kegiatan'] }],
    ['Which programme, not sub-activity, spent the most?', { entityKinds: ['program'] }],
    // "TA 2023" is a year; "dinaikin" is dinaikkan.
    ['sisa anggaran TA 2023 brp?', { year: 2023, attrs: ['sisa'] }],
    ['The lowest of the four programmes?', { terms: [] }],
    ['Budget before and after the revision?', { attrs: ['pagu'], variants: ['original', 'perubahan'] }],
    ['Pagu sebelum dan sesudah perubahan?', { variants: ['original', 'perubahan'] }],
    ['Dari 8 IKU, brp yg predikatnya Sangat Baik?', { kind: 'count', assertedLabel: 'sangat baik' }],
    ['Berapa IKU yang predikatnya Berhasil?', { kind: 'count' }],
  ])('%s', (q, want) => {
    expect(understand(q, { year: 2023 })).toMatchObject(want);
  });

  it('leaves question words, years and figures out of the words naming a line', () => {
    expect(understand('Berapa target dan realisasi Level kapabilitas APIP tahun 2019?', { year: 2019 }).terms).toEqual(['level', 'kapabilita', 'apip']);
    expect(understand('What is the capaian of the community satisfaction index?').terms.sort()).toEqual(['indek', 'kepuas', 'masyarakat']);
  });

  it('keeps a quoted name from deciding the quantity or the language', () => {
    const u = understand('Is the 150.00% capaian of "Jumlah pengaduan masyarakat yang belum ditindaklanjuti" computed correctly?');
    expect(u.lang).toBe('en');
    expect(u.attrs).toEqual(['capaian']);
  });
});
