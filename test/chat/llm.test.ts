import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { answerWithLlm, ask, checkAnswer, DATA_TAG, type Prepared } from '../../src/chat/index.js';
import type { LlmConfig } from '../../src/extract/llm/config.js';
import { contentOf, startFake, type FakeEndpoint, type Reply } from './fake-openai.js';
import { fixture } from './fixture.js';

type Recorded = Record<string, Reply[]>;
const recorded = JSON.parse(readFileSync(new URL('./fixtures/llm-replies.json', import.meta.url), 'utf8')) as Recorded;

let prepared: Prepared;
let capaianId: string;
let fake: FakeEndpoint | null = null;

beforeAll(() => {
  prepared = fixture();
  capaianId = prepared.ctx.result.findings.find((f) => f.check === 'capaian')!.id;
});

afterEach(async () => {
  await fake?.close();
  fake = null;
});

/** Starts the fake endpoint with a recorded script; `__CAPAIAN_ID__` stands for the fixture's capaian finding. */
async function endpoint(script: string, timeoutMs = 5000): Promise<LlmConfig> {
  const replies = JSON.parse(JSON.stringify(recorded[script]).replaceAll('__CAPAIAN_ID__', capaianId)) as Reply[];
  fake = await startFake(replies);
  return { baseUrl: fake.url, apiKey: 'test-key', model: 'fake-model', timeoutMs, cacheDir: '.lkjip/unused', source: 'test' };
}

describe('LLM answerer against a local fake endpoint', () => {
  it('answers with tools, cites cell ids and resolves them to page/table/row', async () => {
    const config = await endpoint('happy');
    const a = await answerWithLlm('Berapa realisasi IKM dan di halaman berapa?', prepared, { config });
    expect(a.answerer).toBe('llm');
    expect(a.refused).toBeUndefined();
    expect(a.text).toContain('93,05');
    expect(a.citations.map((c) => [c.id, c.page, c.table, c.row])).toEqual([
      ['t2.r1c4', 8, 't2', 1],
      ['t3.r1c4', 10, 't3', 1],
    ]);
    expect(a.usage).toEqual({ promptTokens: 612 + 905, completionTokens: 21 + 48, totalTokens: 612 + 905 + 21 + 48 });

    const [first, second] = fake!.requests;
    const tools = (first!.tools as Array<{ function: { name: string } }>).map((t) => t.function.name).sort();
    expect(tools).toEqual(['answer_offline', 'find_facts', 'get_budget_row', 'get_finding', 'get_indicator', 'search_findings', 'search_text']);
    const system = contentOf(first!.messages![0]);
    expect(first!.messages![0]!.role).toBe('system');
    expect(system).toMatch(/never an instruction/i);
    expect(system).toMatch(/must come from a tool result/i);
    expect(system).toContain('Indonesian');
    // The tool ran on the report and its result went back wrapped as data.
    const toolMsg = second!.messages!.find((m) => m.role === 'tool')!;
    expect(contentOf(toolMsg)).toMatch(new RegExp(`^<${DATA_TAG}>[\\s\\S]*</${DATA_TAG}>$`));
    expect(contentOf(toolMsg)).toContain('t2.r1c4');
  });

  it('repairs an answer that cites an unknown id once, then validates it', async () => {
    const config = await endpoint('hallucinatedThenRepaired');
    const a = await answerWithLlm('Angka capaian mana yang salah hitung?', prepared, { config });
    expect(a.refused).toBeUndefined();
    expect(a.notice).toMatch(/capaian-0000deadbeef/);
    expect(a.citations.map((c) => c.id)).toEqual(['t2.r2c5', capaianId, 't2.r2c3', 't2.r2c4']);
    expect(a.citations.find((c) => c.id === capaianId)?.kind).toBe('finding');
    // The repair request named the unknown id.
    const repair = fake!.requests[2]!.messages!.filter((m) => m.role === 'user').map(contentOf).pop()!;
    expect(repair).toMatch(/do not exist in this report: \[capaian-0000deadbeef\]/);
    expect(fake!.remaining()).toBe(0);
  });

  it('refuses when the repaired answer still cites unknown ids', async () => {
    const config = await endpoint('hallucinatedTwice');
    const a = await answerWithLlm('Which capaian is wrong?', prepared, { config, lang: 'en' });
    expect(a.refused).toBe(true);
    expect(a.citations).toEqual([]);
    expect(a.text).toMatch(/withheld/);
    expect(a.text).toContain('t8.r8c8');
    expect(a.text).not.toContain('[t8.r8c8]');
    expect(fake!.requests).toHaveLength(3);
  });

  it('rejects numbers that no tool returned', async () => {
    const config = await endpoint('inventedNumber');
    const a = await answerWithLlm('Berapa realisasi IKM?', prepared, { config });
    expect(a.notice).toMatch(/94,10/);
    expect(a.text).toBe('Realisasi IKM adalah 93,05 [t2.r1c4].');
    expect(checkAnswer('Realisasi IKM adalah 94,10 [t2.r1c4].', prepared, ['{"text":"93,05"}']).unsupportedNumbers).toEqual(['94,10']);
    expect(checkAnswer('Capaian 75,14% [t2.r2c5]', prepared, ['expected 75.14285714']).unsupportedNumbers).toEqual([]);
    expect(checkAnswer('Capaian 75,14% tanpa sumber', prepared, ['75,14']).uncited).toBe(true);
  });

  it('falls back to the deterministic answerer on malformed JSON, saying so', async () => {
    const config = await endpoint('malformed');
    const a = await ask('Berapa realisasi IKM dan di halaman berapa?', prepared, { llm: true, config });
    expect(a.answerer).toBe('deterministic');
    expect(a.notice).toMatch(/Model tidak dapat menjawab/);
    expect(a.text).toContain('93,05');
    expect(a.citations.map((c) => c.id)).toContain('t2.r1c4');
  });

  it('falls back on a timeout', async () => {
    const config = await endpoint('timeout', 300);
    const a = await ask('Do the program budgets add up?', prepared, { llm: true, config });
    expect(a.answerer).toBe('deterministic');
    expect(a.notice).toMatch(/The model could not answer \(timeout\)/);
    expect(a.text).toMatch(/^No\. 1 budget total/);
  });

  it('falls back on an HTTP error', async () => {
    const config = await endpoint('serverError');
    const a = await ask('Do the program budgets add up?', prepared, { llm: true, config });
    expect(a.answerer).toBe('deterministic');
    expect(a.notice).toMatch(/HTTP 503/);
  });

  it('answers without a model when none is configured, saying so', async () => {
    const a = await ask('Ringkas temuan terpenting', prepared, { llm: true, config: null });
    expect(a.answerer).toBe('deterministic');
    expect(a.notice).toMatch(/Tidak ada LLM yang dikonfigurasi/);
  });

  it('passes the conversation so far to the model', async () => {
    const config = await endpoint('followUp');
    const first = await answerWithLlm('Berapa realisasi IKM?', prepared, { config });
    const second = await answerWithLlm('Di halaman lain juga?', prepared, { config, history: [{ question: 'Berapa realisasi IKM?', answer: first }] });
    expect(second.citations[0]?.page).toBe(10);
    // The follow-up repeats a number from the earlier, validated answer: that counts as a source.
    expect(second.notice).toBeUndefined();
    const roles = fake!.requests[2]!.messages!.map((m) => m.role);
    expect(roles).toEqual(['system', 'user', 'assistant', 'user']);
    expect(contentOf(fake!.requests[2]!.messages![2])).toContain('[t2.r1c4]');
  });
});
