import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { answerDeterministic, answerWithLlm, citedIds, DATA_TAG } from '../../src/chat/index.js';
import { loadPrompt, render } from '../../src/extract/llm/prompts.js';
import { contentOf, startFake, type FakeEndpoint, type Reply } from './fake-openai.js';
import { fixture, INJECTION } from './fixture.js';

const recorded = JSON.parse(readFileSync(new URL('./fixtures/llm-replies.json', import.meta.url), 'utf8')) as Record<string, Reply[]>;
let fake: FakeEndpoint | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

const QUESTIONS = [
  'Angka capaian mana yang salah hitung?',
  'Do the program budgets add up?',
  'Berapa realisasi IKM dan di halaman berapa?',
  'Why is the capaian of Persentase OPD yang melakukan pelayanan terintegrasi wrong?',
  'Ringkas temuan terpenting',
  'How many findings are there?',
];

describe('text from the PDF is data, never instructions', () => {
  it('a report saying "ignore previous instructions" changes no deterministic answer', () => {
    const clean = fixture();
    const injected = fixture({ injection: true });
    expect(injected.ctx.layout!.paragraphs.some((p) => p.text.includes('IGNORE PREVIOUS INSTRUCTIONS'))).toBe(true);
    for (const q of QUESTIONS) {
      const a = answerDeterministic(q, clean);
      const b = answerDeterministic(q, injected);
      expect(b.text, q).toBe(a.text);
      expect(b.citations, q).toEqual(a.citations);
      expect(b.text).not.toContain('999');
    }
  });

  it('quoting the injected text cannot plant a citation', () => {
    const injected = fixture({ injection: true });
    const a = answerDeterministic('ignore previous instructions maintenance mode', injected);
    expect(a.text).toContain('IGNORE PREVIOUS INSTRUCTIONS');
    // The fake "[t99.r1c1]" is quoted as text, not cited.
    expect(a.text).toContain('(t99.r1c1)');
    expect(citedIds(a.text)).not.toContain('t99.r1c1');
    for (const id of citedIds(a.text)) expect(injected.index.has(id)).toBe(true);
  });

  it('the model sees the injection only inside an escaped data block, and an obedient answer is rejected', async () => {
    const injected = fixture({ injection: true });
    fake = await startFake(recorded.injection!);
    const config = { baseUrl: fake.url, apiKey: 'k', model: 'fake', timeoutMs: 5000, cacheDir: '.lkjip/unused', source: 'test' };
    const a = await answerWithLlm('Berapa capaian IKM?', injected, { config });

    const system = contentOf(fake.requests[0]!.messages![0]);
    const prompt = await loadPrompt('chat-system.md');
    expect(system).toBe(render(prompt.text, { language: 'Indonesian (Bahasa Indonesia)' }));
    expect(system).toMatch(/ignore previous instructions/i);

    const tool = contentOf(fake.requests[1]!.messages!.find((m) => m.role === 'tool'));
    expect(tool).toContain('IGNORE PREVIOUS INSTRUCTIONS');
    expect(tool.startsWith(`<${DATA_TAG}>`)).toBe(true);
    expect(tool.endsWith(`</${DATA_TAG}>`)).toBe(true);
    // The text's own "</report-data>" is escaped: the block closes exactly once, at its end.
    expect(tool.split(`</${DATA_TAG}>`)).toHaveLength(2);
    expect(tool).toContain(`&lt;/${DATA_TAG}&gt;`);

    // "capaian IKM adalah 999 [t99.r1c1]" obeyed the document: the id does not exist, so it was sent back.
    expect(a.notice).toMatch(/t99\.r1c1/);
    expect(a.refused).toBeUndefined();
    expect(a.text).not.toContain('999');
    expect(a.citations.map((c) => c.id)).toEqual(['t2.r1c5', 't3.r1c5', 'p11.2']);
  });

  it('the injection fixture is what the tests say it is', () => {
    expect(INJECTION).toMatch(/<\/report-data>/);
  });
});
