import { describe, expect, it } from 'vitest';
import { alignRows, dice, tokens } from '../../evals/lib/align.js';
import {
  findCaption,
  isNumericCell,
  isSeparatorLine,
  isTocBlock,
  normaliseGoldCell,
  parseGoldTables,
  parseHtmlTable,
  type GoldTable,
} from '../../evals/lib/gold.js';
import {
  assignInOrder,
  bestMatch,
  candidateMatches,
  classifyMismatch,
  columnMap,
  compactText,
  countCells,
  isRecovered,
  locatePages,
  matchGrid,
  ocrTail,
  phraseCoverage,
  printedIn,
  tally,
  wordBag,
  type Grid,
} from '../../evals/lib/score.js';

const grid = (id: string, rows: string[][], page = 1): Grid => ({
  id,
  pages: [page],
  rows: rows.map((cells) => ({ page, cells, cellPages: cells.map(() => page) })),
});

const gold = (rows: string[][]): GoldTable => ({ id: 'g', line: 1, endLine: rows.length, kind: 'tsv', rows, skipped: 0 });

const SNIPPET = [
  'Untuk mendukung program tersebut, anggaran disajikan dalam tabel berikut:',
  '',
  'Tabel 2.5',
  '**Program kerja Kependudukan.**',
  '',
  'No.\tProgram\tAnggaran\t',
  '1.\tProgram <i>Pencatatan</i> Sipil\t<u>Rp. 99.356.000</u>\t',
  '----\t--\t------\t',
  'J U M L A H\t\tRp. 99.356.000\t',
  '',
  'Teks biasa.',
  '<table>',
  '<tr><th rowspan="2">NO</th><th colspan="2">KINERJA</th></tr>',
  '<tr><td>TARGET</td><td>REALISASI</td></tr>',
  '<tr><td>1</td><td>$76 \\leq 90$</td><td>51,85&nbsp;%</td></tr>',
  '</table>',
].join('\n');

describe('gold tables from the seed text', () => {
  const tables = parseGoldTables(SNIPPET, 'doc');

  it('reads a tab block as a table, with its caption, skipping the separator artefact', () => {
    expect(tables).toHaveLength(2);
    const [tsv] = tables;
    expect(tsv?.id).toBe('doc:L6');
    expect(tsv?.caption).toBe('Tabel 2.5 Program kerja Kependudukan.');
    expect(tsv?.skipped).toBe(1);
    // The trailing tab prints no column; markup is dropped.
    expect(tsv?.rows).toEqual([
      ['No.', 'Program', 'Anggaran'],
      ['1.', 'Program Pencatatan Sipil', 'Rp. 99.356.000'],
      ['J U M L A H', '', 'Rp. 99.356.000'],
    ]);
  });

  it('reads an HTML fragment, expanding rowspan and colspan to the top-left cell', () => {
    const html = tables[1];
    expect(html?.kind).toBe('html');
    expect(html?.caption).toBeUndefined();
    expect(html?.rows).toEqual([
      ['NO', 'KINERJA', ''],
      ['', 'TARGET', 'REALISASI'],
      ['1', '76 ≤ 90', '51,85 %'],
    ]);
  });

  it('parses spans that overlap later rows and tolerates missing closing tags', () => {
    expect(parseHtmlTable('<table><tr><td rowspan=3>A<td>B<tr><td>C<tr><td colspan="2">D</td></table>')).toEqual([
      ['A', 'B', ''],
      ['', 'C', ''],
      ['', 'D', ''],
    ]);
  });

  it('normalises markup the PDF does not print', () => {
    expect(normaliseGoldCell('<p style="text-align: right;">83.28</p>')).toBe('83.28');
    expect(normaliseGoldCell('<p>1. Program</p> <p>1.1 Kegiatan</p>')).toBe('1. Program 1.1 Kegiatan');
    expect(normaliseGoldCell('**Rp. 10.524.299.300**')).toBe('Rp. 10.524.299.300');
    expect(normaliseGoldCell('$66 \\leq 75$')).toBe('66 ≤ 75');
    expect(normaliseGoldCell('A &amp; B')).toBe('A & B');
    expect(normaliseGoldCell('  Rp.\u00a07.908.091.365 ')).toBe('Rp. 7.908.091.365');
  });

  it('tells separator artefacts from rows that hold dashes as "no value"', () => {
    expect(isSeparatorLine('----\t--\t--\t------')).toBe(true);
    expect(isSeparatorLine('----|--|')).toBe(true);
    expect(isSeparatorLine('1.\t-\t-')).toBe(false);
    expect(isSeparatorLine('')).toBe(false);
  });

  it('takes only "Tabel <n>" lines as captions, not prose about a table', () => {
    expect(findCaption(['Tabel berikut menggambarkan skala nilai.', '', 'No\tNilai'], 2)).toBeUndefined();
    expect(findCaption(['Tabel.....', '', 'No\tNilai'], 2)).toBe('Tabel.....');
    expect(findCaption(['Tabel 3.1', 'x\ty', 'No\tNilai'], 2)).toBeUndefined();
  });

  it('recognises a table of contents, which prints as a contents list', () => {
    expect(isTocBlock(['DAFTAR ISI', ''], 2, [['KATA PENGANTAR', 'i']])).toBe(true);
    expect(isTocBlock(['Intro'], 1, [['1.1 Latar Belakang.....', '1'], ['1.2 Tugas', '2'], ['BAB II', '9']])).toBe(true);
    expect(isTocBlock(['Tabel 3.1'], 1, [['1', 'Sangat Tinggi', '90'], ['2', 'Tinggi', '76'], ['3', 'Sedang', '66']])).toBe(false);
  });

  it('counts printed numbers as numeric cells, not codes or ranges', () => {
    for (const n of ['51,85%', 'Rp. 7.908.091.365,-', '88', '100 %', '11,737,766,231', '3.050.078,000', '100.00', 'Rp.8.502.981.015']) {
      expect(isNumericCell(n), n).toBe(true);
    }
    for (const t of ['2.12.01.2.06.06', '76 ≤ 90', '8.518.981.015 1', 'Tahun 2023', '96.09.000', '', 'Efisien']) {
      expect(isNumericCell(t), t).toBe(false);
    }
  });
});

describe('row alignment', () => {
  it('finds the span of extracted rows a gold table occupies, skipping a wrapped-line row', () => {
    const goldRows = [['1', 'Program Pendaftaran Penduduk'], ['2', 'Program Pencatatan Sipil'], ['3', 'Program PIAK']];
    const gotRows = [['No', 'Program'], ['1', 'Program Pendaftaran'], ['', 'Penduduk'], ['2', 'Program Pencatatan Sipil'], ['3', 'Program PIAK'], ['J U M L A H', '']];
    const sim = goldRows.map((g) => gotRows.map((x) => dice(tokens(g), tokens(x))));
    const a = alignRows(sim);
    expect(a.pairs.map((p) => [p.gold, p.got])).toEqual([
      [0, 1],
      [1, 3],
      [2, 4],
    ]);
    expect([a.from, a.to]).toEqual([1, 4]);
  });

  it('leaves a gold row unpaired rather than pair it with an unrelated row', () => {
    const a = alignRows([
      [1, 0],
      [0, 0],
      [0, 1],
    ]);
    expect(a.pairs.map((p) => [p.gold, p.got])).toEqual([
      [0, 0],
      [2, 1],
    ]);
  });

  it('returns no pairs when nothing is similar', () => {
    expect(alignRows([[0, 0]]).pairs).toEqual([]);
    expect(alignRows([]).pairs).toEqual([]);
  });
});

describe('cell scoring', () => {
  const g = gold([
    ['No', 'Program', 'Anggaran'],
    ['1.', 'Program A', 'Rp. 7.491.571.265'],
    ['2.', 'Program B', '237.541.200'],
  ]);

  it('counts exact, column-mapped and in-row matches on shifted rows', () => {
    // The extracted table has a title row on top and an extra leading column.
    const t = grid('t1', [
      ['', 'Tabel 2', '', ''],
      ['', 'No', 'Program', 'Anggaran'],
      ['', '1.', 'Program A', 'Rp. 7.491.571.265'],
      ['', '2.', 'Program B', '237.541.20'],
    ]);
    const m = matchGrid(g, t);
    expect(m.columns).toEqual([1, 2, 3]);
    expect(m.alignment.pairs.map((p) => p.got)).toEqual([1, 2, 3]);
    const counts = countCells(m.cells);
    expect(counts).toEqual({ cells: 9, cellsOk: 0, cellsMapped: 8, cellsInRow: 8, numeric: 2, numericOk: 0, numericMapped: 1, numericInRow: 1, numericUnread: 1 });
    const wrong = m.cells.filter((c) => !c.okMapped);
    expect(wrong.map((c) => [c.gold, c.gotMapped, c.kind])).toEqual([['237.541.200', '237.541.20', 'truncated']]);
  });

  it('scores an identical table as fully recovered', () => {
    const m = matchGrid(g, grid('t1', g.rows));
    expect(m.matched).toBe(9);
    expect(isRecovered(countCells(m.cells))).toBe(true);
  });

  it('reports a cell shifted within its row as a column shift, not a constant offset', () => {
    const t = grid('t1', [
      ['No', 'Program', 'Anggaran'],
      ['1.', 'Program A', 'Rp. 7.491.571.265'],
      ['2.', '', 'Program B'],
    ]);
    const m = matchGrid(g, t);
    expect(m.columns).toEqual([0, 1, 2]);
    expect(m.cells.filter((c) => !c.ok).map((c) => c.kind)).toEqual(['column-shift', 'different']);
  });

  it('maps columns by majority and extrapolates the offset to columns without votes', () => {
    expect(columnMap([['', '', 'A', 'B', '%']], [['A', 'B', 'Y']], [{ gold: 0, got: 0 }])).toEqual([0, 0, 0, 1, 2]);
    expect(columnMap([['A', 'B']], [['A', 'B']], [{ gold: 0, got: 0 }])).toEqual([0, 1]);
  });

  it('classifies mismatches', () => {
    expect(classifyMismatch('Perundang-Undangan', 'Perundang- Undangan')).toBe('spacing');
    expect(classifyMismatch('69%', '', { row: ['2.', '69%', ''] })).toBe('column-shift');
    expect(classifyMismatch('69%', '')).toBe('empty');
    expect(classifyMismatch('Barang Milik Daerah', 'Barang Milik', { neighbours: ['Daerah'] })).toBe('row-split');
    expect(classifyMismatch('Barang Milik Daerah', 'Barang Milik')).toBe('truncated');
    expect(classifyMismatch('APBD', '1 APBD')).toBe('extra-text');
    expect(classifyMismatch('dokumen daerah perangkat', 'dokumen perangkat daerah')).toBe('word-order');
    expect(classifyMismatch('%', 'Y')).toBe('different');
    expect(classifyMismatch('88', undefined)).toBe('row-missing');
  });

  it('tallies tables, counting a table as recovered at half of its cells', () => {
    const a = { cells: 4, cellsOk: 2, cellsMapped: 4, cellsInRow: 4, numeric: 2, numericOk: 1, numericMapped: 2, numericInRow: 2, numericUnread: 0 };
    const b = { cells: 3, cellsOk: 1, cellsMapped: 1, cellsInRow: 2, numeric: 1, numericOk: 0, numericMapped: 0, numericInRow: 0, numericUnread: 1 };
    const empty = { cells: 0, cellsOk: 0, cellsMapped: 0, cellsInRow: 0, numeric: 0, numericOk: 0, numericMapped: 0, numericInRow: 0, numericUnread: 0 };
    expect(tally([a, b, empty])).toEqual({
      tables: 2,
      recovered: 1,
      recoveredMapped: 1,
      cells: 7,
      cellsOk: 3,
      cellsMapped: 5,
      cellsInRow: 6,
      numeric: 3,
      numericOk: 1,
      numericMapped: 2,
      numericInRow: 2,
      numericUnread: 1,
    });
  });

  it('counts a numeric cell whose extracted text holds digits but no number as unread', () => {
    const cell = (got: string, ok = false) => ({ ok, okMapped: ok, inRow: ok, numeric: true, got });
    expect(countCells([cell('82 4B'), cell('3.031.419.800 3.183.926.300'), cell('92,45', true), cell('91,00'), cell('Sangat')]).numericUnread).toBe(2);
  });
});

describe('choosing the extracted table', () => {
  const summary = gold([['1.', 'Program A', 'Rp. 100']]);
  const chapter = gold([
    ['No', 'Program', 'Anggaran'],
    ['1.', 'Program A', 'Rp. 100'],
    ['2.', 'Program B', 'Rp. 200'],
  ]);
  const grids = [
    grid('t1', [['1.', 'Program A', 'Rp. 100']], 3),
    grid('t2', [['No', 'Program', 'Anggaran'], ['1.', 'Program A', 'Rp. 100'], ['2.', 'Program B', 'Rp. 200']], 20),
  ];

  it('takes the grid with most equal cells', () => {
    expect(bestMatch(chapter, grids)?.grid.id).toBe('t2');
    expect(bestMatch(gold([['nothing', 'alike']]), grids)).toBeUndefined();
  });

  it('keeps document order: a repeated table goes to the copy that keeps the order', () => {
    // Alone, the one-row summary fits t1 and t2 equally; in order, t1 leaves t2 to the chapter.
    const assigned = assignInOrder([summary, chapter].map((g) => candidateMatches(g, grids)));
    expect(assigned.map((m) => m?.grid.id)).toEqual(['t1', 't2']);
    // A later gold table cannot take an earlier grid.
    const reversed = assignInOrder([chapter, summary].map((g) => candidateMatches(g, grids)));
    expect(reversed.map((m) => m?.grid.id)).toEqual(['t2', 't2']);
  });
});

describe('text layer checks', () => {
  const pages = [wordBag('Kata Pengantar'), wordBag('Tabel 2 Program Pencatatan Sipil Rp. 99.356.000'), wordBag('BAB III')];

  it('locates a table by its word pairs, in document order', () => {
    expect(locatePages(['Program Pencatatan Sipil'], pages)).toEqual([2]);
    expect(locatePages(['Program Pencatatan Sipil'], pages, 3)).toEqual([]);
    expect(locatePages(['Perbaikan Meja'], pages)).toEqual([]);
  });

  it('measures phrase coverage and printed text regardless of spaces', () => {
    expect(phraseCoverage(['Program Pencatatan Sipil'], pages[1]!)).toBe(1);
    expect(phraseCoverage(['Sipil Pencatatan'], pages[1]!)).toBe(0);
    expect(printedIn('PENDAPATAN ASLI', compactText('PENDAPATA\nN ASLI DAERAH'))).toBe(true);
    expect(printedIn('634', compactText('633 635'))).toBe(false);
  });

  it('marks only the trailing run of unprinted tables as scanned', () => {
    expect(ocrTail([0.98, 0.2, 0.95, 0.1, 0.3])).toEqual([false, false, false, true, true]);
    expect(ocrTail([0.9, 1])).toEqual([false, false]);
  });
});
