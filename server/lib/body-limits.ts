import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { formatNumber } from '../../shared/format';
import { MAX_IMPORT_BYTES } from '../../shared/import-export';

// How large a request body each route takes (issue 12, hole 4: a 100 MB password sent to the
// sign-in was read whole, 430 MB of memory, before anything refused it). Hono's bodyLimit is
// applied once, in front of every /api route, before anything reads a body: a Content-Length
// over the limit is refused before a byte is read (Node's parser never delivers more than the
// length announced), and a body sent without one is counted as it arrives and refused as soon
// as it passes. Either way nothing larger than the limit is ever held.

const KB = 1024;
const MB = 1024 * KB;

/** `formatNumber` on sizes: 4096 → "4 KB", 20 MB + 64 KB → "20,06 MB". */
export function sizeText(bytes: number): string {
  return bytes >= MB ? `${formatNumber(bytes / MB)} MB` : `${formatNumber(bytes / KB)} KB`;
}

interface Limit {
  bytes: number;
  /** Says what is too large, and what to do, with the limit in it. */
  message: string;
  field?: string;
}

const limit = (bytes: number, message: (size: string) => string, field?: string): Limit => ({
  bytes,
  message: message(sizeText(bytes)),
  field,
});

/**
 * Every JSON body not named below. The largest legitimate ones are a few KB: an indicator with
 * 12 levels, a result with a note of 2.000 characters, a user with 50 grants.
 */
export const JSON_LIMIT = limit(
  256 * KB,
  (size) => `Nội dung gửi lên quá lớn: mỗi yêu cầu ở đây nhận nhiều nhất ${size}.`,
);

/**
 * Sign-in, sign-out, changing one's password: a user name of at most 64 characters and at most
 * two passwords of 200 (JSON-escaped, under 3 KB). A sign-in is the one write anybody may send
 * without a session, so it is kept the smallest.
 */
export const AUTH_LIMIT = limit(
  4 * KB,
  (size) => `Nội dung gửi lên quá lớn: đăng nhập và đổi mật khẩu nhận nhiều nhất ${size}.`,
);

/**
 * POST /api/values/batch: MAX_BATCH (5.000) targets and 5.000 results with the longest codes
 * (40 characters), unit ids of six digits, term periods and versions measure 1,39 MB; with a
 * note of 46 characters on every result 1,72 MB. A batch with many long notes is split.
 */
export const BATCH_LIMIT = limit(
  2 * MB,
  (size) =>
    `Nội dung gửi lên quá lớn: mỗi lần lưu nhiều chỉ tiêu và kết quả nhận nhiều nhất ${size}; hãy chia thành nhiều lần lưu.`,
);

/**
 * PUT /api/target-lines/…: 100 lines of 1.000 characters, each up to 3 bytes in UTF-8, with ten
 * codes each, is about 350 KB.
 */
export const TARGET_LINES_LIMIT = limit(
  512 * KB,
  (size) => `Nội dung gửi lên quá lớn: các chỉ tiêu chủ yếu của một kỳ nhận nhiều nhất ${size}.`,
);

/** POST /api/import: the file, at most MAX_IMPORT_BYTES, and the multipart envelope around it. */
export const IMPORT_LIMIT: Limit = {
  bytes: MAX_IMPORT_BYTES + 64 * KB,
  message: `Tệp quá lớn: mỗi lần nhập nhiều nhất ${sizeText(MAX_IMPORT_BYTES)}; hãy chia thành nhiều tệp nhỏ hơn.`,
  field: 'file',
};

/** The limit of a request, by its method and path. */
export function bodyLimitOf(method: string, path: string): Limit {
  if (path.startsWith('/api/auth/')) return AUTH_LIMIT;
  if (method === 'POST' && path === '/api/import') return IMPORT_LIMIT;
  if (method === 'POST' && path === '/api/values/batch') return BATCH_LIMIT;
  if (path.startsWith('/api/target-lines/')) return TARGET_LINES_LIMIT;
  return JSON_LIMIT;
}

const refuse = (c: Context, { message, field }: Limit) =>
  c.json({ error: { code: 'payload_too_large', message, ...(field ? { field } : {}) } }, 413);

/** The one body limit of the API, each route's own (bodyLimitOf). */
export function bodyLimits(): MiddlewareHandler {
  const middleware = new Map<Limit, MiddlewareHandler>();
  for (const l of [JSON_LIMIT, AUTH_LIMIT, BATCH_LIMIT, TARGET_LINES_LIMIT, IMPORT_LIMIT])
    middleware.set(l, bodyLimit({ maxSize: l.bytes, onError: (c) => refuse(c, l) }));
  return (c, next) => middleware.get(bodyLimitOf(c.req.method, c.req.path))!(c, next);
}
