import { beforeEach, describe, expect, it } from 'vitest';
import { freshApp, ids, t } from '../helpers/app';
import { expectRefusal } from '../helpers/expect';

beforeEach(freshApp);

const put = (kind: 'targets' | 'results', unit: string, code: string, period: string, body: object) =>
  t.call('PUT', `/api/${kind}/${unit}/${code}/${period}`, body).then((r) => {
    if (r.status !== 200) throw new Error(JSON.stringify(r.body));
    return r;
  });
const dash = (unit: string, period: string, asOf = '2026-11-24') =>
  t.call('GET', `/api/dashboard?unit=${unit}&period=${period}&asOf=${asOf}`);
const row = (body: any, code: string) => body.rows.find((r: any) => r.indicator.code === code);

describe('GET /api/dashboard', () => {
  it('answers in the shape of the contract', async () => {
    await put('targets', ids.root.id, 'HTT', '2021', { value: 90 });
    await put('results', ids.root.id, 'HTT', '2021', { numerator: 30, denominator: 30 });
    const res = await dash(ids.root.id, '2021');
    expect(res.status).toBe(200);
    expect(res.body.unit).toMatchObject({ id: ids.root.id, name: 'Đảng bộ Trường Thử' });
    expect(res.body.period).toEqual({
      code: '2021',
      label: 'Năm 2021',
      start: '2021-01-01',
      end: '2021-12-31',
      open: false,
    });
    expect(res.body.rows).toEqual([
      {
        indicator: {
          code: 'HTT',
          name: 'Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên',
          unitLabel: '%',
          kind: 'ratio',
          direction: 'higher',
          timeAggregate: 'none',
        },
        target: { value: 90, display: '90%' },
        result: { value: 100, numerator: 30, denominator: 30, display: '100%', source: 'entered' },
        status: 'exceeded',
        achievement: 111.11,
      },
    ]);
    expect(res.body.summary).toMatchObject({
      total: 1,
      exceeded: 1,
      met: 0,
      not_yet: 0,
      missed: 0,
      no_data: 0,
      no_target: 0,
    });
  });

  it('rolls a ratio up as the sum of numerators over the sum of denominators (docs/rules.md example)', async () => {
    await put('results', ids.a.id, 'HTT', '2023', { numerator: 9, denominator: 10 });
    await put('results', ids.b.id, 'HTT', '2023', { numerator: 1, denominator: 30 });
    await put('targets', ids.root.id, 'HTT', '2023', { value: 25 });
    const r = row((await dash(ids.root.id, '2023')).body, 'HTT');
    expect(r.result).toMatchObject({
      value: 25,
      numerator: 10,
      denominator: 40,
      display: '25%',
      source: 'units',
      coverage: { reported: 2, total: 2 },
    });
    expect(r.status).toBe('met');
  });

  it('says how many units reported when only some did', async () => {
    await put('results', ids.a.id, 'KET_NAP', '2023', { value: 3 });
    const r = row((await dash(ids.root.id, '2023')).body, 'KET_NAP');
    expect(r.result).toMatchObject({ value: 3, source: 'units', coverage: { reported: 1, total: 2 } });
    expect(r.status).toBe('no_target');
  });

  it('prefers an entered result, and shows what the units add up to when it differs', async () => {
    await put('results', ids.a.id, 'KET_NAP', '2023', { value: 1 });
    await put('results', ids.b.id, 'KET_NAP', '2023', { value: 1 });
    await put('results', ids.root.id, 'KET_NAP', '2023', { value: 3 });
    const r = row((await dash(ids.root.id, '2023')).body, 'KET_NAP');
    expect(r.result).toMatchObject({ value: 3, source: 'entered' });
    expect(r.result.fromUnits).toMatchObject({ value: 2, coverage: { reported: 2, total: 2 } });
    await put('results', ids.root.id, 'KET_NAP', '2023', { value: 2 });
    expect(row((await dash(ids.root.id, '2023')).body, 'KET_NAP').result.fromUnits).toBeUndefined();
  });

  it('adds up the halves into the year, and the units above them', async () => {
    await put('results', ids.a.id, 'KET_NAP', '2024-H1', { value: 1 });
    await put('results', ids.a.id, 'KET_NAP', '2024-H2', { value: 2 });
    await put('results', ids.b.id, 'KET_NAP', '2024-Q3', { value: 4 });
    await put('targets', ids.root.id, 'KET_NAP', '2024', { value: 6 });
    const a = row((await dash(ids.a.id, '2024')).body, 'KET_NAP');
    expect(a.result).toMatchObject({ value: 3, source: 'periods' });
    const b = row((await dash(ids.b.id, '2024')).body, 'KET_NAP');
    expect(b.result).toMatchObject({ value: 4, source: 'periods' });
    const root = row((await dash(ids.root.id, '2024')).body, 'KET_NAP');
    expect(root.result).toMatchObject({ value: 7, source: 'units', coverage: { reported: 2, total: 2 } });
    expect(root.status).toBe('exceeded');
    expect(root.achievement).toBe(116.67);
  });

  it('adds up the years of a term, cumulative to date', async () => {
    await put('targets', ids.a.id, 'KET_NAP', 'NK2025-2030', { value: 10 });
    await put('results', ids.a.id, 'KET_NAP', '2025', { value: 2 });
    await put('results', ids.a.id, 'KET_NAP', '2026-H1', { value: 1 });
    const r = row((await dash(ids.a.id, 'NK2025-2030')).body, 'KET_NAP');
    expect(r.result).toMatchObject({ value: 3, source: 'periods' });
    expect(r.status).toBe('not_yet');
    expect(r.achievement).toBe(30);
  });

  it('takes the latest period inside for a "last" indicator, and judges levels by position', async () => {
    await put('targets', ids.a.id, 'XL', '2025', { value: 'Vững mạnh' });
    await put('results', ids.a.id, 'XL', '2025-H1', { value: 'Khá' });
    await put('results', ids.a.id, 'XL', '2025-H2', { value: 'Vững mạnh tiêu biểu' });
    const r = row((await dash(ids.a.id, '2025')).body, 'XL');
    expect(r.result).toMatchObject({ value: 'Vững mạnh tiêu biểu', source: 'periods' });
    expect(r.status).toBe('exceeded');
    expect(r.achievement).toBeNull();
  });

  it('does not add up percents or levels across units', async () => {
    await put('results', ids.a.id, 'KH', '2025', { value: 90 });
    await put('results', ids.b.id, 'XL', '2025', { value: 'Khá' });
    expect((await dash(ids.root.id, '2025')).body.rows).toEqual([]);
  });

  it('judges lower-is-better with a target of zero, open and over', async () => {
    await put('targets', ids.a.id, 'KY_LUAT', '2026', { value: 0 });
    await put('results', ids.a.id, 'KY_LUAT', '2026-H1', { value: 1 });
    const open = row((await dash(ids.a.id, '2026', '2026-11-24')).body, 'KY_LUAT');
    expect(open.status).toBe('not_yet');
    expect(open.achievement).toBeNull();
    const over = row((await dash(ids.a.id, '2026', '2027-01-01')).body, 'KY_LUAT');
    expect(over.status).toBe('missed');
    const onLastDay = (await dash(ids.a.id, '2026', '2026-12-31')).body;
    expect(onLastDay.period.open).toBe(true);
  });

  it('tells zero from missing', async () => {
    await put('targets', ids.a.id, 'KET_NAP', '2025', { value: 1 });
    await put('targets', ids.a.id, 'KY_LUAT', '2025', { value: 0 });
    await put('results', ids.a.id, 'KY_LUAT', '2025', { value: 0 });
    const body = (await dash(ids.a.id, '2025')).body;
    expect(row(body, 'KET_NAP')).toMatchObject({ result: null, status: 'no_data' });
    expect(row(body, 'KY_LUAT')).toMatchObject({ result: { value: 0 }, status: 'met' });
  });

  it('keeps the indicators order and counts every status in the summary', async () => {
    await put('targets', ids.a.id, 'XL', '2025', { value: 'Vững mạnh' });
    await put('results', ids.a.id, 'XL', '2025', { value: 'Vững mạnh' }); // met
    await put('targets', ids.a.id, 'HTT', '2025', { value: 90 });
    await put('results', ids.a.id, 'HTT', '2025', { numerator: 8, denominator: 10 }); // missed
    await put('targets', ids.a.id, 'KET_NAP', '2025', { value: 1 }); // no data
    await put('results', ids.a.id, 'KH', '2025', { value: 100 }); // no target
    const body = (await dash(ids.a.id, '2025')).body;
    expect(body.rows.map((r: any) => [r.indicator.code, r.status])).toEqual([
      ['HTT', 'missed'],
      ['KET_NAP', 'no_data'],
      ['KH', 'no_target'],
      ['XL', 'met'],
    ]);
    expect(body.summary).toMatchObject({
      total: 4,
      exceeded: 0,
      met: 1,
      not_yet: 0,
      missed: 1,
      no_data: 1,
      no_target: 1,
      withTarget: 3,
      achieved: 1,
      share: 33.33,
    });
  });

  it.each([
    ['no unit', '/api/dashboard?period=2025', 400, 'invalid_input'],
    ['an unknown unit', '/api/dashboard?unit=999&period=2025', 404, 'unit_not_found'],
    ['no period', '/api/dashboard?unit=1', 400, 'invalid_period'],
    ['a bad period', '/api/dashboard?unit=1&period=2025-H0', 400, 'invalid_period'],
    ['a bad asOf', '/api/dashboard?unit=1&period=2025&asOf=2025-02-30', 400, 'invalid_date'],
  ])('refuses %s', async (_, path, status, code) => {
    expectRefusal(await t.call('GET', path), status, code);
  });
});

describe('GET /api/dashboard/units', () => {
  it('gives one row per child unit, with or without data', async () => {
    await put('targets', ids.a.id, 'HTT', '2025', { value: 90 });
    await put('results', ids.a.id, 'HTT', '2025', { numerator: 9, denominator: 10 });
    await put('results', ids.b.id, 'HTT', '2025', { numerator: 3, denominator: 10 });
    const res = await t.call(
      'GET',
      `/api/dashboard/units?parent=${ids.root.id}&code=HTT&period=2025&asOf=2026-11-24`,
    );
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([
      {
        unit: { id: ids.a.id, name: 'Chi bộ A', kind: 'chi_bo' },
        target: { value: 90, display: '90%' },
        result: { value: 90, numerator: 9, denominator: 10, display: '90%', source: 'entered' },
        status: 'met',
        achievement: 100,
      },
      {
        unit: { id: ids.b.id, name: 'Chi bộ B', kind: 'chi_bo' },
        target: null,
        result: { value: 30, numerator: 3, denominator: 10, display: '30%', source: 'entered' },
        status: 'no_target',
        achievement: null,
      },
    ]);
  });

  it('gives no rows for a unit without children, and refuses an unknown code', async () => {
    const res = await t.call('GET', `/api/dashboard/units?parent=${ids.a.id}&code=HTT&period=2025`);
    expect(res.body.rows).toEqual([]);
    expectRefusal(
      await t.call('GET', `/api/dashboard/units?parent=${ids.root.id}&code=NOPE&period=2025`),
      404,
      'indicator_not_found',
    );
  });
});
