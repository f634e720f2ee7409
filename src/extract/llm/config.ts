import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../errors.js';

/** Where an OpenAI-compatible endpoint is and how to call it. */
export interface LlmConfig {
  /** `https://api.openai.com/v1` when null. */
  baseUrl: string | null;
  apiKey: string;
  model: string;
  timeoutMs: number;
  /** Directory of the structure cache (`.lkjip/cache` by default). */
  cacheDir: string;
  /** Where the settings came from, for messages: `env`, a file path, or both. */
  source: string;
  /** For tests and proxies: the fetch the clients use. */
  fetch?: typeof fetch;
}

const ConfigFile = z.object({
  baseUrl: z.string().url().optional(),
  apiKey: z.string().optional(),
  model: z.string().min(1).optional(),
  timeoutMs: z.number().int().positive().optional(),
  cacheDir: z.string().optional(),
});

export const DEFAULT_MODEL = 'gpt-4o-mini';
export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_CACHE_DIR = '.lkjip/cache';

export interface LoadConfigOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  home?: string;
  /** An explicit config file; otherwise `.lkjip.json` in cwd, then `~/.config/lkjip/config.json`. */
  file?: string;
}

/**
 * Reads the LLM settings: a config file (`{ baseUrl, apiKey, model }`) overridden by the
 * environment (OPENAI_API_KEY, OPENAI_BASE_URL, LKJIP_MODEL). Null when neither a key nor a base
 * URL is set anywhere: the caller then works without a model.
 *
 * @example
 *   const config = await loadLlmConfig();
 *   if (!config) console.log('offline');
 */
export async function loadLlmConfig(opts: LoadConfigOptions = {}): Promise<LlmConfig | null> {
  const env = opts.env ?? process.env;
  const cwd = opts.cwd ?? process.cwd();
  const home = opts.home ?? os.homedir();
  const candidates = opts.file ? [opts.file] : env.LKJIP_CONFIG ? [env.LKJIP_CONFIG] : [path.join(cwd, '.lkjip.json'), path.join(home, '.config', 'lkjip', 'config.json')];
  let fromFile: z.infer<typeof ConfigFile> = {};
  let fileUsed: string | null = null;
  for (const file of candidates) {
    const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT' && !opts.file) return null;
      throw new AppError('E_BAD_ARGUMENT', `Cannot read the LLM config file: ${err.message}`, { stage: 'llm', file }, { cause: err });
    });
    if (text === null) continue;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new AppError('E_BAD_ARGUMENT', `The LLM config file is not valid JSON (${(err as Error).message})`, { stage: 'llm', file }, { cause: err });
    }
    const parsed = ConfigFile.safeParse(json);
    if (!parsed.success) {
      throw new AppError('E_BAD_ARGUMENT', `The LLM config file is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`, { stage: 'llm', file });
    }
    fromFile = parsed.data;
    fileUsed = file;
    break;
  }
  const apiKey = env.OPENAI_API_KEY || fromFile.apiKey || '';
  const baseUrl = env.OPENAI_BASE_URL || fromFile.baseUrl || null;
  if (!apiKey && !baseUrl) return null;
  const fromEnv = Boolean(env.OPENAI_API_KEY || env.OPENAI_BASE_URL || env.LKJIP_MODEL);
  return {
    baseUrl,
    // Local OpenAI-compatible servers often need no key, but the clients insist on one.
    apiKey: apiKey || 'not-needed',
    model: env.LKJIP_MODEL || fromFile.model || DEFAULT_MODEL,
    timeoutMs: fromFile.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    cacheDir: fromFile.cacheDir ?? DEFAULT_CACHE_DIR,
    source: [fromEnv ? 'env' : null, fileUsed].filter(Boolean).join(' + '),
  };
}
