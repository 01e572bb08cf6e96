import { beforeEach, describe, expect, it } from 'vitest';
import { freshApp, ids, t } from '../helpers/app';
import { expectRefusal } from '../helpers/expect';

// POST /api/values/batch: what the targets grid and the results screen save, all or nothing.

beforeEach(freshApp);

const batch = (body: unknown) => t.call('POST', '/api/values/batch', body);

describe('POST /api/values/batch', () => {
  it('writes a year of targets for a unit and its halves in one go, and reports how many changed', async () => {
    const a = ids.a.id;
    const res = await batch({
      targets: [
        { unitId: a, code: 'HTT', period: '2025', value: 90 },
        { unitId: a, code: 'KET_NAP', period: '2025', value: 2 },
        { unitId: a, code: 'KET_NAP', period: '2025-H1', value: 1 },
        { unitId: a, code: 'XL', period: '2025', value: 'Vững mạnh' },
        { unitId: a, code: 'KH', period: '2025', value: '92.5' },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.changed).toBe(5);
    expect(res.body.targets.map((x: any) => x.display)).toEqual(['90%', '2', '1', 'Vững mạnh', '92,5%']);
    const values = await t.call('GET', `/api/values?unit=${a}&period=2025`);
    expect(values.body.targets).toHaveLength(4);
  });

  it('writes targets and results together, removes what is asked, and skips what did not change', async () => {
    const a = ids.a.id;
    await t.call('PUT', `/api/targets/${a}/KET_NAP/2025`, { value: 2 });
    await t.call('PUT', `/api/targets/${a}/KH/2025`, { value: 100 });
    const res = await batch({
      targets: [
        { unitId: a, code: 'KET_NAP', period: '2025', value: 2, version: 1 },
        { unitId: a, code: 'KH', period: '2025', remove: true, version: 1 },
      ],
      results: [
        {
          unitId: a,
          code: 'HTT',
          period: '2025',
          numerator: 9,
          denominator: 10,
          note: 'Theo biên bản',
          version: 0,
        },
        { unitId: a, code: 'XL', period: '2025', value: 'Khá' },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.changed).toBe(3);
    expect(res.body.targets).toEqual([expect.objectContaining({ code: 'KET_NAP', version: 1 })]);
    expect(res.body.results.map((r: any) => [r.code, r.display, r.note])).toEqual([
      ['HTT', '90%', 'Theo biên bản'],
      ['XL', 'Khá', null],
    ]);
    const history = await t.call('GET', `/api/history?unit=${a}&period=2025`);
    // Two targets set, one removed, two results: the unchanged KET_NAP is not a change.
    expect(history.body.changes.map((c: any) => `${c.type} ${c.action} ${c.code}`)).toEqual([
      'result create XL',
      'result create HTT',
      'target delete KH',
      'target create KH',
      'target create KET_NAP',
    ]);
  });

  it('refuses a batch with bad items, names every one of them, and writes none', async () => {
    const a = ids.a.id;
    const before = t.snapshot();
    const res = await batch({
      targets: [
        { unitId: a, code: 'KET_NAP', period: '2025', value: 3 },
        { unitId: a, code: 'KET_NAP', period: '2025-H1', value: 1.5 },
        { unitId: a, code: 'HTT', period: '2025-H3', value: 90 },
        { unitId: a, code: 'KHONG_CO', period: '2025', value: 1 },
        { unitId: '9999', code: 'HTT', period: '2025', value: 90 },
        { unitId: a, code: 'KET_NAP', period: '2025', value: 4 },
      ],
      results: [{ unitId: a, code: 'HTT', period: '2025', numerator: 11, denominator: 10 }],
    });
    expectRefusal(res, 400, 'invalid_value');
    expect(res.body.error.message).toMatch(/^Chỉ tiêu thứ 2: .*1\.5.* \(và 5 lỗi khác\)\.$/);
    expect(res.body.error.field).toBe('targets.1.value');
    expect(res.body.errors.map((e: any) => [e.list, e.index, e.field])).toEqual([
      ['targets', 1, 'value'],
      ['targets', 2, 'period'],
      ['targets', 3, 'code'],
      ['targets', 4, 'unitId'],
      ['targets', 5, undefined],
      ['results', 0, 'numerator'],
    ]);
    expect(res.body.errors[4].message).toMatch(/trùng với chỉ tiêu thứ 1/);
    expect(t.snapshot()).toBe(before);
  });

  it('refuses the whole batch when one item is outside the user’s rights', async () => {
    const committeeOfA = t.as([{ role: 'committee', unitId: ids.a.id }]);
    const before = t.snapshot();
    const res = await committeeOfA.call('POST', '/api/values/batch', {
      targets: [
        { unitId: ids.a.id, code: 'KET_NAP', period: '2025', value: 1 },
        { unitId: ids.b.id, code: 'KET_NAP', period: '2025', value: 1 },
      ],
    });
    expectRefusal(res, 403, 'forbidden');
    expect(res.body.error.message).toContain('Chi bộ B');
    expect(t.snapshot()).toBe(before);
  });

  it('lets a reporter save results but not targets', async () => {
    const reporter = t.as([{ role: 'reporter', unitId: ids.a.id }]);
    const ok = await reporter.call('POST', '/api/values/batch', {
      results: [{ unitId: ids.a.id, code: 'KET_NAP', period: '2025', value: 1 }],
    });
    expect(ok.status).toBe(200);
    const before = t.snapshot();
    const refused = await reporter.call('POST', '/api/values/batch', {
      targets: [{ unitId: ids.a.id, code: 'KET_NAP', period: '2025', value: 1 }],
    });
    expectRefusal(refused, 403, 'forbidden');
    expect(t.snapshot()).toBe(before);
  });

  it('refuses with 423 when one item falls in a locked period, and writes none', async () => {
    await t.call('PUT', `/api/locks/${ids.b.id}/2024`);
    const before = t.snapshot();
    const res = await batch({
      targets: [
        { unitId: ids.a.id, code: 'KET_NAP', period: '2024', value: 1 },
        { unitId: ids.b.id, code: 'KET_NAP', period: '2024-H2', value: 1 },
      ],
    });
    expectRefusal(res, 423, 'period_locked');
    expect(res.body.error.message).toContain('Chi bộ B');
    expect(t.snapshot()).toBe(before);
  });

  it('refuses stale versions with 409, lists each with the value now stored, and writes none', async () => {
    const a = ids.a.id;
    await t.call('PUT', `/api/targets/${a}/KET_NAP/2025`, { value: 2 });
    await t.call('PUT', `/api/targets/${a}/KET_NAP/2025`, { value: 3 });
    // Someone filled this cell after the grid read it empty.
    await t.call('PUT', `/api/targets/${a}/KH/2025`, { value: 95 });
    const before = t.snapshot();
    const res = await batch({
      targets: [
        { unitId: a, code: 'HTT', period: '2025', value: 90, version: 0 },
        { unitId: a, code: 'KET_NAP', period: '2025', value: 4, version: 1 },
        { unitId: a, code: 'KH', period: '2025', value: 100, version: 0 },
      ],
    });
    expectRefusal(res, 409, 'version_conflict');
    expect(res.body.conflicts).toEqual([
      { list: 'targets', index: 1, current: expect.objectContaining({ value: 3, version: 2 }) },
      { list: 'targets', index: 2, current: expect.objectContaining({ value: 95, version: 1 }) },
    ]);
    expect(t.snapshot()).toBe(before);
  });

  it.each([
    ['an empty body', {}],
    ['empty lists', { targets: [], results: [] }],
    [
      'an unknown field in an item',
      { targets: [{ unitId: '1', code: 'KH', period: '2025', value: 1, x: 1 }] },
    ],
    [
      'a value and a removal at once',
      { targets: [{ unitId: '1', code: 'KH', period: '2025', value: 1, remove: true }] },
    ],
    [
      'a unit id that is not a number',
      { targets: [{ unitId: 'abc', code: 'KH', period: '2025', value: 1 }] },
    ],
    ['text for the list', { targets: 'KH' }],
  ])('refuses %s with a Vietnamese sentence', async (_, body) => {
    const before = t.snapshot();
    const res = await batch(body);
    expectRefusal(res, 400);
    expect(t.snapshot()).toBe(before);
  });
});

describe('version 0 on the single routes', () => {
  it('writes a value read as absent, and refuses it once someone else created it', async () => {
    const path = `/api/results/${ids.a.id}/KET_NAP/2025`;
    const first = await t.call('PUT', path, { value: 1, version: 0 });
    expect(first.status).toBe(200);
    const before = t.snapshot();
    const second = await t.call('PUT', path, { value: 5, version: 0 });
    expectRefusal(second, 409, 'version_conflict');
    expect(second.body.current).toMatchObject({ value: 1, version: 1 });
    expect(t.snapshot()).toBe(before);
  });
});
