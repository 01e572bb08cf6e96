import { getConnInfo } from '@hono/node-server/conninfo';
import { and, eq, ne } from 'drizzle-orm';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { MeDto } from '../../../shared/accounts';
import { vietnamTime } from '../../../shared/vietnam-time';
import { burnPasswordTime, hashPassword, verifyPassword } from '../../auth/password';
import { demandStrongPassword } from '../../auth/password-rule';
import { Access } from '../../auth/rights';
import { createSession, deleteSession, SESSION_COOKIE, type Session } from '../../auth/sessions';
import {
  DEVICE_COOKIE,
  DEVICE_COOKIE_PATH,
  DEVICE_TRUST_MS,
  deviceToken,
  trustedDevice,
} from '../../auth/trusted-device';
import { findUserByName, userDto } from '../../auth/users';
import { grants, sessions, users } from '../../db/schema';
import { catalogue } from '../../domain/catalogue';
import { recordChange } from '../../domain/history';
import { AppError } from '../../lib/errors';
import { type AppEnv, accessOf, createRouter } from '../../lib/router';
import * as routes from './auth.routes';

function clientAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'không rõ';
  } catch {
    return 'không rõ'; // in-process requests (tests) have no socket
  }
}

/** Secure cookies over HTTPS, directly or behind a proxy that says so. */
function isHttps(c: Context<AppEnv>): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

export function meDto(c: Context<AppEnv>, session: Pick<Session, 'user' | 'grants'>): MeDto {
  const cat = catalogue(c.get('db'));
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const authRouter = createRouter()
  .openapi(routes.login, async (c) => {
    const db = c.get('db');
    const { throttle, scryptLog2N } = c.get('security');
    const { username, password } = c.req.valid('json');
    const user = findUserByName(db, username);
    // A browser this user signed in with before counts its own failures and is not shut out
    // by guesses made elsewhere (auth/trusted-device.ts); any other is counted by the name
    // it tries and the address it comes from.
    const device = user ? trustedDevice(getCookie(c, DEVICE_COOKIE), user) : null;
    const keys = device ? [device] : [`user:${username}`, `addr:${clientAddress(c)}`];

    const refuse = (blocked: Date) => {
      c.header('Retry-After', String(Math.ceil((blocked.getTime() - Date.now()) / 1000)));
      return new AppError(
        429,
        'too_many_attempts',
        `Đăng nhập sai quá nhiều lần; hãy thử lại sau ${vietnamTime(blocked)}.`,
      );
    };
    const blocked = throttle.blockedUntil(keys);
    if (blocked) throw refuse(blocked);

    const valid = user
      ? await verifyPassword(password, user.passwordHash)
      : await burnPasswordTime(password, scryptLog2N).then(() => false);
    // Guesses sent all at once all pass the check above before the first of them is counted:
    // each is answered only if the failures counted meanwhile have not reached the limit.
    const blockedMeanwhile = throttle.blockedUntil(keys);
    if (!user || !valid || !user.active) {
      const delay = throttle.fail(keys);
      if (blockedMeanwhile) throw refuse(blockedMeanwhile);
      await sleep(delay);
      // One answer for every failure: a locked account does not confirm that a password is
      // right, nor that the account exists (docs/decisions/009-accounts-cannot-climb.md).
      throw new AppError(
        401,
        'invalid_credentials',
        'Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa.',
      );
    }
    if (blockedMeanwhile) throw refuse(blockedMeanwhile);
    throttle.succeed(keys[0]!);

    // The session this browser came with, if any, ends here: signing in always starts a new one.
    const presented = c.get('session');
    if (presented) deleteSession(db, presented.id);
    const { token, expiresAt } = createSession(db, user.id);
    setCookie(c, SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'Lax',
      secure: isHttps(c),
      expires: expiresAt,
    });
    setCookie(c, DEVICE_COOKIE, deviceToken(user), {
      path: DEVICE_COOKIE_PATH,
      httpOnly: true,
      sameSite: 'Strict',
      secure: isHttps(c),
      maxAge: DEVICE_TRUST_MS / 1000,
    });
    const session = { user, grants: db.select().from(grants).where(eq(grants.userId, user.id)).all() };
    return c.json({ user: meDto(c, session) }, 200);
  })
  .openapi(routes.logout, (c) => {
    const session = c.get('session');
    if (session) deleteSession(c.get('db'), session.id);
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c) });
    return c.json({ ok: true as const }, 200);
  })
  .openapi(routes.me, (c) => {
    const session = c.get('session');
    if (!session) throw new AppError(401, 'unauthenticated', 'Bạn chưa đăng nhập.');
    return c.json({ user: meDto(c, session) }, 200);
  })
  .openapi(routes.changePassword, async (c) => {
    const access = accessOf(c);
    const db = c.get('db');
    const body = c.req.valid('json');
    if (!(await verifyPassword(body.currentPassword, access.user.passwordHash)))
      throw new AppError(400, 'wrong_password', 'Mật khẩu hiện tại không đúng.', 'currentPassword');
    await demandStrongPassword(body.newPassword, access.user, 'newPassword');
    const passwordHash = await hashPassword(body.newPassword, c.get('security').scryptLog2N);
    db.transaction((tx) => {
      tx.update(users)
        .set({ passwordHash, updatedAt: new Date().toISOString() })
        .where(eq(users.id, access.user.id))
        .run();
      tx.delete(sessions)
        .where(and(eq(sessions.userId, access.user.id), ne(sessions.id, c.get('session')!.id)))
        .run();
      recordChange(tx, access.user, { type: 'user', action: 'update', note: 'Đổi mật khẩu' });
    });
    return c.json({ ok: true as const }, 200);
  });
