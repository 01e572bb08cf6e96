import { createRoute, z } from '@hono/zod-openapi';
import { jsonContent } from '../../lib/openapi';
import { createRouter } from '../../lib/router';

const health = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['Hệ thống'],
  summary: 'Máy chủ đang chạy',
  responses: { 200: jsonContent(z.object({ ok: z.literal(true) }), 'Máy chủ đang chạy') },
});

export const healthRouter = createRouter().openapi(health, (c) => c.json({ ok: true as const }, 200));
