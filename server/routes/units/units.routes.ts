import { createRoute, z } from '@hono/zod-openapi';
import { createUnitBody, patchUnitBody, unitSchema } from '../../../shared/schemas/units';
import { deleted, errors, jsonBody, jsonContent } from '../../lib/openapi';

const tags = ['Đơn vị'];
const idParam = z.object({ id: z.string() });

export const list = createRoute({
  method: 'get',
  path: '/api/units',
  tags,
  summary: 'Cây đơn vị',
  responses: { 200: jsonContent(z.object({ units: z.array(unitSchema) }), 'Mọi đơn vị, cha trước con') },
});

export const create = createRoute({
  method: 'post',
  path: '/api/units',
  tags,
  summary: 'Thêm đơn vị',
  request: { body: jsonBody(createUnitBody) },
  responses: {
    201: jsonContent(z.object({ unit: unitSchema }), 'Đơn vị vừa thêm'),
    ...errors(400, 404),
  },
});

export const patch = createRoute({
  method: 'patch',
  path: '/api/units/{id}',
  tags,
  summary: 'Đổi tên, loại, thứ tự hoặc chuyển đơn vị sang cấp trên khác',
  request: { params: idParam, body: jsonBody(patchUnitBody) },
  responses: {
    200: jsonContent(z.object({ unit: unitSchema }), 'Đơn vị sau khi sửa'),
    ...errors(400, 404, 409),
  },
});

export const remove = createRoute({
  method: 'delete',
  path: '/api/units/{id}',
  tags,
  summary: 'Xóa đơn vị (không được khi còn đơn vị trực thuộc hoặc số liệu)',
  request: { params: idParam },
  responses: {
    200: deleted,
    ...errors(404, 409),
  },
});
