import { beforeEach, describe, expect, it } from 'vitest';
import { AS_OF, freshApp, ids, t } from '../helpers/app';
import { expectRefusal } from '../helpers/expect';

// docs/rules.md, "Targets relative to last year" and "Yearly targets in a term": targets as a
// resolution writes them, "tăng 10% so với năm trước", "hằng năm có 90% …".

beforeEach(freshApp);

const target = (unit: string, code: string, period: string, body: unknown) =>
  t.call('PUT', `/api/targets/${unit}/${code}/${period}`, body);
const result = (unit: string, code: string, period: string, body: unknown) =>
  t.call('PUT', `/api/results/${unit}/${code}/${period}`, body);
async function row(unit: string, period: string, code: string, asOf = AS_OF) {
  const res = await t.call('GET', `/api/dashboard?unit=${unit}&period=${period}&asOf=${asOf}`);
  return res.body.rows.find((r: any) => r.indicator.code === code);
}

describe('targets relative to last year', () => {
  it('computes the value from last year’s result: 23 + 10% is 26 new members to reach', async () => {
    await result(ids.a.id, 'KET_NAP', '2024', { value: 23 });
    const res = await target(ids.a.id, 'KET_NAP', '2025', { change: { percent: 10 } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.target).toMatchObject({
      value: 26,
      display: '26',
      change: { percent: 10 },
      base: { period: '2024', value: 23, display: '23' },
    });
    await result(ids.a.id, 'KET_NAP', '2025', { value: 25 });
    const r = await row(ids.a.id, '2025', 'KET_NAP');
    expect(r.target).toEqual({
      value: 26,
      display: '26',
      change: { percent: 10 },
      base: { period: '2024', value: 23, display: '23' },
    });
    expect(r.status).toBe('missed');
    const values = await t.call('GET', `/api/values?unit=${ids.a.id}&period=2025`);
    expect(values.body.targets[0]).toMatchObject({ code: 'KET_NAP', value: 26, change: { percent: 10 } });
  });

  it('rounds a count to stay under down, and adds points to a percent', async () => {
    await result(ids.a.id, 'KY_LUAT', '2024', { value: 3 });
    await target(ids.a.id, 'KY_LUAT', '2025', { change: { percent: -5 } });
    expect((await row(ids.a.id, '2025', 'KY_LUAT')).target.value).toBe(2);
    await result(ids.a.id, 'KH', '2024', { value: 88.5 });
    await target(ids.a.id, 'KH', '2025', { change: { amount: 2 } });
    await result(ids.a.id, 'KH', '2025', { value: 90.5 });
    const kh = await row(ids.a.id, '2025', 'KH');
    expect(kh.target).toMatchObject({ value: 90.5, display: '90,5%', change: { amount: 2 } });
    expect(kh.status).toBe('met');
  });

  it('takes last year’s result as the roll-up finds it, and follows it when it changes', async () => {
    await result(ids.a.id, 'KET_NAP', '2024', { value: 4 });
    await result(ids.b.id, 'KET_NAP', '2024', { value: 6 });
    await target(ids.root.id, 'KET_NAP', '2025', { change: { amount: 2 } });
    expect((await row(ids.root.id, '2025', 'KET_NAP')).target.value).toBe(12);
    await result(ids.b.id, 'KET_NAP', '2024', { value: 8 });
    expect((await row(ids.root.id, '2025', 'KET_NAP')).target).toMatchObject({
      value: 14,
      base: { period: '2024', value: 12 },
    });
  });

  it('has no target without last year’s result, and says why', async () => {
    const res = await target(ids.a.id, 'KET_NAP', '2026', { change: { percent: 10 } });
    expect(res.status).toBe(200);
    expect(res.body.target).toMatchObject({
      value: null,
      change: { percent: 10 },
      base: { period: '2025', value: null },
      reason: 'Chưa có kết quả năm 2025 để tính chỉ tiêu tăng 10% so với cùng kỳ năm trước.',
    });
    await result(ids.a.id, 'KET_NAP', '2026', { value: 1 });
    const r = await row(ids.a.id, '2026', 'KET_NAP');
    expect(r.target).toBeNull();
    expect(r.status).toBe('no_target');
    expect(r.pendingTarget).toMatchObject({
      change: { percent: 10 },
      reason: 'Chưa có kết quả năm 2025 để tính chỉ tiêu tăng 10% so với cùng kỳ năm trước.',
    });
    // Once last year is reported, the target is there.
    await result(ids.a.id, 'KET_NAP', '2025', { value: 1 });
    expect((await row(ids.a.id, '2026', 'KET_NAP')).target.value).toBe(2);
  });

  it('records the change in the history, and a value replaces it', async () => {
    await target(ids.a.id, 'KET_NAP', '2025', { change: { amount: 1 } });
    await target(ids.a.id, 'KET_NAP', '2025', { value: 3 });
    const history = await t.call('GET', `/api/history?unit=${ids.a.id}&code=KET_NAP&period=2025`);
    expect(history.body.changes.map((c: any) => [c.action, c.after.display])).toEqual([
      ['update', '3'],
      ['create', 'tăng 1 đảng viên so với cùng kỳ năm trước'],
    ]);
    expect((await row(ids.a.id, '2025', 'KET_NAP')).target).toEqual({ value: 3, display: '3' });
  });

  it.each([
    ['on a level', 'XL', { change: { percent: 10 } }, 'change'],
    ['of a count by a fraction', 'KET_NAP', { change: { amount: 0.5 } }, 'change'],
    ['falling more than 100%', 'KET_NAP', { change: { percent: -120 } }, 'change'],
    ['with both a percent and an amount', 'KET_NAP', { change: { percent: 10, amount: 1 } }, 'change'],
    ['with a value too', 'KET_NAP', { value: 3, change: { percent: 10 } }, 'value'],
  ])('refuses a relative target %s with 400, writing nothing', async (_, code, body, field) => {
    const before = t.snapshot();
    const res = await target(ids.a.id, code, '2025', body);
    expectRefusal(res, 400);
    expect(res.body.error.field).toBe(field);
    expect(t.snapshot()).toBe(before);
  });
});

describe('yearly targets in a term', () => {
  const root = () => ids.root.id;
  const rate = (period: string, numerator: number, denominator = 20) =>
    result(root(), 'HTT', period, { numerator, denominator });

  it('gives every year of the term without its own target the term’s, saying where it comes from', async () => {
    const res = await target(root(), 'HTT', 'NK2020-2025', { value: 90, eachYear: true });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.target).toMatchObject({ value: 90, eachYear: true });
    await target(root(), 'HTT', '2023', { value: 95 });
    await rate('2022', 19);
    await rate('2023', 19);
    const y2022 = await row(root(), '2022', 'HTT');
    expect(y2022.target).toEqual({ value: 90, display: '90%', from: 'NK2020-2025' });
    expect(y2022.status).toBe('exceeded');
    const y2023 = await row(root(), '2023', 'HTT');
    expect(y2023.target).toEqual({ value: 95, display: '95%' });
    expect(y2023.status).toBe('met');
    // A year with no result yet shows the target all the same.
    expect((await row(root(), '2024', 'HTT')).status).toBe('no_data');
  });

  it('judges the term missed when one year of it missed', async () => {
    await target(root(), 'HTT', 'NK2020-2025', { value: 90, eachYear: true });
    for (const [year, n] of [
      ['2020', 20],
      ['2021', 19],
      ['2022', 17],
      ['2023', 19],
      ['2024', 20],
      ['2025', 20],
    ] as const)
      await rate(year, n);
    const term = await row(root(), 'NK2020-2025', 'HTT');
    expect(term.status).toBe('missed');
    expect(term.years).toEqual([
      { period: '2020', status: 'exceeded' },
      { period: '2021', status: 'exceeded' },
      { period: '2022', status: 'missed' },
      { period: '2023', status: 'exceeded' },
      { period: '2024', status: 'exceeded' },
      { period: '2025', status: 'exceeded' },
    ]);
  });

  it('judges an open term by its worst year so far, the running year left out until it reports', async () => {
    await target(root(), 'HTT', 'NK2020-2025', { value: 90, eachYear: true });
    await rate('2020', 20);
    await rate('2021', 18);
    await rate('2022', 19);
    const term = await row(root(), 'NK2020-2025', 'HTT', '2023-06-30');
    expect(term.years.map((y: any) => y.status)).toEqual(['exceeded', 'met', 'exceeded', 'no_data']);
    expect(term.status).toBe('met');
    await rate('2023', 17);
    expect((await row(root(), 'NK2020-2025', 'HTT', '2023-06-30')).status).toBe('not_yet');
  });

  it('refuses "each year" on a period that is not a term, or with a change', async () => {
    const before = t.snapshot();
    const year = await target(root(), 'HTT', '2025', { value: 90, eachYear: true });
    expectRefusal(year, 400);
    expect(year.body.error.field).toBe('eachYear');
    expectRefusal(await target(root(), 'HTT', 'NK2020-2025', { change: { amount: 2 }, eachYear: true }), 400);
    expect(t.snapshot()).toBe(before);
  });
});
