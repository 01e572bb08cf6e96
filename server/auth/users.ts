import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import {
  type CreateUserBody,
  type GrantDto,
  type GrantInput,
  type MeDto,
  type PatchUserBody,
  ROLE_LABELS,
  type UserDto,
} from '../../shared/accounts';
import { clipQuote } from '../../shared/text';
import type { Db, DbOrTx } from '../db/client';
import { type GrantRow, grants, sessions, type UserRow, users } from '../db/schema';
import { type Catalogue, catalogue } from '../domain/catalogue';
import { recordChange } from '../domain/history';
import { AppError, conflict, notFound } from '../lib/errors';
import { requireUnit } from '../lib/lookups';
import { hashPassword, verifyPassword } from './password';
import { demandStrongPassword } from './password-rule';
import { Access, forbidden } from './rights';
import { deleteSessionsOf } from './sessions';

// User accounts: who they are, what they may see of each other, and adding and changing them
// (docs/decisions/009-accounts-cannot-climb.md says why nobody changes a user above their reach).

export function grantDto(cat: Catalogue, g: GrantRow): GrantDto {
  return {
    id: String(g.id),
    role: g.role,
    unitId: g.unitId === null ? null : String(g.unitId),
    unitName: g.unitId === null ? null : (cat.units.get(g.unitId)?.name ?? null),
  };
}

export function userDto(cat: Catalogue, u: UserRow, userGrants: GrantRow[]): UserDto {
  return {
    id: String(u.id),
    username: u.username,
    displayName: u.displayName,
    active: u.active,
    createdAt: u.createdAt,
    grants: userGrants.map((g) => grantDto(cat, g)),
  };
}

/** Users with their grants, in two queries whatever their number. */
export function usersWithGrants(db: DbOrTx, ids?: number[]): { user: UserRow; grants: GrantRow[] }[] {
  const rows = ids
    ? db.select().from(users).where(inArray(users.id, ids)).orderBy(asc(users.username)).all()
    : db.select().from(users).orderBy(asc(users.username)).all();
  const all = rows.length
    ? db
        .select()
        .from(grants)
        .where(
          inArray(
            grants.userId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(grants.id))
        .all()
    : [];
  return rows.map((user) => ({ user, grants: all.filter((g) => g.userId === user.id) }));
}

export function findUserByName(db: Db, username: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.username, username)).get();
}

/** The grants a user holds. */
export function grantsOf(db: DbOrTx, userId: number): GrantRow[] {
  return db.select().from(grants).where(eq(grants.userId, userId)).all();
}

/** The signed-in user as GET /api/auth/me answers: their account, grants and what the screens offer. */
export function meDto(db: Db, session: { user: UserRow; grants: readonly GrantRow[] }): MeDto {
  const cat = catalogue(db);
  const access = new Access(session.user, session.grants, cat);
  return {
    ...userDto(cat, session.user, [...session.grants]),
    can: {
      manageUsers: access.canManageUsers,
      manageIndicators: access.canManageIndicators,
      createRootUnits: access.isGlobalAdmin,
    },
  };
}

/** POST /api/auth/password: a new password of one's own, given the current one; one's other sessions end. */
export async function changeOwnPassword(
  db: Db,
  user: UserRow,
  keptSession: string,
  body: { currentPassword: string; newPassword: string },
  log2N: number,
) {
  if (!(await verifyPassword(body.currentPassword, user.passwordHash)))
    throw new AppError(400, 'wrong_password', 'Mật khẩu hiện tại không đúng.', 'currentPassword');
  await demandStrongPassword(body.newPassword, user, 'newPassword');
  const passwordHash = await hashPassword(body.newPassword, log2N);
  db.transaction((tx) => {
    tx.update(users)
      .set({ passwordHash, updatedAt: new Date().toISOString() })
      .where(eq(users.id, user.id))
      .run();
    tx.delete(sessions)
      .where(and(eq(sessions.userId, user.id), ne(sessions.id, keptSession)))
      .run();
    recordChange(tx, user, { type: 'user', action: 'update', note: 'Đổi mật khẩu' });
  });
}

/** New grants, checked: the units exist and the caller may give each role there. */
function checkGrants(cat: Catalogue, access: Access, wanted: GrantInput[]) {
  const seen = new Set<string>();
  return wanted.flatMap((g, i) => {
    const unit = g.unitId === null ? null : requireUnit(cat, g.unitId, `grants.${i}.unitId`);
    if (!access.canGrant(g.role, unit?.id ?? null))
      throw forbidden(
        unit
          ? `Bạn không có quyền giao vai trò "${ROLE_LABELS[g.role]}" trên "${unit.name}".`
          : `Chỉ người quản trị toàn hệ thống mới giao được vai trò "${ROLE_LABELS[g.role]}" trên mọi đơn vị.`,
      );
    const key = `${g.role}:${unit?.id ?? '*'}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ role: g.role, unitId: unit?.id ?? null }];
  });
}

/**
 * The users this caller can see: every one for a global admin, else themselves and those with
 * a role on a unit they manage, whatever the role (a committee sees who works in its units,
 * admins included, even people it may not change because they hold roles elsewhere too).
 */
const seesUser = (access: Access, user: UserRow, held: GrantRow[]) =>
  access.isGlobalAdmin ||
  user.id === access.user.id ||
  held.some((g) => g.unitId !== null && access.can('manage', g.unitId));

/** GET /api/users: the users this caller can see, with their grants. */
export function visibleUsers(db: Db, access: Access): UserDto[] {
  const cat = catalogue(db);
  return usersWithGrants(db)
    .filter(({ user, grants: held }) => seesUser(access, user, held))
    .map(({ user, grants: held }) => userDto(cat, user, held));
}

function requireUser(db: Db, access: Access, rawId: string) {
  const id = /^[1-9][0-9]{0,15}$/.test(rawId) ? Number(rawId) : Number.NaN;
  const found = Number.isNaN(id) ? undefined : usersWithGrants(db, [id])[0];
  if (!found) throw notFound('user_not_found', `Không có người dùng mã "${clipQuote(rawId)}".`, 'id');
  // Outside one's sight the refusal does not name the user.
  if (!seesUser(access, found.user, found.grants))
    throw forbidden(`Người dùng mã ${found.user.id} không thuộc phạm vi bạn quản lý.`);
  return found;
}

/** The user to change, when the caller covers every grant they hold (shared/rights.ts). */
function requireManagedUser(db: Db, access: Access, rawId: string) {
  if (!access.canManageUsers) throw forbidden('Bạn không có quyền sửa tài khoản của người khác.');
  const found = requireUser(db, access, rawId);
  if (!access.managesUser(found.grants))
    throw forbidden(
      found.grants.length === 0
        ? `Người dùng "${found.user.username}" chưa có vai trò nào; chỉ người quản trị toàn hệ thống mới sửa được.`
        : `Người dùng "${found.user.username}" có vai trò ngoài phạm vi bạn quản lý; chỉ cấp ủy cấp trên hoặc người quản trị mới sửa được.`,
    );
  return found;
}

/** What one may change of one's own account here: the name. The rest is someone else's to do. */
function checkOwnChange(body: { password?: string; active?: boolean; grants?: unknown[] }) {
  if (body.password !== undefined)
    throw new AppError(
      400,
      'own_password',
      'Mật khẩu của chính bạn chỉ đổi được ở mục "Đổi mật khẩu", với mật khẩu hiện tại.',
      'password',
    );
  if (body.active === false)
    throw new AppError(
      400,
      'cannot_deactivate_self',
      'Bạn không thể tự khóa tài khoản của chính mình.',
      'active',
    );
  if (body.grants !== undefined)
    throw new AppError(
      400,
      'own_grants',
      'Vai trò của chính bạn do cấp ủy cấp trên hoặc người quản trị khác thay đổi.',
      'grants',
    );
}

const grantsRequired = (message: string) => new AppError(400, 'grants_required', message, 'grants');

/** Records a grant given or withdrawn, as the history shows it. */
function recordGrant(
  tx: DbOrTx,
  by: UserRow,
  username: string,
  g: Pick<GrantRow, 'role' | 'unitId'>,
  action: 'create' | 'delete',
) {
  const snapshot = { user: username, role: g.role, unitId: g.unitId === null ? null : String(g.unitId) };
  recordChange(tx, by, {
    type: 'grant',
    action,
    unitId: g.unitId,
    ...(action === 'create' ? { after: snapshot } : { before: snapshot }),
  });
}

/** POST /api/users: a user with the grants the caller may give, and a password hard to guess. */
export async function createUser(
  db: Db,
  access: Access,
  body: CreateUserBody,
  log2N: number,
): Promise<UserDto> {
  const cat = catalogue(db);
  if (!access.canManageUsers) throw forbidden('Bạn không có quyền thêm người dùng.');
  const wanted = checkGrants(cat, access, body.grants);
  if (wanted.length === 0 && !access.isGlobalAdmin)
    throw grantsRequired('Hãy giao cho người dùng mới ít nhất một vai trò.');
  await demandStrongPassword(body.password, body);
  if (findUserByName(db, body.username))
    throw conflict('username_taken', `Tên đăng nhập "${body.username}" đã có người dùng.`);
  const passwordHash = await hashPassword(body.password, log2N);
  return db.transaction((tx) => {
    // Checked again inside the write: two requests for one name cannot both pass.
    if (tx.select({ id: users.id }).from(users).where(eq(users.username, body.username)).get())
      throw conflict('username_taken', `Tên đăng nhập "${body.username}" đã có người dùng.`);
    const user = tx
      .insert(users)
      .values({
        username: body.username,
        displayName: body.displayName ?? body.username,
        passwordHash,
        createdBy: access.user.id,
      })
      .returning()
      .get();
    recordChange(tx, access.user, {
      type: 'user',
      action: 'create',
      after: { username: user.username, displayName: user.displayName },
    });
    const rows = wanted.map((g) => {
      const row = tx
        .insert(grants)
        .values({ userId: user.id, ...g })
        .returning()
        .get();
      recordGrant(tx, access.user, user.username, g, 'create');
      return row;
    });
    return userDto(cat, user, rows);
  });
}

/**
 * PATCH /api/users/:id: one's own name, or another's name, password, lock and grants when the
 * caller covers every grant they hold.
 */
export async function updateUser(
  db: Db,
  access: Access,
  rawId: string,
  body: PatchUserBody,
  log2N: number,
): Promise<UserDto> {
  const cat = catalogue(db);
  const self = rawId === String(access.user.id);
  if (self) checkOwnChange(body);
  const { user, grants: held } = self
    ? requireUser(db, access, rawId)
    : requireManagedUser(db, access, rawId);
  const wanted = body.grants ? checkGrants(cat, access, body.grants) : null;
  if (wanted?.length === 0 && !access.isGlobalAdmin)
    throw grantsRequired(
      'Hãy giữ cho người dùng ít nhất một vai trò; muốn ngừng cho người này đăng nhập thì hãy khóa tài khoản.',
    );
  if (body.password !== undefined)
    await demandStrongPassword(body.password, {
      username: user.username,
      displayName: body.displayName ?? user.displayName,
    });
  const passwordHash = body.password ? await hashPassword(body.password, log2N) : null;

  return db.transaction((tx) => {
    const set: Partial<typeof users.$inferInsert> = { updatedAt: new Date().toISOString() };
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    if (body.displayName !== undefined && body.displayName !== user.displayName) {
      set.displayName = body.displayName;
      before.displayName = user.displayName;
      after.displayName = body.displayName;
    }
    if (body.active !== undefined && body.active !== user.active) {
      set.active = body.active;
      before.active = user.active;
      after.active = body.active;
    }
    if (passwordHash) set.passwordHash = passwordHash;
    tx.update(users).set(set).where(eq(users.id, user.id)).run();
    if (Object.keys(after).length || passwordHash)
      recordChange(tx, access.user, {
        type: 'user',
        action: 'update',
        before: { username: user.username, ...before },
        after: { username: user.username, ...after },
        note: passwordHash ? 'Đặt lại mật khẩu' : null,
      });
    if (wanted) {
      // The caller covers every grant held (requireManagedUser): the list replaces them all.
      const key = (g: Pick<GrantRow, 'role' | 'unitId'>) => `${g.role}:${g.unitId ?? '*'}`;
      const keep = new Set(wanted.map(key));
      const have = new Set(held.map(key));
      const removed = held.filter((g) => !keep.has(key(g)));
      if (removed.length)
        tx.delete(grants)
          .where(
            inArray(
              grants.id,
              removed.map((g) => g.id),
            ),
          )
          .run();
      for (const g of removed) recordGrant(tx, access.user, user.username, g, 'delete');
      for (const g of wanted.filter((w) => !have.has(key(w)))) {
        tx.insert(grants)
          .values({ userId: user.id, ...g })
          .run();
        recordGrant(tx, access.user, user.username, g, 'create');
      }
    }
    // A deactivated user or a password reset ends the sessions in use now; roles are read
    // afresh on every request, so a withdrawn one stops working at once without this.
    if (body.active === false || passwordHash) deleteSessionsOf(tx, user.id);
    const fresh = usersWithGrants(tx, [user.id])[0]!;
    return userDto(cat, fresh.user, fresh.grants);
  });
}
