/**
 * The contract between `bench/run.ts` and the bench sections. A section measures one thing (table
 * reading speed, OCR, later: audit time per page, batch throughput) and returns rows for a compact
 * table plus notes; the runner prints them and writes everything to `bench/out/results.json`.
 */

export interface Sample {
  /** File name without `.pdf`, e.g. `000_7d82b3f27f46e2ac`. */
  name: string;
  file: string;
  pageCount: number;
  /** Pages with a text layer. */
  textPages: number[];
  /** Pages without one (scanned), which lkjip OCRs. */
  imagePages: number[];
}

export interface BenchContext {
  samples: Sample[];
  /** Timed runs per measurement, after one warm-up. */
  runs: number;
  /** Progress on stderr, so stdout stays the results. */
  log(message: string): void;
}

export type Cell = string | number;

export interface SectionResult {
  /** Column order of `rows`. */
  columns: string[];
  rows: Record<string, Cell>[];
  notes: string[];
  /** Why the section did not run (a tool missing), instead of rows. */
  skipped?: string;
  /** Timings behind the rows, for the JSON. */
  raw?: unknown;
}

export interface BenchSection {
  name: string;
  run(ctx: BenchContext): Promise<SectionResult>;
}
