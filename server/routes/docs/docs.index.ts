import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Hono } from 'hono';
import { notFound } from '../../lib/errors';
import type { AppEnv } from '../../lib/router';

// GET /api/docs: the API reference as a page, read from the OpenAPI description the server
// publishes at /api/openapi.json, by Swagger UI (swagger-ui-dist, served from here: the
// school's network may have no way out to a CDN). The page and its files are public, like the
// description itself; trying a route from the page uses the reader's own session.

const dist = (
  createRequire(import.meta.url)('swagger-ui-dist') as { absolutePath: () => string }
).absolutePath();

/** The files of Swagger UI the page loads, read once. */
const FILES: Record<string, { type: string; body: Buffer }> = {
  'swagger-ui.css': { type: 'text/css; charset=utf-8', body: readFileSync(join(dist, 'swagger-ui.css')) },
  'swagger-ui-bundle.js': {
    type: 'text/javascript; charset=utf-8',
    body: readFileSync(join(dist, 'swagger-ui-bundle.js')),
  },
  // Its start, as a file of its own: the page's policy runs no inline script.
  'khoi-dong.js': {
    type: 'text/javascript; charset=utf-8',
    body: Buffer.from(
      `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/openapi.json',
    dom_id: '#tai-lieu',
    deepLinking: true,
    docExpansion: 'list',
    defaultModelsExpandDepth: 0,
    tryItOutEnabled: false,
  });
});
`,
    ),
  },
};

const PAGE = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tài liệu API · Chỉ tiêu</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
<main>
<p style="font-family: sans-serif; margin: 12px 20px"><a href="/">← Về Chỉ tiêu</a> · Bản mô tả máy đọc được: <a href="/api/openapi.json">/api/openapi.json</a></p>
<div id="tai-lieu"><p style="font-family: sans-serif; margin: 8px 20px">Đang tải tài liệu…</p></div>
</main>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/khoi-dong.js"></script>
</body>
</html>
`;

export const DOCS_PATH = '/api/docs';

/** The page and its files: public, and shown as a page rather than as data. */
export const isDocsPath = (path: string) => path === DOCS_PATH || path.startsWith(`${DOCS_PATH}/`);

export const docsRouter = new Hono<AppEnv>()
  .get(DOCS_PATH, (c) => c.html(PAGE, 200, { 'Cache-Control': 'no-cache' }))
  .get(`${DOCS_PATH}/:file`, (c) => {
    const file = FILES[c.req.param('file')];
    if (!file) throw notFound('not_found', 'Trang tài liệu API không có tệp này.');
    return c.body(new Uint8Array(file.body), 200, {
      'Content-Type': file.type,
      'Cache-Control': 'public, max-age=86400',
    });
  });
