import { createRoute, z } from '@hono/zod-openapi';
import { errorSchema, itemProblemSchema } from '../../../shared/schemas/common';
import {
  resultBody,
  resultSchema,
  targetBody,
  targetSchema,
  targetsBelowBody,
  targetsBelowResponse,
  valuesBatchBody,
  valuesBatchResponse,
} from '../../../shared/schemas/values';
import { deleted, errors, jsonBody, jsonContent, unitPeriodQuery } from '../../lib/openapi';

const tags = ['Chỉ tiêu và kết quả'];
const keyParams = z.object({ unitId: z.string(), code: z.string(), period: z.string() });

export const putTarget = createRoute({
  method: 'put',
  path: '/api/targets/{unitId}/{code}/{period}',
  tags,
  summary: 'Giao chỉ tiêu cho một đơn vị, một kỳ',
  description:
    'value: số nguyên với loại count; số có tối đa hai chữ số thập phân với percent và ratio (một tỷ lệ phần trăm); tên một mức với level. Hoặc change: {"percent": P} hay {"amount": A} (có dấu) — chỉ tiêu tăng, giảm so với kết quả cùng kỳ năm trước của chính đơn vị: target.value được tính (count làm tròn lên khi càng cao càng tốt, xuống khi càng thấp càng tốt; tỷ lệ làm tròn nửa lên hai chữ số), null kèm reason khi năm trước chưa có kết quả; target có change và base. Không dùng change với level (400). Với một nhiệm kỳ, "eachYear": true: giá trị cũng là chỉ tiêu của mỗi năm trong nhiệm kỳ chưa có chỉ tiêu riêng. Có "version" thì chỉ ghi khi phiên bản đang lưu vẫn là version, nếu không trả 409 kèm giá trị hiện tại. Đơn vị thuộc loại mà chỉ tiêu không áp dụng: 422.',
  request: { params: keyParams, body: jsonBody(targetBody) },
  responses: {
    200: jsonContent(z.object({ target: targetSchema }), 'Chỉ tiêu đã lưu'),
    ...errors(400, 404, 409, 422),
  },
});

export const deleteTarget = createRoute({
  method: 'delete',
  path: '/api/targets/{unitId}/{code}/{period}',
  tags,
  summary: 'Xóa chỉ tiêu đã giao',
  request: { params: keyParams },
  responses: { 200: deleted, ...errors(400, 404) },
});

export const putResult = createRoute({
  method: 'put',
  path: '/api/results/{unitId}/{code}/{period}',
  tags,
  summary: 'Báo cáo kết quả thực hiện',
  description:
    'Với loại ratio gửi numerator và denominator; với các loại khác gửi value. Có "version" thì chỉ ghi khi phiên bản đang lưu vẫn là version, nếu không trả 409 kèm kết quả hiện tại trong "current". Chỉ tiêu tính tự động (derived) không nhận kết quả nhập tay: 409 derived_result. Đơn vị thuộc loại mà chỉ tiêu không áp dụng (appliesTo): 422 not_applicable.',
  request: { params: keyParams, body: jsonBody(resultBody) },
  responses: {
    200: jsonContent(z.object({ result: resultSchema }), 'Kết quả đã lưu'),
    ...errors(400, 404, 409, 422),
  },
});

export const deleteResult = createRoute({
  method: 'delete',
  path: '/api/results/{unitId}/{code}/{period}',
  tags,
  summary: 'Xóa kết quả đã báo cáo',
  request: { params: keyParams },
  responses: { 200: deleted, ...errors(400, 404) },
});

export const listValues = createRoute({
  method: 'get',
  path: '/api/values',
  tags,
  summary: 'Mọi chỉ tiêu và kết quả đã nhập của một đơn vị trong một kỳ',
  request: { query: unitPeriodQuery },
  responses: {
    200: jsonContent(
      z.object({ targets: z.array(targetSchema), results: z.array(resultSchema) }),
      'Số liệu đã nhập',
    ),
    ...errors(400, 404),
  },
});

export const batchValues = createRoute({
  method: 'post',
  path: '/api/values/batch',
  tags,
  summary: 'Lưu nhiều chỉ tiêu và kết quả trong một giao dịch',
  description:
    'Mỗi phần tử của "targets" và "results" có unitId, code, period và giá trị như các đường dẫn PUT tương ứng, hoặc "remove": true để xóa; "version" (0 nghĩa là chưa có) để chỉ ghi khi chưa ai sửa. Một phần tử sai, ngoài quyền, thuộc kỳ đã khóa hay lệch phiên bản thì không phần tử nào được ghi; "errors" (400) hoặc "conflicts" (409) chỉ ra từng phần tử.',
  request: { body: jsonBody(valuesBatchBody) },
  responses: {
    200: jsonContent(valuesBatchResponse, 'Đã lưu tất cả'),
    400: jsonContent(
      errorSchema.extend({ errors: z.array(itemProblemSchema).optional() }),
      'Có phần tử không hợp lệ; không phần tử nào được ghi',
    ),
    409: jsonContent(
      errorSchema.extend({
        errors: z.array(itemProblemSchema),
        conflicts: z.array(z.object({ list: z.string(), index: z.number(), current: z.unknown() })),
      }),
      'Có giá trị vừa được người khác sửa; không phần tử nào được ghi',
    ),
    ...errors(403, 422, 423),
  },
});

export const targetsBelow = createRoute({
  method: 'post',
  path: '/api/targets/below',
  tags,
  summary: 'Giao cùng một chỉ tiêu cho từng đơn vị trực thuộc thuộc các loại đã chọn',
  description:
    'Mỗi đơn vị thuộc một trong các loại "kinds" ở dưới unitId (mọi cấp) nhận chỉ tiêu "value" làm chỉ tiêu của chính mình, trong một giao dịch, ghi vào lịch sử như mọi chỉ tiêu. Đơn vị đã có chỉ tiêu thì giữ nguyên ("kept"), trừ khi "replace": true. Một đơn vị ngoài quyền (403) hay kỳ đã khóa (423) thì không đơn vị nào được ghi; chỉ tiêu không áp dụng cho một loại đã chọn: 422. Có ?dryRun=1 thì chỉ trả lời sẽ ghi gì, không ghi.',
  request: {
    query: z.object({ dryRun: z.string().optional().describe('1: chỉ xem trước, không ghi') }),
    body: jsonBody(targetsBelowBody),
  },
  responses: {
    200: jsonContent(targetsBelowResponse, 'Số đơn vị được giao và số đơn vị giữ chỉ tiêu riêng'),
    ...errors(400, 403, 404, 422, 423),
  },
});
