import { z } from 'zod';
import { lockSchema } from './accounts';
import { DIRECTIONS, INDICATOR_KINDS, MEMBER_RATING_SHARES, TIME_AGGREGATES } from './indicator';
import { STATUSES } from './judgement';
import { UNIT_KINDS } from './unit';
import { plainText } from './zod-vi';

// Request bodies are validated by these schemas on the server and used by the client's
// forms; responses are described by them in the OpenAPI document. Messages are Vietnamese.

const id = z.string().regex(/^[1-9][0-9]{0,15}$/, { error: 'Mã đơn vị phải là một số nguyên dương.' });

const name = plainText(
  z
    .string()
    .trim()
    .min(1, { error: 'Tên không được để trống.' })
    .max(200, { error: 'Tên dài quá 200 ký tự.' }),
  'Tên',
);

export const unitKindSchema = z.enum(UNIT_KINDS, {
  error: (iss) =>
    iss.input === undefined ? undefined : 'Loại đơn vị phải là một trong: dang_bo, chi_bo, don_vi, doan_the.',
});

export const createUnitBody = z.strictObject({
  parentId: id.nullable(),
  name,
  kind: unitKindSchema,
});

export const patchUnitBody = z
  .strictObject({
    parentId: id.nullable().optional(),
    name: name.optional(),
    kind: unitKindSchema.optional(),
    position: z.number().int().min(0).max(1_000_000).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { error: 'Cần ít nhất một trường để sửa.' });

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

const indicatorFields = {
  name: plainText(
    z
      .string()
      .trim()
      .min(1, { error: 'Tên chỉ tiêu không được để trống.' })
      .max(500, { error: 'Tên chỉ tiêu dài quá 500 ký tự.' }),
    'Tên chỉ tiêu',
  ),
  unitLabel: plainText(
    z
      .string()
      .trim()
      .min(1, { error: 'Đơn vị tính không được để trống.' })
      .max(40, { error: 'Đơn vị tính dài quá 40 ký tự.' }),
    'Đơn vị tính',
  ),
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
    position: z.number().int().min(0).max(1_000_000).optional(),
    archived: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { error: 'Cần ít nhất một trường để sửa.' });

const inputValue = z.union([z.number(), z.string().max(200)], {
  error: (iss) =>
    iss.input === undefined ? undefined : 'Giá trị phải là một số, hoặc tên một mức với chỉ tiêu xếp loại.',
});
// 0 means "not stored yet": a write read from an empty cell is refused if someone filled it meanwhile.
const version = z.number().int().min(0, { error: 'Phiên bản phải là số nguyên không âm.' });

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

export const periodCodeSchema = z.string().min(1).max(20);
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Ngày tính phải có dạng YYYY-MM-DD.' });

// Responses.

export const unitSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  kind: z.string(),
  position: z.number(),
});

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
  position: z.number(),
  archived: z.boolean(),
});

const valueOut = z.union([z.number(), z.string()]);

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

export const statusSchema = z.enum(STATUSES);

export const periodSchema = z.object({
  code: z.string(),
  label: z.string(),
  start: z.string(),
  end: z.string(),
  open: z.boolean(),
});

export const coverageSchema = z.object({ reported: z.number(), total: z.number() });

export const rowTargetSchema = z.object({ value: valueOut, display: z.string() }).nullable();
export const rowResultSchema = z
  .object({
    value: valueOut,
    numerator: z.number().optional(),
    denominator: z.number().optional(),
    display: z.string(),
    source: z.enum(['entered', 'units', 'periods']),
    coverage: coverageSchema.optional(),
    /** Set when an entered result differs from what the unit's children add up to. */
    fromUnits: z
      .object({
        value: valueOut,
        numerator: z.number().optional(),
        denominator: z.number().optional(),
        display: z.string(),
        coverage: coverageSchema,
      })
      .optional(),
  })
  .nullable();

/** A shorter period's progress against the longer one holding it (docs/rules.md). */
export const progressSchema = z.object({
  period: z.object({ code: z.string(), label: z.string() }),
  target: z.object({ value: valueOut, display: z.string() }),
  result: z
    .object({
      value: valueOut,
      display: z.string(),
      numerator: z.number().optional(),
      denominator: z.number().optional(),
    })
    .nullable(),
  achievement: z.number().nullable(),
  /** Share of the longer period's days passed, percent with two decimals. */
  elapsed: z.number(),
  pace: z.enum(['on_track', 'behind']),
});

export const dashboardRowSchema = z.object({
  indicator: z.object({
    code: z.string(),
    name: z.string(),
    unitLabel: z.string(),
    kind: z.enum(INDICATOR_KINDS),
    direction: z.enum(DIRECTIONS),
    levels: z.array(z.string()).optional(),
  }),
  target: rowTargetSchema,
  result: rowResultSchema,
  status: statusSchema,
  achievement: z.number().nullable(),
  /** For a half-year, a quarter or a year, where an indicator adds up or carries over. */
  progress: progressSchema.optional(),
});

export const summarySchema = z.object({
  total: z.number(),
  exceeded: z.number(),
  met: z.number(),
  not_yet: z.number(),
  missed: z.number(),
  no_data: z.number(),
  no_target: z.number(),
  withTarget: z.number(),
  achieved: z.number(),
  share: z.number().nullable(),
});

export const dashboardSchema = z.object({
  unit: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  period: periodSchema,
  asOf: z.string(),
  rows: z.array(dashboardRowSchema),
  summary: summarySchema,
  /** The lock that closes this unit's period, when its review has been held. */
  lock: lockSchema.nullable(),
});

export const dashboardUnitRowSchema = z.object({
  unit: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  target: rowTargetSchema,
  result: rowResultSchema,
  status: statusSchema,
  achievement: z.number().nullable(),
});

export const dashboardUnitsSchema = z.object({
  parent: z.object({ id: z.string(), name: z.string() }),
  indicator: dashboardRowSchema.shape.indicator,
  period: periodSchema,
  rows: z.array(dashboardUnitRowSchema),
});

export const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});

/** Where in a list a problem is: `list` names the array of the body, `index` counts from 0. */
export const itemProblemSchema = z.object({
  list: z.string(),
  index: z.number(),
  field: z.string().optional(),
  message: z.string(),
});
export type ItemProblem = z.infer<typeof itemProblemSchema>;

export const valuesBatchResponse = z.object({
  targets: z.array(targetSchema),
  results: z.array(resultSchema),
  /** Values that differ from what was stored, removals included. */
  changed: z.number(),
});

// Comparing (docs/api.md; GET /api/docs).

export const comparePeriodRowSchema = z.object({
  period: periodSchema,
  target: rowTargetSchema,
  result: rowResultSchema,
  status: statusSchema,
  achievement: z.number().nullable(),
  /** From the previous row's result: counts, percentage points, or steps of a level; null on the first row or without both. */
  change: z.number().nullable(),
});

export const comparePeriodsSchema = z.object({
  unit: z.object({ id: z.string(), name: z.string() }),
  indicator: dashboardRowSchema.shape.indicator,
  rows: z.array(comparePeriodRowSchema),
});

export const compareCellSchema = z.object({
  code: z.string(),
  target: rowTargetSchema,
  result: rowResultSchema,
  status: statusSchema,
  achievement: z.number().nullable(),
});

export const compareUnitsSchema = z.object({
  parent: z.object({ id: z.string(), name: z.string() }),
  period: periodSchema,
  indicators: z.array(dashboardRowSchema.shape.indicator),
  rows: z.array(
    z.object({
      unit: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
      /** Whether the unit has units under it (its own scorecard can be opened). */
      hasChildren: z.boolean(),
      cells: z.array(compareCellSchema),
    }),
  ),
});

/** One unit, every indicator, several periods: statuses at a glance. */
export const compareOverviewSchema = z.object({
  unit: z.object({ id: z.string(), name: z.string() }),
  periods: z.array(periodSchema),
  indicators: z.array(
    z.object({
      indicator: dashboardRowSchema.shape.indicator,
      cells: z.array(compareCellSchema.omit({ code: true }).extend({ period: z.string() })),
    }),
  ),
});

export type ComparePeriodsDto = z.infer<typeof comparePeriodsSchema>;
export type CompareUnitsDto = z.infer<typeof compareUnitsSchema>;
export type CompareOverviewDto = z.infer<typeof compareOverviewSchema>;

// The report (docs/api.md; GET /api/docs).

const reportFigureSchema = z
  .object({
    display: z.string(),
    value: valueOut,
    numerator: z.number().optional(),
    denominator: z.number().optional(),
  })
  .nullable();

export const reportSchema = z.object({
  unit: z.object({ id: z.string(), name: z.string() }),
  period: periodSchema,
  countedTo: z.string(),
  mode: z.enum(['period', 'progress']),
  basis: z.object({ code: z.string(), label: z.string() }),
  fromIndicators: z.boolean(),
  lines: z.array(
    z.object({
      text: z.string(),
      status: statusSchema,
      /** The line as the report writes it, from "- " to its last figure. */
      sentence: z.string(),
      parts: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          unitLabel: z.string(),
          kind: z.enum(INDICATOR_KINDS),
          target: reportFigureSchema,
          result: reportFigureSchema,
          status: statusSchema,
          achievement: z.number().nullable(),
          pace: z.enum(['on_track', 'behind']).optional(),
        }),
      ),
    }),
  ),
  summary: z.object({
    total: z.number(),
    achieved: z.number(),
    share: z.number().nullable(),
    onPace: z.number().optional(),
  }),
  title: z.array(z.string()),
  intro: z.string(),
  summaryText: z.string(),
  /** The whole text, as format=text gives it. */
  text: z.string(),
  table: z.array(dashboardRowSchema),
});

export type ReportDto = z.infer<typeof reportSchema>;

// Target lines (docs/api.md; GET /api/docs): the ordered "chỉ tiêu chủ yếu" of a unit and period.

export const targetLineInput = z.strictObject({
  text: plainText(
    z
      .string({ error: 'Nội dung chỉ tiêu chủ yếu phải là một câu chữ.' })
      .trim()
      .min(1, { error: 'Nội dung chỉ tiêu chủ yếu không được để trống.' })
      .max(1000, { error: 'Nội dung chỉ tiêu chủ yếu dài quá 1.000 ký tự.' }),
    'Nội dung chỉ tiêu chủ yếu',
    { lines: true },
  ),
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

export type UnitDto = z.infer<typeof unitSchema>;
export type IndicatorDto = z.infer<typeof indicatorSchema>;
export type TargetDto = z.infer<typeof targetSchema>;
export type ResultDto = z.infer<typeof resultSchema>;
export type DashboardDto = z.infer<typeof dashboardSchema>;
export type DashboardRowDto = z.infer<typeof dashboardRowSchema>;
export type DashboardUnitsDto = z.infer<typeof dashboardUnitsSchema>;
export type RowResultDto = z.infer<typeof rowResultSchema>;
export type ProgressDto = z.infer<typeof progressSchema>;
export type SummaryDto = z.infer<typeof summarySchema>;
