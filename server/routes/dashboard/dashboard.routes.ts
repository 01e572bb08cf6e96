import { z } from '@hono/zod-openapi';
import { dashboardSchema, dashboardUnitsSchema } from '../../../shared/schemas/dashboard';
import { asOfParam, jsonContent, judgedQuery, ok, routesUnder } from '../../lib/openapi';

const route = routesUnder('Bảng điều khiển');

export const dashboard = route.get('/api/dashboard', {
  summary: 'Chỉ tiêu và kết quả của một đơn vị trong một kỳ, với đánh giá',
  description:
    'Một dòng cho mỗi chỉ tiêu có chỉ tiêu giao hoặc kết quả; indicator có timeAggregate và derived như danh mục, để nói kết quả lấy từ đâu. result.source: entered (nhập), units (tổng hợp từ đơn vị, kèm coverage chỉ đếm các đơn vị mà chỉ tiêu áp dụng), periods (từ các kỳ bên trong), derived (đếm các đơn vị trực thuộc theo xếp loại, coverage: số đơn vị đã xếp loại trên tổng số). target có change và base với chỉ tiêu tăng, giảm so với năm trước; from với năm nhận chỉ tiêu "hằng năm" của nhiệm kỳ; chỉ tiêu so với năm trước chưa có cơ sở thì target null và pendingTarget nói lý do. Nhiệm kỳ có chỉ tiêu hằng năm: status theo các năm, kèm years. summary.lines: số chỉ tiêu chủ yếu đạt và vượt, như GET /api/target-lines; null khi không có chỉ tiêu chủ yếu.',
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
