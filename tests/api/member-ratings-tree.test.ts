import { beforeEach, describe, expect, it } from 'vitest';
import { AS_OF, freshApp, ids, t } from '../helpers/app';
import { expectRefusal } from '../helpers/expect';

// docs/rules.md, "Member ratings", at every level: a committee without a report of its own
// has the sum of its units' reports; the shares and the 20% cap follow wherever counts are
// known; members not rated are kept and left out of both shares.

let doanThe: string;
let khoa: string;
let nested: string;

beforeEach(async () => {
  await freshApp();
  await t.call('PATCH', '/api/indicators/HTT', {
    memberRating: 'good_or_better',
    appliesTo: ['chi_bo', 'dang_bo'],
  });
  await t.call('POST', '/api/indicators', {
    code: 'HTXS',
    name: 'Tỷ lệ đảng viên hoàn thành xuất sắc nhiệm vụ',
    unitLabel: '%',
    kind: 'ratio',
    memberRating: 'excellent',
    appliesTo: ['chi_bo', 'dang_bo'],
  });
  const add = async (parentId: string, name: string, kind: string) =>
    (await t.call('POST', '/api/units', { parentId, name, kind })).body.unit.id as string;
  doanThe = await add(ids.root.id, 'Công đoàn', 'doan_the');
  khoa = await add(ids.root.id, 'Khoa Sư phạm', 'don_vi');
  nested = await add(khoa, 'Chi bộ Khoa Sư phạm', 'chi_bo');
});

const put = (unit: string, body: unknown, period = '2025') =>
  t.call('PUT', `/api/member-ratings/${unit}/${period}`, body);
const get = (unit: string, period = '2025') =>
  t.call('GET', `/api/member-ratings?unit=${unit}&period=${period}`).then((r) => r.body);

describe('member ratings up the tree', () => {
  it('gives a committee without its own report the sum of its units’, with the shares and the coverage', async () => {
    await put(ids.a.id, { excellent: 2, good: 8, complete: 1, notComplete: 0, unrated: 2 });
    await put(nested, { excellent: 1, good: 4, complete: 0, notComplete: 0 });
    const root = await get(ids.root.id);
    expect(root.rating).toMatchObject({
      excellent: 3,
      good: 12,
      complete: 1,
      notComplete: 0,
      unrated: 2,
      total: 16,
      version: 0,
      source: 'units',
      // Chi bộ A, chi bộ B, and the faculty holding a chi bộ; the trade union has no members to rate.
      coverage: { reported: 2, total: 3 },
    });
    expect(root.shares).toEqual({
      good_or_better: { code: 'HTT', numerator: 15, denominator: 16, display: '93,75%' },
      excellent: { code: 'HTXS', numerator: 3, denominator: 16, display: '18,75%' },
    });
    expect(root.capExceeded).toBe(false);
    expect(root.units.map((u: any) => [u.unit.name, u.rating?.source ?? null])).toEqual([
      ['Chi bộ A', 'entered'],
      ['Chi bộ B', null],
      ['Công đoàn', null],
      ['Khoa Sư phạm', 'units'],
    ]);
    // The shares on the dashboard follow the same sums: the members not rated are left out.
    const dash = await t.call('GET', `/api/dashboard?unit=${ids.root.id}&period=2025&asOf=${AS_OF}`);
    const htt = dash.body.rows.find((r: any) => r.indicator.code === 'HTT');
    expect(htt.result).toMatchObject({ numerator: 15, denominator: 16, source: 'units' });
    // Its own report wins over the sum.
    await put(ids.root.id, { excellent: 3, good: 13, complete: 0, notComplete: 0 });
    expect((await get(ids.root.id)).rating).toMatchObject({ good: 13, source: 'entered', version: 1 });
  });

  it('keeps the members not rated beside the four counts, out of both shares', async () => {
    const res = await put(ids.a.id, { excellent: 1, good: 8, complete: 1, notComplete: 0, unrated: 3 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.rating).toMatchObject({ unrated: 3, total: 10 });
    expect(res.body.results.map((r: any) => [r.code, r.numerator, r.denominator])).toEqual([
      ['HTT', 9, 10],
      ['HTXS', 1, 10],
    ]);
    expect(res.body.results[0].note).toBe(
      'Theo xếp loại 10 đảng viên: 1 HTXSNV, 8 HTTNV, 1 HTNV, 0 KHTNV; 3 đảng viên chưa xếp loại.',
    );
  });

  it('checks the cap at the Đảng bộ when the sum breaks it, though no chi bộ does', async () => {
    // Chi bộ A has outstanding results: 25% allowed, 1 of 4 is within it.
    const a = await put(ids.a.id, { excellent: 1, good: 3, complete: 0, notComplete: 0, outstanding: true });
    expect(a.body.capExceeded).toBe(false);
    const b = await put(ids.b.id, { excellent: 0, good: 0, complete: 5, notComplete: 0 });
    expect(b.body.capExceeded).toBe(false);
    const root = await get(ids.root.id);
    // The Đảng bộ's 20%: at most 0 of 4.
    expect(root.capExceeded).toBe(true);
    expect(root.warnings.map((w: any) => w.code)).toEqual(['excellent_cap']);
    expect(root.units.map((u: any) => u.capExceeded)).toEqual([false, false, false, false]);
  });

  it('does not flag the Đảng bộ when only one chi bộ breaks the cap and the sum keeps it', async () => {
    const a = await put(ids.a.id, { excellent: 3, good: 7, complete: 0, notComplete: 0 });
    expect(a.body.capExceeded).toBe(true);
    await put(ids.b.id, { excellent: 0, good: 10, complete: 0, notComplete: 0 });
    const root = await get(ids.root.id);
    expect(root.rating).toMatchObject({ excellent: 3, good: 17, source: 'units' });
    expect(root.capExceeded).toBe(false);
    expect(root.warnings).toEqual([]);
    expect(root.units.find((u: any) => u.unit.id === ids.a.id).capExceeded).toBe(true);
    expect((await get(ids.a.id)).capExceeded).toBe(true);
  });

  it('has nothing where nothing below reported', async () => {
    const root = await get(ids.root.id, '2024');
    expect(root).toMatchObject({ rating: null, shares: null, capExceeded: false, warnings: [] });
  });

  it('refuses a report at a unit the shares do not apply to, and a negative count', async () => {
    const before = t.snapshot();
    expectRefusal(
      await put(doanThe, { excellent: 1, good: 5, complete: 0, notComplete: 0 }),
      422,
      'not_applicable',
    );
    const negative = await put(ids.a.id, { excellent: 1, good: 5, complete: 0, notComplete: 0, unrated: -1 });
    expectRefusal(negative, 400);
    expect(negative.body.error.field).toBe('unrated');
    expect(t.snapshot()).toBe(before);
  });
});
