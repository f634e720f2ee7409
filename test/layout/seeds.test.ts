/** A few tables of the seed reports whose content is known, read as the CLI reads them. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Table } from '../../src/model/table.js';
import { readTables } from '../../src/pipeline/tables.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SEED_000 = path.join(root, 'samples/000_7d82b3f27f46e2ac.pdf');
const SEED_003 = path.join(root, 'samples/003_eded5028092eddcb.pdf');

function column(t: Table, label: RegExp): number {
  const i = t.columns.findIndex((c) => label.test(c));
  if (i < 0) throw new Error(`no column ${label} in ${JSON.stringify(t.columns)}`);
  return i;
}

describe('seed 000', () => {
  it('reads "Tabel 4" on the landscape page 8: 4 indicators with target, realisation and achievement', async () => {
    const doc = await readTables(SEED_000, { pages: [8], ocr: 'off' });
    const t = doc.tables.find((x) => x.caption?.startsWith('Tabel 4 '));
    expect(t).toBeDefined();
    expect(t!.pages).toEqual([8]);
    expect(t!.method).toBe('lattice');
    expect(t!.rows).toHaveLength(4);
    const [target, realisasi, capaian] = [column(t!, /^Target$/), column(t!, /^Realisasi$/), column(t!, /^Capaian/)];
    const row2 = t!.rows[1]!.cells;
    expect([row2[target]!.text, row2[realisasi]!.text, row2[capaian]!.text]).toEqual(['69%', '51,85%', '75,07%']);
    expect(row2[column(t!, /Indikator/)]!.text).toBe('Persentase OPD yang melakukan pelayanan terintegrasi');
    expect(t!.rows.map((r) => r.cells[0]!.text)).toEqual(['1.', '2.', '3.', '4']);
    expect(t!.rows.every((r) => r.page === 8)).toBe(true);
  });

  it('stitches "Tabel 3.6" over pages 34–35 and starts "Tabel 3.7" as a new table', async () => {
    const doc = await readTables(SEED_000, { pages: [34, 35, 36], ocr: 'off' });
    const t36 = doc.tables.find((x) => x.caption?.startsWith('Tabel 3.6'));
    const t37 = doc.tables.find((x) => x.caption?.startsWith('Tabel 3.7'));
    expect(t36?.pages).toEqual([34, 35]);
    expect(t37?.pages).toEqual([35, 36]);
    expect(t36!.id).not.toBe(t37!.id);
  });
});

describe('seed 003', () => {
  it('reads "TABEL 3.7" as one budget table over pages 39–42, each row on its own page', async () => {
    const doc = await readTables(SEED_003, { pages: [38, 39, 40, 41, 42, 43], ocr: 'off' });
    const parts = doc.tables.filter((x) => x.pages.some((p) => p >= 39 && p <= 42));
    expect(parts).toHaveLength(1);
    const t = parts[0]!;
    expect(t.caption).toMatch(/^TABEL 3\.7 TABEL REALISASI ANGGARAN KECAMATAN DUMAI BARAT/);
    expect(t.pages).toEqual([39, 40, 41, 42]);
    // A broken header word is joined again ("CAPAIA" + "N" in a narrow column).
    expect(t.columns).toContain('CAPAIAN KINERJA KEUANGAN (%)');
    const pages = new Set(t.rows.map((r) => r.page));
    expect([...pages].sort()).toEqual([39, 40, 41, 42]);
    const first = t.rows[0]!.cells.map((c) => c.text);
    expect(first.slice(0, 4)).toEqual(['I', 'Belanja Operasi', '9.969.639.470,00', '9.602.274.749,00']);
    const last = t.rows[t.rows.length - 1]!;
    expect(last.page).toBe(42);
    expect(last.cells.map((c) => c.text)).toEqual(['', 'TOTAL', '10.524.299.300,00', '10.156.509.099,00', '96,51', '367.790.201,00']);
    // Pages are in order down the table.
    const order = t.rows.map((r) => r.page);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

describe('a row split by a page break', () => {
  it('is joined back into its row, keeping the second part’s page and box', async () => {
    const { readTables } = await import('../../src/pipeline/tables.js');
    const layout = await readTables('samples/000_7d82b3f27f46e2ac.pdf', { pages: [25, 26], ocr: 'off' });
    const t = layout.tables.find((x) => x.caption?.startsWith('Tabel 2.4'))!;
    expect(t.rows).toHaveLength(4);
    const ikm = t.rows.find((r) => r.cells[2]?.text.includes('Indeks Kepuasan'))!;
    expect(ikm.cells[2]!.text).toMatch(/Pencatatan Sipil$/);
    expect(ikm.cells[2]!.parts).toEqual([expect.objectContaining({ page: 26 })]);
    expect(ikm.cells[1]!.text).toMatch(/administrasi kependudukan$/);
  });
});
