import { beforeAll, describe, expect, it } from 'vitest';
import { extractReport } from '../../src/extract/index.js';
import { Report } from '../../src/model/report.js';
import { layout, paragraph } from './helpers.js';
import { readReport } from '../../src/pipeline/extract.js';

// End to end on the two seed reports: PDF → tables → model, offline.
describe('extract on the seed reports', () => {
  let dukcapil: Report;
  let dumaiBarat: Report;
  beforeAll(async () => {
    [dukcapil, dumaiBarat] = await Promise.all([
      readReport('samples/000_7d82b3f27f46e2ac.pdf', { ocr: 'off' }),
      readReport('samples/003_eded5028092eddcb.pdf', { ocr: 'off' }),
    ]);
  });

  it('identifies office, local government and year', () => {
    expect(dukcapil.report).toMatchObject({ instansi: 'Dinas Kependudukan dan Pencatatan Sipil', pemda: 'Kota Dumai', tahun: 2023 });
    expect(dumaiBarat.report).toMatchObject({ instansi: 'Kecamatan Dumai Barat', tahun: 2023 });
    expect(dukcapil.schemaVersion).toBe('1');
  });

  it('reads Tabel 4 capaian with values and cell citations', () => {
    const opd = dukcapil.indicators.find((i) => i.tableKind === 'capaian' && i.cite.page === 8 && /OPD yang melakukan pelayanan/.test(i.indikator));
    expect(opd).toBeDefined();
    expect(opd!.target).toMatchObject({ text: '69%', value: 69 });
    expect(opd!.realisasi).toMatchObject({ text: '51,85%', value: 51.85, decimals: 2 });
    expect(opd!.capaian).toMatchObject({ value: 75.07, cite: { page: 8, table: opd!.table } });
    expect(opd!.predikat?.text).toBe('Cukup Berhasil');
    expect(opd!.capaian!.cite.bbox).toHaveLength(4);
  });

  it('links the same indicator across tables by key', () => {
    const ikm = dukcapil.indicators.filter((i) => /Indeks Kepuasan Masyarakat/i.test(i.indikator) && i.tahun === 2023);
    expect(new Set(ikm.map((i) => i.key)).size).toBe(1);
    expect(new Set(ikm.map((i) => i.table)).size).toBeGreaterThanOrEqual(4);
  });

  it('reads the budget tree of TABEL 3.7 across its page break', () => {
    const rows = dumaiBarat.budget.filter((b) => b.cite.page >= 39 && b.cite.page <= 42);
    const program = rows.find((b) => b.level === 'program' && /PENUNJANG/.test(b.uraian));
    expect(program?.pagu?.value).toBe(9_066_399_000);
    const kegiatan = rows.filter((b) => b.parentId === program?.id);
    expect(kegiatan.length).toBeGreaterThanOrEqual(6);
    expect(kegiatan.every((k) => k.level === 'kegiatan')).toBe(true);
    const total = rows.find((b) => b.level === 'total');
    expect(total?.pagu?.value).toBe(10_524_299_300);
    expect(new Set(rows.map((b) => b.table)).size).toBe(1);
  });

  it('keeps belanja rows and claims made in prose', () => {
    expect(dumaiBarat.belanja.filter((b) => b.source === 'table').map((b) => b.kind)).toEqual(expect.arrayContaining(['operasi', 'modal', 'total']));
    const words = dukcapil.claims.filter((c) => c.kind === 'terbilang');
    expect(words.some((c) => c.kind === 'terbilang' && c.digits.value === 8_955_501_115 && c.wordsValue === 8_955_501_115)).toBe(true);
    expect(dukcapil.claims.some((c) => c.kind === 'efisiensi' && c.stated.value === 2.77)).toBe(true);
    expect(dukcapil.claims.some((c) => c.kind === 'count' && c.entity === 'program' && c.count === 5)).toBe(true);
  });

  it('uses the predicate scale the report prints', () => {
    expect(dukcapil.scale.source).toBe('report');
    expect(dukcapil.scale.bands.map((b) => b.label)).toContain('Cukup Berhasil');
  });

  it('tells the revised PK from the original', () => {
    const variants = dukcapil.tables.filter((t) => t.kind === 'budget-summary').map((t) => t.variant);
    expect(variants).toContain('original');
    expect(variants).toContain('perubahan');
  });
});

describe('extract on documents without the expected tables', () => {
  it('a budget-only document: budget rows, and a warning that no performance table was found', async () => {
    const r = await readReport('test/fixtures/pdf/borderless.lo.pdf', { ocr: 'off' });
    expect(r.indicators).toEqual([]);
    expect(r.budget.length).toBeGreaterThan(0);
    expect(r.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['W_NO_INDICATORS', 'W_NO_INSTANSI', 'W_DEFAULT_SCALE']));
  });
  it('prose only: a valid empty model that says what was not found', () => {
    const r = extractReport(layout([], [paragraph(1, 'Surat undangan rapat koordinasi.')]));
    expect(Report.parse(r)).toBeTruthy();
    expect(r.warnings.map((w) => w.code)).toEqual(['W_NO_INSTANSI', 'W_NO_TAHUN', 'W_NO_INDICATORS', 'W_NO_BUDGET', 'W_DEFAULT_SCALE']);
    expect(r.scale.name).toBe('Permendagri 86/2017');
  });
});

describe('trend words resolved against the indicator tables', () => {
  it('fill the figures from the comparison table and read the sentence the way that makes it true', async () => {
    const r = await readReport('samples/003_eded5028092eddcb.pdf', { ocr: 'off' });
    const ikm = r.claims.find((c) => c.kind === 'trend' && c.cite.page === 33 && /Indeks Kepuasan/.test(c.subject));
    expect(ikm).toMatchObject({ direction: 'up', from: { value: 114.83 }, to: { value: 95.21 } });
    expect(ikm?.kind === 'trend' && ikm.to?.cite.table).toBeTruthy();
  });
  it('fill "melebihi target" with the target and realisasi most tables print for the indicator', async () => {
    const r = await readReport('samples/003_eded5028092eddcb.pdf', { ocr: 'off' });
    const versus = r.claims.filter((c) => c.kind === 'trend' && c.versus === 'target');
    expect(versus).toHaveLength(1);
    // p.10 prints 82,48 for the realisasi once; the other tables print 82,84.
    expect(versus[0]).toMatchObject({ direction: 'up', subject: 'Indeks Kepuasan Masyarakat', from: { value: 87 }, to: { value: 82.84 }, cite: { page: 33 } });
  });
});
