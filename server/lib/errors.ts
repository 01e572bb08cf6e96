import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The one error type of the server: thrown where a problem is found and turned into the
 * contract's error body in one place (app.onError). `message` is a Vietnamese sentence a
 * person can act on.
 */
export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Extra members of the body, beside `error` (e.g. the current value on a 409). */
    readonly extra?: Record<string, unknown>,
    /** Headers of the answer (e.g. Retry-After on a 429). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toBody() {
    return {
      error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) },
      ...this.extra,
    };
  }
}

export const badRequest = (code: string, message: string, field?: string) =>
  new AppError(400, code, message, field);
export const notFound = (code: string, message: string, field?: string) =>
  new AppError(404, code, message, field);
export const conflict = (code: string, message: string, extra?: Record<string, unknown>) =>
  new AppError(409, code, message, undefined, extra);
