import { describe, expect, it } from 'vitest';
import { registeredApiRoutes, seedBasics, TEST_PASSWORD, type TestApp, testApp } from '../../helpers/app';

// Issue 8, "It holds", part 6: what an attacker would try. Text built to break SQL or to run
// in a page, stored in every free-text field, comes back as the very same text everywhere the
// API gives it out (and in the spreadsheets as text, never as a formula); sessions cannot be
// planted, outlived or ridden from another site; and the sign-in throttle holds when the
// guesses come all at once. The browser's side of the payloads is in tests/e2e/attacks.test.ts.
// This file: no write from another site.

// ---------------------------------------------------------------------------------------
// Requests from another site

/** A request that the app's own page may send, built for the seeded data. */
interface WriteRequest {
  method: string;
  path: string;
  body?: unknown;
  form?: () => FormData;
}

function writeRequests(ids: { root: any; a: any; b: any }, spare: { unit: string; user: string }) {
  const a = ids.a.id;
  const importForm = () => {
    const form = new FormData();
    form.append(
      'file',
      new File(
        [`unit,code,period,type,value,numerator,denominator,note\n${a},KET_NAP,2026,result,7,,,`],
        'x.csv',
      ),
    );
    return form;
  };
  const requests: Record<string, WriteRequest> = {
    'POST /api/auth/login': {
      method: 'POST',
      path: '/api/auth/login',
      body: { username: 'admin', password: TEST_PASSWORD },
    },
    'POST /api/import': { method: 'POST', path: '/api/import', form: importForm },
    'POST /api/indicators': {
      method: 'POST',
      path: '/api/indicators',
      body: { code: 'MOI', name: 'Chỉ tiêu mới', unitLabel: 'người', kind: 'count' },
    },
    'PATCH /api/indicators/:code': { method: 'PATCH', path: '/api/indicators/KH', body: { name: 'Tên mới' } },
    'PUT /api/locks/:unitId/:period': { method: 'PUT', path: `/api/locks/${a}/2023`, body: { note: 'Khóa' } },
    'DELETE /api/locks/:unitId/:period': {
      method: 'DELETE',
      path: `/api/locks/${a}/2024`,
      body: { reason: 'Bổ sung số liệu' },
    },
    'PUT /api/member-ratings/:unitId/:period': {
      method: 'PUT',
      path: `/api/member-ratings/${a}/2025`,
      body: { excellent: 1, good: 8, complete: 1, notComplete: 0 },
    },
    'PUT /api/target-lines/:unitId/:period': {
      method: 'PUT',
      path: `/api/target-lines/${a}/2025`,
      body: { lines: [{ text: 'Kết nạp 2 đảng viên', codes: ['KET_NAP'] }] },
    },
    'POST /api/units': {
      method: 'POST',
      path: '/api/units',
      body: { parentId: a, name: 'Tổ mới', kind: 'don_vi' },
    },
    'PATCH /api/units/:id': {
      method: 'PATCH',
      path: `/api/units/${ids.b.id}`,
      body: { name: 'Chi bộ B mới' },
    },
    'DELETE /api/units/:id': { method: 'DELETE', path: `/api/units/${spare.unit}` },
    'POST /api/users': {
      method: 'POST',
      path: '/api/users',
      body: { username: 'nguoi-moi', password: 'mat-khau-dai-du', grants: [] },
    },
    'PATCH /api/users/:id': { method: 'PATCH', path: `/api/users/${spare.user}`, body: { active: false } },
    'PUT /api/targets/:unitId/:code/:period': {
      method: 'PUT',
      path: `/api/targets/${a}/KET_NAP/2026`,
      body: { value: 9 },
    },
    'DELETE /api/targets/:unitId/:code/:period': { method: 'DELETE', path: `/api/targets/${a}/KH/2025` },
    'PUT /api/results/:unitId/:code/:period': {
      method: 'PUT',
      path: `/api/results/${a}/KH/2026`,
      body: { value: 90, note: 'Ghi chú' },
    },
    'DELETE /api/results/:unitId/:code/:period': { method: 'DELETE', path: `/api/results/${a}/KH/2025` },
    'POST /api/values/batch': {
      method: 'POST',
      path: '/api/values/batch',
      body: { targets: [{ unitId: a, code: 'HTT', period: '2026', value: 90 }] },
    },
    'POST /api/targets/below': {
      method: 'POST',
      path: '/api/targets/below',
      body: { unitId: a, code: 'KET_NAP', period: '2026', value: 1, kinds: ['chi_bo'] },
    },
    'PUT /api/units/:id/report-settings': {
      method: 'PUT',
      path: `/api/units/${a}/report-settings`,
      body: {
        above: '',
        issuer: 'CHI BỘ A',
        number: '9',
        symbol: 'BC/CB',
        place: 'Nơi khác',
        onBehalf: 'T/M CHI BỘ',
        signerTitle: 'BÍ THƯ',
        signer: '',
        recipients: ['Lưu Chi bộ'],
        version: 0,
      },
    },
    // Last: they change the session itself.
    'POST /api/auth/password': {
      method: 'POST',
      path: '/api/auth/password',
      body: { currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-2026' },
    },
    'POST /api/auth/logout': { method: 'POST', path: '/api/auth/logout' },
  };
  return requests;
}

describe('requests from another site', () => {
  async function setup() {
    const t = testApp();
    const ids = await seedBasics(t);
    const a = ids.a.id;
    for (const [method, path, body] of [
      ['PUT', `/api/targets/${a}/KH/2025`, { value: 90 }],
      ['PUT', `/api/results/${a}/KH/2025`, { value: 95 }],
      ['PUT', `/api/locks/${a}/2024`, {}],
    ] as const)
      expect((await t.call(method, path, body)).status).toBe(200);
    const unit = (await t.call('POST', '/api/units', { parentId: a, name: 'Tổ sẽ xóa', kind: 'don_vi' })).body
      .unit.id;
    const user = String(t.as([{ role: 'viewer', unitId: a }], 'nguoi-cu').userId);
    return { t, requests: writeRequests(ids, { unit, user }) };
  }

  const send = (t: TestApp, r: WriteRequest, headers: Record<string, string>) => {
    const h = { ...headers };
    // FormData brings its own multipart content type.
    if (r.form) delete h['content-type'];
    return t.raw(r.method, `http://localhost${r.path}`, {
      headers: h,
      ...(r.form ? { body: r.form() } : r.body === undefined ? {} : { body: JSON.stringify(r.body) }),
    });
  };

  it('refuses every state-changing route from another site, whatever the headers say, and changes nothing', async () => {
    const { t, requests } = await setup();
    const writeRoutes = registeredApiRoutes(t.app).filter((r) => !r.startsWith('GET '));
    // A new write route must be added here, so that it is tried too.
    expect(Object.keys(requests).sort()).toEqual(writeRoutes);

    const variants: Record<string, string>[] = [
      // A page of another site calling fetch() with JSON.
      {
        origin: 'https://ke-xau.example',
        'sec-fetch-site': 'cross-site',
        'content-type': 'application/json',
      },
      // A form of a sandboxed frame in a browser that sends no Sec-Fetch-Site.
      { origin: 'null', 'content-type': 'text/plain' },
      // A neighbouring site of the same school (another subdomain): same site, not same origin.
      {
        origin: 'https://khac.truong.edu.vn',
        'sec-fetch-site': 'same-site',
        'content-type': 'application/x-www-form-urlencoded',
      },
    ];
    const before = t.snapshot();
    let tried = 0;
    for (const [route, r] of Object.entries(requests))
      for (const headers of variants) {
        const res = await send(t, r, headers);
        tried++;
        expect(res.status, `${route} ${JSON.stringify(headers)}`).toBe(403);
        expect(((await res.json()) as any).error.code).toBe('cross_site_request');
        expect(res.headers.get('set-cookie'), route).toBeNull();
      }
    expect(tried).toBe(writeRoutes.length * variants.length);
    expect(t.snapshot()).toBe(before);
    // The victim's session survived the forged sign-out and password change.
    expect((await t.call('GET', '/api/auth/me')).status).toBe(200);

    // The very same requests from the app's own page all go through: only the site was at fault.
    // The sign-in is sent without the session: it would end it (and the requests after it).
    for (const [route, r] of Object.entries(requests)) {
      const res = await send(t, r, {
        origin: 'http://localhost',
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json',
        ...(route === 'POST /api/auth/login' ? { cookie: '' } : {}),
      });
      expect(res.status, `${route} ${await res.clone().text()}`).toBeLessThan(300);
    }
  });

  it('grants no other site a preflight or a read: no CORS headers at all', async () => {
    const t = testApp();
    const { a } = await seedBasics(t);
    const preflight = await t.anonymous.raw('OPTIONS', `/api/results/${a.id}/KET_NAP/2025`, {
      headers: {
        origin: 'https://ke-xau.example',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
    const read = await t.raw('GET', `/api/values?unit=${a.id}&period=2025`, {
      headers: { origin: 'https://ke-xau.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
    expect(read.headers.get('access-control-allow-credentials')).toBeNull();
  });
});
