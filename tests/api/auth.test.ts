import { describe, expect, it } from 'vitest';
import { ensureAdmin } from '../../server/auth/bootstrap';
import { verifyPassword } from '../../server/auth/password';
import { createSession, readSession, SESSION_IDLE_MS, SESSION_MAX_MS } from '../../server/auth/sessions';
import { LoginThrottle } from '../../server/auth/throttle';
import { openDatabase } from '../../server/db/client';
import { seedBasics, TEST_PASSWORD, testApp } from '../helpers/app';
import { expectRefusal } from '../helpers/expect';

const json = { 'Content-Type': 'application/json' };

async function login(
  t: ReturnType<typeof testApp>,
  username: string,
  password: string,
  init: RequestInit = {},
) {
  return t.anonymous.raw('POST', '/api/auth/login', {
    ...init,
    headers: { ...json, ...(init.headers as Record<string, string>) },
    body: JSON.stringify({ username, password }),
  });
}

const sessionCookie = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0]!;

describe('signing in', () => {
  it('gives an HttpOnly, SameSite cookie and the user with their rights', async () => {
    const t = testApp();
    t.as([{ role: 'viewer', unitId: null }], 'lan');
    const res = await login(t, 'Lan', TEST_PASSWORD);
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^chitieu_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    const body = (await res.json()) as any;
    expect(body.user).toMatchObject({ username: 'lan', grants: [{ role: 'viewer', unitId: null }] });
    expect(body.user.can).toEqual({ manageUsers: false, manageIndicators: false, createRootUnits: false });
    expect(JSON.stringify(body)).not.toMatch(/password|hash/i);

    const me = await t.anonymous.raw('GET', '/api/auth/me', { headers: { cookie: sessionCookie(res) } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as any).user.username).toBe('lan');
  });

  it('marks the cookie Secure when served over HTTPS', async () => {
    const t = testApp();
    const res = await t.app.request('https://chitieu.truong.edu.vn/api/auth/login', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ username: 'admin', password: TEST_PASSWORD }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
  });

  it('refuses a wrong password and an unknown user with the same Vietnamese sentence', async () => {
    const t = testApp();
    const wrong = await login(t, 'admin', 'khong-dung');
    const unknown = await login(t, 'khong-co-ai', 'khong-dung');
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    const [a, b] = [(await wrong.json()) as any, (await unknown.json()) as any];
    expect(a.error).toEqual({
      code: 'invalid_credentials',
      message: 'Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa.',
    });
    expect(b.error).toEqual(a.error);
  });

  it('slows repeated failures, then refuses with 429 saying when to try again, even the right password', async () => {
    const t = testApp();
    for (let i = 0; i < 10; i++) expect((await login(t, 'admin', `sai-${i}`)).status).toBe(401);
    const refused = await login(t, 'admin', TEST_PASSWORD);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await refused.json()) as any;
    expect(body.error.code).toBe('too_many_attempts');
    expect(body.error.message).toMatch(/^Đăng nhập sai quá nhiều lần; hãy thử lại sau \d{2}:\d{2}\.$/);
  });

  it('counts failures per user and per address, and forgets them after the window', () => {
    const throttle = new LoginThrottle({
      freeFailures: 3,
      maxFailures: 5,
      windowMs: 60_000,
      delayStepMs: 500,
      maxDelayMs: 3000,
    });
    const keys = ['user:lan', 'addr:10.0.0.5'];
    const delays = [0, 1, 2, 3, 4].map((i) => throttle.fail(keys, 1000 + i));
    expect(delays).toEqual([0, 0, 0, 500, 1000]);
    expect(throttle.blockedUntil(['user:lan'], 2000)?.getTime()).toBe(61_000);
    // Another user from the same address is refused too: guessing many names is one attack.
    expect(throttle.blockedUntil(['user:minh', 'addr:10.0.0.5'], 2000)).not.toBeNull();
    expect(throttle.blockedUntil(['user:minh', 'addr:10.0.0.9'], 2000)).toBeNull();
    expect(throttle.blockedUntil(keys, 61_001)).toBeNull();
  });

  it('signs out: the session stops working at once', async () => {
    const t = testApp();
    const cookie = sessionCookie(await login(t, 'admin', TEST_PASSWORD));
    expect((await t.anonymous.raw('GET', '/api/units', { headers: { cookie } })).status).toBe(200);
    const out = await t.anonymous.raw('POST', '/api/auth/logout', { headers: { cookie } });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/chitieu_session=;.*Max-Age=0/i);
    expectRefusal(await t.anonymous.call('GET', '/api/units'), 401, 'unauthenticated');
    const again = await t.anonymous.raw('GET', '/api/units', { headers: { cookie } });
    expect(again.status).toBe(401);
  });

  it('ends a session after its idle time, and renews one in use', () => {
    const db = openDatabase(':memory:');
    const t0 = new Date('2026-11-24T08:00:00Z');
    return ensureAdmin(db, 'mat-khau-quan-tri', 10).then(() => {
      const { token } = createSession(db, 1, t0);
      const later = new Date(t0.getTime() + SESSION_IDLE_MS - 1000);
      const renewed = readSession(db, token, later);
      expect(renewed).not.toBeNull();
      expect(Date.parse(renewed!.expiresAt)).toBe(later.getTime() + SESSION_IDLE_MS);
      expect(readSession(db, token, new Date(later.getTime() + SESSION_IDLE_MS + 1))).toBeNull();
    });
  });

  it('ends a session a week after sign-in even when in use, without writing on every request near the end', () => {
    const db = openDatabase(':memory:');
    const t0 = new Date('2026-11-24T08:00:00Z');
    return ensureAdmin(db, 'mat-khau-quan-tri', 10).then(() => {
      const { token } = createSession(db, 1, t0);
      let at = t0.getTime();
      // Used every two hours, day and night, for a week.
      while (at + 2 * 3600_000 < t0.getTime() + SESSION_MAX_MS) {
        at += 2 * 3600_000;
        const s = readSession(db, token, new Date(at));
        expect(s).not.toBeNull();
        expect(Date.parse(s!.expiresAt)).toBeLessThanOrEqual(t0.getTime() + SESSION_MAX_MS);
      }
      const changes = db.$client.prepare('SELECT total_changes() AS n').pluck();
      const before = changes.get();
      expect(readSession(db, token, new Date(t0.getTime() + SESSION_MAX_MS - 60_000))).not.toBeNull();
      expect(changes.get()).toBe(before);
      expect(readSession(db, token, new Date(t0.getTime() + SESSION_MAX_MS))).toBeNull();
    });
  });

  it('ends the session a browser came with when it signs in again', async () => {
    const t = testApp();
    const first = sessionCookie(await login(t, 'admin', TEST_PASSWORD));
    const again = await t.anonymous.raw('POST', '/api/auth/login', {
      headers: { cookie: first, 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: TEST_PASSWORD }),
    });
    expect(again.status).toBe(200);
    const second = sessionCookie(again);
    expect(second).not.toBe(first);
    expect((await t.anonymous.raw('GET', '/api/units', { headers: { cookie: first } })).status).toBe(401);
    expect((await t.anonymous.raw('GET', '/api/units', { headers: { cookie: second } })).status).toBe(200);
  });

  it('refuses a forged or unknown session cookie with 401, never a 500', async () => {
    const t = testApp();
    for (const cookie of ['chitieu_session=abc', 'chitieu_session=', `chitieu_session=${'x'.repeat(5000)}`]) {
      const res = await t.anonymous.raw('GET', '/api/units', { headers: { cookie } });
      expect(res.status).toBe(401);
    }
  });

  it('changes one’s own password, and signs out one’s other sessions', async () => {
    const t = testApp();
    const other = sessionCookie(await login(t, 'admin', TEST_PASSWORD));
    expectRefusal(
      await t.call('POST', '/api/auth/password', {
        currentPassword: 'sai',
        newPassword: 'mat-khau-moi-2026',
      }),
      400,
      'wrong_password',
    );
    expectRefusal(
      await t.call('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'ngan' }),
      400,
    );
    const ok = await t.call('POST', '/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'mat-khau-moi-2026',
    });
    expect(ok.status).toBe(200);
    expect((await t.call('GET', '/api/auth/me')).status).toBe(200);
    expect((await t.anonymous.raw('GET', '/api/auth/me', { headers: { cookie: other } })).status).toBe(401);
    expect((await login(t, 'admin', 'mat-khau-moi-2026')).status).toBe(200);
  });
});

describe('the first start', () => {
  it('creates admin with ADMIN_PASSWORD, hashed with scrypt, only on a database without users', async () => {
    const db = openDatabase(':memory:');
    const made = await ensureAdmin(db, 'mat-khau-cua-truong', 10);
    expect(made).toMatchObject({ username: 'admin', generated: false, role: 'admin' });
    const row = db.$client.prepare("select password_hash from users where username = 'admin'").get() as any;
    expect(row.password_hash).toMatch(/^scrypt\$10\$8\$1\$/);
    expect(row.password_hash).not.toContain('mat-khau-cua-truong');
    expect(await verifyPassword('mat-khau-cua-truong', row.password_hash)).toBe(true);
    expect(await ensureAdmin(db, 'khac', 10)).toBeNull();
  });

  it('makes up a password to print once when ADMIN_PASSWORD is unset', async () => {
    const db = openDatabase(':memory:');
    const made = await ensureAdmin(db, undefined, 10);
    expect(made?.generated).toBe(true);
    expect(made?.password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
  });
});

describe('cross-site requests and headers', () => {
  it('refuses a state-changing request from another site, and changes nothing', async () => {
    const t = testApp();
    const { a } = await seedBasics(t);
    const before = t.snapshot();
    const attempts: Record<string, string>[] = [
      { origin: 'https://ke-xau.example', 'content-type': 'application/x-www-form-urlencoded' },
      {
        origin: 'https://ke-xau.example',
        'sec-fetch-site': 'cross-site',
        'content-type': 'application/json',
      },
      { 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' },
      // JSON from another site's page: a browser would preflight it first, but it is refused
      // here all the same, and so is an Origin that is not a URL at all.
      { origin: 'https://ke-xau.example', 'content-type': 'application/json' },
      { origin: 'null', 'content-type': 'application/json' },
    ];
    for (const headers of attempts) {
      const res = await t.raw('PUT', `/api/results/${a.id}/KET_NAP/2025`, { headers, body: '{"value":5}' });
      expect(res.status).toBe(403);
      const body = (await res.json()) as any;
      expect(body.error.code).toBe('cross_site_request');
    }
    expect(t.snapshot()).toBe(before);
  });

  it('accepts the same request from the app’s own page and from a script without a browser', async () => {
    const t = testApp();
    const { a } = await seedBasics(t);
    const own = await t.raw('PUT', `http://localhost/api/results/${a.id}/KET_NAP/2025`, {
      headers: {
        origin: 'http://localhost',
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json',
      },
      body: '{"value":5}',
    });
    expect(own.status).toBe(200);
    const script = await t.call('PUT', `/api/results/${a.id}/KET_NAP/2025`, { value: 6 });
    expect(script.status).toBe(200);
  });

  it('sends security headers and a content security policy: data is never sniffed, framed or run', async () => {
    const t = testApp();
    const res = await t.anonymous.raw('GET', '/api/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
  });

  it('gives the pages of the client the full policy', async () => {
    const t = testApp();
    // No client is built in these tests: the catch-all 404 of a page path still carries it.
    const res = await t.anonymous.raw('GET', '/bang-chi-tieu');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=/);
  });
});
