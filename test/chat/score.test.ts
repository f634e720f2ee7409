import { describe, expect, it } from 'vitest';
import { answerDeterministic, type Answer } from '../../src/chat/index.js';
import { expandFact, scoreAnswer, type Question } from '../../evals/chat/score.js';
import { fixture } from './fixture.js';

const q: Question = { id: 'x', doc: 'fixture', lang: 'id', question: 'Berapa realisasi IKM dan di halaman berapa?', facts: ['93,05'], citePages: [8, 10], citeIds: ['t2.r1c4'] };

describe('chat scoring', () => {
  const p = fixture();
  const good = answerDeterministic(q.question, p);

  it('passes a correct answer', () => {
    const s = scoreAnswer(q, good, p);
    expect(s.pass).toBe(true);
    expect(s.figures).toBeGreaterThan(0);
    expect(s.groundedFigures).toBe(s.figures);
  });

  it('fails a missing fact, an uncited page, an unknown id and a figure no source backs', () => {
    const bad: Answer = { ...good, text: `${good.text.replace('93,05', '93,50')} [t9.r9c9]`, citations: good.citations.filter((c) => c.page !== 10) };
    const s = scoreAnswer(q, bad, p);
    expect(s.pass).toBe(false);
    expect(s.missingFacts).toEqual(['93,05']);
    expect(s.missingPages).toEqual([10]);
    expect(s.unknownIds).toEqual(['t9.r9c9']);
    expect(s.ungrounded).toContain('93,50');
  });

  it('fills counts from the audit being scored', () => {
    const n = p.ctx.result.findings.filter((f) => f.severity === 'error').length;
    expect(expandFact('Ada {{count:error}} temuan dari {{count:all}}', p.ctx.result)).toBe(`Ada ${n} temuan dari ${p.ctx.result.findings.length}`);
  });
});
