import { createRoute, z } from '@hono/zod-openapi';
import { resultBody, resultSchema, targetBody, targetSchema } from '../../../shared/schemas';
import { errors, jsonBody, jsonContent } from '../../lib/openapi';

const tags = ['Chỉ tiêu và kết quả'];
const keyParams = z.object({ unitId: z.string(), code: z.string(), period: z.string() });
const deleted = jsonContent(z.object({ deleted: z.literal(true) }), 'Đã xóa');

export const putTarget = createRoute({
  method: 'put',
  path: '/api/targets/{unitId}/{code}/{period}',
  tags,
  summary: 'Giao chỉ tiêu cho một đơn vị, một kỳ',
  description:
    'value: số nguyên với loại count; số có tối đa hai chữ số thập phân với percent và ratio (một tỷ lệ phần trăm); tên một mức với level. Có "version" thì chỉ ghi khi phiên bản đang lưu vẫn là version, nếu không trả 409 kèm giá trị hiện tại.',
  request: { params: keyParams, body: jsonBody(targetBody) },
  responses: {
    200: jsonContent(z.object({ target: targetSchema }), 'Chỉ tiêu đã lưu'),
    ...errors(400, 404, 409),
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
    'Với loại ratio gửi numerator và denominator; với các loại khác gửi value. Có "version" thì chỉ ghi khi phiên bản đang lưu vẫn là version, nếu không trả 409 kèm kết quả hiện tại trong "current".',
  request: { params: keyParams, body: jsonBody(resultBody) },
  responses: {
    200: jsonContent(z.object({ result: resultSchema }), 'Kết quả đã lưu'),
    ...errors(400, 404, 409),
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
  request: { query: z.object({ unit: z.string().optional(), period: z.string().optional() }) },
  responses: {
    200: jsonContent(
      z.object({ targets: z.array(targetSchema), results: z.array(resultSchema) }),
      'Số liệu đã nhập',
    ),
    ...errors(400, 404),
  },
});
