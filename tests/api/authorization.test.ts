import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/accounts';
import { IMPORT_HEADER } from '../../shared/import-export';
import { type Caller, registeredApiRoutes, seedBasics, testApp } from '../helpers/app';
import { type Case, EVERY_ROLE, type Who, type World } from '../helpers/authorization';
import { expectRefusal } from '../helpers/expect';

// Every route the app registers, against every kind of caller: nobody, the admin granted
// everywhere, and each role granted on chi bộ A (acting on A: inside) or on chi bộ B (acting
// on A: outside). A route added to the app without a line here fails the first test.

const ROUTES: Record<string, Case> = {
  'GET /api/health': {
    public: true,
    request: () => ({ path: '/api/health' }),
    inside: EVERY_ROLE,
    outside: { leaks: () => false },
  },
  'POST /api/auth/login': {
    public: true,
    request: () => ({ path: '/api/auth/login', body: { username: 'admin', password: 'sai-mat-khau' } }),
    inside: [],
    outside: 'forbidden',
  },
  'POST /api/auth/logout': {
    public: true,
    request: () => ({ path: '/api/auth/logout' }),
    inside: EVERY_ROLE,
    outside: { leaks: () => false },
  },
  'GET /api/auth/me': {
    request: () => ({ path: '/api/auth/me' }),
    inside: EVERY_ROLE,
    outside: { leaks: () => false },
  },
  'POST /api/auth/password': {
    request: () => ({
      path: '/api/auth/password',
      body: { currentPassword: 'mật-khẩu-thử-nghiệm', newPassword: 'mat-khau-moi-2026' },
    }),
    inside: EVERY_ROLE,
    outside: { leaks: () => false },
  },
  'GET /api/users': {
    request: () => ({ path: '/api/users' }),
    inside: EVERY_ROLE,
    outside: { leaks: (body) => body.users.some((u: any) => u.username === 'thanh-vien-a') },
  },
  'POST /api/users': {
    request: (w) => ({
      path: '/api/users',
      body: {
        username: 'nguoi-moi',
        password: 'mat-khau-moi-2026',
        grants: [{ role: 'viewer', unitId: w.a }],
      },
    }),
    inside: ['committee', 'unitAdmin'],
    outside: 'forbidden',
  },
  'PATCH /api/users/:id': {
    request: (w) => ({ path: `/api/users/${w.member}`, body: { displayName: 'Tên mới' } }),
    inside: ['committee', 'unitAdmin'],
    outside: 'forbidden',
  },
  'GET /api/units': {
    request: () => ({ path: '/api/units' }),
    inside: EVERY_ROLE,
    outside: { leaks: (body, w) => body.units.some((u: any) => u.id === w.a || u.id === w.root) },
  },
  'POST /api/units': {
    request: (w) => ({ path: '/api/units', body: { parentId: w.a, name: 'Tổ đảng mới', kind: 'chi_bo' } }),
    inside: ['committee', 'unitAdmin'],
    outside: 'forbidden',
  },
  'PATCH /api/units/:id': {
    request: (w) => ({ path: `/api/units/${w.a}`, body: { name: 'Chi bộ A (đổi tên)' } }),
    inside: ['committee', 'unitAdmin'],
    outside: 'forbidden',
  },
  'DELETE /api/units/:id': {
    request: (w) => ({ path: `/api/units/${w.leaf}` }),
    inside: ['committee', 'unitAdmin'],
    outside: 'forbidden',
  },
  'GET /api/indicators': {
    request: () => ({ path: '/api/indicators' }),
    inside: EVERY_ROLE,
    outside: { leaks: () => false },
  },
  // The catalogue serves the whole tree: only admins everywhere and root committees keep it.
  'POST /api/indicators': {
    request: () => ({
      path: '/api/indicators',
      body: { code: 'MOI', name: 'Chỉ tiêu mới', unitLabel: 'lượt', kind: 'count' },
    }),
    inside: [],
    outside: 'forbidden',
  },
  'PATCH /api/indicators/:code': {
    request: () => ({ path: '/api/indicators/KH', body: { name: 'Tỷ lệ hoàn thành kế hoạch' } }),
    inside: [],
    outside: 'forbidden',
  },
  'PUT /api/targets/:unitId/:code/:period': {
    request: (w) => ({ path: `/api/targets/${w.a}/KET_NAP/2025`, body: { value: 3 } }),
    inside: ['committee', 'unitAdmin'],
    outside: 'forbidden',
  },
  'DELETE /api/targets/:unitId/:code/:period': {
    request: (w) => ({ path: `/api/targets/${w.a}/HTT/2025` }),
    inside: ['committee', 'unitAdmin'],
    outside: 'forbidden',
  },
  'PUT /api/results/:unitId/:code/:period': {
    request: (w) => ({ path: `/api/results/${w.a}/KET_NAP/2025`, body: { value: 2 } }),
    inside: ['committee', 'reporter', 'unitAdmin'],
    outside: 'forbidden',
  },
  'DELETE /api/results/:unitId/:code/:period': {
    request: (w) => ({ path: `/api/results/${w.a}/HTT/2025` }),
    inside: ['committee', 'reporter', 'unitAdmin'],
    outside: 'forbidden',
  },
  'GET /api/values': {
    request: (w) => ({ path: `/api/values?unit=${w.a}&period=2025` }),
    inside: EVERY_ROLE,
    outside: 'forbidden',
  },
  'GET /api/dashboard': {
    request: (w) => ({ path: `/api/dashboard?unit=${w.a}&period=2025` }),
    inside: EVERY_ROLE,
    outside: 'forbidden',
  },
  'GET /api/dashboard/units': {
    request: (w) => ({ path: `/api/dashboard/units?parent=${w.a}&code=HTT&period=2025` }),
    inside: EVERY_ROLE,
    outside: 'forbidden',
  },
  'GET /api/locks': {
    request: (w) => ({ path: `/api/locks?unit=${w.a}` }),
    inside: EVERY_ROLE,
    outside: 'forbidden',
  },
  'PUT /api/locks/:unitId/:period': {
    request: (w) => ({ path: `/api/locks/${w.a}/2024` }),
    inside: ['committee', 'unitAdmin'],
    outside: 'forbidden',
  },
  // Unlocking needs a committee above the unit, or an admin: a committee on A cannot reopen A.
  'DELETE /api/locks/:unitId/:period': {
    request: (w) => ({
      path: `/api/locks/${w.a}/2023`,
      body: { reason: 'Sửa số liệu theo kết luận kiểm tra' },
    }),
    inside: ['unitAdmin'],
    outside: 'forbidden',
  },
  'POST /api/values/batch': {
    request: (w) => ({
      path: '/api/values/batch',
      body: {
        targets: [{ unitId: w.a, code: 'KET_NAP', period: '2025', value: 3 }],
        results: [{ unitId: w.a, code: 'KET_NAP', period: '2025', value: 2 }],
      },
    }),
    inside: ['committee', 'unitAdmin'],
    outside: 'forbidden',
  },
  'POST /api/targets/below': {
    request: (w) => ({
      path: '/api/targets/below',
      body: { unitId: w.a, code: 'KET_NAP', period: '2025', value: 1, kinds: ['chi_bo'] },
    }),
    inside: ['committee', 'unitAdmin'],
    outside: 'forbidden',
  },
  'GET /api/target-lines': {
    request: (w) => ({ path: `/api/target-lines?unit=${w.a}&period=2025` }),
    inside: EVERY_ROLE,
    outside: 'forbidden',
  },
  'PUT /api/target-lines/:unitId/:period': {
    request: (w) => ({
      path: `/api/target-lines/${w.a}/2025`,
      body: { lines: [{ text: 'Kết nạp 03 đảng viên mới', codes: ['KET_NAP'] }] },
    }),
    inside: ['committee', 'unitAdmin'],
    outside: 'forbidden',
  },
  'GET /api/member-ratings': {
    request: (w) => ({ path: `/api/member-ratings?unit=${w.a}&period=2025` }),
    inside: EVERY_ROLE,
    outside: 'forbidden',
  },
  'PUT /api/member-ratings/:unitId/:period': {
    request: (w) => ({
      path: `/api/member-ratings/${w.a}/2025`,
      body: { excellent: 2, good: 8, complete: 1, notComplete: 0 },
    }),
    inside: ['committee', 'reporter', 'unitAdmin'],
    outside: 'forbidden',
  },
  'GET /api/compare/periods': {
    request: (w) => ({ path: `/api/compare/periods?unit=${w.a}&code=HTT&periods=2024,2025` }),
    inside: EVERY_ROLE,
    outside: 'forbidden',
  },
  'GET /api/compare/periods/all': {
    request: (w) => ({ path: `/api/compare/periods/all?unit=${w.a}&periods=2024,2025` }),
    inside: EVERY_ROLE,
    outside: 'forbidden',
  },
  'GET /api/compare/units': {
    request: (w) => ({ path: `/api/compare/units?parent=${w.a}&period=2025` }),
    inside: EVERY_ROLE,
    outside: 'forbidden',
  },
  'GET /api/report': {
    request: (w) => ({ path: `/api/report?unit=${w.a}&period=2025&format=json` }),
    inside: EVERY_ROLE,
    outside: 'forbidden',
  },
  'GET /api/units/:id/report-settings': {
    request: (w) => ({ path: `/api/units/${w.a}/report-settings` }),
    inside: EVERY_ROLE,
    outside: 'forbidden',
  },
  'PUT /api/units/:id/report-settings': {
    request: (w) => ({
      path: `/api/units/${w.a}/report-settings`,
      body: {
        above: '',
        issuer: 'CHI BỘ A',
        number: '3',
        symbol: 'BC/CB',
        place: 'Cao Lãnh',
        onBehalf: 'T/M CHI BỘ',
        signerTitle: 'BÍ THƯ',
        signer: '',
        recipients: ['Lưu Chi bộ'],
        version: 0,
      },
    }),
    inside: ['committee', 'unitAdmin'],
    outside: 'forbidden',
  },
  'POST /api/import': {
    request: (w) => {
      const form = new FormData();
      form.append('file', new File([`${IMPORT_HEADER}\n${w.a},KET_NAP,2025,result,2,,,\n`], 'so-lieu.csv'));
      return { path: '/api/import', form };
    },
    inside: ['committee', 'reporter', 'unitAdmin'],
    outside: 'forbidden',
  },
  'GET /api/export': {
    request: (w) => ({ path: `/api/export?unit=${w.a}&period=2025&format=csv` }),
    inside: EVERY_ROLE,
    outside: 'forbidden',
  },
  'GET /api/import/template': {
    request: (w) => ({ path: `/api/import/template?unit=${w.a}&period=2025` }),
    inside: EVERY_ROLE,
    outside: 'forbidden',
  },
  'GET /api/history': {
    request: (w) => ({ path: `/api/history?unit=${w.a}` }),
    inside: EVERY_ROLE,
    outside: 'forbidden',
  },
};

async function world(): Promise<World> {
  const t = testApp();
  const { root, a, b } = await seedBasics(t);
  const leaf = (await t.call('POST', '/api/units', { parentId: a.id, name: 'Tổ đảng 1', kind: 'chi_bo' }))
    .body.unit;
  await t.call('PUT', `/api/targets/${a.id}/HTT/2025`, { value: 90 });
  await t.call('PUT', `/api/results/${a.id}/HTT/2025`, { numerator: 9, denominator: 10 });
  await t.call('PUT', `/api/locks/${a.id}/2023`);
  const member = (
    await t.call('POST', '/api/users', {
      username: 'thanh-vien-a',
      password: 'mat-khau-thanh-vien',
      grants: [{ role: 'viewer', unitId: a.id }],
    })
  ).body.user;
  return { t, root: root.id, a: a.id, b: b.id, leaf: leaf.id, member: member.id };
}

function actor(w: World, who: Who | 'anonymous' | 'admin', where: 'a' | 'b'): Caller {
  if (who === 'anonymous') return w.t.anonymous;
  if (who === 'admin') return w.t;
  const role: Role = who === 'unitAdmin' ? 'admin' : who;
  return w.t.as([{ role, unitId: where === 'a' ? w.a : w.b }]);
}

async function send(w: World, c: Case, caller: Caller, method: string) {
  const { path, body, form } = c.request(w);
  if (form) {
    const res = await caller.raw(method, path, { body: form });
    return { status: res.status, body: await res.json() };
  }
  return caller.call(method, path, body);
}

const allowed = (status: number) => status >= 200 && status < 300;

describe('authorisation of every route', () => {
  it('the table names every route the app registers, and nothing else', () => {
    const t = testApp();
    expect(Object.keys(ROUTES).sort()).toEqual(registeredApiRoutes(t.app));
  });

  for (const [route, c] of Object.entries(ROUTES)) {
    const method = route.split(' ')[0]!;

    it(`${route}: ${c.public ? 'open to anyone' : '401 without a session'}`, async () => {
      const w = await world();
      const before = w.t.snapshot();
      const res = await send(w, c, w.t.anonymous, method);
      if (c.public) expect(res.body?.error?.code).not.toBe('unauthenticated');
      else {
        expectRefusal(res, 401, 'unauthenticated');
        expect(w.t.snapshot()).toBe(before);
      }
    });

    if (c.public) continue;

    it(`${route}: the admin granted everywhere may`, async () => {
      const w = await world();
      const res = await send(w, c, actor(w, 'admin', 'a'), method);
      expect(allowed(res.status), `${res.status} ${JSON.stringify(res.body)}`).toBe(true);
    });

    for (const who of EVERY_ROLE) {
      const may = c.inside.includes(who);
      it(`${route}: ${who} inside ${may ? 'may' : 'is refused with 403'}`, async () => {
        const w = await world();
        const caller = actor(w, who, 'a');
        const before = w.t.snapshot();
        const res = await send(w, c, caller, method);
        if (may) expect(allowed(res.status), `${res.status} ${JSON.stringify(res.body)}`).toBe(true);
        else {
          expectRefusal(res, 403, 'forbidden');
          expect(w.t.snapshot()).toBe(before);
        }
      });

      it(`${route}: ${who} outside ${c.outside === 'forbidden' ? 'is refused with 403' : 'sees only its own'}`, async () => {
        const w = await world();
        const caller = actor(w, who, 'b');
        const before = w.t.snapshot();
        const res = await send(w, c, caller, method);
        if (c.outside === 'forbidden') {
          expectRefusal(res, 403, 'forbidden');
          expect(w.t.snapshot()).toBe(before);
        } else {
          expect(res.status).toBe(200);
          expect(c.outside.leaks(res.body, w)).toBe(false);
        }
      });
    }
  }

  it('a committee above a unit may unlock it; the same committee on the unit may not', async () => {
    const w = await world();
    const body = { reason: 'Sửa số liệu theo kết luận kiểm tra' };
    expectRefusal(
      await actor(w, 'committee', 'a').call('DELETE', `/api/locks/${w.a}/2023`, body),
      403,
      'forbidden',
    );
    const above = w.t.as([{ role: 'committee', unitId: w.root }]);
    expect((await above.call('DELETE', `/api/locks/${w.a}/2023`, body)).status).toBe(200);
  });

  it('a root committee keeps the catalogue of indicators', async () => {
    const w = await world();
    const rootCommittee = w.t.as([{ role: 'committee', unitId: w.root }]);
    const res = await rootCommittee.call('PATCH', '/api/indicators/KH', {
      name: 'Tỷ lệ hoàn thành kế hoạch',
    });
    expect(res.status).toBe(200);
  });

  it('a reporter on A reads A but lists neither the Đảng bộ nor B', async () => {
    const w = await world();
    const reporter = actor(w, 'reporter', 'a');
    const units = (await reporter.call('GET', '/api/units')).body.units.map((u: any) => u.id);
    expect(units).toContain(w.a);
    expect(units).toContain(w.leaf);
    expect(units).not.toContain(w.root);
    expect(units).not.toContain(w.b);
  });
});
