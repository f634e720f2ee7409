import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { choice, limitsFrom, reportLlm, withLimitOptions, writeOut, type LimitFlags } from '../util.js';

export function register(program: Command): void {
  const cmd = program
    .command('extract')
    .description('Extract the LKjIP model (indicators, budget tree, belanja, claims), every value cited')
    .argument('<file.pdf>', 'the report')
    .option('--format <fmt>', 'json | md | csv (csv writes one file per entity into --out)', 'json')
    .option('--pages <range>', 'pages to read, e.g. 3-9,12')
    .option('--no-ocr', 'do not OCR image-only pages')
    .option('--llm', 'ask the configured OpenAI-compatible model for the structure of tables the rules could not classify (numbers are still read from the cells)')
    .option('-o, --out <path>', 'output file (json, md) or folder (csv)');
  withLimitOptions(cmd).action(async (file: string, o: { format: string; pages?: string; ocr: boolean; out?: string; llm?: boolean } & LimitFlags) => {
      const format = choice(o.format, ['json', 'md', 'csv'] as const, '--format');
      const { parsePageRange } = await import('../../ingest/index.js');
      const { readReport } = await import('../../pipeline/extract.js');
      const { modelCsvFiles, reportToMarkdown } = await import('../format/report.js');
      const report = await readReport(file, { ...(o.pages ? { pages: parsePageRange(o.pages) } : {}), ocr: o.ocr ? 'auto' : 'off', limits: limitsFrom(o), isolate: true,
        ...(o.llm ? { llm: true, onLlm: reportLlm } : {}) });
      if (format === 'csv') {
        const dir = o.out ?? `${path.basename(file, path.extname(file))}-csv`;
        await mkdir(dir, { recursive: true });
        const files = modelCsvFiles(report);
        for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
        process.stdout.write(`${Object.keys(files).map((n) => path.join(dir, n)).join('\n')}\n`);
      } else {
        await writeOut(format === 'json' ? JSON.stringify(report, null, 2) + '\n' : reportToMarkdown(report), o.out);
      }
      for (const w of report.warnings) process.stderr.write(`warning ${w.code}${w.page ? ` (page ${w.page})` : ''}: ${w.message}\n`);
    });
}
