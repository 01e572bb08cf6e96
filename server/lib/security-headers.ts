import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

// The security headers of every answer are those of Hono's secureHeaders middleware, worked
// out once by running the middleware itself, in two sets: the pages and files of the client
// get the full set with this project's Content-Security-Policy; the JSON of /api gets what
// matters for data that is never rendered as a page (no sniffing, no framing, nothing loaded
// by it), which is also what OWASP's REST cheat sheet advises.
//
// Where they are set matters for speed (docs/performance.md). Set on the finished Response
// (as the middleware does) or with c.header, they turn @hono/node-server's light answers into
// full Response objects with validated Headers; and every byte of header is read by every
// client. The server process sets them on Node's response before Hono writes it
// (`withSecurityHeaders`); an app used in process (the tests) sets them in middleware.

const DOCUMENT = {
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  referrerPolicy: 'same-origin',
} satisfies Parameters<typeof secureHeaders>[0];

const API = {
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  xFrameOptions: 'DENY',
  xContentTypeOptions: true,
  referrerPolicy: 'same-origin',
  crossOriginResourcePolicy: 'same-origin',
  crossOriginEmbedderPolicy: false,
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  strictTransportSecurity: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
} satisfies Parameters<typeof secureHeaders>[0];

// The API reference (/api/docs) is a page, with its scripts and styles: it gets the page's set.
const isApi = (path: string) =>
  (path === '/api' || path.startsWith('/api/') || path.startsWith('/api?')) &&
  !/^\/api\/docs(?:[/?]|$)/.test(path);

async function listOf(options: Parameters<typeof secureHeaders>[0]): Promise<[string, string][]> {
  const probe = new Hono().use('*', secureHeaders(options)).get('/', (c) => c.body(null, 204));
  const res = await probe.request('/');
  const out: [string, string][] = [];
  res.headers.forEach((value, name) => {
    out.push([name, value]);
  });
  return out;
}

/** The headers of every /api answer, as Hono's middleware sets them. */
export function apiSecurityHeaders(): Promise<[string, string][]> {
  return listOf(API);
}

/** For an app answering in process: the same headers, set by Hono's middleware. */
export function securityHeadersMiddleware(): MiddlewareHandler {
  const api = secureHeaders(API);
  const document = secureHeaders(DOCUMENT);
  return (c, next) => (isApi(c.req.path) ? api(c, next) : document(c, next));
}

/** For the server process: a Node request listener that sets them, then lets Hono answer. */
export async function withSecurityHeaders(
  listener: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<(req: IncomingMessage, res: ServerResponse) => void> {
  const api = await listOf(API);
  const document = await listOf(DOCUMENT);
  return (req, res) => {
    for (const [name, value] of isApi(req.url ?? '/') ? api : document) res.setHeader(name, value);
    listener(req, res);
  };
}
