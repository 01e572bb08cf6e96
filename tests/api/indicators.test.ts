import { beforeEach, describe, expect, it } from 'vitest';
import { seedBasics, type TestApp, testApp } from '../helpers/app';
import { expectRefusal } from '../helpers/expect';

let t: TestApp;
beforeEach(() => {
  t = testApp();
});

describe('indicators', () => {
  it('lists indicators in their order with defaults filled in', async () => {
    await seedBasics(t);
    const res = await t.call('GET', '/api/indicators');
    expect(res.status).toBe(200);
    expect(res.body.indicators.map((i: any) => i.code)).toEqual(['HTT', 'KET_NAP', 'KH', 'KY_LUAT', 'XL']);
    expect(res.body.indicators[0]).toMatchObject({
      code: 'HTT',
      kind: 'ratio',
      direction: 'higher',
      timeAggregate: 'none',
      unitLabel: '%',
    });
    expect(res.body.indicators[0].levels).toBeUndefined();
    expect(res.body.indicators[4].levels).toEqual(['Khá', 'Vững mạnh', 'Vững mạnh tiêu biểu']);
  });

  it('refuses a code that exists with 409', async () => {
    await seedBasics(t);
    const before = t.snapshot();
    const res = await t.call('POST', '/api/indicators', {
      code: 'HTT',
      name: 'Trùng',
      unitLabel: '%',
      kind: 'percent',
    });
    expectRefusal(res, 409, 'indicator_exists');
    expect(t.snapshot()).toBe(before);
  });

  it.each([
    ['a lowercase code', { code: 'htt2', name: 'A', unitLabel: '%', kind: 'percent' }, 'code'],
    ['a one-letter code', { code: 'A', name: 'A', unitLabel: '%', kind: 'percent' }, 'code'],
    ['an unknown kind', { code: 'AB', name: 'A', unitLabel: '%', kind: 'money' }, 'kind'],
    ['a level without levels', { code: 'AB', name: 'A', unitLabel: 'mức', kind: 'level' }, 'levels'],
    [
      'levels on a count',
      { code: 'AB', name: 'A', unitLabel: 'x', kind: 'count', levels: ['a', 'b'] },
      'levels',
    ],
    [
      'duplicate levels',
      { code: 'AB', name: 'A', unitLabel: 'mức', kind: 'level', levels: ['a', 'a'] },
      'levels',
    ],
    [
      'a wrong direction',
      { code: 'AB', name: 'A', unitLabel: 'x', kind: 'count', direction: 'up' },
      'direction',
    ],
    ['an unknown field', { code: 'AB', name: 'A', unitLabel: 'x', kind: 'count', weight: 2 }, 'weight'],
  ])('refuses %s and changes nothing', async (_, body, field) => {
    const before = t.snapshot();
    const res = await t.call('POST', '/api/indicators', body);
    expectRefusal(res, 400);
    expect(res.body.error.field).toBe(field);
    expect(t.snapshot()).toBe(before);
  });

  it('edits an indicator but refuses to change the kind of one in use', async () => {
    const { a } = await seedBasics(t);
    const ok = await t.call('PATCH', '/api/indicators/KH', {
      name: 'Tỷ lệ hoàn thành kế hoạch bồi dưỡng',
      kind: 'count',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.indicator).toMatchObject({ name: 'Tỷ lệ hoàn thành kế hoạch bồi dưỡng', kind: 'count' });
    await t.call('PUT', `/api/results/${a.id}/KET_NAP/2025`, { value: 2 });
    const before = t.snapshot();
    expectRefusal(
      await t.call('PATCH', '/api/indicators/KET_NAP', { kind: 'percent' }),
      409,
      'indicator_in_use',
    );
    expect(t.snapshot()).toBe(before);
  });

  it('refuses to drop a level that values use', async () => {
    const { a } = await seedBasics(t);
    await t.call('PUT', `/api/results/${a.id}/XL/2025`, { value: 'Vững mạnh' });
    const before = t.snapshot();
    const res = await t.call('PATCH', '/api/indicators/XL', { levels: ['Khá', 'Tốt'] });
    expectRefusal(res, 409, 'level_in_use');
    expect(res.body.error.message).toContain('Vững mạnh');
    expect(t.snapshot()).toBe(before);
  });

  it('answers an unknown code with 404', async () => {
    expectRefusal(await t.call('PATCH', '/api/indicators/NOPE', { name: 'X' }), 404, 'indicator_not_found');
  });
});
