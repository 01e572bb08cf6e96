import { z } from 'zod';
import { DIRECTIONS, INDICATOR_KINDS, MEMBER_RATING_SHARES, TIME_AGGREGATES } from '../indicator';
import { plainText, requiredText } from '../zod-vi';
import { unitKindSchema } from './units';

// Indicators: what is measured and how its values are read (docs/rules.md, "Indicators").

export const indicatorCodeSchema = z.string().regex(/^[A-Z0-9_]{2,40}$/, {
  error: 'Mã chỉ tiêu gồm 2 đến 40 ký tự in hoa không dấu, chữ số hoặc dấu gạch dưới (ví dụ DV_HTT).',
});

const levelsSchema = z
  .array(
    plainText(
      z.string().trim().min(1, { error: 'Tên mức xếp loại không được để trống.' }).max(120),
      'Tên mức xếp loại',
    ),
  )
  .min(2, { error: 'Chỉ tiêu xếp loại cần ít nhất 2 mức.' })
  .max(12, { error: 'Chỉ tiêu xếp loại có nhiều nhất 12 mức.' })
  .refine((l) => new Set(l).size === l.length, { error: 'Các mức xếp loại không được trùng nhau.' });

/** The unit kinds an indicator applies to (docs/rules.md, "Where an indicator applies"). */
export const unitKindsSchema = (what: string) =>
  z
    .array(unitKindSchema, { error: `${what} là danh sách các loại đơn vị, ví dụ ["chi_bo", "dang_bo"].` })
    .min(1, { error: `${what} cần ít nhất một loại đơn vị.` })
    .max(20)
    .refine((k) => new Set(k).size === k.length, { error: `${what} không được ghi trùng một loại đơn vị.` });

const appliesToSchema = unitKindsSchema('Các loại đơn vị áp dụng (appliesTo)').nullable();

/**
 * A result computed from the units below (docs/rules.md, "Units counted by their rating"): what
 * the request may say; the indicator named and its levels are checked against the catalogue.
 */
export const derivedSchema = z
  .strictObject(
    {
      countUnits: z.strictObject(
        {
          indicator: indicatorCodeSchema,
          atLeast: z
            .string({ error: 'Mức tối thiểu (atLeast) là tên một mức của chỉ tiêu xếp loại.' })
            .min(1, { error: 'Mức tối thiểu (atLeast) là tên một mức của chỉ tiêu xếp loại.' })
            .max(120),
          kinds: unitKindsSchema('Các loại đơn vị được đếm (kinds)'),
        },
        { error: 'countUnits cần indicator, atLeast và kinds.' },
      ),
    },
    { error: 'Cách tính tự động (derived) phải có dạng {"countUnits": {"indicator", "atLeast", "kinds"}}.' },
  )
  .nullable();

const indicatorFields = {
  name: requiredText('Tên chỉ tiêu', 500),
  unitLabel: requiredText('Đơn vị tính', 40),
  kind: z.enum(INDICATOR_KINDS, {
    error: (iss) =>
      iss.input === undefined ? undefined : 'Loại chỉ tiêu phải là count, percent, ratio hoặc level.',
  }),
  direction: z.enum(DIRECTIONS, {
    error: (iss) => (iss.input === undefined ? undefined : 'Chiều đánh giá phải là higher hoặc lower.'),
  }),
  timeAggregate: z.enum(TIME_AGGREGATES, {
    error: (iss) =>
      iss.input === undefined ? undefined : 'Cách cộng dồn theo kỳ phải là sum, last hoặc none.',
  }),
  levels: levelsSchema,
  memberRating: z
    .enum(MEMBER_RATING_SHARES, {
      error: (iss) =>
        iss.input === undefined ? undefined : 'memberRating phải là good_or_better, excellent hoặc null.',
    })
    .nullable(),
};

export const createIndicatorBody = z
  .strictObject({
    code: indicatorCodeSchema,
    name: indicatorFields.name,
    unitLabel: indicatorFields.unitLabel,
    kind: indicatorFields.kind,
    direction: indicatorFields.direction.optional(),
    timeAggregate: indicatorFields.timeAggregate.optional(),
    levels: levelsSchema.optional(),
    memberRating: indicatorFields.memberRating.optional(),
    appliesTo: appliesToSchema.optional(),
    derived: derivedSchema.optional(),
  })
  .superRefine((b, ctx) => {
    if (b.memberRating && b.kind !== 'ratio')
      ctx.addIssue({
        code: 'custom',
        path: ['memberRating'],
        message: 'Chỉ chỉ tiêu loại tỷ lệ (ratio) mới nhận kết quả xếp loại đảng viên.',
      });
    if (b.kind === 'level' && !b.levels)
      ctx.addIssue({ code: 'custom', path: ['levels'], message: 'Chỉ tiêu xếp loại cần danh sách các mức.' });
    if (b.kind !== 'level' && b.levels)
      ctx.addIssue({ code: 'custom', path: ['levels'], message: 'Chỉ chỉ tiêu xếp loại mới có các mức.' });
    if (b.kind === 'level' && b.timeAggregate === 'sum')
      ctx.addIssue({
        code: 'custom',
        path: ['timeAggregate'],
        message: 'Chỉ tiêu xếp loại không thể cộng dồn theo kỳ; hãy chọn last hoặc none.',
      });
  });

export const patchIndicatorBody = z
  .strictObject({
    name: indicatorFields.name.optional(),
    unitLabel: indicatorFields.unitLabel.optional(),
    kind: indicatorFields.kind.optional(),
    direction: indicatorFields.direction.optional(),
    timeAggregate: indicatorFields.timeAggregate.optional(),
    levels: levelsSchema.optional(),
    memberRating: indicatorFields.memberRating.optional(),
    appliesTo: appliesToSchema.optional(),
    derived: derivedSchema.optional(),
    position: z.number().int().min(0).max(1_000_000).optional(),
    archived: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { error: 'Cần ít nhất một trường để sửa.' });

export const indicatorSchema = z.object({
  code: z.string(),
  name: z.string(),
  unitLabel: z.string(),
  kind: z.enum(INDICATOR_KINDS),
  direction: z.enum(DIRECTIONS),
  timeAggregate: z.enum(TIME_AGGREGATES),
  levels: z.array(z.string()).optional(),
  /** Set on the ratio indicators that the member ratings form writes. */
  memberRating: z.enum(MEMBER_RATING_SHARES).optional(),
  /** The unit kinds it applies to; absent: every kind. */
  appliesTo: z.array(z.string()).optional(),
  /** Set on a count or ratio computed from the units below, never entered. */
  derived: z
    .object({
      countUnits: z.object({ indicator: z.string(), atLeast: z.string(), kinds: z.array(z.string()) }),
    })
    .optional(),
  position: z.number(),
  archived: z.boolean(),
});

export type IndicatorDto = z.infer<typeof indicatorSchema>;
export type CreateIndicatorBody = z.infer<typeof createIndicatorBody>;
export type PatchIndicatorBody = z.infer<typeof patchIndicatorBody>;
