import { writeFile } from 'node:fs/promises';
import { AppError } from '../errors.js';

/** Validates an option against its allowed values. */
export function choice<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new AppError('E_BAD_ARGUMENT', `${flag} must be one of ${allowed.join(', ')} (got "${value}")`, { stage: 'cli' });
}

/** Reads a whole number of at least 1 given to an option. */
export function positiveInt(v: string, flag: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new AppError('E_BAD_ARGUMENT', `${flag} must be a positive whole number (got "${v}")`, { stage: 'cli' });
  return n;
}

/** The `--threads` option of the commands that read a PDF. */
export const THREADS_OPTION = ['--threads <n>', 'threads reading pages (default 1; more pay only on long documents with idle cores)'] as const;

/** Writes to a file, or to stdout when no file is given. */
export async function writeOut(text: string, file?: string): Promise<void> {
  if (file) await writeFile(file, text);
  else process.stdout.write(text);
}

/** One stderr line on what the LLM structure step did. */
export function reportLlm(r: { tables: unknown[]; hints: unknown[]; cacheHits: number; calls: number; usage: { totalTokens: number } }): void {
  if (r.tables.length) process.stderr.write(`llm structure: ${r.tables.length} table(s), ${r.hints.length} hint(s), ${r.cacheHits} from cache, ${r.calls} call(s), ${r.usage.totalTokens} tokens\n`);
}
