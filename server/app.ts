import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { parse as parseCookies } from 'hono/utils/cookie';
import { MAX_IMPORT_BYTES } from '../shared/import-export';
import { clipQuote } from '../shared/text';
import { DEFAULT_LOG2N } from './auth/password';
import { readSession, SESSION_COOKIE, type Session, sessionDue } from './auth/sessions';
import { LoginThrottle, type ThrottleOptions } from './auth/throttle';
import type { Db } from './db/client';
import {
  AUTH_LIMIT,
  BATCH_LIMIT,
  bodyLimits,
  JSON_LIMIT,
  sizeText,
  TARGET_LINES_LIMIT,
} from './lib/body-limits';
import { dataStamp } from './lib/data-stamp';
import { AppError, busyDatabase } from './lib/errors';
import { requestHeader } from './lib/request-headers';
import { createRouter, unauthenticated } from './lib/router';
import { securityHeadersMiddleware } from './lib/security-headers';
import type { SlotOptions } from './lib/slots';
import { authRouter } from './routes/auth/auth.index';
import { compareRouter } from './routes/compare/compare.index';
import { dashboardRouter } from './routes/dashboard/dashboard.index';
import { docsRouter, isDocsPath } from './routes/docs/docs.index';
import { healthRouter } from './routes/health/health.index';
import { historyRouter } from './routes/history/history.index';
import { IMPORT_SLOTS, importGate } from './routes/import-export/import-export.gate';
import { importExportRouter } from './routes/import-export/import-export.index';
import { indicatorsRouter } from './routes/indicators/indicators.index';
import { locksRouter } from './routes/locks/locks.index';
import { memberRatingsRouter } from './routes/member-ratings/member-ratings.index';
import { reportRouter } from './routes/report/report.index';
import { targetLinesRouter } from './routes/target-lines/target-lines.index';
import { unitsRouter } from './routes/units/units.index';
import { usersRouter } from './routes/users/users.index';
import { valuesRouter } from './routes/values/values.index';

// Refusals raised by Hono itself (body parsing), worded for people.
const HTTP_REFUSALS: Record<number, [string, string]> = {
  400: [
    'invalid_json',
    'Nội dung gửi lên không phải JSON hợp lệ; hãy gửi một đối tượng JSON với Content-Type: application/json.',
  ],
  413: ['payload_too_large', 'Nội dung gửi lên quá lớn.'],
  403: [
    'cross_site_request',
    'Yêu cầu đến từ một trang khác nên bị từ chối; hãy thao tác ngay trên trang Chỉ tiêu.',
  ],
  415: ['unsupported_media_type', 'Nội dung phải là JSON và có tiêu đề Content-Type: application/json.'],
};

/** Routes anyone may call; every other /api route needs a session (docs/api.md, "General"). */
export const PUBLIC_ROUTES = new Set([
  'GET /api/health',
  'GET /api/openapi.json',
  'POST /api/auth/login',
  'POST /api/auth/logout',
]);

export interface AppOptions {
  db: Db;
  /** Folder of the built client; served with the API when given. */
  clientDist?: string;
  /** Cheaper password hashes and a gentler throttle make tests fast; production keeps the defaults. */
  scryptLog2N?: number;
  throttle?: ThrottleOptions;
  /** Who sets the security headers: this app (default), or the Node server around it. */
  securityHeaders?: 'app' | 'node';
  /** How many imports are read at once and how many wait (import-export.gate.ts). */
  importSlots?: SlotOptions;
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

function buildApi() {
  return createRouter()
    .route('/', healthRouter)
    .route('/', authRouter)
    .route('/', usersRouter)
    .route('/', unitsRouter)
    .route('/', indicatorsRouter)
    .route('/', valuesRouter)
    .route('/', dashboardRouter)
    .route('/', locksRouter)
    .route('/', historyRouter)
    .route('/', targetLinesRouter)
    .route('/', memberRatingsRouter)
    .route('/', compareRouter)
    .route('/', reportRouter)
    .route('/', importExportRouter);
}

/** The type the client's `hc<AppType>` is built from. */
export type AppType = ReturnType<typeof buildApi>;

export function createApp({
  db,
  clientDist,
  scryptLog2N = DEFAULT_LOG2N,
  throttle,
  securityHeaders = 'app',
  importSlots = IMPORT_SLOTS,
}: AppOptions) {
  const app = createRouter();
  const security = { scryptLog2N, throttle: new LoginThrottle(throttle) };

  // Security headers: the server process sets them on Node's response (server/index.ts,
  // lib/security-headers.ts says why); an app answering in process sets them here.
  if (securityHeaders === 'app') app.use('*', securityHeadersMiddleware());

  // Cross-site request forgery needs a victim's browser, and browsers mark every request
  // they send with Origin or Sec-Fetch-Site; Hono's middleware refuses forms from another
  // site. Scripts and programs that send neither are not a browser riding on a session.
  const csrfCheck = csrf();
  app.use('/api/*', async (c, next) => {
    const site = requestHeader(c, 'sec-fetch-site');
    const origin = requestHeader(c, 'origin');
    if (origin === undefined && site === undefined) return next();
    if (!/^(GET|HEAD|OPTIONS)$/.test(c.req.method)) {
      // A write marked as cross-site, or from a page of another host, is refused whatever its
      // content type (Hono's check lets JSON through, trusting the browser's preflight). The
      // host alone is compared: behind a proxy ending HTTPS the page is https, the request http.
      if (site === 'cross-site') throw new HTTPException(403);
      if (origin !== undefined && hostOf(origin) !== new URL(c.req.url).host) throw new HTTPException(403);
    }
    return csrfCheck(c, next);
  });

  // Sessions read from the database stay valid for as long as nothing is written: a sign-out,
  // a withdrawn role or a locked account is a write, and is seen on the next request.
  const sessionCache = new Map<string, { stamp: string; session: Session }>();
  app.use('/api/*', async (c, next) => {
    c.set('db', db);
    c.set('security', security);
    let stamp = dataStamp(db);
    const cookies = requestHeader(c, 'cookie');
    const token = cookies ? parseCookies(cookies, SESSION_COOKIE)[SESSION_COOKIE] : undefined;
    let session: Session | null = null;
    if (token) {
      const known = sessionCache.get(token);
      if (known && known.stamp === stamp && !sessionDue(known.session)) session = known.session;
      else {
        session = readSession(db, token);
        // Reading a session may renew it, a write: what this request reads is after it.
        stamp = dataStamp(db);
        if (session) {
          if (sessionCache.size > 10_000) sessionCache.clear();
          sessionCache.set(token, { stamp, session });
        } else sessionCache.delete(token);
      }
    }
    c.set('stamp', stamp);
    c.set('session', session);
    if (!session && !PUBLIC_ROUTES.has(`${c.req.method} ${c.req.path}`) && !isDocsPath(c.req.path))
      throw unauthenticated();
    await next();
  });

  // Nothing above reads a body, and everything below may: the import's rights and its place in
  // line are settled before its file is read, then every body is held to its route's limit
  // while it streams in (lib/body-limits.ts).
  app.use('/api/import', importGate(importSlots));
  app.use('/api/*', bodyLimits());

  const api = buildApi();
  app.route('/', api);
  app.route('/', docsRouter);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Chỉ tiêu API',
      version: '1.0.0',
      description:
        'Theo dõi chỉ tiêu nghị quyết của Đảng bộ và các đơn vị trực thuộc. Mọi lỗi trả về {"error": {"code", "message", "field"?}} với một câu tiếng Việt. ' +
        `Nội dung gửi lên có giới hạn theo đường dẫn (đăng nhập và đổi mật khẩu ${sizeText(AUTH_LIMIT.bytes)}, JSON ${sizeText(JSON_LIMIT.bytes)}, chỉ tiêu chủ yếu ${sizeText(TARGET_LINES_LIMIT.bytes)}, lưu nhiều giá trị ${sizeText(BATCH_LIMIT.bytes)}, nhập tệp ${sizeText(MAX_IMPORT_BYTES)}); quá thì 413 payload_too_large.`,
    },
  });

  app.all('/api/*', (c) =>
    c.json(
      {
        error: {
          code: 'not_found',
          // The path as sent, still percent-encoded: decoded, it may hold line breaks or NULs.
          message: `Không có đường dẫn ${c.req.method} "${clipQuote(new URL(c.req.url).pathname, 100)}".`,
        },
      },
      404,
    ),
  );

  if (clientDist && existsSync(join(clientDist, 'index.html'))) {
    const root = relative(process.cwd(), clientDist) || '.';
    const indexHtml = readFileSync(join(clientDist, 'index.html'), 'utf8');
    app.use(
      '/assets/*',
      serveStatic({
        root,
        precompressed: true,
        onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
      }),
    );
    app.use('*', serveStatic({ root, precompressed: true }));
    // Every other path is a screen of the single-page client.
    app.get('*', (c) => c.html(indexHtml));
  }

  app.onError((err, c) => {
    if (err instanceof AppError) return c.json(err.toBody(), err.status, err.headers);
    if (err instanceof HTTPException) {
      const [code, message] = HTTP_REFUSALS[err.status] ?? ['http_error', 'Yêu cầu không được chấp nhận.'];
      return c.json({ error: { code, message } }, err.status);
    }
    const busy = busyDatabase(err);
    if (busy) return c.json(busy.toBody(), busy.status, busy.headers);
    console.error(err);
    return c.json(
      {
        error: {
          code: 'internal_error',
          message: 'Máy chủ gặp lỗi ngoài ý muốn; vui lòng thử lại sau ít phút.',
        },
      },
      500,
    );
  });

  return app;
}
