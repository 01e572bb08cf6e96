import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '../../../server/db/schema';
import { TEST_PASSWORD, type TestApp, testApp } from '../../helpers/app';
import { NEW_PASSWORD } from '../../helpers/user-rights';

// Issue 12: nobody climbs above their rights through someone else's account. A user may be
// changed (password, name, roles, locked or not) only by someone whose rights cover every
// grant that user holds; making a user gives no lasting power over it; one's own password
// changes only with the current one, through /api/auth/password, which ends the other sessions.
// This file: guesses at a name do not shut out the browsers its owner signed in from.

// ---------------------------------------------------------------------------------------
// Sign-in: guesses at a name do not shut out the browser its owner uses

describe('ten wrong guesses at admin do not lock the real admin out', () => {
  const signIn = (t: TestApp, username: string, password: string, cookie?: string) =>
    t.anonymous.raw('POST', '/api/auth/login', {
      body: JSON.stringify({ username, password }),
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    });
  const deviceCookie = (res: Response) =>
    res.headers
      .getSetCookie()
      .find((c) => c.startsWith('chitieu_thiet_bi='))
      ?.split(';')[0];

  it('gives a browser that signed in a trust cookie for the sign-in only, HttpOnly and SameSite=Strict', async () => {
    const t = testApp();
    const res = await signIn(t, 'admin', TEST_PASSWORD);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('chitieu_thiet_bi='))!;
    expect(cookie).toMatch(/Path=\/api\/auth\/login/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Max-Age=15552000/);
  });

  it('an attacker’s guesses shut out new browsers, while the admin’s own browser signs in', async () => {
    const t = testApp();
    const trusted = deviceCookie(await signIn(t, 'admin', TEST_PASSWORD))!;
    expect(trusted).toBeDefined();
    for (let i = 0; i < 10; i++) expect((await signIn(t, 'admin', `doan-mo-${i}`)).status).toBe(401);
    // A new browser, even with the right password, waits.
    expect((await signIn(t, 'admin', TEST_PASSWORD)).status).toBe(429);
    // The admin's own browser does not.
    expect((await signIn(t, 'admin', TEST_PASSWORD, trusted)).status).toBe(200);
    // And the attacker's failures are not forgotten by that sign-in.
    expect((await signIn(t, 'admin', TEST_PASSWORD)).status).toBe(429);
  });

  it('a trusted browser counts its own failures, and its trust ends with a new password', async () => {
    const t = testApp();
    const trusted = deviceCookie(await signIn(t, 'admin', TEST_PASSWORD))!;
    for (let i = 0; i < 10; i++) expect((await signIn(t, 'admin', `go-sai-${i}`, trusted)).status).toBe(401);
    expect((await signIn(t, 'admin', TEST_PASSWORD, trusted)).status).toBe(429);

    const t2 = testApp();
    const cookie2 = deviceCookie(await signIn(t2, 'admin', TEST_PASSWORD))!;
    const me = (await t2.call('GET', '/api/auth/me')).body.user;
    // A password set from the console (or by another admin) makes older trust worthless.
    const other = t2.as([{ role: 'admin', unitId: null }], 'admin-hai');
    expect((await other.call('PATCH', `/api/users/${me.id}`, { password: NEW_PASSWORD })).status).toBe(200);
    for (let i = 0; i < 10; i++) await signIn(t2, 'admin', `doan-${i}`);
    expect((await signIn(t2, 'admin', NEW_PASSWORD, cookie2)).status).toBe(429);
  });

  it('a forged trust cookie, or one of another user, is no trust', async () => {
    const t = testApp();
    // Test users share one password hash, so only the user's id in the cookie tells them apart.
    t.as([], 'lan');
    const lanCookie = deviceCookie(await signIn(t, 'lan', TEST_PASSWORD))!;
    const adminId = t.db.select().from(users).where(eq(users.username, 'admin')).get()!.id;
    const forged = `chitieu_thiet_bi=${adminId}.${Date.now().toString(36)}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
    for (let i = 0; i < 10; i++) await signIn(t, 'admin', `doan-${i}`);
    expect((await signIn(t, 'admin', TEST_PASSWORD, lanCookie)).status).toBe(429);
    expect((await signIn(t, 'admin', TEST_PASSWORD, forged)).status).toBe(429);
  });
});
