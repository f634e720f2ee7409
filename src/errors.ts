/**
 * The one error type of lkjip. Every failure a user can meet carries a stable code, a message they
 * can act on, and where it happened (stage, file, page).
 *
 * @example
 *   throw new AppError('E_PDF_ENCRYPTED', 'The PDF is password-protected', { stage: 'ingest', file });
 */
export type ErrorCode =
  | 'E_FILE_NOT_FOUND'
  | 'E_FILE_EMPTY'
  | 'E_FILE_TOO_LARGE'
  | 'E_NOT_PDF'
  | 'E_PDF_CORRUPT'
  | 'E_PDF_ENCRYPTED'
  | 'E_PDF_NO_PAGES'
  | 'E_PDF_UNREADABLE'
  | 'E_PAGE_FAILED'
  | 'E_OCR_UNAVAILABLE'
  | 'E_OCR_FAILED'
  | 'E_BAD_ARGUMENT'
  | 'E_BAD_PAGES'
  | 'E_SCHEMA'
  | 'E_LLM_UNCONFIGURED'
  | 'E_LLM_FAILED'
  | 'E_STORE'
  | 'E_NOT_FOUND'
  | 'E_UNAUTHORIZED'
  | 'E_FORBIDDEN'
  | 'E_TIMEOUT'
  | 'E_WORKER_FAILED'
  | 'E_QUEUE'
  | 'E_INTERNAL';

export interface ErrorContext {
  stage?: string;
  file?: string;
  page?: number;
  [key: string]: unknown;
}

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly context: ErrorContext = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** One line for a terminal: `E_PDF_ENCRYPTED: The PDF is password-protected (file: a.pdf, stage: ingest)`. */
  toLine(): string {
    const ctx = Object.entries(this.context)
      .filter(([, v]) => v !== undefined && v !== null && v !== '')
      .map(([k, v]) => `${k}: ${String(v)}`)
      .join(', ');
    return `${this.code}: ${this.message}${ctx ? ` (${ctx})` : ''}`;
  }

  toJSON(): { code: ErrorCode; message: string; context: ErrorContext } {
    return { code: this.code, message: this.message, context: this.context };
  }
}

/** Wraps any thrown value into an AppError, keeping AppErrors as they are. */
export function toAppError(err: unknown, fallback: ErrorContext = {}): AppError {
  if (err instanceof AppError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new AppError('E_INTERNAL', message, fallback, { cause: err });
}
