import { createRoute, z } from '@hono/zod-openapi';
import { reportSchema } from '../../../shared/schemas/report';
import { errors, unitPeriodQuery } from '../../lib/openapi';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const getReport = createRoute({
  method: 'get',
  path: '/api/report',
  tags: ['Báo cáo'],
  summary: 'Báo cáo "Kết quả thực hiện các chỉ tiêu chủ yếu" của một đơn vị trong một kỳ',
  description:
    'format=text (mặc định): văn bản thuần — tiêu đề, mỗi chỉ tiêu chủ yếu một dòng bắt đầu bằng "- " với đánh giá và số liệu (một phần ở các đơn vị trực thuộc ghi "N/M <loại đơn vị> đạt và vượt" và từng đơn vị); khi đơn vị có chỉ tiêu chủ yếu, phần kết gồm "Có N/M chỉ tiêu cụ thể đạt và vượt (P%)." (các chỉ tiêu riêng lẻ, như bảng điều khiển) rồi dòng cuối "Có N/M chỉ tiêu chủ yếu đạt và vượt (P%)."; khi không có, dòng cuối "Có N/M chỉ tiêu đạt và vượt (P%)."; format=json: cấu trúc; format=xlsx: bảng tính (TT, Chỉ tiêu, ĐVT, Kế hoạch, Thực hiện, Tỷ lệ so với kế hoạch, Đánh giá). Với 6 tháng hoặc quý chưa có chỉ tiêu chủ yếu riêng: theo chỉ tiêu chủ yếu của năm, lũy kế so với kế hoạch năm và tiến độ.',
  request: {
    query: unitPeriodQuery.extend({
      format: z.string().optional().describe('text | json | xlsx'),
      asOf: z.string().optional().describe('Ngày tính, YYYY-MM-DD; mặc định hôm nay'),
    }),
  },
  responses: {
    200: {
      description: 'Báo cáo',
      content: {
        'text/plain': { schema: z.string() },
        'application/json': { schema: reportSchema },
        [XLSX_TYPE]: { schema: z.string().describe('Tệp .xlsx') },
      },
    },
    ...errors(400, 403, 404),
  },
});
