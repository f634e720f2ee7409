import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  assign,
  columnRole,
  columnsCompatible,
  labelSimilarity,
  LABEL_THRESHOLD,
  normalizePrinted,
  pairScore,
  prf,
  printedEquals,
  printedNumbers,
  scoreDocument,
  type GoldFinding,
  type Predicted,
} from '../../evals/findings.js';
import { anchorCount } from '../../scripts/synthetic/lib/anchors.js';
import { terbilang, fmtMoney, fmtNum } from '../../scripts/synthetic/lib/numbers.js';
import { bandOf, capaianInterval, compare } from '../../scripts/synthetic/lib/verify.js';
import { findPage } from '../../scripts/synthetic/gold.js';
import type { Printed } from '../../scripts/synthetic/lib/doc.js';

function pred(over: Partial<Predicted> = {}): Predicted {
  return { id: 'p', check: 'capaian', severity: 'error', pages: [6], labels: ['Indeks Kepuasan Masyarakat'], columns: ['Capaian (%)'], printed: { text: '98,21', value: 98.21 }, expected: 92.81, message: 'm', causedBy: [], ...over };
}

function gold(over: Partial<GoldFinding> = {}): GoldFinding {
  return { id: 'g', check: 'capaian', severity: 'error', page: 6, table: 'Tabel 3.1', row: 'Indeks Kepuasan Masyarakat', column: 'Capaian (%)', printed: '98,21', expected: '92,81', ...over };
}

describe('labelSimilarity', () => {
  it('ignores case and spacing, and accepts containment', () => {
    expect(labelSimilarity('J U M L A H', 'Jumlah')).toBe(1);
    expect(labelSimilarity('Pem eliha raan Bara ng Milik Daer ah', 'Pemeliharaan Barang Milik Daerah')).toBe(1);
    expect(labelSimilarity('Program: Penunjang urusan Pemerintah daerah', 'Penunjang urusan Pemerintah daerah')).toBe(1);
  });
  it('keeps different rows apart', () => {
    expect(labelSimilarity('Indeks Kepuasan Masyarakat', 'Nilai SAKIP perangkat daerah')).toBeLessThan(LABEL_THRESHOLD);
    expect(labelSimilarity('Persentase cakupan imunisasi dasar lengkap', 'Persentase fasilitas pelayanan kesehatan yang terakreditasi')).toBeLessThan(LABEL_THRESHOLD);
    expect(labelSimilarity('JUMLAH', 'TOTAL')).toBe(0);
    expect(labelSimilarity('JUMLAH', 'Jumlah titik genangan pada ruas jalan kabupaten')).toBeLessThan(LABEL_THRESHOLD);
    expect(labelSimilarity('Administrasi Kepegawaian Perangkat Daerah', 'Administrasi Keuangan Perangkat Daerah')).toBeLessThan(LABEL_THRESHOLD);
    expect(labelSimilarity('Persentase PMKS yang tertangani', 'Persentase PSKS yang aktif')).toBeLessThan(LABEL_THRESHOLD);
    expect(labelSimilarity('Pemberdayaan Masyarakat', 'Program Pemberdayaan Masyarakat Desa dan Kelurahan')).toBeLessThan(LABEL_THRESHOLD);
  });
  it('accepts the same row written differently', () => {
    expect(labelSimilarity('Program Penunjang Urusan Pemerintah Kab/Kota', 'PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA')).toBeGreaterThanOrEqual(LABEL_THRESHOLD);
    expect(labelSimilarity('Persentase panjang jalan kabupaten dalam', 'Persentase panjang jalan kabupaten dalam kondisi mantap')).toBe(1);
  });
  it('is 0 without a label', () => {
    expect(labelSimilarity(null, 'x')).toBe(0);
    expect(labelSimilarity('abc', '')).toBe(0);
  });
});

describe('printed values', () => {
  it('normalises currency, suffixes and percent signs', () => {
    expect(normalizePrinted('Rp. 1.357.900.000,-')).toBe('1.357.900.000');
    expect(normalizePrinted('10.524.299.300,00')).toBe('10.524.299.300');
    expect(normalizePrinted('96,56 %')).toBe('96,56');
    expect(normalizePrinted('(Rp. 2.025.000)')).toBe('2.025.000');
  });
  it('reads numbers both ways', () => {
    expect(printedNumbers('Rp. 8.518.981.015,-')).toEqual([8518981015]);
    expect(printedNumbers('98.40')).toContain(98.4);
    expect(printedNumbers('1,234,500')).toContain(1234500);
    expect(printedNumbers('tanpa angka')).toEqual([]);
  });
  it('matches equal texts and equal numbers', () => {
    expect(printedEquals('Rp. 1.357.900.000,-', { text: 'Rp.1.357.900.000', value: 1357900000 })).toBe(true);
    expect(printedEquals('92,08%', { text: '92,08', value: 92.08 })).toBe(true);
    expect(printedEquals('126%', { text: '126,00', value: 126 })).toBe(true);
  });
  it('does not find a number inside a longer one', () => {
    expect(printedEquals('1.000', { text: '11.000', value: 11000 })).toBe(false);
  });
  it('matches a phrase inside a sentence only when the number agrees', () => {
    const sentence = 'ditetapkan 5 (Lima) Program, 15 (Lima belas) Kegiatan dan 59 (Lima Puluh Sembilan) Sub Kegiatan';
    expect(printedEquals('59 (Lima Puluh Sembilan) Sub Kegiatan', { text: sentence, value: 59 })).toBe(true);
    expect(printedEquals('59 (Lima Puluh Sembilan) Sub Kegiatan', { text: sentence, value: 15 })).toBe(false);
    expect(printedEquals('Kecamatan Sungai Sembilan', { text: 'Kecamatan Sungai Sembilan Kota', value: null })).toBe(true);
  });
  it('needs something printed on both sides', () => {
    expect(printedEquals(null, { text: '1', value: 1 })).toBe(false);
    expect(printedEquals('1', null)).toBe(false);
  });
});

describe('columns', () => {
  it('knows the usual headers', () => {
    expect(columnRole('SISA PAGU ANGGARA N (RP)')).toBe('sisa');
    expect(columnRole('Realisasi (Rp)')).toBe('realisasi');
    expect(columnRole('ANGGARAN / ALOKASI')).toBe('pagu');
    expect(columnRole('TARGET KEUANGAN (RP)')).toBe('pagu');
    expect(columnRole('PENYERAPAN ANGGARAN (%)')).toBe('ratio');
    expect(columnRole('2023 / Capaian Kinerja')).toBe('ratio');
    expect(columnRole('Predikat')).toBe('predikat');
    expect(columnRole('Prakiraan Maju Rencana Tahun 2024 / Pagu Indikatif (Rp.)')).toBe('prakiraan');
    expect(columnRole('Rencana Tahun 2023 / Pagu Indikatif (Rp.)')).toBe('pagu');
    expect(columnRole('Uraian')).toBeNull();
  });
  it('rejects only known, different roles', () => {
    expect(columnsCompatible('Pagu (Rp)', ['Realisasi (Rp)'])).toBe(false);
    expect(columnsCompatible('ANGGARAN', ['Pagu (Rp)'])).toBe(true);
    expect(columnsCompatible(null, ['Realisasi (Rp)'])).toBe(true);
    expect(columnsCompatible('Pagu (Rp)', [])).toBe(true);
    expect(columnsCompatible('Pagu (Rp)', ['Kolom 7'])).toBe(true);
    expect(columnsCompatible('Prakiraan Maju 2024', ['Rencana Tahun 2023 / Pagu Indikatif (Rp.)'])).toBe(false);
    expect(columnsCompatible('Pagu Indikatif 2023', ['Prakiraan Maju Rencana Tahun 2024 / Pagu Indikatif (Rp.)'])).toBe(false);
    expect(columnsCompatible('Prakiraan Maju 2024', ['Prakiraan Mula Rencana Tahun 2024 / Kebutuhan Dana/ Pagu Indikatif (Rp.)'])).toBe(true);
  });
});

describe('pairScore', () => {
  it('needs the same check (or one of also_checks)', () => {
    expect(pairScore(gold(), pred())).toBeGreaterThan(0);
    expect(pairScore(gold(), pred({ check: 'cross-table' }))).toBe(0);
    expect(pairScore(gold({ also_checks: ['cross-table'] }), pred({ check: 'cross-table' }))).toBeGreaterThan(0);
    expect(pairScore(gold({ also_checks: ['cross-table'] }), pred({ check: 'cross-table' }))).toBeLessThan(pairScore(gold(), pred()));
  });
  it('needs a shared page, counting also and, for cross-table, counterparts', () => {
    expect(pairScore(gold(), pred({ pages: [7] }))).toBe(0);
    expect(pairScore(gold({ also: [{ page: 7, row: 'Indeks Kepuasan Masyarakat' }] }), pred({ pages: [7] }))).toBeGreaterThan(0);
    const cross = gold({ check: 'cross-table', counterparts: [{ page: 9, row: 'Indeks Kepuasan Masyarakat', printed: '92,81' }] });
    expect(pairScore(cross, pred({ check: 'cross-table', pages: [9] }))).toBeGreaterThan(0);
    expect(pairScore({ ...cross, check: 'capaian' }, pred({ pages: [9] }))).toBe(0);
  });
  it('needs a similar row or the same printed value', () => {
    expect(pairScore(gold(), pred({ labels: ['Nilai SAKIP perangkat daerah'] }))).toBeGreaterThan(0);
    expect(pairScore(gold(), pred({ labels: ['Nilai SAKIP perangkat daerah'], printed: { text: '85,20', value: 85.2 } }))).toBe(0);
    expect(pairScore(gold(), pred({ labels: [], printed: null }))).toBe(0);
  });
  it('counts the gold expected value as printed (terbilang prints digits or words)', () => {
    const g = gold({ check: 'terbilang', row: 'anggaran (terbilang)', column: null, printed: 'enam miliar rupiah', expected: 'Rp. 6.000.000.000,-' });
    expect(pairScore(g, pred({ check: 'terbilang', labels: [], columns: [], printed: { text: 'Rp. 6.000.000.000,-', value: 6e9 } }))).toBeGreaterThan(0);
  });
  it('rejects a contradicting column', () => {
    const g = gold({ check: 'sum-rows', row: 'JUMLAH', column: 'Realisasi (Rp)', printed: '5.981.379.411' });
    expect(pairScore(g, pred({ check: 'sum-rows', labels: ['JUMLAH'], columns: ['Pagu (Rp)'], printed: { text: '6.500.166.800', value: 6500166800 } }))).toBe(0);
    expect(pairScore(g, pred({ check: 'sum-rows', labels: ['JUMLAH'], columns: ['Realisasi (Rp)'], printed: { text: '5.981.379.411', value: 5981379411 } }))).toBeGreaterThan(0);
  });
});

describe('assign', () => {
  it('pairs one to one, best score first', () => {
    const a = assign([
      [2, 3],
      [0, 2.5],
    ]);
    expect(a.pairs).toEqual([[0, 1, 3]]);
    expect(a.unmatchedGold).toEqual([1]);
    expect(a.unmatchedPredicted).toEqual([0]);
  });
  it('does not reuse a prediction', () => {
    const a = assign([[2], [3]]);
    expect(a.pairs).toEqual([[1, 0, 3]]);
    expect(a.unmatchedGold).toEqual([0]);
  });
  it('handles nothing predicted', () => {
    expect(assign([[], []])).toEqual({ pairs: [], unmatchedGold: [0, 1], unmatchedPredicted: [] });
  });
});

describe('prf', () => {
  it('computes precision, recall and F1', () => {
    const m = prf(3, 1, 2);
    expect(m.precision).toBe(0.75);
    expect(m.recall).toBe(0.6);
    expect(m.f1).toBeCloseTo(2 / 3, 10);
    expect(Number.isNaN(prf(0, 0, 0).precision)).toBe(true);
  });
});

describe('scoreDocument', () => {
  const g1 = gold({ id: 'F1' });
  const g2 = gold({ id: 'F2', check: 'serapan', page: 8, row: 'Pengelolaan Pelayanan Kesehatan Gizi Masyarakat', column: '%', printed: '104,78', expected: '98,68' });
  const trap = gold({ id: 'T1', severity: null, row: 'Angka Kematian Ibu', printed: '112,73', expected: '112,7273' });

  it('counts matches, misses and false positives', () => {
    const s = scoreDocument([g1, g2], [trap], [pred({ id: 'a' }), pred({ id: 'b', check: 'sisa', pages: [3], labels: ['Lain'], printed: { text: '1', value: 1 } })]);
    expect([s.tp, s.fp, s.fn]).toEqual([1, 1, 1]);
    expect(s.misses.map((m) => [m.gold.id, m.kind])).toEqual([['F2', 'not-found']]);
    expect(s.falsePositives[0]?.kind).toBe('other');
    expect(s.perCheck.capaian).toEqual({ tp: 1, fp: 0, fn: 0 });
  });
  it('reports a flagged trap as a trap hit', () => {
    const s = scoreDocument([g1], [trap], [pred({ id: 'a' }), pred({ id: 'b', labels: ['Angka Kematian Ibu'], printed: { text: '112,73', value: 112.73 } })]);
    expect(s.fp).toBe(1);
    expect(s.falsePositives[0]?.kind).toBe('trap');
    expect(s.trapsHit.map((t) => t.id)).toEqual(['T1']);
  });
  it('reports a second finding on a matched gold as a duplicate', () => {
    const s = scoreDocument([g1], [], [pred({ id: 'a' }), pred({ id: 'b' })]);
    expect([s.tp, s.fp]).toEqual([1, 1]);
    expect(s.falsePositives[0]?.kind).toBe('duplicate');
  });
  it('marks a miss covered by a matched multi-citation finding as merged', () => {
    const a = gold({ id: 'A', check: 'period-entity', page: 5, row: null, column: null, printed: 'Kecamatan Sungai Sembilan' });
    const b = { ...a, id: 'B', page: 22 };
    const s = scoreDocument([a, b], [], [pred({ check: 'period-entity', pages: [5, 22], labels: [], columns: [], printed: { text: 'Kecamatan Sungai Sembilan', value: null } })]);
    expect([s.tp, s.fn]).toEqual([1, 1]);
    expect(s.misses[0]?.kind).toBe('merged');
  });
  it('does not call a miss merged when the matched finding cites another figure of the row', () => {
    const a = gold({ id: 'A', check: 'sum-hierarchy', page: 41, row: 'Program Penunjang', column: 'Pagu Indikatif (Rp.)', printed: '10,655,995,331' });
    const b = gold({ id: 'B', check: 'sum-hierarchy', page: 41, row: 'Program Penunjang', column: 'Prakiraan Maju 2024', printed: '9,882,839,465' });
    const c = gold({ id: 'C', check: 'sum-hierarchy', page: 41, row: 'Program Penunjang', column: 'Sisa (Rp)', printed: '41.380.375' });
    const p = pred({ check: 'sum-hierarchy', pages: [41], labels: ['Program Penunjang'], columns: ['Pagu Indikatif (Rp.)', 'Sisa (Rp)'], printed: { text: '10,655,995,331', value: 10655995331 } });
    const s = scoreDocument([a, b, c], [], [p]);
    expect(s.misses.map((m) => [m.gold.id, m.kind])).toEqual([
      ['B', 'not-found'],
      ['C', 'merged'],
    ]);
  });
  it('does not call a miss merged when the matched finding cites the row in another column of the same broad role', () => {
    const capaian = gold({ id: 'C', check: 'cross-table', page: 45, row: 'Trantibum', column: 'CAPAIAN KINERJA (%)', printed: '96,56%' });
    const serapan = gold({ id: 'S', check: 'cross-table', page: 45, row: 'Trantibum', column: 'PENYERAPAN ANGGARAN (%)', printed: '96,56%' });
    const p = pred({ check: 'cross-table', pages: [45], labels: ['Trantibum'], columns: ['CAPAIAN KINERJA (%)'], printed: { text: '96,56%', value: 96.56 } });
    expect(scoreDocument([capaian, serapan], [], [p]).misses.map((m) => [m.gold.id, m.kind])).toEqual([['S', 'not-found']]);
  });
  it('leaves info findings out on both sides', () => {
    const s = scoreDocument([g1, gold({ id: 'I', severity: 'info', page: 2 })], [], [pred(), pred({ severity: 'info', pages: [9] })]);
    expect([s.tp, s.fp, s.fn, s.infoGold, s.infoPredicted]).toEqual([1, 0, 0, 1, 1]);
  });
  it("does not count a total explained by a matched row finding whose gold lists the total's check in also_checks", () => {
    const row = gold({ id: 'S', check: 'sisa', page: 40, row: 'Penyediaan Barang Cetak', column: 'Sisa', printed: '66.200,00', expected: '65.200', also_checks: ['sum-hierarchy'] });
    const rowPred = pred({ id: 'sisa-1', check: 'sisa', pages: [40], labels: ['Penyediaan Barang Cetak'], columns: ['Sisa'], printed: { text: '66.200,00', value: 66200 } });
    const total = pred({ id: 'sum-1', check: 'sum-hierarchy', pages: [40], labels: ['Administrasi Umum'], columns: ['Sisa'], printed: { text: '2.140.831,00', value: 2140831 }, causedBy: ['sisa-1'] });
    const s = scoreDocument([row], [], [rowPred, total]);
    expect([s.tp, s.fp, s.acknowledged.map((p) => p.id)]).toEqual([1, 0, ['sum-1']]);
    // Without the gold's also_checks, or with a cause that matched nothing, it stays a false positive.
    expect(scoreDocument([{ ...row, also_checks: [] }], [], [rowPred, total]).fp).toBe(1);
    expect(scoreDocument([row], [], [rowPred, { ...total, causedBy: ['other'] }]).fp).toBe(1);
  });
});

describe('synthetic corpus helpers', () => {
  it('writes amounts in words', () => {
    expect(terbilang(1357900300, { rupiah: true })).toBe('satu miliar tiga ratus lima puluh tujuh juta sembilan ratus ribu tiga ratus rupiah');
    expect(terbilang(8955501115, { title: true, miliar: 'milyar' })).toBe('Delapan Milyar Sembilan Ratus Lima Puluh Lima Juta Lima Ratus Satu Ribu Seratus Lima Belas');
    expect(terbilang(1011)).toBe('seribu sebelas');
  });
  it('prints numbers in both styles', () => {
    expect(fmtNum(1234567.5, 2, 'id')).toBe('1.234.567,50');
    expect(fmtNum(98.4, 2, 'us')).toBe('98.40');
    expect(fmtMoney(-2025000, { style: 'id', prefix: 'Rp. ', suffix: ',-' })).toBe('(Rp. 2.025.000,-)');
  });
  it('finds anchors whitespace-insensitively without splitting numbers', () => {
    expect(anchorCount('1.250 dan 11.250 dan 1.250.000', '1.250')).toBe(1);
    expect(anchorCount('4.614.906.600 4.263.165.449', '4.614.906.600')).toBe(1);
    expect(anchorCount('Penyediaan Gaji\ndan Tunjangan', 'Gaji dan Tunjangan')).toBe(1);
  });
  it('locates a table cell after its caption', () => {
    expect(findPage(['Tabel 2.1 x 95', 'Tabel 3.1 y 95'], ['95', 'y'], 'Tabel 3.1')).toBe(2);
    expect(findPage(['a 1,5', 'b 2,5'], ['2,5'])).toBe(2);
    expect(() => findPage(['a 1,5', 'b 1,5'], ['1,5'])).toThrow(/pages 1, 2/);
  });
  it('recomputes capaian and predikat like domain.md', () => {
    const printed = (value: number, decimals: number): Printed => ({ id: 'x', text: String(value), value, decimals, orig: value, origText: String(value), where: { table: null, row: '', column: null } });
    // 92,08 / 73 printed as 126: rounding only.
    expect(compare(printed(126, 0), capaianInterval('ratio', [92.075, 92.085], [72.5, 73.5]))).toBe('ok');
    // (2 − 96/110) × 100 = 112,73.
    expect(compare(printed(112.73, 2), capaianInterval('two-minus', [95.5, 96.5], [109.5, 110.5]))).toBe('ok');
    expect(compare(printed(87.27, 2), capaianInterval('two-minus', [95.5, 96.5], [109.5, 110.5]))).toBe('error');
    expect(bandOf([{ label: 'Tinggi', min: 76, max: 90 }, { label: 'Sangat Tinggi', min: 91, max: null }], 90.5)).toBeNull();
  });
});

describe('committed synthetic gold', () => {
  const manifest = JSON.parse(readFileSync('evals/synthetic/manifest.json', 'utf8')) as Array<{ name: string; pages: number; renderer: string; imageOnlyPages: number[] }>;
  it('covers every report with both renderers and a scanned page', () => {
    const docs = new Set(manifest.map((m) => m.name.split('.')[0]));
    for (const d of docs) for (const r of ['lo', 'chrome']) expect(manifest.some((m) => m.name === `${d}.${r}`)).toBe(true);
    expect(manifest.some((m) => m.imageOnlyPages.length > 0)).toBe(true);
  });
  it('has pages inside each PDF and the seed gold fields', () => {
    for (const m of manifest) {
      for (const kind of ['findings', 'traps']) {
        const items = JSON.parse(readFileSync(`evals/synthetic/gold/${m.name}.${kind}.json`, 'utf8')) as GoldFinding[];
        for (const g of items) {
          expect(g.page).toBeGreaterThanOrEqual(1);
          expect(g.page).toBeLessThanOrEqual(m.pages);
          expect(Object.keys(g)).toEqual(expect.arrayContaining(['check', 'severity', 'page', 'table', 'row', 'column', 'printed', 'expected', 'formula', kind === 'traps' ? 'why_not' : 'explanation']));
        }
      }
    }
  });
});
