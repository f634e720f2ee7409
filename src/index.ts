/**
 * The library: what `import … from 'lkjip'` gives. Each stage loads its dependencies (pdf.js, the
 * checks) only when it is first called.
 *
 * @example
 *   import { audit } from 'lkjip';
 *   const result = await audit('report.pdf');
 *   for (const f of result.findings) console.log(f.severity, f.message.en, f.citations[0]);
 */
export { readTables, type ReadTablesOptions } from './pipeline/tables.js';
export { readReport, reportFromLayout, type ReadReportOptions } from './pipeline/extract.js';
export { audit, auditReport, type AuditOptions } from './pipeline/audit.js';
export { AppError, type ErrorCode, type ErrorContext } from './errors.js';
export type { AuditResult, Finding, Report, Severity } from './model/report.js';
export type { LayoutDocument, Table } from './model/table.js';
