import type { ClientResponse } from 'hono/client';
import { hc } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import type { AppType } from '../../server/app';

// Every request goes through this typed client: a change of a route or of a response on the
// server that the client does not follow fails `tsc`, not the user's screen.
export const api = hc<AppType>('/');

const NETWORK_MESSAGE = 'Không kết nối được máy chủ; hãy kiểm tra mạng rồi thử lại.';

/** A refusal or a failure, with the server's Vietnamese sentence to show as it is. */
export class ApiError extends Error {
  readonly code: string;
  /** HTTP status; 0 when the server could not be reached at all. */
  readonly status: number;
  readonly field: string | undefined;
  /** The whole error body, for refusals that name several items (`errors`, `conflicts`). */
  readonly body: Record<string, unknown> | undefined;

  constructor(code: string, message: string, status: number, field?: string, body?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.field = field;
    this.body = body;
  }

  /** Worth retrying on its own: the network, or a fault of the server (5xx). */
  get transient(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}

// The body of the successful answers of a typed response union.
type SuccessBody<R> =
  R extends ClientResponse<infer T, infer S, 'json'> ? (S extends SuccessStatusCode ? T : never) : never;

function isErrorBody(body: unknown): body is { error: { code: string; message: string; field?: string } } {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string' &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}

/**
 * Awaits a request of the typed client and returns its successful JSON body; anything else
 * is thrown as an ApiError carrying the message of the contract's error body.
 */
export async function unwrap<R extends ClientResponse<unknown, number, 'json'>>(
  request: Promise<R>,
): Promise<SuccessBody<R>> {
  let res: R;
  try {
    res = await request;
  } catch (err) {
    // Aborted by React Query when nobody needs the answer any more: let it pass as is.
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError('network_error', NETWORK_MESSAGE, 0);
  }

  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }

  if (res.ok && body !== undefined) return body as SuccessBody<R>;
  if (isErrorBody(body)) {
    throw new ApiError(
      body.error.code,
      body.error.message,
      res.status,
      body.error.field,
      body as Record<string, unknown>,
    );
  }
  if (res.status === 502 || res.status === 503 || res.status === 504) {
    throw new ApiError('network_error', NETWORK_MESSAGE, res.status);
  }
  throw new ApiError(
    'bad_response',
    `Máy chủ trả lời không đúng dạng (mã ${res.status}); hãy thử lại sau ít phút.`,
    res.status >= 200 && res.status < 300 ? 500 : res.status,
  );
}
