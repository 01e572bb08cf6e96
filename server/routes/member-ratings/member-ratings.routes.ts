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
  /** The unit's own report (source entered), else the sum of its units' (source units), else null. */
  rating: memberRatingSchema.nullable(),
  /** The two ratio results that follow, and the indicators they are written to (null: none bound). */
  shares: z.object({ good_or_better: share, excellent: share }).nullable(),
  /** Whether those rated excellent pass the cap (20%, 25% when outstanding) of those rated good or better. */
  capExceeded: z.boolean(),
  results: z.array(resultSchema),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  /** GET: each unit directly below, with its ratings found the same way. */
  units: z
    .array(
      z.object({
        unit: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
        rating: memberRatingSchema.nullable(),
        capExceeded: z.boolean(),
      }),
    )
    .optional(),
});

export const getMemberRating = route.get('/api/member-ratings', {
  summary: 'Kết quả xếp loại đảng viên của một đơn vị trong một kỳ',
  description:
    'rating: báo cáo của chính đơn vị (source entered); đơn vị chưa báo cáo mà các đơn vị trực thuộc đã báo cáo thì là tổng của các đơn vị đó (source units, coverage: số đơn vị đã báo cáo trên số đơn vị có xếp loại đảng viên). capExceeded: số hoàn thành xuất sắc vượt 20% (25% với đơn vị có thành tích nổi bật) số hoàn thành tốt trở lên, xét ở mọi cấp. units: từng đơn vị trực thuộc với xếp loại của nó.',
  request: { query: unitPeriodQuery },
  responses: ok(jsonContent(memberRatingAnswer, 'Số đảng viên theo từng mức'), 400, 403, 404),
});

export const putMemberRating = route.put('/api/member-ratings/{unitId}/{period}', {
  summary: 'Báo cáo số đảng viên theo bốn mức xếp loại; ghi luôn hai tỷ lệ kết quả',
  description:
    'excellent, good, complete, notComplete: số đảng viên Hoàn thành xuất sắc, Hoàn thành tốt, Hoàn thành, Không hoàn thành nhiệm vụ; unrated (không bắt buộc): số đảng viên chưa xếp loại năm nay, không tính vào mẫu số của hai tỷ lệ. Ghi kết quả của các chỉ tiêu tỷ lệ có memberRating good_or_better (tử số excellent + good) và excellent (tử số excellent), mẫu số là tổng. Vượt trần 20% (25% khi outstanding) số hoàn thành tốt trở lên thì vẫn lưu, kèm cảnh báo trong "warnings". Có "version" (0 khi chưa có) thì chỉ ghi khi chưa ai sửa.',
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
    ...errors(400, 403, 404, 422, 423),
  },
});
