import { createRoute, z } from '@hono/zod-openapi';
import { createIndicatorBody, indicatorSchema, patchIndicatorBody } from '../../../shared/schemas/indicators';
import { errors, jsonBody, jsonContent } from '../../lib/openapi';

const tags = ['Chỉ tiêu'];

export const list = createRoute({
  method: 'get',
  path: '/api/indicators',
  tags,
  summary: 'Danh mục chỉ tiêu, theo thứ tự hiển thị',
  responses: { 200: jsonContent(z.object({ indicators: z.array(indicatorSchema) }), 'Các chỉ tiêu') },
});

export const create = createRoute({
  method: 'post',
  path: '/api/indicators',
  tags,
  summary: 'Thêm chỉ tiêu',
  request: { body: jsonBody(createIndicatorBody) },
  responses: {
    201: jsonContent(z.object({ indicator: indicatorSchema }), 'Chỉ tiêu vừa thêm'),
    ...errors(400, 409),
  },
});

export const patch = createRoute({
  method: 'patch',
  path: '/api/indicators/{code}',
  tags,
  summary: 'Sửa chỉ tiêu (không đổi loại khi đã có số liệu)',
  request: { params: z.object({ code: z.string() }), body: jsonBody(patchIndicatorBody) },
  responses: {
    200: jsonContent(z.object({ indicator: indicatorSchema }), 'Chỉ tiêu sau khi sửa'),
    ...errors(400, 404, 409),
  },
});
