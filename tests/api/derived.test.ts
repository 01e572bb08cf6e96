import { beforeEach, describe, expect, it } from 'vitest';
import { IMPORT_HEADER } from '../../shared/import-export';
import { AS_OF, freshApp, ids, t } from '../helpers/app';
import { expectRefusal } from '../helpers/expect';

// docs/rules.md, "Units counted by their rating": a count or a ratio computed from the ratings
// of the units below, never entered, and current after every write.

const PARTY_LEVELS = [
  'Không hoàn thành nhiệm vụ',
  'Hoàn thành nhiệm vụ',
  'Hoàn thành tốt nhiệm vụ',
  'Hoàn thành xuất sắc nhiệm vụ',
];
const GOOD = 'Hoàn thành tốt nhiệm vụ';

let nested: string;

beforeEach(async () => {
  await freshApp();
  const khoa = (
    await t.call('POST', '/api/units', { parentId: ids.root.id, name: 'Khoa Sư phạm', kind: 'don_vi' })
  ).body.unit.id;
  nested = (
    await t.call('POST', '/api/units', { parentId: khoa, name: 'Chi bộ Khoa Sư phạm', kind: 'chi_bo' })
  ).body.unit.id;
  await t.call('POST', '/api/units', { parentId: ids.root.id, name: 'Công đoàn', kind: 'doan_the' });
  const created = [
    {
      code: 'XL_CB',
      name: 'Xếp loại chất lượng chi bộ',
      unitLabel: 'mức',
      kind: 'level',
      levels: PARTY_LEVELS,
      timeAggregate: 'last',
      appliesTo: ['chi_bo'],
    },
    {
      code: 'CB_HTT',
      name: 'Số chi bộ hoàn thành tốt nhiệm vụ trở lên',
      unitLabel: 'chi bộ',
      kind: 'count',
      derived: { countUnits: { indicator: 'XL_CB', atLeast: GOOD, kinds: ['chi_bo'] } },
    },
    {
      code: 'CB_TL',
      name: 'Tỷ lệ chi bộ hoàn thành tốt nhiệm vụ trở lên',
      unitLabel: '%',
      kind: 'ratio',
      derived: { countUnits: { indicator: 'XL_CB', atLeast: GOOD, kinds: ['chi_bo'] } },
    },
  ];
  for (const body of created) {
    const res = await t.call('POST', '/api/indicators', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
});

const rate = (unit: string, level: string, period = '2025') =>
  t.call('PUT', `/api/results/${unit}/XL_CB/${period}`, { value: level });

async function rows(unit = ids.root.id, period = '2025') {
  const res = await t.call('GET', `/api/dashboard?unit=${unit}&period=${period}&asOf=${AS_OF}`);
  return Object.fromEntries(res.body.rows.map((r: any) => [r.indicator.code, r]));
}

describe('units counted by their rating', () => {
  it('counts the chi bộ below at any depth rated good or better, and says how many were rated', async () => {
    await rate(ids.a.id, 'Hoàn thành xuất sắc nhiệm vụ');
    await rate(ids.b.id, 'Hoàn thành nhiệm vụ');
    await rate(nested, GOOD);
    await t.call('PUT', `/api/targets/${ids.root.id}/CB_HTT/2025`, { value: 2 });
    const r = await rows();
    expect(r.CB_HTT.result).toEqual({
      value: 2,
      display: '2',
      source: 'derived',
      coverage: { reported: 3, total: 3 },
    });
    expect(r.CB_HTT.status).toBe('met');
    expect(r.CB_TL.result).toMatchObject({
      value: 66.67,
      numerator: 2,
      denominator: 3,
      source: 'derived',
      coverage: { reported: 3, total: 3 },
    });
    // The faculty holding one chi bộ counts it too.
    const faculty = (await t.call('GET', '/api/units')).body.units.find(
      (u: any) => u.name === 'Khoa Sư phạm',
    );
    expect((await rows(faculty.id)).CB_HTT.result).toMatchObject({
      value: 1,
      coverage: { reported: 1, total: 1 },
    });
    // Applying to Đảng bộ only, it is counted at the Đảng bộ, and shown nowhere else.
    await t.call('PATCH', '/api/indicators/CB_HTT', { appliesTo: ['dang_bo'] });
    expect((await rows(faculty.id)).CB_HTT).toBeUndefined();
    expect((await rows()).CB_HTT.result.value).toBe(2);
  });

  it('leaves the units not yet rated out of a ratio, and has nothing before any is rated', async () => {
    expect((await rows()).CB_HTT).toBeUndefined();
    await rate(ids.a.id, GOOD);
    const r = await rows();
    expect(r.CB_HTT.result).toMatchObject({ value: 1, coverage: { reported: 1, total: 3 } });
    expect(r.CB_TL.result).toMatchObject({ value: 100, numerator: 1, denominator: 1 });
  });

  it('follows every write: a rating changed, removed, or carried over by the latest period', async () => {
    await rate(ids.a.id, GOOD);
    await rate(ids.b.id, GOOD);
    expect((await rows()).CB_HTT.result.value).toBe(2);
    await rate(ids.b.id, 'Hoàn thành nhiệm vụ');
    expect((await rows()).CB_HTT.result.value).toBe(1);
    await t.call('DELETE', `/api/results/${ids.a.id}/XL_CB/2025`);
    expect((await rows()).CB_HTT.result).toMatchObject({ value: 0, coverage: { reported: 1, total: 3 } });
    // A rating of the year's second half stands for the year (timeAggregate last).
    await rate(nested, 'Hoàn thành xuất sắc nhiệm vụ', '2025-H2');
    expect((await rows()).CB_HTT.result).toMatchObject({ value: 1, coverage: { reported: 2, total: 3 } });
    const lines = await t.call('PUT', `/api/target-lines/${ids.root.id}/2025`, {
      lines: [{ text: 'Có 01 chi bộ hoàn thành tốt nhiệm vụ trở lên', codes: ['CB_HTT'] }],
    });
    expect(lines.body.lines[0].parts[0].result.source).toBe('derived');
  });

  it('refuses a result entered for it with 409 derived_result, writing nothing', async () => {
    const before = t.snapshot();
    const single = await t.call('PUT', `/api/results/${ids.root.id}/CB_HTT/2025`, { value: 4 });
    expectRefusal(single, 409, 'derived_result');
    expect(single.body.error.message).toContain('Số chi bộ hoàn thành tốt nhiệm vụ trở lên');
    expectRefusal(
      await t.call('POST', '/api/values/batch', {
        results: [{ unitId: ids.root.id, code: 'CB_TL', period: '2025', numerator: 3, denominator: 4 }],
      }),
      409,
      'derived_result',
    );
    const form = new FormData();
    form.append('file', new File([`${IMPORT_HEADER}\n${ids.root.id},CB_HTT,2025,result,4,,,\n`], 'a.csv'));
    const imported = await t.raw('POST', '/api/import', { body: form });
    expect(imported.status).toBe(409);
    expect(t.snapshot()).toBe(before);
    // Its target is set as any other.
    expect((await t.call('PUT', `/api/targets/${ids.root.id}/CB_HTT/2025`, { value: 3 })).status).toBe(200);
  });

  it.each([
    [
      'over an indicator that is not a level',
      { indicator: 'KH', atLeast: 'Tốt', kinds: ['chi_bo'] },
      'count',
      'derived.countUnits.indicator',
    ],
    [
      'from a level the indicator does not have',
      { indicator: 'XL_CB', atLeast: 'Vững mạnh', kinds: ['chi_bo'] },
      'count',
      'derived.countUnits.atLeast',
    ],
    [
      'over an indicator that does not exist',
      { indicator: 'KHONG_CO', atLeast: GOOD, kinds: ['chi_bo'] },
      'count',
      'derived.countUnits.indicator',
    ],
    ['on a percent', { indicator: 'XL_CB', atLeast: GOOD, kinds: ['chi_bo'] }, 'percent', 'derived'],
    [
      'counting no kind of unit',
      { indicator: 'XL_CB', atLeast: GOOD, kinds: [] },
      'count',
      'derived.countUnits.kinds',
    ],
  ])('refuses a derived indicator %s with 400 and one sentence', async (_, countUnits, kind, field) => {
    const before = t.snapshot();
    const res = await t.call('POST', '/api/indicators', {
      code: 'CB_MOI',
      name: 'Số chi bộ đạt',
      unitLabel: 'chi bộ',
      kind,
      derived: { countUnits },
    });
    expectRefusal(res, 400);
    expect(res.body.error.field).toBe(field);
    expect(t.snapshot()).toBe(before);
  });

  it('keeps the level it counts from, and refuses to derive what was entered', async () => {
    const before = t.snapshot();
    expectRefusal(
      await t.call('PATCH', '/api/indicators/XL_CB', { levels: ['Hoàn thành nhiệm vụ', 'Xuất sắc'] }),
      409,
      'level_in_use',
    );
    await t.call('PUT', `/api/results/${ids.a.id}/KET_NAP/2025`, { value: 1 });
    const mid = t.snapshot();
    expect(mid).not.toBe(before);
    expectRefusal(
      await t.call('PATCH', '/api/indicators/KET_NAP', {
        derived: { countUnits: { indicator: 'XL_CB', atLeast: GOOD, kinds: ['chi_bo'] } },
      }),
      409,
      'indicator_in_use',
    );
    expect(t.snapshot()).toBe(mid);
    const list = (await t.call('GET', '/api/indicators')).body.indicators;
    expect(list.find((i: any) => i.code === 'CB_HTT').derived).toEqual({
      countUnits: { indicator: 'XL_CB', atLeast: GOOD, kinds: ['chi_bo'] },
    });
  });
});
