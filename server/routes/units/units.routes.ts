import { z } from '@hono/zod-openapi';
import { createUnitBody, patchUnitBody, unitSchema } from '../../../shared/schemas/units';
import { created, deleted, jsonBody, jsonContent, ok, routesUnder } from '../../lib/openapi';

const route = routesUnder('Đơn vị');
const idParam = z.object({ id: z.string() });

export const list = route.get('/api/units', {
  summary: 'Cây đơn vị',
  responses: ok(jsonContent(z.object({ units: z.array(unitSchema) }), 'Mọi đơn vị, cha trước con')),
});

export const create = route.post('/api/units', {
  summary: 'Thêm đơn vị',
  request: { body: jsonBody(createUnitBody) },
  responses: created(jsonContent(z.object({ unit: unitSchema }), 'Đơn vị vừa thêm'), 400, 404),
});

export const patch = route.patch('/api/units/{id}', {
  summary: 'Đổi tên, loại, thứ tự hoặc chuyển đơn vị sang cấp trên khác',
  request: { params: idParam, body: jsonBody(patchUnitBody) },
  responses: ok(jsonContent(z.object({ unit: unitSchema }), 'Đơn vị sau khi sửa'), 400, 404, 409),
});

export const remove = route.delete('/api/units/{id}', {
  summary: 'Xóa đơn vị (không được khi còn đơn vị trực thuộc hoặc số liệu)',
  request: { params: idParam },
  responses: ok(deleted, 404, 409),
});
