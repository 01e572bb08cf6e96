import { z } from '@hono/zod-openapi';
import { reportSchema } from '../../../shared/schemas/report';
import { putReportSettingsBody, reportSettingsSchema } from '../../../shared/schemas/report-settings';
import { jsonBody, jsonContent, ok, routesUnder, unitPeriodQuery } from '../../lib/openapi';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const route = routesUnder('Báo cáo');

export const getReport = route.get('/api/report', {
  summary: 'Báo cáo "Kết quả thực hiện các chỉ tiêu chủ yếu" của một đơn vị trong một kỳ',
  description:
    'format=text (mặc định): văn bản thuần — tiêu đề, mỗi chỉ tiêu chủ yếu một dòng bắt đầu bằng "- " với đánh giá và số liệu (một phần ở các đơn vị trực thuộc ghi "N/M <loại đơn vị> đạt và vượt" và từng đơn vị); các kết quả không có chỉ tiêu dưới "Các kết quả khác:", mỗi kết quả một dòng bắt đầu bằng "+ "; khi đơn vị có chỉ tiêu chủ yếu, phần kết gồm "Có N/M chỉ tiêu cụ thể đạt và vượt (P%)." (các chỉ tiêu riêng lẻ, như bảng điều khiển) rồi dòng cuối "Có N/M chỉ tiêu chủ yếu đạt và vượt (P%)."; khi không có, dòng cuối "Có N/M chỉ tiêu đạt và vượt (P%)."; kỳ không có gì: một câu. Kỳ đang diễn ra (nhiệm kỳ giữa chừng): lũy kế và tiến độ so với thời gian đã qua. format=json: cấu trúc; format=xlsx: bảng tính (TT, Chỉ tiêu, ĐVT, Kế hoạch, Thực hiện, Tỷ lệ so với kế hoạch, Đánh giá); format=docx: văn bản Word theo thể thức Hướng dẫn 36-HD/VPTW (tiêu đề cấp ủy, số, "ĐẢNG CỘNG SẢN VIỆT NAM", địa danh và ngày, "BÁO CÁO", nội dung, nơi nhận, chữ ký) với thông tin văn bản của đơn vị; kỳ không có chỉ tiêu, kết quả nào → 422 empty_report. Với 6 tháng hoặc quý chưa có chỉ tiêu chủ yếu riêng: theo chỉ tiêu chủ yếu của năm, lũy kế so với kế hoạch năm và tiến độ.',
  request: {
    query: unitPeriodQuery.extend({
      format: z.string().optional().describe('text | json | xlsx | docx'),
      asOf: z.string().optional().describe('Ngày tính, YYYY-MM-DD; mặc định hôm nay'),
      date: z.string().optional().describe('format=docx: ngày ban hành, YYYY-MM-DD; mặc định hôm nay'),
    }),
  },
  responses: ok(
    {
      description: 'Báo cáo',
      content: {
        'text/plain': { schema: z.string() },
        'application/json': { schema: reportSchema },
        [XLSX_TYPE]: { schema: z.string().describe('Tệp .xlsx') },
        [DOCX_TYPE]: { schema: z.string().describe('Tệp .docx') },
      },
    },
    400,
    403,
    404,
    422,
  ),
});

const idParam = z.object({ id: z.string() });

export const getReportSettings = route.get('/api/units/{id}/report-settings', {
  summary: 'Thông tin văn bản báo cáo của đơn vị (tên cấp ủy, số, địa danh, người ký, nơi nhận)',
  request: { params: idParam },
  responses: ok(jsonContent(reportSettingsSchema, 'Thông tin đã lưu, hoặc mặc định'), 403, 404),
});

export const putReportSettings = route.put('/api/units/{id}/report-settings', {
  summary: 'Lưu thông tin văn bản báo cáo của đơn vị (cấp ủy của đơn vị hoặc cấp trên)',
  request: { params: idParam, body: jsonBody(putReportSettingsBody) },
  responses: ok(jsonContent(reportSettingsSchema, 'Thông tin sau khi lưu'), 400, 403, 404, 409),
});
