/**
 * The library: what `import … from 'lkjip'` gives. Each stage loads its dependencies (pdf.js, the
 * checks) only when it is first called.
 *
 * The functions that take a PDF read it within the same bounds as the CLI: the ingest limits
 * (`limits`, see DEFAULT_LIMITS) and, because the pages are read in a thread of their own
 * (`isolate`, on by default here), the per-page time limit and the reader's heap ceiling. With
 * `isolate: false` the pages are read in the calling thread and those two do not hold.
 *
 * @example
 *   import { audit } from 'lkjip';
 *   const result = await audit('report.pdf');
 *   for (const f of result.findings) console.log(f.severity, f.message.en, f.citations[0]);
 */
import { audit as auditFile, type AuditOptions } from './pipeline/audit.js';
import { readReport as readReportFile, type ReadReportOptions } from './pipeline/extract.js';
import { readTables as readTablesFile, type ReadTablesOptions } from './pipeline/tables.js';
import type { AuditResult, Report } from './model/report.js';
import type { LayoutDocument } from './model/table.js';

export { reportFromLayout } from './pipeline/extract.js';
export { auditReport } from './pipeline/audit.js';
export { DEFAULT_LIMITS, type IngestLimits } from './ingest/scan.js';
export { AppError, type ErrorCode, type ErrorContext } from './errors.js';
export type { AuditOptions, ReadReportOptions, ReadTablesOptions };
export type { AuditResult, Finding, Report, Severity } from './model/report.js';
export type { LayoutDocument, Table } from './model/table.js';

/** The options with pages read in their own thread unless the caller says otherwise. */
function bounded<O extends { isolate?: boolean }>(opts: O): O {
  return { ...opts, isolate: opts.isolate ?? true };
}

/**
 * PDF → tables and paragraphs, every cell with its page and box.
 *
 * @example
 *   const layout = await readTables('report.pdf', { pages: [5, 6], limits: { pageTimeoutMs: 10_000 } });
 */
export function readTables(file: string, opts: ReadTablesOptions = {}): Promise<LayoutDocument> {
  return readTablesFile(file, bounded(opts));
}

/**
 * PDF → LKjIP model.
 *
 * @example
 *   const report = await readReport('report.pdf');
 */
export function readReport(file: string, opts: ReadReportOptions = {}): Promise<Report> {
  return readReportFile(file, bounded(opts));
}

/**
 * PDF → model → findings.
 *
 * @example
 *   const { findings } = await audit('report.pdf', { minSeverity: 'warning' });
 */
export function audit(file: string, opts: AuditOptions = {}): Promise<AuditResult> {
  return auditFile(file, bounded(opts));
}
