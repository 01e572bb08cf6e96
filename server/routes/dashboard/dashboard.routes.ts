import { createRoute, z } from '@hono/zod-openapi';
import { dashboardSchema, dashboardUnitsSchema } from '../../../shared/schemas/dashboard';
import { asOfParam, errors, jsonContent, judgedQuery } from '../../lib/openapi';

const tags = ['Bảng điều khiển'];

export const dashboard = createRoute({
  method: 'get',
  path: '/api/dashboard',
  tags,
  summary: 'Chỉ tiêu và kết quả của một đơn vị trong một kỳ, với đánh giá',
  request: { query: judgedQuery },
  responses: { 200: jsonContent(dashboardSchema, 'Bảng chỉ tiêu của đơn vị'), ...errors(400, 404) },
});

export const dashboardUnits = createRoute({
  method: 'get',
  path: '/api/dashboard/units',
  tags,
  summary: 'Chỉ tiêu và kết quả của từng đơn vị trực thuộc, cho một chỉ tiêu: dữ liệu của biểu đồ',
  request: {
    query: z.object({
      parent: z.string().optional(),
      code: z.string().optional(),
      period: z.string().optional(),
      asOf: asOfParam,
    }),
  },
  responses: {
    200: jsonContent(dashboardUnitsSchema, 'Một dòng cho mỗi đơn vị trực thuộc'),
    ...errors(400, 404),
  },
});
