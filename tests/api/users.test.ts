import { beforeEach, describe, expect, it } from 'vitest';
import { freshApp, ids, t } from '../helpers/app';
import { expectRefusal } from '../helpers/expect';

beforeEach(freshApp);

const login = (username: string, password: string) =>
  t.anonymous.call('POST', '/api/auth/login', { username, password });

describe('users', () => {
  it('an admin creates a user who can then sign in with the rights given', async () => {
    const res = await t.call('POST', '/api/users', {
      username: 'BiThu.A',
      password: 'mat-khau-bi-thu',
      displayName: 'Nguyễn Thị Hoa',
      grants: [{ role: 'reporter', unitId: ids.a.id }],
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({
      username: 'bithu.a',
      displayName: 'Nguyễn Thị Hoa',
      active: true,
      grants: [{ role: 'reporter', unitId: ids.a.id, unitName: 'Chi bộ A' }],
    });
    const signedIn = await login('bithu.a', 'mat-khau-bi-thu');
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.grants[0].role).toBe('reporter');
  });

  it('refuses a taken username, a short password and a bad role, writing nothing', async () => {
    const before = t.snapshot();
    expectRefusal(
      await t.call('POST', '/api/users', { username: 'admin', password: 'mat-khau-dai', grants: [] }),
      409,
      'username_taken',
    );
    expectRefusal(await t.call('POST', '/api/users', { username: 'hoa', password: 'ngan', grants: [] }), 400);
    expectRefusal(
      await t.call('POST', '/api/users', {
        username: 'hoa',
        password: 'mat-khau-dai',
        grants: [{ role: 'boss', unitId: ids.a.id }],
      }),
      400,
    );
    expectRefusal(
      await t.call('POST', '/api/users', {
        username: 'hoa',
        password: 'mat-khau-dai',
        grants: [{ role: 'viewer', unitId: '999' }],
      }),
      404,
      'unit_not_found',
    );
    expectRefusal(
      await t.call('POST', '/api/users', { username: 'hoà', password: 'mat-khau-dai', grants: [] }),
      400,
    );
    expect(t.snapshot()).toBe(before);
  });

  it('a committee grants roles only inside its subtree, and never admin', async () => {
    const committee = t.as([{ role: 'committee', unitId: ids.a.id }]);
    const body = (role: string, unitId: string | null) => ({
      username: `u-${role}-${unitId}`,
      password: 'mat-khau-dai',
      grants: [{ role, unitId }],
    });
    expect((await committee.call('POST', '/api/users', body('reporter', ids.a.id))).status).toBe(201);
    expect((await committee.call('POST', '/api/users', body('committee', ids.a.id))).status).toBe(201);
    const before = t.snapshot();
    expectRefusal(await committee.call('POST', '/api/users', body('viewer', ids.b.id)), 403);
    expectRefusal(await committee.call('POST', '/api/users', body('viewer', ids.root.id)), 403);
    expectRefusal(await committee.call('POST', '/api/users', body('admin', ids.a.id)), 403);
    expectRefusal(await committee.call('POST', '/api/users', body('viewer', null)), 403);
    expect(t.snapshot()).toBe(before);
    // It lists the people of its subtree, not the others.
    const listed = (await committee.call('GET', '/api/users')).body.users.map((u: any) => u.username);
    expect(listed).toContain(`u-reporter-${ids.a.id}`);
    expect(listed).not.toContain('admin');
  });

  it('a committee replaces the roles of someone it covers wholly, and keeps at least one', async () => {
    const user = (
      await t.call('POST', '/api/users', {
        username: 'hai-noi',
        password: 'mat-khau-dai',
        grants: [
          { role: 'viewer', unitId: ids.a.id },
          { role: 'reporter', unitId: ids.a.id },
        ],
      })
    ).body.user;
    const committeeA = t.as([{ role: 'committee', unitId: ids.a.id }]);
    const res = await committeeA.call('PATCH', `/api/users/${user.id}`, {
      grants: [{ role: 'reporter', unitId: ids.a.id }],
    });
    expect(res.status).toBe(200);
    expect(res.body.user.grants.map((g: any) => `${g.role}@${g.unitName}`)).toEqual(['reporter@Chi bộ A']);
    const history = (await t.call('GET', `/api/history?unit=${ids.a.id}`)).body.changes.filter(
      (c: any) => c.type === 'grant',
    );
    expect(history[0]).toMatchObject({ action: 'delete', before: { role: 'viewer', unitId: ids.a.id } });
    const before = t.snapshot();
    expectRefusal(
      await committeeA.call('PATCH', `/api/users/${user.id}`, { grants: [] }),
      400,
      'grants_required',
    );
    expect(t.snapshot()).toBe(before);
  });

  it('deactivating a user ends their sessions, keeps their history, and refuses them at sign-in', async () => {
    const hoa = t.as([{ role: 'reporter', unitId: ids.a.id }], 'hoa');
    await hoa.call('PUT', `/api/results/${ids.a.id}/KET_NAP/2025`, { value: 2 });
    const userId = hoa.userId;
    expectRefusal(
      await t.call('PATCH', `/api/users/${userId}`, { active: false, extra: 1 }),
      400,
      'unknown_field',
    );
    const res = await t.call('PATCH', `/api/users/${userId}`, { active: false });
    expect(res.body.user.active).toBe(false);
    expectRefusal(await hoa.call('GET', '/api/units'), 401, 'unauthenticated');
    // The right password of a locked account is answered as a wrong one: it confirms nothing.
    const signIn = await login('hoa', 'mật-khẩu-thử-nghiệm');
    expectRefusal(signIn, 401, 'invalid_credentials');
    expect(signIn.body).toEqual((await login('hoa', 'khong-phai-mat-khau')).body);
    const changes = (await t.call('GET', `/api/history?unit=${ids.a.id}&code=KET_NAP`)).body.changes;
    expect(changes[0].user).toBe('hoa');
    // And back.
    await t.call('PATCH', `/api/users/${userId}`, { active: true });
    expect((await login('hoa', 'mật-khẩu-thử-nghiệm')).status).toBe(200);
  });

  it('an admin resets a password; nobody deactivates themselves', async () => {
    const hoa = t.as([{ role: 'viewer', unitId: ids.a.id }], 'hoa');
    expect((await t.call('PATCH', `/api/users/${hoa.userId}`, { password: 'mat-khau-moi-dat' })).status).toBe(
      200,
    );
    expect((await login('hoa', 'mật-khẩu-thử-nghiệm')).status).toBe(401);
    expect((await login('hoa', 'mat-khau-moi-dat')).status).toBe(200);
    const admin = (await t.call('GET', '/api/auth/me')).body.user;
    expectRefusal(
      await t.call('PATCH', `/api/users/${admin.id}`, { active: false }),
      400,
      'cannot_deactivate_self',
    );
  });

  it('a committee cannot touch a user who also holds roles outside its subtree', async () => {
    const both = t.as(
      [
        { role: 'viewer', unitId: ids.a.id },
        { role: 'viewer', unitId: ids.b.id },
      ],
      'ca-hai',
    );
    const committeeA = t.as([{ role: 'committee', unitId: ids.a.id }]);
    const before = t.snapshot();
    expectRefusal(await committeeA.call('PATCH', `/api/users/${both.userId}`, { active: false }), 403);
    expectRefusal(await committeeA.call('PATCH', '/api/users/999', { active: false }), 404, 'user_not_found');
    expect(t.snapshot()).toBe(before);
  });
});

describe('units hold grants', () => {
  it('refuses to remove a unit on which roles are granted', async () => {
    const leaf = (await t.call('POST', '/api/units', { parentId: ids.a.id, name: 'Tổ 1', kind: 'chi_bo' }))
      .body.unit;
    t.as([{ role: 'viewer', unitId: leaf.id }]);
    const before = t.snapshot();
    expectRefusal(await t.call('DELETE', `/api/units/${leaf.id}`), 409, 'unit_has_grants');
    expect(t.snapshot()).toBe(before);
  });
});
