/**
 * The contract between `evals/run.ts` and the scorer modules. A scorer measures one capability
 * (tables, model extraction, findings, chat) on the seed documents and returns a `ScoreReport`;
 * the runner prints it and writes it to `evals/out/<name>.json`. Scorers never fail on a low score:
 * evals measure, they do not gate.
 */

/** A numeric result per document or overall, e.g. `cellAccuracy: 0.93`. Shares are 0..1. */
export type Metrics = Record<string, number>;

export interface DocumentReport {
  /** Seed id, e.g. `000_7d82b3f27f46e2ac`. */
  doc: string;
  metrics: Metrics;
  /** Human-readable summary lines, printed as they are under the document's name. */
  lines: string[];
}

export interface ScoreReport {
  /** Also the name of the JSON file under `evals/out/`. */
  name: string;
  documents: DocumentReport[];
  /** Headline numbers over all documents, flat so two runs can be diffed. */
  totals: Metrics;
  /** Lines printed after the documents (totals, targets). */
  lines?: string[];
  /** Scorer-specific detail; goes to the JSON only. */
  details?: unknown;
}

export interface Scorer {
  name: string;
  run(): Promise<ScoreReport>;
}

/**
 * A share as a percentage with one decimal, `—` when there is nothing to measure.
 *
 * @example
 *   pct(0.9512); // '95.1%'
 *   pct(NaN);    // '—'
 */
export function pct(share: number): string {
  return Number.isFinite(share) ? `${(share * 100).toFixed(1)}%` : '—';
}

/**
 * `hits / total` as a share; NaN when total is 0 so an empty category is not reported as 0% or 100%.
 *
 * @example
 *   ratio(3, 4); // 0.75
 */
export function ratio(hits: number, total: number): number {
  return total > 0 ? hits / total : Number.NaN;
}

/**
 * Shortens text for one-line display.
 *
 * @example
 *   clip('Persentase OPD yang melakukan pelayanan terintegrasi', 20); // 'Persentase OPD yang…'
 */
export function clip(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
