import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import type { Answer, Lang, Prepared, Turn } from '../../chat/index.js';
import type { LlmConfig } from '../../extract/llm/index.js';
import { choice, withLimitOptions, type LimitFlags } from '../util.js';
import { loadForChat } from './ask.js';

export interface ChatSession {
  prepared: Prepared;
  input: Readable;
  output: Writable;
  lang?: Lang;
  llm?: boolean;
  config?: LlmConfig | null;
  /** Show a prompt and echo (a terminal); off for piped input. */
  terminal?: boolean;
}

const HELP = {
  id: 'Ketik pertanyaan dalam bahasa Indonesia atau Inggris. Perintah: /sources (sumber jawaban terakhir), /history, /help, /quit.',
  en: 'Type a question in Indonesian or English. Commands: /sources (citations of the last answer), /history, /help, /quit.',
};

/**
 * The interactive loop: one question a line, answers with numbered citations, `/sources` lists
 * the citations of the last answer. Returns the history when the input ends or on `/quit`.
 *
 * @example
 *   await runChat({ prepared, input: process.stdin, output: process.stdout });
 */
export async function runChat(s: ChatSession): Promise<Turn[]> {
  const { ask, renderAnswer, renderSources } = await import('../../chat/index.js');
  const lang: Lang = s.lang ?? 'id';
  const out = (text: string) => s.output.write(text.endsWith('\n') ? text : `${text}\n`);
  const rl = readline.createInterface({ input: s.input, output: s.output, terminal: s.terminal ?? false });
  const history: Turn[] = [];
  let last: Answer | null = null;
  const r = s.prepared.ctx.result;
  const who = [r.report.report.instansi, r.report.report.pemda, r.report.report.tahun].filter(Boolean).join(', ');
  out(`lkjip chat — ${who || r.report.file}: ${r.findings.length} ${lang === 'id' ? 'temuan' : 'findings'}${s.llm ? (s.config ? ` (LLM: ${s.config.model})` : lang === 'id' ? ' (LLM tidak dikonfigurasi; tanpa model)' : ' (no LLM configured; offline)') : ''}`);
  out(HELP[lang]);
  rl.setPrompt('> ');
  if (s.terminal) rl.prompt();
  try {
    for await (const line of rl) {
      const q = line.trim();
      if (q === '/quit' || q === '/exit' || q === '/q') break;
      if (!q) {
        // Nothing to do for an empty line.
      } else if (q === '/sources') {
        out(last ? renderSources(last, last.language) || (lang === 'id' ? 'Jawaban terakhir tidak mengutip sumber.' : 'The last answer cites no sources.') : lang === 'id' ? 'Belum ada jawaban.' : 'No answer yet.');
      } else if (q === '/history') {
        out(history.length ? history.map((t, i) => `${i + 1}. ${t.question}`).join('\n') : lang === 'id' ? 'Belum ada pertanyaan.' : 'No questions yet.');
      } else if (q === '/help') {
        out(HELP[lang]);
      } else if (q.startsWith('/')) {
        out(lang === 'id' ? `Perintah tidak dikenal: ${q}. ${HELP.id}` : `Unknown command: ${q}. ${HELP.en}`);
      } else {
        const answer = await ask(q, s.prepared, { history, llm: s.llm === true, config: s.config ?? null, ...(s.lang ? { lang: s.lang } : {}) });
        history.push({ question: q, answer });
        last = answer;
        out(renderAnswer(answer));
      }
      if (s.terminal) rl.prompt();
    }
  } finally {
    rl.close();
  }
  return history;
}

export function register(program: Command): void {
  const cmd = program
    .command('chat')
    .description('Ask questions about a report interactively; /sources lists the citations of the last answer')
    .argument('<file.pdf>', 'the report')
    .option('--lang <lang>', 'id | en (default: each question in its own language)')
    .option('--llm', 'use the configured OpenAI-compatible model; without one, answers offline')
    .option('--pages <range>', 'pages to read, e.g. 3-9,12')
    .option('--no-ocr', 'do not OCR image-only pages');
  withLimitOptions(cmd).action(async (file: string, o: { lang?: string; llm?: boolean; pages?: string; ocr: boolean } & LimitFlags) => {
      const lang = o.lang ? (choice(o.lang, ['id', 'en'] as const, '--lang') as Lang) : undefined;
      process.stderr.write(lang === 'en' ? 'Reading the report…\n' : 'Membaca laporan…\n');
      const { prepared, config } = await loadForChat(file, { ...o, llm: o.llm === true });
      await runChat({ prepared, input: process.stdin, output: process.stdout, llm: o.llm === true, config, terminal: process.stdin.isTTY === true, ...(lang ? { lang } : {}) });
    });
}
