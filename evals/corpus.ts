/**
 * Corpus eval: the generated reports of `evals/corpus/` (manifest, PDFs and gold written by
 * `scripts/corpus/`; file formats in `evals/corpus/FORMATS.md`) run through the whole pipeline once
 * each — `readTables` (OCR on for image-only pages) → `reportFromLayout` → `auditReport` — and
 * scored three ways against their gold:
 *
 * 1. tables: each printed table of `<id>.tables.json` against the extracted tables, matched as the
 *    tables scorer matches the seed texts (`lib/score.ts`: candidate matches, assignment in document
 *    order, cells exact / after column mapping); tables printed on image-only pages apart;
 * 2. model: `scoreModel` of `model.ts` on `<id>.model.json` (row recall, field accuracy);
 * 3. findings: `scoreDocument` of `findings.ts` on `<id>.findings.json` and `<id>.traps.json`.
 *
 * Counts are summed per split (`dev`, `heldout`: micro-averages), with the per-document mean
 * (macro) of recall and precision beside them, and set against the two seed reports (model and
 * findings; their tables are the tables scorer's). A document whose pipeline throws counts as having
 * extracted nothing.
 *
 * Held-out discipline: per-document lines, misses, false positives and every per-item detail exist
 * for dev documents only. Held-out documents are reduced to counts as soon as they are scored
 * (`redact`) and only appear summed; their ids appear nowhere in the report, printed or JSON.
 *
 * Environment: `EVAL_CORPUS_DIR` (default `evals/corpus`), `EVAL_SPLIT=dev|heldout` (one split, no
 * seeds), `EVAL_DOCS=c001,c002` (those dev documents only), `EVAL_CONCURRENCY` (documents at once;
 * default the number of CPUs).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import pLimit from 'p-limit';
import { SCHEMA_VERSION, type Report } from '../src/model/report.js';
import { auditReport } from '../src/pipeline/audit.js';
import { reportFromLayout } from '../src/pipeline/extract.js';
import { readTables } from '../src/pipeline/tables.js';
import {
  describeFp,
  describeMiss,
  readGold,
  scoreDocument,
  splitUnaudited,
  toPredicted,
  type DocumentScore,
  type FalsePositive,
  type GoldFinding,
  type Miss,
  type Predicted,
} from './findings.js';
import { normaliseSpace, type GoldTable } from './lib/gold.js';
import { clip, pct, ratio, type DocumentReport, type Metrics, type ScoreReport, type Scorer } from './lib/report.js';
import {
  assignInOrder,
  candidateMatches,
  countCells,
  EMPTY_TALLY,
  addTally,
  gridOf,
  isRecovered,
  tally,
  unmatchedCells,
  type Grid,
  type TableCounts,
  type Tally,
} from './lib/score.js';
import { ROOT, SEEDS } from './lib/seeds.js';
import { scoreModel, type GoldModel, type ModelCounts } from './model.js';

const SHOW_FINDINGS = 10;
const SHOW_MODEL = 6;
const WORST_TABLES = 3;
const SHOW_MISMATCHES = 2;
/** Mismatched cells kept per table in the JSON (dev only). */
const KEEP_MISMATCHES = 12;

// ---- formats (evals/corpus/FORMATS.md) -----------------------------------------------------------

export type Split = 'dev' | 'heldout';

/** One entry of `manifest.json`. Only `id`, `split` and `pdf` are required here. */
export interface CorpusEntry {
  id: string;
  seed?: number;
  split: Split;
  pdf: string;
  producer?: string;
  office?: string;
  instansi?: string;
  pemda?: string;
  tahun?: number;
  pages?: number;
  scannedPages?: number[];
  scan?: { dpi?: number; mode?: string; skew?: number; jpegQuality?: number; noise?: number; stamp?: boolean } | null;
  layout?: Record<string, unknown> | null;
  plants?: number;
  findings?: number;
  traps?: number;
  checks?: Record<string, number>;
}

/** One entry of `gold/<id>.tables.json`: a table as printed (one part of it, when continued). */
export interface CorpusTable {
  id: string;
  group?: string;
  caption: string | null;
  pages: number[];
  /** Printed on an image-only page. */
  scanned: boolean;
  headerRows: number;
  rows: Array<Array<string | number | null>>;
}

/**
 * A corpus gold table as the tables scorer's `GoldTable`: every row (header rows included), cells
 * whitespace-normalised, rows without text dropped. `line` is the table's 1-based position in the
 * gold file.
 *
 * @example
 *   toGoldTable({ id: 'c001:t3', caption: 'Tabel 3.1', pages: [7], scanned: false, headerRows: 1, rows: [['No', 'Indikator'], ['1', ' IKM ']] }, 2);
 *   // { id: 'c001:t3', line: 3, endLine: 3, kind: 'html', caption: 'Tabel 3.1', rows: [['No', 'Indikator'], ['1', 'IKM']], skipped: 0 }
 */
export function toGoldTable(t: CorpusTable, index = 0): GoldTable {
  const rows = t.rows.map((r) => r.map((c) => normaliseSpace(c === null || c === undefined ? '' : String(c)))).filter((r) => r.some((c) => c !== ''));
  return { id: t.id, line: index + 1, endLine: index + 1, kind: 'html', ...(t.caption ? { caption: t.caption } : {}), rows, skipped: 0 };
}

/**
 * A corpus model gold as `scoreModel` reads it: FORMATS.md names the sub-kegiatan level `sub`, the
 * model (and the seed gold) `sub_kegiatan`.
 *
 * @example
 *   normaliseModelGold(gold).budget.map((b) => b.level); // ['program', 'kegiatan', 'sub_kegiatan', 'total']
 */
export function normaliseModelGold(gold: GoldModel): GoldModel {
  return { ...gold, budget: gold.budget.map((b) => (b.level === 'sub' ? { ...b, level: 'sub_kegiatan' } : b)) };
}

// ---- per document --------------------------------------------------------------------------------

/** Findings counts of one document or a sum of documents. */
export interface FindingsCounts {
  tp: number;
  fp: number;
  fn: number;
  /** Misses cited by a matched finding (recall counting merged citations). */
  covered: number;
  /** False positives that are trap hits. */
  trapFps: number;
  duplicates: number;
  /** Distinct traps hit, of `traps`. */
  trapsHit: number;
  traps: number;
  /** Matched and unmatched predictions by severity: the issue asks precision of errors and of warnings apart. */
  errorTp: number;
  errorFp: number;
  warningTp: number;
  warningFp: number;
}

export type CheckCounts = Record<string, { tp: number; fp: number; fn: number }>;

/** Everything a document contributes to the sums; no per-item data. */
export interface DocCounts {
  /** The pipeline threw: counted as having extracted nothing. */
  failed: boolean;
  /** Checks that stopped with an error inside an audit that otherwise ran. */
  checkErrors: number;
  /** Undefined without `<id>.tables.json`. */
  tables?: { text: Tally; scanned: Tally };
  /** Undefined without `<id>.model.json`. */
  model?: ModelCounts;
  /** Undefined without `<id>.findings.json`. */
  findings?: FindingsCounts;
  perCheck: CheckCounts;
  /** Warnings by the check that issued them: matched to gold (tp) or not (fp). Absent: none issued. */
  warningsByCheck?: WarningCounts;
}

/** Per check, the warnings it issued that match a gold item and those that do not. */
export type WarningCounts = Record<string, { tp: number; fp: number }>;

/** A scored document. `id`, `lines` and `details` are empty for a held-out one (see `redact`). */
export interface ScoredDoc {
  id: string;
  split: Split | 'seeds';
  /** Manifest dimensions for the breakdowns, e.g. `{ producer: ['chromium'], scanned: ['no'] }`. */
  dims: Record<string, string[]>;
  counts: DocCounts;
  metrics: Metrics;
  lines: string[];
  details?: unknown;
}

/** A gold table against what was extracted. */
export interface TableResult extends TableCounts {
  id: string;
  caption?: string;
  pages: number[];
  scanned: boolean;
  recovered: boolean;
  recoveredMapped: boolean;
  /** The extracted table it was matched to. */
  match?: { table: string; pages: number[]; columnMap?: number[] };
  mismatches: Array<{ row: number; col: number; gold: string; got?: string; kind?: string }>;
}

/**
 * Matches the gold tables of one document with its extracted grids the way the tables scorer does
 * for the seeds: each gold table against every grid sharing a word with it, then one assignment in
 * document order (gold tables sorted by first page) maximising equal cells.
 *
 * @example
 *   scoreTables(gold, layout.tables.map(gridOf)).filter((r) => r.recovered).length;
 */
export function scoreTables(gold: readonly CorpusTable[], grids: readonly Grid[]): TableResult[] {
  const ordered = gold.map((t, i) => ({ t, g: toGoldTable(t, i) })).sort((a, b) => (a.t.pages[0] ?? 0) - (b.t.pages[0] ?? 0) || a.g.line - b.g.line);
  const assigned = assignInOrder(ordered.map(({ g }) => candidateMatches(g, grids)));
  return ordered.map(({ t, g }, i) => {
    const best = assigned[i];
    const cells = best ? best.cells : unmatchedCells(g);
    const counts = countCells(cells);
    const identity = best ? best.columns.every((e, c) => e === c) : true;
    return {
      id: t.id,
      ...(t.caption ? { caption: t.caption } : {}),
      pages: t.pages,
      scanned: Boolean(t.scanned),
      ...counts,
      recovered: isRecovered(counts),
      recoveredMapped: isRecovered(counts, counts.cellsMapped),
      ...(best ? { match: { table: best.grid.id, pages: best.grid.pages, ...(identity ? {} : { columnMap: best.columns }) } } : {}),
      mismatches: cells
        .filter((c) => !c.okMapped)
        .slice(0, KEEP_MISMATCHES)
        .map((c) => ({ row: c.row, col: c.col, gold: c.gold, ...(c.gotMapped !== undefined ? { got: c.gotMapped } : c.got !== undefined ? { got: c.got } : {}), ...(c.kind ? { kind: c.kind } : {}) })),
    };
  });
}

/** What one run of the pipeline on a PDF gave. */
export interface PipelineOutput {
  grids: Grid[];
  /** Undefined when the pipeline threw. */
  report?: Report;
  predicted: Predicted[];
  error?: string;
  checkErrors: number;
}

export interface DocumentGold {
  tables?: CorpusTable[];
  model?: GoldModel;
  findings?: { gold: GoldFinding[]; traps: GoldFinding[] };
}

/** A report with nothing in it, scored in place of a document whose pipeline threw. */
function emptyReport(file: string): Report {
  return {
    schemaVersion: SCHEMA_VERSION,
    file,
    sha256: '',
    report: { instansi: null, pemda: null, tahun: null, cite: null },
    tables: [],
    indicators: [],
    budget: [],
    belanja: [],
    efficiency: [],
    scale: { source: 'default', name: '', bands: [], cite: null },
    claims: [],
    warnings: [],
  };
}

function findingsCounts(s: DocumentScore, traps: number): FindingsCounts {
  return {
    tp: s.tp,
    fp: s.fp,
    fn: s.fn,
    covered: s.misses.filter((m) => m.kind === 'merged').length,
    trapFps: s.falsePositives.filter((f) => f.kind === 'trap').length,
    duplicates: s.falsePositives.filter((f) => f.kind === 'duplicate').length,
    trapsHit: s.trapsHit.length,
    traps,
    errorTp: s.matches.filter((m) => m.predicted.severity === 'error').length,
    errorFp: s.falsePositives.filter((f) => f.predicted.severity === 'error').length,
    warningTp: s.matches.filter((m) => m.predicted.severity === 'warning').length,
    warningFp: s.falsePositives.filter((f) => f.predicted.severity === 'warning').length,
  };
}

/** The document's warnings by issuing check, matched or not. */
function warningCounts(s: DocumentScore): WarningCounts {
  const out: WarningCounts = {};
  const add = (check: string, key: 'tp' | 'fp'): void => {
    (out[check] ??= { tp: 0, fp: 0 })[key]++;
  };
  for (const m of s.matches) if (m.predicted.severity === 'warning') add(m.predicted.check, 'tp');
  for (const f of s.falsePositives) if (f.predicted.severity === 'warning') add(f.predicted.check, 'fp');
  return out;
}

const MISS_ORDER: Record<Miss['kind'], number> = { 'not-found': 0, merged: 1 };
const FP_ORDER: Record<FalsePositive['kind'], number> = { trap: 0, other: 1, duplicate: 2 };

/** Misses not found before those merged into a matched finding; traps hit, then other false positives, then duplicates. */
function worstFirst(s: DocumentScore): { misses: Miss[]; falsePositives: FalsePositive[] } {
  return {
    misses: [...s.misses].sort((a, b) => MISS_ORDER[a.kind] - MISS_ORDER[b.kind]),
    falsePositives: [...s.falsePositives].sort((a, b) => FP_ORDER[a.kind] - FP_ORDER[b.kind]),
  };
}

const fraction = (ok: number, total: number): string => `${pct(ratio(ok, total))} (${ok}/${total})`;

function tableSummary(label: string, t: Tally): string {
  return `${label}: ${t.recovered}/${t.tables} recovered (${pct(ratio(t.recovered, t.tables))}); numeric cells exact ${fraction(t.numericOk, t.numeric)}, mapped ${pct(ratio(t.numericMapped, t.numeric))}, unread ${t.numericUnread}; all cells mapped ${fraction(t.cellsMapped, t.cells)}`;
}

function modelSummary(m: ModelCounts): string {
  return `model: indicators recall ${fraction(m.indicatorFound, m.indicatorRows)}, field accuracy ${fraction(m.indicatorFieldsOk, m.indicatorFields)}; budget rows recall ${fraction(m.budgetFound, m.budgetRows)}, field accuracy ${fraction(m.budgetFieldsOk, m.budgetFields)}`;
}

function findingsSummary(f: FindingsCounts): string {
  return `findings: precision ${fraction(f.tp, f.tp + f.fp)}, recall ${fraction(f.tp, f.tp + f.fn)}, recall counting merged citations ${fraction(f.tp + f.covered, f.tp + f.fn)}; traps hit ${f.trapsHit} of ${f.traps} (${f.trapFps} false positives), ${f.duplicates} duplicates`;
}

/** The flat per-document metrics (the shares `aggregate` makes of one document). */
function documentMetrics(c: DocCounts): Metrics {
  const s = aggregate([c]);
  return Object.fromEntries(METRICS.map((m) => [m.key, m.value(s).share]));
}

/**
 * Scores one document's pipeline output against its gold. Pure: the caller reads the files and runs
 * the pipeline. `unaudited` pages (seeds only) are handled as in `findings.ts`.
 *
 * @example
 *   const doc = scoreCorpusDocument({ id: 'c001', split: 'dev', dims: {}, title: 'c001', gold, run });
 *   doc.counts.findings?.tp;
 */
export function scoreCorpusDocument(input: {
  id: string;
  split: Split | 'seeds';
  dims: Record<string, string[]>;
  title: string;
  gold: DocumentGold;
  run: PipelineOutput;
  unaudited?: readonly number[];
  /** Pages the corpus scanned (the manifest's `scannedPages`), for the model's per-page-kind accuracy. */
  scannedPages?: readonly number[];
}): ScoredDoc {
  const { gold, run } = input;
  const counts: DocCounts = { failed: run.error !== undefined, checkErrors: run.checkErrors, perCheck: {} };
  const lines: string[] = [input.title];
  const details: Record<string, unknown> = {};
  if (run.error !== undefined) lines.push(`PIPELINE FAILED (scored as extracting nothing): ${clip(run.error, 200)}`);
  if (run.checkErrors) lines.push(`${run.checkErrors} check(s) stopped with an error`);

  if (gold.tables) {
    const results = scoreTables(gold.tables, run.grids);
    const text = tally(results.filter((r) => !r.scanned));
    const scanned = tally(results.filter((r) => r.scanned));
    counts.tables = { text, scanned };
    lines.push(`${tableSummary('tables, text pages', text)}; ${run.grids.length} extracted tables`);
    if (scanned.tables) lines.push(tableSummary('tables, scanned pages', scanned));
    const share = (r: TableResult): number => r.cellsMapped / r.cells;
    const worst = results
      .filter((r) => r.cells > 0 && r.cellsMapped < r.cells)
      .sort((a, b) => share(a) - share(b))
      .slice(0, WORST_TABLES);
    for (const r of worst) {
      const where = r.match ? `${r.match.table} p.${r.match.pages.join(',')}` : 'nothing';
      lines.push(`  table ${r.id} p.${r.pages.join(',')}${r.scanned ? ' (scanned)' : ''}${r.caption ? ` "${clip(r.caption, 40)}"` : ''} → ${where}: mapped ${r.cellsMapped}/${r.cells}`);
      for (const m of r.mismatches.slice(0, SHOW_MISMATCHES)) lines.push(`    [${m.kind ?? 'different'}] r${m.row}c${m.col}: gold ${JSON.stringify(clip(m.gold, 40))} got ${m.got === undefined ? '(no row)' : JSON.stringify(clip(m.got, 40))}`);
    }
    details.tables = results;
  }

  if (gold.model) {
    const { counts: mc, misses } = scoreModel(gold.model, run.report ?? emptyReport(input.id), new Set(input.scannedPages ?? []));
    counts.model = mc;
    lines.push(modelSummary(mc));
    lines.push(...misses.slice(0, SHOW_MODEL).map((m) => `  model miss: ${m}`));
    if (misses.length > SHOW_MODEL) lines.push(`  … ${misses.length - SHOW_MODEL} more model misses (evals/out/corpus.json)`);
    details.model = { misses };
  }

  if (gold.findings) {
    const { scored, outside } = splitUnaudited(run.predicted, input.unaudited ?? []);
    const s = scoreDocument(gold.findings.gold, gold.findings.traps, scored);
    counts.findings = findingsCounts(s, gold.findings.traps.length);
    counts.perCheck = s.perCheck;
    counts.warningsByCheck = warningCounts(s);
    lines.push(findingsSummary(counts.findings) + (outside.length ? `; ${outside.length} on unaudited pages, not scored` : ''));
    const w = worstFirst(s);
    lines.push(...w.misses.slice(0, SHOW_FINDINGS).map((m) => `  ${describeMiss(m)}`));
    if (w.misses.length > SHOW_FINDINGS) lines.push(`  … ${w.misses.length - SHOW_FINDINGS} more misses (evals/out/corpus.json)`);
    lines.push(...w.falsePositives.slice(0, SHOW_FINDINGS).map((f) => `  ${describeFp(f)}`));
    if (w.falsePositives.length > SHOW_FINDINGS) lines.push(`  … ${w.falsePositives.length - SHOW_FINDINGS} more false positives (evals/out/corpus.json)`);
    details.findings = {
      matches: s.matches.map((m) => ({ gold: m.gold.id ?? null, check: m.gold.check, predicted: m.predicted.id })),
      misses: s.misses.map((m) => ({ kind: m.kind, ...m.gold })),
      falsePositives: s.falsePositives.map((f) => ({ kind: f.kind, ref: f.ref?.id ?? null, check: f.predicted.check, pages: f.predicted.pages, message: f.predicted.message, labels: f.predicted.labels, printed: f.predicted.printed?.text ?? null })),
      perCheck: s.perCheck,
    };
  }
  if (!gold.tables && !gold.model && !gold.findings) lines.push('no gold files: nothing scored');
  if (run.error !== undefined) details.error = run.error;
  return { id: input.id, split: input.split, dims: input.dims, counts, metrics: documentMetrics(counts), lines, details };
}

/**
 * What is kept of a held-out document: its counts and manifest dimensions, no id, no lines, no
 * per-item details. Dev and seed documents are returned as they are.
 *
 * @example
 *   redact(heldoutDoc); // { id: '', split: 'heldout', dims, counts, metrics: {}, lines: [] }
 */
export function redact(doc: ScoredDoc): ScoredDoc {
  if (doc.split !== 'heldout') return doc;
  return { id: '', split: 'heldout', dims: doc.dims, counts: doc.counts, metrics: {}, lines: [] };
}

// ---- sums ------------------------------------------------------------------------------------------

const EMPTY_FINDINGS: FindingsCounts = { tp: 0, fp: 0, fn: 0, covered: 0, trapFps: 0, duplicates: 0, trapsHit: 0, traps: 0, errorTp: 0, errorFp: 0, warningTp: 0, warningFp: 0 };
const EMPTY_MODEL: ModelCounts = { indicatorRows: 0, indicatorFound: 0, indicatorFieldsOk: 0, indicatorFields: 0, budgetRows: 0, budgetFound: 0, budgetFieldsOk: 0, budgetFields: 0, scannedFieldsOk: 0, scannedFields: 0 };

/** Adds two records of counts key by key. */
function sum<T extends object>(a: T, b: T): T {
  const out: Record<string, number> = { ...(a as Record<string, number>) };
  for (const [k, v] of Object.entries(b as Record<string, number>)) out[k] = (out[k] ?? 0) + v;
  return out as T;
}

export function addChecks(a: CheckCounts, b: CheckCounts): CheckCounts {
  const out: CheckCounts = { ...a };
  for (const [check, c] of Object.entries(b)) out[check] = sum(out[check] ?? { tp: 0, fp: 0, fn: 0 }, c);
  return out;
}

/** Counts summed over a split's documents, and the per-document means of the shares. */
export interface SplitSummary {
  documents: number;
  failed: number;
  checkErrors: number;
  /** Documents with each kind of gold. */
  withTables: number;
  withModel: number;
  withFindings: number;
  tables: { text: Tally; scanned: Tally };
  model: ModelCounts;
  findings: FindingsCounts;
  perCheck: CheckCounts;
  warningsByCheck: WarningCounts;
  /** Mean over the documents where the share is defined, and how many those are. */
  macro: Record<'findingsPrecision' | 'findingsRecall' | 'findingsRecallMerged' | 'indicatorRecall' | 'budgetRecall' | 'tablesRecovered', { mean: number; documents: number }>;
}

function mean(values: readonly number[]): { mean: number; documents: number } {
  const v = values.filter(Number.isFinite);
  return { mean: v.length ? v.reduce((a, b) => a + b, 0) / v.length : Number.NaN, documents: v.length };
}

/**
 * Sums the documents' counts (micro-average) and averages their shares (macro-average).
 *
 * @example
 *   const s = aggregate(docs.map((d) => d.counts));
 *   s.findings.tp / (s.findings.tp + s.findings.fp); // micro precision
 *   s.macro.findingsPrecision.mean;                  // mean of the documents' precisions
 */
export function aggregate(docs: readonly DocCounts[]): SplitSummary {
  let text: Tally = EMPTY_TALLY;
  let scanned: Tally = EMPTY_TALLY;
  let model = EMPTY_MODEL;
  let findings = EMPTY_FINDINGS;
  let perCheck: CheckCounts = {};
  const warningsByCheck: WarningCounts = {};
  for (const d of docs) {
    for (const [check, w] of Object.entries(d.warningsByCheck ?? {})) {
      const t = (warningsByCheck[check] ??= { tp: 0, fp: 0 });
      t.tp += w.tp;
      t.fp += w.fp;
    }
    if (d.tables) {
      text = addTally(text, d.tables.text);
      scanned = addTally(scanned, d.tables.scanned);
    }
    if (d.model) model = sum(model, d.model);
    if (d.findings) findings = sum(findings, d.findings);
    perCheck = addChecks(perCheck, d.perCheck);
  }
  const f = docs.flatMap((d) => (d.findings ? [d.findings] : []));
  const m = docs.flatMap((d) => (d.model ? [d.model] : []));
  return {
    documents: docs.length,
    failed: docs.filter((d) => d.failed).length,
    checkErrors: docs.reduce((n, d) => n + d.checkErrors, 0),
    withTables: docs.filter((d) => d.tables).length,
    withModel: m.length,
    withFindings: f.length,
    tables: { text, scanned },
    model,
    findings,
    perCheck,
    warningsByCheck,
    macro: {
      findingsPrecision: mean(f.map((x) => ratio(x.tp, x.tp + x.fp))),
      findingsRecall: mean(f.map((x) => ratio(x.tp, x.tp + x.fn))),
      findingsRecallMerged: mean(f.map((x) => ratio(x.tp + x.covered, x.tp + x.fn))),
      indicatorRecall: mean(m.map((x) => ratio(x.indicatorFound, x.indicatorRows))),
      budgetRecall: mean(m.map((x) => ratio(x.budgetFound, x.budgetRows))),
      tablesRecovered: mean(docs.flatMap((d) => (d.tables ? [ratio(d.tables.text.recovered, d.tables.text.tables)] : []))),
    },
  };
}

// ---- the side-by-side table ------------------------------------------------------------------------

/** One figure: a share (NaN when there is nothing to measure) and how it is printed. */
export interface Cell {
  share: number;
  text: string;
}

const cellOf = (ok: number, total: number): Cell => ({ share: ratio(ok, total), text: total > 0 ? `${pct(ratio(ok, total))} (${ok}/${total})` : '—' });
const macroCell = (m: { mean: number; documents: number }): Cell => ({ share: m.mean, text: m.documents ? `${pct(m.mean)} (${m.documents} docs)` : '—' });

interface MetricDef {
  key: string;
  label: string;
  /** Table metrics: the seeds' are the tables scorer's. */
  tables?: boolean;
  value(s: SplitSummary): Cell;
}

/** The rows of the side-by-side table, also the keys of the totals (`dev<Key>`, …). */
export const METRICS: readonly MetricDef[] = [
  { key: 'tablesRecovered', label: 'tables recovered (text pages)', tables: true, value: (s) => cellOf(s.tables.text.recovered, s.tables.text.tables) },
  { key: 'numericExact', label: 'numeric cells exact', tables: true, value: (s) => cellOf(s.tables.text.numericOk, s.tables.text.numeric) },
  { key: 'numericMapped', label: 'numeric cells mapped', tables: true, value: (s) => cellOf(s.tables.text.numericMapped, s.tables.text.numeric) },
  { key: 'cellsMapped', label: 'all cells mapped', tables: true, value: (s) => cellOf(s.tables.text.cellsMapped, s.tables.text.cells) },
  { key: 'numericUnread', label: 'numeric cells unread (digits, no value)', tables: true, value: (s) => cellOf(s.tables.text.numericUnread, s.tables.text.numeric) },
  { key: 'scannedTablesRecovered', label: 'scanned tables recovered', tables: true, value: (s) => cellOf(s.tables.scanned.recovered, s.tables.scanned.tables) },
  { key: 'scannedNumericMapped', label: 'scanned-table numeric cells mapped', tables: true, value: (s) => cellOf(s.tables.scanned.numericMapped, s.tables.scanned.numeric) },
  { key: 'scannedNumericUnread', label: 'scanned numeric cells unread', tables: true, value: (s) => cellOf(s.tables.scanned.numericUnread, s.tables.scanned.numeric) },
  { key: 'indicatorRecall', label: 'indicator recall', value: (s) => cellOf(s.model.indicatorFound, s.model.indicatorRows) },
  { key: 'indicatorFieldAccuracy', label: 'indicator field accuracy', value: (s) => cellOf(s.model.indicatorFieldsOk, s.model.indicatorFields) },
  { key: 'budgetRecall', label: 'budget recall', value: (s) => cellOf(s.model.budgetFound, s.model.budgetRows) },
  { key: 'budgetFieldAccuracy', label: 'budget field accuracy', value: (s) => cellOf(s.model.budgetFieldsOk, s.model.budgetFields) },
  {
    key: 'textFieldAccuracy',
    label: 'model field accuracy, text pages',
    value: (s) => cellOf(s.model.indicatorFieldsOk + s.model.budgetFieldsOk - (s.model.scannedFieldsOk ?? 0), s.model.indicatorFields + s.model.budgetFields - (s.model.scannedFields ?? 0)),
  },
  { key: 'scannedFieldAccuracy', label: 'model field accuracy, scanned pages', value: (s) => cellOf(s.model.scannedFieldsOk ?? 0, s.model.scannedFields ?? 0) },
  { key: 'findingsPrecision', label: 'findings precision', value: (s) => cellOf(s.findings.tp, s.findings.tp + s.findings.fp) },
  { key: 'findingsRecall', label: 'findings recall', value: (s) => cellOf(s.findings.tp, s.findings.tp + s.findings.fn) },
  { key: 'errorPrecision', label: 'precision of error findings', value: (s) => cellOf(s.findings.errorTp, s.findings.errorTp + s.findings.errorFp) },
  { key: 'warningPrecision', label: 'precision of warnings', value: (s) => cellOf(s.findings.warningTp, s.findings.warningTp + s.findings.warningFp) },
  { key: 'findingsRecallMerged', label: 'findings recall merged', value: (s) => cellOf(s.findings.tp + s.findings.covered, s.findings.tp + s.findings.fn) },
  { key: 'trapHits', label: 'trap hits / traps', value: (s) => cellOf(s.findings.trapsHit, s.findings.traps) },
  {
    key: 'auditFailures',
    label: 'audit failures',
    value: (s) => ({ share: ratio(s.failed, s.documents), text: s.documents ? `${s.failed}/${s.documents} docs${s.checkErrors ? `, ${s.checkErrors} check errors` : ''}` : '—' }),
  },
  { key: 'tablesRecoveredMacro', label: 'tables recovered, macro', tables: true, value: (s) => macroCell(s.macro.tablesRecovered) },
  { key: 'indicatorRecallMacro', label: 'indicator recall, macro', value: (s) => macroCell(s.macro.indicatorRecall) },
  { key: 'budgetRecallMacro', label: 'budget recall, macro', value: (s) => macroCell(s.macro.budgetRecall) },
  { key: 'findingsPrecisionMacro', label: 'findings precision, macro', value: (s) => macroCell(s.macro.findingsPrecision) },
  { key: 'findingsRecallMacro', label: 'findings recall, macro', value: (s) => macroCell(s.macro.findingsRecall) },
  { key: 'findingsRecallMergedMacro', label: 'findings recall merged, macro', value: (s) => macroCell(s.macro.findingsRecallMerged) },
];

export interface SideRow {
  metric: string;
  dev: Cell | string;
  heldout: Cell | string;
  seeds: Cell | string;
}

const NOT_RUN = 'not run';
export const SEED_TABLES = 'see the tables scorer';

/**
 * The side-by-side rows from the three summaries; a summary left undefined was not run.
 *
 * @example
 *   sideRows({ dev, heldout, seeds })[0]; // { metric: 'tables recovered (text pages)', dev: {…}, heldout: {…}, seeds: 'see the tables scorer' }
 */
export function sideRows(s: { dev?: SplitSummary | undefined; heldout?: SplitSummary | undefined; seeds?: SplitSummary | undefined }): SideRow[] {
  return METRICS.map((m) => ({
    metric: m.label,
    dev: s.dev ? m.value(s.dev) : NOT_RUN,
    heldout: s.heldout ? m.value(s.heldout) : NOT_RUN,
    seeds: m.tables ? SEED_TABLES : s.seeds ? m.value(s.seeds) : NOT_RUN,
  }));
}

/**
 * dev − heldout in percentage points; `—` unless both are shares.
 *
 * @example
 *   gap({ share: 0.9, text: '' }, { share: 0.85, text: '' }); // '+5.0 pp'
 */
export function gap(dev: Cell | string, heldout: Cell | string): string {
  if (typeof dev === 'string' || typeof heldout === 'string' || !Number.isFinite(dev.share) || !Number.isFinite(heldout.share)) return '—';
  const d = (dev.share - heldout.share) * 100;
  return `${d >= 0 ? '+' : '−'}${Math.abs(d).toFixed(1)} pp`;
}

/**
 * Pads a table of strings into aligned columns (first column left, the others right-aligned).
 *
 * @example
 *   alignColumns([['a', 'bb'], ['ccc', 'd']]); // ['a    bb', 'ccc   d']
 */
export function alignColumns(rows: readonly (readonly string[])[], sep = '  '): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(sep).trimEnd());
}

/**
 * The side-by-side table: rows = metrics, columns = dev | heldout | seeds | gap (dev − heldout).
 *
 * @example
 *   formatSideBySide(sideRows({ dev, heldout, seeds })).join('\n');
 */
export function formatSideBySide(rows: readonly SideRow[]): string[] {
  const text = (c: Cell | string): string => (typeof c === 'string' ? c : c.text);
  return alignColumns([['metric', 'dev', 'heldout', 'seeds', 'gap (dev − heldout)'], ...rows.map((r) => [r.metric, text(r.dev), text(r.heldout), text(r.seeds), gap(r.dev, r.heldout)])]);
}

// ---- breakdowns ------------------------------------------------------------------------------------

/** The manifest dimensions the breakdowns group by. */
export const DIMENSIONS = ['producer', 'scanned', 'tableStyle'] as const;

/** A layout descriptor's values as strings: a string, the strings of an array, or of an object's values. */
function styleValues(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  const list = Array.isArray(v) ? v : v && typeof v === 'object' ? Object.values(v) : [];
  return [...new Set(list.filter((x): x is string => typeof x === 'string'))];
}

/**
 * A manifest entry's values for each dimension (a report printing tables in two styles is counted
 * under both).
 *
 * @example
 *   dimensionsOf({ id: 'c1', split: 'dev', pdf: '', producer: 'chromium', scannedPages: [3], layout: { tableStyles: ['bordered', 'borderless'] } });
 *   // { producer: ['chromium'], scanned: ['scanned'], tableStyle: ['bordered', 'borderless'] }
 */
export function dimensionsOf(e: CorpusEntry): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (e.producer) out.producer = [e.producer];
  out.scanned = [e.scannedPages?.length ? 'scanned' : 'text only'];
  const styles = styleValues(e.layout?.tableStyles ?? e.layout?.tableStyle);
  if (styles.length) out.tableStyle = styles;
  return out;
}

function prfText(tp: number, fp: number, fn: number): string {
  return `P ${pct(ratio(tp, tp + fp)).padStart(6)} R ${pct(ratio(tp, tp + fn)).padStart(6)}`;
}

/**
 * Per dimension value: documents, findings precision/recall and model field accuracy, from counts only.
 *
 * @example
 *   breakdownLines('dev', devDocs); // ['dev by producer:', '  chromium  12 docs  findings P 80.0% R 75.0% …', …]
 */
export function breakdownLines(split: string, docs: readonly Pick<ScoredDoc, 'dims' | 'counts'>[]): string[] {
  const lines: string[] = [];
  for (const dim of DIMENSIONS) {
    const values = [...new Set(docs.flatMap((d) => d.dims[dim] ?? []))].sort();
    if (!values.length) continue;
    const rows = values.map((v) => {
      const s = aggregate(docs.filter((d) => d.dims[dim]?.includes(v)).map((d) => d.counts));
      return [
        `  ${v}`,
        `${s.documents} docs`,
        `findings ${prfText(s.findings.tp, s.findings.fp, s.findings.fn)}`,
        `indicator fields ${pct(ratio(s.model.indicatorFieldsOk, s.model.indicatorFields))}`,
        `budget fields ${pct(ratio(s.model.budgetFieldsOk, s.model.budgetFields))}`,
        `failures ${s.failed}`,
      ];
    });
    lines.push(`${split} by ${dim}:`, ...alignColumns(rows));
  }
  return lines;
}

/** A title line, then one row per check (sorted) with one cell per split, aligned; nothing without checks. */
function bySplit<T>(title: string, splits: Partial<Record<Split, Record<string, T>>>, cell: (c: T | undefined) => string): string[] {
  const names = Object.keys(splits) as Split[];
  const checks = [...new Set(names.flatMap((n) => Object.keys(splits[n] ?? {})))].sort();
  if (!checks.length) return [];
  const rows = checks.map((check) => [`  ${check}`, ...names.map((n) => cell(splits[n]?.[check]))]);
  return [`${title} (${names.join(' | ')}):`, ...alignColumns(rows, '   ')];
}

/**
 * Precision and recall per check, one column per split.
 *
 * @example
 *   perCheckLines({ dev: devSummary.perCheck, heldout: heldoutSummary.perCheck });
 */
export function perCheckLines(splits: Partial<Record<Split, CheckCounts>>): string[] {
  return bySplit('per check', splits, (x) => {
    const c = x ?? { tp: 0, fp: 0, fn: 0 };
    return `${prfText(c.tp, c.fp, c.fn)} (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;
  });
}

/**
 * Precision of warnings per issuing check, one column per split: a warning kind below 90% on
 * held-out documents is to be fixed or demoted to info.
 *
 * @example
 *   warningLines({ dev: { capaian: { tp: 9, fp: 1 } } }); // ['precision of warnings by check (dev):', '  capaian   90.0% (9/10)']
 */
export function warningLines(splits: Partial<Record<Split, WarningCounts>>): string[] {
  return bySplit('precision of warnings by check', splits, (c) => (c ? `${pct(ratio(c.tp, c.tp + c.fp))} (${c.tp}/${c.tp + c.fp})` : '—'));
}

// ---- the report ------------------------------------------------------------------------------------

function totalsOf(prefix: string, s: SplitSummary): Metrics {
  return {
    [`${prefix}Documents`]: s.documents,
    ...Object.fromEntries(METRICS.map((m) => [`${prefix}${m.key[0]!.toUpperCase()}${m.key.slice(1)}`, m.value(s).share])),
    [`${prefix}Tp`]: s.findings.tp,
    [`${prefix}Fp`]: s.findings.fp,
    [`${prefix}Fn`]: s.findings.fn,
  };
}

/**
 * The report from the scored documents: per-document lines and details for dev (and a summary for
 * the seeds), sums only for held-out documents, whatever was passed in.
 *
 * @example
 *   const report = buildReport(scored, { splits: ['dev', 'heldout'], seeds: true });
 *   report.documents.every((d) => !heldoutIds.includes(d.doc)); // true
 */
export function buildReport(scored: readonly ScoredDoc[], ran: { splits: readonly Split[]; seeds: boolean; notes?: string[] }): ScoreReport {
  const docs = scored.map(redact);
  const of = (split: Split | 'seeds'): ScoredDoc[] => docs.filter((d) => d.split === split);
  const summaries = {
    dev: ran.splits.includes('dev') ? aggregate(of('dev').map((d) => d.counts)) : undefined,
    heldout: ran.splits.includes('heldout') ? aggregate(of('heldout').map((d) => d.counts)) : undefined,
    seeds: ran.seeds ? aggregate(of('seeds').map((d) => d.counts)) : undefined,
  };
  const documents: DocumentReport[] = [
    ...of('dev').map((d) => ({ doc: d.id, metrics: d.metrics, lines: d.lines })),
    ...of('seeds').map((d) => ({ doc: `seed ${d.id}`, metrics: d.metrics, lines: d.lines.filter((l) => !l.startsWith('  ')) })),
  ];
  const heldoutFailed = summaries.heldout?.failed ?? 0;
  const lines = [
    ...(ran.notes ?? []),
    `corpus: ${summaries.dev ? `${summaries.dev.documents} dev` : 'dev not run'}, ${summaries.heldout ? `${summaries.heldout.documents} held-out` : 'held-out not run'}${summaries.seeds ? `, ${summaries.seeds.documents} seed` : ''} documents; micro-averages (counts summed) unless marked macro (mean over documents)`,
    ...formatSideBySide(sideRows(summaries)),
    ...(heldoutFailed ? [`${heldoutFailed} held-out document(s) failed in the pipeline (messages withheld: reproduce on dev documents)`] : []),
    ...(summaries.dev ? breakdownLines('dev', of('dev')) : []),
    ...(summaries.heldout ? breakdownLines('heldout', of('heldout')) : []),
    ...perCheckLines({ ...(summaries.dev ? { dev: summaries.dev.perCheck } : {}), ...(summaries.heldout ? { heldout: summaries.heldout.perCheck } : {}) }),
    ...warningLines({ ...(summaries.dev ? { dev: summaries.dev.warningsByCheck } : {}), ...(summaries.heldout ? { heldout: summaries.heldout.warningsByCheck } : {}) }),
  ];
  const totals: Metrics = {
    ...(summaries.dev ? totalsOf('dev', summaries.dev) : {}),
    ...(summaries.heldout ? totalsOf('heldout', summaries.heldout) : {}),
    ...(summaries.seeds ? totalsOf('seeds', summaries.seeds) : {}),
  };
  // The seeds' table figures are the tables scorer's: not measured here.
  for (const m of METRICS) if (m.tables) delete totals[`seeds${m.key[0]!.toUpperCase()}${m.key.slice(1)}`];
  const breakdown = (split: Split): Record<string, Record<string, SplitSummary>> =>
    Object.fromEntries(
      DIMENSIONS.map((dim) => {
        const values = [...new Set(of(split).flatMap((d) => d.dims[dim] ?? []))].sort();
        return [dim, Object.fromEntries(values.map((v) => [v, aggregate(of(split).filter((d) => d.dims[dim]?.includes(v)).map((d) => d.counts))]))];
      }),
    );
  return {
    name: 'corpus',
    documents,
    totals,
    lines,
    details: {
      splits: summaries,
      breakdowns: { ...(summaries.dev ? { dev: breakdown('dev') } : {}), ...(summaries.heldout ? { heldout: breakdown('heldout') } : {}) },
      documents: Object.fromEntries(of('dev').map((d) => [d.id, d.details])),
    },
  };
}

// ---- selection -------------------------------------------------------------------------------------

export interface Selection {
  entries: CorpusEntry[];
  splits: Split[];
  seeds: boolean;
  /** Set when the selection is refused; nothing is run. */
  refused?: string;
}

/**
 * The documents to run: all, one split (`EVAL_SPLIT`, no seeds), or named dev documents
 * (`EVAL_DOCS`, exact ids, no seeds). Held-out ids may not be named.
 *
 * @example
 *   selectEntries(manifest, { EVAL_SPLIT: 'dev' }).entries.every((e) => e.split === 'dev'); // true
 *   selectEntries(manifest, { EVAL_DOCS: 'c002' }).refused; // 'EVAL_DOCS may name dev documents only …' when c002 is held out
 */
export function selectEntries(manifest: readonly CorpusEntry[], env: Readonly<Record<string, string | undefined>>): Selection {
  const split = env.EVAL_SPLIT?.trim() ?? '';
  const names = (env.EVAL_DOCS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const refuse = (why: string): Selection => ({ entries: [], splits: [], seeds: false, refused: why });
  if (split && split !== 'dev' && split !== 'heldout' && split !== 'all') return refuse(`EVAL_SPLIT must be dev, heldout or all, not ${JSON.stringify(split)}`);
  if (names.length) {
    if (split === 'heldout') return refuse('EVAL_DOCS selects dev documents only; it cannot be combined with EVAL_SPLIT=heldout');
    const byId = new Map(manifest.map((e) => [e.id, e]));
    const heldout = names.filter((n) => byId.get(n)?.split === 'heldout');
    if (heldout.length) return refuse(`EVAL_DOCS may name dev documents only: ${heldout.length} of the names are held-out documents, which are scored only in aggregate`);
    const unknown = names.filter((n) => !byId.has(n));
    if (unknown.length) return refuse(`EVAL_DOCS names documents not in the corpus manifest: ${unknown.join(', ')}`);
    return { entries: manifest.filter((e) => names.includes(e.id)), splits: ['dev'], seeds: false };
  }
  if (split === 'dev' || split === 'heldout') return { entries: manifest.filter((e) => e.split === split), splits: [split], seeds: false };
  return { entries: [...manifest], splits: ['dev', 'heldout'], seeds: true };
}

// ---- running ---------------------------------------------------------------------------------------

/** The corpus root: `EVAL_CORPUS_DIR` or `evals/corpus`. */
export function corpusDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env.EVAL_CORPUS_DIR ? resolve(env.EVAL_CORPUS_DIR) : join(ROOT, 'evals/corpus');
}

/** A manifest path: absolute, or relative to the repository root, else to the corpus root. */
function resolvePath(path: string, dir: string): string {
  if (isAbsolute(path)) return path;
  const fromRoot = join(ROOT, path);
  return existsSync(fromRoot) ? fromRoot : join(dir, path);
}

async function readJson<T>(file: string): Promise<T | undefined> {
  return existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as T) : undefined;
}

async function runPipeline(pdf: string, ocrConcurrency: number): Promise<PipelineOutput> {
  try {
    const layout = await readTables(pdf, { ocr: 'auto', ocrConcurrency });
    const grids = layout.tables.map(gridOf);
    const report = await reportFromLayout(layout);
    const result = auditReport(report);
    return { grids, report, predicted: result.findings.map((f) => toPredicted(f, result.report)), checkErrors: result.checks.filter((c) => c.error).length };
  } catch (err) {
    // Nothing extracted: every gold table, row and finding counts as missed.
    return { grids: [], predicted: [], error: err instanceof Error ? err.message : String(err), checkErrors: 0 };
  }
}

function titleOf(e: CorpusEntry): string {
  const scanned = e.scannedPages?.length ? `scanned p.${e.scannedPages.join(',')}${e.scan ? ` (${[e.scan.mode, e.scan.dpi ? `${e.scan.dpi} dpi` : ''].filter(Boolean).join(' ')})` : ''}` : 'no scanned pages';
  const what = [e.instansi, e.pemda, e.tahun].filter(Boolean).join(', ');
  return [e.producer, e.office, what, e.pages ? `${e.pages} pages` : '', scanned, e.seed !== undefined ? `seed ${e.seed}` : ''].filter(Boolean).join('; ');
}

function concurrency(): number {
  const env = Number(process.env.EVAL_CONCURRENCY);
  if (Number.isInteger(env) && env > 0) return env;
  const cpus = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return cpus > 0 ? cpus : 2;
}

export const corpusScorer: Scorer = {
  name: 'corpus',
  async run(): Promise<ScoreReport> {
    const dir = corpusDir();
    const manifestFile = join(dir, 'manifest.json');
    const shown = manifestFile.startsWith(ROOT) ? manifestFile.slice(ROOT.length) : manifestFile;
    const empty = (line: string): ScoreReport => ({ name: 'corpus', documents: [], totals: {}, lines: [line] });
    if (!existsSync(manifestFile)) return empty(`no corpus manifest at ${shown} (written by scripts/corpus/): nothing scored`);
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as CorpusEntry[];
    const sel = selectEntries(manifest, process.env);
    if (sel.refused) return empty(sel.refused);

    const n = concurrency();
    const limit = pLimit(n);
    const ocrConcurrency = Math.max(1, Math.floor((os.availableParallelism?.() ?? 2) / n));
    const total = sel.entries.length + (sel.seeds ? SEEDS.length : 0);
    let done = 0;
    const progress = (what: string): void => {
      done++;
      process.stderr.write(`corpus: ${done}/${total} ${what}\n`);
    };

    const corpusJobs = sel.entries.map((e) =>
      limit(async (): Promise<ScoredDoc> => {
        const run = await runPipeline(resolvePath(e.pdf, dir), ocrConcurrency);
        try {
          const gold: DocumentGold = {};
          const g = (kind: string): string => join(dir, 'gold', `${e.id}.${kind}.json`);
          const tables = await readJson<CorpusTable[]>(g('tables'));
          const model = await readJson<GoldModel>(g('model'));
          if (tables) gold.tables = tables;
          if (model) gold.model = normaliseModelGold(model);
          if (existsSync(g('findings'))) gold.findings = { gold: await readGold(g('findings')), traps: await readGold(g('traps')) };
          // A held-out document is reduced to counts at once: nothing per item outlives this call.
          const doc = redact(scoreCorpusDocument({ id: e.id, split: e.split, dims: dimensionsOf(e), title: titleOf(e), gold, run, scannedPages: e.scannedPages ?? [] }));
          progress(e.split === 'dev' ? `dev ${e.id}` : 'held-out document');
          return doc;
        } catch (err) {
          // Broken gold is the generator's bug and stops the scorer, without naming a held-out document.
          // No `cause` for a held-out document: it would carry the document's details.
          // eslint-disable-next-line preserve-caught-error
          if (e.split === 'heldout') throw new Error('the gold of a held-out document could not be read or scored (details withheld: validate the generated gold files)');
          throw new Error(`${e.id}: gold could not be read or scored: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
        }
      }),
    );
    const seedJobs = (sel.seeds ? SEEDS : []).map((s) =>
      limit(async (): Promise<ScoredDoc> => {
        const gold: DocumentGold = {};
        const model = await readJson<GoldModel>(`${ROOT}evals/gold/${s.doc}.model.json`);
        if (model) gold.model = model;
        const findingsFile = `${ROOT}evals/gold/${s.doc}.findings.json`;
        if (existsSync(findingsFile)) gold.findings = { gold: await readGold(findingsFile), traps: await readGold(`${ROOT}evals/gold/${s.doc}.traps.json`) };
        const run = await runPipeline(s.pdf, ocrConcurrency);
        const doc = scoreCorpusDocument({ id: s.doc, split: 'seeds', dims: {}, title: s.title, gold, run, unaudited: s.unaudited });
        progress(`seed ${s.doc}`);
        return doc;
      }),
    );
    const scored = await Promise.all([...corpusJobs, ...seedJobs]);
    const notes = dir === join(ROOT, 'evals/corpus') ? [] : [`corpus root: ${dir}`];
    return buildReport(scored, { splits: sel.splits, seeds: sel.seeds, notes: [...notes, `${n} documents at a time`] });
  },
};
