import { z } from '@hono/zod-openapi';
import { lockBody, lockSchema, unlockBody } from '../../../shared/accounts';
import { jsonBody, jsonContent, ok, routesUnder, unitPeriodParams } from '../../lib/openapi';

const route = routesUnder('Khóa kỳ');

export const list = route.get('/api/locks', {
  summary: 'Các kỳ đã khóa áp dụng cho một đơn vị',
  description: 'Khóa trên chính đơn vị, trên các đơn vị cấp trên, và trên các đơn vị trực thuộc.',
  request: { query: z.object({ unit: z.string().optional() }) },
  responses: ok(jsonContent(z.object({ locks: z.array(lockSchema) }), 'Danh sách'), 400, 401, 403, 404),
});

export const lock = route.put('/api/locks/{unitId}/{period}', {
  summary: 'Khóa một kỳ của đơn vị sau hội nghị đánh giá',
  description:
    'Khóa số liệu của kỳ đó và các kỳ nằm trong nó, cho đơn vị và mọi đơn vị trực thuộc. Ghi vào số liệu đã khóa trả 423 period_locked. Cần quyền cấp ủy (committee) hoặc quản trị.',
  request: { params: unitPeriodParams, body: jsonBody(lockBody, false) },
  responses: ok(jsonContent(z.object({ lock: lockSchema }), 'Đã khóa'), 400, 401, 403, 404),
});

export const unlock = route.delete('/api/locks/{unitId}/{period}', {
  summary: 'Mở khóa một kỳ, có ghi lý do',
  description: 'Cần quyền cấp ủy của đơn vị cấp trên, hoặc quản trị. Lý do được ghi vào lịch sử.',
  request: { params: unitPeriodParams, body: jsonBody(unlockBody) },
  responses: ok(jsonContent(z.object({ unlocked: z.literal(true) }), 'Đã mở khóa'), 400, 401, 403, 404),
});
