import { describe, expect, it } from 'vitest';
import { KeyRegistry } from '../../src/extract/rules/cells.js';
import { stackedLists } from '../../src/extract/rules/stacked-list.js';
import { table } from './helpers.js';

const ITEMS =
  '1. Program Penyelenggaraan Pemerintahan Dan Pelayanan Publik 1.1 Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan Penyelenggaraan Urusan Pemerintahan yang tidak Dilaksanakan oleh Unit Kerja Perangkat Daerah yang ada di Kecamatan 1.2 Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat 2. Program Penyelenggaraan Urusan Pemerintahan Umum 2.1 Pembinaan Kerukunan Antar-suku';
const AMOUNTS = 'Rp. 217,902,500 Rp. 32,902,500 Rp. 160,000,000 Rp. 25,000,000 Rp. 20,000,000 Rp. 20,000,000 Jumlah Rp. 237,902,500';

describe('a list of programs and amounts typed into one row', () => {
  const known = ['Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan', 'Penyelenggaraan Urusan Pemerintahan yang Tidak Dilaksanakan oleh Unit Kerja Perangkat Daerah yang Ada di Kecamatan'];

  it('pairs numbered items with amounts, splits the item typed without its number, and totals the programs', () => {
    const t = table('t42', [['Sasaran', 'Program / Kegiatan', 'Anggaran'], ['Sasaran 1 : Meningkatkan Kualitas', ITEMS, AMOUNTS]]);
    const rows = stackedLists(t, new KeyRegistry(), known, 'budget-summary');
    expect(rows.map((r) => [r.level, r.uraian.split(' ').slice(0, 3).join(' '), r.pagu?.value])).toEqual([
      ['program', 'Program Penyelenggaraan Pemerintahan', 217902500],
      ['kegiatan', 'Koordinasi Penyelenggaraan Kegiatan', 32902500],
      ['kegiatan', 'Penyelenggaraan Urusan Pemerintahan', 160000000],
      ['kegiatan', 'Pelaksanaan Urusan Pemerintahan', 25000000],
      ['program', 'Program Penyelenggaraan Urusan', 20000000],
      ['kegiatan', 'Pembinaan Kerukunan Antar-suku', 20000000],
      ['total', 'Jumlah', 237902500],
    ]);
    expect(rows[1]!.parentId).toBe(rows[0]!.id);
    expect(rows[6]!.sumOf).toEqual([rows[0]!.id, rows[4]!.id]);
    expect(rows[0]!.pagu?.cite).toMatchObject({ table: 't42', row: 1, column: 2 });
  });

  it('leaves a row alone when items and amounts cannot be paired', () => {
    const t = table('t42', [['Sasaran', 'Program / Kegiatan', 'Anggaran'], ['Sasaran 1', ITEMS, 'Rp. 217,902,500 Rp. 32,902,500']]);
    expect(stackedLists(t, new KeyRegistry(), known, 'budget-summary')).toEqual([]);
  });

  it('does not split an item when the halves are not names the report prints', () => {
    const t = table('t42', [['Sasaran', 'Program / Kegiatan', 'Anggaran'], ['Sasaran 1', ITEMS, AMOUNTS]]);
    expect(stackedLists(t, new KeyRegistry(), [], 'budget-summary')).toEqual([]);
  });
});
