import { z } from '@hono/zod-openapi';
import {
  compareOverviewSchema,
  comparePeriodsSchema,
  compareUnitsSchema,
} from '../../../shared/schemas/compare';
import { asOfParam, jsonContent, ok, routesUnder } from '../../lib/openapi';

const route = routesUnder('So sánh');
const periods = z
  .string()
  .optional()
  .describe('Các mã kỳ, cách nhau bởi dấu phẩy, theo thứ tự muốn xem (tối đa 20)');

export const comparePeriods = route.get('/api/compare/periods', {
  summary: 'Một chỉ tiêu của một đơn vị qua nhiều kỳ, với mức thay đổi so với kỳ trước',
  description:
    'change: chênh lệch kết quả so với dòng trước (điểm phần trăm với percent và ratio, số bậc với level); null ở dòng đầu hoặc khi thiếu một trong hai kết quả.',
  request: {
    query: z.object({ unit: z.string().optional(), code: z.string().optional(), periods, asOf: asOfParam }),
  },
  responses: ok(jsonContent(comparePeriodsSchema, 'Một dòng cho mỗi kỳ'), 400, 403, 404),
});

export const compareOverview = route.get('/api/compare/periods/all', {
  summary: 'Mọi chỉ tiêu của một đơn vị qua nhiều kỳ: đánh giá từng ô',
  request: { query: z.object({ unit: z.string().optional(), periods, asOf: asOfParam }) },
  responses: ok(jsonContent(compareOverviewSchema, 'Chỉ tiêu theo kỳ'), 400, 403, 404),
});

export const compareUnits = route.get('/api/compare/units', {
  summary: 'Bảng so sánh các đơn vị trực thuộc trong một kỳ: đơn vị theo chỉ tiêu',
  description:
    'Các chỉ tiêu có chỉ tiêu giao hoặc kết quả ở ít nhất một đơn vị trực thuộc, theo thứ tự danh mục.',
  request: {
    query: z.object({ parent: z.string().optional(), period: z.string().optional(), asOf: asOfParam }),
  },
  responses: ok(jsonContent(compareUnitsSchema, 'Một dòng cho mỗi đơn vị trực thuộc'), 400, 403, 404),
});
