import { beforeAll, describe, expect, it } from 'vitest';
import { answerDeterministic, type Prepared } from '../../src/chat/index.js';
import { prepareSeed } from '../../evals/chat/index.js';
import { loadQuestions, scoreAnswer, summarize, type Question, type QuestionScore } from '../../evals/chat/score.js';

const DOCS = ['000_7d82b3f27f46e2ac', '003_eded5028092eddcb'];
const QUESTIONS: Question[] = await loadQuestions();
const prepared = new Map<string, Prepared>();
const scores: QuestionScore[] = [];

// Each seed is read, extracted and audited once for the whole file.
beforeAll(async () => {
  for (const doc of DOCS) prepared.set(doc, await prepareSeed(doc));
  for (const q of QUESTIONS) scores.push(scoreAnswer(q, answerDeterministic(q.question, prepared.get(q.doc)!, { lang: q.lang }), prepared.get(q.doc)!));
});

describe('the question set', () => {
  it('has at least 30 questions in both languages on both seed reports', () => {
    const qs = QUESTIONS;
    expect(qs.length).toBeGreaterThanOrEqual(30);
    for (const doc of DOCS) for (const lang of ['id', 'en']) expect(qs.filter((q) => q.doc === doc && q.lang === lang).length, `${doc} ${lang}`).toBeGreaterThanOrEqual(8);
    expect(new Set(qs.map((q) => q.id)).size).toBe(qs.length);
  });
});

describe('deterministic answerer on the seed reports', () => {
  // One test per question, so a failure names the question and what was missing.
  it.each(QUESTIONS.map((q) => [q.id, q.question] as const))('%s: %s', (id) => {
    const s = scores.find((x) => x.id === id)!;
    expect(s.languageOk, 'language').toBe(true);
    expect(s.intentOk, `intent ${s.intent}`).toBe(true);
    expect(s.missingFacts, 'facts').toEqual([]);
    expect(s.missingPages, 'cited pages').toEqual([]);
    expect(s.missingIds, 'cited ids').toEqual([]);
    expect(s.unknownIds, 'unknown ids').toEqual([]);
    expect(s.ungrounded, 'figures without a cited source').toEqual([]);
  });

  it('every citation resolves and every figure is backed by a cited source', () => {
    const t = summarize(scores);
    expect(t.citationValidity).toBe(1);
    expect(t.groundedFigures).toBe(1);
    expect(t.accuracy).toBe(1);
    // Every answer cites something.
    for (const s of scores) expect(s.markers, s.id).toBeGreaterThan(0);
  });
});
