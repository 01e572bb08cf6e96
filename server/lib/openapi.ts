import type { z } from 'zod';
import { errorSchema } from '../../shared/schemas';

export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ',
  404: 'Không tìm thấy',
  409: 'Xung đột với dữ liệu hiện có',
};

/** The contract's error body, documented for the given statuses. */
export function errors<S extends 400 | 404 | 409>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((s) => [s, jsonContent(errorSchema, ERROR_DESCRIPTIONS[s] ?? 'Lỗi')]),
  ) as Record<S, ReturnType<typeof jsonContent<typeof errorSchema>>>;
}
