import { describe, expect, it } from 'vitest';
import { registeredApiRoutes, testApp } from '../helpers/app';
import { expectRefusal } from '../helpers/expect';

describe('general', () => {
  it('GET /api/health answers ok', async () => {
    const t = testApp();
    expect(await t.call('GET', '/api/health')).toEqual({ status: 200, body: { ok: true } });
  });

  it('GET /api/openapi.json describes every route the app registers', async () => {
    const t = testApp();
    const res = await t.anonymous.call('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    const described = Object.entries(res.body.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const registered = registeredApiRoutes(t.app).map((r) => r.replace(/:(\w+)/g, '{$1}'));
    expect(registered.length).toBeGreaterThan(20);
    expect(new Set(described)).toEqual(new Set(registered));
    // The contract's own routes, by name.
    for (const route of [
      'GET /api/units',
      'PUT /api/results/{unitId}/{code}/{period}',
      'GET /api/dashboard/units',
      'POST /api/auth/login',
      'PUT /api/locks/{unitId}/{period}',
      'GET /api/history',
      'PATCH /api/users/{id}',
    ])
      expect(described).toContain(route);
  });

  it('answers an unknown API path with a Vietnamese 404', async () => {
    expectRefusal(await testApp().call('GET', '/api/nothing-here'), 404, 'not_found');
  });

  it('refuses a body that is not JSON with 415 and a Vietnamese sentence', async () => {
    const t = testApp();
    const res = await t.raw('POST', '/api/units', {
      body: 'name=X',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(415);
    const body = await res.json();
    expect(body.error.code).toBe('unsupported_media_type');
    expect(body.error.message).toContain('Content-Type: application/json');
  });

  it('names a missing field in Vietnamese', async () => {
    const res = await testApp().call('POST', '/api/units', { parentId: null, kind: 'chi_bo' });
    expectRefusal(res, 400, 'invalid_input');
    expect(res.body.error).toMatchObject({ message: 'Thiếu tên.', field: 'name' });
  });

  it('never answers bad JSON with a 5xx', async () => {
    const t = testApp();
    for (const body of ['', 'null', '[]', '"text"', '{', '{"value": NaN}', '\u0000']) {
      const res = await t.call('POST', '/api/units', body);
      expect(res.status, body).toBeGreaterThanOrEqual(400);
      expect(res.status, body).toBeLessThan(500);
      expect(res.body.error.message).toBeTruthy();
    }
  });
});
