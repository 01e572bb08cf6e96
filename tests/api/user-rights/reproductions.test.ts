import { beforeEach, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, type TestApp, testApp } from '../../helpers/app';
import { expectRefusal } from '../../helpers/expect';
import { login, NEW_PASSWORD } from '../../helpers/user-rights';

// Issue 12: nobody climbs above their rights through someone else's account. A user may be
// changed (password, name, roles, locked or not) only by someone whose rights cover every
// grant that user holds; making a user gives no lasting power over it; one's own password
// changes only with the current one, through /api/auth/password, which ends the other sessions.
// This file: the tester's three takeovers.

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
