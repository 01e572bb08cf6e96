import { z } from '@hono/zod-openapi';
import { createIndicatorBody, indicatorSchema, patchIndicatorBody } from '../../../shared/schemas/indicators';
import { created, jsonBody, jsonContent, ok, routesUnder } from '../../lib/openapi';

const route = routesUnder('Chỉ tiêu');

export const list = route.get('/api/indicators', {
  summary: 'Danh mục chỉ tiêu, theo thứ tự hiển thị',
  responses: ok(jsonContent(z.object({ indicators: z.array(indicatorSchema) }), 'Các chỉ tiêu')),
});

export const create = route.post('/api/indicators', {
  summary: 'Thêm chỉ tiêu',
  description:
    'appliesTo: các loại đơn vị được nhập chỉ tiêu này (không có: mọi loại); nhập ở đơn vị loại khác bị từ chối 422. derived: {"countUnits": {"indicator", "atLeast", "kinds"}} với count hoặc ratio: kết quả tính tự động từ các đơn vị trực thuộc (mọi cấp, thuộc các loại kinds) có kết quả của chỉ tiêu xếp loại indicator từ mức atLeast trở lên; count là số đơn vị đó, ratio là số đó trên số đơn vị đã xếp loại. Chỉ tiêu không phải xếp loại, mức không có trong thang: 400 invalid_derived.',
  request: { body: jsonBody(createIndicatorBody) },
  responses: created(jsonContent(z.object({ indicator: indicatorSchema }), 'Chỉ tiêu vừa thêm'), 400, 409),
});

export const patch = route.patch('/api/indicators/{code}', {
  summary: 'Sửa chỉ tiêu (không đổi loại khi đã có số liệu)',
  description:
    'appliesTo và derived như khi thêm; null để bỏ. Không thu hẹp appliesTo khi đơn vị loại khác đã có số liệu, không chuyển sang tính tự động khi đã có kết quả nhập, không bỏ mức mà một chỉ tiêu tính tự động đang dùng (409).',
  request: { params: z.object({ code: z.string() }), body: jsonBody(patchIndicatorBody) },
  responses: ok(jsonContent(z.object({ indicator: indicatorSchema }), 'Chỉ tiêu sau khi sửa'), 400, 404, 409),
});
