import { z } from 'zod';
import { INDICATOR_KINDS } from '../indicator';
import { periodSchema, statusSchema, valueOutSchema as valueOut } from './common';
import { dashboardRowSchema } from './dashboard';

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
  unit: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
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
          source: z.string().optional(),
          soFar: z.enum(['sum', 'last']).optional(),
          /** A part at the units below: how many of those holding the target are met or exceeded, and each. */
          units: z
            .object({
              below: z.array(z.string()),
              achieved: z.number(),
              total: z.number(),
              rows: z.array(z.object({ name: z.string(), result: reportFigureSchema, status: statusSchema })),
            })
            .optional(),
        }),
      ),
    }),
  ),
  /** Results without a target and outside the lines: "Các kết quả khác". */
  others: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      unitLabel: z.string(),
      kind: z.enum(INDICATOR_KINDS),
      result: reportFigureSchema.unwrap(),
      /** "+ Kết nạp đảng viên mới: 01 đảng viên." */
      sentence: z.string(),
    }),
  ),
  /** No target, no line and no result in the period: the report is one sentence. */
  empty: z.boolean(),
  /** While the period runs: the share of its days passed, in hundredths of a percent, that paces are told against. */
  elapsedX100: z.number().optional(),
  summary: z.object({
    total: z.number(),
    achieved: z.number(),
    share: z.number().nullable(),
    onPace: z.number().optional(),
  }),
  /** The single targets as the dashboard counts them ("chỉ tiêu cụ thể"); null when the lines are made of them. */
  targets: z.object({ total: z.number(), achieved: z.number(), share: z.number().nullable() }).nullable(),
  /**
   * What heads it, as the dashboard of the same unit and period heads: its committee's lines
   * (the dashboard's summary.lines; null without) and its single targets (the dashboard's
   * withTarget and achieved; null without).
   */
  headline: z.object({
    lines: z.object({ total: z.number(), achieved: z.number(), share: z.number().nullable() }).nullable(),
    single: z.object({ total: z.number(), achieved: z.number(), share: z.number().nullable() }).nullable(),
  }),
  title: z.array(z.string()),
  intro: z.string(),
  /** The last sentence: over the lines ("… chỉ tiêu chủ yếu đạt và vượt …"), or the targets without lines. */
  summaryText: z.string(),
  /** "Có N/M chỉ tiêu cụ thể đạt và vượt (P%).", before it; null without. */
  targetsText: z.string().nullable(),
  /** The body in order (intro, lines, other results, closing), each block its sentences; one sentence when empty. */
  body: z.array(z.array(z.string())),
  /** The whole text, as format=text gives it. */
  text: z.string(),
  table: z.array(dashboardRowSchema),
});

export type ReportDto = z.infer<typeof reportSchema>;
