import { z } from '@hono/zod-openapi';
import { changeSchema } from '../../../shared/accounts';
import { jsonContent, ok, routesUnder } from '../../lib/openapi';

const route = routesUnder('Lịch sử');

export const list = route.get('/api/history', {
  summary: 'Lịch sử thay đổi của một đơn vị, mới nhất trước',
  description:
    'Mọi thay đổi chỉ tiêu, kết quả, chỉ tiêu chủ yếu, khóa kỳ, đơn vị và vai trò: ai, lúc nào, trước và sau. Lọc thêm theo mã chỉ tiêu (code) và kỳ (period).',
  request: {
    query: z.object({
      unit: z.string().optional(),
      code: z.string().optional(),
      period: z.string().optional(),
    }),
  },
  responses: ok(
    jsonContent(z.object({ changes: z.array(changeSchema) }), 'Các thay đổi'),
    400,
    401,
    403,
    404,
  ),
});
