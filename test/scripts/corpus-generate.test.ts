import { describe, expect, it } from 'vitest';
import { printed } from '../../scripts/synthetic/lib/doc.js';
import { rng } from '../../scripts/synthetic/lib/rng.js';
import { verify } from '../../scripts/synthetic/lib/verify.js';
import type { AllFacts, CTable } from '../../scripts/corpus/doc.js';
import { corpusSeeds, generateReport, tableRows, verifyExtra } from '../../scripts/corpus/generate.js';
import { transpose } from '../../scripts/corpus/plants.js';
import { heldOut, MASTER_SEED } from '../../scripts/corpus/run.js';
import { CLASS, sampleSpec } from '../../scripts/corpus/spec.js';

const SEEDS = corpusSeeds(MASTER_SEED, 12);
const w = { table: null, row: 'x', column: null };

function facts(extra: Partial<AllFacts>): AllFacts {
  return { capaian: [], predikat: [], serapan: [], sisa: [], sums: [], terbilang: [], cross: [], counts: [], efisiensi: [], trend: [], codes: [], mentions: [], compare: [], means: [], ...extra };
}

describe('generateReport', () => {
  it('is deterministic: the same seed gives the same plan and HTML', () => {
    const a = generateReport('c001', SEEDS[0]!);
    const b = generateReport('c001', SEEDS[0]!);
    expect(JSON.stringify(a.plan)).toBe(JSON.stringify(b.plan));
    expect(a.html.map((h) => h.html)).toEqual(b.html.map((h) => h.html));
  });

  it('plants at least three mistakes, each behind a gold finding, and keeps traps apart from findings', () => {
    let made = 0;
    for (const [i, seed] of SEEDS.entries()) {
      let g;
      try {
        g = generateReport(`c${i}`, seed);
      } catch {
        continue; // a draw that cannot be made consistent is drawn again by the runner
      }
      made++;
      const findings = g.plan.items.filter((x) => x.kind === 'finding');
      const traps = g.plan.items.filter((x) => x.kind === 'trap');
      expect(g.plan.plants.length).toBeGreaterThanOrEqual(CLASS.plants[0]);
      expect(findings.length).toBeGreaterThanOrEqual(g.plan.plants.length);
      for (const plant of g.plan.plants) expect(findings.some((f) => f.explanation?.includes(plant))).toBe(true);
      for (const t of traps) expect(findings.some((f) => f.check === t.check && f.table === t.table && f.printed === t.printed && f.row === t.row)).toBe(false);
      // The gold model keeps the printed text of every row it lists.
      expect(g.plan.model.some((m) => m.kind === 'indicator')).toBe(true);
      expect(g.plan.model.some((m) => m.kind === 'budget' && m.level === 'total')).toBe(true);
    }
    expect(made).toBeGreaterThanOrEqual(10);
  });

  it('builds reports that are consistent before planting (the verifier finds nothing)', () => {
    const g = generateReport('c001', SEEDS[0]!);
    // After planting there are violations, and every one is explained by a plant.
    const after = verify(g.built.facts, { style: g.spec.tableNumbers, scale: g.built.scale, tahun: g.spec.tahun, instansi: g.built.instansi });
    expect(after.length + verifyExtra(g.built.facts, g.spec.tableNumbers).length).toBeGreaterThan(0);
  });
});

describe('sampleSpec draws every dimension of the class', () => {
  const specs = corpusSeeds(MASTER_SEED, 80).map((s, i) => sampleSpec(`c${i}`, s, rng(s)));
  it.each([
    ['producer', (s: (typeof specs)[number]) => s.producer, ['libreoffice', 'chromium']],
    ['table style', (s: (typeof specs)[number]) => s.tableStyles.budget, ['grid', 'hrules', 'booktabs', 'none', 'shaded']],
    ['capaian header rows', (s: (typeof specs)[number]) => s.capaianHeaderRows, [1, 2, 3]],
    ['budget numbering', (s: (typeof specs)[number]) => s.budgetNumbering, ['codes', 'roman', 'decimal', 'none']],
    ['office kind', (s: (typeof specs)[number]) => s.office.kind, ['dinas', 'badan', 'kecamatan', 'inspektorat', 'rsud', 'satpolpp', 'sekretariat']],
  ] as const)('%s', (_name, get, values) => {
    const seen = new Set(specs.map((s) => get(s) as unknown));
    for (const v of values) expect(seen.has(v)).toBe(true);
  });
  it('draws years 2019–2025 and scans about a third of the reports', () => {
    expect(new Set(specs.map((s) => s.tahun))).toEqual(new Set([2019, 2020, 2021, 2022, 2023, 2024, 2025]));
    const scanned = specs.filter((s) => s.scan).length / specs.length;
    expect(scanned).toBeGreaterThan(0.15);
    expect(scanned).toBeLessThan(0.5);
  });
});

describe('verifyExtra', () => {
  const n = (text: string, value: number | null) => printed(text, value, 2, w, (v) => String(v));
  it.each([
    ['above, said above', 80, 75, 1, 0],
    ['above, said below', 80, 75, -1, 1],
    ['below, said below', 70, 75, -1, 0],
    ['below, said above', 70, 75, 1, 1],
  ])('comparison %s', (_name, ours, other, word, violations) => {
    const f = facts({ compare: [{ word: n('lebih tinggi', word), ours: n(String(ours), ours), other: n(String(other), other) }] });
    expect(verifyExtra(f, 'id')).toHaveLength(violations);
  });
  it.each([
    ['right mean', 95, 0],
    ['mean off by a point', 96.1, 1],
  ])('rata-rata row: %s', (_name, mean, violations) => {
    const f = facts({ means: [{ label: 'rata-rata', mean: n(String(mean), mean), parts: [n('90', 90), n('100', 100)] }] });
    expect(verifyExtra(f, 'id')).toHaveLength(violations);
  });
});

describe('transpose', () => {
  it('swaps two adjacent different digits', () => {
    const out = transpose('1.250.300', rng(3));
    expect(out).not.toBeNull();
    expect(out).not.toBe('1.250.300');
    expect([...out!.replace(/\D/g, '')].sort()).toEqual([...'1250300'].sort());
  });
  it('gives null when no two adjacent digits differ', () => {
    expect(transpose('1.111', rng(1))).toBeNull();
  });
});

describe('heldOut', () => {
  const ids = Array.from({ length: 70 }, (_, i) => `c${i}`);
  it('holds out 40%, the same ids on every run', () => {
    const a = heldOut(ids);
    expect(a.size).toBe(28);
    expect([...heldOut(ids)]).toEqual([...a]);
  });
});

describe('tableRows', () => {
  it('expands group headers: a label at its top-left position, empty where it spans', () => {
    const t = { widths: [1, 1, 1, 1], header: [[{ text: 'No', rowspan: 2 }, { text: 'Tahun 2023', colspan: 3 }], [{ text: 'Target' }, { text: 'Realisasi' }, { text: 'Capaian' }]], rows: [] } as unknown as CTable;
    expect(tableRows(t, [{ label: 'a', cells: [{ content: ['1'] }, { content: ['80'] }, { content: ['78,5'] }, { content: ['98,13'] }] }], true)).toEqual([
      ['No', 'Tahun 2023', '', ''],
      ['', 'Target', 'Realisasi', 'Capaian'],
      ['1', '80', '78,5', '98,13'],
    ]);
  });
});

describe('held-out vocabulary', () => {
  // Every third entry of a phrase bank or label list is printed in held-out reports only.
  const reserved = ['Alokasi (Rp)', 'Serapan (%)', 'Selisih (Rp)', 'Setelah Perubahan', 'Sebelum Perubahan'];
  const html = (heldout: boolean): string[] =>
    SEEDS.flatMap((seed, i) => {
      try {
        return [generateReport(`c${i}`, seed, heldout).html.map((h) => h.html).join('\n')];
      } catch {
        return [];
      }
    });
  it('dev reports never print a reserved label; held-out reports do', () => {
    for (const h of html(false)) for (const label of reserved) expect(h).not.toContain(label);
    expect(html(true).some((h) => reserved.some((label) => h.includes(label)))).toBe(true);
  });
});

describe('verify: the gold capaian rule (domain.md §5)', () => {
  const p = (text: string, value: number, decimals: number) => printed(text, value, decimals, w, (v) => String(v));
  it.each([
    ['a whole target is exact: 10,62 / 12 is 88,50, not anything a target of 11,5 to 12,5 allows', '12', 12, '10,62', 10.62, '90,05', 90.05, 1],
    ['the correct capaian', '12', 12, '10,62', 10.62, '88,50', 88.5, 0],
    ['a capaian the realisasi\'s own rounding explains (10,615 to 10,625 of 12)', '12', 12, '10,62', 10.62, '88,54', 88.54, 0],
  ])('%s', (_name, tt, t, rt, r, ct, c, violations) => {
    const f = facts({ capaian: [{ label: 'x', formula: 'ratio', target: p(tt, t, 0), realisasi: p(rt, r, 2), capaian: p(ct, c, 2) }] });
    expect(verify(f, { style: 'id', scale: [], tahun: 2023, instansi: 'x' }).filter((v) => v.check === 'capaian')).toHaveLength(violations);
  });
});
