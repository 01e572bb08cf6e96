import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

// A request header as Node parsed it, when the app runs in Node's server: asking Hono's
// request for a header builds a whole Fetch Headers object from Node's, which costs more than
// everything else a kept dashboard answer needs (docs/performance.md). In process (the tests)
// there is no Node request, and Hono's is asked. Names are lower case.

export function requestHeader(c: Context, name: string): string | undefined {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming === undefined) return c.req.header(name);
  const value = incoming.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
