import { createRoute, z } from '@hono/zod-openapi';
import { createIndicatorBody, indicatorSchema, patchIndicatorBody } from '../../../shared/schemas/indicators';
import { errors, jsonBody, jsonContent } from '../../lib/openapi';

const tags = ['Chỉ tiêu'];

export const list = createRoute({
  method: 'get',
  path: '/api/indicators',
  tags,
  summary: 'Danh mục chỉ tiêu, theo thứ tự hiển thị',
  responses: { 200: jsonContent(z.object({ indicators: z.array(indicatorSchema) }), 'Các chỉ tiêu') },
});

export const create = createRoute({
  method: 'post',
  path: '/api/indicators',
  tags,
  summary: 'Thêm chỉ tiêu',
  description:
    'appliesTo: các loại đơn vị được nhập chỉ tiêu này (không có: mọi loại); nhập ở đơn vị loại khác bị từ chối 422. derived: {"countUnits": {"indicator", "atLeast", "kinds"}} với count hoặc ratio: kết quả tính tự động từ các đơn vị trực thuộc (mọi cấp, thuộc các loại kinds) có kết quả của chỉ tiêu xếp loại indicator từ mức atLeast trở lên; count là số đơn vị đó, ratio là số đó trên số đơn vị đã xếp loại. Chỉ tiêu không phải xếp loại, mức không có trong thang: 400 invalid_derived.',
  request: { body: jsonBody(createIndicatorBody) },
  responses: {
    201: jsonContent(z.object({ indicator: indicatorSchema }), 'Chỉ tiêu vừa thêm'),
    ...errors(400, 409),
  },
});

export const patch = createRoute({
  method: 'patch',
  path: '/api/indicators/{code}',
  tags,
  summary: 'Sửa chỉ tiêu (không đổi loại khi đã có số liệu)',
  description:
    'appliesTo và derived như khi thêm; null để bỏ. Không thu hẹp appliesTo khi đơn vị loại khác đã có số liệu, không chuyển sang tính tự động khi đã có kết quả nhập, không bỏ mức mà một chỉ tiêu tính tự động đang dùng (409).',
  request: { params: z.object({ code: z.string() }), body: jsonBody(patchIndicatorBody) },
  responses: {
    200: jsonContent(z.object({ indicator: indicatorSchema }), 'Chỉ tiêu sau khi sửa'),
    ...errors(400, 404, 409),
  },
});
