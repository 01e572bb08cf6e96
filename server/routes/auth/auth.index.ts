import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createSession, deleteSession, SESSION_COOKIE } from '../../auth/sessions';
import { checkCredentials } from '../../auth/sign-in';
import { DEVICE_COOKIE, DEVICE_COOKIE_PATH, DEVICE_TRUST_MS, deviceToken } from '../../auth/trusted-device';
import { changeOwnPassword, grantsOf, meDto } from '../../auth/users';
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

export const authRouter = createRouter()
  .openapi(routes.login, async (c) => {
    const db = c.get('db');
    const user = await checkCredentials(db, c.get('security'), c.req.valid('json'), {
      deviceCookie: getCookie(c, DEVICE_COOKIE),
      address: clientAddress(c),
    });

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
    return c.json({ user: meDto(db, { user, grants: grantsOf(db, user.id) }) }, 200);
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
    return c.json({ user: meDto(c.get('db'), session) }, 200);
  })
  .openapi(routes.changePassword, async (c) => {
    const access = accessOf(c);
    const log2N = c.get('security').scryptLog2N;
    await changeOwnPassword(c.get('db'), access.user, c.get('session')!.id, c.req.valid('json'), log2N);
    return c.json({ ok: true as const }, 200);
  });
