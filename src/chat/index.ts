/**
 * Ask a report: retrieval over findings, model and page text; a deterministic answerer that needs
 * no model; an LLM answerer when an OpenAI-compatible endpoint is configured. Every figure in an
 * answer carries an id that resolves to page, table and row.
 */
import type { LlmConfig } from '../extract/llm/config.js';
import { answerDeterministic, type Prepared } from './deterministic.js';
import { detectLanguage } from './intent.js';
import { answerWithLlm } from './llm.js';
import type { Answer, Lang, Turn } from './types.js';

export { prepare, answerDeterministic, matchEntities, type Prepared } from './deterministic.js';
export { answerWithLlm, checkAnswer, hasProblems, DATA_TAG, CHAT_PROMPT_FILE, type AnswerProblems, type LlmAnswerOptions } from './llm.js';
export { parseQuestion, detectLanguage, type Intent, type Field, type ParsedQuestion } from './intent.js';
export { Retriever, analyze, tokenize, stem, normalizeTerm, canonicalTerms, type Entity, type Hit, type SearchDoc, type DocKind } from './retrieval.js';
export { CitationIndex, citedIds, renderLocation, renderText } from './citations.js';
export { renderAnswer, renderSources } from './render.js';
export { FactIndex, tableLabel, type Fact, type FactEntity, type Attr, type EntityKind, type Period } from './facts.js';
export { understand, type Understood, type AskKind } from './understand.js';
export { answerGrounded, type GroundedAnswer } from './grounded.js';
export { matchFacts, type EntityMatch } from './resolve.js';
export { readings, sameFigure, figuresIn } from './figures.js';
export * from './types.js';

export interface AskOptions {
  lang?: Lang;
  history?: Turn[];
  /** Use the model when one is configured. */
  llm?: boolean;
  /** The endpoint; null or absent means none is configured. */
  config?: LlmConfig | null;
  maxSteps?: number;
}

/**
 * Answers with the model when asked to and configured, otherwise (or when the model fails)
 * without one, saying why in `notice`.
 *
 * @example
 *   const prepared = prepare({ result, layout });
 *   const a = await ask('Do the program budgets add up?', prepared, { llm: true, config: await loadLlmConfig() });
 */
export async function ask(question: string, prepared: Prepared, opts: AskOptions = {}): Promise<Answer> {
  const lang = opts.lang ?? detectLanguage(question);
  const base = { lang, ...(opts.history ? { history: opts.history } : {}) };
  if (!opts.llm) return answerDeterministic(question, prepared, base);
  if (!opts.config) {
    const a = answerDeterministic(question, prepared, base);
    return {
      ...a,
      notice:
        lang === 'id'
          ? 'Tidak ada LLM yang dikonfigurasi (OPENAI_API_KEY / OPENAI_BASE_URL / LKJIP_MODEL, atau .lkjip.json); dijawab tanpa model.'
          : 'No LLM is configured (OPENAI_API_KEY / OPENAI_BASE_URL / LKJIP_MODEL, or .lkjip.json); answered without a model.',
    };
  }
  try {
    return await answerWithLlm(question, prepared, { config: opts.config, ...base, ...(opts.maxSteps ? { maxSteps: opts.maxSteps } : {}) });
  } catch (err) {
    const a = answerDeterministic(question, prepared, base);
    const why = reason(err);
    return { ...a, notice: lang === 'id' ? `Model tidak dapat menjawab (${why}); dijawab tanpa model.` : `The model could not answer (${why}); answered without a model.` };
  }
}

function reason(err: unknown): string {
  const e = err as { name?: string; message?: string; status?: number };
  if (e?.name === 'TimeoutError' || /timed? ?out|timeout/i.test(e?.message ?? '')) return 'timeout';
  if (e?.name === 'GraphRecursionError' || /recursion limit/i.test(e?.message ?? '')) return 'too many tool calls';
  if (typeof e?.status === 'number') return `HTTP ${e.status}`;
  const msg = (e?.message ?? String(err)).split('\n')[0]!;
  return msg.length > 160 ? `${msg.slice(0, 159)}…` : msg;
}
