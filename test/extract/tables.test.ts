import { describe, expect, it } from 'vitest';
import { KeyRegistry } from '../../src/extract/rules/cells.js';
import { classifyTable, mapColumns } from '../../src/extract/rules/columns.js';
import { extractAverages, extractBudget, extractEfficiency, extractIndicators, extractScale, parseInterval, type TableContext } from '../../src/extract/rules/tables.js';
import type { Table } from '../../src/model/table.js';
import { table } from './helpers.js';

function ctx(t: Table): TableContext {
  const map = mapColumns(t, 2023);
  return { table: t, map, kind: classifyTable(t, map, '').kind, tahun: 2023, indicatorKeys: new KeyRegistry(), budgetKeys: new KeyRegistry() };
}

describe('extractIndicators', () => {
  const t = table('t4', [
    ['No', 'Sasaran Strategis', 'Indikator Kinerja', 'Target', 'Realisasi', 'Capaian', 'Sangat Berhasil', 'Berhasil'],
    ['1.', 'Terwujudnya keserasian data', 'Persentase OPD terintegrasi', '69%', '51,85%', '75,07%', '', 'Berhasil'],
    ['2.', '', 'Indeks Kepuasan Masyarakat (IKM)', '88', '93,05', '105,73%', 'Sangat Berhasil', ''],
    ['3.', 'Menurunnya angka kematian', 'Angka Kematian Ibu', '80 - 90', '70', '', '', ''],
  ]);
  const inds = extractIndicators(ctx(t));

  it('reads every indicator row with its values, decimals and cell citations', () => {
    expect(inds.map((i) => i.indikator)).toEqual(['Persentase OPD terintegrasi', 'Indeks Kepuasan Masyarakat (IKM)', 'Angka Kematian Ibu']);
    const [a] = inds;
    expect(a!.target).toMatchObject({ text: '69%', value: 69, decimals: 0, unit: 'percent' });
    expect(a!.realisasi).toMatchObject({ value: 51.85, decimals: 2, cite: { page: 1, table: 't4', row: 1, column: 4, cell: 't4.r1c4' } });
    expect(a!.capaian?.value).toBe(75.07);
  });
  it('carries a blank sasaran down from the row above', () => {
    expect(inds[1]!.sasaran).toBe('Terwujudnya keserasian data');
  });
  it('joins a sasaran cell wrapped over the row boundary (its second line opens in lower case) into one sasaran', () => {
    const wrapped = table('t5', [
      ['No', 'Sasaran Strategis', 'Indikator Kinerja', 'Target', 'Realisasi', 'Capaian'],
      ['1', 'Meningkatnya kepatuhan masyarakat terhadap peraturan', 'Persentase perda ditegakkan', '90', '92', '102,22'],
      ['2', 'daerah dan peraturan kepala daerah', 'Persentase pelanggaran ditindak', '85', '80', '94,12'],
      ['3', 'Meningkatnya kecepatan penanganan kebakaran', 'Waktu tanggap', '15', '15', '100'],
    ]);
    expect(extractIndicators(ctx(wrapped)).map((i) => i.sasaran)).toEqual([
      'Meningkatnya kepatuhan masyarakat terhadap peraturan daerah dan peraturan kepala daerah',
      'Meningkatnya kepatuhan masyarakat terhadap peraturan daerah dan peraturan kepala daerah',
      'Meningkatnya kecepatan penanganan kebakaran',
    ]);
  });
  it('takes the predicate from the column it is printed in', () => {
    expect(inds.map((i) => i.predikat?.text ?? null)).toEqual(['Berhasil', 'Sangat Berhasil', null]);
  });
  it('infers satuan and polarity, and reads a range target', () => {
    expect(inds[0]!.satuan).toBe('%');
    expect(inds[1]!.satuan).toBe('indeks');
    expect(inds[2]).toMatchObject({ polarity: 'lower', polaritySource: 'inferred', targetRange: [80, 90] });
    expect(inds[0]).toMatchObject({ polarity: 'higher', polaritySource: 'default' });
  });
});

describe('extractAverages', () => {
  const read = (rows: string[][]) => {
    const c = ctx(table('t3', rows));
    const inds = extractIndicators(c);
    return { inds, avgs: extractAverages(c, inds) };
  };

  it.each([
    ['in the numbering column, spanning the name columns', ['Rata-rata Capaian Kinerja', '^', '^', '', '', '112.54']],
    ['in the indikator column', ['', '', 'Rata-rata', '', '', '112,54%']],
    ['spelt with spaces and capitals', ['RATA - RATA', '', '', '', '', '112,54']],
    ['as "Nilai rata-rata"', ['', 'Nilai rata-rata capaian', '', '', '', '112,54']],
  ])('reads a mean row labelled %s: no indicator, a mean of the capaian column over the rows above, each figure cited', (_, mean) => {
    const { inds, avgs } = read([
      ['No', 'Sasaran', 'Indikator Kinerja', 'Target', 'Realisasi', 'Capaian (%)'],
      ['1', 'Sasaran A', 'Jumlah pengaduan', '2', '1', '150.00'],
      ['2', 'Sasaran B', 'Persentase desa maju', '56', '63.79', '114'],
      mean!,
    ]);
    expect(inds.map((i) => i.indikator)).toEqual(['Jumlah pengaduan', 'Persentase desa maju']);
    expect(avgs).toHaveLength(1);
    expect(avgs[0]).toMatchObject({ table: 't3', quantity: 'capaian', value: { value: 112.54, cite: { row: 3, column: 5 } }, of: ['t3.r1', 't3.r2'] });
    expect(avgs[0]!.values.map((v) => [v.text, v.cite.row])).toEqual([['150.00', 1], ['114', 2]]);
    expect(avgs[0]!.uraian).toMatch(/^(Rata|RATA|Nilai)/);
  });

  it('keeps an indicator named "Rata-rata waktu …" (it prints its own target and realisasi) and a mean per group, back to the previous mean row', () => {
    const { inds, avgs } = read([
      ['No', 'Sasaran', 'Indikator Kinerja', 'Target', 'Realisasi', 'Capaian (%)'],
      ['1', 'Sasaran A', 'Rata-rata waktu penanganan pengaduan', '3', '2', '150'],
      ['2', '', 'Persentase desa maju', '50', '40', '80'],
      ['Rata-rata', '', '', '', '', '115'],
      ['3', 'Sasaran B', 'Indeks Kepuasan Masyarakat', '80', '84', '105'],
      ['Rata-rata', '', '', '', '', '105'],
    ]);
    expect(inds.map((i) => i.indikator)).toEqual(['Rata-rata waktu penanganan pengaduan', 'Persentase desa maju', 'Indeks Kepuasan Masyarakat']);
    expect(avgs.map((a) => [a.of, a.values.map((v) => v.value)])).toEqual([
      [['t3.r1', 't3.r2'], [150, 80]],
      [['t3.r4'], [105]],
    ]);
  });

  it('reads no mean in a table without target and realisasi columns, where an indicator "Rata-rata waktu …" prints none either', () => {
    const c = ctx(table('t8', [
      ['No', 'Indikator Kinerja', 'Capaian Kinerja (%)', 'Penyerapan Anggaran (%)', 'Tingkat Efisiensi'],
      ['1', 'Persentase ASN yang mengikuti pelatihan', '114,65', '92,10', '1,24'],
      ['', 'Rata-rata waktu penyelesaian usulan kenaikan pangkat', '135,00', '86,90', '1,55'],
    ]));
    expect(extractAverages(c, extractIndicators(c))).toEqual([]);
  });

  it("keeps a figure of a row that could not be read as an indicator (its name lost) among the mean's figures", () => {
    const { avgs } = read([
      ['No', 'Sasaran', 'Indikator Kinerja', 'Target', 'Realisasi', 'Capaian (%)'],
      ['1', 'Sasaran A', 'Jumlah pengaduan', '2', '1', '150'],
      ['2', 'Sasaran B', '', '56', '63.79', '114'],
      ['Rata-rata', '', '', '', '', '132'],
    ]);
    expect(avgs[0]).toMatchObject({ of: ['t3.r1'] });
    expect(avgs[0]!.values.map((v) => v.value)).toEqual([150, 114]);
  });
});

describe('extractBudget on a scan', () => {
  /** The table read by OCR: every cell `ocr`, confidence 90. */
  const scanned = (rows: string[][]) => {
    const t = table('t9', rows);
    for (const r of [...t.headerRows, ...t.rows]) for (const c of r.cells) Object.assign(c, { ocr: true, conf: 90 });
    return t;
  };
  const rows = (pagu: string, realisasi = '278.349.281') => [
    ['Kode', 'Program/Kegiatan/Sub Kegiatan', 'Pagu (Rp)', 'Realisasi (Rp)', '%', 'Sisa (Rp)'],
    ['2.12.01.2.01', 'Perencanaan', '1.000.000.000', '900.000.000', '90,00', '100.000.000'],
    ['2.12.01.2.01.0001', 'Penyusunan Dokumen', pagu, realisasi, '74,12', '97.297.438'],
    ['2.12.01.2.01.0002', 'Evaluasi Kinerja', '400.000.000', '400.000.000', '100,00', '0'],
  ];
  it.each([
    { pagu: 'DAERAy 392%%89.100', why: 'text the OCR made of a figure' },
    { pagu: '00', why: 'a whole part with a leading zero' },
    { pagu: '27.8833', why: 'digits no column style groups so' },
    { pagu: '', why: 'nothing where the row prints its other figures' },
  ])('a pagu read as "$pagu" ($why) is unread, not a value', ({ pagu }) => {
    const { budget } = extractBudget(ctx(scanned(rows(pagu))));
    const row = budget.find((b) => b.uraian === 'Penyusunan Dokumen')!;
    expect(row.pagu).toBeNull();
    expect(row.unread).toEqual(['pagu']);
  });
  it('a dash is no figure, not an unread one; and the cell confidence reaches the citation', () => {
    const { budget } = extractBudget(ctx(scanned(rows('-'))));
    const row = budget.find((b) => b.uraian === 'Penyusunan Dokumen')!;
    expect(row.unread).toBeUndefined();
    expect(row.realisasi?.cite.ocrConf).toBe(90);
  });
  it('the same texts on a text page are what the report prints', () => {
    const { budget } = extractBudget(ctx(table('t9', rows('00'))));
    const row = budget.find((b) => b.uraian === 'Penyusunan Dokumen')!;
    expect(row.pagu?.value).toBe(0);
    expect(row.unread).toBeUndefined();
  });
});

describe('extractBudget', () => {
  it('builds program → kegiatan → sub-kegiatan from codes and ties JUMLAH to the programs', () => {
    const t = table('t9', [
      ['Kode', 'Program/Kegiatan/Sub Kegiatan', 'Pagu (Rp)', 'Realisasi (Rp)', '%', 'Sisa (Rp)'],
      ['2.12.01', 'Program Penunjang', '1.000.000', '900.000', '90,00', '100.000'],
      ['2.12.01.2.01', 'Perencanaan', '1.000.000', '900.000', '90,00', '100.000'],
      ['2.12.01.2.01.0001', 'Penyusunan Dokumen', '600.000', '500.000', '83,33', '100.000'],
      ['2.12.01.2.01.0002', 'Evaluasi Kinerja', '400.000', '400.000', '100,00', '0'],
      ['2.12.02', 'Program Pendaftaran', '500.000', '500.000', '100,00', '0'],
      ['', 'JUMLAH', '1.500.000', '1.400.000', '93,33', '100.000'],
    ]);
    const { budget } = extractBudget(ctx(t));
    expect(budget.map((b) => [b.kode, b.level, b.parentId])).toEqual([
      ['2.12.01', 'program', null],
      ['2.12.01.2.01', 'kegiatan', 't9.r1'],
      ['2.12.01.2.01.0001', 'sub_kegiatan', 't9.r2'],
      ['2.12.01.2.01.0002', 'sub_kegiatan', 't9.r2'],
      ['2.12.02', 'program', null],
      [null, 'total', null],
    ]);
    expect(budget[5]!.sumOf).toEqual(['t9.r1', 't9.r5']);
    expect(budget[0]!.pagu).toMatchObject({ value: 1_000_000, decimals: 0 });
    expect(budget[2]!.persen).toMatchObject({ value: 83.33, decimals: 2 });
  });

  it('infers levels from numbering when no codes are printed, and sends Belanja rows to the belanja summary', () => {
    const t = table('t31', [
      ['No', 'Uraian', 'Target Keuangan (Rp)', 'Realisasi Keuangan (Rp)'],
      ['I', 'Belanja Operasi', '900,00', '800,00'],
      ['II', 'Belanja Modal', '100,00', '100,00'],
      ['Jumlah', '^', '1.000,00', '900,00'],
      ['1', 'PROGRAM PENUNJANG', '1.000,00', '900,00'],
      ['1', 'Perencanaan', '300,00', '250,00'],
      ['', '1 Penyusunan dokumen', '200,00', '150,00'],
      ['', '2 Koordinasi RKA', '100,00', '100,00'],
      ['2', 'Administrasi Keuangan', '700,00', '650,00'],
      ['1', 'Penyediaan gaji', '700,00', '650,00'],
    ]);
    const { budget, belanja } = extractBudget(ctx(t));
    expect(belanja.map((b) => [b.kind, b.amount.value, b.realisasi?.value])).toEqual([
      ['operasi', 900, 800],
      ['modal', 100, 100],
      ['total', 1000, 900],
    ]);
    expect(new Set(belanja.map((b) => b.group)).size).toBe(1);
    // Belanja rows stay in the budget as level "other" (their serapan and sisa are checked).
    expect(budget.filter((b) => b.level === 'other').map((b) => b.uraian)).toEqual(['Belanja Operasi', 'Belanja Modal', 'Jumlah']);
    expect(budget.filter((b) => b.level !== 'other').map((b) => [b.uraian, b.level])).toEqual([
      ['PROGRAM PENUNJANG', 'program'],
      ['Perencanaan', 'kegiatan'],
      ['Penyusunan dokumen', 'sub_kegiatan'],
      ['Koordinasi RKA', 'sub_kegiatan'],
      ['Administrasi Keuangan', 'kegiatan'],
      ['Penyediaan gaji', 'sub_kegiatan'],
    ]);
    const tree = budget.filter((b) => b.level !== 'other');
    expect(tree[5]!.parentId).toBe(tree[4]!.id);
  });

  it.each([
    ['a sub-kegiatan code with a two-digit 4th part', '2.12.03.02.01.02'],
    ['a sub-kegiatan code one part short', '2.12.03.01.01'],
  ])('keeps a mistyped code (%s) and places the row where the order puts it', (_, bad) => {
    const t = table('t9', [
      ['Kode', 'Program/Kegiatan/Sub Kegiatan', 'Pagu (Rp)'],
      ['2.12.03', 'PROGRAM PENCATATAN SIPIL', '122.225.100'],
      ['2.12.03.2.01', 'Pelayanan Pencatatan Sipil', '122.225.100'],
      [bad, 'Pencatatan Dokumen Peristiwa Penting', '122.225.100'],
    ]);
    const { budget } = extractBudget(ctx(t));
    expect(budget.map((b) => [b.kode, b.level, b.parentId])).toEqual([
      ['2.12.03', 'program', null],
      ['2.12.03.2.01', 'kegiatan', 't9.r1'],
      [bad, 'sub_kegiatan', 't9.r2'],
    ]);
  });

  it('tells the next kegiatan from the next sub-kegiatan when the numbering allows both', () => {
    // "2" after kegiatan 1 and its sub-kegiatan 1: the sub-kegiatan already make up kegiatan 1, and
    // a list starting at 1 follows — it is kegiatan 2.
    const t = table('t38', [
      ['No', 'Uraian', 'Pagu'],
      ['1', 'Program Penyelenggaraan Pemerintahan', '217.902.500'],
      ['1', 'Koordinasi Penyelenggaraan Pemerintahan', '32.902.500'],
      ['1', 'Peningkatan Efektifitas Kegiatan Pemerintahan', '32.902.500'],
      ['2', 'Penyelenggaraan Urusan Pemerintahan', '160.000.000'],
      ['1', 'Fasilitasi Percepatan Pencapaian SPM', '160.000.000'],
      ['3', 'Pelaksanaan Urusan yang Dilimpahkan', '25.000.000'],
      ['1', 'Pelaksanaan Urusan Kewenangan Lain', '25.000.000'],
    ]);
    expect(extractBudget(ctx(t)).budget.map((b) => b.level)).toEqual(['program', 'kegiatan', 'sub_kegiatan', 'kegiatan', 'sub_kegiatan', 'kegiatan', 'sub_kegiatan']);
  });

  it('joins a name wrapped into rows of its own, and counts an unnumbered kegiatan before its list at 1', () => {
    const t = table('t31', [
      ['No', 'Uraian Program / Kegiatan', 'Target Keuangan (Rp)', 'Realisasi Keuangan (Rp)'],
      ['2', 'PROGRAM PENYELENGGARAAN PEMERINTAHAN', '192.902.500', '155.500.300'],
      ['', 'Koordinasi Penyelenggaraan Pemerintahan', '32.902.500', '31.675.900'],
      ['', '1 P e n i n g k a t a n E f e', '32.902.500', '31.675.900'],
      ['', 'kt ifi ta s K e gi at a n', '', ''],
      ['', 'Peny elen ggar aan', '160.000.000', '123.824.400'],
      ['', 'Urus an Pem erint ahan yang Tida k Dilak sana kan', '', ''],
      ['1', 'Fasilitasi Percepatan SPM', '160.000.000', '123.824.400'],
    ]);
    const { budget } = extractBudget(ctx(t));
    expect(budget.map((b) => [b.level, b.uraian.replace(/\s+/g, '')])).toEqual([
      ['program', 'PROGRAMPENYELENGGARAANPEMERINTAHAN'],
      ['kegiatan', 'KoordinasiPenyelenggaraanPemerintahan'],
      ['sub_kegiatan', 'PeningkatanEfektifitasKegiatan'],
      ['kegiatan', 'PenyelenggaraanUrusanPemerintahanyangTidakDilaksanakan'],
      ['sub_kegiatan', 'FasilitasiPercepatanSPM'],
    ]);
  });

  it('reads the rows of a name column headed by kegiatan alone as kegiatan', () => {
    const t = table('t37', [
      ['Program / Uraian', 'Kegiatan / Sub Kegiatan / Uraian', 'Kegiatan / Sub Kegiatan / Anggaran (Rp.)'],
      ['Program Penyelenggaraan Pemerintahan', 'Koordinasi Penyelenggaraan Kegiatan Pemerintahan', '32.902.500'],
      ['', 'Penyelenggaraan Urusan Pemerintahan', '160.000.000'],
      ['Program Koordinasi Ketentraman', 'Kegiatan Koordinasi Upaya Penyelenggaraan Ketenteraman', '101.000.000'],
    ]);
    expect(extractBudget(ctx(t)).budget.map((b) => [b.level, b.parentId])).toEqual([
      ['kegiatan', null],
      ['kegiatan', null],
      ['kegiatan', null],
    ]);
  });

  it('reads a rupiah typed with a comma for its last thousands separator as the whole amount', () => {
    const t = table('t46', [
      ['Kode', 'Uraian', 'Pagu Indikatif (Rp.)'],
      ['2.12.01.2.08', 'Penyediaan Jasa Penunjang', '836.000.000'],
      ['2.12.01.2.08.0002', 'Penyediaan Jasa Komunikasi', '816.000,000'],
      ['2.12.01.2.08.0004', 'Penyediaan Jasa Pelayanan Umum', '20.000.000'],
    ]);
    const [, a] = extractBudget(ctx(t)).budget;
    expect(a!.pagu).toMatchObject({ text: '816.000,000', value: 816_000_000, decimals: 0 });
  });

  it('reads tujuan and sasaran rows as heading totals that the final JUMLAH does not stop at', () => {
    const t = table('t12', [
      ['Tujuan/Sasaran/Program', 'Indikator', 'Alokasi', 'Realisasi'],
      ['Tujuan : Mewujudkan Kualitas Pelayanan', 'Persentase Pelayanan', '1.300.000', '1.200.000'],
      ['Sasaran : Meningkatkan Kualitas', 'Indeks Kepuasan Masyarakat', '300.000', '250.000'],
      ['', 'Persentase Pelaksanaan Tugas', '1.000.000', '950.000'],
      ['Program Penunjang Urusan', 'Persentase Penunjang', '1.000.000', '950.000'],
      ['Program Penyelenggaraan Pemerintahan', 'Persentase Penyelenggaraan', '300.000', '250.000'],
      ['JUMLAH', '', '1.300.000', '1.200.000'],
    ]);
    const { budget } = extractBudget(ctx(t));
    expect(budget.map((b) => [b.level, b.scope ?? null])).toEqual([
      ['total', 'tujuan'],
      ['total', 'sasaran'],
      ['total', 'sasaran'],
      ['program', null],
      ['program', null],
      ['total', null],
    ]);
    expect(budget[2]!.uraian).toBe('Persentase Pelaksanaan Tugas');
    expect(budget[5]!.sumOf).toEqual([budget[3]!.id, budget[4]!.id]);
  });

  it('reads letter-spaced program labels', () => {
    const t = table('t1', [['No', 'Uraian', 'Pagu'], ['2', 'PROG RAM PENY ELEN GGAR AN', '217.902.500']]);
    expect(extractBudget(ctx(t)).budget[0]!.level).toBe('program');
  });
});

describe('extractBudget: a table continued from an earlier page without its No header', () => {
  it('reads the numbering left of the names, and rows opening inside a list are not programs', () => {
    const t = table('t41', [
      ['', 'Uraian', 'Pagu (Rp)', 'Realisasi (Rp)'],
      ['2', 'Perbaikan Meja', '100.000.000', '96.090.000'],
      ['3', 'Perbaikan Peralatan dan Meja Lainnya', '876.625.000', '817.625.000'],
      ['8', 'Kegiatan Pemeliharaan Barang Milik Daerah', '179.436.000', '178.638.000'],
      ['1', 'Perbaikan Gedung Kantor', '85.700.000', '82.000.000'],
      ['2', 'Pemeliharaan Peralatan', '93.736.000', '96.638.000'],
      ['2', 'PROGRAM PENDEKATAN FIDUCIAR', '287.541.300', '238.657.400'],
      ['1', 'Penyusunan Perencanaan Pendukung', '287.541.300', '236.657.400'],
      ['1', 'Revisi Perencanaan', '70.000.000', '70.000.000'],
      ['2', 'Penyusunan Dokumen Atas', '96.653.200', '109.710.000'],
    ]);
    const { budget } = extractBudget(ctx(t));
    expect(budget.map((b) => [b.level, b.parentId])).toEqual([
      ['sub_kegiatan', null],
      ['sub_kegiatan', null],
      ['kegiatan', null],
      ['sub_kegiatan', 't41.r3'],
      ['sub_kegiatan', 't41.r3'],
      ['program', null],
      ['kegiatan', 't41.r6'],
      ['sub_kegiatan', 't41.r7'],
      ['sub_kegiatan', 't41.r7'],
    ]);
  });
});

describe('extractBudget: a work plan with a next-year forecast', () => {
  // The header of an exported Renja sheet is offset from its body: parent rows print the forecast
  // under "Sumber Dana", sub-kegiatan rows under "Target"; in reading order the pagu comes first and
  // the forecast last.
  const t = table('t28', [
    ['Kode', 'Program/ Kegiatan/ Sub Kegiatan', 'Rencana Tahun 2023', '^', 'Prakiraan Maju Rencana Tahun 2024', '^', '^', '^'],
    ['|', '|', 'Target', 'Pagu Indikatif (Rp.)', 'Pagu Indikatif (Rp.)', 'Sumber Dana', 'Tolok Ukur', 'Target'],
    ['2.12.01.2.01', 'Perencanaan, Penganggaran, dan Evaluasi Kinerja', '', '36,712,100', '', '53,000,000', '', ''],
    ['2.12.01.2.01.01', 'Penyusunan Dokumen Perencanaan', '100%', '27,896,900', 'DBH', 'Persentase penunjang', '100%', '30,000,000'],
    ['2.12.01.2.01.02', 'Koordinasi dan Penyusunan Dokumen RKA-SKPD', '100%', '8,815,200', 'DBH', 'Persentase penunjang', '100%', '-'],
    ['2.12.01.2.07.05', 'Pengadaan Mebel', '100%', '679.382,600', 'DBH', 'Persentase penunjang', '100%', '23.000,000'],
  ], { headerCount: 2 });
  const { budget } = extractBudget(ctx(t));

  it('reads the last amount after the pagu as the forecast, whichever header column it sits under', () => {
    expect(budget.map((b) => [b.pagu?.value, b.prakiraan?.value ?? null, b.prakiraan?.cite.column ?? null])).toEqual([
      [36_712_100, 53_000_000, 5],
      [27_896_900, 30_000_000, 7],
      [8_815_200, null, null],
      [679_382_600, 23_000_000, 7],
    ]);
  });

  it('cites the forecast with the label of its own header column', () => {
    expect(budget[1]!.prakiraan?.cite).toMatchObject({ page: 1, table: 't28', cell: 't28.r3c7', columnLabel: 'Prakiraan Maju Rencana Tahun 2024 / Pagu Indikatif (Rp.)' });
  });

  it('leaves rows of a table without a forecast without one', () => {
    const plain = table('t9', [
      ['Kode', 'Program/Kegiatan', 'Pagu (Rp)', 'Realisasi (Rp)'],
      ['2.12.01', 'Program Penunjang', '1.000.000', '900.000'],
    ]);
    expect(extractBudget(ctx(plain)).budget[0]).not.toHaveProperty('prakiraan');
  });
});

describe('extractEfficiency', () => {
  it('reads a ratio column and a label column under one merged header', () => {
    const t = table('t34', [
      ['NO', 'INDIKATOR KINERJA UTAMA', 'CAPAIAN KINERJA (%)', 'PENYERAPAN ANGGARAN (%)', 'TINGKAT EFISIENSI', 'TINGKAT EFISIENSI'],
      ['1.', 'Indeks Kepuasan Masyarakat', '95,21%', '82,84%', '1,14', 'Efisien'],
    ]);
    const [e] = extractEfficiency(ctx(t));
    expect(e).toMatchObject({ uraian: 'Indeks Kepuasan Masyarakat', capaian: { value: 95.21 }, serapan: { value: 82.84 }, efisiensi: { value: 1.14, decimals: 2 }, label: { text: 'Efisien' } });
  });
});

describe('scale', () => {
  it.each([
    ['≥ 90', { min: 90, max: null }],
    ['76 ≤ 90', { min: 76, max: 90 }],
    ['85% s.d 100%', { min: 85, max: 100 }],
    ['70% s.d < 85%', { min: 70, max: 85, maxExclusive: true }],
    ['< 55%', { min: null, max: 55, maxExclusive: true }],
    ['≤ 50', { min: null, max: 50 }],
  ])('parseInterval(%s)', (text, band) => {
    expect(parseInterval(text)).toEqual(band);
  });
  it('returns null for text that is not an interval', () => {
    expect(parseInterval('Sangat Tinggi')).toBeNull();
  });
  it('reads a scale table, each band with the number of its row', () => {
    const t = table('t18', [['No', 'Interval Nilai Realisasi Kinerja', 'Kriteria Penilaian'], ['1', '≥ 91', 'Sangat Tinggi'], ['2.', '76 ≤ 90', 'Tinggi']]);
    expect(extractScale(ctx(t))).toEqual([
      { label: 'Sangat Tinggi', min: 91, max: null, no: 1 },
      { label: 'Tinggi', min: 76, max: 90, no: 2 },
    ]);
  });
  it('reads a scale table without a No column, bands without numbers', () => {
    const t = table('t19', [['Interval Nilai Realisasi Kinerja', 'Kriteria Penilaian'], ['≥ 91', 'Sangat Tinggi'], ['76 ≤ 90', 'Tinggi']]);
    expect(extractScale(ctx(t))).toEqual([
      { label: 'Sangat Tinggi', min: 91, max: null },
      { label: 'Tinggi', min: 76, max: 90 },
    ]);
  });
});

describe('parseInterval with a variable', () => {
  it.each([
    ['85 ≤ x < 100', { min: 85, max: 100, maxExclusive: true }],
    ['70 < x ≤ 85', { min: 70, max: 85, minExclusive: true }],
    ['x ≥ 100', { min: 100, max: null }],
    ['x < 70', { min: null, max: 70, maxExclusive: true }],
  ])('%s', (text, band) => {
    expect(parseInterval(text)).toEqual(band);
  });
});

describe('side-by-side indicator columns', () => {
  it('reads a tujuan indicator and a sasaran indicator, each with its own target', () => {
    const t = table('t19', [
      ['Tujuan', 'Indikator Tujuan', 'Target', 'Sasaran', 'Indikator Sasaran', 'Target'],
      ['Mewujudkan pelayanan', 'Persentase Pelayanan Publik', '100 %', 'Meningkatnya kualitas', '1. Indeks Kepuasan Masyarakat', '87'],
      ['', '', '', '', '2. Persentase Pelaksanaan Tugas', '100 %'],
    ]);
    const inds = extractIndicators(ctx(t));
    expect(inds.map((i) => [i.indikator, i.target?.value, i.sasaran])).toEqual([
      ['Persentase Pelayanan Publik', 100, 'Mewujudkan pelayanan'],
      ['Indeks Kepuasan Masyarakat', 87, 'Meningkatnya kualitas'],
      ['Persentase Pelaksanaan Tugas', 100, 'Meningkatnya kualitas'],
    ]);
  });
});
