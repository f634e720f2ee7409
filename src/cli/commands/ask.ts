import type { Command } from 'commander';
import type { Lang, Prepared } from '../../chat/index.js';
import { AppError } from '../../errors.js';
import type { LlmConfig, StructureResult } from '../../extract/llm/index.js';
import { choice, limitsFrom, reportLlm, reportUnreadPages, withLimitOptions, writeOut, type LimitFlags } from '../util.js';

export interface ChatLoadOptions extends LimitFlags {
  pages?: string;
  ocr: boolean;
  llm: boolean;
}

export interface Loaded {
  prepared: Prepared;
  config: LlmConfig | null;
  structure: StructureResult | null;
}

/**
 * Reads, extracts and audits a report once, and builds the indexes the answerers use. With `llm`,
 * tables the rules could not classify are first given to the model for structure. Pages are read
 * within the same limits as `audit` (the options given, in a thread of their own with the per-page
 * time limit), and a page left unread is a warning on stderr.
 */
export async function loadForChat(file: string, o: ChatLoadOptions): Promise<Loaded> {
  // The pipeline and the answerers (LLM clients among them) load when a question is asked, not for --help.
  const { prepare } = await import('../../chat/index.js');
  const { loadLlmConfig } = await import('../../extract/llm/index.js');
  const { parsePageRange } = await import('../../ingest/index.js');
  const { auditReport } = await import('../../pipeline/audit.js');
  const { reportFromLayout } = await import('../../pipeline/extract.js');
  const { readTables } = await import('../../pipeline/tables.js');
  const config = o.llm ? await loadLlmConfig() : null;
  const layout = await readTables(file, { ...(o.pages ? { pages: parsePageRange(o.pages) } : {}), ocr: o.ocr ? 'auto' : 'off', limits: limitsFrom(o), isolate: true });
  let structure: StructureResult | null = null;
  // The same LLM structure step as `extract --llm` / `audit --llm`.
  const report = await reportFromLayout(layout, {
    llm: config !== null,
    onLlm: (r) => {
      structure = r;
      reportLlm(r);
    },
  });
  for (const w of report.warnings.filter((x) => x.code.startsWith('W_LLM'))) process.stderr.write(`llm structure: ${w.message}\n`);
  const result = auditReport(report);
  reportUnreadPages(result.report.warnings);
  return { prepared: prepare({ result, layout }), config, structure };
}

export function register(program: Command): void {
  const cmd = program
    .command('ask')
    .description('Ask a question about a report (Indonesian or English); every figure in the answer is cited by page, table and row')
    .argument('<file.pdf>', 'the report')
    .argument('<question...>', 'the question, e.g. "Angka capaian mana yang salah hitung?"')
    .option('--lang <lang>', "id | en (default: the question's language)")
    .option('--format <fmt>', 'text | json', 'text')
    .option('--llm', 'use the configured OpenAI-compatible model (OPENAI_API_KEY, OPENAI_BASE_URL, LKJIP_MODEL or .lkjip.json) for the answer and for tables the rules could not classify; without one, answers offline')
    .option('--pages <range>', 'pages to read, e.g. 3-9,12')
    .option('--no-ocr', 'do not OCR image-only pages')
    .option('-o, --out <file>', 'write to a file instead of stdout');
  withLimitOptions(cmd).action(async (file: string, words: string[], o: { lang?: string; format: string; llm?: boolean; pages?: string; ocr: boolean; out?: string } & LimitFlags) => {
      const question = words.join(' ').trim();
      if (!question) throw new AppError('E_BAD_ARGUMENT', 'The question is empty', { stage: 'cli' });
      const format = choice(o.format, ['text', 'json'] as const, '--format');
      const lang = o.lang ? (choice(o.lang, ['id', 'en'] as const, '--lang') as Lang) : undefined;
      const { prepared, config, structure } = await loadForChat(file, { ...o, llm: o.llm === true });
      const { ask, renderAnswer } = await import('../../chat/index.js');
      const answer = await ask(question, prepared, { llm: o.llm === true, config, ...(lang ? { lang } : {}) });
      if (answer.usage) process.stderr.write(`llm answer: ${answer.usage.totalTokens} tokens (${answer.usage.promptTokens} in, ${answer.usage.completionTokens} out)\n`);
      const text =
        format === 'json'
          ? JSON.stringify({ file, question, answer, ...(structure ? { structure: { hints: structure.hints, usage: structure.usage, calls: structure.calls, cacheHits: structure.cacheHits } } : {}) }, null, 2) + '\n'
          : renderAnswer(answer);
      await writeOut(text, o.out);
    });
}
