import { AIMessage, HumanMessage, type BaseMessage } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { ChatOpenAI } from '@langchain/openai';
import { createAgent } from 'langchain';
import { z } from 'zod';
import type { LlmConfig } from '../extract/llm/config.js';
import { asData, loadPrompt, render, type Prompt } from '../extract/llm/prompts.js';
import { Severity } from '../model/report.js';
import { citedIds } from './citations.js';
import type { Prepared } from './deterministic.js';
import { detectLanguage } from './intent.js';
import { answerDeterministic } from './deterministic.js';
import { findFacts, getBudgetRow, getFinding, getIndicator, searchFindings, searchText } from './tools.js';
import { Answer, type Lang, type Turn, type Usage } from './types.js';

/**
 * The model-backed answerer: a LangChain tool-calling agent over read-only tools. The answer is
 * checked after the fact: every `[id]` must exist in the report and every number must appear in a
 * tool result. A failing answer gets one repair round with the reasons; a second failure is
 * refused rather than shown.
 */

export const CHAT_PROMPT_FILE = 'chat-system.md';
/** Tag around every tool result: the model is told that what is inside is data, never instructions. */
export const DATA_TAG = 'report-data';

export interface LlmAnswerOptions {
  config: LlmConfig;
  lang?: Lang;
  history?: Turn[];
  /** Model turns allowed per round (each tool call and the final answer are one turn); default 8. */
  maxSteps?: number;
  prompt?: Prompt;
}

/** What is wrong with an answer, if anything. */
export interface AnswerProblems {
  unknownIds: string[];
  unsupportedNumbers: string[];
  /** The answer states figures but cites nothing. */
  uncited: boolean;
  empty: boolean;
}

/**
 * Answers with the configured model. Throws on transport failures and timeouts (the caller falls
 * back to the deterministic answerer); returns a refusal when the answer cannot be validated.
 *
 * @example
 *   const a = await answerWithLlm('Why is the IKM capaian wrong?', prepared, { config });
 *   a.citations[0]; // { id: 'capaian-25ef765cc5bb', page: 10, table: 't6', row: 2, … }
 */
export async function answerWithLlm(question: string, prepared: Prepared, opts: LlmAnswerOptions): Promise<Answer> {
  const lang = opts.lang ?? detectLanguage(question);
  const prompt = opts.prompt ?? (await loadPrompt(CHAT_PROMPT_FILE));
  const system = render(prompt.text, { language: lang === 'id' ? 'Indonesian (Bahasa Indonesia)' : 'English' });
  const toolOutputs: string[] = [];
  const model = new ChatOpenAI({
    model: opts.config.model,
    apiKey: opts.config.apiKey,
    temperature: 0,
    timeout: opts.config.timeoutMs,
    maxRetries: 0,
    configuration: {
      ...(opts.config.baseUrl ? { baseURL: opts.config.baseUrl } : {}),
      ...(opts.config.fetch ? { fetch: opts.config.fetch } : {}),
    },
  });
  const agent = createAgent({ model, tools: makeTools(prepared, lang, toolOutputs), systemPrompt: system });
  const recursionLimit = 2 * (opts.maxSteps ?? 8) + 1;
  const start: BaseMessage[] = [...historyMessages(opts.history ?? []), new HumanMessage(question)];

  // Earlier answers were validated when given, so their numbers may be repeated.
  const earlier = (opts.history ?? []).slice(-3).map((t) => t.answer.text);
  let state = await agent.invoke({ messages: start }, { recursionLimit });
  let text = finalText(state.messages);
  let problems = checkAnswer(text, prepared, [question, ...earlier, ...toolOutputs]);
  let notice: string | undefined;
  if (hasProblems(problems)) {
    const first = problems;
    state = await agent.invoke({ messages: [...state.messages, new HumanMessage(repairRequest(problems))] }, { recursionLimit });
    text = finalText(state.messages);
    problems = checkAnswer(text, prepared, [question, ...earlier, ...toolOutputs]);
    if (hasProblems(problems)) return refusal(lang, problems, usageOf(state.messages));
    notice = lang === 'id' ? `Jawaban pertama model diperbaiki (${describeProblems(first, 'id')}).` : `The model's first answer was repaired (${describeProblems(first, 'en')}).`;
  }
  return Answer.parse({
    text: text.trim(),
    citations: prepared.index.resolve(citedIds(text)),
    language: lang,
    answerer: 'llm',
    intent: 'llm',
    ...(notice ? { notice } : {}),
    usage: usageOf(state.messages),
  });
}

/**
 * Validates an answer: ids must exist, numbers must come from the sources (tool results and the
 * question), and figures must be cited.
 *
 * @example
 *   checkAnswer('Capaian 999 [t99.r1c1]', prepared, ['…']); // { unknownIds: ['t99.r1c1'], unsupportedNumbers: ['999'], … }
 */
export function checkAnswer(text: string, prepared: Prepared, sources: string[]): AnswerProblems {
  const ids = citedIds(text);
  const unknownIds = ids.filter((id) => !prepared.index.has(id));
  const unsupportedNumbers = unsupported(text, sources);
  const numbers = text.replace(/\[[^\]]*\]/g, ' ').match(NUMBER) ?? [];
  const uncited = numbers.some((n) => !isSmall(n)) && ids.length - unknownIds.length === 0;
  return { unknownIds, unsupportedNumbers, uncited, empty: !text.trim() };
}

export function hasProblems(p: AnswerProblems): boolean {
  return p.unknownIds.length > 0 || p.unsupportedNumbers.length > 0 || p.uncited || p.empty;
}

const NUMBER = /\d+(?:[.,]\d+)*/g;

/** Small integers are counts, days and list numbers, not figures taken from the report. */
function isSmall(token: string): boolean {
  return /^\d{1,2}$/.test(token) && Number(token) <= 31;
}

function unsupported(text: string, sources: string[]): string[] {
  const known = new Set<string>();
  for (const s of sources) for (const tok of s.match(NUMBER) ?? []) for (const v of variants(tok)) known.add(v);
  const out: string[] = [];
  for (const tok of text.replace(/\[[^\]]*\]/g, ' ').match(NUMBER) ?? []) {
    if (isSmall(tok)) continue;
    if (!variants(tok).some((v) => known.has(v)) && !out.includes(tok)) out.push(tok);
  }
  return out;
}

/**
 * The forms a printed number may be repeated in: its digits (separators dropped), and its value
 * read either way, at 0–2 decimals, so "72,68" matches a tool's 72.67857.
 */
function variants(tok: string): string[] {
  const out = new Set<string>([tok.replace(/[.,]/g, '')]);
  const readings = [Number(tok.replace(/\./g, '').replace(',', '.')), Number(tok.replace(/,/g, ''))];
  for (const n of readings) {
    if (!Number.isFinite(n)) continue;
    for (const d of [0, 1, 2]) out.add(n.toFixed(d).replace('.', ''));
  }
  return [...out];
}

function repairRequest(p: AnswerProblems): string {
  return [
    'Your answer cannot be shown to the user:',
    ...(p.unknownIds.length ? [`- it cites ids that do not exist in this report: ${p.unknownIds.map((i) => `[${i}]`).join(', ')}`] : []),
    ...(p.unsupportedNumbers.length ? [`- it states numbers that no tool returned: ${p.unsupportedNumbers.join(', ')}`] : []),
    ...(p.uncited ? ['- it states figures without citing any id'] : []),
    ...(p.empty ? ['- it is empty'] : []),
    'Use only ids and numbers that appear in tool results (call the tools again if needed) and answer the question again.',
  ].join('\n');
}

function describeProblems(p: AnswerProblems, lang: Lang): string {
  const parts: string[] = [];
  if (p.unknownIds.length) parts.push(lang === 'id' ? `id tidak dikenal: ${p.unknownIds.join(', ')}` : `unknown ids: ${p.unknownIds.join(', ')}`);
  if (p.unsupportedNumbers.length) parts.push(lang === 'id' ? `angka yang tidak berasal dari laporan: ${p.unsupportedNumbers.join(', ')}` : `numbers not from the report: ${p.unsupportedNumbers.join(', ')}`);
  if (p.uncited) parts.push(lang === 'id' ? 'angka tanpa sumber' : 'figures without a source');
  if (p.empty) parts.push(lang === 'id' ? 'jawaban kosong' : 'empty answer');
  return parts.join('; ');
}

function refusal(lang: Lang, p: AnswerProblems, usage: Usage): Answer {
  const why = describeProblems(p, lang);
  return Answer.parse({
    text:
      lang === 'id'
        ? `Jawaban model tidak ditampilkan karena tidak dapat diverifikasi (${why}), juga setelah model diminta memperbaikinya. Tanyakan lagi tanpa --llm untuk jawaban yang disusun langsung dari temuan audit.`
        : `The model's answer is withheld because it could not be verified (${why}), even after the model was asked to fix it. Ask again without --llm for an answer built directly from the audit findings.`,
    citations: [],
    language: lang,
    answerer: 'llm',
    intent: 'llm',
    refused: true,
    usage,
  });
}

function makeTools(p: Prepared, lang: Lang, outputs: string[]) {
  const wrap = (data: unknown) => {
    const text = asData(DATA_TAG, JSON.stringify(data, null, 1));
    outputs.push(text);
    return text;
  };
  return [
    tool(async (a) => wrap(searchFindings(p, a, lang)), {
      name: 'search_findings',
      description: 'Search the audit findings (optionally by words, check id and severity). Also returns the count of findings by severity and by check.',
      schema: z.object({
        query: z.string().nullable().optional().describe('words to search for, e.g. an indicator or program name'),
        check: z.string().nullable().optional().describe('check id, e.g. capaian, sum-rows, sum-hierarchy, cross-table, terbilang'),
        severity: Severity.nullable().optional(),
        limit: z.number().int().nullable().optional().describe('at most 25'),
      }),
    }),
    tool(async ({ id }) => wrap(getFinding(p, id, lang)), {
      name: 'get_finding',
      description: 'One finding in full: message, printed value, expected value, formula, operands with their cell ids, and every place it is printed.',
      schema: z.object({ id: z.string().describe('finding id, e.g. capaian-fda8684e80e1') }),
    }),
    tool(async ({ name, previousYear }) => wrap(getIndicator(p, name, previousYear ?? false)), {
      name: 'get_indicator',
      description: "A performance indicator by name or acronym (e.g. IKM): target, realisasi, capaian and predikat in every table that prints it, each with its cell id and page, and the related finding ids.",
      schema: z.object({ name: z.string(), previousYear: z.boolean().nullable().optional().describe("true for the previous year's figures") }),
    }),
    tool(async ({ name }) => wrap(getBudgetRow(p, name)), {
      name: 'get_budget_row',
      description: 'A program, kegiatan or sub-kegiatan by name: pagu, realisasi, % and sisa in every table that prints it, each with its cell id and page, and the related finding ids.',
      schema: z.object({ name: z.string() }),
    }),
    tool(async (a) => wrap(findFacts(p, a)), {
      name: 'find_facts',
      description:
        "Printed figures from the report's fact index: the lines (indicator, program, kegiatan, total, belanja) a name or acronym matches, and each printed figure of the asked attribute for the asked period, year and budget variant, with its id, page and table. An empty list means the report does not print it.",
      schema: z.object({
        name: z.string().describe('the indicator, program, kegiatan or belanja line, e.g. "IKM" or "Program Pencatatan Sipil"'),
        attribute: z.enum(['target', 'realisasi', 'capaian', 'predikat', 'pagu', 'serapan', 'sisa', 'efisiensi', 'prakiraan', 'benchmark']).nullable().optional(),
        period: z.enum(['current', 'previous', 'renstra', 'next']).nullable().optional(),
        year: z.number().int().nullable().optional(),
        variant: z.enum(['original', 'perubahan']).nullable().optional().describe('budget before (original, murni) or after (perubahan) the revision'),
      }),
    }),
    tool(async ({ question }) => wrap({ answer: answerDeterministic(question, p, { lang }).text }), {
      name: 'answer_offline',
      description: "lkjip's own answer to a question, built from the fact index and the findings, with ids. Use it as a starting point; check and cite its ids.",
      schema: z.object({ question: z.string() }),
    }),
    tool(async ({ query, limit }) => wrap(searchText(p, query, limit ?? 5)), {
      name: 'search_text',
      description: "Search the report's prose (text outside tables) and the claims made in it; returns passages with their ids and pages.",
      schema: z.object({ query: z.string(), limit: z.number().int().nullable().optional() }),
    }),
  ];
}

function historyMessages(history: Turn[]): BaseMessage[] {
  return history.slice(-3).flatMap((t) => [new HumanMessage(t.question), new AIMessage(t.answer.text)]);
}

/** The text of the last model message that is not a tool call. */
function finalText(messages: BaseMessage[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (!AIMessage.isInstance(m)) continue;
    if (m.tool_calls?.length) continue;
    return contentText(m.content);
  }
  return '';
}

function contentText(content: BaseMessage['content']): string {
  if (typeof content === 'string') return content;
  return content.map((c) => (typeof c === 'string' ? c : c.type === 'text' && 'text' in c ? String(c.text) : '')).join('');
}

function usageOf(messages: BaseMessage[]): Usage {
  let promptTokens = 0;
  let completionTokens = 0;
  for (const m of messages) {
    if (!AIMessage.isInstance(m) || !m.usage_metadata) continue;
    promptTokens += m.usage_metadata.input_tokens ?? 0;
    completionTokens += m.usage_metadata.output_tokens ?? 0;
  }
  return { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens };
}
