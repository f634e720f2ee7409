import { extractReport, type ExtractOptions } from '../extract/index.js';
import type { StructureResult } from '../extract/llm/index.js';
import type { Warning } from '../model/document.js';
import type { Report } from '../model/report.js';
import type { LayoutDocument } from '../model/table.js';
import { readTables, type ReadTablesOptions } from './tables.js';

export interface ReadReportOptions extends ReadTablesOptions, ExtractOptions {
  /**
   * Ask the configured OpenAI-compatible model for the structure of tables the rules could not
   * classify (kind, column roles, by reference to cells). Numbers are still read from the cells.
   * Without a configured model this is a warning, not an error.
   */
  llm?: boolean;
  /** Called with what the LLM step did (tokens, cache hits), for progress output. */
  onLlm?: (result: StructureResult) => void;
}

/**
 * PDF → LKjIP model: tables and text, then the deterministic extractor (plus LLM structure hints
 * when asked for and configured).
 *
 * @example
 *   const report = await readReport('samples/003_eded5028092eddcb.pdf');
 *   report.budget.filter((b) => b.level === 'program').length;
 */
export async function readReport(file: string, opts: ReadReportOptions = {}): Promise<Report> {
  const layout = await readTables(file, opts);
  return reportFromLayout(layout, opts);
}

/** The extraction step on its own, for callers that keep the layout (chat, server). */
export async function reportFromLayout(layout: LayoutDocument, opts: ReadReportOptions = {}): Promise<Report> {
  const warnings: Warning[] = [];
  let hints = opts.hints ?? [];
  if (opts.llm) {
    // The LLM client loads only when asked for: a plain extraction or audit never pays for it.
    const { loadLlmConfig, suggestStructure } = await import('../extract/llm/index.js');
    const config = await loadLlmConfig();
    if (!config) {
      warnings.push({ code: 'W_LLM_UNCONFIGURED', message: 'No LLM configured (OPENAI_API_KEY / OPENAI_BASE_URL / LKJIP_MODEL or .lkjip.json); extracted with the rules only', stage: 'extract' });
    } else {
      try {
        const result = await suggestStructure(layout, { config });
        opts.onLlm?.(result);
        hints = [...hints, ...result.hints];
        const failed = result.tables.filter((t) => ['failed', 'invalid', 'refused'].includes(t.status));
        for (const t of failed) warnings.push({ code: 'W_LLM_STRUCTURE', message: `LLM structure for ${t.table}: ${t.status}`, stage: 'extract' });
      } catch (err) {
        warnings.push({ code: 'W_LLM_FAILED', message: `LLM structure skipped: ${err instanceof Error ? err.message : String(err)}`, stage: 'extract' });
      }
    }
  }
  const report = extractReport(layout, { hints });
  report.warnings.push(...warnings);
  return report;
}
