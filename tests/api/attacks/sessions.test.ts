import { afterEach, describe, expect, it, vi } from 'vitest';
import { SESSION_IDLE_MS } from '../../../server/auth/sessions';
import { seedBasics, TEST_PASSWORD, type TestApp, testApp } from '../../helpers/app';
import { expectRefusal } from '../../helpers/expect';

// Issue 8, "It holds", part 6: what an attacker would try. Text built to break SQL or to run
// in a page, stored in every free-text field, comes back as the very same text everywhere the
// API gives it out (and in the spreadsheets as text, never as a formula); sessions cannot be
// planted, outlived or ridden from another site; and the sign-in throttle holds when the
// guesses come all at once. The browser's side of the payloads is in tests/e2e/attacks.test.ts.
// This file: sessions cannot be planted or outlived.

const json = { 'content-type': 'application/json' };
const tokenOf = (res: Response) => /chitieu_session=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1];

// ---------------------------------------------------------------------------------------
// Sessions

async function login(t: TestApp, username: string, password: string, cookie?: string) {
  return t.anonymous.raw('POST', '/api/auth/login', {
    headers: { ...json, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ username, password }),
  });
}

const me = async (t: TestApp, token: string) => {
  const res = await t.anonymous.raw('GET', '/api/auth/me', {
    headers: { cookie: `chitieu_session=${token}` },
  });
  return {
    status: res.status,
    username: res.status === 200 ? ((await res.json()) as any).user.username : null,
  };
};

describe('session fixation', () => {
  it('never adopts a token chosen by an attacker: signing in issues a new one, the planted one stays dead', async () => {
    const t = testApp();
    t.as([{ role: 'viewer', unitId: null }], 'lan');
    const planted = 'Zk3pQ9vX2mN7sL4tR8wY1cB6dF0gH5jK2aE9uI3oP7q';
    expect(await me(t, planted)).toEqual({ status: 401, username: null });
    const res = await login(t, 'lan', TEST_PASSWORD, `chitieu_session=${planted}`);
    expect(res.status).toBe(200);
    const issued = tokenOf(res)!;
    expect(issued).toMatch(/^[\w-]{43}$/);
    expect(issued).not.toBe(planted);
    expect(await me(t, planted)).toEqual({ status: 401, username: null });
    expect(await me(t, issued)).toEqual({ status: 200, username: 'lan' });
  });

  it('never makes an attacker’s session planted in a victim’s browser the victim’s: signing in ends it', async () => {
    const t = testApp();
    t.as([{ role: 'viewer', unitId: null }], 'ke-xau');
    t.as([{ role: 'committee', unitId: null }], 'lan');
    const attacker = tokenOf(await login(t, 'ke-xau', TEST_PASSWORD))!;
    const victim = tokenOf(await login(t, 'lan', TEST_PASSWORD, `chitieu_session=${attacker}`))!;
    expect(victim).not.toBe(attacker);
    expect(await me(t, victim)).toEqual({ status: 200, username: 'lan' });
    // The attacker's cookie never became the victim's session: it was ended by the sign-in.
    expect((await me(t, attacker)).status).toBe(401);
  });

  it('gives a new token at every sign-in, and keeps only digests of tokens in the database', async () => {
    const t = testApp();
    t.as([{ role: 'viewer', unitId: null }], 'lan');
    const first = tokenOf(await login(t, 'lan', TEST_PASSWORD))!;
    const second = tokenOf(await login(t, 'lan', TEST_PASSWORD, `chitieu_session=${first}`))!;
    const third = tokenOf(await login(t, 'lan', TEST_PASSWORD))!;
    expect(new Set([first, second, third]).size).toBe(3);
    expect(await me(t, third)).toEqual({ status: 200, username: 'lan' });
    // A copy of the database gives no cookie that works.
    const dump = t.snapshot();
    for (const token of [first, second, third]) expect(dump).not.toContain(token);
  });
});

describe('expired sessions', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('refuses a session past its idle time with 401 and the contract’s body, for reads and for writes', async () => {
    const t = testApp();
    const { a } = await seedBasics(t);
    const signedIn = Date.now();
    const cookie = `chitieu_session=${tokenOf(await login(t, 'admin', TEST_PASSWORD))}`;
    const as = (method: string, path: string, body?: unknown) =>
      t.anonymous.raw(method, path, {
        headers: { cookie, ...json },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    // In use, the session is known and kept in memory.
    expect((await as('GET', '/api/units')).status).toBe(200);
    expect((await as('PUT', `/api/results/${a.id}/KET_NAP/2025`, { value: 1 })).status).toBe(200);

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(signedIn + SESSION_IDLE_MS + 60_000);
    const before = t.snapshot();
    const attempts: [string, string, unknown][] = [
      ['GET', '/api/units', undefined],
      ['GET', '/api/auth/me', undefined],
      ['PUT', `/api/results/${a.id}/KET_NAP/2025`, { value: 2, version: 1 }],
      ['PUT', `/api/targets/${a.id}/KET_NAP/2025`, { value: 2 }],
      [
        'POST',
        '/api/values/batch',
        { results: [{ unitId: a.id, code: 'KET_NAP', period: '2025', value: 3 }] },
      ],
      ['POST', '/api/units', { parentId: a.id, name: 'Tổ mới', kind: 'don_vi' }],
      ['PUT', `/api/locks/${a.id}/2025`, {}],
      ['POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-2026' }],
    ];
    for (const [method, path, body] of attempts) {
      const res = await as(method, path, body);
      const answer = { status: res.status, body: await res.json() };
      expectRefusal(answer, 401, 'unauthenticated');
    }
    expect(t.snapshot()).toBe(before);
    // Signing in again is the way back.
    expect((await login(t, 'admin', TEST_PASSWORD)).status).toBe(200);
  });
});
