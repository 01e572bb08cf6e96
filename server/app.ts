import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { HTTPException } from 'hono/http-exception';
import type { Db } from './db/client';
import { AppError } from './lib/errors';
import { createRouter } from './lib/router';
import { dashboardRouter } from './routes/dashboard/dashboard.index';
import { healthRouter } from './routes/health/health.index';
import { indicatorsRouter } from './routes/indicators/indicators.index';
import { unitsRouter } from './routes/units/units.index';
import { valuesRouter } from './routes/values/values.index';

// Refusals raised by Hono itself (body parsing), worded for people.
const HTTP_REFUSALS: Record<number, [string, string]> = {
  400: [
    'invalid_json',
    'Nội dung gửi lên không phải JSON hợp lệ; hãy gửi một đối tượng JSON với Content-Type: application/json.',
  ],
  413: ['payload_too_large', 'Nội dung gửi lên quá lớn.'],
  415: ['unsupported_media_type', 'Nội dung phải là JSON và có tiêu đề Content-Type: application/json.'],
};

export interface AppOptions {
  db: Db;
  /** Folder of the built client; served with the API when given. */
  clientDist?: string;
}

function buildApi() {
  return createRouter()
    .route('/', healthRouter)
    .route('/', unitsRouter)
    .route('/', indicatorsRouter)
    .route('/', valuesRouter)
    .route('/', dashboardRouter);
}

/** The type the client's `hc<AppType>` is built from. */
export type AppType = ReturnType<typeof buildApi>;

export function createApp({ db, clientDist }: AppOptions) {
  const app = createRouter();
  app.use('/api/*', async (c, next) => {
    c.set('db', db);
    await next();
  });

  const api = buildApi();
  app.route('/', api);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Chỉ tiêu API',
      version: '1.0.0',
      description:
        'Theo dõi chỉ tiêu nghị quyết của Đảng bộ và các đơn vị trực thuộc. Mọi lỗi trả về {"error": {"code", "message", "field"?}} với một câu tiếng Việt.',
    },
  });

  app.all('/api/*', (c) =>
    c.json(
      { error: { code: 'not_found', message: `Không có đường dẫn ${c.req.method} ${c.req.path}.` } },
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
        onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
      }),
    );
    app.use('*', serveStatic({ root }));
    // Every other path is a screen of the single-page client.
    app.get('*', (c) => c.html(indexHtml));
  }

  app.onError((err, c) => {
    if (err instanceof AppError) return c.json(err.toBody(), err.status);
    if (err instanceof HTTPException) {
      const [code, message] = HTTP_REFUSALS[err.status] ?? ['http_error', 'Yêu cầu không được chấp nhận.'];
      return c.json({ error: { code, message } }, err.status);
    }
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
