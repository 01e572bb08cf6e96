import { z } from 'zod';
import { plainText, requiredText } from './zod-vi';

// Accounts, rights, locks and history: request bodies checked by the server and by the
// client's forms, and the shapes of the answers (docs/api.md; GET /api/docs).

export const ROLES = ['admin', 'committee', 'reporter', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị',
  committee: 'Cấp ủy',
  reporter: 'Báo cáo kết quả',
  viewer: 'Chỉ xem',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: 'làm mọi việc, kể cả quản lý người dùng và danh mục',
  committee: 'giao chỉ tiêu, báo cáo kết quả, khóa kỳ, quản lý người dùng trong phạm vi',
  reporter: 'báo cáo kết quả',
  viewer: 'chỉ xem',
};

const unitId = z.string().regex(/^[1-9][0-9]{0,15}$/, { error: 'Mã đơn vị phải là một số nguyên dương.' });

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, {
    error: 'Tên đăng nhập gồm 3 đến 32 chữ cái không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới.',
  });

/** Beyond the length, the server refuses passwords that are guessed early (server/auth/password-rule.ts). */
export const MIN_PASSWORD_LENGTH = 10;

/** What the forms say under a new password, the rule in words. */
export const PASSWORD_HINT = `Ít nhất ${MIN_PASSWORD_LENGTH} ký tự, không phải mật khẩu phổ biến hay tên của người dùng; một câu ngắn dễ nhớ là tốt nhất.`;

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { error: `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự.` })
  .max(200, { error: 'Mật khẩu dài quá 200 ký tự.' });

const displayName = requiredText('Họ tên', 120);

export const roleSchema = z.enum(ROLES, {
  error: (iss) =>
    iss.input === undefined ? undefined : 'Vai trò phải là một trong: admin, committee, reporter, viewer.',
});

export const grantInput = z.strictObject({
  role: roleSchema,
  /** null: everywhere (only an admin granted everywhere may give it). */
  unitId: unitId.nullable(),
});

export const loginBody = z.strictObject({
  username: z.string().trim().toLowerCase().min(1, { error: 'Hãy nhập tên đăng nhập.' }).max(64),
  password: z.string().min(1, { error: 'Hãy nhập mật khẩu.' }).max(200),
});

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1, { error: 'Hãy nhập mật khẩu hiện tại.' }).max(200),
  newPassword: passwordSchema,
});

export const createUserBody = z.strictObject({
  username: usernameSchema,
  password: passwordSchema,
  displayName: displayName.optional(),
  grants: z.array(grantInput).max(50),
});

export const patchUserBody = z
  .strictObject({
    displayName: displayName.optional(),
    password: passwordSchema.optional(),
    active: z.boolean().optional(),
    /** Replaces the user's grants that lie inside the caller's reach; the others stay. */
    grants: z.array(grantInput).max(50).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { error: 'Cần ít nhất một trường để sửa.' });

export const lockBody = z.strictObject({
  note: plainText(z.string().trim().max(500, { error: 'Ghi chú dài quá 500 ký tự.' }), 'Ghi chú', {
    lines: true,
    required: false,
  }).optional(),
});

export const unlockBody = z.strictObject({
  reason: plainText(
    z
      .string({ error: 'Hãy ghi lý do mở khóa.' })
      .trim()
      .min(1, { error: 'Hãy ghi lý do mở khóa.' })
      .max(500, { error: 'Lý do dài quá 500 ký tự.' }),
    'Lý do mở khóa',
    { lines: true },
  ),
});

export const grantSchema = z.object({
  id: z.string(),
  role: roleSchema,
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
});

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  grants: z.array(grantSchema),
});

/** What the signed-in user may do, so the client shows only what will be accepted. */
export const meSchema = userSchema.extend({
  can: z.object({
    manageUsers: z.boolean(),
    manageIndicators: z.boolean(),
    createRootUnits: z.boolean(),
  }),
});

export const lockSchema = z.object({
  unit: z.object({ id: z.string(), name: z.string() }),
  period: z.object({ code: z.string(), label: z.string() }),
  note: z.string().nullable(),
  lockedAt: z.string(),
  lockedBy: z.string(),
});

export const HISTORY_TYPES = [
  'target',
  'result',
  'target_line',
  'lock',
  'unit',
  'indicator',
  'grant',
  'user',
  'member_rating',
] as const;

export const changeSchema = z.object({
  id: z.string(),
  at: z.string(),
  user: z.string().nullable(),
  type: z.enum(HISTORY_TYPES),
  action: z.enum(['create', 'update', 'delete']),
  unitId: z.string().nullable(),
  code: z.string().nullable(),
  period: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  note: z.string().nullable(),
});

export type GrantInput = z.infer<typeof grantInput>;
export type CreateUserBody = z.infer<typeof createUserBody>;
export type PatchUserBody = z.infer<typeof patchUserBody>;
export type GrantDto = z.infer<typeof grantSchema>;
export type UserDto = z.infer<typeof userSchema>;
export type MeDto = z.infer<typeof meSchema>;
export type LockDto = z.infer<typeof lockSchema>;
export type ChangeDto = z.infer<typeof changeSchema>;
