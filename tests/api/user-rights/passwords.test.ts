import { beforeEach, describe, expect, it } from 'vitest';
import { seedBasics, TEST_PASSWORD, type TestApp, testApp } from '../../helpers/app';
import { expectRefusal } from '../../helpers/expect';

// Issue 12: nobody climbs above their rights through someone else's account. A user may be
// changed (password, name, roles, locked or not) only by someone whose rights cover every
// grant that user holds; making a user gives no lasting power over it; one's own password
// changes only with the current one, through /api/auth/password, which ends the other sessions.
// This file: which passwords are refused.

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
