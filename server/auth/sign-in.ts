import { vietnamTime } from '../../shared/vietnam-time';
import type { Db } from '../db/client';
import type { UserRow } from '../db/schema';
import { AppError } from '../lib/errors';
import { burnPasswordTime, verifyPassword } from './password';
import type { LoginThrottle } from './throttle';
import { trustedDevice } from './trusted-device';
import { findUserByName } from './users';

// Whether a name and a password sign in, under the throttle of failed guesses
// (docs/decisions/009-accounts-cannot-climb.md).

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** 429 until `blocked`, with Retry-After in seconds and the time on Vietnam's clock. */
const tooManyAttempts = (blocked: Date) =>
  new AppError(
    429,
    'too_many_attempts',
    `Đăng nhập sai quá nhiều lần; hãy thử lại sau ${vietnamTime(blocked)}.`,
    undefined,
    undefined,
    { 'Retry-After': String(Math.ceil((blocked.getTime() - Date.now()) / 1000)) },
  );

/**
 * The user these credentials are of. Refused with 429 while the name, the address or the
 * trusted browser is shut out, otherwise with one 401 for every failure.
 */
export async function checkCredentials(
  db: Db,
  security: { throttle: LoginThrottle; scryptLog2N: number },
  credentials: { username: string; password: string },
  from: { deviceCookie: string | undefined; address: string },
): Promise<UserRow> {
  const { throttle, scryptLog2N } = security;
  const { username, password } = credentials;
  const user = findUserByName(db, username);
  // A browser this user signed in with before counts its own failures and is not shut out
  // by guesses made elsewhere (auth/trusted-device.ts); any other is counted by the name
  // it tries and the address it comes from.
  const device = user ? trustedDevice(from.deviceCookie, user) : null;
  const keys = device ? [device] : [`user:${username}`, `addr:${from.address}`];

  const blocked = throttle.blockedUntil(keys);
  if (blocked) throw tooManyAttempts(blocked);

  const valid = user
    ? await verifyPassword(password, user.passwordHash)
    : await burnPasswordTime(password, scryptLog2N).then(() => false);
  // Guesses sent all at once all pass the check above before the first of them is counted:
  // each is answered only if the failures counted meanwhile have not reached the limit.
  const blockedMeanwhile = throttle.blockedUntil(keys);
  if (!user || !valid || !user.active) {
    const delay = throttle.fail(keys);
    if (blockedMeanwhile) throw tooManyAttempts(blockedMeanwhile);
    await sleep(delay);
    // One answer for every failure: a locked account does not confirm that a password is
    // right, nor that the account exists.
    throw new AppError(
      401,
      'invalid_credentials',
      'Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa.',
    );
  }
  if (blockedMeanwhile) throw tooManyAttempts(blockedMeanwhile);
  throttle.succeed(keys[0]!);
  return user;
}
