import { beforeEach, describe, expect, it } from 'vitest';
import { seedBasics, type TestApp, testApp } from '../helpers/app';
import { expectRefusal } from '../helpers/expect';

// docs/rules.md, "Member ratings": four counts in, two ratio results out; the 20% cap warns.

let t: TestApp;
let ids: Awaited<ReturnType<typeof seedBasics>>;
beforeEach(async () => {
  t = testApp();
  ids = await seedBasics(t);
  await t.call('PATCH', '/api/indicators/HTT', { memberRating: 'good_or_better' });
  await t.call('POST', '/api/indicators', {
    code: 'HTXS',
    name: 'Tỷ lệ đảng viên hoàn thành xuất sắc nhiệm vụ',
    unitLabel: '%',
    kind: 'ratio',
    memberRating: 'excellent',
  });
});

const put = (unit: string, period: string, body: unknown) =>
  t.call('PUT', `/api/member-ratings/${unit}/${period}`, body);

describe('member ratings', () => {
  it('writes the two shares as results of the bound indicators, which then roll up', async () => {
    const res = await put(ids.a.id, '2025', {
      excellent: 2,
      good: 8,
      complete: 1,
      notComplete: 0,
      note: 'Biên bản họp chi bộ',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.rating).toMatchObject({
      excellent: 2,
      good: 8,
      complete: 1,
      notComplete: 0,
      total: 11,
      version: 1,
    });
    expect(res.body.shares).toEqual({
      good_or_better: { code: 'HTT', numerator: 10, denominator: 11, display: '90,91%' },
      excellent: { code: 'HTXS', numerator: 2, denominator: 11, display: '18,18%' },
    });
    expect(res.body.warnings).toEqual([]);
    expect(res.body.results.map((r: any) => [r.code, r.numerator, r.denominator, r.note])).toEqual([
      ['HTT', 10, 11, 'Theo xếp loại 11 đảng viên: 2 HTXSNV, 8 HTTNV, 1 HTNV, 0 KHTNV. Biên bản họp chi bộ'],
      ['HTXS', 2, 11, expect.stringContaining('Theo xếp loại 11 đảng viên')],
    ]);
    await put(ids.b.id, '2025', { excellent: 0, good: 1, complete: 28, notComplete: 1 });
    const dash = await t.call('GET', `/api/dashboard?unit=${ids.root.id}&period=2025`);
    const htt = dash.body.rows.find((r: any) => r.indicator.code === 'HTT');
    // 11 of 41 summed, not an average of 90,91% and 3,33%.
    expect(htt.result).toMatchObject({ numerator: 11, denominator: 41, display: '26,83%', source: 'units' });
  });

  it('saves a report that breaks the 20% cap, with a warning naming the numbers', async () => {
    const res = await put(ids.a.id, '2025', { excellent: 3, good: 7, complete: 0, notComplete: 0 });
    expect(res.status).toBe(200);
    expect(res.body.rating.excellent).toBe(3);
    expect(res.body.warnings).toEqual([
      {
        code: 'excellent_cap',
        message:
          'Số đảng viên hoàn thành xuất sắc nhiệm vụ (3, bằng 30% số hoàn thành tốt nhiệm vụ trở lên) vượt quá mức 20% theo quy định: nhiều nhất 2 trên 10 đảng viên.',
      },
    ]);
    const read = await t.call('GET', `/api/member-ratings?unit=${ids.a.id}&period=2025`);
    expect(read.body.warnings.map((w: any) => w.code)).toEqual(['excellent_cap']);
  });

  it('allows 25% for a unit with outstanding results, and 20% exactly at the cap', async () => {
    const outstanding = await put(ids.a.id, '2025', {
      excellent: 3,
      good: 9,
      complete: 0,
      notComplete: 0,
      outstanding: true,
    });
    expect(outstanding.body.warnings).toEqual([]);
    const atCap = await put(ids.b.id, '2025', { excellent: 12, good: 48, complete: 0, notComplete: 0 });
    expect(atCap.body.warnings).toEqual([]);
  });

  it('updates with the version read and refuses a stale one', async () => {
    await put(ids.a.id, '2025', { excellent: 1, good: 9, complete: 0, notComplete: 0, version: 0 });
    const second = await put(ids.a.id, '2025', {
      excellent: 2,
      good: 8,
      complete: 0,
      notComplete: 0,
      version: 1,
    });
    expect(second.body.rating.version).toBe(2);
    const before = t.snapshot();
    const stale = await put(ids.a.id, '2025', {
      excellent: 0,
      good: 10,
      complete: 0,
      notComplete: 0,
      version: 1,
    });
    expectRefusal(stale, 409, 'version_conflict');
    expect(stale.body.current).toMatchObject({ excellent: 2, version: 2 });
    expect(t.snapshot()).toBe(before);
  });

  it('says so when no indicator receives the shares, and still keeps the counts', async () => {
    await t.call('PATCH', '/api/indicators/HTT', { memberRating: null });
    const res = await put(ids.a.id, '2025', { excellent: 1, good: 9, complete: 0, notComplete: 0 });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: any) => r.code)).toEqual(['HTXS']);
    expect(res.body.warnings.map((w: any) => w.code)).toEqual(['indicator_not_bound']);
  });

  it('refuses writes to a locked period with 423 and writes neither counts nor results', async () => {
    await t.call('PUT', `/api/locks/${ids.a.id}/2024`);
    const before = t.snapshot();
    expectRefusal(
      await put(ids.a.id, '2024', { excellent: 1, good: 9, complete: 0, notComplete: 0 }),
      423,
      'period_locked',
    );
    expect(t.snapshot()).toBe(before);
  });

  it.each([
    ['no members at all', { excellent: 0, good: 0, complete: 0, notComplete: 0 }, 'excellent'],
    ['a negative count', { excellent: -1, good: 5, complete: 0, notComplete: 0 }, 'excellent'],
    ['a fraction', { excellent: 1, good: 5.5, complete: 0, notComplete: 0 }, 'good'],
    ['a missing level', { excellent: 1, good: 5, complete: 0 }, 'notComplete'],
    ['text for a count', { excellent: 1, good: '5', complete: 0, notComplete: 0 }, 'good'],
    ['an unknown field', { excellent: 1, good: 5, complete: 0, notComplete: 0, total: 6 }, 'total'],
  ])('refuses %s and changes nothing', async (_, body, field) => {
    const before = t.snapshot();
    const res = await put(ids.a.id, '2025', body);
    expectRefusal(res, 400);
    expect(res.body.error.field).toBe(field);
    expect(t.snapshot()).toBe(before);
  });

  it('binds each share to one ratio indicator at most', async () => {
    expectRefusal(await t.call('PATCH', '/api/indicators/KH', { memberRating: 'excellent' }), 400);
    const taken = await t.call('PATCH', '/api/indicators/KET_NAP', { memberRating: 'good_or_better' });
    expectRefusal(taken, 400);
    await t.call('POST', '/api/indicators', {
      code: 'HTT2',
      name: 'Tỷ lệ khác',
      unitLabel: '%',
      kind: 'ratio',
    });
    const clash = await t.call('PATCH', '/api/indicators/HTT2', { memberRating: 'good_or_better' });
    expectRefusal(clash, 409, 'member_rating_taken');
    expect(clash.body.error.message).toContain('Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên');
    const list = await t.call('GET', '/api/indicators');
    expect(
      list.body.indicators.filter((i: any) => i.memberRating).map((i: any) => [i.code, i.memberRating]),
    ).toEqual([
      ['HTT', 'good_or_better'],
      ['HTXS', 'excellent'],
    ]);
  });
});
