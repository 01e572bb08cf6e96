import { createRoute, z } from '@hono/zod-openapi';
import { lockBody, lockSchema, unlockBody } from '../../../shared/accounts';
import { errors, jsonContent, unitPeriodParams } from '../../lib/openapi';

const tags = ['Khóa kỳ'];

export const list = createRoute({
  method: 'get',
  path: '/api/locks',
  tags,
  summary: 'Các kỳ đã khóa áp dụng cho một đơn vị',
  description: 'Khóa trên chính đơn vị, trên các đơn vị cấp trên, và trên các đơn vị trực thuộc.',
  request: { query: z.object({ unit: z.string().optional() }) },
  responses: {
    200: jsonContent(z.object({ locks: z.array(lockSchema) }), 'Danh sách'),
    ...errors(400, 401, 403, 404),
  },
});

export const lock = createRoute({
  method: 'put',
  path: '/api/locks/{unitId}/{period}',
  tags,
  summary: 'Khóa một kỳ của đơn vị sau hội nghị đánh giá',
  description:
    'Khóa số liệu của kỳ đó và các kỳ nằm trong nó, cho đơn vị và mọi đơn vị trực thuộc. Ghi vào số liệu đã khóa trả 423 period_locked. Cần quyền cấp ủy (committee) hoặc quản trị.',
  request: {
    params: unitPeriodParams,
    body: { content: { 'application/json': { schema: lockBody } }, required: false },
  },
  responses: {
    200: jsonContent(z.object({ lock: lockSchema }), 'Đã khóa'),
    ...errors(400, 401, 403, 404),
  },
});

export const unlock = createRoute({
  method: 'delete',
  path: '/api/locks/{unitId}/{period}',
  tags,
  summary: 'Mở khóa một kỳ, có ghi lý do',
  description: 'Cần quyền cấp ủy của đơn vị cấp trên, hoặc quản trị. Lý do được ghi vào lịch sử.',
  request: {
    params: unitPeriodParams,
    body: { content: { 'application/json': { schema: unlockBody } }, required: true },
  },
  responses: {
    200: jsonContent(z.object({ unlocked: z.literal(true) }), 'Đã mở khóa'),
    ...errors(400, 401, 403, 404),
  },
});
