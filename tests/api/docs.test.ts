import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app';

// GET /api/docs: the API reference as a page a person reads, from the OpenAPI description.
// The browser's side (it renders every route, no policy violation) is tests/e2e/api-docs.test.ts.

describe('the API reference page', () => {
  it('is public, Vietnamese, and loads Swagger UI from this server under the page’s own policy', async () => {
    const t = testApp();
    const res = await t.anonymous.raw('GET', '/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Tài liệu API · Chỉ tiêu');
    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]!);
    const styles = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
    // No inline script: the page's policy would refuse it.
    expect(html).not.toMatch(/<script>/);
    for (const path of [...scripts, ...styles]) {
      expect(path.startsWith('/api/docs/')).toBe(true);
      const file = await t.anonymous.raw('GET', path);
      expect(file.status, path).toBe(200);
      expect((await file.arrayBuffer()).byteLength, path).toBeGreaterThan(50);
    }
    const start = await (await t.anonymous.raw('GET', '/api/docs/khoi-dong.js')).text();
    expect(start).toContain("url: '/api/openapi.json'");
  });

  it('answers an unknown file with the contract’s 404', async () => {
    const t = testApp();
    const res = await t.anonymous.call('GET', '/api/docs/khong-co.js');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('leaves every other route of the API behind the session', async () => {
    const t = testApp();
    expect((await t.anonymous.call('GET', '/api/units')).status).toBe(401);
    expect((await t.anonymous.call('GET', '/api/docsx')).status).toBe(401);
  });
});
