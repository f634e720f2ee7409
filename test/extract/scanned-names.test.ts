import { describe, expect, it } from 'vitest';
import type { Indicator, Value } from '../../src/model/report.js';
import { nameScannedRows } from '../../src/extract/rules/scanned-names.js';

const value = (v: number | null, ocr: boolean): Value | null => (v === null ? null : { text: String(v), value: v, decimals: 0, ocr, cite: { page: 1 } });

let n = 0;
function ind(table: string, name: string, key: string, target: number | null, realisasi: number | null, capaian: number | null): Indicator {
  const ocr = table.startsWith('scan');
  return {
    id: `${table}.i${++n}`,
    key,
    table,
    tableKind: 'capaian',
    tujuan: null,
    sasaran: null,
    indikator: name,
    satuan: null,
    polarity: 'higher',
    polaritySource: 'default',
    tahun: 2024,
    target: value(target, ocr),
    realisasi: value(realisasi, ocr),
    capaian: value(capaian, ocr),
    predikat: null,
    cite: { page: ocr ? 9 : 4 },
  };
}

// Text pages of a report: four indicators with their figures.
const printed = [
  ind('t3', 'Jumlah Alat Pemberi Isyarat Lalu Lintas (APILL) terpasang', 'apill', 22, 25, 113.64),
  ind('t3', 'Persentase terminal penumpang tipe C dalam kondisi baik', 'terminal', 83, 74.07, 89.24),
  ind('t3', 'Jumlah kecelakaan lalu lintas', 'kecelakaan', 232, 184, 121),
  ind('t3', 'Level kapabilitas APIP', 'apip', 3, 3.14, 104.67),
];

describe('a scanned indicator row takes the name of the text-page indicator it is', () => {
  it.each([
    // name still alike, one figure shared
    ['filth Alat RembeMANgrat Lalu SipustarMpuemidah £', [2, 25, 113.64], 'apill'],
    // name lost, two figures shared
    ['Junita ed, pfu lintas', [232, 184, 121], 'kecelakaan'],
    ['Ir seh edn bai tips Ang hates "Hap Spa', [83, 74.07, 89.24], 'terminal'],
    // name lost and only one figure shared: not enough on its own
    ['Zx qq wv', [99, 184, 77], undefined],
    // nothing shared
    ['Qq rr', [7, 8, 9], undefined],
  ] as const)('%s', (read, figures, want) => {
    const scanned = ind('scan9', read, 'garbled', figures[0], figures[1], figures[2]);
    const out = nameScannedRows([...printed, scanned], new Set(['scan9']));
    const row = out[out.length - 1]!;
    if (want) {
      expect(row.key).toBe(want);
      expect(row.indikator).toBe(printed.find((p) => p.key === want)!.indikator);
      expect(row.indikatorRead).toBe(read);
    } else {
      expect(row.key).toBe('garbled');
      expect(row.indikatorRead).toBeUndefined();
    }
  });

  it('gives each indicator to one row of a scanned table, and the last row left the last indicator left when they share a figure', () => {
    const rows = [
      ind('scan9', 'e Jumlah Alat Pemberi Isyarat Lalu', 'a1', 22, 25, 113.64),
      ind('scan9', 'Persentase terminal penumpang tipe C', 'terminal', 83, 74.07, 89.24),
      ind('scan9', 'Junita ed, pfu lintas', 'a3', 232, 184, 121),
      ind('scan9', 'ng evel gapoilita XI EDS ji z KEPAL. 2', 'a4', 3, null, null),
    ];
    const out = nameScannedRows([...printed, ...rows], new Set(['scan9'])).slice(printed.length);
    expect(out.map((r) => r.key)).toEqual(['apill', 'terminal', 'kecelakaan', 'apip']);
    // The row already linked keeps what it read.
    expect(out[1]!.indikatorRead).toBeUndefined();
  });

  it('takes no evidence from a figure two indicators print in that column', () => {
    const twin = ind('t3', 'Indeks Kepuasan Masyarakat', 'ikm', 80, 184, 95);
    const scanned = ind('scan9', 'Junita ed, pfu lintas', 'x', null, 184, 121);
    const alone = nameScannedRows([...printed, scanned], new Set(['scan9']));
    expect(alone[alone.length - 1]!.key).toBe('kecelakaan');
    const shared = nameScannedRows([...printed, twin, scanned], new Set(['scan9']));
    expect(shared[shared.length - 1]!.key).toBe('x');
  });

  it('leaves text pages, and reports without text-page indicators, as they are', () => {
    const scanned = ind('scan9', 'Junita ed, pfu lintas', 'x', 232, 184, 121);
    expect(nameScannedRows([...printed, scanned], new Set())).toEqual([...printed, scanned]);
    expect(nameScannedRows([scanned], new Set(['scan9']))).toEqual([scanned]);
  });
});
