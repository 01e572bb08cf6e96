import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app';
import { SESSION_IDLE_MS } from '../../server/auth/sessions';
import { hotHits } from '../../server/lib/hot-answers';
import { nodeListener } from '../../server/lib/node-listener';
import { AS_OF, seedBasics, TEST_LOG2N, TEST_PASSWORD, TEST_THROTTLE, testApp } from '../helpers/app';

// The kept answers served again before Hono (server/lib/hot-answers.ts), through the very
// listener the server process uses, on a real socket.

const servers: Server[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function served(demo = true) {
  const t = testApp({ demo });
  const app = createApp({
    db: t.db,
    scryptLog2N: TEST_LOG2N,
    throttle: TEST_THROTTLE,
    securityHeaders: 'node',
  });
  const server = createServer(await nodeListener(app, t.db));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const signIn = async (username: string) => {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: TEST_PASSWORD }),
    });
    expect(res.status).toBe(200);
    return res.headers.getSetCookie()[0]!.split(';')[0]!;
  };
  const get = async (path: string, cookie: string, encoding = 'identity') => {
    const res = await fetch(base + path, { headers: { cookie, 'accept-encoding': encoding } });
    const headers = Object.fromEntries([...res.headers].filter(([name]) => name !== 'date'));
    return { status: res.status, headers, body: await res.text() };
  };
  return { t, base, signIn, get };
}

describe('kept answers served before Hono', () => {
  it('answers the same request again with the same bytes and headers, without the app', async () => {
    const { t, get } = await served();
    const root = (await t.call('GET', '/api/units')).body.units[0].id;
    const cookie = t.cookie!;
    for (const encoding of ['identity', 'gzip, deflate, br']) {
      const path = `/api/dashboard?unit=${root}&period=2025&asOf=${AS_OF}`;
      const first = await get(path, cookie, encoding);
      expect(first.status).toBe(200);
      const hits = hotHits(t.db);
      const again = await get(path, cookie, encoding);
      expect(hotHits(t.db)).toBe(hits + 1);
      expect(again).toEqual(first);
      expect(again.headers['x-content-type-options']).toBe('nosniff');
      expect(again.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    }
  });

  it('never gives one user’s answer to another, nor to a signed-out session', async () => {
    const { t, get, signIn } = await served(false);
    const { root, a, b } = await seedBasics(t);
    t.as([{ role: 'committee', unitId: a.id }], 'bi-thu-a');
    const admin = await signIn('admin');
    const path = `/api/dashboard?unit=${root.id}&period=2025&asOf=${AS_OF}`;
    expect((await get(path, admin)).status).toBe(200);
    expect((await get(path, admin)).status).toBe(200);
    const hits = hotHits(t.db);
    // A user of chi bộ A may not read the root: refused by the app, whatever is kept.
    const other = await signIn('bi-thu-a');
    expect((await get(path, other)).status).toBe(403);
    expect((await get(`/api/dashboard?unit=${b.id}&period=2025&asOf=${AS_OF}`, other)).status).toBe(403);
    // A forged cookie, or the admin's with one more cookie beside it, goes to the app too.
    expect((await get(path, `${admin}x`)).status).toBe(401);
    expect((await get(path, `${admin}; theme=dark`)).status).toBe(200);
    expect(hotHits(t.db)).toBe(hits);
    // Signed out: the same request, byte for byte, is refused.
    const logout = await t.anonymous.raw('POST', '/api/auth/logout', { headers: { cookie: admin } });
    expect(logout.status).toBe(200);
    expect((await get(path, admin)).status).toBe(401);
  });

  it('shows a write at once: any write drops every kept answer', async () => {
    const { t, get } = await served(false);
    const { a } = await seedBasics(t);
    const path = `/api/dashboard?unit=${a.id}&period=2025&asOf=${AS_OF}`;
    const cookie = t.cookie!;
    const figure = async () =>
      JSON.parse((await get(path, cookie)).body).rows.find(
        (r: { indicator: { code: string } }) => r.indicator.code === 'KET_NAP',
      )?.result?.value ?? null;
    expect(await figure()).toBeNull();
    expect(await figure()).toBeNull();
    for (const value of [3, 4, 5]) {
      expect((await t.call('PUT', `/api/results/${a.id}/KET_NAP/2025`, { value })).status).toBe(200);
      expect(await figure()).toBe(value);
      expect(await figure()).toBe(value);
    }
  });

  it('lets the app renew a session in use, and judge a new day', async () => {
    const { t, get } = await served();
    const root = (await t.call('GET', '/api/units')).body.units[0].id;
    const cookie = t.cookie!;
    const path = `/api/dashboard?unit=${root}&period=2025`;
    // The session was made just now; the clock moves on from here.
    const start = Date.now();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(start + 60_000);
    expect((await get(path, cookie)).status).toBe(200);
    let hits = hotHits(t.db);
    expect((await get(path, cookie)).status).toBe(200);
    expect(hotHits(t.db)).toBe(hits + 1);
    // Eleven minutes on, the session is due for renewal: the app answers, and renews it.
    vi.setSystemTime(start + 11 * 60_000);
    hits = hotHits(t.db);
    expect((await get(path, cookie)).status).toBe(200);
    expect(hotHits(t.db)).toBe(hits);
    const session = t.db.$client.prepare('SELECT max(expires_at) AS at FROM sessions').get() as {
      at: string;
    };
    expect(Date.parse(session.at)).toBe(start + 11 * 60_000 + SESSION_IDLE_MS);
    // Past midnight in Vietnam, an answer judged on "today" is judged again; one judged on a
    // day the request gives is not. Asked a minute before midnight (the session renewed then),
    // again (kept), and thirty seconds after.
    const hour = 3600_000;
    let midnight = Math.ceil((start + 7 * hour) / (24 * hour)) * 24 * hour - 7 * hour;
    if (midnight - 60_000 < start + 12 * 60_000) midnight += 24 * hour;
    const dated = `${path}&asOf=${AS_OF}`;
    vi.setSystemTime(midnight - 60_000);
    // Midnight may be more than a session's idle time away: a session made a minute before it.
    const late = t.as([{ role: 'admin', unitId: null }], 'truc-dem').cookie!;
    expect((await get(path, late)).status).toBe(200);
    expect((await get(dated, late)).status).toBe(200);
    hits = hotHits(t.db);
    expect((await get(path, late)).status).toBe(200);
    expect(hotHits(t.db)).toBe(hits + 1);
    vi.setSystemTime(midnight + 30_000);
    expect((await get(path, late)).status).toBe(200);
    expect(hotHits(t.db)).toBe(hits + 1);
    expect((await get(dated, late)).status).toBe(200);
    expect(hotHits(t.db)).toBe(hits + 2);
  });
});
