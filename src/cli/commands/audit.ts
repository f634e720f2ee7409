import type { Command } from 'commander';
import { AppError } from '../../errors.js';
import type { AuditResult, Report, Severity } from '../../model/report.js';
import type { LayoutDocument } from '../../model/table.js';
import type { AuditOptions } from '../../pipeline/audit.js';
import { choice, limitsFrom, reportLlm, reportUnreadPages, withLimitOptions, writeOut, type LimitFlags } from '../util.js';

const SEVERITIES = ['error', 'warning', 'rounding', 'info'] as const;

export function register(program: Command): void {
  const cmd = program
    .command('audit')
    .description('Recompute every derived figure and list what does not add up, each finding cited')
    .argument('<file.pdf>', 'the report')
    .option('--format <fmt>', 'text | json | md | html | csv', 'text')
    .option('--lang <lang>', 'id | en', 'id')
    .option('--min-severity <level>', 'error | warning | rounding | info', 'info')
    .option('--fail-on <level>', 'exit 3 when a finding of this severity or worse exists (error | warning | rounding | info)')
    .option('--only <checks>', 'comma-separated check ids')
    .option('--pages <range>', 'pages to read, e.g. 3-9,12')
    .option('--no-ocr', 'do not OCR image-only pages')
    .option('--llm', 'ask the configured OpenAI-compatible model for the structure of tables the rules could not classify (numbers are still read from the cells)')
    .option('-o, --out <file>', 'write to a file instead of stdout');
  withLimitOptions(cmd).action(async (file: string, o: { format: string; lang: string; minSeverity: string; failOn?: string; only?: string; pages?: string; ocr: boolean; out?: string; llm?: boolean } & LimitFlags) => {
      const format = choice(o.format, ['text', 'json', 'md', 'html', 'csv'] as const, '--format');
      const lang = choice(o.lang, ['id', 'en'] as const, '--lang');
      const minSeverity = choice(o.minSeverity, SEVERITIES, '--min-severity') as Severity;
      const failOn = o.failOn ? (choice(o.failOn, SEVERITIES, '--fail-on') as Severity) : undefined;
      const only = o.only?.split(',').map((s) => s.trim()).filter(Boolean);
      const { parsePageRange } = await import('../../ingest/index.js');
      const opts = {
        ...(o.pages ? { pages: parsePageRange(o.pages) } : {}),
        ocr: o.ocr ? ('auto' as const) : ('off' as const),
        limits: limitsFrom(o),
        isolate: true,
        ...(o.llm ? { llm: true, onLlm: reportLlm } : {}),
        minSeverity,
        ...(only ? { only } : {}),
      };
      const result = await auditWhileLoading(file, opts);
      const { auditToCsv, auditToHtml, auditToMarkdown, auditToText } = await import('../format/audit.js');
      const text =
        format === 'json' ? JSON.stringify(result, null, 2) + '\n'
        : format === 'md' ? auditToMarkdown(result, lang)
        : format === 'html' ? auditToHtml(result, lang)
        : format === 'csv' ? auditToCsv(result, lang)
        : auditToText(result, lang, !o.out && process.stdout.isTTY === true);
      await writeOut(text, o.out);
      // The text format lists them with the findings; the others carry them in the data only.
      if (format !== 'text' || o.out) reportUnreadPages(result.report.warnings);
      if (failOn) {
        const limit = SEVERITIES.indexOf(failOn);
        const hit = result.findings.some((f) => SEVERITIES.indexOf(f.severity) <= limit);
        if (hit) process.exitCode = 3;
      }
      if (only && only.length && result.checks.length === 0) throw new AppError('E_BAD_ARGUMENT', `No check matches --only ${o.only}`, { stage: 'cli' });
    });
}

/**
 * What audit() does, in its steps: the pages are read in a thread of their own, and the
 * extraction, checks and output modules load on this one meanwhile instead of after. Only the
 * result outlives it (the layout goes once extracted, the report once checked).
 */
async function auditWhileLoading(file: string, opts: AuditOptions): Promise<AuditResult> {
  const { readTables } = await import('../../pipeline/tables.js');
  const report = await extractOnceRead(readTables(file, opts), opts);
  const { auditReport } = await import('../../pipeline/audit.js');
  return auditReport(report, opts);
}

async function extractOnceRead(reading: Promise<LayoutDocument>, opts: AuditOptions): Promise<Report> {
  const later = Promise.all([import('../../pipeline/extract.js'), import('../../pipeline/audit.js'), import('../format/audit.js')]);
  // Should the reading fail, its error is the one reported, and this promise is left unawaited.
  later.catch(() => undefined);
  const layout = await reading;
  const [{ reportFromLayout }] = await later;
  return reportFromLayout(layout, opts);
}
