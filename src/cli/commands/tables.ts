import type { Command } from 'commander';
import { AppError } from '../../errors.js';
import { choice, limitsFrom, withLimitOptions, writeOut, type LimitFlags } from '../util.js';

export function register(program: Command): void {
  const cmd = program
    .command('tables')
    .description('Print every table of a PDF with its id, pages, caption, header and rows')
    .argument('<file.pdf>', 'the report')
    .option('--pages <range>', 'pages to read, e.g. 3-9,12')
    .option('--format <fmt>', 'md | json | csv', 'md')
    .option('--no-ocr', 'do not OCR image-only pages')
    .option('--ocr-lang <langs>', 'OCR languages, e.g. ind+eng (default: ind)')
    .option('-o, --out <file>', 'write to a file instead of stdout');
  withLimitOptions(cmd).action(async (file: string, o: { pages?: string; format: string; ocr: boolean; ocrLang?: string; out?: string } & LimitFlags) => {
      const format = choice(o.format, ['md', 'json', 'csv'] as const, '--format');
      if (o.ocrLang !== undefined && !/^[A-Za-z0-9_]+(\+[A-Za-z0-9_]+)*$/.test(o.ocrLang)) {
        throw new AppError('E_BAD_ARGUMENT', `--ocr-lang takes tesseract language codes joined with +, e.g. ind+eng (got "${o.ocrLang}")`, { stage: 'cli' });
      }
      // Loaded here, not above: `lkjip --help` lists this command without loading pdf.js.
      const { parsePageRange } = await import('../../ingest/index.js');
      const { readTables } = await import('../../pipeline/tables.js');
      const { tablesToCsv, tablesToMarkdown } = await import('../format/tables.js');
      const layout = await readTables(file, {
        ...(o.pages ? { pages: parsePageRange(o.pages) } : {}),
        ocr: o.ocr ? 'auto' : 'off',
        limits: limitsFrom(o),
        isolate: true,
        ...(o.ocrLang ? { ocrLang: o.ocrLang } : {}),
      });
      const text = format === 'json' ? JSON.stringify(layout, null, 2) + '\n' : format === 'csv' ? tablesToCsv(layout) : tablesToMarkdown(layout);
      await writeOut(text, o.out);
      for (const w of layout.warnings) process.stderr.write(`warning ${w.code}${w.page ? ` (page ${w.page})` : ''}: ${w.message}\n`);
    });
}
