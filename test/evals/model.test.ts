import { describe, expect, it } from 'vitest';
import { scoreModel, type GoldModel } from '../../evals/model.js';
import type { BudgetRow, Report, Value } from '../../src/model/report.js';

const val = (text: string, value: number, caption: string, row: number, column: number): Value => ({
  text,
  value,
  decimals: 0,
  unit: 'rupiah',
  ocr: false,
  cite: { page: 9, table: caption.startsWith('Tabel 3.5') ? 't7' : 't8', row, column, cell: null, bbox: null, caption, columnLabel: null },
} as unknown as Value);

const row = (id: string, uraian: string, level: BudgetRow['level'], caption: string, pagu: number, realisasi: number, sisa: number | null): BudgetRow =>
  ({
    id,
    key: id,
    table: caption.startsWith('Tabel 3.5') ? 't7' : 't8',
    tableKind: 'budget',
    kode: null,
    uraian,
    level,
    parentId: null,
    pagu: val(String(pagu), pagu, caption, 1, 2),
    realisasi: val(String(realisasi), realisasi, caption, 1, 3),
    persen: null,
    sisa: sisa === null ? null : val(String(sisa), sisa, caption, 1, 5),
    cite: { page: 9, table: 't', row: 1, column: 1, cell: null, bbox: null, caption, columnLabel: null },
  }) as unknown as BudgetRow;

describe('model gold paired with extracted rows', () => {
  it('tells two totals on one page apart by their table caption', () => {
    const budgetTable = 'Tabel 3.5 Realisasi Anggaran';
    const belanjaTable = 'Tabel 3.6 Realisasi Belanja Menurut Jenis Belanja';
    const gold: GoldModel = {
      instansi: 'x',
      tahun: 2020,
      indicators: [],
      budget: [{ table: budgetTable, page: 9, kode: null, uraian: 'JUMLAH', level: 'total', pagu: '5.341.082.600', realisasi: '4.730.926.099', persen: null, sisa: '610.156.501' }],
    };
    const report = {
      report: { instansi: 'x', tahun: 2020 },
      indicators: [],
      budget: [row('t8.r3', 'JUMLAH', 'other', belanjaTable, 5341082600, 4730926099, null), row('t7.r29', 'TOTAL', 'total', budgetTable, 5341082600, 4730926099, 610156501)],
    } as unknown as Report;
    const { counts, misses } = scoreModel(gold, report);
    expect(misses).toEqual([]);
    expect(counts.budgetFieldsOk).toBe(counts.budgetFields);
  });
});
