import { runChecks } from '../checks/index.js';
import { AuditResult, SCHEMA_VERSION, type Report, type Severity } from '../model/report.js';
import { readReport, type ReadReportOptions } from './extract.js';

export interface AuditOptions extends ReadReportOptions {
  minSeverity?: Severity;
  only?: string[];
}

/**
 * Recomputes every derived figure of a report's model and returns the findings, each cited.
 *
 * @example
 *   const { findings } = auditReport(report);
 */
export function auditReport(report: Report, opts: Pick<AuditOptions, 'minSeverity' | 'only'> = {}): AuditResult {
  const { findings, stats } = runChecks(report, { ...(opts.minSeverity ? { minSeverity: opts.minSeverity } : {}), ...(opts.only ? { only: opts.only } : {}) });
  return AuditResult.parse({ schemaVersion: SCHEMA_VERSION, report, findings, checks: stats });
}

/**
 * PDF → model → findings.
 *
 * @example
 *   const result = await audit('samples/000_7d82b3f27f46e2ac.pdf');
 *   result.findings.filter((f) => f.severity === 'error').length;
 */
export async function audit(file: string, opts: AuditOptions = {}): Promise<AuditResult> {
  const report = await readReport(file, opts);
  return auditReport(report, opts);
}
