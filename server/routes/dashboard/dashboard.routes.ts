import { z } from '@hono/zod-openapi';
import { dashboardSchema, dashboardUnitsSchema } from '../../../shared/schemas/dashboard';
import { asOfParam, jsonContent, judgedQuery, ok, routesUnder } from '../../lib/openapi';

const route = routesUnder('Bảng điều khiển');

export const dashboard = route.get('/api/dashboard', {
  summary: 'Chỉ tiêu và kết quả của một đơn vị trong một kỳ, với đánh giá',
  request: { query: judgedQuery },
  responses: ok(jsonContent(dashboardSchema, 'Bảng chỉ tiêu của đơn vị'), 400, 404),
});

export const dashboardUnits = route.get('/api/dashboard/units', {
  summary: 'Chỉ tiêu và kết quả của từng đơn vị trực thuộc, cho một chỉ tiêu: dữ liệu của biểu đồ',
  request: {
    query: z.object({
      parent: z.string().optional(),
      code: z.string().optional(),
      period: z.string().optional(),
      asOf: asOfParam,
    }),
  },
  responses: ok(jsonContent(dashboardUnitsSchema, 'Một dòng cho mỗi đơn vị trực thuộc'), 400, 404),
});
