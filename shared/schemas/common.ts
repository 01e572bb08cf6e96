import { z } from 'zod';
import { STATUSES } from '../judgement';
// Zod's own messages in Vietnamese, for every schema of every feature.
import '../zod-vi';

// What every feature's schemas share: ids, versions, values as sent back, periods, statuses and the
// error body. Request bodies are validated by these schemas on the server and used by the client's
// forms; responses are described by them in the OpenAPI document. Messages are Vietnamese.

export const unitIdSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,15}$/, { error: 'Mã đơn vị phải là một số nguyên dương.' });

// 0 means "not stored yet": a write read from an empty cell is refused if someone filled it meanwhile.
export const versionSchema = z.number().int().min(0, { error: 'Phiên bản phải là số nguyên không âm.' });

export const valueOutSchema = z.union([z.number(), z.string()]);

export const periodCodeSchema = z.string().min(1).max(20);
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Ngày tính phải có dạng YYYY-MM-DD.' });

export const statusSchema = z.enum(STATUSES);

export const periodSchema = z.object({
  code: z.string(),
  label: z.string(),
  start: z.string(),
  end: z.string(),
  open: z.boolean(),
});

export const coverageSchema = z.object({ reported: z.number(), total: z.number() });

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
