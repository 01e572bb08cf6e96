import { z } from 'zod';
import { requiredText } from '../zod-vi';
import { periodSchema, statusSchema, versionSchema as version } from './common';
import { dashboardRowSchema } from './dashboard';
import { indicatorCodeSchema } from './indicators';

// Target lines (docs/api.md; GET /api/docs): the ordered "chỉ tiêu chủ yếu" of a unit and period.

export const targetLineInput = z.strictObject({
  text: requiredText('Nội dung chỉ tiêu chủ yếu', 1000, {
    lines: true,
    notText: 'Nội dung chỉ tiêu chủ yếu phải là một câu chữ.',
  }),
  codes: z
    .array(indicatorCodeSchema, { error: 'Mỗi chỉ tiêu chủ yếu cần danh sách mã chỉ tiêu (codes).' })
    .min(1, { error: 'Mỗi chỉ tiêu chủ yếu phải gắn với ít nhất một chỉ tiêu.' })
    .max(10, { error: 'Mỗi chỉ tiêu chủ yếu gắn với nhiều nhất 10 chỉ tiêu.' })
    .refine((c) => new Set(c).size === c.length, {
      error: 'Một chỉ tiêu chủ yếu không gắn trùng một mã chỉ tiêu.',
    }),
});

export const putTargetLinesBody = z.strictObject({
  lines: z
    .array(targetLineInput, { error: 'Cần danh sách các chỉ tiêu chủ yếu (lines).' })
    .max(100, { error: 'Một kỳ có nhiều nhất 100 chỉ tiêu chủ yếu.' }),
  version: version.optional(),
});

export const targetLineSchema = z.object({
  text: z.string(),
  codes: z.array(z.string()),
  status: statusSchema,
  parts: z.array(dashboardRowSchema),
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
export type TargetLinesDto = z.infer<typeof targetLinesSchema>;
