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

/**
 * SQLite answered SQLITE_BUSY: another connection (an import, a backup, another process)
 * held the write lock for longer than the busy timeout. Nothing of the request was written
 * (its transaction rolled back), so it is a refusal to retry, not a failure of the server.
 */
export function busyDatabase(err: unknown): AppError | null {
  for (
    let e = err, depth = 0;
    e && typeof e === 'object' && depth < 4;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_BUSY'))
      return new AppError(
        503,
        'database_busy',
        'Cơ sở dữ liệu đang bận ghi dữ liệu khác; chưa có gì được lưu, vui lòng thử lại sau ít giây.',
        undefined,
        undefined,
        { 'Retry-After': '2' },
      );
  }
  return null;
}
