import { describe, expect, it } from 'vitest';
import { place } from '../../src/checks/util.js';

describe('place: where a value is, in messages', () => {
  it.each([
    [{ page: 6, table: 't3', caption: 'Tabel 3.1 Capaian Kinerja' }, undefined, 'Tabel 3.1 Capaian Kinerja (hal. 6)', 'Tabel 3.1 Capaian Kinerja (p. 6)'],
    [{ page: 6, table: 't3' }, 'Tabel 3.3 Perbandingan', 'Tabel 3.3 Perbandingan (hal. 6)', 'Tabel 3.3 Perbandingan (p. 6)'],
    // A table without a caption is named by its page, never by the extraction's id ("t3").
    [{ page: 6, table: 't3' }, null, 'tabel hal. 6', 'the table on p. 6'],
    [{ page: 2 }, null, 'hal. 2', 'p. 2'],
  ])('%j (caption %s)', (cite, caption, id, en) => {
    expect(place(cite, caption)).toEqual({ id, en });
  });
});
