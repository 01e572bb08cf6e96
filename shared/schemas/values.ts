import { z } from 'zod';
import { plainText } from '../zod-vi';
import { unitIdSchema as id, valueOutSchema as valueOut, versionSchema as version } from './common';
import { unitKindsSchema } from './indicators';

// Targets and results: single writes, batches, and what is stored.

const inputValue = z.union([z.number(), z.string().max(200)], {
  error: (iss) =>
    iss.input === undefined ? undefined : 'Giá trị phải là một số, hoặc tên một mức với chỉ tiêu xếp loại.',
});

/** A target relative to last year's result: `{percent}` of it, or an `{amount}` (docs/rules.md). */
export const changeBody = z
  .strictObject(
    {
      percent: z.number({ error: 'Mức tăng, giảm theo phần trăm (percent) phải là một số.' }).optional(),
      amount: z.number({ error: 'Lượng tăng, giảm (amount) phải là một số.' }).optional(),
    },
    { error: 'Mức tăng, giảm (change) có dạng {"percent": 10} hoặc {"amount": 2}.' },
  )
  .refine((c) => (c.percent === undefined) !== (c.amount === undefined), {
    error: 'Mức tăng, giảm (change) ghi một trong hai: phần trăm (percent) hoặc lượng tăng, giảm (amount).',
  });

const eachYear = z.boolean({ error: '"eachYear" chỉ nhận true hoặc false.' });

/**
 * A target: a `value`, or a `change` from last year's result; on a term, `eachYear` makes the
 * value also each year's target (docs/rules.md, "Yearly targets in a term").
 */
export const targetBody = z
  .strictObject({
    value: inputValue.optional(),
    change: changeBody.optional(),
    eachYear: eachYear.optional(),
    version: version.optional(),
  })
  .superRefine((b, ctx) => {
    if ((b.value === undefined) === (b.change === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message:
          b.value === undefined
            ? 'Thiếu giá trị chỉ tiêu (value), hoặc mức tăng, giảm so với năm trước (change).'
            : 'Chỉ gửi một trong hai: giá trị chỉ tiêu (value) hoặc mức tăng, giảm so với năm trước (change).',
      });
    else if (b.eachYear && b.change !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['eachYear'],
        message: 'Chỉ tiêu hằng năm (eachYear) cần một giá trị (value), không theo mức tăng, giảm.',
      });
  });

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

/** One target of a batch: set `value` (or a `change` from last year, `eachYear` on a term), or `remove: true`. */
export const batchTargetItem = z.strictObject({
  ...batchKey,
  value: inputValue.optional(),
  change: changeBody.optional(),
  eachYear: eachYear.optional(),
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

/**
 * POST /api/targets/below: one target for every unit of some kinds below a unit, stored as
 * each one's own (docs/rules.md, "One target for each unit below").
 */
export const targetsBelowBody = z.strictObject({
  unitId: id,
  code: batchKey.code,
  period: batchKey.period,
  value: inputValue,
  kinds: unitKindsSchema('Các loại đơn vị nhận chỉ tiêu (kinds)'),
  replace: z.boolean({ error: '"replace" chỉ nhận true hoặc false.' }).optional(),
});

export const targetsBelowResponse = z.object({
  /** Units whose target is now the value sent. */
  written: z.number(),
  /** Units that kept a target of their own (replace not asked for). */
  kept: z.number(),
  dryRun: z.boolean(),
  /** Every unit of those kinds below, in the tree's order, with what it gets or keeps. */
  units: z.array(
    z.object({
      unit: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
      action: z.enum(['written', 'kept']),
      target: z.object({ value: valueOut.nullable(), display: z.string() }).nullable(),
    }),
  ),
});

export type TargetsBelowBody = z.infer<typeof targetsBelowBody>;
export type TargetsBelowDto = z.infer<typeof targetsBelowResponse>;

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

export type TargetBody = z.infer<typeof targetBody>;
export type BatchTargetItem = z.infer<typeof batchTargetItem>;
export type BatchResultItem = z.infer<typeof batchResultItem>;
export type ValuesBatchBody = z.infer<typeof valuesBatchBody>;

/** What a relative target is computed from: the result of the same period a year before. */
export const targetBaseSchema = z.object({
  period: z.string(),
  value: valueOut.nullable(),
  display: z.string().nullable(),
});

/** The change of a relative target as sent: {"percent": P} or {"amount": A}. */
export const targetChangeSchema = z.object({ percent: z.number().optional(), amount: z.number().optional() });

export const targetSchema = z.object({
  unitId: z.string(),
  code: z.string(),
  period: z.string(),
  /** Null for a relative target without last year's result. */
  value: valueOut.nullable(),
  display: z.string(),
  /** A relative target: the change, its base, and why there is no value yet. */
  change: targetChangeSchema.optional(),
  base: targetBaseSchema.optional(),
  reason: z.string().optional(),
  /** On a term: also each year's target. */
  eachYear: z.boolean().optional(),
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
