import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Db } from '../db/client';
import { withHotAnswers } from './hot-answers';
import { apiSecurityHeaders, withSecurityHeaders } from './security-headers';

/**
 * The Node request listener of the server process: the kept answers served again before Hono
 * (hot-answers.ts), then the security headers set on Node's response (security-headers.ts),
 * then the app. The app must be created with `securityHeaders: 'node'`.
 */
export async function nodeListener(
  app: { fetch: (request: Request, env?: unknown) => Response | Promise<Response> },
  db: Db,
): Promise<(req: IncomingMessage, res: ServerResponse) => void> {
  // A body the app refused unread (a 401, a 413) is left to Node, which reads and discards the
  // rest while the connection stays open, so the client reads the answer at its own pace. The
  // listener's own clean-up instead closes the socket 500 ms after the answer; a client still
  // writing then gets a reset, and the kernel drops the answer it had not yet read (seen once in
  // tests/api/limits.test.ts on a loaded machine). Nothing of such a body is ever held.
  const withHeaders = await withSecurityHeaders(
    getRequestListener(app.fetch, { autoCleanupIncoming: false }),
  );
  return withHotAnswers(db, await apiSecurityHeaders(), withHeaders);
}
