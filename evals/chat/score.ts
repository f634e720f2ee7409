/**
 * Scoring of chat answers against `questions.json`: the facts an answer must state, the sources
 * it must cite, whether every `[id]` resolves, and whether every figure it prints is backed by a
 * source it cites. Shared by `evals/chat/index.ts` (npm run eval) and the vitest question test.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { citedIds, type Answer, type Prepared } from '../../src/chat/index.js';
import { FIGURE_TOKEN, figuresIn, readings, sameFigure } from '../../src/chat/figures.js';
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
  const tokens = stripPlaces(answer.text.replace(/\[[^\]]*\]/g, ' ')).match(FIGURE) ?? [];
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

// ── The question set of evals/chat/set/ (questions.dev.json, questions.heldout.json) ──────────────

export const SetQuestion = z.object({
  id: z.string(),
  doc: z.string(),
  lang: z.enum(['id', 'en']),
  kind: z.enum(['value', 'check', 'explanation', 'location', 'summary', 'count', 'absent', 'false-premise']),
  question: z.string(),
  expect: z.enum(['answer', 'absent', 'correction']),
  facts: z.array(z.string()),
  citePages: z.array(z.number().int().positive()),
  note: z.string().optional(),
});
export type SetQuestion = z.infer<typeof SetQuestion>;

export const SetFile = z.object({ about: z.string().optional(), version: z.number().optional(), split: z.string().optional(), questions: z.array(SetQuestion) });

export async function loadSet(file: URL | string): Promise<SetQuestion[]> {
  return SetFile.parse(JSON.parse(await readFile(file, 'utf8'))).questions;
}

/** "The report does not state …" in either language. */
const NOT_STATED = /\b(tidak memuat|tidak menyebut(kan)?|tidak (men)?(cantumkan|cantum|sebut(kan)?|catat|sajikan|mencetak)|tidak (di)?(sebutkan|cantumkan|sajikan|cetak)|tidak ada (data|angka|informasi)|does not (state|give|report|print|contain|list|name|include|show)|do(es)? not appear|not (stated|reported|printed|given|listed) (in|anywhere)|no (figure|data|information|such)|is not in the report)\b/i;
/** "No, that is not so" in either language. */
const NEGATION = /(^|[\s.:;,(])(tidak|bukan|tidak benar|keliru|salah|no|not|incorrect|wrong|rather than|instead)([\s.,:;!)]|$)/i;

export interface SetScore {
  id: string;
  doc: string;
  lang: 'id' | 'en';
  kind: SetQuestion['kind'];
  expect: SetQuestion['expect'];
  pass: boolean;
  missingFacts: string[];
  /** For `absent`: the answer says the report does not state it; for `correction`: it says the premise is wrong. */
  stance: boolean;
  languageOk: boolean;
  /** Expected pages the answer cites. */
  pagesCited: number;
  pagesExpected: number;
  /** Cited (page, figure) pairs, and how many are printed on that page. */
  pairs: number;
  validPairs: number;
  invalid: string[];
  ms: number;
}

/**
 * Scores one answer to a set question. Figures are compared by value across print formats
 * ("1.234,5" = "1,234.5", a % optional); names by normalised token containment.
 *
 * @example
 *   scoreSetAnswer(q, answer, prepared, pageFigures).pass;
 */
export function scoreSetAnswer(q: SetQuestion, answer: Answer, prepared: Prepared, pages: PageText, ms = 0): SetScore {
  const body = answer.text.replace(/\[[^\]]*\]/g, ' ');
  const missingFacts = q.facts.filter((f) => !factStated(f, body));
  const firstLine = body.split('\n').find((l) => l.trim()) ?? '';
  let stance = true;
  if (q.expect === 'absent') stance = NOT_STATED.test(firstLine) && figuresIn(stripPlaces(firstLine)).length === 0;
  if (q.expect === 'correction') stance = NEGATION.test(firstLine);
  const cited = new Set(answer.citations.flatMap((c) => c.pages ?? [c.page]));
  const pagesCited = q.citePages.filter((p) => cited.has(p)).length;
  const v = citationValidity(answer, prepared, pages);
  const factsOk = q.expect === 'absent' ? true : missingFacts.length === 0;
  return {
    id: q.id,
    doc: q.doc,
    lang: q.lang,
    kind: q.kind,
    expect: q.expect,
    pass: factsOk && stance && answer.language === q.lang,
    missingFacts: q.expect === 'absent' ? [] : missingFacts,
    stance,
    languageOk: answer.language === q.lang,
    pagesCited,
    pagesExpected: q.citePages.length,
    ms,
    ...v,
  };
}

/** A fact is stated: a figure by value in any print format, a name by its words. */
export function factStated(fact: string, text: string): boolean {
  const f = fact.trim();
  if (/^\d+(?:[.,]\d+)*\s?%?$/.test(f)) {
    return (text.match(FIGURE_TOKEN) ?? []).some((tok) => sameFigure(tok.trim(), f));
  }
  const words = (s: string) => s.toLowerCase().normalize('NFKD').replace(/(\d)[.,](?=\d)/g, '$1').match(/[\p{L}\p{N}]+/gu) ?? [];
  const have = new Set(words(text));
  return words(f).every((w) => have.has(w));
}

/** Each page's words joined, and the values of the figures printed on it. */
export interface PageText {
  text: Map<number, string>;
  values: Map<number, number[]>;
}

export function pageText(pages: Array<{ page: number; words: Array<{ text: string }> }>): PageText {
  const text = new Map<number, string>();
  const values = new Map<number, number[]>();
  for (const p of pages) {
    const t = p.words.map((w) => w.text).join(' ');
    text.set(p.page, t.toLowerCase());
    const joined = t.replace(/(\d)\s+([.,]\d)/g, '$1$2');
    values.set(p.page, (joined.match(FIGURE_TOKEN) ?? []).flatMap((tok) => readings(tok.trim())));
  }
  return { text, values };
}

/** Table numbers and page references are places, not figures. */
function stripPlaces(s: string): string {
  return s.replace(/\b(tabel|table|lampiran|bab|chapter)\s*\.?\s*[0-9ivx]+(?:[.\-–][0-9]+)*/gi, ' ').replace(/\b(hal\.|p\.|pp\.|halaman|page|pages)\s*\d+(?:\s*[–-]\s*\d+)?/gi, ' ');
}

/**
 * Every `[id]` with the figures stated before it (since the previous cited statement): each
 * (page, figure) pair must be printed on the cited page. A finding's computed figures are checked
 * against the finding instead (its printed and expected values, its operands).
 */
function citationValidity(answer: Answer, prepared: Prepared, pages: PageText): { pairs: number; validPairs: number; invalid: string[] } {
  let pairs = 0;
  let validPairs = 0;
  const invalid: string[] = [];
  for (const line of answer.text.split('\n')) {
    let figures: string[] = [];
    let last = 0;
    for (const m of line.matchAll(/\[([A-Za-z0-9][A-Za-z0-9._:-]*)\]/g)) {
      const seg = stripPlaces(line.slice(last, m.index));
      last = m.index! + m[0].length;
      const here = figuresIn(seg);
      if (here.length) figures = here;
      const c = prepared.index.get(m[1]!);
      if (!c) {
        pairs++;
        invalid.push(`${m[1]}: unknown id`);
        continue;
      }
      if (c.kind === 'finding') {
        const f = prepared.ctx.result.findings.find((x) => x.id === c.id);
        const known = f ? [f.printed?.text ?? '', String(f.expected?.value ?? ''), ...(f.expected?.operands.map((o) => o.text) ?? []), f.message.id, f.message.en].join(' ') : '';
        const values = (known.match(FIGURE_TOKEN) ?? []).flatMap((t) => readings(t.trim()));
        if (typeof f?.expected?.value === 'number') values.push(f.expected.value);
        for (const fig of figures) {
          pairs++;
          // A recomputed figure is shown rounded to two decimals.
          if (readings(fig).some((x) => values.some((y) => Math.abs(x - y) < 0.0051))) validPairs++;
          else invalid.push(`${c.id}: ${fig}`);
        }
        continue;
      }
      const onPages = c.pages ?? [c.page];
      for (const fig of figures) {
        pairs++;
        const rs = readings(fig);
        if (onPages.some((p) => (pages.values.get(p) ?? []).some((y) => rs.some((x) => Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x)))))) validPairs++;
        else invalid.push(`p${c.page} ${c.id}: ${fig}`);
      }
    }
  }
  return { pairs, validPairs, invalid };
}

export interface SetSummary {
  questions: number;
  passed: number;
  accuracy: number;
  citationValidity: number;
  pageRecall: number;
}

export function summarizeSet(scores: SetScore[]): SetSummary {
  const sum = (f: (s: SetScore) => number) => scores.reduce((a, s) => a + f(s), 0);
  const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);
  return {
    questions: scores.length,
    passed: scores.filter((s) => s.pass).length,
    accuracy: ratio(scores.filter((s) => s.pass).length, scores.length),
    citationValidity: ratio(sum((s) => s.validPairs), sum((s) => s.pairs)),
    pageRecall: ratio(sum((s) => s.pagesCited), sum((s) => s.pagesExpected)),
  };
}
