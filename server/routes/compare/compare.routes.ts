import { createRoute, z } from '@hono/zod-openapi';
import {
  compareOverviewSchema,
  comparePeriodsSchema,
  compareUnitsSchema,
} from '../../../shared/schemas/compare';
import { asOfParam, errors, jsonContent } from '../../lib/openapi';

const tags = ['So sánh'];
const periods = z
  .string()
  .optional()
  .describe('Các mã kỳ, cách nhau bởi dấu phẩy, theo thứ tự muốn xem (tối đa 20)');

export const comparePeriods = createRoute({
  method: 'get',
  path: '/api/compare/periods',
  tags,
  summary: 'Một chỉ tiêu của một đơn vị qua nhiều kỳ, với mức thay đổi so với kỳ trước',
  description:
    'change: chênh lệch kết quả so với dòng trước (điểm phần trăm với percent và ratio, số bậc với level); null ở dòng đầu hoặc khi thiếu một trong hai kết quả.',
  request: {
    query: z.object({ unit: z.string().optional(), code: z.string().optional(), periods, asOf: asOfParam }),
  },
  responses: { 200: jsonContent(comparePeriodsSchema, 'Một dòng cho mỗi kỳ'), ...errors(400, 403, 404) },
});

export const compareOverview = createRoute({
  method: 'get',
  path: '/api/compare/periods/all',
  tags,
  summary: 'Mọi chỉ tiêu của một đơn vị qua nhiều kỳ: đánh giá từng ô',
  request: { query: z.object({ unit: z.string().optional(), periods, asOf: asOfParam }) },
  responses: { 200: jsonContent(compareOverviewSchema, 'Chỉ tiêu theo kỳ'), ...errors(400, 403, 404) },
});

export const compareUnits = createRoute({
  method: 'get',
  path: '/api/compare/units',
  tags,
  summary: 'Bảng so sánh các đơn vị trực thuộc trong một kỳ: đơn vị theo chỉ tiêu',
  description:
    'Các chỉ tiêu có chỉ tiêu giao hoặc kết quả ở ít nhất một đơn vị trực thuộc, theo thứ tự danh mục.',
  request: {
    query: z.object({ parent: z.string().optional(), period: z.string().optional(), asOf: asOfParam }),
  },
  responses: {
    200: jsonContent(compareUnitsSchema, 'Một dòng cho mỗi đơn vị trực thuộc'),
    ...errors(400, 403, 404),
  },
});
