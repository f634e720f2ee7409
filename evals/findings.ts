/**
 * Findings eval: runs the audit on every document that has gold findings (the two seed reports with
 * the hand-written gold in `evals/gold/`, and the synthetic corpus in `evals/synthetic/`, see its
 * README) and compares the predicted findings with the gold ones. Reports precision and recall per
 * document and overall, the gold findings missed, and the false positives (traps hit, duplicates,
 * others) so that extraction and checks can be improved where it matters.
 *
 * Matching rule (the functions below, unit-tested in test/evals/findings.test.ts):
 *
 * - A predicted finding is a candidate for a gold finding when
 *   1. the check is the same, or is one of the gold finding's `also_checks`;
 *   2. it cites (any citation) a page where the gold finding is printed: its `page`, the pages in
 *      `also` (the same wrong figure printed elsewhere) and, for cross-table, the `counterparts`
 *      (the figures it disagrees with, since either side may be cited);
 *   3. on that page, the row label is similar (≥ LABEL_THRESHOLD: the same letters ignoring case
 *      and spaces, one label heading or ending the other, or every content word of the shorter label
 *      found in the longer one, covering at least half of it; see `labelSimilarity`) or the printed value is
 *      equal (same text after dropping `Rp`, `,-`, `,00`, `%` and spaces; or the same number; or,
 *      for a sentence, one text containing the other); the gold `expected` also counts as printed,
 *      because checks that compare two printed values (terbilang, cross-table) may report either;
 *   4. the columns do not contradict each other: when both sides name a column whose role is known
 *      (pagu, next-year forecast, realisasi, sisa, percentage, predikat, target), the roles are the same.
 *   The predicted row labels are the subject of its message (`Label: …`) and the names of the
 *   indicators, budget and efficiency rows its citations and subject point at in the extracted model.
 * - Pairs are assigned greedily, best score first (same check, printed equality, label similarity,
 *   citing the gold's own page), so a predicted finding matches at most one gold finding and a gold
 *   finding at most one predicted finding.
 * - An unmatched predicted finding that is a candidate for a trap (a figure that must not be
 *   flagged) is a false positive reported as a trap hit; one that is a candidate for an already
 *   matched gold finding is a false positive reported as a duplicate.
 * - `info` findings are advisory: they are left out of precision and recall on both sides and only
 *   counted.
 * - An unmatched predicted finding whose `causedBy` all point at findings matched to gold entries
 *   that list its check in `also_checks` (the hand audit's "Σ sub sisa ≠ kegiatan sisa" noted under
 *   the sub-kegiatan's own sisa) is the consequence the gold acknowledges, not a false positive; it
 *   is counted as `acknowledged`.
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import type { Citation, Finding, Report } from '../src/model/report.js';
import { audit } from '../src/pipeline/audit.js';
import { clip, pct, ratio, type DocumentReport, type Metrics, type ScoreReport, type Scorer } from './lib/report.js';
import { ROOT, SEEDS } from './lib/seeds.js';

export const LABEL_THRESHOLD = 0.8;
const SHOW = 25;

/** A place where a gold figure is printed. */
export interface GoldPlace {
  page: number;
  table?: string | null;
  row?: string | null;
  column?: string | null;
  printed?: string | null;
}

/** One entry of `<doc>.findings.json` or `<doc>.traps.json`. */
export interface GoldFinding extends GoldPlace {
  id?: string;
  check: string;
  severity: string | null;
  expected?: string | null;
  formula?: string;
  explanation?: string;
  why_not?: string;
  also?: GoldPlace[];
  also_checks?: string[];
  counterparts?: GoldPlace[];
}

/** A predicted finding reduced to what matching needs. */
export interface Predicted {
  id: string;
  check: string;
  severity: string;
  pages: number[];
  /** Row labels: message subject, names of the cited model rows. */
  labels: string[];
  /** Column labels of its citations. */
  columns: string[];
  printed: { text: string; value: number | null } | null;
  expected: string | number | null;
  message: string;
  /** Ids of the findings that explain this one (a total off because of a row's typo). */
  causedBy: string[];
}

// ---- pure matching helpers ------------------------------------------------------------------------

const squashLower = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');

const STOPWORDS = new Set(['dan', 'di', 'ke', 'dari', 'yang', 'pada', 'untuk', 'serta', 'dalam', 'atau', 'program', 'kegiatan', 'sub']);

function words(s: string): string[] {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2 && !STOPWORDS.has(w) && !/^\d{1,3}$/.test(w));
}

/** Share of `a`'s words found in `b`; a word also matches one it starts or that starts it (`kab`, `kabupaten`). */
function coverage(a: readonly string[], b: readonly string[]): number {
  if (!a.length) return 0;
  const hit = (w: string): boolean => b.some((v) => v === w || (Math.min(v.length, w.length) >= 3 && (v.startsWith(w) || w.startsWith(v))));
  return a.filter(hit).length / a.length;
}

/**
 * Similarity of two row labels in [0, 1]. 1 when they are the same letters once case, spacing and
 * punctuation are ignored (so `Pem eliha raan` matches `Pemeliharaan`), or when one starts or ends
 * the other and is at least 12 letters or half of it (`Program: X` and `X`). Otherwise word by word:
 * every content word of the shorter label must occur in the longer one (or start, or be started by,
 * one of its words), which keeps `Administrasi Keuangan Perangkat Daerah` and `Administrasi Umum
 * Perangkat Daerah` apart; the score then grows with the share of the longer label's words covered
 * and reaches LABEL_THRESHOLD (0.8) at three fifths.
 *
 * @example
 *   labelSimilarity('J U M L A H', 'Jumlah'); // 1
 *   labelSimilarity('Program Penunjang Urusan Pemerintah Kab/Kota', 'PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA') >= LABEL_THRESHOLD; // true
 *   labelSimilarity('Administrasi Umum Perangkat Daerah', 'Administrasi Keuangan Perangkat Daerah') < LABEL_THRESHOLD; // true
 */
export function labelSimilarity(a: string | null | undefined, b: string | null | undefined): number {
  if (!a || !b) return 0;
  const x = squashLower(a).replace(/[^\p{L}\p{N}]/gu, '');
  const y = squashLower(b).replace(/[^\p{L}\p{N}]/gu, '');
  if (!x || !y) return 0;
  if (x === y) return 1;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  // A prefix or suffix counts when it is a name: `Jumlah` must not match `Jumlah titik genangan …`.
  if ((long.startsWith(short) || long.endsWith(short)) && (short.length >= 12 || short.length >= long.length / 2)) return 1;
  const wa = words(a);
  const wb = words(b);
  const [ws, wl] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  const s = coverage(ws, wl);
  const l = coverage(wl, ws);
  return s === 1 ? (1 + l) / 2 : Math.min(s, l) / 2;
}

/**
 * A printed text as compared for equality: lower case, no spaces, without `Rp`, a trailing `,-`,
 * `,00`, `%` or enclosing parentheses.
 *
 * @example
 *   normalizePrinted('Rp. 1.357.900.000,-'); // '1.357.900.000'
 *   normalizePrinted('96,56 %');             // '96,56'
 */
export function normalizePrinted(text: string): string {
  let s = squashLower(text).replace(/^\((.*)\)$/, '$1');
  s = s.replace(/^rp\.?/, '');
  s = s.replace(/(?:[.,]-{1,2}|[.,]00|%)+$/, '');
  return s.replace(/^\((.*)\)$/, '$1');
}

/**
 * The numbers a printed text may denote: each number in it read in Indonesian style, in US style and
 * as plain digits (the gold keeps printed text, so both readings are tried).
 *
 * @example
 *   printedNumbers('Rp. 8.518.981.015,-'); // [8518981015]
 *   printedNumbers('98.40').includes(98.4); // true
 *   printedNumbers('naik dari 86% menjadi 92,08%'); // [86, 92.08, 9208]
 */
export function printedNumbers(text: string): number[] {
  const out = new Set<number>();
  for (const m of text.normalize('NFKC').matchAll(/\d[\d.,]*/g)) {
    const raw = m[0].replace(/[.,]+$/, '');
    const id = Number(raw.replace(/\./g, '').replace(',', '.'));
    const us = Number(raw.replace(/,/g, ''));
    for (const v of [id, us]) if (Number.isFinite(v)) out.add(v);
  }
  return [...out];
}

const isNumeric = (s: string): boolean => /^[\d.,()-]+$/.test(s);

/**
 * Whether a predicted printed value is the gold printed text (or, swapped, the gold expected one).
 *
 * @example
 *   printedEquals('Rp. 1.357.900.000,-', { text: 'Rp.1.357.900.000', value: 1357900000 }); // true
 *   printedEquals('59 (Lima Puluh Sembilan) Sub Kegiatan', { text: '… 15 (Lima belas) Kegiatan dan 59 (Lima Puluh Sembilan) Sub Kegiatan …', value: 59 }); // true
 *   printedEquals('59 (Lima Puluh Sembilan) Sub Kegiatan', { text: '… 15 (Lima belas) Kegiatan dan 59 (Lima Puluh Sembilan) Sub Kegiatan …', value: 15 }); // false
 */
export function printedEquals(gold: string | null | undefined, pred: Predicted['printed']): boolean {
  if (!gold || !pred) return false;
  const g = normalizePrinted(gold);
  const p = normalizePrinted(pred.text);
  if (!g || !p) return false;
  if (g === p) return true;
  // A sentence holding several numbers ("4 program, 10 kegiatan …") is told apart by the value.
  const goldNumbers = printedNumbers(gold);
  if (pred.value !== null && goldNumbers.length && !goldNumbers.some((v) => sameNumber(v, pred.value!))) return false;
  // Sentences and names: containment (not for bare numbers, where 1.000 sits inside 11.000).
  if (!isNumeric(g) && !isNumeric(p)) {
    const [short, long] = g.length <= p.length ? [g, p] : [p, g];
    if (short.length >= 4 && long.includes(short)) return true;
  }
  return pred.value !== null && isNumeric(g) && goldNumbers.length > 0;
}

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

export type ColumnRole = 'pagu' | 'prakiraan' | 'realisasi' | 'sisa' | 'ratio' | 'predikat' | 'target';

const ROLES: Array<[RegExp, ColumnRole]> = [
  // A work plan's next-year forecast ("Prakiraan Maju … / Pagu Indikatif") is not the year's pagu.
  [/prakiraan/, 'prakiraan'],
  [/efisien/, 'ratio'],
  [/predikat|kriteria|kategori/, 'predikat'],
  [/sisa|selisih|saldo/, 'sisa'],
  [/targetkeuangan|pagu|alokasi/, 'pagu'],
  [/serapan|penyerapan|kinerjakeuangan|capaiankeuangan|capaian/, 'ratio'],
  [/realisasi/, 'realisasi'],
  [/anggaran/, 'pagu'],
  [/target/, 'target'],
  [/%|persen/, 'ratio'],
];

/**
 * What a column holds, from its header; null when the header says nothing known. Capaian, % serapan
 * and efisiensi are one role (`ratio`): merged headers such as `ANGGARAN / CAPAIAN` mix them.
 *
 * @example
 *   columnRole('SISA PAGU ANGGARA N (RP)'); // 'sisa'
 *   columnRole('Realisasi (Rp)');           // 'realisasi'
 *   columnRole('Prakiraan Maju 2024');      // 'prakiraan'
 *   columnRole('Uraian');                   // null
 */
export function columnRole(label: string | null | undefined): ColumnRole | null {
  if (!label) return null;
  const s = squashLower(label);
  for (const [re, role] of ROLES) if (re.test(s)) return role;
  return null;
}

/**
 * False only when both sides name columns of known, different roles.
 *
 * @example
 *   columnsCompatible('Pagu (Rp)', ['Realisasi (Rp)']); // false
 *   columnsCompatible('ANGGARAN', ['Pagu (Rp)']);       // true
 *   columnsCompatible(null, ['Realisasi (Rp)']);        // true
 */
export function columnsCompatible(gold: string | null | undefined, pred: readonly string[]): boolean {
  const g = columnRole(gold);
  if (!g) return true;
  const roles = pred.map(columnRole);
  if (!roles.length || roles.some((r) => r === null)) return true;
  return roles.includes(g);
}

/** The places a gold finding is printed: its own, `also`, and for cross-table its counterparts. */
export function goldPlaces(g: GoldFinding): GoldPlace[] {
  return [g, ...(g.also ?? []), ...(g.check === 'cross-table' ? (g.counterparts ?? []) : [])];
}

/**
 * How well a predicted finding fits a gold finding; 0 when it is not a candidate (see the module
 * comment for the rule).
 *
 * @example
 *   pairScore(gold, predicted) > 0; // same check, a shared page, and a similar row or equal value
 */
export function pairScore(g: GoldFinding, p: Predicted): number {
  const sameCheck = p.check === g.check;
  if (!sameCheck && !(g.also_checks ?? []).includes(p.check)) return 0;
  let best = 0;
  goldPlaces(g).forEach((place, i) => {
    if (!p.pages.includes(place.page)) return;
    if (!columnsCompatible(place.column, p.columns)) return;
    const label = Math.max(0, ...p.labels.map((l) => labelSimilarity(place.row, l)));
    const quoted = quotes(g, place, p);
    const printed = quoted || printedEquals(place.printed, p.printed) || (i === 0 && printedEquals(g.expected, p.printed));
    if (label < LABEL_THRESHOLD && !printed) return;
    const score = (sameCheck ? 2 : 1) + (printed ? 1 : 0) + label + (i === 0 ? 0.5 : 0);
    best = Math.max(best, score);
  });
  return best;
}

/**
 * Year and office mentions: the hand audit quotes the phrase ("Kinerja Utama Tahun 2022"), the
 * finding the stray part of it ("2022"); a quote containing it is the same printed text.
 */
function quotes(g: GoldFinding, place: GoldPlace, p: Predicted): boolean {
  const squash = (t: string | null | undefined) => (t ?? '').toLowerCase().replace(/\s*[-–—]\s*/g, '-').replace(/\s+/g, ' ').trim();
  return g.check === 'period-entity' && squash(p.printed?.text).length >= 4 && squash(place.printed).includes(squash(p.printed?.text));
}

/**
 * A predicted finding cites the very figure of a gold finding: a candidate for it (pairScore) that
 * cites the gold's own page and column (by label, when the gold names a figure column) and prints the same figure
 * there, or cites a cell of the gold's row in that column (one finding over a row's realisasi and sisa). A miss covered this way is one finding
 * with several citations where the gold lists each place (`merged`).
 *
 * @example
 *   citesPlace(gold, predicted); // true when predicted also cites gold.page with gold.printed
 */
export function citesPlace(g: GoldFinding, p: Predicted): boolean {
  if (pairScore(g, p) <= 0 || !p.pages.includes(g.page)) return false;
  // The gold's own column, not one of the same broad role (a capaian column beside a serapan one).
  if (columnRole(g.column) !== null && p.columns.length > 0 && !p.columns.some((c) => labelSimilarity(g.column, c) >= LABEL_THRESHOLD)) return false;
  if (printedEquals(g.printed, p.printed) || quotes(g, g, p)) return true;
  // One finding over a row's several columns ("realisasi off; also sisa off") cites the gold's cell.
  const role = columnRole(g.column);
  return role !== null && p.columns.some((c) => columnRole(c) === role) && p.labels.some((l) => labelSimilarity(g.row, l) >= LABEL_THRESHOLD);
}

export interface Assignment {
  /** [gold index, predicted index, score]. */
  pairs: Array<[number, number, number]>;
  unmatchedGold: number[];
  unmatchedPredicted: number[];
}

/**
 * One-to-one assignment, best-scoring pairs first (ties: earlier gold, then earlier prediction).
 *
 * @example
 *   assign([[0, 2.5], [3, 0]]); // pairs [[0, 1, 2.5], [1, 0, 3]]
 */
export function assign(scores: readonly (readonly number[])[]): Assignment {
  const cands: Array<[number, number, number]> = [];
  scores.forEach((row, gi) => row.forEach((s, pi) => s > 0 && cands.push([gi, pi, s])));
  cands.sort((a, b) => b[2] - a[2] || a[0] - b[0] || a[1] - b[1]);
  const g = new Set<number>();
  const p = new Set<number>();
  const pairs: Array<[number, number, number]> = [];
  for (const c of cands) {
    if (g.has(c[0]) || p.has(c[1])) continue;
    g.add(c[0]);
    p.add(c[1]);
    pairs.push(c);
  }
  const nPred = Math.max(0, ...scores.map((r) => r.length));
  return {
    pairs,
    unmatchedGold: scores.map((_, i) => i).filter((i) => !g.has(i)),
    unmatchedPredicted: Array.from({ length: nPred }, (_, i) => i).filter((i) => !p.has(i)),
  };
}

export interface FalsePositive {
  predicted: Predicted;
  kind: 'trap' | 'duplicate' | 'other';
  /** The trap hit, or the gold finding it duplicates. */
  ref?: GoldFinding;
}

export interface Miss {
  gold: GoldFinding;
  /**
   * `merged`: a predicted finding already matched to another gold finding cites this one's page with
   * the same printed figure (citesPlace: one finding with several citations where the gold lists
   * each place); `not-found` otherwise.
   */
  kind: 'merged' | 'not-found';
}

export interface DocumentScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  matches: Array<{ gold: GoldFinding; predicted: Predicted }>;
  misses: Miss[];
  falsePositives: FalsePositive[];
  /** Predicted totals explained by a matched row finding whose gold entry lists their check in `also_checks`. */
  acknowledged: Predicted[];
  /** Traps hit by at least one prediction. */
  trapsHit: GoldFinding[];
  /** `info` findings left out on each side. */
  infoGold: number;
  infoPredicted: number;
  perCheck: Record<string, { tp: number; fp: number; fn: number }>;
}

/**
 * Precision, recall and F1 from counts (NaN when undefined).
 *
 * @example
 *   prf(3, 1, 2); // { precision: 0.75, recall: 0.6, f1: 0.666… }
 */
export function prf(tp: number, fp: number, fn: number): { precision: number; recall: number; f1: number } {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : Number.NaN };
}

/**
 * Scores one document's predicted findings against its gold findings and traps.
 *
 * @example
 *   const s = scoreDocument(gold, traps, predicted);
 *   s.precision; s.recall; s.falsePositives.filter((f) => f.kind === 'trap');
 */
export function scoreDocument(goldAll: readonly GoldFinding[], traps: readonly GoldFinding[], predAll: readonly Predicted[]): DocumentScore {
  const gold = goldAll.filter((g) => g.severity !== 'info');
  const pred = predAll.filter((p) => p.severity !== 'info');
  const a = assign(gold.map((g) => pred.map((p) => pairScore(g, p))));
  const matched = new Set(a.pairs.map(([gi]) => gi));
  const goldOf = new Map(a.pairs.map(([gi, pi]) => [pred[pi]!.id, gold[gi]!]));
  const acknowledgedBy = (p: Predicted): boolean =>
    p.causedBy.length > 0 && p.causedBy.every((id) => (goldOf.get(id)?.also_checks ?? []).includes(p.check));
  const acknowledged = a.unmatchedPredicted.map((pi) => pred[pi]!).filter(acknowledgedBy);
  const falsePositives: FalsePositive[] = a.unmatchedPredicted
    .map((pi) => pred[pi]!)
    .filter((p) => !acknowledged.includes(p))
    .map((p) => {
      const trap = traps.find((t) => pairScore(t, p) > 0);
      if (trap) return { predicted: p, kind: 'trap', ref: trap };
      const dup = gold.find((g, gi) => matched.has(gi) && pairScore(g, p) > 0);
      return dup ? { predicted: p, kind: 'duplicate', ref: dup } : { predicted: p, kind: 'other' };
    });
  const perCheck: DocumentScore['perCheck'] = {};
  const bump = (check: string, k: 'tp' | 'fp' | 'fn'): void => {
    perCheck[check] ??= { tp: 0, fp: 0, fn: 0 };
    perCheck[check][k]++;
  };
  for (const [gi] of a.pairs) bump(gold[gi]!.check, 'tp');
  for (const gi of a.unmatchedGold) bump(gold[gi]!.check, 'fn');
  for (const f of falsePositives) bump(f.predicted.check, 'fp');
  const tp = a.pairs.length;
  const fp = falsePositives.length;
  const fn = a.unmatchedGold.length;
  return {
    tp,
    fp,
    fn,
    ...prf(tp, fp, fn),
    matches: a.pairs.map(([gi, pi]) => ({ gold: gold[gi]!, predicted: pred[pi]! })),
    misses: a.unmatchedGold.map((gi) => ({ gold: gold[gi]!, kind: a.pairs.some(([, pi]) => citesPlace(gold[gi]!, pred[pi]!)) ? ('merged' as const) : ('not-found' as const) })),
    falsePositives,
    acknowledged,
    trapsHit: [...new Set(falsePositives.filter((f) => f.kind === 'trap').map((f) => f.ref!))],
    infoGold: goldAll.filter((g) => g.severity === 'info').length,
    infoPredicted: predAll.length - pred.length,
    perCheck,
  };
}

/**
 * A predicted finding with the row labels its citations and subject point at in the model.
 *
 * @example
 *   toPredicted(result.findings[0], result.report).labels; // ['Indeks Kepuasan Masyarakat', …]
 */
export function toPredicted(f: Finding, report: Report): Predicted {
  const labels = new Set<string>();
  const prefix = /^(.{2,200}?):\s/.exec(f.message.id)?.[1];
  if (prefix) labels.add(prefix);
  const byCell = cellNames(report);
  for (const c of f.citations) for (const n of byCell.get(cellKey(c)) ?? []) labels.add(n);
  const [kind, key] = splitSubject(f.subject);
  if (kind === 'indicator') for (const i of report.indicators) if (i.key === key) labels.add(i.indikator);
  if (kind === 'budget') for (const b of report.budget) if (b.key === key || b.id === key) labels.add(b.uraian);
  if (kind === 'efficiency') for (const e of report.efficiency) if (e.id === key) labels.add(e.uraian);
  const expected = f.expected?.value ?? null;
  return {
    id: f.id,
    check: f.check,
    severity: f.severity,
    pages: [...new Set(f.citations.map((c) => c.page))],
    labels: [...labels],
    columns: f.citations.map((c) => c.columnLabel).filter((c): c is string => Boolean(c)),
    printed: f.printed,
    expected,
    message: f.message.en,
    causedBy: f.causedBy ?? [],
  };
}

function splitSubject(subject: string | undefined): [string, string] {
  if (!subject) return ['', ''];
  const i = subject.indexOf(':');
  return i < 0 ? [subject, ''] : [subject.slice(0, i), subject.slice(i + 1)];
}

const cellKey = (c: Pick<Citation, 'page' | 'table' | 'row'>): string => `${c.page}|${c.table ?? ''}|${c.row ?? ''}`;

/** Names of the model rows printed at each (page, table, row). */
function cellNames(report: Report): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (c: Citation | null | undefined, name: string): void => {
    if (!c || c.row === null || c.row === undefined) return;
    const k = cellKey(c);
    const list = out.get(k) ?? [];
    if (!list.includes(name)) list.push(name);
    out.set(k, list);
  };
  for (const i of report.indicators) for (const c of [i.cite, i.target?.cite, i.realisasi?.cite, i.capaian?.cite, i.predikat?.cite]) add(c, i.indikator);
  for (const b of report.budget) for (const c of [b.cite, b.pagu?.cite, b.realisasi?.cite, b.persen?.cite, b.sisa?.cite]) add(c, b.uraian);
  for (const e of report.efficiency) for (const c of [e.cite, e.capaian?.cite, e.serapan?.cite, e.efisiensi?.cite, e.label?.cite]) add(c, e.uraian);
  return out;
}

// ---- the scorer --------------------------------------------------------------------------------------

export interface EvalDocument {
  name: string;
  title: string;
  pdf: string;
  goldFile: string;
  trapsFile: string;
  group: 'seed' | 'synthetic';
  /** Pages the gold does not cover: findings citing only these are left out. */
  unaudited: readonly number[];
}

interface ManifestEntry {
  name: string;
  title: string;
  rendererDescription: string;
  pdf: string;
}

/** The seed reports and the synthetic corpus, each with its gold. */
export async function evalDocuments(): Promise<EvalDocument[]> {
  const docs: EvalDocument[] = SEEDS.map((s) => ({ name: s.doc, title: s.title, pdf: s.pdf, goldFile: `${ROOT}evals/gold/${s.doc}.findings.json`, trapsFile: `${ROOT}evals/gold/${s.doc}.traps.json`, group: 'seed' as const, unaudited: s.unaudited }));
  const manifest = `${ROOT}evals/synthetic/manifest.json`;
  if (existsSync(manifest)) {
    for (const m of JSON.parse(await readFile(manifest, 'utf8')) as ManifestEntry[]) {
      docs.push({ name: m.name, title: `${m.title}; ${m.rendererDescription}`, pdf: `${ROOT}${m.pdf}`, goldFile: `${ROOT}evals/synthetic/gold/${m.name}.findings.json`, trapsFile: `${ROOT}evals/synthetic/gold/${m.name}.traps.json`, group: 'synthetic', unaudited: [] });
    }
  }
  // EVAL_DOCS=syn01,000_ narrows the run while working on one document.
  const only = process.env.EVAL_DOCS?.split(',').map((s) => s.trim()).filter(Boolean);
  return only?.length ? docs.filter((d) => only.some((o) => d.name.includes(o))) : docs;
}

/**
 * Findings on pages the hand audit did not cover (`unaudited` in `lib/seeds.ts`) are neither right
 * nor wrong by it: those citing only such pages are set apart (`outside`), listed but not scored.
 *
 * @example
 *   splitUnaudited(predicted, [55]).outside; // the findings citing page 55 only
 */
export function splitUnaudited(predicted: readonly Predicted[], unaudited: readonly number[]): { scored: Predicted[]; outside: Predicted[] } {
  const outside = predicted.filter((p) => p.pages.length > 0 && p.pages.every((pg) => unaudited.includes(pg)));
  return { scored: predicted.filter((p) => !outside.includes(p)), outside };
}

/** A gold or traps file; empty when it does not exist. */
export async function readGold(file: string): Promise<GoldFinding[]> {
  return existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as GoldFinding[]) : [];
}

const where = (g: GoldPlace): string => `p.${g.page}${g.row ? ` "${clip(g.row, 50)}"` : ''}${g.column ? ` [${clip(g.column, 24)}]` : ''}`;

/** One line for a missed gold finding. */
export function describeMiss(m: Miss): string {
  const g = m.gold;
  return `miss${m.kind === 'merged' ? ' (merged into a matched finding)' : ''} [${g.check}] ${where(g)} printed ${JSON.stringify(clip(g.printed ?? '', 50))}${g.expected ? ` expected ${JSON.stringify(clip(String(g.expected), 40))}` : ''}`;
}

/** One line for a false positive, naming the trap hit or the gold finding it duplicates. */
export function describeFp(f: FalsePositive): string {
  const p = f.predicted;
  const tag = f.kind === 'trap' ? ` TRAP ${f.ref?.id ?? ''}` : f.kind === 'duplicate' ? ` duplicate of ${f.ref?.id ?? where(f.ref!)}` : '';
  return `fp [${p.check}]${tag} p.${p.pages.join(',')}: ${clip(p.message, 150)}`;
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  /** Gold findings the hand audit lists one by one that a matched finding already cites (one problem, several places). */
  covered: number;
  traps: number;
  duplicates: number;
}

const EMPTY: Tally = { tp: 0, fp: 0, fn: 0, covered: 0, traps: 0, duplicates: 0 };

function add(t: Tally, s: DocumentScore): Tally {
  return {
    tp: t.tp + s.tp,
    fp: t.fp + s.fp,
    fn: t.fn + s.fn,
    covered: t.covered + s.misses.filter((m) => m.kind === 'merged').length,
    traps: t.traps + s.falsePositives.filter((f) => f.kind === 'trap').length,
    duplicates: t.duplicates + s.falsePositives.filter((f) => f.kind === 'duplicate').length,
  };
}

/** Recall counting gold entries cited by a matched finding: the issue asks for one finding per problem with several citations. */
function mergedRecall(t: Tally): number {
  return t.tp + t.fn > 0 ? (t.tp + t.covered) / (t.tp + t.fn) : Number.NaN;
}

function summary(label: string, t: Tally): string {
  const m = prf(t.tp, t.fp, t.fn);
  return `${label}: precision ${pct(m.precision)} (${t.tp}/${t.tp + t.fp}), recall ${pct(m.recall)} (${t.tp}/${t.tp + t.fn}), recall counting merged citations ${pct(mergedRecall(t))} (${t.tp + t.covered}/${t.tp + t.fn}), F1 ${pct(m.f1)}; false positives: ${t.traps} trap hits, ${t.duplicates} duplicates, ${t.fp - t.traps - t.duplicates} other`;
}

function metricsOf(prefix: string, t: Tally): Metrics {
  const m = prf(t.tp, t.fp, t.fn);
  return { [`${prefix}Precision`]: m.precision, [`${prefix}Recall`]: m.recall, [`${prefix}RecallMerged`]: mergedRecall(t), [`${prefix}F1`]: m.f1, [`${prefix}Tp`]: t.tp, [`${prefix}Fp`]: t.fp, [`${prefix}Fn`]: t.fn, [`${prefix}Covered`]: t.covered, [`${prefix}TrapHits`]: t.traps, [`${prefix}Duplicates`]: t.duplicates };
}

export const findingsScorer: Scorer = {
  name: 'findings',
  async run(): Promise<ScoreReport> {
    const documents: DocumentReport[] = [];
    const details: Record<string, unknown> = {};
    const totals: Record<'all' | 'seed' | 'synthetic', Tally> = { all: EMPTY, seed: EMPTY, synthetic: EMPTY };
    const perCheck: Record<string, { tp: number; fp: number; fn: number }> = {};
    for (const doc of await evalDocuments()) {
      const gold = await readGold(doc.goldFile);
      const traps = await readGold(doc.trapsFile);
      if (!gold.length && !traps.length) {
        documents.push({ doc: doc.name, metrics: {}, lines: [`${doc.title}: no gold findings (${doc.goldFile.replace(ROOT, '')}), skipped`] });
        continue;
      }
      let predicted: Predicted[];
      try {
        const result = await audit(doc.pdf);
        predicted = result.findings.map((f) => toPredicted(f, result.report));
      } catch (err) {
        // An audit that fails finds nothing: every gold finding counts as missed.
        const message = err instanceof Error ? err.message : String(err);
        documents.push({ doc: doc.name, metrics: { error: 1 }, lines: [`${doc.title}: AUDIT FAILED: ${clip(message, 200)}`] });
        const s = scoreDocument(gold, traps, []);
        totals.all = add(totals.all, s);
        totals[doc.group] = add(totals[doc.group], s);
        continue;
      }
      const { scored, outside } = splitUnaudited(predicted, doc.unaudited);
      predicted = scored;
      const s = scoreDocument(gold, traps, predicted);
      totals.all = add(totals.all, s);
      totals[doc.group] = add(totals[doc.group], s);
      for (const [check, c] of Object.entries(s.perCheck)) {
        const t = (perCheck[check] ??= { tp: 0, fp: 0, fn: 0 });
        t.tp += c.tp;
        t.fp += c.fp;
        t.fn += c.fn;
      }
      const trapFps = s.falsePositives.filter((f) => f.kind === 'trap');
      const merged = s.misses.filter((m) => m.kind === 'merged').length;
      const lines = [
        doc.title,
        `precision ${pct(s.precision)} (${s.tp}/${s.tp + s.fp}), recall ${pct(s.recall)} (${s.tp}/${s.tp + s.fn}), recall counting merged citations ${pct(ratio(s.tp + merged, s.tp + s.fn))} (${s.tp + merged}/${s.tp + s.fn}); ${trapFps.length} trap hits (${s.trapsHit.length} of ${traps.length} traps), ${s.falsePositives.filter((f) => f.kind === 'duplicate').length} duplicates, ${s.misses.filter((m) => m.kind === 'merged').length} misses merged into a matched finding; info left out: ${s.infoPredicted} predicted, ${s.infoGold} gold; ${s.acknowledged.length} totals acknowledged by the gold's also_checks${outside.length ? `; ${outside.length} on pages the hand audit left out (${doc.unaudited.join(', ')})` : ''}`,
        ...outside.map((p) => `  not scored (unaudited page) [${p.check}] p.${p.pages.join(',')}: ${clip(p.message, 150)}`),
        ...s.misses.slice(0, SHOW).map(describeMiss),
        ...(s.misses.length > SHOW ? [`… ${s.misses.length - SHOW} more misses (evals/out/findings.json)`] : []),
        ...s.falsePositives.slice(0, SHOW).map(describeFp),
        ...(s.falsePositives.length > SHOW ? [`… ${s.falsePositives.length - SHOW} more false positives (evals/out/findings.json)`] : []),
      ];
      documents.push({
        doc: doc.name,
        metrics: { precision: s.precision, recall: s.recall, recallMerged: ratio(s.tp + merged, s.tp + s.fn), f1: s.f1, tp: s.tp, fp: s.fp, fn: s.fn, trapHits: trapFps.length, trapsHit: s.trapsHit.length, traps: traps.length, duplicates: s.falsePositives.filter((f) => f.kind === 'duplicate').length, infoPredicted: s.infoPredicted },
        lines,
      });
      details[doc.name] = {
        group: doc.group,
        matches: s.matches.map((m) => ({ gold: m.gold.id ?? where(m.gold), check: m.gold.check, predicted: m.predicted.id })),
        misses: s.misses.map((m) => ({ kind: m.kind, ...m.gold })),
        falsePositives: s.falsePositives.map((f) => ({ kind: f.kind, ref: f.ref?.id ?? null, check: f.predicted.check, pages: f.predicted.pages, message: f.predicted.message, labels: f.predicted.labels, printed: f.predicted.printed?.text ?? null })),
        perCheck: s.perCheck,
      };
    }
    const checkLines = Object.entries(perCheck)
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([check, c]) => {
        const m = prf(c.tp, c.fp, c.fn);
        return `  ${check.padEnd(20)} precision ${pct(m.precision).padStart(6)} recall ${pct(m.recall).padStart(6)}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;
      });
    return {
      name: 'findings',
      documents,
      totals: { ...metricsOf('all', totals.all), ...metricsOf('seed', totals.seed), ...metricsOf('synthetic', totals.synthetic) },
      lines: [summary('seed reports', totals.seed), summary('synthetic corpus', totals.synthetic), summary('all documents', totals.all), 'per check (all documents):', ...checkLines],
      details: { perCheck, documents: details },
    };
  },
};
