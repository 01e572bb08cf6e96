import { z } from 'zod';
import { lockSchema } from '../accounts';
import { DIRECTIONS, INDICATOR_KINDS, TIME_AGGREGATES } from '../indicator';
import { coverageSchema, periodSchema, statusSchema, valueOutSchema as valueOut } from './common';
import { targetBaseSchema, targetChangeSchema } from './values';

// The dashboard: a unit's rows for a period, their progress, the summary, the chart per unit.

/**
 * A target as a row shows it. A relative target has its `change` and `base`; a year's target
 * taken from its term's "hằng năm" target says so in `from`; a term's such target has `eachYear`.
 */
export const rowTargetSchema = z
  .object({
    value: valueOut,
    display: z.string(),
    change: targetChangeSchema.optional(),
    base: targetBaseSchema.optional(),
    eachYear: z.boolean().optional(),
    from: z.string().optional(),
  })
  .nullable();

/**
 * A target set relative to last year whose base is missing: the row has no target yet
 * (`no_target`), and this says what was set and why it has no value.
 */
export const pendingTargetSchema = z.object({
  display: z.string(),
  change: targetChangeSchema,
  base: targetBaseSchema,
  reason: z.string(),
});
export const rowResultSchema = z
  .object({
    value: valueOut,
    numerator: z.number().optional(),
    denominator: z.number().optional(),
    display: z.string(),
    source: z.enum(['entered', 'units', 'periods', 'derived']),
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
    /** How a longer period is made of shorter ones: what a result "from periods" was made by. */
    timeAggregate: z.enum(TIME_AGGREGATES),
    levels: z.array(z.string()).optional(),
    /** Set on a count or ratio computed from the ratings of the units below, as in the catalogue. */
    derived: z
      .object({
        countUnits: z.object({ indicator: z.string(), atLeast: z.string(), kinds: z.array(z.string()) }),
      })
      .optional(),
  }),
  target: rowTargetSchema,
  /** A target relative to last year that has no value yet, for want of last year's result. */
  pendingTarget: pendingTargetSchema.optional(),
  result: rowResultSchema,
  status: statusSchema,
  achievement: z.number().nullable(),
  /** For a half-year, a quarter or a year, where an indicator adds up or carries over. */
  progress: progressSchema.optional(),
  /** For a term whose target is each year's: every year begun, judged, which the term's status is made of. */
  years: z.array(z.object({ period: z.string(), status: statusSchema })).optional(),
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
  /**
   * The unit's "chỉ tiêu chủ yếu" for the period, as GET /api/target-lines counts them: the
   * headline where there are lines ("5/7 chỉ tiêu chủ yếu đạt và vượt"); null without lines.
   */
  lines: z.object({ total: z.number(), achieved: z.number(), share: z.number().nullable() }).nullable(),
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
  pendingTarget: pendingTargetSchema.optional(),
  result: rowResultSchema,
  status: statusSchema,
  achievement: z.number().nullable(),
  years: dashboardRowSchema.shape.years,
});

export const dashboardUnitsSchema = z.object({
  parent: z.object({ id: z.string(), name: z.string() }),
  indicator: dashboardRowSchema.shape.indicator,
  period: periodSchema,
  rows: z.array(dashboardUnitRowSchema),
});

export type DashboardDto = z.infer<typeof dashboardSchema>;
export type DashboardRowDto = z.infer<typeof dashboardRowSchema>;
export type DashboardUnitsDto = z.infer<typeof dashboardUnitsSchema>;
export type RowResultDto = z.infer<typeof rowResultSchema>;
export type ProgressDto = z.infer<typeof progressSchema>;
export type SummaryDto = z.infer<typeof summarySchema>;
