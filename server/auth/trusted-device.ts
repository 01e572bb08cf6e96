import { createHmac, timingSafeEqual } from 'node:crypto';
import type { UserRow } from '../db/schema';

// A browser that has signed in as a user before is trusted for that user ("device cookies",
// OWASP's answer to lock-out by guessing): ten wrong guesses at `admin` from anywhere else
// shut out only the places that guessed, and the real admin, on a browser they used before,
// still signs in. The cookie names the user and when it was given, signed with a key derived
// from the user's password hash: it cannot be forged without the database, needs no table of
// its own (several servers agree on it), and a new password ends every trust given before.

export const DEVICE_COOKIE = 'chitieu_thiet_bi';
/** Sent only to the sign-in: no other request carries it. */
export const DEVICE_COOKIE_PATH = '/api/auth/login';
/** How long a browser stays trusted without signing in again. */
export const DEVICE_TRUST_MS = 180 * 24 * 60 * 60 * 1000;

const sign = (user: UserRow, issued: string) =>
  createHmac('sha256', `thiết bị tin cậy|${user.passwordHash}`)
    .update(`${user.id}.${issued}`)
    .digest('base64url');

/** The cookie's value for a sign-in of `user` now. */
export function deviceToken(user: UserRow, now = Date.now()): string {
  const issued = now.toString(36);
  return `${user.id}.${issued}.${sign(user, issued)}`;
}

/** The device's key for counting its failures, when the cookie is a live one of this user; else null. */
export function trustedDevice(token: string | undefined, user: UserRow, now = Date.now()): string | null {
  if (!token || token.length > 200) return null;
  const [id, issued, mac] = token.split('.');
  if (id !== String(user.id) || !issued || !mac) return null;
  const at = Number.parseInt(issued, 36);
  if (!Number.isFinite(at) || at > now || now - at > DEVICE_TRUST_MS) return null;
  const expected = Buffer.from(sign(user, issued));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected) ? `device:${mac}` : null;
}
