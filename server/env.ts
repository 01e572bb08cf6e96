import { z } from 'zod';

// The only place that reads process.env.
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default('./data/chitieu.db'),
  DEMO_DATA: z
    .enum(['0', '1', 'false', 'true'])
    .default('1')
    .transform((v) => v === '1' || v === 'true'),
  CLIENT_DIST: z.string().min(1).default('./dist/client'),
  /** The password of `admin`, used only when the database has no users yet. */
  ADMIN_PASSWORD: z.string().min(8, { error: 'cần ít nhất 8 ký tự' }).max(200).optional(),
  LOG_REQUESTS: z
    .enum(['0', '1'])
    .default('0')
    .transform((v) => v === '1'),
});

export type Env = z.infer<typeof EnvSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Cấu hình không hợp lệ: biến ${String(issue?.path[0])} ${issue?.message ?? ''}`.trim());
  }
  return parsed.data;
}
