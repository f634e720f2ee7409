import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError } from '../errors.js';
import { DEFAULT_LIMITS, isPageFailure, OCR_TIME_FACTOR, type IngestLimits } from '../ingest/scan.js';

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


/** Writes to a file, or to stdout when no file is given. */
export async function writeOut(text: string, file?: string): Promise<void> {
  if (file) await writeFile(file, text);
  else process.stdout.write(text);
}

/** One stderr line on what the LLM structure step did. */
export function reportLlm(r: { tables: unknown[]; hints: unknown[]; cacheHits: number; calls: number; usage: { totalTokens: number } }): void {
  if (r.tables.length) process.stderr.write(`llm structure: ${r.tables.length} table(s), ${r.hints.length} hint(s), ${r.cacheHits} from cache, ${r.calls} call(s), ${r.usage.totalTokens} tokens\n`);
}

/** The ingest limits as command-line options (see README "Limits"). */
export interface LimitFlags {
  maxStreamMb?: string;
  maxDocumentMb?: string;
  maxImageMp?: string;
  maxPageOps?: string;
  pageTimeout?: string;
  maxReaderMb?: string;
}

/**
 * Adds the limit options to a command.
 *
 * @example
 *   withLimitOptions(program.command('audit'));
 */
export function withLimitOptions(cmd: Command): Command {
  const d = DEFAULT_LIMITS;
  return cmd
    .option('--max-stream-mb <mb>', `largest inflated stream, in MiB (default ${d.maxStreamBytes / 1048576})`)
    .option('--max-document-mb <mb>', `largest total of inflated streams, in MiB (default ${d.maxDocumentBytes / 1048576})`)
    .option('--max-image-mp <n>', `largest image, in millions of pixels (default ${d.maxImagePixels / 1e6})`)
    .option('--max-page-ops <n>', `most drawing operators on a page (default ${d.maxPageOperators})`)
    .option('--page-timeout <s>', `longest time to read one page, in seconds (default ${d.pageTimeoutMs / 1000}); OCR of an image-only page may take ${OCR_TIME_FACTOR} times this`)
    .option('--max-reader-mb <mb>', `heap of the thread that reads pages, in MiB (default ${d.maxReaderMemoryMb})`);
}

/** The limits given on the command line (only those given; the rest keep their defaults). */
export function limitsFrom(o: LimitFlags): Partial<IngestLimits> {
  const num = (v: string | undefined, flag: string, scale: number): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new AppError('E_BAD_ARGUMENT', `${flag} must be a positive number (got "${v}")`, { stage: 'cli' });
    return Math.round(n * scale);
  };
  const limits: Partial<IngestLimits> = {
    maxStreamBytes: num(o.maxStreamMb, '--max-stream-mb', 1048576),
    maxDocumentBytes: num(o.maxDocumentMb, '--max-document-mb', 1048576),
    maxImagePixels: num(o.maxImageMp, '--max-image-mp', 1e6),
    maxPageOperators: num(o.maxPageOps, '--max-page-ops', 1),
    pageTimeoutMs: num(o.pageTimeout, '--page-timeout', 1000),
    maxReaderMemoryMb: num(o.maxReaderMb, '--max-reader-mb', 1),
  };
  return Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined));
}

/** Pages left unread because they failed, one stderr line each (formats other than text do not show them). */
export function reportUnreadPages(warnings: Array<{ code: string; message: string; page?: number }>): void {
  for (const w of warnings) if (w.page !== undefined && isPageFailure(w.code)) process.stderr.write(`warning ${w.code} (page ${w.page}): ${w.message}\n`);
}
