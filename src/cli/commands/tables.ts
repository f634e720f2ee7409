import type { Command } from 'commander';
import { parsePageRange } from '../../ingest/index.js';
import { readTables } from '../../pipeline/tables.js';
import { tablesToCsv, tablesToMarkdown } from '../format/tables.js';
import { choice, writeOut } from '../util.js';

export function register(program: Command): void {
  program
    .command('tables')
    .description('Print every table of a PDF with its id, pages, caption, header and rows')
    .argument('<file.pdf>', 'the report')
    .option('--pages <range>', 'pages to read, e.g. 3-9,12')
    .option('--format <fmt>', 'md | json | csv', 'md')
    .option('--no-ocr', 'do not OCR image-only pages')
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .action(async (file: string, o: { pages?: string; format: string; ocr: boolean; out?: string }) => {
      const format = choice(o.format, ['md', 'json', 'csv'] as const, '--format');
      const layout = await readTables(file, { ...(o.pages ? { pages: parsePageRange(o.pages) } : {}), ocr: o.ocr ? 'auto' : 'off' });
      const text = format === 'json' ? JSON.stringify(layout, null, 2) + '\n' : format === 'csv' ? tablesToCsv(layout) : tablesToMarkdown(layout);
      await writeOut(text, o.out);
      for (const w of layout.warnings) process.stderr.write(`warning ${w.code}${w.page ? ` (page ${w.page})` : ''}: ${w.message}\n`);
    });
}
