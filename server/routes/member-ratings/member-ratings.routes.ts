import { z } from '@hono/zod-openapi';
import { memberRatingBody, memberRatingSchema } from '../../../shared/ratings';
import { errorSchema } from '../../../shared/schemas/common';
import { resultSchema } from '../../../shared/schemas/values';
import {
  errors,
  jsonBody,
  jsonContent,
  ok,
  routesUnder,
  unitPeriodParams,
  unitPeriodQuery,
} from '../../lib/openapi';

const route = routesUnder('Xếp loại đảng viên');

const share = z.object({
  code: z.string().nullable(),
  numerator: z.number(),
  denominator: z.number(),
  display: z.string(),
});

export const memberRatingAnswer = z.object({
  rating: memberRatingSchema.nullable(),
  /** The two ratio results that follow, and the indicators they are written to (null: none bound). */
  shares: z.object({ good_or_better: share, excellent: share }).nullable(),
  results: z.array(resultSchema),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});

export const getMemberRating = route.get('/api/member-ratings', {
  summary: 'Kết quả xếp loại đảng viên của một đơn vị trong một kỳ',
  request: { query: unitPeriodQuery },
  responses: ok(jsonContent(memberRatingAnswer, 'Số đảng viên theo từng mức'), 400, 403, 404),
});

export const putMemberRating = route.put('/api/member-ratings/{unitId}/{period}', {
  summary: 'Báo cáo số đảng viên theo bốn mức xếp loại; ghi luôn hai tỷ lệ kết quả',
  description:
    'excellent, good, complete, notComplete: số đảng viên Hoàn thành xuất sắc, Hoàn thành tốt, Hoàn thành, Không hoàn thành nhiệm vụ. Ghi kết quả của các chỉ tiêu tỷ lệ có memberRating good_or_better (tử số excellent + good) và excellent (tử số excellent), mẫu số là tổng. Vượt trần 20% (25% khi outstanding) số hoàn thành tốt trở lên thì vẫn lưu, kèm cảnh báo trong "warnings". Có "version" (0 khi chưa có) thì chỉ ghi khi chưa ai sửa.',
  request: {
    params: unitPeriodParams,
    body: jsonBody(memberRatingBody),
  },
  responses: {
    200: jsonContent(memberRatingAnswer, 'Đã lưu'),
    409: jsonContent(
      errorSchema.extend({ current: memberRatingSchema.nullable() }),
      'Vừa được người khác sửa',
    ),
    ...errors(400, 403, 404, 423),
  },
});
