import { describe, expect, inject, it } from 'vitest';

// The server process sets the security headers on Node's response (lib/security-headers.ts):
// the pages get the full policy, the data of /api the one that suits data.

const base = inject('baseURL');

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
