/**
 * What every driver shares: values are kept as JSON text and validated against their schema when
 * read back, so a row written by an older version or edited by hand is refused, not trusted.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../errors.js';
import { AuditResult } from '../model/report.js';
import type { ArtifactKey, ListOptions } from './types.js';

/**
 * Parses stored JSON and validates it; a mismatch is AppError `E_STORE` naming what was read.
 *
 * @example
 *   const report = decode(Report, row.json, `model ${sha}`);
 */
export function decode<S extends z.ZodType>(schema: S, json: string, what: string): z.infer<S> {
  return validate(schema, parseJson(json, what), what);
}

/** The audit without its report: the report is kept once, as the model of the same key. */
export function auditBody(result: AuditResult): string {
  const { report: _report, ...body } = result;
  return JSON.stringify(body);
}

/** Joins a stored model and audit body back into an AuditResult, validated as a whole. */
export function joinAudit(modelJson: string, bodyJson: string, key: ArtifactKey): AuditResult {
  const what = `audit ${describeKey(key)}`;
  const body = parseJson(bodyJson, what);
  return validate(AuditResult, { ...(body as object), report: parseJson(modelJson, what) }, what);
}

export function describeKey(key: ArtifactKey): string {
  return `${key.sha256.slice(0, 12)}@${key.version}`;
}

export function now(): string {
  return new Date().toISOString();
}

export function newId(): string {
  return randomUUID();
}

/** Clamps list options to sane bounds (a negative or huge limit is not an error, just clamped). */
export function page(opts: ListOptions = {}): { limit: number; offset: number } {
  const limit = Math.min(Math.max(Math.trunc(opts.limit ?? 100), 1), 1000);
  const offset = Math.max(Math.trunc(opts.offset ?? 0), 0);
  return { limit, offset };
}

export function notFound(what: string, id: string): AppError {
  return new AppError('E_NOT_FOUND', `No ${what} with id ${id}`, { stage: 'store' });
}

function parseJson(json: string, what: string): unknown {
  try {
    return JSON.parse(json);
  } catch (err) {
    throw new AppError('E_STORE', `Stored ${what} is not valid JSON`, { stage: 'store' }, { cause: err });
  }
}

function validate<S extends z.ZodType>(schema: S, raw: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const where = first ? ` (${first.path.join('.') || 'root'}: ${first.message})` : '';
  throw new AppError('E_STORE', `Stored ${what} does not match its schema${where}`, { stage: 'store' }, { cause: parsed.error });
}
