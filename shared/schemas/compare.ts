import { z } from 'zod';
import { periodSchema, statusSchema } from './common';
import { dashboardRowSchema, rowResultSchema, rowTargetSchema } from './dashboard';

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
