import { z } from '@hono/zod-openapi';
import { createIndicatorBody, indicatorSchema, patchIndicatorBody } from '../../../shared/schemas/indicators';
import { created, jsonBody, jsonContent, ok, routesUnder } from '../../lib/openapi';

const route = routesUnder('Chỉ tiêu');

export const list = route.get('/api/indicators', {
  summary: 'Danh mục chỉ tiêu, theo thứ tự hiển thị',
  responses: ok(jsonContent(z.object({ indicators: z.array(indicatorSchema) }), 'Các chỉ tiêu')),
});

export const create = route.post('/api/indicators', {
  summary: 'Thêm chỉ tiêu',
  request: { body: jsonBody(createIndicatorBody) },
  responses: created(jsonContent(z.object({ indicator: indicatorSchema }), 'Chỉ tiêu vừa thêm'), 400, 409),
});

export const patch = route.patch('/api/indicators/{code}', {
  summary: 'Sửa chỉ tiêu (không đổi loại khi đã có số liệu)',
  request: { params: z.object({ code: z.string() }), body: jsonBody(patchIndicatorBody) },
  responses: ok(jsonContent(z.object({ indicator: indicatorSchema }), 'Chỉ tiêu sau khi sửa'), 400, 404, 409),
});
