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
