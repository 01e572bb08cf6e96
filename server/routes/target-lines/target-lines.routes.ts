import { createRoute } from '@hono/zod-openapi';
import { errorSchema } from '../../../shared/schemas/common';
import { putTargetLinesBody, targetLinesSchema } from '../../../shared/schemas/target-lines';
import { errors, jsonBody, jsonContent, judgedQuery, unitPeriodParams } from '../../lib/openapi';

const tags = ['Chỉ tiêu chủ yếu'];

export const getTargetLines = createRoute({
  method: 'get',
  path: '/api/target-lines',
  tags,
  summary: 'Các chỉ tiêu chủ yếu của một đơn vị trong một kỳ, với đánh giá từng dòng',
  description:
    'Trạng thái của một dòng: missed nếu có phần Không đạt; not_yet nếu có phần Chưa đạt; no_data nếu có phần chưa có số liệu; exceeded nếu có phần Vượt; còn lại met. summary.share = achieved/total × 100, hai chữ số thập phân. Một phần ở các đơn vị trực thuộc (below) được đánh giá theo cùng quy tắc trên các đơn vị thuộc các loại đó đã được giao chỉ tiêu, kèm units: {achieved, total} và unitRows: từng đơn vị.',
  request: { query: judgedQuery },
  responses: { 200: jsonContent(targetLinesSchema, 'Các chỉ tiêu chủ yếu'), ...errors(400, 403, 404) },
});

export const putTargetLines = createRoute({
  method: 'put',
  path: '/api/target-lines/{unitId}/{period}',
  tags,
  summary: 'Ghi toàn bộ danh sách chỉ tiêu chủ yếu của một đơn vị trong một kỳ, theo thứ tự',
  description:
    'Thay cả danh sách; "lines": [] xóa hết. Mỗi dòng gắn "codes" (chỉ tiêu của chính đơn vị) và/hoặc "parts": [{"code", "below": ["doan_the"]}] (chỉ tiêu của các đơn vị trực thuộc thuộc các loại đó, mọi cấp); tổng cộng 1 đến 10. Có "version" (0 khi chưa có danh sách) thì chỉ ghi khi chưa ai sửa, nếu không trả 409 kèm danh sách hiện tại trong "current". Chỉ tiêu không áp dụng cho một loại trong "below": 422.',
  request: {
    params: unitPeriodParams,
    body: jsonBody(putTargetLinesBody),
  },
  responses: {
    200: jsonContent(targetLinesSchema, 'Danh sách đã lưu, với đánh giá'),
    409: jsonContent(errorSchema.extend({ current: targetLinesSchema }), 'Danh sách vừa được người khác sửa'),
    ...errors(400, 403, 404, 422, 423),
  },
});
