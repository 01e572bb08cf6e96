import { describe, expect, inject, it } from 'vitest';
import { SESSION_COOKIE } from '../../server/auth/sessions';
import { base } from '../helpers/e2e';

// The server process sets the security headers on Node's response (lib/security-headers.ts):
// the pages get the full policy, the data of /api the one that suits data.

describe('the security headers of the real server', () => {
  it('gives the pages the full content security policy', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'; script-src 'self'/);
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=/);
    const script = /src="([^"]+\.js)"/.exec(await res.text())?.[1];
    const js = await fetch(`${base}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(js.headers.get('content-encoding')).toBe('gzip');
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('gives the data of /api no sniffing, no framing and nothing to run', async () => {
    const res = await fetch(`${base}/api/health`);
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves the production build of the client, even when the tests built it', async () => {
    // The build run by these tests' setup inherits NODE_ENV=test; it must still bundle
    // React's production builds, since `npm start` afterwards serves the same files.
    const html = await (await fetch(`${base}/`)).text();
    const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(file).not.toMatch(/jsx-dev-runtime/);
      const js = await (await fetch(`${base}${file}`)).text();
      expect(js).not.toMatch(/jsxDEV|react-dom\.development|react\.development/);
    }
  });
});

// The server process reads the cookie, Origin and Sec-Fetch-Site from Node's own request
// (lib/request-headers.ts); the in-process tests go through Hono's. Both must refuse alike.
describe('the checks of the real server on requests', () => {
  const signIn = async () => {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: inject('adminPassword') }),
    });
    expect(res.status).toBe(200);
    return res.headers.getSetCookie()[0]!.split(';')[0]!;
  };

  it('finds the session among other cookies, and refuses a forged one', async () => {
    const session = await signIn();
    const me = await fetch(`${base}/api/auth/me`, { headers: { cookie: `ga=1; ${session}; theme=dark` } });
    expect(me.status).toBe(200);
    const forged = await fetch(`${base}/api/auth/me`, { headers: { cookie: `${SESSION_COOKIE}=gia-mao` } });
    expect(forged.status).toBe(401);
    expect((await forged.json()).error.message).toMatch(/đăng nhập/i);
  });

  it('refuses a write sent from another site, and changes nothing', async () => {
    const cookie = await signIn();
    const before = await (await fetch(`${base}/api/units`, { headers: { cookie } })).text();
    const body = JSON.stringify({ parentId: null, name: 'Đơn vị lạ', kind: 'chi_bo' });
    const attempts: Record<string, string>[] = [
      { origin: 'https://ke-gia-mao.example' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const extra of attempts) {
      const res = await fetch(`${base}/api/units`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', ...extra },
        body,
      });
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('cross_site_request');
    }
    expect(await (await fetch(`${base}/api/units`, { headers: { cookie } })).text()).toBe(before);
    const own = await fetch(`${base}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie, origin: base, 'sec-fetch-site': 'same-origin' },
    });
    expect(own.status).toBe(200);
  });
});
