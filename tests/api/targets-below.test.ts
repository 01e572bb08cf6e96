import { beforeEach, describe, expect, it } from 'vitest';
import { freshApp, ids, t } from '../helpers/app';
import { expectRefusal } from '../helpers/expect';

// docs/rules.md, "One target for each unit below": POST /api/targets/below stores one target
// as the own target of every unit of some kinds below a committee, at any depth, in one
// transaction; what is already there is kept unless replacing is asked for.

let congDoan: string;
let doanTN: string;
let toDang: string;

beforeEach(async () => {
  await freshApp();
  const add = async (parentId: string, name: string, kind: string) =>
    (await t.call('POST', '/api/units', { parentId, name, kind })).body.unit.id as string;
  congDoan = await add(ids.root.id, 'Công đoàn Trường', 'doan_the');
  const khoa = await add(ids.root.id, 'Khoa Sư phạm', 'don_vi');
  doanTN = await add(khoa, 'Chi đoàn Khoa Sư phạm', 'doan_the');
  toDang = await add(ids.a.id, 'Tổ đảng 1', 'chi_bo');
  await t.call('PATCH', '/api/indicators/XL', { appliesTo: ['doan_the'] });
});

const below = (body: Record<string, unknown>, query = '') =>
  t.call('POST', `/api/targets/below${query}`, {
    unitId: ids.root.id,
    code: 'XL',
    period: '2021',
    value: 'Vững mạnh',
    kinds: ['doan_the'],
    ...body,
  });
const targetOf = async (unit: string, code = 'XL', period = '2021') =>
  (await t.call('GET', `/api/values?unit=${unit}&period=${period}`)).body.targets.find(
    (x: any) => x.code === code,
  ) ?? null;

describe('one target for each unit below', () => {
  it('stores the target as each unit’s own, at any depth, and records each in the history', async () => {
    const res = await below({});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ written: 2, kept: 0, dryRun: false });
    expect(res.body.units.map((u: any) => [u.unit.name, u.action, u.target.display])).toEqual([
      ['Công đoàn Trường', 'written', 'Vững mạnh'],
      ['Chi đoàn Khoa Sư phạm', 'written', 'Vững mạnh'],
    ]);
    expect((await targetOf(congDoan)).value).toBe('Vững mạnh');
    expect((await targetOf(doanTN)).value).toBe('Vững mạnh');
    expect(await targetOf(ids.root.id)).toBeNull();
    const history = await t.call('GET', `/api/history?unit=${doanTN}&code=XL&period=2021`);
    expect(history.body.changes.map((c: any) => `${c.type} ${c.action}`)).toEqual(['target create']);
  });

  it('keeps a unit’s own target unless asked to replace it', async () => {
    await t.call('PUT', `/api/targets/${congDoan}/XL/2021`, { value: 'Vững mạnh tiêu biểu' });
    const kept = await below({});
    expect(kept.body).toMatchObject({ written: 1, kept: 1 });
    expect(kept.body.units[0]).toMatchObject({ action: 'kept', target: { value: 'Vững mạnh tiêu biểu' } });
    expect((await targetOf(congDoan)).value).toBe('Vững mạnh tiêu biểu');
    const replaced = await below({ replace: true });
    expect(replaced.body).toMatchObject({ written: 2, kept: 0 });
    expect((await targetOf(congDoan)).value).toBe('Vững mạnh');
  });

  it('sets a count for every chi bộ below, nested ones too', async () => {
    const res = await below({ code: 'KET_NAP', value: 1, kinds: ['chi_bo'] });
    expect(res.body.written).toBe(3);
    for (const unit of [ids.a.id, ids.b.id, toDang]) expect((await targetOf(unit, 'KET_NAP')).value).toBe(1);
  });

  it('answers a dry run with what it would do, writing nothing', async () => {
    const before = t.snapshot();
    const res = await below({}, '?dryRun=1');
    expect(res.body).toMatchObject({ written: 2, kept: 0, dryRun: true });
    expect(t.snapshot()).toBe(before);
  });

  it('refuses the whole when one unit below is locked, with 423', async () => {
    await t.call('PUT', `/api/locks/${doanTN}/2021`);
    const before = t.snapshot();
    expectRefusal(await below({}), 423, 'period_locked');
    expect(t.snapshot()).toBe(before);
    expect(await targetOf(congDoan)).toBeNull();
  });

  it('refuses a caller without the right to plan for the committee, with 403', async () => {
    const cell = t.as([{ role: 'committee', unitId: ids.a.id }]);
    const before = t.snapshot();
    expectRefusal(
      await cell.call('POST', '/api/targets/below', {
        unitId: ids.root.id,
        code: 'KET_NAP',
        period: '2021',
        value: 1,
        kinds: ['chi_bo'],
      }),
      403,
      'forbidden',
    );
    expect(t.snapshot()).toBe(before);
    // Its own chi bộ and those under it are its to plan for.
    const own = await cell.call('POST', '/api/targets/below', {
      unitId: ids.a.id,
      code: 'KET_NAP',
      period: '2021',
      value: 1,
      kinds: ['chi_bo'],
    });
    expect(own.body).toMatchObject({ written: 1 });
  });

  it.each([
    ['a level the indicator does not have', { value: 'Xuất sắc' }, 400],
    ['kinds the indicator does not apply to', { kinds: ['doan_the', 'chi_bo'] }, 422],
    ['no kinds', { kinds: [] }, 400],
    ['an unknown kind', { kinds: ['to_dang'] }, 400],
    ['a bad period', { period: '2021-H3' }, 400],
  ])('refuses %s, writing nothing', async (_, body, status) => {
    const before = t.snapshot();
    expectRefusal(await below(body), status);
    expect(t.snapshot()).toBe(before);
  });
});
