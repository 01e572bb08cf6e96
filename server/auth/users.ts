import { asc, eq, inArray } from 'drizzle-orm';
import type { GrantDto, UserDto } from '../../shared/accounts';
import type { Db, DbOrTx } from '../db/client';
import { type GrantRow, grants, type UserRow, users } from '../db/schema';
import type { Catalogue } from '../domain/catalogue';

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
