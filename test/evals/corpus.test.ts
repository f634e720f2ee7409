import { describe, expect, it } from 'vitest';
import {
  aggregate,
  alignColumns,
  breakdownLines,
  buildReport,
  dimensionsOf,
  formatSideBySide,
  gap,
  normaliseModelGold,
  perCheckLines,
  redact,
  scoreCorpusDocument,
  scoreTables,
  selectEntries,
  sideRows,
  SEED_TABLES,
  toGoldTable,
  warningLines,
  type CorpusEntry,
  type CorpusTable,
  type DocCounts,
  type DocumentGold,
  type PipelineOutput,
} from '../../evals/corpus.js';
import type { GoldFinding, Predicted } from '../../evals/findings.js';
import { EMPTY_TALLY, type Grid, type Tally } from '../../evals/lib/score.js';
import type { GoldModel } from '../../evals/model.js';

const grid = (id: string, rows: string[][], page = 1): Grid => ({ id, pages: [page], rows: rows.map((cells) => ({ page, cells, cellPages: cells.map(() => page) })) });

const table = (over: Partial<CorpusTable> = {}): CorpusTable => ({
  id: 'c001:t1',
  caption: 'Tabel 3.1 Capaian',
  pages: [7],
  scanned: false,
  headerRows: 1,
  rows: [
    ['No', 'Indikator', 'Target', 'Realisasi'],
    ['1', 'Indeks Kepuasan Masyarakat', '80', '74,95'],
    ['2', 'Nilai SAKIP', '75', '63,90'],
  ],
  ...over,
});

const tallyOf = (over: Partial<Tally>): Tally => ({ ...EMPTY_TALLY, ...over });

function counts(over: Partial<DocCounts> = {}): DocCounts {
  return { failed: false, checkErrors: 0, perCheck: {}, ...over };
}

const findings = (tp: number, fp: number, fn: number, over: Partial<NonNullable<DocCounts['findings']>> = {}): NonNullable<DocCounts['findings']> => ({ tp, fp, fn, covered: 0, trapFps: 0, duplicates: 0, trapsHit: 0, traps: 0, errorTp: 0, errorFp: 0, warningTp: 0, warningFp: 0, ...over });

function gold(over: Partial<GoldFinding> = {}): GoldFinding {
  return { id: 'F1', check: 'capaian', severity: 'error', page: 7, table: 'Tabel 3.1', row: 'Indeks Kepuasan Masyarakat', column: 'Capaian (%)', printed: '98,21', expected: '92,81', ...over };
}

function pred(over: Partial<Predicted> = {}): Predicted {
  return { id: 'p', check: 'capaian', severity: 'error', pages: [7], labels: ['Indeks Kepuasan Masyarakat'], columns: ['Capaian (%)'], printed: { text: '98,21', value: 98.21 }, expected: 92.81, message: 'm', causedBy: [], ...over };
}

const entry = (id: string, split: 'dev' | 'heldout', over: Partial<CorpusEntry> = {}): CorpusEntry => ({ id, split, pdf: `evals/corpus/pdf/${id}.pdf`, ...over });

describe('toGoldTable', () => {
  it.each([
    ['keeps header rows and normalises spaces', table({ rows: [['No', ' Indikator  Kinerja '], ['1', 'IKM']] }), [['No', 'Indikator Kinerja'], ['1', 'IKM']]],
    ['drops rows without text', table({ rows: [['No', 'A'], ['', ''], ['1', 'x']] }), [['No', 'A'], ['1', 'x']]],
    ['reads numbers and nulls as text', table({ rows: [['No', 'A'], [1, null]] }), [['No', 'A'], ['1', '']]],
  ])('%s', (_name, t, rows) => {
    expect(toGoldTable(t).rows).toEqual(rows);
  });
  it('is an html GoldTable with its caption and position', () => {
    expect(toGoldTable(table(), 2)).toMatchObject({ id: 'c001:t1', line: 3, endLine: 3, kind: 'html', caption: 'Tabel 3.1 Capaian', skipped: 0 });
    expect('caption' in toGoldTable(table({ caption: null }))).toBe(false);
  });
});

describe('scoreTables', () => {
  const printed = [
    ['No', 'Indikator', 'Target', 'Realisasi'],
    ['1', 'Indeks Kepuasan Masyarakat', '80', '74,95'],
    ['2', 'Nilai SAKIP', '75', '63,90'],
  ];
  it.each([
    ['recovers a table read as printed', [grid('t1', printed)], { recovered: true, cells: 12, cellsOk: 12, numeric: 6, numericOk: 6 }],
    ['counts nothing extracted as all cells missed', [], { recovered: false, cells: 12, cellsOk: 0, numeric: 6, numericOk: 0 }],
    [
      'maps a shifted column',
      [grid('t1', printed.map((r) => ['', ...r]))],
      { recovered: false, recoveredMapped: true, cellsOk: 0, cellsMapped: 12 },
    ],
  ])('%s', (_name, grids, expected) => {
    const [r] = scoreTables([table()], grids);
    expect(r).toMatchObject(expected);
  });
  it('keeps scanned tables marked and assigns in document order', () => {
    const a = table({ id: 'a', pages: [9], scanned: true });
    const b = table({ id: 'b', pages: [3] });
    const results = scoreTables([a, b], [grid('t1', printed, 3)]);
    expect(results.map((r) => [r.id, r.scanned])).toEqual([
      ['b', false],
      ['a', true],
    ]);
  });
});

describe('scoreCorpusDocument', () => {
  const model: GoldModel = {
    instansi: 'Dinas X',
    tahun: 2023,
    indicators: [{ table: null, page: 7, indikator: 'Indeks Kepuasan Masyarakat', target: '80', realisasi: '74,95', capaian: null, predikat: null }],
    budget: [],
  };
  const docGold: DocumentGold = { tables: [table()], model, findings: { gold: [gold()], traps: [] } };
  const failed: PipelineOutput = { grids: [], predicted: [], error: 'boom', checkErrors: 0 };

  it('scores a failed pipeline as having extracted nothing', () => {
    const d = scoreCorpusDocument({ id: 'c001', split: 'dev', dims: {}, title: 't', gold: docGold, run: failed });
    expect(d.counts.failed).toBe(true);
    expect(d.counts.tables?.text).toMatchObject({ tables: 1, recovered: 0, cells: 12, cellsOk: 0 });
    expect(d.counts.model).toMatchObject({ indicatorRows: 1, indicatorFound: 0, indicatorFields: 2, indicatorFieldsOk: 0 });
    expect(d.counts.findings).toMatchObject({ tp: 0, fp: 0, fn: 1 });
    expect(d.lines.some((l) => l.includes('PIPELINE FAILED'))).toBe(true);
  });
  it('leaves out what has no gold file', () => {
    const d = scoreCorpusDocument({ id: 'c001', split: 'dev', dims: {}, title: 't', gold: {}, run: failed });
    expect([d.counts.tables, d.counts.model, d.counts.findings]).toEqual([undefined, undefined, undefined]);
    expect(Number.isNaN(d.metrics.findingsPrecision)).toBe(true);
  });
  it('honours unaudited pages as findings.ts does', () => {
    const run: PipelineOutput = { grids: [], predicted: [pred(), pred({ id: 'q', check: 'sisa', pages: [55] })], checkErrors: 0 };
    const scored = scoreCorpusDocument({ id: 's', split: 'seeds', dims: {}, title: 't', gold: { findings: { gold: [gold()], traps: [] } }, run, unaudited: [55] });
    expect(scored.counts.findings).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    const all = scoreCorpusDocument({ id: 's', split: 'seeds', dims: {}, title: 't', gold: { findings: { gold: [gold()], traps: [] } }, run });
    expect(all.counts.findings).toMatchObject({ tp: 1, fp: 1 });
  });
  it('counts matched and unmatched predictions by severity', () => {
    const run: PipelineOutput = {
      grids: [],
      predicted: [pred(), pred({ id: 'q', check: 'sisa', severity: 'warning', pages: [9] }), pred({ id: 'r', check: 'serapan', severity: 'error', pages: [11] })],
      checkErrors: 0,
    };
    const d = scoreCorpusDocument({ id: 'c001', split: 'dev', dims: {}, title: 't', gold: { findings: { gold: [gold()], traps: [] } }, run });
    expect(d.counts.findings).toMatchObject({ errorTp: 1, errorFp: 1, warningTp: 0, warningFp: 1 });
  });
});

describe('normaliseModelGold', () => {
  it('reads the level `sub` as sub_kegiatan', () => {
    const g: GoldModel = { instansi: 'x', tahun: 2023, indicators: [], budget: [{ table: null, page: 1, kode: null, uraian: 'u', level: 'sub', pagu: null, realisasi: null, persen: null, sisa: null }] };
    expect(normaliseModelGold(g).budget[0]?.level).toBe('sub_kegiatan');
  });
});

describe('aggregate', () => {
  it.each([
    {
      name: 'sums counts (micro) and averages shares (macro)',
      docs: [counts({ findings: findings(3, 1, 0) }), counts({ findings: findings(1, 0, 3) })],
      micro: { tp: 4, fp: 1, fn: 3 },
      macroPrecision: (0.75 + 1) / 2,
      macroRecall: (1 + 0.25) / 2,
    },
    {
      name: 'leaves a document without findings gold out',
      docs: [counts({ findings: findings(2, 2, 2) }), counts()],
      micro: { tp: 2, fp: 2, fn: 2 },
      macroPrecision: 0.5,
      macroRecall: 0.5,
    },
    {
      name: 'leaves an undefined precision out of the macro mean',
      docs: [counts({ failed: true, findings: findings(0, 0, 4) }), counts({ findings: findings(1, 1, 0) })],
      micro: { tp: 1, fp: 1, fn: 4 },
      macroPrecision: 0.5,
      macroRecall: 0.5,
    },
  ])('$name', ({ docs, micro, macroPrecision, macroRecall }) => {
    const s = aggregate(docs);
    expect(s.findings).toMatchObject(micro);
    expect(s.macro.findingsPrecision.mean).toBeCloseTo(macroPrecision, 10);
    expect(s.macro.findingsRecall.mean).toBeCloseTo(macroRecall, 10);
  });
  it('sums tables, model counts, failures and checks', () => {
    const s = aggregate([
      counts({ failed: true, tables: { text: tallyOf({ tables: 2, recovered: 1, numeric: 10, numericOk: 5 }), scanned: tallyOf({ tables: 1, numeric: 4, numericMapped: 1 }) }, perCheck: { capaian: { tp: 1, fp: 0, fn: 1 } } }),
      counts({ tables: { text: tallyOf({ tables: 1, recovered: 1, numeric: 2, numericOk: 2 }), scanned: tallyOf({}) }, perCheck: { capaian: { tp: 1, fp: 1, fn: 0 }, sisa: { tp: 0, fp: 0, fn: 2 } } }),
    ]);
    expect([s.documents, s.failed, s.withTables]).toEqual([2, 1, 2]);
    expect(s.tables.text).toMatchObject({ tables: 3, recovered: 2, numeric: 12, numericOk: 7 });
    expect(s.tables.scanned).toMatchObject({ tables: 1, numeric: 4, numericMapped: 1 });
    expect(s.perCheck).toEqual({ capaian: { tp: 2, fp: 1, fn: 1 }, sisa: { tp: 0, fp: 0, fn: 2 } });
    expect(s.macro.tablesRecovered.mean).toBeCloseTo(0.75, 10);
  });
  it('is empty (NaN shares) without documents', () => {
    expect(Number.isNaN(aggregate([]).macro.findingsRecall.mean)).toBe(true);
  });
});

describe('side-by-side table', () => {
  const dev = aggregate([counts({ findings: findings(9, 1, 1) })]);
  const heldout = aggregate([counts({ findings: findings(8, 2, 2) })]);
  const seeds = aggregate([counts({ findings: findings(5, 5, 5) })]);

  it.each([
    [{ share: 0.9, text: '' }, { share: 0.85, text: '' }, '+5.0 pp'],
    [{ share: 0.8, text: '' }, { share: 0.85, text: '' }, '−5.0 pp'],
    [{ share: Number.NaN, text: '—' }, { share: 0.5, text: '' }, '—'],
    ['not run', { share: 0.5, text: '' }, '—'],
  ])('gap(%o, %o) = %s', (a, b, expected) => {
    expect(gap(a, b)).toBe(expected);
  });
  it('has one row per metric; the seeds defer tables to the tables scorer; unrun splits say so', () => {
    const rows = sideRows({ dev, heldout: undefined, seeds });
    const precision = rows.find((r) => r.metric === 'findings precision')!;
    expect(precision.dev).toEqual({ share: 0.9, text: '90.0% (9/10)' });
    expect(precision.heldout).toBe('not run');
    expect(precision.seeds).toEqual({ share: 0.5, text: '50.0% (5/10)' });
    expect(rows.find((r) => r.metric === 'numeric cells exact')!.seeds).toBe(SEED_TABLES);
    expect(rows.map((r) => r.metric)).toEqual(
      expect.arrayContaining(['tables recovered (text pages)', 'numeric cells exact', 'numeric cells mapped', 'scanned-table numeric cells mapped', 'indicator recall', 'indicator field accuracy', 'budget recall', 'budget field accuracy', 'findings precision', 'findings recall', 'findings recall merged', 'trap hits / traps', 'audit failures']),
    );
  });
  it('prints aligned columns dev | heldout | seeds | gap', () => {
    const lines = formatSideBySide(sideRows({ dev, heldout, seeds }));
    expect(lines[0]).toMatch(/^metric\s+dev\s+heldout\s+seeds\s+gap \(dev − heldout\)$/);
    const precision = lines.find((l) => l.startsWith('findings precision '))!;
    expect(precision).toMatch(/90\.0% \(9\/10\)\s+80\.0% \(8\/10\)\s+50\.0% \(5\/10\)\s+\+10\.0 pp$/);
    expect(new Set(lines.map((l) => l.length)).size).toBeLessThanOrEqual(2);
  });
  it('aligns columns', () => {
    expect(alignColumns([['a', 'bb'], ['ccc', 'd']])).toEqual(['a    bb', 'ccc   d']);
  });
});

describe('dimensions and breakdowns', () => {
  it.each([
    [entry('c1', 'dev', { producer: 'chromium', scannedPages: [3] }), { producer: ['chromium'], scanned: ['scanned'] }],
    [entry('c2', 'dev', { producer: 'libreoffice', scannedPages: [], layout: { tableStyles: ['grid', 'none'] } }), { producer: ['libreoffice'], scanned: ['text only'], tableStyle: ['grid', 'none'] }],
    [entry('c3', 'dev', { layout: { tableStyles: { pk: 'grid', budget: 'hrules', other: 'grid' } } }), { scanned: ['text only'], tableStyle: ['grid', 'hrules'] }],
    [entry('c4', 'dev', { layout: { tableStyle: 'booktabs' } }), { scanned: ['text only'], tableStyle: ['booktabs'] }],
  ])('dimensionsOf %#', (e, dims) => {
    expect(dimensionsOf(e)).toEqual(dims);
  });
  it('breaks down by dimension value from counts', () => {
    const lines = breakdownLines('dev', [
      { dims: { producer: ['chromium'] }, counts: counts({ findings: findings(1, 0, 1) }) },
      { dims: { producer: ['chromium'] }, counts: counts({ findings: findings(1, 0, 1) }) },
      { dims: { producer: ['libreoffice'] }, counts: counts({ findings: findings(0, 1, 0) }) },
    ]);
    expect(lines[0]).toBe('dev by producer:');
    expect(lines[1]).toMatch(/chromium\s+2 docs\s+findings P 100\.0% R {2}50\.0%/);
    expect(lines[2]).toMatch(/libreoffice\s+1 docs\s+findings P {3}0\.0% R {6}—/);
  });
  it('lists precision and recall per check for each split', () => {
    const lines = perCheckLines({ dev: { capaian: { tp: 1, fp: 1, fn: 0 } }, heldout: { sisa: { tp: 0, fp: 0, fn: 1 } } });
    expect(lines[0]).toBe('per check (dev | heldout):');
    expect(lines[1]).toMatch(/capaian\s+P {2}50\.0% R 100\.0% \(tp 1, fp 1, fn 0\)\s+P {6}— R {6}— \(tp 0, fp 0, fn 0\)/);
    expect(lines).toHaveLength(3);
  });

  it('lists the precision of warnings per issuing check for each split, and sums it over documents', () => {
    const summed = aggregate([
      { failed: false, checkErrors: 0, perCheck: {}, warningsByCheck: { 'trend-words': { tp: 2, fp: 1 } } },
      { failed: false, checkErrors: 0, perCheck: {}, warningsByCheck: { 'trend-words': { tp: 1, fp: 0 }, 'count-claim': { tp: 0, fp: 1 } } },
    ]).warningsByCheck;
    expect(summed).toEqual({ 'trend-words': { tp: 3, fp: 1 }, 'count-claim': { tp: 0, fp: 1 } });
    const lines = warningLines({ dev: summed, heldout: { 'trend-words': { tp: 5, fp: 0 } } });
    expect(lines[0]).toBe('precision of warnings by check (dev | heldout):');
    expect(lines[1]).toMatch(/count-claim\s+0\.0% \(0\/1\)\s+—/);
    expect(lines[2]).toMatch(/trend-words\s+75\.0% \(3\/4\)\s+100\.0% \(5\/5\)/);
  });
});

describe('selectEntries', () => {
  const manifest = [entry('c001', 'dev'), entry('c002', 'heldout'), entry('c003', 'dev')];
  it.each([
    [{}, ['c001', 'c002', 'c003'], ['dev', 'heldout'], true],
    [{ EVAL_SPLIT: 'dev' }, ['c001', 'c003'], ['dev'], false],
    [{ EVAL_SPLIT: 'heldout' }, ['c002'], ['heldout'], false],
    [{ EVAL_DOCS: 'c003' }, ['c003'], ['dev'], false],
    [{ EVAL_SPLIT: 'dev', EVAL_DOCS: 'c001, c003' }, ['c001', 'c003'], ['dev'], false],
  ])('%o', (env, ids, splits, seeds) => {
    const s = selectEntries(manifest, env);
    expect(s.refused).toBeUndefined();
    expect([s.entries.map((e) => e.id), s.splits, s.seeds]).toEqual([ids, splits, seeds]);
  });
  it.each([
    [{ EVAL_DOCS: 'c001,c002' }, /dev documents only/],
    [{ EVAL_DOCS: 'c009' }, /not in the corpus manifest: c009/],
    [{ EVAL_SPLIT: 'heldout', EVAL_DOCS: 'c001' }, /dev documents only/],
    [{ EVAL_SPLIT: 'test' }, /EVAL_SPLIT must be/],
  ])('refuses %o', (env, message) => {
    const s = selectEntries(manifest, env);
    expect(s.refused).toMatch(message);
    expect(s.entries).toEqual([]);
  });
});

describe('held-out discipline', () => {
  const SECRET = 'h-secret-007';
  const run: PipelineOutput = { grids: [grid('t9', [['No', 'Indikator'], ['1', 'zzz-extracted-only']])], predicted: [pred({ id: 'fp-secret', check: 'sisa', pages: [3], labels: ['zzz-predicted-label'], message: 'zzz-predicted-message' })], error: 'zzz-error-message', checkErrors: 0 };
  const docGold: DocumentGold = {
    tables: [table({ id: `${SECRET}:t1`, caption: 'zzz-caption' })],
    model: { instansi: 'x', tahun: 2023, indicators: [{ table: 'zzz-table', page: 7, indikator: 'zzz-indikator', target: '1', realisasi: '2', capaian: null, predikat: null }], budget: [] },
    findings: { gold: [gold({ id: 'zzz-gold-id', row: 'zzz-gold-row' })], traps: [gold({ id: 'zzz-trap-id', severity: null })] },
  };
  const heldout = scoreCorpusDocument({ id: SECRET, split: 'heldout', dims: { producer: ['chromium'] }, title: `zzz-title ${SECRET}`, gold: docGold, run });
  const dev = scoreCorpusDocument({ id: 'c001', split: 'dev', dims: { producer: ['chromium'] }, title: 'c001 title', gold: { ...docGold, tables: [table()] }, run });
  const leaks = (x: unknown): string[] => {
    const json = JSON.stringify(x);
    return [SECRET, 'zzz-', 'fp-secret'].filter((s) => json.includes(s));
  };

  it('the unredacted held-out document does hold per-item data (the test would catch a leak)', () => {
    expect(leaks(heldout).length).toBeGreaterThan(0);
  });
  it('redact keeps counts and dimensions only', () => {
    const r = redact(heldout);
    expect(leaks(r)).toEqual([]);
    expect(r.counts).toEqual(heldout.counts);
    expect(r.dims).toEqual(heldout.dims);
    expect(redact(dev)).toBe(dev);
  });
  it('the report has no per-item data of held-out documents, printed or JSON, but counts them', () => {
    const report = buildReport([dev, heldout], { splits: ['dev', 'heldout'], seeds: false });
    const heldoutOnly = buildReport([heldout], { splits: ['dev', 'heldout'], seeds: false });
    expect(leaks(heldoutOnly)).toEqual([]);
    expect(heldoutOnly.documents).toEqual([]);
    expect(heldoutOnly.totals.heldoutDocuments).toBe(1);
    expect(heldoutOnly.totals.heldoutFn).toBe(1);
    expect(heldoutOnly.totals.heldoutAuditFailures).toBe(1);
    expect(heldoutOnly.lines?.some((l) => /held-out document\(s\) failed/.test(l))).toBe(true);
    // With a dev document beside it: the dev one is detailed, the held-out one still nowhere.
    expect(report.documents.map((d) => d.doc)).toEqual(['c001']);
    expect(JSON.stringify(report)).not.toContain(SECRET);
    expect((report.details as { documents: Record<string, unknown> }).documents).toHaveProperty('c001');
    expect(report.lines?.join('\n')).toContain('dev by producer:');
    expect(report.lines?.join('\n')).toContain('heldout by producer:');
  });
});
