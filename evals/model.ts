/**
 * Extraction eval: the LKjIP model extracted from each seed PDF against the gold models written by
 * reading the documents (`evals/gold/<doc>.model.json`). Reports, per entity (indicators, budget
 * rows), the share of gold rows found (row recall) and per-field accuracy: the parsed value of each
 * printed field equal to the parsed gold text. A gold row not found counts its fields as wrong.
 */
import { readFile } from 'node:fs/promises';
import { nameSimilarity } from '../src/extract/rules/cells.js';
import type { BudgetRow, Indicator, Report, Value } from '../src/model/report.js';
import { parseNumber, wholeRupiah } from '../src/numbers/index.js';
import { readReport } from '../src/pipeline/extract.js';
import { pct, type DocumentReport, type Metrics, type Scorer } from './lib/report.js';
import { ROOT, SEEDS } from './lib/seeds.js';

export interface GoldIndicator {
  /** Caption of the table the row is printed in; null for a table without one. */
  table: string | null;
  page: number;
  indikator: string;
  target: string | null;
  realisasi: string | null;
  capaian: string | null;
  predikat: string | null;
}

export interface GoldBudget {
  table: string | null;
  page: number;
  kode: string | null;
  uraian: string;
  level: string;
  pagu: string | null;
  realisasi: string | null;
  persen: string | null;
  sisa: string | null;
}

/** `evals/gold/<doc>.model.json` (and the corpus's `gold/<id>.model.json`, see evals/corpus/FORMATS.md). */
export interface GoldModel {
  instansi: string;
  tahun: number;
  indicators: GoldIndicator[];
  budget: GoldBudget[];
}

/** Parsed value of a printed text, as the gold's reader meant it (null for empty or text). */
export function goldValue(text: string | null, rupiah = false): number | null {
  if (text === null || !text.trim()) return null;
  const p = parseNumber(text);
  // A rupiah amount has no three decimals (domain.md §3): "816.000,000" is 816.000.000.
  return (rupiah && p.decimals === 3 ? wholeRupiah(text) : null) ?? p.value;
}

function same(a: number | null | undefined, b: number | null): boolean {
  if (a === null || a === undefined || b === null) return a == null && b === null;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

function pages(v: Array<Value | null | undefined>, page: number): Set<number> {
  return new Set([page, ...v.filter((x): x is Value => Boolean(x)).map((x) => x.cite.page)]);
}

/**
 * Pairs gold rows with extracted rows on the same page by name similarity, breaking ties with the
 * number of equal values; each extracted row is used once.
 */
export function pairRows<G, P>(gold: G[], pred: P[], score: (g: G, p: P) => number, threshold = 0.45): Array<[G, P | undefined]> {
  const candidates: Array<{ gi: number; pi: number; s: number }> = [];
  gold.forEach((g, gi) => pred.forEach((p, pi) => {
    const s = score(g, p);
    if (s >= threshold) candidates.push({ gi, pi, s });
  }));
  candidates.sort((a, b) => b.s - a.s);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const out = new Map<number, P>();
  for (const c of candidates) {
    if (usedG.has(c.gi) || usedP.has(c.pi)) continue;
    usedG.add(c.gi);
    usedP.add(c.pi);
    out.set(c.gi, pred[c.pi]!);
  }
  return gold.map((g, gi) => [g, out.get(gi)]);
}

function indicatorScore(g: GoldIndicator, p: Indicator): number {
  if (!pages([p.target, p.realisasi, p.capaian], p.cite.page).has(g.page)) return 0;
  const name = nameSimilarity(g.indikator, p.indikator);
  const values = [same(p.target?.value, goldValue(g.target)), same(p.realisasi?.value, goldValue(g.realisasi)), same(p.capaian?.value, goldValue(g.capaian))].filter(Boolean).length;
  return name + values * 0.1 + (p.tahun !== null && p.id.endsWith('.prev') ? -0.5 : 0) + sameTable(g.table, p.cite.caption) / 5;
}

function budgetScore(g: GoldBudget, p: BudgetRow): number {
  if (!pages([p.pagu, p.realisasi], p.cite.page).has(g.page)) return 0;
  const totals = g.level === 'total' && p.level === 'total' ? 0.6 : 0;
  const name = Math.max(totals, nameSimilarity(g.uraian, p.uraian));
  const values = [same(p.pagu?.value, goldValue(g.pagu, true)), same(p.realisasi?.value, goldValue(g.realisasi, true))].filter(Boolean).length;
  return name + values * 0.2 + (g.kode && p.kode === g.kode ? 0.3 : 0) + sameTable(g.table, p.cite.caption);
}

/** A bonus when the gold row's table caption is the extracted row's: two "JUMLAH" rows on a page are told apart by their table. */
function sameTable(gold: string | null, caption: string | null | undefined): number {
  return gold && caption && nameSimilarity(gold, caption) >= 0.8 ? 0.5 : 0;
}

interface FieldTally {
  [field: string]: { ok: number; total: number };
}

function tally(t: FieldTally, field: string, ok: boolean): void {
  const f = (t[field] ??= { ok: 0, total: 0 });
  f.total++;
  if (ok) f.ok++;
}

function normLabel(s: string | null | undefined): string {
  return (s ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** What `scoreModel`'s shares are made of, so that several documents can be summed. */
export interface ModelCounts {
  indicatorRows: number;
  indicatorFound: number;
  indicatorFieldsOk: number;
  indicatorFields: number;
  budgetRows: number;
  budgetFound: number;
  budgetFieldsOk: number;
  budgetFields: number;
  /** Indicator and budget fields of gold rows printed on a scanned page (a subset of the above). */
  scannedFieldsOk: number;
  scannedFields: number;
}

export function scoreModel(gold: GoldModel, report: Report, scannedPages: ReadonlySet<number> = new Set()): { metrics: Metrics; lines: string[]; misses: string[]; counts: ModelCounts } {
  const ind = pairRows(gold.indicators, report.indicators, indicatorScore);
  const bud = pairRows(gold.budget, report.budget, budgetScore);
  const fi: FieldTally = {};
  const fb: FieldTally = {};
  const fs: FieldTally = {};
  const misses: string[] = [];
  const onScan = (page: number, field: string, ok: boolean): void => {
    if (scannedPages.has(page)) tally(fs, field, ok);
  };
  for (const [g, p] of ind) {
    if (!p) misses.push(`indicator p${g.page} ${g.indikator.slice(0, 60)} (${(g.table ?? '—').slice(0, 40)})`);
    for (const f of ['target', 'realisasi', 'capaian'] as const) {
      const gv = goldValue(g[f]);
      if (gv === null) continue;
      const ok = Boolean(p && same(p[f]?.value, gv));
      tally(fi, f, ok);
      onScan(g.page, f, ok);
      if (p && !ok) misses.push(`indicator ${f} p${g.page} ${g.indikator.slice(0, 40)}: gold ${g[f]} got ${p[f]?.text ?? '∅'}`);
    }
    if (g.predikat) {
      const ok = Boolean(p && normLabel(p.predikat?.text) === normLabel(g.predikat));
      tally(fi, 'predikat', ok);
      onScan(g.page, 'predikat', ok);
    }
  }
  for (const [g, p] of bud) {
    if (!p) misses.push(`budget p${g.page} ${g.uraian.slice(0, 60)} ${g.pagu ?? ''}`);
    for (const f of ['pagu', 'realisasi', 'persen', 'sisa'] as const) {
      const gv = goldValue(g[f], f !== 'persen');
      if (gv === null) continue;
      const ok = Boolean(p && same(p[f]?.value, gv));
      tally(fb, f, ok);
      onScan(g.page, f, ok);
      if (p && !ok) misses.push(`budget ${f} p${g.page} ${g.uraian.slice(0, 40)}: gold ${g[f]} got ${p[f]?.text ?? '∅'}`);
    }
    tally(fb, 'level', Boolean(p && p.level === g.level));
    onScan(g.page, 'level', Boolean(p && p.level === g.level));
    if (p && p.level !== g.level) misses.push(`budget level p${g.page} ${g.uraian.slice(0, 40)}: gold ${g.level} got ${p.level}`);
  }
  const okOf = (t: FieldTally) => Object.values(t).reduce((s, x) => s + x.ok, 0);
  const totalOf = (t: FieldTally) => Object.values(t).reduce((s, x) => s + x.total, 0);
  const share = (t: FieldTally) => (totalOf(t) ? okOf(t) / totalOf(t) : NaN);
  const counts: ModelCounts = {
    indicatorRows: ind.length,
    indicatorFound: ind.filter(([, p]) => p).length,
    indicatorFieldsOk: okOf(fi),
    indicatorFields: totalOf(fi),
    budgetRows: bud.length,
    budgetFound: bud.filter(([, p]) => p).length,
    budgetFieldsOk: okOf(fb),
    budgetFields: totalOf(fb),
    scannedFieldsOk: okOf(fs),
    scannedFields: totalOf(fs),
  };
  const indRecall = ind.filter(([, p]) => p).length / (ind.length || 1);
  const budRecall = bud.filter(([, p]) => p).length / (bud.length || 1);
  const metrics: Metrics = {
    indicatorRows: ind.length,
    indicatorRecall: indRecall,
    indicatorFieldAccuracy: share(fi),
    budgetRows: bud.length,
    budgetRecall: budRecall,
    budgetFieldAccuracy: share(fb),
    instansi: report.report.instansi && (normLabel(gold.instansi).startsWith(normLabel(report.report.instansi)) || normLabel(report.report.instansi).startsWith(normLabel(gold.instansi))) ? 1 : 0,
    tahun: report.report.tahun === gold.tahun ? 1 : 0,
  };
  const fields = (t: FieldTally) => Object.entries(t).map(([k, v]) => `${k} ${pct(v.ok / v.total)} (${v.ok}/${v.total})`).join(', ');
  const lines = [
    `identity: instansi ${metrics.instansi ? 'ok' : `✗ (${report.report.instansi} vs ${gold.instansi})`}, tahun ${metrics.tahun ? 'ok' : '✗'}`,
    `indicators: ${ind.length} gold rows, recall ${pct(indRecall)}, field accuracy ${pct(share(fi))} — ${fields(fi)}`,
    `budget rows: ${bud.length} gold rows, recall ${pct(budRecall)}, field accuracy ${pct(share(fb))} — ${fields(fb)}`,
    ...misses.slice(0, 12).map((m) => `  miss: ${m}`),
    ...(misses.length > 12 ? [`  … ${misses.length - 12} more in evals/out/model.json`] : []),
  ];
  return { metrics, lines, misses, counts };
}

export const modelScorer: Scorer = {
  name: 'model',
  async run() {
    const documents: DocumentReport[] = [];
    const details: Record<string, string[]> = {};
    for (const seed of SEEDS) {
      const gold = JSON.parse(await readFile(`${ROOT}evals/gold/${seed.doc}.model.json`, 'utf8')) as GoldModel;
      const report = await readReport(seed.pdf, { ocr: 'off' });
      const { metrics, lines, misses } = scoreModel(gold, report);
      documents.push({ doc: seed.doc, metrics, lines });
      details[seed.doc] = misses;
    }
    const avg = (k: string) => documents.reduce((s, d) => s + (d.metrics[k] ?? 0), 0) / documents.length;
    const totals: Metrics = {
      indicatorRecall: avg('indicatorRecall'),
      indicatorFieldAccuracy: avg('indicatorFieldAccuracy'),
      budgetRecall: avg('budgetRecall'),
      budgetFieldAccuracy: avg('budgetFieldAccuracy'),
    };
    return { name: 'model', documents, totals, lines: ['target: ≥ 98% field accuracy and row recall on both documents'], details };
  },
};
