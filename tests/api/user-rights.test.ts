import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { grants as grantsTable, users } from '../../server/db/schema';
import type { Role } from '../../shared/accounts';
import { seedBasics, TEST_PASSWORD, type TestApp, testApp } from '../helpers/app';
import { expectRefusal } from '../helpers/expect';

// Issue 12: nobody climbs above their rights through someone else's account. A user may be
// changed (password, name, roles, locked or not) only by someone whose rights cover every
// grant that user holds; making a user gives no lasting power over it; one's own password
// changes only with the current one, through /api/auth/password, which ends the other sessions.

const NEW_PASSWORD = 'nui-cao-suoi-sau-2026';

const login = (t: TestApp, username: string, password: string) =>
  t.anonymous.call('POST', '/api/auth/login', { username, password });

describe('the reproductions of issue 12, on the demo data', () => {
  let t: TestApp;
  let root: string;
  let chiBo: string;
  let sibling: string;
  beforeEach(async () => {
    t = testApp({ demo: true });
    const units = (await t.call('GET', '/api/units')).body.units as {
      id: string;
      parentId: string | null;
      kind: string;
    }[];
    root = units.find((u) => u.parentId === null)!.id;
    const chiBos = units.filter((u) => u.parentId === root && u.kind === 'chi_bo');
    chiBo = chiBos[0]!.id;
    sibling = chiBos[1]!.id;
  });

  const createUser = async (by: { call: TestApp['call'] }, username: string, grants: unknown[]) => {
    const res = await by.call('POST', '/api/users', { username, password: 'mat-khau-ban-dau-1', grants });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.user.id as string;
  };

  it('1. a chi bộ committee cannot set the password or the name of someone who is also on the Đảng ủy', async () => {
    const cb = t.as([{ role: 'committee', unitId: chiBo }], 'cb');
    const multi = await createUser(t, 'multi', [
      { role: 'committee', unitId: root },
      { role: 'reporter', unitId: chiBo },
    ]);
    const before = t.snapshot();
    const takeOver = await cb.call('PATCH', `/api/users/${multi}`, { password: NEW_PASSWORD });
    expectRefusal(takeOver, 403, 'forbidden');
    expect(takeOver.body.error.message).toBe(
      'Người dùng "multi" có vai trò ngoài phạm vi bạn quản lý; chỉ cấp ủy cấp trên hoặc người quản trị mới sửa được.',
    );
    expectRefusal(await cb.call('PATCH', `/api/users/${multi}`, { displayName: 'Tên khác' }), 403);
    expectRefusal(await cb.call('PATCH', `/api/users/${multi}`, { active: false }), 403);
    expectRefusal(
      await cb.call('PATCH', `/api/users/${multi}`, { grants: [{ role: 'reporter', unitId: chiBo }] }),
      403,
    );
    expect(t.snapshot()).toBe(before);
    // So the chain of the reproduction stops at its first step.
    expect((await login(t, 'multi', NEW_PASSWORD)).status).toBe(401);
    expect((await login(t, 'multi', 'mat-khau-ban-dau-1')).status).toBe(200);
    // The committee still sees that multi works in its chi bộ.
    const seen = (await cb.call('GET', '/api/users')).body.users.map((u: any) => u.username);
    expect(seen).toContain('multi');
    expect(sibling).not.toBe(chiBo);
  });

  it('2. having made a user gives no power over it once it holds more than the maker covers', async () => {
    const cb = t.as([{ role: 'committee', unitId: chiBo }], 'cb');
    const made = await createUser(cb, 'made', [{ role: 'viewer', unitId: chiBo }]);
    // While made is wholly inside the chi bộ, its committee may reset the password.
    expect((await cb.call('PATCH', `/api/users/${made}`, { password: NEW_PASSWORD })).status).toBe(200);
    const granted = await t.call('PATCH', `/api/users/${made}`, {
      grants: [
        { role: 'viewer', unitId: chiBo },
        { role: 'admin', unitId: null },
      ],
    });
    expect(granted.status).toBe(200);
    const before = t.snapshot();
    expectRefusal(await cb.call('PATCH', `/api/users/${made}`, { password: 'mat-khau-cua-ke-cuop' }), 403);
    expectRefusal(await cb.call('PATCH', `/api/users/${made}`, { active: false }), 403);
    expect(t.snapshot()).toBe(before);
    expect((await login(t, 'made', 'mat-khau-cua-ke-cuop')).status).toBe(401);
  });

  it('3. one’s own password changes only with the current one, and the change ends the other sessions', async () => {
    const hoa = t.as([{ role: 'committee', unitId: chiBo }], 'hoa');
    // A second session of hoa's, as a thief with a stolen cookie would hold.
    const signedIn = await t.anonymous.raw('POST', '/api/auth/login', {
      body: JSON.stringify({ username: 'hoa', password: TEST_PASSWORD }),
      headers: { 'content-type': 'application/json' },
    });
    expect(signedIn.status).toBe(200);
    const stolen = (signedIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    const asThief = (method: string, path: string, body?: unknown) =>
      t.anonymous.raw(method, path, {
        headers: { cookie: stolen, 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });

    const before = t.snapshot();
    const taken = await asThief('PATCH', `/api/users/${hoa.userId}`, { password: 'mat-khau-cua-ke-trom' });
    expectRefusal({ status: taken.status, body: await taken.json() }, 400, 'own_password');
    expectRefusal(
      await hoa.call('PATCH', `/api/users/${hoa.userId}`, { grants: [{ role: 'committee', unitId: root }] }),
      400,
      'own_grants',
    );
    expect(t.snapshot()).toBe(before);

    // The owner changes it the one way, with the current password: the thief's session ends.
    expectRefusal(
      await hoa.call('POST', '/api/auth/password', {
        currentPassword: 'doan-sai-roi',
        newPassword: NEW_PASSWORD,
      }),
      400,
      'wrong_password',
    );
    const changed = await hoa.call('POST', '/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.status).toBe(200);
    expect((await asThief('GET', '/api/auth/me')).status).toBe(401);
    expect((await hoa.call('GET', '/api/auth/me')).status).toBe(200);
    // Her name she may still change herself.
    const renamed = await hoa.call('PATCH', `/api/users/${hoa.userId}`, { displayName: 'Nguyễn Thị Hoa' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.user.displayName).toBe('Nguyễn Thị Hoa');
  });

  it('an admin’s reset of someone else’s password ends all of that person’s sessions', async () => {
    const hoa = t.as([{ role: 'reporter', unitId: chiBo }], 'hoa');
    expect((await t.call('PATCH', `/api/users/${hoa.userId}`, { password: NEW_PASSWORD })).status).toBe(200);
    expect((await hoa.call('GET', '/api/auth/me')).status).toBe(401);
  });
});

// ---------------------------------------------------------------------------------------
// The matrix: every user-management route × the caller's role × where the user's grants lie.

type Place = 'same' | 'below' | 'above' | 'sibling' | 'mixed' | 'unitAdmin' | 'admin' | 'none';
type CallerName = 'admin' | 'unitAdmin' | 'committee' | 'committeeRoot' | 'reporter' | 'viewer';

const PLACES: Place[] = ['same', 'below', 'above', 'sibling', 'mixed', 'unitAdmin', 'admin', 'none'];

/**
 * Whether the caller may change a user holding grants at that place, written out by hand
 * from the rule (covering every grant), so that the test does not reuse the code it checks.
 * The caller's grants are on chi bộ A (or on the root for committeeRoot).
 */
const MAY_CHANGE: Record<CallerName, Place[]> = {
  admin: PLACES,
  unitAdmin: ['same', 'below', 'unitAdmin'],
  committee: ['same', 'below'],
  committeeRoot: ['same', 'below', 'above', 'sibling', 'mixed'],
  reporter: [],
  viewer: [],
};

/** Whom the caller sees in GET /api/users: anyone with a role on a unit it manages. */
const SEES: Record<CallerName, Place[]> = {
  admin: PLACES,
  unitAdmin: ['same', 'below', 'mixed', 'unitAdmin'],
  committee: ['same', 'below', 'mixed', 'unitAdmin'],
  committeeRoot: ['same', 'below', 'above', 'sibling', 'mixed', 'unitAdmin'],
  reporter: [],
  viewer: [],
};

interface Tree {
  root: string;
  a: string;
  a1: string;
  b: string;
}

function callerGrants(name: CallerName, w: Tree): { role: Role; unitId: string | null }[] {
  switch (name) {
    case 'admin':
      return [{ role: 'admin', unitId: null }];
    case 'unitAdmin':
      return [{ role: 'admin', unitId: w.a }];
    case 'committeeRoot':
      return [{ role: 'committee', unitId: w.root }];
    default:
      return [{ role: name, unitId: w.a }];
  }
}

function heldAt(place: Place, w: Tree): { role: Role; unitId: string | null }[] {
  switch (place) {
    case 'same':
      return [{ role: 'reporter', unitId: w.a }];
    case 'below':
      return [{ role: 'committee', unitId: w.a1 }];
    case 'above':
      return [{ role: 'viewer', unitId: w.root }];
    case 'sibling':
      return [{ role: 'reporter', unitId: w.b }];
    case 'mixed':
      return [
        { role: 'committee', unitId: w.root },
        { role: 'reporter', unitId: w.a },
      ];
    case 'unitAdmin':
      return [{ role: 'admin', unitId: w.a }];
    case 'admin':
      return [{ role: 'admin', unitId: null }];
    case 'none':
      return [];
  }
}

type Change = 'password' | 'displayName' | 'lock' | 'unlock' | 'grants';
const CHANGES: Change[] = ['password', 'displayName', 'lock', 'unlock', 'grants'];

const CALLERS = Object.keys(MAY_CHANGE) as CallerName[];

describe('who may change whom, every route × role × place', () => {
  let t: TestApp;
  let w: Tree;
  let n = 0;
  beforeEach(async () => {
    t = testApp();
    const { root, a, b } = await seedBasics(t);
    const a1 = (await t.call('POST', '/api/units', { parentId: a.id, name: 'Tổ Toán', kind: 'don_vi' })).body
      .unit;
    w = { root: root.id, a: a.id, a1: a1.id, b: b.id };
  });

  const target = (place: Place, active = true) => {
    const user = t.as(heldAt(place, w), `dich-${++n}`);
    if (!active) t.db.update(users).set({ active: false }).where(eq(users.id, user.userId)).run();
    return user;
  };

  const bodyOf = (change: Change) =>
    ({
      password: { password: NEW_PASSWORD },
      displayName: { displayName: 'Tên đã sửa' },
      lock: { active: false },
      unlock: { active: true },
      grants: { grants: [{ role: 'viewer', unitId: w.a1 }] },
    })[change];

  for (const callerName of CALLERS)
    it(`${callerName}: PATCH /api/users/:id for each change and each place, and POST /api/users`, async () => {
      const caller = t.as(callerGrants(callerName, w), `goi-${callerName}`);
      for (const place of PLACES) {
        for (const change of CHANGES) {
          const user = target(place, change !== 'unlock');
          const before = t.snapshot();
          const res = await caller.call('PATCH', `/api/users/${user.userId}`, bodyOf(change));
          const allowed = MAY_CHANGE[callerName].includes(place);
          const label = `${callerName} → ${place}, ${change}: ${JSON.stringify(res.body)}`;
          if (!allowed) {
            expectRefusal(res, 403, 'forbidden');
            expect(t.snapshot(), label).toBe(before);
            continue;
          }
          expect(res.status, label).toBe(200);
          const stored = t.db.select().from(users).where(eq(users.id, user.userId)).get()!;
          const held = t.db.select().from(grantsTable).where(eq(grantsTable.userId, user.userId)).all();
          if (change === 'password') {
            expect((await login(t, stored.username, NEW_PASSWORD)).status, label).toBe(200);
            expect((await user.call('GET', '/api/auth/me')).status, label).toBe(401);
          }
          if (change === 'displayName') expect(stored.displayName, label).toBe('Tên đã sửa');
          if (change === 'lock') {
            expect(stored.active, label).toBe(false);
            expect((await user.call('GET', '/api/auth/me')).status, label).toBe(401);
          }
          if (change === 'unlock') expect(stored.active, label).toBe(true);
          if (change === 'grants')
            expect(
              held.map((g) => `${g.role}@${g.unitId}`),
              label,
            ).toEqual([`viewer@${w.a1}`]);
        }

        // Creating a user with grants at that place: allowed where they could be changed.
        const created = await caller.call('POST', '/api/users', {
          username: `moi-${++n}`,
          password: 'mat-khau-ban-dau-1',
          grants: heldAt(place, w),
        });
        const label = `${callerName} creates at ${place}: ${JSON.stringify(created.body)}`;
        if (place === 'none' && callerName !== 'admin' && MAY_CHANGE[callerName].length > 0)
          expectRefusal(created, 400, 'grants_required');
        else if (MAY_CHANGE[callerName].includes(place)) expect(created.status, label).toBe(201);
        else expectRefusal(created, 403, 'forbidden');
      }

      // And whom it sees.
      const placed = new Map(PLACES.map((p) => [target(p).userId, p]));
      const listed = (await caller.call('GET', '/api/users')).body.users as { id: string }[];
      const seenPlaces = listed.map((u) => placed.get(Number(u.id))).filter((p): p is Place => !!p);
      expect(seenPlaces.sort()).toEqual([...SEES[callerName]].sort());
    });

  it('nobody reaches an unknown user, and someone out of sight is refused without being named', async () => {
    const committee = t.as([{ role: 'committee', unitId: w.a }]);
    const other = target('sibling');
    expectRefusal(
      await committee.call('PATCH', '/api/users/999999', { displayName: 'X' }),
      404,
      'user_not_found',
    );
    const hidden = await committee.call('PATCH', `/api/users/${other.userId}`, { displayName: 'X' });
    expectRefusal(hidden, 403, 'forbidden');
    expect(hidden.body.error.message).not.toContain('dich-');
  });
});

// ---------------------------------------------------------------------------------------
// Passwords: the rule

describe('a password must not be one guessed early', () => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof seedBasics>>;
  beforeEach(async () => {
    t = testApp();
    ids = await seedBasics(t);
  });

  const create = (username: string, password: string, displayName?: string) =>
    t.call('POST', '/api/users', {
      username,
      password,
      ...(displayName ? { displayName } : {}),
      grants: [{ role: 'viewer', unitId: ids.a.id }],
    });

  it.each([
    ['matkhau123456', 'là một mật khẩu hay một từ thông dụng'],
    ['password1234', 'là một mật khẩu hay một từ thông dụng'],
    ['1234567890', 'là một mật khẩu hay một từ thông dụng'],
    ['qwertyuiop', 'là một mật khẩu hay một từ thông dụng'],
    ['abcdefghijkl', 'là một dãy liên tiếp'],
    ['aaaaaaaaaaaa', 'lặp lại cùng một ký tự'],
    ['danguy2025!', ''],
    ['chitieu2026', ''],
  ])('refuses "%s" with the reason, and writes nothing', async (password, reason) => {
    const before = t.snapshot();
    const res = await create('hoa', password);
    expectRefusal(res, 400, 'weak_password');
    expect(res.body.error.field).toBe('password');
    expect(res.body.error.message).toMatch(/^Mật khẩu này dễ bị đoán vì /);
    expect(res.body.error.message).toContain(reason);
    expect(t.snapshot()).toBe(before);
  });

  it('refuses a password made of the person’s own name or username', async () => {
    const res = await create('nguyenvanhoa', 'nguyenvanhoa1990', 'Nguyễn Văn Hòa');
    expectRefusal(res, 400, 'weak_password');
    expect(res.body.error.message).toContain('giống tên đăng nhập hoặc họ tên');
    expectRefusal(await create('bithu', 'Nguyễn Văn Hòa 1', 'Nguyễn Văn Hòa'), 400, 'weak_password');
  });

  it('refuses fewer than 10 characters, and takes a long unusual phrase', async () => {
    const short = await create('hoa', 'Ng4n-qua');
    expectRefusal(short, 400, 'invalid_input');
    expect(short.body.error.message).toBe('Mật khẩu cần ít nhất 10 ký tự.');
    expect((await create('hoa', 'mùa thu lá vàng bay')).status).toBe(201);
  });

  it('holds for a reset by someone else and for one’s own change', async () => {
    const hoa = t.as([{ role: 'viewer', unitId: ids.a.id }], 'hoa');
    expectRefusal(
      await t.call('PATCH', `/api/users/${hoa.userId}`, { password: 'iloveyou123' }),
      400,
      'weak_password',
    );
    const own = await hoa.call('POST', '/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'hoa12345678',
    });
    expectRefusal(own, 400, 'weak_password');
    expect(own.body.error.field).toBe('newPassword');
  });
});

// ---------------------------------------------------------------------------------------
// Sign-in: guesses at a name do not shut out the browser its owner uses

describe('ten wrong guesses at admin do not lock the real admin out', () => {
  const signIn = (t: TestApp, username: string, password: string, cookie?: string) =>
    t.anonymous.raw('POST', '/api/auth/login', {
      body: JSON.stringify({ username, password }),
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    });
  const deviceCookie = (res: Response) =>
    res.headers
      .getSetCookie()
      .find((c) => c.startsWith('chitieu_thiet_bi='))
      ?.split(';')[0];

  it('gives a browser that signed in a trust cookie for the sign-in only, HttpOnly and SameSite=Strict', async () => {
    const t = testApp();
    const res = await signIn(t, 'admin', TEST_PASSWORD);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('chitieu_thiet_bi='))!;
    expect(cookie).toMatch(/Path=\/api\/auth\/login/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Max-Age=15552000/);
  });

  it('an attacker’s guesses shut out new browsers, while the admin’s own browser signs in', async () => {
    const t = testApp();
    const trusted = deviceCookie(await signIn(t, 'admin', TEST_PASSWORD))!;
    expect(trusted).toBeDefined();
    for (let i = 0; i < 10; i++) expect((await signIn(t, 'admin', `doan-mo-${i}`)).status).toBe(401);
    // A new browser, even with the right password, waits.
    expect((await signIn(t, 'admin', TEST_PASSWORD)).status).toBe(429);
    // The admin's own browser does not.
    expect((await signIn(t, 'admin', TEST_PASSWORD, trusted)).status).toBe(200);
    // And the attacker's failures are not forgotten by that sign-in.
    expect((await signIn(t, 'admin', TEST_PASSWORD)).status).toBe(429);
  });

  it('a trusted browser counts its own failures, and its trust ends with a new password', async () => {
    const t = testApp();
    const trusted = deviceCookie(await signIn(t, 'admin', TEST_PASSWORD))!;
    for (let i = 0; i < 10; i++) expect((await signIn(t, 'admin', `go-sai-${i}`, trusted)).status).toBe(401);
    expect((await signIn(t, 'admin', TEST_PASSWORD, trusted)).status).toBe(429);

    const t2 = testApp();
    const cookie2 = deviceCookie(await signIn(t2, 'admin', TEST_PASSWORD))!;
    const me = (await t2.call('GET', '/api/auth/me')).body.user;
    // A password set from the console (or by another admin) makes older trust worthless.
    const other = t2.as([{ role: 'admin', unitId: null }], 'admin-hai');
    expect((await other.call('PATCH', `/api/users/${me.id}`, { password: NEW_PASSWORD })).status).toBe(200);
    for (let i = 0; i < 10; i++) await signIn(t2, 'admin', `doan-${i}`);
    expect((await signIn(t2, 'admin', NEW_PASSWORD, cookie2)).status).toBe(429);
  });

  it('a forged trust cookie, or one of another user, is no trust', async () => {
    const t = testApp();
    // Test users share one password hash, so only the user's id in the cookie tells them apart.
    t.as([], 'lan');
    const lanCookie = deviceCookie(await signIn(t, 'lan', TEST_PASSWORD))!;
    const adminId = t.db.select().from(users).where(eq(users.username, 'admin')).get()!.id;
    const forged = `chitieu_thiet_bi=${adminId}.${Date.now().toString(36)}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
    for (let i = 0; i < 10; i++) await signIn(t, 'admin', `doan-${i}`);
    expect((await signIn(t, 'admin', TEST_PASSWORD, lanCookie)).status).toBe(429);
    expect((await signIn(t, 'admin', TEST_PASSWORD, forged)).status).toBe(429);
  });
});
