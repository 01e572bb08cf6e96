import { z } from 'zod';
import { plainText } from '../zod-vi';
import { unitIdSchema as id, valueOutSchema as valueOut, versionSchema as version } from './common';

// Targets and results: single writes, batches, and what is stored.

const inputValue = z.union([z.number(), z.string().max(200)], {
  error: (iss) =>
    iss.input === undefined ? undefined : 'Giá trị phải là một số, hoặc tên một mức với chỉ tiêu xếp loại.',
});

export const targetBody = z.strictObject({ value: inputValue, version: version.optional() });

export const resultBody = z.strictObject({
  value: inputValue.optional(),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
  note: plainText(z.string().max(2000, { error: 'Ghi chú dài quá 2.000 ký tự.' }), 'Ghi chú', {
    lines: true,
    required: false,
  }).optional(),
  version: version.optional(),
});

const batchKey = {
  unitId: id,
  code: z
    .string()
    .min(1, { error: 'Thiếu mã chỉ tiêu.' })
    .max(40, { error: 'Mã chỉ tiêu dài quá 40 ký tự.' }),
  period: z.string().min(1, { error: 'Thiếu mã kỳ.' }).max(20, { error: 'Mã kỳ dài quá 20 ký tự.' }),
};
const remove = z.literal(true, { error: '"remove" chỉ nhận giá trị true.' });

/** One target of a batch: set `value`, or `remove: true`. */
export const batchTargetItem = z.strictObject({
  ...batchKey,
  value: inputValue.optional(),
  remove: remove.optional(),
  version: version.optional(),
});

/** One result of a batch: `value` (or `numerator` and `denominator` for a ratio) and `note`, or `remove: true`. */
export const batchResultItem = z.strictObject({
  ...batchKey,
  value: inputValue.optional(),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
  note: resultBody.shape.note,
  remove: remove.optional(),
  version: version.optional(),
});

export const MAX_BATCH = 5000;

/** Several targets and results written in one transaction: all of them, or none. */
export const valuesBatchBody = z
  .strictObject({
    targets: z
      .array(batchTargetItem)
      .max(MAX_BATCH, { error: `Mỗi lần lưu nhiều nhất ${MAX_BATCH} chỉ tiêu.` })
      .optional(),
    results: z
      .array(batchResultItem)
      .max(MAX_BATCH, { error: `Mỗi lần lưu nhiều nhất ${MAX_BATCH} kết quả.` })
      .optional(),
  })
  .refine((b) => (b.targets?.length ?? 0) + (b.results?.length ?? 0) > 0, {
    error: 'Không có chỉ tiêu hay kết quả nào để lưu.',
  });

export type BatchTargetItem = z.infer<typeof batchTargetItem>;
export type BatchResultItem = z.infer<typeof batchResultItem>;
export type ValuesBatchBody = z.infer<typeof valuesBatchBody>;

export const targetSchema = z.object({
  unitId: z.string(),
  code: z.string(),
  period: z.string(),
  value: valueOut,
  display: z.string(),
  version: z.number(),
  updatedAt: z.string(),
});

export const resultSchema = z.object({
  unitId: z.string(),
  code: z.string(),
  period: z.string(),
  value: valueOut,
  numerator: z.number().optional(),
  denominator: z.number().optional(),
  note: z.string().nullable(),
  display: z.string(),
  version: z.number(),
  updatedAt: z.string(),
});

export const valuesBatchResponse = z.object({
  targets: z.array(targetSchema),
  results: z.array(resultSchema),
  /** Values that differ from what was stored, removals included. */
  changed: z.number(),
});

export type TargetDto = z.infer<typeof targetSchema>;
export type ResultDto = z.infer<typeof resultSchema>;
