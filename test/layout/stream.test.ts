import { describe, expect, it } from 'vitest';
import { layoutPage } from '../../src/layout/index.js';
import { findStreamTables } from '../../src/layout/stream.js';
import { columnLabels } from '../../src/layout/build.js';
import type { Page, Word } from '../../src/model/document.js';

/** Lays out words of a line from (x, y), `gap` points apart; widths from a rough 5 pt per character. */
function line(texts: Array<string | [string, number]>, x: number, y: number, gap = 2.5): Word[] {
  const out: Word[] = [];
  for (const t of texts) {
    const [text, at] = Array.isArray(t) ? t : [t, undefined];
    const x0 = at ?? x;
    const width = text.length * 5;
    out.push({ text, bbox: [x0, y, x0 + width, y + 11], size: 10, ocr: false });
    x = x0 + width + gap;
  }
  return out;
}

function page(words: Word[]): Page {
  return { page: 1, width: 595, height: 842, source: 'text', words, rules: [] };
}

describe('stream tables', () => {
  it('a line without figures opening in lower case continues the row above (wrapped cells side by side)', () => {
    const words = [
      ...line(['Sasaran', ['Indikator', 150], ['Target', 330], ['Capaian', 400], ['Predikat', 480]], 57, 100),
      ...line(['Meningkatnya', ['Jumlah', 150], 'pengaduan', ['8', 340], ['137,50', 400], ['Sangat', 480]], 57, 112),
      ...line(['kualitas', ['yang', 150], 'belum', ['Berhasil', 480]], 57, 124),
      ...line(['Meningkatnya', ['Jumlah', 150], 'lembaga', ['13', 340], ['107,70', 400], ['Sangat', 480]], 57, 136),
      ...line(['ketertiban', ['yang', 150], 'dibina', ['Berhasil', 480]], 57, 148),
      ...line(['Meningkatnya', ['Indeks', 150], 'kepuasan', ['80', 340], ['98,10', 400], ['Tinggi', 480]], 57, 160),
    ];
    const t = layoutPage(page(words)).tables[0]!;
    expect(t.rows.slice(t.headerCount).map((r) => r.cells[r.cells.length - 1]!.text)).toEqual(['Sangat Berhasil', 'Sangat Berhasil', 'Tinggi']);
  });

  it('splits a row band holding two figures stacked in one column (a merged cell beside two rows, no rule between)', () => {
    const rules = [100, 118, 148, 166].map((pos) => ({ pos, a: 50, b: 520 }));
    const words = [
      ...line(['No', ['Sasaran', 90], ['Indikator', 230], ['Target', 470]], 57, 104),
      ...line(['1.', ['Meningkatnya', 90], ['Jumlah', 230], 'titik', 'rawan', ['14', 480]], 57, 122),
      ...line(['2.', ['pelayanan', 90], ['Jumlah', 230], 'kecelakaan', ['232', 475]], 57, 134),
      ...line(['3.', ['Meningkatnya', 90], ['Indeks', 230], 'kepuasan', ['89,9', 472]], 57, 152),
    ];
    const [pt] = findStreamTables(page(words), new Set(), rules);
    expect(pt!.nRows).toBe(4);
  });

  it.each([
    {
      name: 'header cells set close together stay apart (no word across a boundary, wider gaps at the boundaries)',
      header: line(['No', ['Indikator', 90], ['Realisasi', 308], '2022', ['Realisasi', 381.7], '2023', ['Realisasi', 455.4], '2024'], 57, 100),
      expect: ['Realisasi 2022', 'Realisasi 2023', 'Realisasi 2024'],
    },
    {
      name: 'a group label over two columns, evenly spaced, stays one spanning cell',
      header: line(['No', ['Indikator', 90], ['Anggaran', 340], 'Program', 'Perangkat', 'Daerah'], 57, 100),
      expect: ['Anggaran Program Perangkat Daerah', 'Anggaran Program Perangkat Daerah', 'Anggaran Program Perangkat Daerah'],
    },
  ])('$name', (c) => {
    // Ten rows: a column boundary may be crossed by one line in ten (the header's run of labels).
    const body = Array.from({ length: 10 }, (_, i) => line([`${i + 1}`, ['Indikator', 90], `${i + 1}`, [`8${i},31`, 330], [`8${i},51`, 403.7], [`7${i},43`, 477.4]], 57, 114 + 14 * i));
    const words = [...c.header, ...body.flat()];
    const t = layoutPage(page(words)).tables[0]!;
    expect(columnLabels(t.rows, t.headerCount, t.nCols).slice(2)).toEqual(c.expect);
  });

  it('finds columns of a borderless table from aligned figures', () => {
    const words = [
      ...line(['Kode', ['Uraian', 120], ['Pagu', 330], ['Realisasi', 420], ['%', 520]], 57, 100),
      ...line(['1.01', ['Belanja', 120], 'Pegawai', ['1.200.000', 330], ['1.150.000', 420], ['95,83', 520]], 57, 112),
      ...line(['1.02', ['Belanja', 120], 'Barang', 'dan', 'Jasa', ['800.000', 340], ['760.000', 430], ['95,00', 520]], 57, 124),
      ...line(['1.03', ['Belanja', 120], 'Modal', ['300.000', 340], ['299.000', 430], ['99,67', 520]], 57, 136),
    ];
    const tables = findStreamTables(page(words), new Set(), []);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.nCols).toBe(5);
    expect(tables[0]!.nRows).toBe(4);
    const pl = layoutPage(page(words));
    const t = pl.tables[0]!;
    expect(t.headerCount).toBe(1);
    expect(t.rows[2]!.cells.map((c) => c.text)).toEqual(['1.02', 'Belanja Barang dan Jasa', '800.000', '760.000', '95,00']);
  });

  it('splits a row of figures whose every gap is a column gap, however narrow', () => {
    // Gaps of 16–20 pt at 10 pt type, as LibreOffice sets right-aligned amounts: each is a column.
    const words = [
      ...line(['Pagu', ['Realisasi', 160], ['%', 245], ['Sisa', 266]], 57, 100),
      ...line(['1.357.900.300', ['1.303.398.418', 140], ['95,99', 225], ['54', 266]], 57, 112),
      ...line(['1.294.050.300', ['1.240.172.918', 140], ['95,84', 225], ['53', 266]], 57, 124),
      ...line(['1.801.705.300', ['1.733.657.668', 140], ['96,22', 225], ['68', 266]], 57, 136),
    ];
    const [t] = findStreamTables(page(words), new Set(), []);
    expect(t?.nCols).toBe(4);
  });

  it('leaves justified prose alone', () => {
    // Every gap stretched alike, one of them a little wider: still one chunk per line.
    const words: Word[] = [];
    for (let k = 0; k < 6; k++) words.push(...line(['Capaian', 'kinerja', 'tahun', 'ini', 'menunjukkan', 'peningkatan', 'yang', 'cukup', 'berarti'], 57, 100 + k * 12, 6 + (k % 2)));
    expect(findStreamTables(page(words), new Set(), [])).toEqual([]);
    expect(layoutPage(page(words)).paragraphs).toHaveLength(1);
  });
});

describe('stream tables: headers with group labels, captions and prose around them', () => {
  /** A header band of three lines: a group spanning two sub-columns, a short group centred over three, a wrapped label. */
  const header = (): Word[] => [
    ...line(['No', ['Sasaran', 80], ['Satuan', 170], ['Tahun', 262], '2021', ['Renstra', 390], '2019-2023'], 57, 100),
    ...line([['Strategis', 80]], 57, 110),
    ...line([['Target', 220], ['Realisasi', 270], ['Capaian', 325], ['Target', 390], ['Capaian', 450]], 57, 120),
  ];
  const body = (y: number, no: string, t: string, r: string, c: string, rt: string, rc: string): Word[] =>
    line([no, ['Meningkatnya', 80], ['nilai', 170], [t, 225], [r, 275], [c, 330], [rt, 395], [rc, 455]], 57, y);

  it('a group label spans its sub-columns, a centred one covers the run under it, a wrapped label stays whole', () => {
    const words = [...header(), ...body(140, '1', '73', '74,14', '101,56', '78', '95,05'), ...body(155, '2', '13', '12', '92,31', '14', '85,71'), ...body(170, '3', '62', '60,81', '98,08', '67', '90,76')];
    const t = layoutPage(page(words)).tables[0]!;
    expect(columnLabels(t.rows, t.headerCount, t.nCols)).toEqual(['No', 'Sasaran Strategis', 'Satuan', 'Tahun 2021 / Target', 'Tahun 2021 / Realisasi', 'Tahun 2021 / Capaian', 'Renstra 2019-2023 / Target', 'Renstra 2019-2023 / Capaian']);
    expect(t.rows.slice(t.headerCount)[0]!.cells.map((c) => c.text)).toEqual(['1', 'Meningkatnya', 'nilai', '73', '74,14', '101,56', '78', '95,05']);
  });

  /** Words at the given x ranges on one line (8 pt type, as a small table's). */
  const at = (y: number, ws: Array<[string, number, number]>): Word[] => ws.map(([text, x0, x1]) => ({ text, bbox: [x0, y, x1, y + 8.9], size: 8, ocr: false }));
  it.each([
    {
      name: 'a group label ending over a column gap and a label starting in it make one boundary, not an empty column',
      // "Tahun 2021" ends over the gap between the realisasi and capaian figures, where "% Capaian"
      // begins; "Renstra 2021-2026" (a span of years, not a figure) groups the last two.
      header: [
        ...at(216.2, [['Tahun', 325.5, 349.1], ['2021', 351.3, 369.4], ['Renstra', 418.5, 447.7], ['2021-2026', 449.9, 488.7]]),
        ...at(227.7, [['No', 61.6, 72.3], ['Indikator', 150.2, 183.7], ['Satuan', 244.4, 271.1], ['Predikat', 500.5, 532]]),
        ...at(234.7, [['Target', 288.1, 312.6], ['Realisasi', 324.2, 358.9], ['%', 368.5, 375.6], ['Capaian', 377.9, 409], ['Target', 420.1, 444.6], ['Capaian', 457, 488.1]]),
      ],
      row: (y: number, i: number): Word[] => at(y, [[`${i + 1}.`, 63.6, 70.2], ['Nilai', 150.2, 167.5], ['nilai', 250.6, 264.8], ['68', 310.4, 319.3], ['73.9', 348.4, 363.9], ['108.68', 389, 413.4], ['74', 442.4, 451.3], ['99.86', 473.8, 493.8], ['Baik', 510, 525]]),
      expect: ['No', 'Indikator', 'Satuan', 'Tahun 2021 / Target', 'Tahun 2021 / Realisasi', 'Tahun 2021 / % Capaian', 'Renstra 2021-2026 / Target', 'Renstra 2021-2026 / Capaian', 'Predikat'],
    },
    {
      name: 'beside a group, a label whose first word reaches over the column before it is its own column\'s, whole',
      // "Sisa Anggaran (Rp)" starts over the end of the % figures; its middle is over the sisa figures.
      header: [
        ...at(426.4, [['Pagu', 256.3, 273.5], ['Anggaran', 275.5, 307.1], ['(Rp)', 309.1, 323.8]]),
        ...at(428.8, [['Realisasi', 363.4, 395.6], ['Anggaran', 397.5, 428.3], ['Capaian', 436.7, 463.8]]),
        ...at(432.8, [['Uraian', 127.3, 149], ['Sisa', 471.6, 487.2], ['Anggaran', 489.2, 520], ['(Rp)', 522, 536.4]]),
        ...at(436.8, [['(Rp)', 388.8, 402.7], ['(%)', 444.8, 455.6]]),
        ...at(439.2, [['Murni', 245.3, 264.3], ['Perubahan', 307.3, 343.4]]),
      ],
      row: (y: number, i: number): Word[] => at(y, [['Program', 56.8, 93.1], [`${i + 1}`, 95, 100], ['6,200,825,900', 245.4, 290], ['5,943,223,400', 315.9, 360.5], ['5,376,732,349', 386.4, 431], ['90.47', 452, 469.5], ['566,491,051', 499.9, 538.7]]),
      expect: ['Uraian', 'Pagu Anggaran (Rp) / Murni', 'Pagu Anggaran (Rp) / Perubahan', 'Realisasi Anggaran (Rp)', 'Capaian (%)', 'Sisa Anggaran (Rp)'],
    },
    {
      name: 'a group over labels two lines down, beside a label line between them whose first word reaches back a column',
      // No rules; "% Realisasi Sisa Anggaran (Rp)" is one line of two labels a little more than a
      // word space apart, the '%' over the realisasi column's edge, set half a line below the group.
      header: [
        ...at(334.4, [['Program/Kegiatan/Sub', 152.6, 238.7], ['Anggaran', 303.6, 339.8], ['(Rp)', 342.2, 359.1]]),
        ...at(339, [['Kode', 88, 107.9], ['%', 414.4, 421.1], ['Realisasi', 423.3, 458.4], ['Sisa', 463.4, 481.3], ['Anggaran', 483.5, 518.8], ['(Rp)', 521, 537.5]]),
        ...at(343.6, [['Kegiatan', 178, 210], ['Pagu', 282.1, 301.6], ['Realisasi', 353.5, 388.2]]),
      ],
      row: (y: number, i: number): Word[] => at(y, [[`4.01.0${i + 1}`, 57, 90], ['Program', 139, 170], ['6.925.827.200', 265, 331], ['6.367.061.517', 344, 410], ['91,93', 440, 460], ['558.765.683', 489, 539]]),
      expect: ['Kode', 'Program/Kegiatan/Sub Kegiatan', 'Anggaran (Rp) / Pagu', 'Anggaran (Rp) / Realisasi', '% Realisasi', 'Sisa Anggaran (Rp)'],
    },
  ])('$name', ({ header, row, expect: labels }) => {
    // Twelve rows: enough lines that a header label alone never closes a column gap.
    const top = Math.max(...header.map((w) => w.bbox[3])) + 4;
    const words = [...header, ...Array.from({ length: 12 }, (_, i) => row(top + 12 * i, i)).flat()];
    const t = layoutPage(page(words)).tables[0]!;
    expect(columnLabels(t.rows, t.headerCount, t.nCols)).toEqual(labels);
  });

  it('a row rule broken off beside a sasaran spanning two rows is a column edge, though the sasaran runs close to the indicators, and the sasaran one cell over both', () => {
    const row = (y: number, ws: Array<[string, number, number]>) => at(y, ws);
    const words = [
      ...row(279.4, [['No', 64.4, 76.4], ['Sasaran', 114.1, 148.3], ['Strategis', 150.8, 190.1], ['Indikator', 280.7, 318], ['Kinerja', 320.5, 351.6], ['Satuan', 428.7, 458.7], ['Target', 493.2, 520.7]]),
      ...row(292.5, [['1.', 66.6, 74.1], ['Meningkatnya', 83.9, 138.9], ['kualitas', 141.3, 173], ['Nilai', 220.2, 240.2], ['SAKIP', 242.6, 271], ['Perangkat', 273.3, 312.6], ['Daerah', 315, 342.3], ['nilai', 435.7, 451.7], ['68', 528.8, 538.8]]),
      ...row(302.9, [['penyelenggaraan', 83.9, 152.7], ['pemerintahan', 155.1, 211]]),
      ...row(305.4, [['2.', 66.6, 74.1], ['Rata-rata', 220.2, 257.4], ['waktu', 259.8, 284], ['penyelesaian', 286.4, 338.3], ['layanan', 340.6, 371.1], ['PATEN', 373.5, 405.8], ['hari', 436.2, 451.2], ['2', 533.8, 538.8]]),
      ...row(313.2, [['di', 83.9, 91.6], ['tingkat', 94, 121.6], ['kecamatan', 124, 166.4]]),
      ...row(326.1, [['3.', 66.6, 74.1], ['Meningkatnya', 83.9, 141.3], ['ketenteraman', 143.7, 198.5], ['dan', 201, 215], ['Jumlah', 220.2, 251.9], ['pengaduan', 254.3, 296.7], ['masyarakat', 299.1, 346.2], ['yang', 348.6, 367.5], ['belum', 369.9, 394.9], ['pengaduan', 421.1, 466.1], ['3', 533.8, 538.8]]),
      ...row(336.4, [['ketertiban', 83.9, 123.3], ['umum', 125.6, 149.2], ['di', 151.6, 159.2], ['wilayah', 161.5, 193], ['ditindaklanjuti', 220.2, 274.7]]),
      ...row(346.8, [['kecamatan', 83.9, 127.9]]),
      ...row(359.6, [['4.', 66.6, 74.1], ['Meningkatnya', 83.9, 140.1], ['kualitas', 142.4, 174.8], ['pelayanan', 177.2, 217], ['Persentase', 220.2, 266.4], ['desa/kelurahan', 268.9, 330.5], ['yang', 332.9, 351.8], ['%', 439.7, 447.7], ['76%', 520.8, 538.8]]),
      ...row(370, [['administrasi', 83.9, 134.7], ['terpadu', 137.1, 166.4], ['kecamatan', 168.7, 211.5], ['menyampaikan', 220.2, 281.9], ['laporan', 284.4, 314.9], ['penyelenggaraan', 317.3, 385.9]]),
      ...row(380.3, [['pemerintahan', 220.2, 274.2], ['tepat', 276.6, 296.8], ['waktu', 299.2, 323.8]]),
      ...row(393.2, [['5.', 66.6, 74.1], ['Meningkatnya', 83.9, 138.6], ['partisipasi', 140.9, 183], ['Persentase', 220.2, 265.7], ['desa', 268.1, 286.7], ['berstatus', 289.1, 326.5], ['maju', 328.9, 349], ['dan', 351.4, 365.3], ['mandiri', 367.7, 398.8], ['%', 439.7, 447.7], ['49.5%', 513.2, 538.7]]),
      ...row(403.5, [['masyarakat', 83.9, 131.7], ['dalam', 134.2, 159.5], ['pembangunan', 162, 217.5]]),
    ];
    const rules = [
      ...[276.7, 291.8, 325.45, 359.05, 392.55].map((pos) => ({ pos, a: 56.7, b: 538.6 })),
      // Not drawn under the first sasaran, which spans the first two rows.
      { pos: 304.75, a: 56.7, b: 83.8 },
      { pos: 304.75, a: 220.1, b: 538.6 },
    ];
    const [pt] = findStreamTables(page(words), new Set(), rules);
    const cell = (r: number, c: number) => pt!.cells.filter((x) => x.r0 === r && x.c0 === c).flatMap((x) => x.words.map((w) => w.text)).join(' ');
    const header = Array.from({ length: pt!.nCols }, (_, c) => cell(0, c));
    const [sasaran, indikator] = [header.indexOf('Sasaran Strategis'), header.indexOf('Indikator Kinerja')];
    expect(sasaran).toBeGreaterThan(0);
    expect(indikator).toBe(sasaran + 1);
    expect(cell(3, sasaran)).toBe('Meningkatnya ketenteraman dan ketertiban umum di wilayah kecamatan');
    expect(cell(3, indikator)).toBe('Jumlah pengaduan masyarakat yang belum ditindaklanjuti');
    // The first sasaran is one cell over the first two rows; the row numbers stay apart.
    const first = pt!.cells.find((x) => x.r0 === 1 && x.c0 === sasaran)!;
    expect([first.r1, first.words.map((w) => w.text).join(' ')]).toEqual([3, 'Meningkatnya kualitas penyelenggaraan pemerintahan di tingkat kecamatan']);
    expect([cell(1, 0), cell(2, 0)]).toEqual(['1.', '2.']);
  });

  it('groups over groups: "Kinerja" centred over "Tahun 2021" and "Renstra 2019-2023", each over its own sub-columns', () => {
    const words = [
      // A bold header of four lines (read as one band).
      ...[
        ...line(['No', ['Sasaran', 80], ['Satuan', 170], ['Kinerja', 335], ['Predikat', 500]], 57, 90),
        ...line([['Strategis', 80], ['Tahun', 262], '2021', ['Renstra', 390], '2019-2023'], 57, 101),
        ...line([['Target', 220], ['Realisasi', 270], ['Capaian', 325], ['Target', 390], ['Capaian', 450]], 57, 112),
        ...line([['Akhir', 393]], 57, 123),
      ].map((w) => ({ ...w, bold: true })),
      ...[140, 155, 170].flatMap((y, i) => [...body(y, String(i + 1), '73', '74,14', '101,56', '78', '95,05'), ...line([['Baik', 505]], 57, y)]),
    ];
    const t = layoutPage(page(words)).tables[0]!;
    expect(t.headerCount).toBe(3);
    expect(columnLabels(t.rows, t.headerCount, t.nCols)).toEqual([
      'No',
      'Sasaran Strategis',
      'Satuan',
      'Kinerja / Tahun 2021 / Target',
      'Kinerja / Tahun 2021 / Realisasi',
      'Kinerja / Tahun 2021 / Capaian',
      'Kinerja / Renstra 2019-2023 / Target Akhir',
      'Kinerja / Renstra 2019-2023 / Capaian',
      'Predikat',
    ]);
    expect(t.rows.slice(t.headerCount)[0]!.cells.map((c) => c.text)).toEqual(['1', 'Meningkatnya', 'nilai', '73', '74,14', '101,56', '78', '95,05', 'Baik']);
  });

  it('"Rp." set apart from its amount: two amounts side by side are still two columns', () => {
    const amounts = (y: number, no: string, pagu: string, real: string, pct: string): Word[] => [
      ...line([no, ['Program', 80]], 57, y),
      // Amounts right-aligned, each with its "Rp." set apart at the column's left.
      ...line([['Rp.', 200], [pagu, 285 - pagu.length * 5], ['Rp.', 289], [real, 375 - real.length * 5]], 57, y),
      ...line([[pct, 420]], 57, y),
    ];
    const words = [
      ...line(['No', ['Uraian', 80], ['Anggaran', 230], ['Capaian', 415]], 57, 90),
      ...line([['Pagu', 220], ['Realisasi', 300], ['(%)', 425]], 57, 101),
      ...amounts(120, 'I', '8.620.630.800', '8.125.093.161', '94,25'),
      ...amounts(135, '1.', '329.797.800', '305.217.769', '92,55'),
      ...amounts(150, 'a.', '152.250.200', '130.079.797', '85,44'),
      ...amounts(165, 'b.', '177.547.600', '175.137.972', '98,64'),
    ];
    const t = layoutPage(page(words)).tables[0]!;
    const body = t.rows.slice(t.headerCount);
    expect(body.map((r) => r.cells.map((c) => c.text).filter(Boolean))).toContainEqual(['I', 'Program', 'Rp. 8.620.630.800', 'Rp. 8.125.093.161', '94,25']);
  });

  it('the last row\'s label broken at a hyphen ("Rata-" over "rata") stays in the table', () => {
    const words = [...header(), ...body(140, '1', '73', '74,14', '101,56', '78', '95,05'), ...body(155, '2', '13', '12', '92,31', '14', '85,71'), ...body(170, '3', '62', '60,81', '98,08', '67', '90,76'), ...line(['Rata-', ['97,32', 330]], 57, 185), ...line(['rata'], 57, 196)];
    const { tables, paragraphs } = layoutPage(page(words));
    const t = tables[0]!;
    expect(t.rows[t.rows.length - 1]!.cells.map((c) => c.text)).toEqual(['Rata-rata', '', '', '', '', '97,32', '', '']);
    expect(paragraphs.map((p) => p.text)).not.toContain('rata');
  });

  it('a range target among single figures stays one column; a percent sign set apart stays with its figure, not with the predikat beside it', () => {
    const row = (y: number, no: string, target: Array<string | [string, number]>, real: string, cap: string, pred: string[]): Word[] => [
      ...line([no, ['Indikator', 80], 'kinerja'], 57, y),
      ...line(target, 57, y),
      ...line([[real, 330 - real.length * 5]], 57, y),
      ...line([[cap, 400 - cap.length * 5], '%', ...pred], 57, y),
    ];
    const words = [
      ...line(['No', ['Indikator', 80], ['Target', 240], ['Realisasi', 290], ['%', 370], 'Capaian', ['Predikat', 430]], 57, 90),
      ...row(110, '1.', [['5', 270]], '6', '120,00', ['Sangat', 'Baik']),
      ...row(125, '2.', [['55,3', 255]], '48,92', '82,87', ['Baik']),
      ...row(140, '3.', [['84,0', 205], 's.d.', ['88,0', 255]], '74,46', '88,64', ['Baik']),
      ...row(155, '4.', [['60', 265]], '45,63', '76,05', ['Cukup']),
    ];
    const t = layoutPage(page(words)).tables[0]!;
    expect(columnLabels(t.rows, t.headerCount, t.nCols)).toEqual(['No', 'Indikator', 'Target', 'Realisasi', '% Capaian', 'Predikat']);
    const body = t.rows.slice(t.headerCount).map((r) => r.cells.map((c) => c.text));
    expect(body[0]).toEqual(['1.', 'Indikator kinerja', '5', '6', '120,00 %', 'Sangat Baik']);
    expect(body[2]).toEqual(['3.', 'Indikator kinerja', '84,0 s.d. 88,0', '74,46', '88,64 %', 'Baik']);
  });

  it('a label wrapped onto the line under the others is no group over its neighbours', () => {
    const words = [
      ...line([['Program/Kegiatan', 145], ['Realisasi', 330]], 57, 100),
      ...line(['Kode', ['Pagu', 260], ['Sisa', 420]], 57, 105),
      ...line([['Sub', 150], 'Kegiatan', ['(Rp)', 340]], 57, 110),
      ...line(['1.01', ['Program', 140], ['3.692.055.900', 240], ['3.181.282.290', 320], ['510.773.610', 410]], 57, 125),
      ...line(['1.02', ['Kegiatan', 140], ['833.595.300', 250], ['749.127.822', 330], ['84.467.478', 415]], 57, 140),
      ...line(['1.03', ['Sub', 140], ['442.999.700', 250], ['376.429.863', 330], ['66.569.837', 415]], 57, 155),
    ];
    const t = layoutPage(page(words)).tables[0]!;
    const labels = columnLabels(t.rows, t.headerCount, t.nCols);
    expect(labels[0]).toBe('Kode');
    expect(labels[1]).toBe('Program/Kegiatan Sub Kegiatan');
  });

  it('two figure columns printed too close to show a gap are split where every line leaves a strip', () => {
    const rows = [
      ['86,17', '510.773.610'],
      ['89,87', '84.467.478'],
      ['84,97', '66.569.837'],
    ];
    const words = [
      ...line(['Kode', ['Pagu', 150], ['%', 250], 'Sisa'], 57, 100),
      ...rows.flatMap(([p, s], i) => line([`1.0${i}`, [`${i + 1}00.000.000`, 140], [p!, 240], [s!, 240 + p!.length * 5 + 4]], 57, 115 + i * 15)),
    ];
    const t = layoutPage(page(words)).tables[0]!;
    const bodyRows = t.rows.slice(t.headerCount);
    expect(bodyRows.map((r) => r.cells.map((c) => c.text).slice(-2))).toEqual(rows);
  });

  it('two figure columns stay two when lines under a stamp hold misread bits of figures', () => {
    const words = [
      ...line(['No', ['Murni', 150], ['Perubahan', 230], ['Realisasi', 330]], 57, 100),
      ...line(['1', ['3.031.419.800', 140], ['3.183.926.300', 215], ['2.555.189.888', 320]], 57, 115),
      ...line(['2', ['923.742.300', 150], ['925.230.800', 225], ['814.544.530', 330]], 57, 130),
      ...line(['3', ['139.672.000', 150], ['129.585.400', 225], ['102.597.507', 330]], 57, 145),
      ...line(['4', ['165500', 175], ['63.084.381', 335]], 57, 160),
      ...line(['5', ['354896.300', 180], ['35.325.448', 335]], 57, 175),
      ...line(['6', ['13', 190], ['1', 200], ['27.8833', 335]], 57, 190),
    ];
    const t = layoutPage(page(words)).tables[0]!;
    expect(t.rows[1]!.cells.map((c) => c.text)).toEqual(['1', '3.031.419.800', '3.183.926.300', '2.555.189.888']);
  });

  it.each(['TABEL III.2 SKALA NILAI PERINGKAT KINERJA', 'Tabel II-4 Program', 'Tabel 3.1 Capaian'])('a caption line "%s" ends the table above it', (caption) => {
    const words = [
      ...line(['No', ['Indikator', 90], ['Target', 300]], 57, 100),
      ...line(['1', ['Nilai', 90], ['78', 305]], 57, 112),
      ...line(['2', ['Indeks', 90], ['80', 305]], 57, 124),
      ...line(['3', ['Jumlah', 90], ['12', 305]], 57, 136),
      ...line(caption.split(' '), 150, 148),
      ...line(['No', ['Interval', 90], ['Kriteria', 300]], 57, 162),
      ...line(['1', ['≥', 90], '91', ['Tinggi', 300]], 57, 174),
      ...line(['2', ['≤', 90], '50', ['Rendah', 300]], 57, 186),
      ...line(['3', ['≤', 90], '40', ['Kurang', 300]], 57, 198),
    ];
    expect(findStreamTables(page(words), new Set(), []).length).toBe(2);
  });

  it('a sentence in the body type after a table in smaller type ends it, even without a full stop on its line', () => {
    const small = (ws: Word[]): Word[] => ws.map((w) => ({ ...w, size: 8 }));
    const words = [
      ...small(line(['No', ['Indikator', 90], ['Target', 300]], 57, 100)),
      ...small(line(['1', ['Nilai', 90], ['78', 305]], 57, 110)),
      ...small(line(['2', ['Indeks', 90], ['80', 305]], 57, 120)),
      ...small(line(['3', ['Jumlah', 90], ['12', 305]], 57, 130)),
      ...line('Perbandingan realisasi kinerja tahun ini dengan tahun-tahun sebelumnya disajikan pada tabel'.split(' '), 57, 144),
      ...line(['berikut.'], 57, 157),
      ...small(line(['No', ['Indikator', 90], ['2022', 300]], 57, 172)),
      ...small(line(['1', ['Nilai', 90], ['76', 305]], 57, 182)),
      ...small(line(['2', ['Indeks', 90], ['81', 305]], 57, 192)),
    ];
    const tables = findStreamTables(page(words), new Set(), []);
    expect(tables.map((t) => t.nRows)).toEqual([4, 3]);
  });
});

describe('stream tables: rows without figures under a total', () => {
  it('a section label under a short total line opens a row of its own: the total had room for its first word', () => {
    /** 9 pt words at the given x ranges on one line. */
    const at = (y: number, ws: Array<[string, number, number]>): Word[] => ws.map(([text, x0, x1]) => ({ text, bbox: [x0, y, x1, y + 10], size: 9, ocr: false }));
    const words = [
...at(411.8, [['No', 66, 77], ['Program', 233.2, 267.7], ['Pagu', 436.7, 457.1], ['Anggaran', 459.5, 496.8], ['(Rp)', 499.2, 516.7]]),
      ...at(422.2, [['Sasaran:', 86.1, 120.8], ['Meningkatnya', 123.1, 178.5], ['partisipasi', 180.8, 223.5], ['masyarakat', 225.8, 271], ['dalam', 273.4, 297.4], ['pembangunan', 299.8, 352.3]]),
      ...at(432.5, [['1.', 68.1, 74.9], ['Program', 86.1, 116.7], ['Penyelenggaraan', 118.9, 180], ['Pemerintahan', 182.1, 232.1], ['dan', 234.2, 246.6], ['Pelayanan', 248.8, 286.4], ['Publik', 288.5, 312.4], ['Rp744.112.000,00', 472, 538.7]]),
      ...at(442.9, [['2.', 68.1, 74.9], ['Program', 86.1, 117.4], ['Koordinasi', 119.6, 159.6], ['Ketentraman', 161.8, 208.7], ['dan', 210.9, 223.6], ['Ketertiban', 225.8, 264.4], ['Umum', 266.6, 290.6], ['Rp283.619.200,00', 472, 538.7]]),
      ...at(453.2, [['Sub', 86.1, 100.9], ['Jumlah', 103.2, 132.4], ['Rp1.027.731.200,00', 464.3, 538.8]]),
      ...at(463.6, [['Sasaran:', 86.1, 120.7], ['Meningkatnya', 123.1, 178.3], ['kualitas', 180.7, 212.6], ['penyelenggaraan', 214.9, 279.8], ['pemerintahan', 282.1, 334.9], ['di', 337.2, 344.8], ['tingkat', 347.2, 374.5]]),
      ...at(473.9, [['kecamatan', 86.1, 128.1]]),
      ...at(484.3, [['3.', 68.1, 74.9], ['Program', 86.1, 117.1], ['Pemberdayaan', 119.2, 172.3], ['Masyarakat', 174.5, 217.3], ['Desa', 219.5, 237.9], ['dan', 240.1, 252.6], ['Kelurahan', 254.8, 291.4], ['Rp765.104.900,00', 472, 538.7]]),
      ...at(494.6, [['Sub', 86.1, 100.9], ['Jumlah', 103.2, 132.4], ['Rp765.104.900,00', 471, 538.7]]),
      ...at(505, [['Sasaran:', 86.1, 120.8], ['Meningkatnya', 123.2, 178.6], ['ketenteraman', 181, 233.9], ['dan', 236.2, 249.8], ['ketertiban', 252.1, 291.8], ['umum', 294.1, 317.9], ['di', 320.2, 327.9], ['wilayah', 330.2, 361.9], ['kecamatan', 364.3, 406.4]]),
      ...at(515.3, [['4.', 68.1, 74.9], ['Program', 86.1, 117.2], ['Penunjang', 119.3, 157.5], ['Urusan', 159.6, 185.2], ['Pemerintahan', 187.4, 238.1], ['Daerah', 240.3, 265.8], ['Kabupaten/kota', 268, 324.4], ['Rp8.592.259.300,00', 465.3, 538.8]]),
      ...at(525.7, [['Sub', 86.1, 100.9], ['Jumlah', 103.2, 132.4], ['Rp8.592.259.300,00', 464.3, 538.8]]),
    ];
    const [pt] = findStreamTables(page(words), new Set(), []);
    const rowText = (r: number) => pt!.cells.filter((x) => x.r0 === r).sort((a, b) => a.c0 - b.c0).map((x) => x.words.map((w) => w.text).join(' '));
    const rows = Array.from({ length: pt!.nRows }, (_, r) => rowText(r));
    // Each "Sub Jumlah" keeps its amount in the amount column, and the next sasaran is a row of its own.
    const subs = rows.filter((r) => r.some((c) => c === 'Sub Jumlah'));
    expect(subs.map((r) => r[r.length - 1])).toEqual(['Rp1.027.731.200,00', 'Rp765.104.900,00', 'Rp8.592.259.300,00']);
    expect(rows.filter((r) => r.some((c) => /^Sasaran: Meningkatnya (kualitas|ketenteraman)/.test(c))).length).toBe(2);
  });
});

describe('stream tables: a figure touching the label of the next cell', () => {
  it('"110,00%" set against "Sangat Tinggi" is two cells, the figure and the predikat', () => {
    const words = [
      ...line(['No', ['Indikator', 90], ['Capaian', 330], ['Predikat', 385]], 57, 100),
      ...line(['1', ['Nilai', 90], ['110,00%', 330], ['Sangat', 365], 'Tinggi'], 57, 112, 2),
      ...[2, 3, 4, 5, 6, 7, 8, 9, 10].flatMap((n) => line([String(n), ['Indeks', 90], ['80,91%', 335], ['Tinggi', 385]], 57, 112 + (n - 1) * 12)),
    ];
    const t = layoutPage(page(words)).tables[0]!;
    expect(t.rows[1]!.cells.map((c) => c.text)).toEqual(['1', 'Nilai', '110,00%', 'Sangat Tinggi']);
  });
});

describe('stream tables: ranges are one cell', () => {
  it('"76 - 90" in a scale table stays one cell, not two figure columns', () => {
    const words = [
      ...line(['No', ['Interval', 120], ['Kriteria', 300]], 57, 100),
      ...line(['1', ['≥', 130], '91', ['Sangat', 300], 'Tinggi'], 57, 112),
      ...line(['2', ['76', 125], '-', '90', ['Tinggi', 300]], 57, 124),
      ...line(['3', ['66', 125], '-', '75', ['Sedang', 300]], 57, 136),
      ...line(['4', ['51', 125], '-', '65', ['Rendah', 300]], 57, 148),
      ...line(['5', ['≤', 130], '50', ['Sangat', 300], 'Rendah'], 57, 160),
    ];
    const t = layoutPage(page(words)).tables[0]!;
    expect(t.rows.map((r) => r.cells[1]!.text)).toEqual(['Interval', '≥ 91', '76 - 90', '66 - 75', '51 - 65', '≤ 50']);
  });
});

describe('stream tables: narrow columns beside figures, wrapped sasaran beside row numbers', () => {
  /** Rows of a capaian table set tight: '1.' against its sasaran, '125.00' against its predikat. */
  const rows = (wrapLines: number): Word[] => {
    const out: Word[] = [...line(['No', ['Sasaran', 75], ['Indikator', 160], ['Capaian', 300], ['Predikat', 338]], 57, 100)];
    let y = 112;
    const data = [
      ['1.', 'Meningkatnya', 'Rata-rata', '125.00', 'Sangat Baik'],
      ['2.', 'Meningkatnya', 'Persentase', '84.84', 'Baik'],
      ['3.', 'Meningkatnya', 'Indeks', '83.65', 'Baik'],
      ['4.', 'Meningkatnya', 'Jumlah', '112.51', 'Sangat Baik'],
    ];
    for (const [no, sasaran, ind, cap, pred] of data) {
      out.push(...line([no!, [sasaran!, 70], [ind!, 160], [cap!, 305], ...pred!.split(' ').map((t, k) => (k === 0 ? ([t, 338] as [string, number]) : t))], 57, y));
      y += 11;
      for (let k = 0; k < wrapLines; k++, y += 11) out.push(...line([['pelayanan', 70]], 57, y));
    }
    return out;
  };

  it('a row number set against its sasaran and a capaian against its predikat are cells of their own', () => {
    const t = layoutPage(page(rows(0))).tables[0]!;
    expect(t.rows[1]!.cells.map((c) => c.text)).toEqual(['1.', 'Meningkatnya', 'Rata-rata', '125.00', 'Sangat Baik']);
  });

  it('three and more wrapped lines of a sasaran right of its row number keep the table whole', () => {
    const tables = findStreamTables(page(rows(3)), new Set(), []);
    expect(tables.map((t) => t.nRows)).toEqual([5]);
  });
});

