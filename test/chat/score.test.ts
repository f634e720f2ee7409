import { describe, expect, it } from 'vitest';
import { answerDeterministic, citedIds, type Answer } from '../../src/chat/index.js';
import { expandFact, factStated, pageText, scoreAnswer, scoreSetAnswer, type Question, type SetQuestion } from '../../evals/chat/score.js';
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

describe('scoring the question set', () => {
  const p = fixture();
  // The fixture's pages as words: what each page prints.
  const pages = pageText(
    [...new Set(p.ctx.layout!.tables.flatMap((t) => t.pages))].map((page) => ({
      page,
      words: p.ctx.layout!.tables.flatMap((t) => [...t.headerRows, ...t.rows].flatMap((r) => r.cells)).filter((c) => c.page === page).map((c) => ({ text: c.text })),
    })),
  );
  const base = { id: 'x', doc: 'fixture', lang: 'en' as const, citePages: [8], note: '' };
  const answer = (text: string): Answer => ({ text, citations: p.index.resolve(citedIds(text)), language: 'en', answerer: 'deterministic' });

  it('compares figures by value across print formats and names by their words', () => {
    expect(factStated('93,05', 'realisation 93.05 [t2.r1c4]')).toBe(true);
    expect(factStated('1.234.567,5', 'spent 1,234,567.50')).toBe(true);
    expect(factStated('105,74', 'capaian 105,74%')).toBe(true);
    expect(factStated('105,74', 'capaian 105,7%')).toBe(false);
    expect(factStated('Tabel 3.11', 'see TABEL 3.11 Prestasi')).toBe(true);
  });

  it('passes "absent" only when the first line says so and states no figure', () => {
    const q: SetQuestion = { ...base, kind: 'absent', question: 'What was the IKM in 2021?', expect: 'absent', facts: [] };
    expect(scoreSetAnswer(q, answer('The report does not state the realisation 2021 for IKM.'), p, pages).pass).toBe(true);
    expect(scoreSetAnswer(q, answer('Realisation IKM: 93,05 [t2.r1c4]'), p, pages).pass).toBe(false);
    expect(scoreSetAnswer(q, answer('The report does not state it: 93,05 [t2.r1c4]'), p, pages).pass).toBe(false);
  });

  it('passes a correction only when it says the premise is wrong and gives the printed figure', () => {
    const q: SetQuestion = { ...base, kind: 'false-premise', question: 'Since the IKM was 100…', expect: 'correction', facts: ['93,05'] };
    expect(scoreSetAnswer(q, answer('No. The realisation is 93,05 [t2.r1c4].'), p, pages).pass).toBe(true);
    expect(scoreSetAnswer(q, answer('Realisation 93,05 [t2.r1c4].'), p, pages).pass).toBe(false);
  });

  it('counts a cited (page, figure) pair valid only when the page prints the figure', () => {
    const q: SetQuestion = { ...base, kind: 'value', question: 'IKM?', expect: 'answer', facts: ['93,05'] };
    const good = scoreSetAnswer(q, answer('Realisation 93,05 [t2.r1c4] [t3.r1c4]'), p, pages);
    expect([good.pairs, good.validPairs]).toEqual([2, 2]);
    const bad = scoreSetAnswer(q, answer('Realisation 93,50 [t2.r1c4]'), p, pages);
    expect(bad.invalid).toEqual(['p8 t2.r1c4: 93,50']);
  });
});
