import { count, eq, isNull } from 'drizzle-orm';
import type { Role } from '../../shared/accounts';
import type { Db } from '../db/client';
import { grants, units, users } from '../db/schema';
import { recordChange } from '../domain/history';
import { hashPassword, randomPassword } from './password';

export interface CreatedAccount {
  username: string;
  displayName: string;
  password: string;
  /** Whether the password was made up here, and so must be shown once. */
  generated: boolean;
  role: Role;
  unitName: string | null;
}

async function addUser(
  db: Db,
  account: { username: string; displayName: string; password: string; role: Role; unitId: number | null },
  log2N: number,
) {
  const passwordHash = await hashPassword(account.password, log2N);
  db.transaction((tx) => {
    const user = tx
      .insert(users)
      .values({ username: account.username, displayName: account.displayName, passwordHash })
      .returning()
      .get();
    tx.insert(grants).values({ userId: user.id, role: account.role, unitId: account.unitId }).run();
    recordChange(tx, null, {
      type: 'user',
      action: 'create',
      after: { username: user.username },
      note: 'Khởi tạo',
    });
    recordChange(tx, null, {
      type: 'grant',
      action: 'create',
      unitId: account.unitId,
      after: {
        user: user.username,
        role: account.role,
        unitId: account.unitId === null ? null : String(account.unitId),
      },
    });
  });
}

/**
 * On a database with no users: the administrator `admin`, with `ADMIN_PASSWORD` or a random
 * password to print once (docs/api.md, "Starting the server").
 */
export async function ensureAdmin(
  db: Db,
  password: string | undefined,
  log2N: number,
): Promise<CreatedAccount | null> {
  const existing = db.select({ n: count() }).from(users).get()!.n;
  if (existing > 0) return null;
  const account = {
    username: 'admin',
    displayName: 'Quản trị hệ thống',
    password: password ?? randomPassword(),
    role: 'admin' as const,
    unitId: null,
  };
  await addUser(db, account, log2N);
  return { ...account, generated: password === undefined, unitName: null };
}

/**
 * One user per role on the demo organisation, loaded with the demo data: the committee's
 * secretary, a chi bộ reporting its results, and a leader who only looks.
 */
export async function addDemoUsers(db: Db, log2N: number): Promise<CreatedAccount[]> {
  const root = db.select().from(units).where(isNull(units.parentId)).get();
  const cell = db.select().from(units).where(eq(units.name, 'Chi bộ Khoa Giáo dục Tiểu học – Mầm non')).get();
  if (!root || !cell) return [];
  const plan = [
    { username: 'danguy', displayName: 'Văn phòng Đảng ủy', role: 'committee' as const, unit: root },
    {
      username: 'chibo.gdth',
      displayName: 'Bí thư Chi bộ Khoa GDTH–MN',
      role: 'reporter' as const,
      unit: cell,
    },
    { username: 'lanhdao', displayName: 'Lãnh đạo Nhà trường', role: 'viewer' as const, unit: root },
  ];
  const out: CreatedAccount[] = [];
  for (const p of plan) {
    if (db.select().from(users).where(eq(users.username, p.username)).get()) continue;
    const password = randomPassword();
    await addUser(db, { ...p, password, unitId: p.unit.id }, log2N);
    out.push({ ...p, password, generated: true, unitName: p.unit.name });
  }
  return out;
}
