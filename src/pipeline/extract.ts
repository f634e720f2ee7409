import { extractReport, type ExtractOptions } from '../extract/index.js';
import type { Report } from '../model/report.js';
import { readTables, type ReadTablesOptions } from './tables.js';

export type ReadReportOptions = ReadTablesOptions & ExtractOptions;

/**
 * PDF → LKjIP model: tables and text, then the deterministic extractor.
 *
 * @example
 *   const report = await readReport('samples/003_eded5028092eddcb.pdf');
 *   report.budget.filter((b) => b.level === 'program').length;
 */
export async function readReport(file: string, opts: ReadReportOptions = {}): Promise<Report> {
  const layout = await readTables(file, opts);
  return extractReport(layout, opts);
}
