/**
 * The only place where errors become HTTP statuses. Handlers throw AppError (or let the pipeline's
 * AppErrors through); the error middleware answers `{ error: { code, message } }`.
 */
import type { ErrorRequestHandler } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { AppError, type ErrorCode } from '../errors.js';

/** Codes only the HTTP layer has: nothing below the server can be "not implemented" or "not ready". */
export type HttpOnlyCode = 'E_NOT_IMPLEMENTED' | 'E_NOT_READY';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: HttpOnlyCode,
    message: string,
  ) {
    super(message);
  }
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  E_BAD_ARGUMENT: 400,
  E_BAD_PAGES: 400,
  E_FILE_EMPTY: 400,
  E_UNAUTHORIZED: 401,
  E_FORBIDDEN: 403,
  E_NOT_FOUND: 404,
  E_FILE_NOT_FOUND: 404,
  E_FILE_TOO_LARGE: 413,
  E_NOT_PDF: 415,
  E_PDF_CORRUPT: 422,
  E_PDF_ENCRYPTED: 422,
  E_PDF_NO_PAGES: 422,
  E_PDF_UNREADABLE: 422,
  E_SCHEMA: 422,
  E_LLM_FAILED: 502,
  E_LLM_UNCONFIGURED: 503,
};

/**
 * The HTTP status for an AppError code: client mistakes 4xx, unreadable PDFs 422, the rest 500.
 *
 * @example
 *   statusOf('E_NOT_PDF'); // 415
 */
export function statusOf(code: ErrorCode): number {
  return STATUS[code] ?? 500;
}

/** Turns what a handler threw into a status and the JSON error body; internal details stay in the log. */
export function toHttpError(err: unknown): { status: number; body: { error: { code: string; message: string } } } {
  if (err instanceof HttpError) return { status: err.status, body: { error: { code: err.code, message: err.message } } };
  const app = fromKnown(err);
  if (app) {
    const status = statusOf(app.code);
    const message = status >= 500 && app.code === 'E_INTERNAL' ? 'Internal error; see the server log' : app.message;
    return { status, body: { error: { code: app.code, message } } };
  }
  return { status: 500, body: { error: { code: 'E_INTERNAL', message: 'Internal error; see the server log' } } };
}

/**
 * Express error middleware: answers JSON and logs each 5xx as one line (its stack only when
 * `debug`, so a log never carries one by default).
 */
export function errorHandler(log: (line: string) => void, debug = false): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const { status, body } = toHttpError(err);
    if (status >= 500) log(`${req.method} ${req.path} → ${status} ${body.error.code}: ${describe(err, debug)}`);
    res.status(status).json(body);
  };
}

/**
 * What to log of an error: its message on one line, or its stack when debugging.
 *
 * @example
 *   describe(new Error('disk full\nat …'), false); // 'disk full at …'
 */
export function describe(err: unknown, debug: boolean): string {
  const inner = err instanceof AppError && err.cause instanceof Error ? err.cause : err;
  if (debug && inner instanceof Error && inner.stack) return inner.stack;
  const message = inner instanceof Error ? `${inner.name}: ${inner.message}` : String(inner);
  return message.replace(/\s*\n\s*/g, ' ').slice(0, 500);
}

/** Errors from the libraries the server uses, mapped to AppErrors. */
function fromKnown(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  if (err instanceof multer.MulterError) {
    if (err.code === 'LIMIT_FILE_SIZE') return new AppError('E_FILE_TOO_LARGE', 'The file is larger than the upload limit', { stage: 'upload' });
    return new AppError('E_BAD_ARGUMENT', `Bad upload: ${err.message}${err.field ? ` (field ${err.field})` : ''}`, { stage: 'upload' });
  }
  if (err instanceof z.ZodError) {
    const issue = err.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    return new AppError('E_BAD_ARGUMENT', `${where}${issue?.message ?? 'invalid request'}`, { stage: 'api' });
  }
  // body-parser and serve-static mark their client errors (bad JSON, body too large, a malformed
  // path) with a 4xx status.
  const e = err as { status?: number; type?: string; message?: string };
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    if (e.status === 413) return new AppError('E_FILE_TOO_LARGE', 'The request body is too large', { stage: 'api' });
    if (e.status === 404 || e.status === 403) return new AppError('E_NOT_FOUND', 'Not found', { stage: 'api' });
    return new AppError('E_BAD_ARGUMENT', e.type === 'entity.parse.failed' ? 'The request body is not valid JSON' : (e.message ?? 'Bad request'), { stage: 'api' });
  }
  return null;
}
