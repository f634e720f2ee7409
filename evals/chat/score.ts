/**
 * Scoring of chat answers against `questions.json`: the facts an answer must state, the sources
 * it must cite, whether every `[id]` resolves, and whether every figure it prints is backed by a
 * source it cites. Shared by `evals/chat/index.ts` (npm run eval) and the vitest question test.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { citedIds, type Answer, type Prepared } from '../../src/chat/index.js';
import type { AuditResult } from '../../src/model/report.js';

export const Question = z.object({
  id: z.string(),
  doc: z.string(),
  lang: z.enum(['id', 'en']),
  question: z.string(),
  /** The deterministic answerer's reading of the question. */
  intent: z.string().optional(),
  facts: z.array(z.string()).min(1),
  citePages: z.array(z.number().int().positive()).optional(),
  citeIds: z.array(z.string()).optional(),
});
export type Question = z.infer<typeof Question>;

export const QuestionSet = z.object({ about: z.string(), version: z.number().int(), questions: z.array(Question).min(1) });

export async function loadQuestions(file = new URL('./questions.json', import.meta.url)): Promise<Question[]> {
  return QuestionSet.parse(JSON.parse(await readFile(file, 'utf8'))).questions;
}

export interface QuestionScore {
  id: string;
  doc: string;
  lang: 'id' | 'en';
  question: string;
  answerer: Answer['answerer'];
  intent: string | undefined;
  intentOk: boolean;
  languageOk: boolean;
  factsFound: number;
  factsTotal: number;
  missingFacts: string[];
  missingPages: number[];
  missingIds: string[];
  /** Expected pages and ids, and how many the answer cites. */
  citesExpected: number;
  citesFound: number;
  /** `[id]` markers in the text, and how many resolve to a source in the report. */
  markers: number;
  validMarkers: number;
  unknownIds: string[];
  /** Figures (numbers with separators or a %) printed in the answer, and how many appear in a cited source. */
  figures: number;
  groundedFigures: number;
  ungrounded: string[];
  /** All facts stated, all expected sources cited, all markers valid. */
  pass: boolean;
}

/**
 * `{{count:error}}` → the number of error findings in this audit (`all` counts every finding).
 *
 * @example
 *   expandFact('Ada {{count:error}} temuan', result); // 'Ada 22 temuan'
 */
export function expandFact(fact: string, result: AuditResult): string {
  return fact.replace(/\{\{count:(\w+)\}\}/g, (_, sev: string) => String(sev === 'all' ? result.findings.length : result.findings.filter((f) => f.severity === sev).length));
}

const FIGURE = /\d+(?:[.,]\d+)+|\d+(?:[.,]\d+)*\s?%/g;

/**
 * Scores one answer.
 *
 * @example
 *   const s = scoreAnswer(question, answer, prepared);
 *   s.pass; // true
 */
export function scoreAnswer(q: Question, answer: Answer, prepared: Prepared): QuestionScore {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');
  const text = norm(answer.text);
  const facts = q.facts.map((f) => expandFact(f, prepared.ctx.result));
  const missingFacts = facts.filter((f) => !text.includes(norm(f)));
  const pages = new Set(answer.citations.flatMap((c) => c.pages ?? [c.page]));
  const ids = new Set(answer.citations.map((c) => c.id));
  const missingPages = (q.citePages ?? []).filter((p) => !pages.has(p));
  const missingIds = (q.citeIds ?? []).filter((id) => !ids.has(id));
  const markers = citedIds(answer.text);
  const unknownIds = markers.filter((id) => !prepared.index.has(id));
  const { figures, ungrounded } = grounding(answer, prepared);
  return {
    id: q.id,
    doc: q.doc,
    lang: q.lang,
    question: q.question,
    answerer: answer.answerer,
    intent: answer.intent,
    intentOk: !q.intent || answer.answerer !== 'deterministic' || answer.intent === q.intent,
    languageOk: answer.language === q.lang,
    factsFound: facts.length - missingFacts.length,
    factsTotal: facts.length,
    missingFacts,
    missingPages,
    missingIds,
    citesExpected: (q.citePages?.length ?? 0) + (q.citeIds?.length ?? 0),
    citesFound: (q.citePages?.length ?? 0) + (q.citeIds?.length ?? 0) - missingPages.length - missingIds.length,
    markers: markers.length,
    validMarkers: markers.length - unknownIds.length,
    unknownIds,
    figures,
    groundedFigures: figures - ungrounded.length,
    ungrounded,
    pass: missingFacts.length === 0 && missingPages.length === 0 && missingIds.length === 0 && unknownIds.length === 0 && answer.language === q.lang,
  };
}

/**
 * Figures in the answer that no cited source contains: a cited cell's text, a cited finding's
 * message, printed value, formula or operands, a cited passage. Digits are compared with the
 * separators removed, so "8,955,438,115" is backed by "8.955.438.115".
 */
function grounding(answer: Answer, prepared: Prepared): { figures: number; ungrounded: string[] } {
  const sources: string[] = [];
  for (const c of answer.citations) {
    if (c.text) sources.push(c.text);
    if (c.kind === 'finding') {
      const f = prepared.ctx.result.findings.find((x) => x.id === c.id);
      if (f) sources.push(f.message.id, f.message.en, f.printed?.text ?? '', f.expected?.formula ?? '', ...(f.expected?.operands.map((o) => o.text) ?? []));
    }
  }
  const digits = (s: string) => s.replace(/[^\d]/g, '');
  const known = sources.map(digits).join(' ');
  const tokens = answer.text.replace(/\[[^\]]*\]/g, ' ').match(FIGURE) ?? [];
  const ungrounded = tokens.filter((t) => !known.includes(digits(t)));
  return { figures: tokens.length, ungrounded };
}

export interface Summary {
  questions: number;
  passed: number;
  /** Share of questions whose answer states every expected fact and cites every expected source. */
  accuracy: number;
  factRecall: number;
  citationRecall: number;
  /** Share of `[id]` markers that resolve to a source in the report. */
  citationValidity: number;
  /** Share of printed figures backed by a cited source. */
  groundedFigures: number;
  intentAccuracy: number;
}

export function summarize(scores: QuestionScore[]): Summary {
  const sum = (f: (s: QuestionScore) => number) => scores.reduce((a, s) => a + f(s), 0);
  const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);
  return {
    questions: scores.length,
    passed: scores.filter((s) => s.pass).length,
    accuracy: ratio(scores.filter((s) => s.pass).length, scores.length),
    factRecall: ratio(sum((s) => s.factsFound), sum((s) => s.factsTotal)),
    citationRecall: ratio(sum((s) => s.citesFound), sum((s) => s.citesExpected)),
    citationValidity: ratio(sum((s) => s.validMarkers), sum((s) => s.markers)),
    groundedFigures: ratio(sum((s) => s.groundedFigures), sum((s) => s.figures)),
    intentAccuracy: ratio(scores.filter((s) => s.intentOk).length, scores.length),
  };
}
