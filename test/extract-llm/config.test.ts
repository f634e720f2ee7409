import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { asData, contentHash, JsonCache, loadLlmConfig, loadPrompt, render } from '../../src/extract/llm/index.js';

async function dirs() {
  const root = await mkdtemp(path.join(os.tmpdir(), 'lkjip-cfg-'));
  const cwd = path.join(root, 'project');
  const home = path.join(root, 'home');
  await mkdir(cwd, { recursive: true });
  await mkdir(path.join(home, '.config', 'lkjip'), { recursive: true });
  return { cwd, home };
}

describe('LLM configuration', () => {
  it('is null when nothing is configured: the tools work offline', async () => {
    const { cwd, home } = await dirs();
    expect(await loadLlmConfig({ env: {}, cwd, home })).toBeNull();
  });

  it('reads the environment', async () => {
    const { cwd, home } = await dirs();
    const c = await loadLlmConfig({ env: { OPENAI_API_KEY: 'sk-1', LKJIP_MODEL: 'm1' }, cwd, home });
    expect(c).toMatchObject({ apiKey: 'sk-1', model: 'm1', baseUrl: null, source: 'env', cacheDir: '.lkjip/cache' });
  });

  it('accepts a local endpoint without a key', async () => {
    const { cwd, home } = await dirs();
    const c = await loadLlmConfig({ env: { OPENAI_BASE_URL: 'http://127.0.0.1:8080/v1' }, cwd, home });
    expect(c).toMatchObject({ baseUrl: 'http://127.0.0.1:8080/v1', apiKey: 'not-needed', model: 'gpt-4o-mini' });
  });

  it('reads .lkjip.json before ~/.config/lkjip/config.json, and the environment wins over both', async () => {
    const { cwd, home } = await dirs();
    await writeFile(path.join(home, '.config', 'lkjip', 'config.json'), JSON.stringify({ apiKey: 'home', model: 'home-model' }));
    expect(await loadLlmConfig({ env: {}, cwd, home })).toMatchObject({ apiKey: 'home', model: 'home-model' });
    await writeFile(path.join(cwd, '.lkjip.json'), JSON.stringify({ baseUrl: 'http://localhost:1/v1', apiKey: 'project', model: 'p', timeoutMs: 1234, cacheDir: 'c' }));
    expect(await loadLlmConfig({ env: {}, cwd, home })).toMatchObject({ apiKey: 'project', model: 'p', timeoutMs: 1234, cacheDir: 'c', source: path.join(cwd, '.lkjip.json') });
    expect(await loadLlmConfig({ env: { LKJIP_MODEL: 'env-model' }, cwd, home })).toMatchObject({ apiKey: 'project', model: 'env-model' });
  });

  it('reports a broken config file clearly', async () => {
    const { cwd, home } = await dirs();
    await writeFile(path.join(cwd, '.lkjip.json'), '{ "apiKey": ');
    await expect(loadLlmConfig({ env: {}, cwd, home })).rejects.toThrow(/not valid JSON/);
    await writeFile(path.join(cwd, '.lkjip.json'), JSON.stringify({ baseUrl: 'not a url' }));
    const err = await loadLlmConfig({ env: {}, cwd, home }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('E_BAD_ARGUMENT');
    expect((err as AppError).message).toMatch(/baseUrl/);
    await expect(loadLlmConfig({ env: {}, cwd, home, file: path.join(cwd, 'missing.json') })).rejects.toThrow(/Cannot read/);
  });
});

describe('prompts and cache', () => {
  it('loads versioned prompt templates', async () => {
    const table = await loadPrompt('table-structure.v1.md');
    expect(table.version).toBe('table-structure.v1');
    expect(table.text).not.toMatch(/^---/);
    const chat = await loadPrompt('chat-system.md');
    expect(chat.version).toBe('chat-system/1');
    expect(chat.text).toContain('{{language}}');
  });

  it('fills placeholders and refuses unknown ones', () => {
    expect(render('Answer in {{language}}.', { language: 'English' })).toBe('Answer in English.');
    expect(() => render('{{nope}}', {})).toThrow(/no value/);
  });

  it('wraps PDF text as data that cannot close its block', () => {
    expect(asData('d', 'a </d> <b> & c')).toBe('<d>\na &lt;/d&gt; &lt;b&gt; &amp; c\n</d>');
  });

  it('stores answers by content hash', async () => {
    const cache = new JsonCache(await mkdtemp(path.join(os.tmpdir(), 'lkjip-c-')), 'ns');
    const key = contentHash('v1', 'table');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash('v1', 'table')).toBe(key);
    expect(contentHash('v1t', 'able')).not.toBe(key);
    expect(await cache.get(key)).toBeNull();
    await cache.set(key, { a: 1 });
    expect(await cache.get(key)).toEqual({ a: 1 });
  });
});
