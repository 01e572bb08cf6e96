import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app';
import { expectRefusal } from '../helpers/expect';

describe('general', () => {
  it('GET /api/health answers ok', async () => {
    const t = testApp();
    expect(await t.call('GET', '/api/health')).toEqual({ status: 200, body: { ok: true } });
  });

  it('GET /api/openapi.json describes every route of the contract sections built so far', async () => {
    const t = testApp();
    const res = await t.call('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    const described = Object.entries(res.body.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(described.sort()).toEqual(
      [
        'GET /api/health',
        'GET /api/units',
        'POST /api/units',
        'PATCH /api/units/{id}',
        'DELETE /api/units/{id}',
        'GET /api/indicators',
        'POST /api/indicators',
        'PATCH /api/indicators/{code}',
        'PUT /api/targets/{unitId}/{code}/{period}',
        'DELETE /api/targets/{unitId}/{code}/{period}',
        'PUT /api/results/{unitId}/{code}/{period}',
        'DELETE /api/results/{unitId}/{code}/{period}',
        'GET /api/values',
        'GET /api/dashboard',
        'GET /api/dashboard/units',
      ].sort(),
    );
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
