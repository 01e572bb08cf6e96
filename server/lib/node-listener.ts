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
  const withHeaders = await withSecurityHeaders(getRequestListener(app.fetch));
  return withHotAnswers(db, await apiSecurityHeaders(), withHeaders);
}
