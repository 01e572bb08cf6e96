import { z } from 'zod';
import { requiredText } from '../zod-vi';
import { periodSchema, statusSchema, versionSchema as version } from './common';
import { dashboardRowSchema, dashboardUnitRowSchema } from './dashboard';
import { indicatorCodeSchema, unitKindsSchema } from './indicators';

// Target lines (docs/api.md; GET /api/docs): the ordered "chỉ tiêu chủ yếu" of a unit and period.

/**
 * A part of a line judged at the units below of some kinds, rather than at the line's own unit
 * ("lãnh đạo các đoàn thể đạt vững mạnh"): docs/rules.md, "One target for each unit below".
 */
export const targetLinePartInput = z.strictObject(
  {
    code: indicatorCodeSchema,
    below: unitKindsSchema('Các loại đơn vị trực thuộc (below)'),
  },
  { error: 'Mỗi phần (parts) có dạng {"code": mã chỉ tiêu, "below": ["doan_the"]}.' },
);

const MAX_BOUND = 10;

export const targetLineInput = z
  .strictObject({
    text: requiredText('Nội dung chỉ tiêu chủ yếu', 1000, {
      lines: true,
      notText: 'Nội dung chỉ tiêu chủ yếu phải là một câu chữ.',
    }),
    codes: z
      .array(indicatorCodeSchema, { error: 'Mỗi chỉ tiêu chủ yếu cần danh sách mã chỉ tiêu (codes).' })
      .max(MAX_BOUND, { error: 'Mỗi chỉ tiêu chủ yếu gắn với nhiều nhất 10 chỉ tiêu.' })
      .refine((c) => new Set(c).size === c.length, {
        error: 'Một chỉ tiêu chủ yếu không gắn trùng một mã chỉ tiêu.',
      })
      .default([]),
    parts: z
      .array(targetLinePartInput, { error: 'Các phần ở đơn vị trực thuộc (parts) phải là một danh sách.' })
      .max(MAX_BOUND, { error: 'Mỗi chỉ tiêu chủ yếu gắn với nhiều nhất 10 chỉ tiêu.' })
      .refine((p) => new Set(p.map((x) => `${x.code}|${[...x.below].sort().join()}`)).size === p.length, {
        error: 'Một chỉ tiêu chủ yếu không gắn trùng một phần ở đơn vị trực thuộc.',
      })
      .optional(),
  })
  .superRefine((l, ctx) => {
    const bound = l.codes.length + (l.parts?.length ?? 0);
    if (bound === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['codes'],
        message: 'Mỗi chỉ tiêu chủ yếu phải gắn với ít nhất một chỉ tiêu.',
      });
    else if (bound > MAX_BOUND)
      ctx.addIssue({
        code: 'custom',
        path: ['parts'],
        message: 'Mỗi chỉ tiêu chủ yếu gắn với nhiều nhất 10 chỉ tiêu.',
      });
  });

export const putTargetLinesBody = z.strictObject({
  lines: z
    .array(targetLineInput, { error: 'Cần danh sách các chỉ tiêu chủ yếu (lines).' })
    .max(100, { error: 'Một kỳ có nhiều nhất 100 chỉ tiêu chủ yếu.' }),
  version: version.optional(),
});

/**
 * A part of a judged line: the dashboard row of a code at the line's unit, or, for a part
 * below, the units of those kinds below that hold the target (`unitRows`), how many of them
 * are met or exceeded (`units`), judged together by the rule for lines.
 */
export const targetLinePartSchema = dashboardRowSchema.extend({
  below: z.array(z.string()).optional(),
  units: z.object({ achieved: z.number(), total: z.number() }).optional(),
  unitRows: z.array(dashboardUnitRowSchema).optional(),
});

export const targetLineSchema = z.object({
  text: z.string(),
  codes: z.array(z.string()),
  status: statusSchema,
  parts: z.array(targetLinePartSchema),
});

export const targetLinesSchema = z.object({
  unit: z.object({ id: z.string(), name: z.string() }),
  period: periodSchema,
  lines: z.array(targetLineSchema),
  summary: z.object({ total: z.number(), achieved: z.number(), share: z.number().nullable() }),
  /** 0 while the unit has no lines for the period; send it back with PUT. */
  version: z.number(),
});

export type TargetLineInput = z.infer<typeof targetLineInput>;
export type TargetLineDto = z.infer<typeof targetLineSchema>;
export type TargetLinePartDto = z.infer<typeof targetLinePartSchema>;
export type TargetLinesDto = z.infer<typeof targetLinesSchema>;
