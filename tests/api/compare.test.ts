import { beforeEach, describe, expect, it } from 'vitest';
import { AS_OF, freshApp, ids, t } from '../helpers/app';
import { expectRefusal } from '../helpers/expect';

// docs/api.md; GET /api/docs: one indicator across periods with the change from one to the
// next, every indicator of a unit across periods, and the scorecard of the units below.

beforeEach(freshApp);

const put = (kind: 'targets' | 'results', unit: string, code: string, period: string, body: unknown) =>
  t.call('PUT', `/api/${kind}/${unit}/${code}/${period}`, body);

describe('GET /api/compare/periods', () => {
  it('gives a ratio across years in the order asked, with the change in percentage points', async () => {
    const a = ids.a.id;
    for (const [y, n, d] of [
      ['2022', 8, 10],
      ['2023', 2, 3],
      ['2025', 9, 10],
    ] as const) {
      await put('targets', a, 'HTT', y, { value: 90 });
      await put('results', a, 'HTT', y, { numerator: n, denominator: d });
    }
    await put('targets', a, 'HTT', '2024', { value: 90 });
    const res = await t.call(
      'GET',
      `/api/compare/periods?unit=${a}&code=HTT&periods=2025,2022,2023,2024&asOf=${AS_OF}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.indicator.code).toBe('HTT');
    expect(
      res.body.rows.map((r: any) => [
        r.period.code,
        r.result?.display ?? null,
        r.status,
        r.achievement,
        r.change,
      ]),
    ).toEqual([
      ['2025', '90%', 'met', 100, null],
      // 80% is 10 points below 90%.
      ['2022', '80%', 'missed', 88.89, -10],
      // 66,67% shown, so 66,67 − 80 = −13,33 points.
      ['2023', '66,67%', 'missed', 74.08, -13.33],
      // No result in 2024: no change either way.
      ['2024', null, 'no_data', null, null],
    ]);
  });

  it('counts a zero as a result, and moves a count by its difference', async () => {
    const a = ids.a.id;
    await put('results', a, 'KET_NAP', '2023', { value: 3 });
    await put('results', a, 'KET_NAP', '2024', { value: 0 });
    await put('targets', a, 'KET_NAP', '2025', { value: 2 });
    await put('results', a, 'KET_NAP', '2025', { value: 2 });
    const res = await t.call(
      'GET',
      `/api/compare/periods?unit=${a}&code=KET_NAP&periods=2023,2024,2025&asOf=${AS_OF}`,
    );
    expect(res.body.rows.map((r: any) => [r.result.value, r.status, r.change])).toEqual([
      [3, 'no_target', null],
      [0, 'no_target', -3],
      [2, 'met', 2],
    ]);
  });

  it('compares a half-year with the same half of earlier years, percents in points', async () => {
    const a = ids.a.id;
    await put('results', a, 'KH', '2024-H1', { value: 48.5 });
    await put('results', a, 'KH', '2025-H1', { value: 52 });
    await put('targets', a, 'KH', '2025-H1', { value: 50 });
    const res = await t.call(
      'GET',
      `/api/compare/periods?unit=${a}&code=KH&periods=2024-H1,2025-H1&asOf=${AS_OF}`,
    );
    expect(res.body.rows.map((r: any) => [r.period.label, r.result.display, r.status, r.change])).toEqual([
      ['6 tháng đầu năm 2024', '48,5%', 'no_target', null],
      ['6 tháng đầu năm 2025', '52%', 'exceeded', 3.5],
    ]);
  });

  it('judges fewer-is-better the other way round, and gives it no achievement', async () => {
    const a = ids.a.id;
    for (const [y, v] of [
      ['2024', 2],
      ['2025', 0],
    ] as const) {
      await put('targets', a, 'KY_LUAT', y, { value: 0 });
      await put('results', a, 'KY_LUAT', y, { value: v });
    }
    const res = await t.call(
      'GET',
      `/api/compare/periods?unit=${a}&code=KY_LUAT&periods=2024,2025&asOf=${AS_OF}`,
    );
    expect(res.body.rows.map((r: any) => [r.status, r.achievement, r.change])).toEqual([
      ['missed', null, null],
      ['met', null, -2],
    ]);
  });

  it('rolls results up the tree for a unit that entered none', async () => {
    await put('results', ids.a.id, 'HTT', '2025', { numerator: 9, denominator: 10 });
    await put('results', ids.b.id, 'HTT', '2025', { numerator: 1, denominator: 30 });
    const res = await t.call('GET', `/api/compare/periods?unit=${ids.root.id}&code=HTT&periods=2025`);
    expect(res.body.rows[0].result).toMatchObject({
      display: '25%',
      source: 'units',
      coverage: { reported: 2, total: 2 },
    });
  });

  it('moves a level by steps on its scale', async () => {
    await put('results', ids.a.id, 'XL', '2024', { value: 'Khá' });
    await put('results', ids.a.id, 'XL', '2025', { value: 'Vững mạnh tiêu biểu' });
    const res = await t.call('GET', `/api/compare/periods?unit=${ids.a.id}&code=XL&periods=2024,2025`);
    expect(res.body.rows.map((r: any) => r.change)).toEqual([null, 2]);
  });

  it.each([
    ['no periods', 'unit=A&code=HTT', 400, 'periods'],
    ['an empty list', 'unit=A&code=HTT&periods=,', 400, 'periods'],
    ['a bad period among good ones', 'unit=A&code=HTT&periods=2024,2025-H3', 400, 'periods'],
    ['an unknown indicator', 'unit=A&code=KHONG_CO&periods=2025', 404, 'code'],
    ['an unknown unit', 'unit=999&code=HTT&periods=2025', 404, 'unit'],
    [
      'too many periods',
      `unit=A&code=HTT&periods=${Array.from({ length: 21 }, (_, i) => 2000 + i).join(',')}`,
      400,
      'periods',
    ],
  ])('refuses %s in Vietnamese', async (_, query, status, field) => {
    const res = await t.call('GET', `/api/compare/periods?${query.replace('unit=A', `unit=${ids.a.id}`)}`);
    expectRefusal(res, status);
    expect(res.body.error.field).toBe(field);
  });
});

describe('GET /api/compare/periods/all', () => {
  it('gives every indicator the unit holds across the periods, with a status in each cell', async () => {
    const a = ids.a.id;
    await put('targets', a, 'KET_NAP', '2024', { value: 2 });
    await put('results', a, 'KET_NAP', '2024', { value: 2 });
    await put('targets', a, 'KH', '2025', { value: 100 });
    const res = await t.call('GET', `/api/compare/periods/all?unit=${a}&periods=2024,2025&asOf=${AS_OF}`);
    expect(res.status).toBe(200);
    expect(res.body.periods.map((p: any) => p.label)).toEqual(['Năm 2024', 'Năm 2025']);
    expect(
      res.body.indicators.map((i: any) => [i.indicator.code, i.cells.map((c: any) => c.status)]),
    ).toEqual([
      ['KET_NAP', ['met', 'no_target']],
      ['KH', ['no_target', 'no_data']],
    ]);
  });
});

describe('GET /api/compare/units', () => {
  it('gives the scorecard of the units below, one cell per indicator any of them holds', async () => {
    await put('targets', ids.a.id, 'HTT', '2025', { value: 90 });
    await put('results', ids.a.id, 'HTT', '2025', { numerator: 19, denominator: 20 });
    await put('targets', ids.b.id, 'HTT', '2025', { value: 90 });
    await put('results', ids.b.id, 'HTT', '2025', { numerator: 17, denominator: 20 });
    await put('targets', ids.b.id, 'KY_LUAT', '2025', { value: 0 });
    await put('results', ids.b.id, 'KY_LUAT', '2025', { value: 0 });
    await put('results', ids.a.id, 'KH', '2025', { value: 0 });
    const res = await t.call('GET', `/api/compare/units?parent=${ids.root.id}&period=2025&asOf=${AS_OF}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.indicators.map((i: any) => i.code)).toEqual(['HTT', 'KH', 'KY_LUAT']);
    expect(
      res.body.rows.map((r: any) => [
        r.unit.name,
        r.cells.map((c: any) => [c.code, c.status, c.result?.display ?? null]),
      ]),
    ).toEqual([
      [
        'Chi bộ A',
        [
          ['HTT', 'exceeded', '95%'],
          ['KH', 'no_target', '0%'],
          ['KY_LUAT', 'no_target', null],
        ],
      ],
      [
        'Chi bộ B',
        [
          ['HTT', 'missed', '85%'],
          ['KH', 'no_target', null],
          ['KY_LUAT', 'met', '0'],
        ],
      ],
    ]);
    expect(res.body.rows[0].cells[0].achievement).toBe(105.56);
  });

  it('answers a unit with nothing under it with no rows, and refuses a bad period', async () => {
    const res = await t.call('GET', `/api/compare/units?parent=${ids.a.id}&period=2025`);
    expect(res.body).toMatchObject({ rows: [], indicators: [] });
    expectRefusal(
      await t.call('GET', `/api/compare/units?parent=${ids.a.id}&period=2025-Q5`),
      400,
      'invalid_period',
    );
  });
});

describe('progress inside a longer period, on the dashboard', () => {
  it('judges the first half against the year’s target, on pace or behind', async () => {
    const root = ids.root.id;
    await put('targets', root, 'KET_NAP', '2025', { value: 4 });
    await put('results', ids.a.id, 'KET_NAP', '2025-H1', { value: 1 });
    await put('results', ids.b.id, 'KET_NAP', '2025-H1', { value: 1 });
    await put('targets', root, 'KY_LUAT', '2025', { value: 0 });
    await put('results', root, 'KY_LUAT', '2025-H1', { value: 0 });
    // A share, summed part by part: 9/10 and 1/30 are 10/40.
    await put('targets', root, 'KH', '2025', { value: 100 });
    const res = await t.call('GET', `/api/dashboard?unit=${root}&period=2025-H1&asOf=${AS_OF}`);
    const byCode = new Map(res.body.rows.map((r: any) => [r.indicator.code, r]));
    expect((byCode.get('KET_NAP') as any).progress).toEqual({
      period: { code: '2025', label: 'Năm 2025' },
      target: { value: 4, display: '4' },
      result: { value: 2, display: '2' },
      achievement: 50,
      elapsed: 49.59,
      pace: 'on_track',
    });
    expect((byCode.get('KY_LUAT') as any).progress).toMatchObject({ result: { value: 0 }, pace: 'on_track' });
    // An indicator that does not add up across periods has no progress.
    expect(byCode.has('KH')).toBe(false);
  });

  it('falls behind when the half has done less than its share of the year', async () => {
    const a = ids.a.id;
    await put('targets', a, 'KET_NAP', '2025', { value: 3 });
    await put('results', a, 'KET_NAP', '2025-H1', { value: 1 });
    const res = await t.call('GET', `/api/dashboard?unit=${a}&period=2025-H1&asOf=${AS_OF}`);
    expect(res.body.rows[0].progress).toMatchObject({ achievement: 33.33, elapsed: 49.59, pace: 'behind' });
    // Seen on 31/03/2025, a quarter of the year has passed: 33,33% is ahead.
    const early = await t.call('GET', `/api/dashboard?unit=${a}&period=2025-H1&asOf=2025-03-31`);
    expect(early.body.rows[0].progress).toMatchObject({ elapsed: 24.66, pace: 'on_track' });
  });

  it('judges a year against the term at the mid-term review, adding the years so far', async () => {
    const a = ids.a.id;
    await put('targets', a, 'KET_NAP', 'NK2020-2025', { value: 10 });
    await put('results', a, 'KET_NAP', '2021', { value: 2 });
    await put('results', a, 'KET_NAP', '2022-H1', { value: 1 });
    await put('results', a, 'KET_NAP', '2022-H2', { value: 2 });
    const res = await t.call('GET', `/api/dashboard?unit=${a}&period=2022&asOf=${AS_OF}`);
    expect(res.body.rows[0].progress).toEqual({
      period: { code: 'NK2020-2025', label: 'Nhiệm kỳ 2020–2025' },
      target: { value: 10, display: '10' },
      result: { value: 5, display: '5' },
      achievement: 50,
      elapsed: 50,
      pace: 'on_track',
    });
  });
});
