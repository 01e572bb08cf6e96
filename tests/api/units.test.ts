import { beforeEach, describe, expect, it } from 'vitest';
import { seedBasics, type TestApp, testApp } from '../helpers/app';
import { expectRefusal } from '../helpers/expect';

let t: TestApp;
beforeEach(() => {
  t = testApp();
});

describe('units', () => {
  it('creates a tree and lists it parents first, with string ids', async () => {
    const { root, a, b } = await seedBasics(t);
    const res = await t.call('GET', '/api/units');
    expect(res.status).toBe(200);
    expect(res.body.units.map((u: any) => [u.id, u.parentId, u.name, u.kind])).toEqual([
      [root.id, null, 'Đảng bộ Trường Thử', 'dang_bo'],
      [a.id, root.id, 'Chi bộ A', 'chi_bo'],
      [b.id, root.id, 'Chi bộ B', 'chi_bo'],
    ]);
    expect(typeof root.id).toBe('string');
  });

  it('renames and moves a unit, and refuses a move into its own subtree', async () => {
    const { root, a, b } = await seedBasics(t);
    const renamed = await t.call('PATCH', `/api/units/${a.id}`, { name: 'Chi bộ Khoa Toán', parentId: b.id });
    expect(renamed.status).toBe(200);
    expect(renamed.body.unit).toMatchObject({ name: 'Chi bộ Khoa Toán', parentId: b.id });
    const before = t.snapshot();
    expectRefusal(await t.call('PATCH', `/api/units/${root.id}`, { parentId: a.id }), 409, 'cycle');
    expect(t.snapshot()).toBe(before);
  });

  it('refuses to delete a unit with children or values, then deletes it once empty', async () => {
    const { root, a } = await seedBasics(t);
    await t.call('PUT', `/api/results/${a.id}/KET_NAP/2025`, { value: 1 });
    const before = t.snapshot();
    expectRefusal(await t.call('DELETE', `/api/units/${root.id}`), 409, 'unit_has_children');
    expectRefusal(await t.call('DELETE', `/api/units/${a.id}`), 409, 'unit_has_values');
    expect(t.snapshot()).toBe(before);
    await t.call('DELETE', `/api/results/${a.id}/KET_NAP/2025`);
    expect((await t.call('DELETE', `/api/units/${a.id}`)).status).toBe(200);
    expect((await t.call('GET', '/api/units')).body.units).toHaveLength(2);
  });

  it.each([
    ['a missing name', { parentId: null, kind: 'chi_bo' }, 'name'],
    ['an empty name', { parentId: null, name: '   ', kind: 'chi_bo' }, 'name'],
    ['an unknown kind', { parentId: null, name: 'X', kind: 'hoi' }, 'kind'],
    ['an unknown field', { parentId: null, name: 'X', kind: 'chi_bo', color: 'red' }, 'color'],
    ['a name that is a number', { parentId: null, name: 12, kind: 'chi_bo' }, 'name'],
    ['a parent id that is not an id', { parentId: 'abc', name: 'X', kind: 'chi_bo' }, 'parentId'],
  ])('refuses %s with a Vietnamese message and changes nothing', async (_, body, field) => {
    await seedBasics(t);
    const before = t.snapshot();
    const res = await t.call('POST', '/api/units', body);
    expectRefusal(res, 400);
    expect(res.body.error.field).toBe(field);
    expect(t.snapshot()).toBe(before);
  });

  it('refuses an unknown parent with 404', async () => {
    const before = t.snapshot();
    expectRefusal(
      await t.call('POST', '/api/units', { parentId: '999', name: 'X', kind: 'chi_bo' }),
      404,
      'unit_not_found',
    );
    expect(t.snapshot()).toBe(before);
  });

  it('refuses broken JSON with 400, not 500', async () => {
    const res = await t.call('POST', '/api/units', '{"name": ');
    expectRefusal(res, 400, 'invalid_json');
  });

  it('answers an unknown unit id with 404 on PATCH and DELETE', async () => {
    expectRefusal(await t.call('PATCH', '/api/units/42', { name: 'Y' }), 404, 'unit_not_found');
    expectRefusal(await t.call('DELETE', '/api/units/abc'), 404, 'unit_not_found');
  });
});
