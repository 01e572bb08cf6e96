import { beforeEach, describe, expect, it } from 'vitest';
import { IMPORT_HEADER } from '../../shared/import-export';
import { AS_OF, freshApp, ids, t } from '../helpers/app';
import { expectRefusal } from '../helpers/expect';

// docs/rules.md, "Where an indicator applies": an indicator may apply to some unit kinds only;
// it is refused elsewhere, and coverage counts only the units it concerns.

let doanThe: string;
let khoa: string;
let toDang: string;

beforeEach(async () => {
  await freshApp();
  const add = async (parentId: string, name: string, kind: string) =>
    (await t.call('POST', '/api/units', { parentId, name, kind })).body.unit.id as string;
  doanThe = await add(ids.root.id, 'Đoàn Thanh niên', 'doan_the');
  khoa = await add(ids.root.id, 'Khoa Sư phạm', 'don_vi');
  toDang = await add(khoa, 'Chi bộ Khoa Sư phạm', 'chi_bo');
  const patched = await t.call('PATCH', '/api/indicators/HTT', { appliesTo: ['chi_bo', 'dang_bo'] });
  expect(patched.status, JSON.stringify(patched.body)).toBe(200);
  await t.call('PATCH', '/api/indicators/XL', { appliesTo: ['doan_the'] });
});

const csv = (...rows: string[]) => {
  const form = new FormData();
  form.append('file', new File([`${IMPORT_HEADER}\n${rows.join('\n')}\n`], 'so-lieu.csv'));
  return form;
};

describe('where an indicator applies', () => {
  it('keeps the kinds in the catalogue, and takes them off with null', async () => {
    const list = (await t.call('GET', '/api/indicators')).body.indicators;
    expect(list.find((i: any) => i.code === 'HTT').appliesTo).toEqual(['chi_bo', 'dang_bo']);
    expect(list.find((i: any) => i.code === 'KH').appliesTo).toBeUndefined();
    const cleared = await t.call('PATCH', '/api/indicators/XL', { appliesTo: null });
    expect(cleared.body.indicator.appliesTo).toBeUndefined();
    const created = await t.call('POST', '/api/indicators', {
      code: 'DT_VM',
      name: 'Số đoàn viên ưu tú',
      unitLabel: 'người',
      kind: 'count',
      appliesTo: ['doan_the'],
    });
    expect(created.status).toBe(201);
    expect(created.body.indicator.appliesTo).toEqual(['doan_the']);
  });

  it('refuses a target or a result at a unit of another kind with 422 and one sentence, writing nothing', async () => {
    const before = t.snapshot();
    const target = await t.call('PUT', `/api/targets/${doanThe}/HTT/2025`, { value: 90 });
    expectRefusal(target, 422, 'not_applicable');
    expect(target.body.error.message).toBe(
      'Chỉ tiêu "Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên" chỉ áp dụng cho chi bộ và đảng bộ; "Đoàn Thanh niên" là đoàn thể nên không nhập chỉ tiêu này.',
    );
    expectRefusal(
      await t.call('PUT', `/api/results/${ids.a.id}/XL/2025`, { value: 'Vững mạnh' }),
      422,
      'not_applicable',
    );
    const batch = await t.call('POST', '/api/values/batch', {
      targets: [{ unitId: ids.a.id, code: 'HTT', period: '2025', value: 90 }],
      results: [{ unitId: doanThe, code: 'HTT', period: '2025', numerator: 1, denominator: 2 }],
    });
    expectRefusal(batch, 422, 'not_applicable');
    expect(batch.body.errors).toHaveLength(1);
    const imported = await t.raw('POST', '/api/import', {
      body: csv(`${ids.a.id},XL,2025,result,Khá,,,`, `${ids.a.id},HTT,2025,target,90,,,`),
    });
    const body = await imported.json();
    expect(imported.status, JSON.stringify(body)).toBe(422);
    expect(body.error.code).toBe('not_applicable');
    expect(body.errors.map((e: any) => e.row)).toEqual([2]);
    expect(t.snapshot()).toBe(before);
    // Where it applies, the same writes go through.
    expect((await t.call('PUT', `/api/results/${doanThe}/XL/2025`, { value: 'Vững mạnh' })).status).toBe(200);
    expect((await t.call('PUT', `/api/targets/${ids.a.id}/HTT/2025`, { value: 90 })).status).toBe(200);
  });

  it('counts in a coverage only the units it applies to, or that hold such units below', async () => {
    await t.call('PUT', `/api/results/${ids.a.id}/HTT/2025`, { numerator: 9, denominator: 10 });
    await t.call('PUT', `/api/results/${toDang}/HTT/2025`, { numerator: 5, denominator: 5 });
    const dash = await t.call('GET', `/api/dashboard?unit=${ids.root.id}&period=2025&asOf=${AS_OF}`);
    const htt = dash.body.rows.find((r: any) => r.indicator.code === 'HTT');
    // Chi bộ A, chi bộ B and the faculty holding a chi bộ; not the Đoàn Thanh niên.
    expect(htt.result).toMatchObject({ numerator: 14, denominator: 15, coverage: { reported: 2, total: 3 } });
    // An indicator for every kind still counts every unit below.
    await t.call('PUT', `/api/results/${ids.a.id}/KET_NAP/2025`, { value: 1 });
    const again = await t.call('GET', `/api/dashboard?unit=${ids.root.id}&period=2025&asOf=${AS_OF}`);
    const ketNap = again.body.rows.find((r: any) => r.indicator.code === 'KET_NAP');
    expect(ketNap.result.coverage).toEqual({ reported: 1, total: 4 });
  });

  it('refuses to narrow an indicator where values of other kinds are stored', async () => {
    await t.call('PUT', `/api/results/${doanThe}/KET_NAP/2025`, { value: 1 });
    const before = t.snapshot();
    const res = await t.call('PATCH', '/api/indicators/KET_NAP', { appliesTo: ['chi_bo'] });
    expectRefusal(res, 409, 'indicator_in_use');
    expect(res.body.error.message).toContain('Đoàn Thanh niên');
    expect(t.snapshot()).toBe(before);
  });

  it('keeps a unit from changing to a kind its values’ indicators do not apply to', async () => {
    await t.call('PUT', `/api/results/${doanThe}/XL/2025`, { value: 'Vững mạnh' });
    const before = t.snapshot();
    const res = await t.call('PATCH', `/api/units/${doanThe}`, { kind: 'chi_bo' });
    expectRefusal(res, 409, 'unit_has_values');
    expect(res.body.error.message).toContain('Xếp loại đoàn thể');
    expect(t.snapshot()).toBe(before);
    expect((await t.call('PATCH', `/api/units/${doanThe}`, { name: 'Đoàn Thanh niên Trường' })).status).toBe(
      200,
    );
  });

  it.each([
    ['an unknown kind', ['chi_bo', 'to_dang']],
    ['no kind', []],
    ['a kind twice', ['chi_bo', 'chi_bo']],
    ['a word', 'chi_bo'],
  ])('refuses %s with 400 and changes nothing', async (_, appliesTo) => {
    const before = t.snapshot();
    const res = await t.call('PATCH', '/api/indicators/KH', { appliesTo });
    expectRefusal(res, 400);
    expect(t.snapshot()).toBe(before);
  });
});
