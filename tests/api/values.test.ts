import { beforeEach, describe, expect, it } from 'vitest';
import { freshApp, ids, t } from '../helpers/app';
import { expectRefusal } from '../helpers/expect';

beforeEach(freshApp);

describe('targets', () => {
  it('sets, replaces and deletes a target, with versions', async () => {
    const first = await t.call('PUT', `/api/targets/${ids.root.id}/HTT/2025`, { value: 90 });
    expect(first.status).toBe(200);
    expect(first.body.target).toMatchObject({
      unitId: ids.root.id,
      code: 'HTT',
      period: '2025',
      value: 90,
      display: '90%',
      version: 1,
    });
    const second = await t.call('PUT', `/api/targets/${ids.root.id}/HTT/2025`, { value: 66.67 });
    expect(second.body.target).toMatchObject({ value: 66.67, display: '66,67%', version: 2 });
    expect((await t.call('DELETE', `/api/targets/${ids.root.id}/HTT/2025`)).status).toBe(200);
    expectRefusal(await t.call('DELETE', `/api/targets/${ids.root.id}/HTT/2025`), 404, 'target_not_found');
  });

  it('takes a level target by name and a count as a whole number', async () => {
    const level = await t.call('PUT', `/api/targets/${ids.a.id}/XL/2025`, { value: 'Vững mạnh' });
    expect(level.body.target).toMatchObject({ value: 'Vững mạnh', display: 'Vững mạnh' });
    const count = await t.call('PUT', `/api/targets/${ids.root.id}/KET_NAP/NK2020-2025`, { value: 1500 });
    expect(count.body.target).toMatchObject({ value: 1500, display: '1.500', period: 'NK2020-2025' });
  });

  it.each([
    ['a fractional count', 'KET_NAP', '2025', { value: 2.5 }, 'value'],
    ['a negative count', 'KET_NAP', '2025', { value: -1 }, 'value'],
    ['three decimals', 'KH', '2025', { value: 12.345 }, 'value'],
    ['a ratio target above 100%', 'HTT', '2025', { value: 100.01 }, 'value'],
    ['a level that is not on the scale', 'XL', '2025', { value: 'Xuất sắc' }, 'value'],
    ['a number for a level', 'XL', '2025', { value: 2 }, 'value'],
    ['a missing value', 'KH', '2025', {}, 'value'],
    ['an unknown field', 'KH', '2025', { value: 5, unit: 'x' }, 'unit'],
    ['a boolean value', 'KH', '2025', { value: true }, 'value'],
  ])('refuses %s and changes nothing', async (_, code, period, body, field) => {
    const before = t.snapshot();
    const res = await t.call('PUT', `/api/targets/${ids.root.id}/${code}/${period}`, body);
    expectRefusal(res, 400);
    expect(res.body.error.field).toBe(field);
    expect(t.snapshot()).toBe(before);
  });

  it.each([
    ['2025-H3', 'invalid_period'],
    ['2025-Q5', 'invalid_period'],
    ['NH2022-2024', 'invalid_period'],
    ['NK2020-2021', 'invalid_period'],
    ['nam2025', 'invalid_period'],
  ])('refuses the period code %s', async (period, code) => {
    const before = t.snapshot();
    const res = await t.call('PUT', `/api/targets/${ids.root.id}/KH/${period}`, { value: 5 });
    expectRefusal(res, 400, code);
    expect(res.body.error.field).toBe('period');
    expect(res.body.error.message).toContain(period);
    expect(t.snapshot()).toBe(before);
  });

  it('refuses unknown units and indicator codes with 404', async () => {
    const before = t.snapshot();
    expectRefusal(await t.call('PUT', '/api/targets/999/KH/2025', { value: 5 }), 404, 'unit_not_found');
    expectRefusal(
      await t.call('PUT', `/api/targets/${ids.root.id}/NOPE/2025`, { value: 5 }),
      404,
      'indicator_not_found',
    );
    expect(t.snapshot()).toBe(before);
  });
});

describe('results', () => {
  it('reports a ratio as numerator and denominator, judged as its rounded percentage', async () => {
    const res = await t.call('PUT', `/api/results/${ids.a.id}/HTT/2025`, {
      numerator: 2,
      denominator: 3,
      note: 'Theo biên bản kiểm điểm cuối năm',
    });
    expect(res.status).toBe(200);
    expect(res.body.result).toMatchObject({
      value: 66.67,
      numerator: 2,
      denominator: 3,
      display: '66,67%',
      note: 'Theo biên bản kiểm điểm cuối năm',
      version: 1,
    });
  });

  it('keeps zero as a value', async () => {
    const res = await t.call('PUT', `/api/results/${ids.a.id}/KY_LUAT/2025`, { value: 0 });
    expect(res.body.result).toMatchObject({ value: 0, display: '0' });
    const values = await t.call('GET', `/api/values?unit=${ids.a.id}&period=2025`);
    expect(values.body.results).toHaveLength(1);
  });

  it.each([
    ['a numerator above its denominator', 'HTT', { numerator: 11, denominator: 10 }, 'numerator'],
    ['a zero denominator', 'HTT', { numerator: 0, denominator: 0 }, 'denominator'],
    ['a fractional numerator', 'HTT', { numerator: 1.5, denominator: 10 }, 'numerator'],
    ['a negative numerator', 'HTT', { numerator: -1, denominator: 10 }, 'numerator'],
    ['a value for a ratio', 'HTT', { value: 90 }, 'value'],
    ['a missing denominator', 'HTT', { numerator: 3 }, 'denominator'],
    ['a numerator for a count', 'KET_NAP', { value: 1, numerator: 1 }, 'numerator'],
    ['a negative count', 'KET_NAP', { value: -2 }, 'value'],
    ['a fractional count', 'KET_NAP', { value: 0.5 }, 'value'],
    ['three decimals', 'KH', { value: 103.125 }, 'value'],
    ['a level off the scale', 'XL', { value: 'Tốt' }, 'value'],
    ['an unknown field', 'KH', { value: 100, evidence: 'x' }, 'evidence'],
    ['a note that is not text', 'KH', { value: 100, note: 5 }, 'note'],
    ['a huge number', 'KET_NAP', { value: 1e300 }, 'value'],
  ])('refuses %s and changes nothing', async (_, code, body, field) => {
    const before = t.snapshot();
    const res = await t.call('PUT', `/api/results/${ids.a.id}/${code}/2025`, body);
    expectRefusal(res, 400);
    expect(res.body.error.field).toBe(field);
    expect(t.snapshot()).toBe(before);
  });

  it('writes with a matching version and refuses a stale one with 409 and the current value', async () => {
    const path = `/api/results/${ids.a.id}/KET_NAP/2025`;
    const v1 = await t.call('PUT', path, { value: 1 });
    expect(v1.body.result.version).toBe(1);
    const v2 = await t.call('PUT', path, { value: 2, version: 1 });
    expect(v2.status).toBe(200);
    expect(v2.body.result).toMatchObject({ value: 2, version: 2 });
    const before = t.snapshot();
    const stale = await t.call('PUT', path, { value: 3, version: 1 });
    expectRefusal(stale, 409, 'version_conflict');
    expect(stale.body.current).toMatchObject({ value: 2, version: 2 });
    expect(t.snapshot()).toBe(before);
  });

  it('refuses a version for a value that does not exist yet', async () => {
    const res = await t.call('PUT', `/api/results/${ids.a.id}/KET_NAP/2025`, { value: 1, version: 3 });
    expectRefusal(res, 409, 'version_conflict');
    expect(res.body.current).toBeNull();
  });

  it('deletes a result, then answers 404', async () => {
    const path = `/api/results/${ids.a.id}/KH/2025-H1`;
    await t.call('PUT', path, { value: 55.5 });
    expect((await t.call('DELETE', path)).body).toEqual({ deleted: true });
    expectRefusal(await t.call('DELETE', path), 404, 'result_not_found');
  });
});

describe('GET /api/values', () => {
  it('returns what was entered for one unit and period, in the indicators order', async () => {
    await t.call('PUT', `/api/targets/${ids.a.id}/KET_NAP/2025`, { value: 2 });
    await t.call('PUT', `/api/targets/${ids.a.id}/HTT/2025`, { value: 90 });
    await t.call('PUT', `/api/results/${ids.a.id}/HTT/2025`, { numerator: 9, denominator: 10 });
    await t.call('PUT', `/api/results/${ids.a.id}/HTT/2024`, { numerator: 1, denominator: 10 });
    const res = await t.call('GET', `/api/values?unit=${ids.a.id}&period=2025`);
    expect(res.status).toBe(200);
    expect(res.body.targets.map((x: any) => x.code)).toEqual(['HTT', 'KET_NAP']);
    expect(res.body.results).toHaveLength(1);
    expect(res.body.results[0]).toMatchObject({ code: 'HTT', numerator: 9, denominator: 10, value: 90 });
  });

  it('refuses a missing unit, an unknown unit and a bad period', async () => {
    expectRefusal(await t.call('GET', '/api/values?period=2025'), 400);
    expectRefusal(await t.call('GET', '/api/values?unit=999&period=2025'), 404, 'unit_not_found');
    expectRefusal(await t.call('GET', `/api/values?unit=${ids.a.id}&period=2025-H9`), 400, 'invalid_period');
  });
});
