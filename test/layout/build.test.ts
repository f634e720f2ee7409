import { describe, expect, it } from 'vitest';
import { cellText, columnLabels, detectHeaderRows, draftFromPageTable, finalizeTable, isNumberingRow, minConf, type DraftRow } from '../../src/layout/build.js';
import type { PageTable } from '../../src/layout/lattice.js';
import { asPrinted, joinLines, mergeRules, toLines } from '../../src/layout/geometry.js';
import { rotate } from '../../src/ingest/deskew.js';
import type { Rule, Word } from '../../src/model/document.js';
import type { BBox } from '../../src/model/geometry.js';

/** A word at (x, y) of the given width, 10 pt type. */
function w(text: string, x: number, y: number, width = text.length * 5, bold = false): Word {
  return { text, bbox: [x, y, x + width, y + 11], size: 10, ocr: false, ...(bold ? { bold } : {}) };
}

function row(texts: string[], opts: { spans?: Record<number, number> } = {}): DraftRow {
  return {
    page: 1,
    cells: texts.map((text, c) => ({ text, page: 1, bbox: [c * 50, 0, c * 50 + 50, 10], rowSpan: 1, colSpan: opts.spans?.[c] ?? 1 })),
  };
}

describe('joinLines', () => {
  it.each([
    ['Persentase penduduk', 'wajib KTP', 'Persentase penduduk wajib KTP'],
    ['sesuai peraturan perundang-', 'undangan yang berlaku', 'sesuai peraturan perundang-undangan yang berlaku'],
    ['langkah-', 'langkah strategis', 'langkah-langkah strategis'],
    ['Dokumen RKA-', 'SKPD', 'Dokumen RKA-SKPD'],
    ['periode 2021-', '2026', 'periode 2021-2026'],
    ['usia 0-', '18 tahun', 'usia 0-18 tahun'],
    ['kualitas pelaya-', 'nan publik', 'kualitas pelayanan publik'],
    ['', 'first', 'first'],
  ])('%j + %j → %j', (a, b, out) => {
    expect(joinLines(a, b)).toBe(out);
  });
});

describe('cellText', () => {
  it('joins the lines of a wrapped cell with single spaces', () => {
    const words = [w('Persentase', 10, 0), w('fasilitas', 65, 0), w('pelayanan', 10, 12), w('kesehatan', 62, 12)];
    expect(cellText(words, [5, 120])).toBe('Persentase fasilitas pelayanan kesehatan');
  });

  it('rejoins a word the renderer broke because it did not fit the column', () => {
    // "CAPAIA" fills the inner width of a 36 pt cell; "N" is its tail.
    const words = [w('CAPAIA', 9.6, 0, 27.2), w('N', 20.7, 8, 5), w('KINERJA', 7.4, 16, 31.4)];
    expect(cellText(words, [4.9, 41.3])).toBe('CAPAIAN KINERJA');
    const lower = [w('Progra', 8, 0, 21), w('m', 15.6, 8, 5.8)];
    expect(cellText(lower, [4, 33])).toBe('Program');
    const number = [w('9.602.274.749,0', 3, 0, 60), w('0', 3, 12, 5)];
    expect(cellText(number, [0, 66])).toBe('9.602.274.749,00');
  });

  it('keeps a space before a short word that wrapped normally', () => {
    // A line with room to spare, a real word, or a change of case is not a broken word.
    expect(cellText([w('Pelayanan', 5, 0, 40), w('di', 5, 12, 8)], [0, 50])).toBe('Pelayanan di');
    expect(cellText([w('Kegiatan', 5, 0, 36), w('Sub', 5, 12, 14)], [0, 46])).toBe('Kegiatan Sub');
    expect(cellText([w('Indeks', 5, 0, 28), w('ini', 5, 12, 10)], [0, 120])).toBe('Indeks ini');
    expect(cellText([w('Kinerja', 5, 0, 28), w('an', 5, 12, 10)])).toBe('Kinerja an');
  });
});

describe('isNumberingRow', () => {
  it.each([
    [['1', '2', '3', '4', '5'], true],
    [['(1)', '(2)', '(3)'], true],
    [['2', '3', '4'], true],
    [['1', '2', '4'], false],
    [['1', 'Dokumen', '3'], false],
    [['5', '6', '7'], false],
    [['2022', '2023'], false],
  ])('%j → %s', (texts, yes) => {
    expect(isNumberingRow(row(texts))).toBe(yes);
  });
});

describe('detectHeaderRows', () => {
  it('takes a label row as the header and a figures row as data', () => {
    expect(detectHeaderRows([row(['No', 'Indikator', 'Target', 'Realisasi']), row(['1', 'IKM', '88', '93,05'])])).toBe(1);
  });

  it('takes no header when the first row holds figures', () => {
    expect(detectHeaderRows([row(['1', 'IKM', '88', '93,05']), row(['2', 'IKK', '75', '80,10'])])).toBe(0);
  });

  it('extends the header over a split label and a numbering row', () => {
    const top = row(['INDIKATOR', 'KINERJA', '', '', 'ANGGARAN', '', ''], { spans: { 1: 3, 4: 3 } });
    top.cells[0]!.rowSpan = 2;
    for (const c of [2, 3, 5, 6]) top.cells[c]!.cover = { row: 0, col: c < 4 ? 1 : 4 };
    const second = row(['', 'TARGET', 'REALISASI', 'CAPAIAN %', 'ALOKASI', 'REALISASI', 'CAPAIAN']);
    second.cells[0]!.cover = { row: 0, col: 0 };
    const numbering = row(['1', '2', '3', '4', '5', '6', '7']);
    const data = row(['IKM', '98%', '97,45%', '99,44', '256.480.000', '249.312.750', '97,21%']);
    const rows = [top, second, numbering, data];
    expect(detectHeaderRows(rows)).toBe(3);
    expect(columnLabels(rows, 3, 7)).toEqual([
      'INDIKATOR',
      'KINERJA / TARGET',
      'KINERJA / REALISASI',
      'KINERJA / CAPAIAN %',
      'ANGGARAN / ALOKASI',
      'ANGGARAN / REALISASI',
      'ANGGARAN / CAPAIAN',
    ]);
  });

  it('reads years as header labels, not figures', () => {
    expect(detectHeaderRows([row(['Indikator', '2022', '2023']), row(['IKM', '88', '93,05'])])).toBe(1);
  });

  it.each([
    {
      name: 'a year over one column, the labels a line lower, figures below: both are header',
      rows: [['', '', '', '', '2024', '', '', '', ''], ['No', 'Sasaran Strategis', 'Indikator Kinerja', 'Satuan', 'Realisasi', 'Target', 'Realisasi', 'Capaian (%)', 'Predikat'], ['a.', 'Meningkatnya kualitas', 'Nilai MCP', 'nilai', '101.08', '90', '100.15', '111.28', 'Rendah']],
      header: 2,
    },
    {
      name: 'a full label row first: the row of names under it is data',
      rows: [['No', 'Sasaran', 'Indikator'], ['a.', 'Meningkatnya kualitas', 'Nilai MCP'], ['b.', 'Meningkatnya kapabilitas', 'Level APIP']],
      header: 1,
    },
    {
      name: 'a sparse first row over a row of names with no figures anywhere below: no label row is proved',
      rows: [['', 'Sasaran', ''], ['Meningkatnya kualitas', 'Nilai MCP', 'nilai'], ['Meningkatnya kapabilitas', 'Level APIP', 'level']],
      header: 1,
    },
  ])('$name', ({ rows, header }) => {
    expect(detectHeaderRows(rows.map((r) => row(r)))).toBe(header);
  });
});

describe('geometry', () => {
  it('merges Chromium-style rule pieces into one segment per line', () => {
    const pieces: Rule[] = [0, 100, 200].map((x) => ({ x0: x, y0: 50.2, x1: x + 100, y1: 50.2, orientation: 'h', thickness: 0.75 }));
    pieces.push({ x0: 0, y0: 90, x1: 120, y1: 90, orientation: 'h', thickness: 0.75 }, { x0: 180, y0: 90.4, x1: 300, y1: 90.4, orientation: 'h', thickness: 0.75 });
    const segs = mergeRules(pieces, 'h');
    expect(segs.map((s) => [Math.round(s.pos), s.a, s.b])).toEqual([
      [50, 0, 300],
      [90, 0, 120],
      [90, 180, 300],
    ]);
  });

  it('groups words into lines by their vertical band', () => {
    const lines = toLines([w('b', 40, 0.5), w('a', 10, 0), w('c', 10, 14)]);
    expect(lines.map((l) => l.words.map((x) => x.text).join(' '))).toEqual(['a b', 'c']);
  });
});

describe('year rows and group labels in borderless headers', () => {
  it('a row of years under the header is a header row, and the group label over one year column spreads to the run', () => {
    const rows = [
      row(['No', 'Indikator Kinerja', 'Satuan', '', 'Realisasi', '']),
      row(['', '', '', '2021', '2022', '2023']),
      row(['1.', 'Nilai SAKIP', 'nilai', '66,78', '76,64', '82,08']),
      row(['2.', 'Indeks Kepuasan', 'nilai', '80,10', '81,20', '83,00']),
    ];
    const h = detectHeaderRows(rows);
    expect(h).toBe(2);
    expect(columnLabels(rows, h, 6).slice(3)).toEqual(['Realisasi / 2021', 'Realisasi / 2022', 'Realisasi / 2023']);
  });
  it('a group label read into the same cell as its middle year spreads to the run too', () => {
    const rows = [
      row(['No', 'Indikator Kinerja', 'Satuan', '2021', 'Realisasi 2022', '2023']),
      row(['1.', 'Nilai SAKIP', 'nilai', '66,78', '76,64', '82,08']),
    ];
    expect(columnLabels(rows, 1, 6).slice(3)).toEqual(['Realisasi / 2021', 'Realisasi 2022', 'Realisasi / 2023']);
  });
  it('a year label beside other labels stays its own', () => {
    const rows = [row(['No', 'Indikator', 'Target 2023', 'Realisasi 2023', 'Capaian']), row(['1', 'Jumlah sekolah', '12', '13', '108,33'])];
    expect(columnLabels(rows, 1, 5)).toEqual(['No', 'Indikator', 'Target 2023', 'Realisasi 2023', 'Capaian']);
  });
  it('a body row of figures is not a year row', () => {
    const rows = [row(['No', 'Indikator', 'Target']), row(['1', 'Jumlah sekolah', '2024']), row(['2', 'Jumlah desa', '2030'])];
    expect(detectHeaderRows(rows)).toBe(1);
  });
});

/** A ruled grid of two columns 100 pt wide and two rows between the `ys`, its cells' words row by row. */
function grid(words: Word[][], ys = [0, 20, 40]): PageTable {
  return {
    page: 3,
    method: 'lattice',
    bbox: [0, 0, 200, ys[2]!],
    nRows: 2,
    nCols: 2,
    colX: [0, 100, 200],
    used: new Set(),
    cells: words.map((ws, i) => {
      const [r, c] = [Math.floor(i / 2), i % 2];
      return { r0: r, r1: r + 1, c0: c, c1: c + 1, bbox: [c * 100, ys[r]!, c * 100 + 100, ys[r + 1]!], words: ws };
    }),
  };
}

describe('OCR confidence of a cell', () => {
  const ocrWord = (text: string, x: number, y: number, conf: number): Word => ({ ...w(text, x, y), ocr: true, conf });
  it('is the lowest of its words, carried to the finished table; text pages have none', () => {
    const page = grid([[ocrWord('Uraian', 2, 2, 95)], [ocrWord('Pagu', 102, 2, 93)], [ocrWord('Program', 2, 22, 88)], [ocrWord('1.234', 102, 22, 41), ocrWord('.500', 130, 22, 90)]]);
    const t = finalizeTable(draftFromPageTable(page, true), 't1');
    expect(t.rows[0]!.cells.map((c) => c.conf)).toEqual([88, 41]);
    const text = finalizeTable(draftFromPageTable(grid([[w('Uraian', 2, 2)], [w('Pagu', 102, 2)], [w('Program', 2, 22)], [w('1.234.500', 102, 22)]]), false), 't2');
    expect(text.rows[0]!.cells.map((c) => c.conf)).toEqual([undefined, undefined]);
  });
  it.each([
    [undefined, undefined, undefined],
    [70, undefined, 70],
    [undefined, 40, 40],
    [70, 40, 40],
  ])('joining cells of confidence %s and %s gives %s', (a, b, out) => {
    expect(minConf(a, b)).toBe(out);
  });
});

describe('the text box of a scanned cell', () => {
  const ocrWord = (text: string, x: number, y: number): Word => ({ ...w(text, x, y), ocr: true, conf: 90 });
  // The body row is 60 pt tall (a long name wraps in it), its figure printed on the first line only.
  const page = (words: Word[][]): PageTable => grid(words, [0, 20, 80]);

  it('is the box of the words read into the cell, not the grid cell, carried to the finished table', () => {
    const words = [[ocrWord('Uraian', 2, 2)], [ocrWord('Pagu', 150, 2)], [ocrWord('Penyusunan', 2, 22), ocrWord('dokumen', 2, 34), ocrWord('perencanaan', 2, 46)], [ocrWord('287.541', 140, 22), ocrWord('.300', 176, 22.5)]];
    const t = finalizeTable(draftFromPageTable(page(words), true), 't1');
    const figure = t.rows[0]!.cells[1]!;
    expect(figure.bbox).toEqual([100, 20, 200, 80]);
    expect(figure.textBox).toEqual([140, 22, 196, 33.5]);
    expect(t.rows[0]!.cells[0]!.textBox).toEqual([2, 22, 57, 57]);
    // A text page's cells have none: its figures are found in the page's own text.
    const text = finalizeTable(draftFromPageTable(page(words.map((ws) => ws.map((x) => ({ ...x, ocr: false })))), false), 't2');
    expect(text.rows[0]!.cells.map((c) => c.textBox)).toEqual([undefined, undefined]);
  });

  it('is placed on the page as printed by the mapping it is given', () => {
    const words = [[ocrWord('Uraian', 2, 2)], [ocrWord('Pagu', 150, 2)], [ocrWord('A', 2, 22)], [ocrWord('12', 150, 22)]];
    const shift = (b: BBox): BBox => [b[0] + 1, b[1] + 2, b[2] + 1, b[3] + 2];
    const t = finalizeTable(draftFromPageTable(page(words), true, shift), 't1');
    expect(t.rows[0]!.cells[1]!.textBox).toEqual([151, 24, 161, 35]);
    expect(t.rows[0]!.cells[1]!.bbox).toEqual([100, 20, 200, 80]);
  });

  it('asPrinted undoes the straightening a scan was read from', () => {
    // A page of 400 × 300 points at 72 dpi with a mark at (300, 50) and one at (40, 250),
    // straightened as OCR does; the marks found on the straightened page go back where they were printed.
    const [width, height, skew] = [400, 300, 1.5];
    const data = new Uint8Array(width * height).fill(255);
    const marks: Array<[number, number]> = [[300, 50], [40, 250]];
    for (const [x, y] of marks) for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) data[(y + dy) * width + x + dx] = 0;
    const straight = rotate({ width, height, data }, skew, 255);
    for (const [x, y] of marks) {
      let [sx, sy, n] = [0, 0, 0];
      for (let j = y - 15; j <= y + 15; j++) for (let i = x - 15; i <= x + 15; i++) if (straight.data[j * width + i]! < 128) [sx, sy, n] = [sx + i, sy + j, n + 1];
      const found: BBox = [sx / n, sy / n, sx / n, sy / n];
      // Moved by the straightening (up to 8 points here), and put back within a point.
      expect(Math.hypot(found[0] - x, found[1] - y)).toBeGreaterThan(3);
      const back = asPrinted(found, { width, height, skew });
      expect(Math.abs(back[0] - x)).toBeLessThan(1);
      expect(Math.abs(back[1] - y)).toBeLessThan(1);
    }
    expect(asPrinted([1, 2, 3, 4], { width, height })).toEqual([1, 2, 3, 4]);
  });
});
