import { describe, expect, it } from 'vitest';
import type { BudgetRow } from '../../src/model/report.js';
import { linkAcrossParts } from '../../src/extract/rules/orphans.js';

function row(id: string, level: BudgetRow['level'], o: { kode?: string; page?: number; parentId?: string; tableKind?: BudgetRow['tableKind'] } = {}): BudgetRow {
  const table = id.split('.')[0]!;
  return { id, key: id, table, tableKind: o.tableKind ?? 'budget-detail', kode: o.kode ?? null, uraian: id, level, parentId: o.parentId ?? null, pagu: null, realisasi: null, persen: null, sisa: null, cite: { page: o.page ?? 42, table } };
}

const parents = (rows: BudgetRow[]) => rows.map((r) => [r.id, r.parentId]);

describe('budget tables cut by a repeated page header', () => {
  it('links the rows opening a part to the open kegiatan (by code) and program of the part before', () => {
    const rows = [
      row('t28.r5', 'program', { kode: '2.12.01' }),
      row('t28.r11', 'kegiatan', { kode: '2.12.01.2.02', parentId: 't28.r5' }),
      row('t28.r12', 'sub_kegiatan', { kode: '2.12.01.2.02.01', parentId: 't28.r11' }),
      row('t30.r3', 'sub_kegiatan', { kode: '2.12.01.2.02.07' }),
      row('t30.r4', 'kegiatan'),
      row('t30.r5', 'sub_kegiatan', { kode: '2.12.01.2.03.01', parentId: 't30.r4' }),
    ];
    linkAcrossParts(rows);
    expect(parents(rows).slice(3)).toEqual([
      ['t30.r3', 't28.r11'],
      ['t30.r4', 't28.r5'],
      ['t30.r5', 't30.r4'],
    ]);
  });

  it('carries the open program through a part that has none of its own', () => {
    const rows = [
      row('t28.r5', 'program', { kode: '2.12.01', page: 41 }),
      row('t28.r6', 'kegiatan', { kode: '2.12.01.2.01', parentId: 't28.r5', page: 41 }),
      row('t30.r1', 'kegiatan', { kode: '2.12.01.2.02', page: 42 }),
      row('t30.r2', 'sub_kegiatan', { kode: '2.12.01.2.02.01', parentId: 't30.r1', page: 42 }),
      row('t32.r1', 'kegiatan', { kode: '2.12.01.2.06', page: 43 }),
    ];
    linkAcrossParts(rows);
    expect(parents(rows)).toEqual([
      ['t28.r5', null],
      ['t28.r6', 't28.r5'],
      ['t30.r1', 't28.r5'],
      ['t30.r2', 't30.r1'],
      ['t32.r1', 't28.r5'],
    ]);
  });

  it('links across parts of one work plan whose header reads differently from page to page (another table kind)', () => {
    const rows = [
      row('t34.r11', 'program', { page: 47, tableKind: 'budget-summary' }),
      row('t34.r12', 'kegiatan', { page: 47, parentId: 't34.r11', tableKind: 'budget-summary' }),
      row('t36.r3', 'sub_kegiatan', { kode: '2.12.03.02.01.02', page: 47, tableKind: 'capaian' }),
    ];
    linkAcrossParts(rows, new Map([['t34', 'rencana'], ['t36', 'rencana']]));
    expect(rows[2]!.parentId).toBe('t34.r12');
  });

  it('links a sub-kegiatan whose code slips in its kegiatan part but extends the open program (a slip code-format reports)', () => {
    const rows = [
      row('t8.r13', 'program', { kode: '1.01.02', page: 8 }),
      row('t8.r14', 'kegiatan', { kode: '1.01.02.2.01', parentId: 't8.r13', page: 8 }),
      row('t9.r1', 'sub_kegiatan', { kode: '1.01.02.2.02.0025', page: 9 }),
    ];
    linkAcrossParts(rows);
    expect(rows[2]!.parentId).toBe('t8.r14');
  });

  it('unlabelled rows opening a continued part are the children of the row still open (the kegiatan, else the program)', () => {
    const rows = [row('t7.r24', 'program', { page: 10 }), row('t7.r25', 'kegiatan', { parentId: 't7.r24', page: 10 }), row('t8.r1', 'other', { page: 11 }), row('t8.r2', 'total', { page: 11 })];
    linkAcrossParts(rows);
    expect(rows.map((r) => [r.level, r.parentId])).toEqual([
      ['program', null],
      ['kegiatan', 't7.r24'],
      ['sub_kegiatan', 't7.r25'],
      ['total', null],
    ]);
  });

  it('a sub-kegiatan opening a part after a program with no kegiatan open is linked to the program', () => {
    const rows = [row('a.r1', 'program', { page: 8 }), row('b.r1', 'sub_kegiatan', { page: 9 })];
    linkAcrossParts(rows);
    expect(rows[1]!.parentId).toBe('a.r1');
  });

  it.each([
    ['a code that does not extend the open kegiatan', [row('a.r1', 'kegiatan', { kode: '2.12.01.2.02' }), row('b.r1', 'sub_kegiatan', { kode: '2.12.01.2.05.01' })]],
    ['a part two pages later', [row('a.r1', 'kegiatan', { page: 40 }), row('b.r1', 'sub_kegiatan', { page: 42 })]],
    ['a table of another kind', [row('a.r1', 'kegiatan', { tableKind: 'budget-summary' }), row('b.r1', 'sub_kegiatan')]],
    ['a table of another kind, only one of them a work plan', [row('p.r1', 'kegiatan', { tableKind: 'budget-summary' }), row('r.r1', 'sub_kegiatan')]],
    ['a part that ended with its total', [row('a.r1', 'kegiatan'), row('a.r2', 'total'), row('b.r1', 'sub_kegiatan')]],
  ])('leaves orphans alone after %s', (_, rows) => {
    linkAcrossParts(rows, new Map([['p', 'rencana']]));
    expect(rows[rows.length - 1]!.parentId).toBeNull();
  });
});

describe('totals of a table continued over parts', () => {
  const cite = (table: string, page: number, r: number) => ({ page, table, row: r });
  const at = (id: string, level: BudgetRow['level'], page: number, o: { parentId?: string; sumOf?: string[] } = {}): BudgetRow => {
    const [table, r] = id.split('.r') as [string, string];
    return { ...row(id, level, { page, ...(o.parentId ? { parentId: o.parentId } : {}) }), cite: cite(table, page, Number(r)), ...(o.sumOf ? { sumOf: o.sumOf } : {}) };
  };
  it.each([
    {
      name: 'a total on the next page adds up the programs of the earlier part too',
      rows: [at('t7.r1', 'program', 9), at('t7.r2', 'kegiatan', 9, { parentId: 't7.r1' }), at('t7.r3', 'program', 9), at('t8.r1', 'program', 10), at('t8.r2', 'total', 10, { sumOf: ['t8.r1'] })],
      expect: ['t7.r1', 't7.r3', 't8.r1'],
    },
    {
      name: 'a total alone on its page adds up the programs before the break',
      rows: [at('t7.r1', 'program', 9), at('t7.r3', 'program', 9), at('t8.r1', 'total', 10, { sumOf: [] })],
      expect: ['t7.r1', 't7.r3'],
    },
    {
      name: 'a table two pages further on is another table: its total is left alone',
      rows: [at('t7.r1', 'program', 9), at('t9.r1', 'program', 12), at('t9.r2', 'total', 12, { sumOf: ['t9.r1'] })],
      expect: ['t9.r1'],
    },
    {
      name: 'rows opening the part that belong to a kegiatan before the break are not summed by the total',
      rows: [at('t7.r1', 'program', 10), at('t7.r2', 'kegiatan', 10, { parentId: 't7.r1' }), at('t8.r1', 'other', 11), at('t8.r2', 'total', 11, { sumOf: ['t8.r1'] })],
      expect: ['t7.r1'],
    },
  ])('$name', (c) => {
    linkAcrossParts(c.rows);
    expect(c.rows[c.rows.length - 1]!.sumOf).toEqual(c.expect);
  });
});

describe('levels over a table continued in parts', () => {
  const money = (id: string, level: BudgetRow['level'], page: number, pagu: number, uraian = id): BudgetRow => {
    const [table, r] = id.split('.r') as [string, string];
    const v = { text: String(pagu), value: pagu, decimals: 0, unit: 'rupiah' as const, ocr: false, cite: { page, table } };
    return { ...row(id, level, { page }), uraian, pagu: v, cite: { page, table, row: Number(r) } };
  };
  it('the sums over the whole run decide levels a part alone cannot (a kegiatan opening a headerless part)', () => {
    // Kegiatan "Pengembangan Kompetensi" (359.858.100) has one sub-kegiatan on page 10 and two on
    // page 11; then a kegiatan (772.290.800) with three sub-kegiatan: the part alone cannot tell.
    const rows = [
      money('t7.r17', 'program', 10, 1_132_148_900, 'PROGRAM KEPEGAWAIAN DAERAH'),
      money('t7.r26', 'kegiatan', 10, 359_858_100),
      money('t7.r27', 'sub_kegiatan', 10, 148_377_800),
      money('t8.r0', 'other', 11, 165_104_600),
      money('t8.r1', 'other', 11, 46_375_700),
      money('t8.r2', 'other', 11, 772_290_800),
      money('t8.r3', 'other', 11, 322_098_600),
      money('t8.r4', 'other', 11, 193_885_900),
      money('t8.r5', 'other', 11, 256_306_300),
    ];
    linkAcrossParts(rows);
    expect(rows.slice(3).map((r) => [r.level, r.parentId])).toEqual([
      ['sub_kegiatan', 't7.r26'],
      ['sub_kegiatan', 't7.r26'],
      ['kegiatan', 't7.r17'],
      ['sub_kegiatan', 't8.r2'],
      ['sub_kegiatan', 't8.r2'],
      ['sub_kegiatan', 't8.r2'],
    ]);
  });
});
