import { beforeEach, describe, expect, it } from 'vitest';
import { freshApp, ids, t } from '../helpers/app';
import { expectRefusal } from '../helpers/expect';

beforeEach(freshApp);

describe('locked periods', () => {
  it('refuses with 423 every write to a locked period of the unit and its subtree, naming the lock', async () => {
    await t.call('PUT', `/api/targets/${ids.a.id}/KET_NAP/2025`, { value: 2 });
    await t.call('PUT', `/api/results/${ids.a.id}/KET_NAP/2025-H1`, { value: 1 });
    const lock = await t.call('PUT', `/api/locks/${ids.root.id}/2025`, {
      note: 'Hội nghị tổng kết 15/01/2026',
    });
    expect(lock.status).toBe(200);
    expect(lock.body.lock).toMatchObject({
      unit: { id: ids.root.id, name: 'Đảng bộ Trường Thử' },
      period: { code: '2025', label: 'Năm 2025' },
      note: 'Hội nghị tổng kết 15/01/2026',
      lockedBy: 'admin',
    });

    const before = t.snapshot();
    const writes: [string, string, unknown?][] = [
      ['PUT', `/api/targets/${ids.a.id}/KET_NAP/2025`, { value: 3 }],
      ['DELETE', `/api/targets/${ids.a.id}/KET_NAP/2025`],
      ['PUT', `/api/results/${ids.a.id}/KET_NAP/2025`, { value: 3 }],
      // The halves make the year: judging the year closes them too.
      ['PUT', `/api/results/${ids.a.id}/KET_NAP/2025-H1`, { value: 2 }],
      ['DELETE', `/api/results/${ids.a.id}/KET_NAP/2025-H1`],
      ['PUT', `/api/results/${ids.b.id}/KET_NAP/2025-Q3`, { value: 1 }],
      ['PUT', `/api/targets/${ids.root.id}/KET_NAP/2025`, { value: 5 }],
    ];
    const half = await t.call('PUT', `/api/results/${ids.a.id}/KET_NAP/2025-H1`, { value: 2 });
    expect(half.body.error.message).toBe(
      `Số liệu 6 tháng đầu năm 2025 của Chi bộ A đã được khóa cùng năm 2025 của Đảng bộ Trường Thử sau hội nghị đánh giá (admin, ngày ${half.body.error.message.match(/\d{2}\/\d{2}\/\d{4}/)?.[0]}); muốn sửa, hãy đề nghị cấp ủy cấp trên mở khóa.`,
    );
    for (const [method, path, body] of writes) {
      const res = await t.call(method, path, body);
      expectRefusal(res, 423, 'period_locked');
      expect(res.body.error.message).toContain('Đảng bộ Trường Thử');
      expect(res.body.error.message).toMatch(/năm 2025 của Đảng bộ Trường Thử/);
      expect(res.body.lock.period.code).toBe('2025');
    }
    expect(t.snapshot()).toBe(before);
  });

  it('leaves open the periods around it and the units beside it', async () => {
    await t.call('PUT', `/api/locks/${ids.a.id}/2025`);
    expect((await t.call('PUT', `/api/results/${ids.a.id}/KET_NAP/2026`, { value: 1 })).status).toBe(200);
    expect((await t.call('PUT', `/api/targets/${ids.a.id}/KET_NAP/NK2025-2030`, { value: 8 })).status).toBe(
      200,
    );
    expect((await t.call('PUT', `/api/results/${ids.b.id}/KET_NAP/2025`, { value: 1 })).status).toBe(200);
    // The Đảng bộ above is not locked by its chi bộ's lock.
    expect((await t.call('PUT', `/api/targets/${ids.root.id}/KET_NAP/2025`, { value: 4 })).status).toBe(200);
  });

  it('shows the lock on the dashboard of the unit and of those under it', async () => {
    await t.call('PUT', `/api/locks/${ids.root.id}/2025`);
    const own = await t.call('GET', `/api/dashboard?unit=${ids.root.id}&period=2025`);
    expect(own.body.lock).toMatchObject({ unit: { id: ids.root.id }, period: { code: '2025' } });
    const below = await t.call('GET', `/api/dashboard?unit=${ids.a.id}&period=2025-H2`);
    expect(below.body.lock).toMatchObject({ unit: { id: ids.root.id }, period: { code: '2025' } });
    const other = await t.call('GET', `/api/dashboard?unit=${ids.a.id}&period=2026`);
    expect(other.body.lock).toBeNull();
    const list = await t.call('GET', `/api/locks?unit=${ids.a.id}`);
    expect(list.body.locks.map((l: any) => `${l.unit.id}:${l.period.code}`)).toEqual([`${ids.root.id}:2025`]);
  });

  it('unlocks only with a reason, and then takes writes again', async () => {
    await t.call('PUT', `/api/locks/${ids.a.id}/2025`);
    const before = t.snapshot();
    expectRefusal(await t.call('DELETE', `/api/locks/${ids.a.id}/2025`), 400);
    expectRefusal(await t.call('DELETE', `/api/locks/${ids.a.id}/2025`, { reason: '   ' }), 400);
    expect(t.snapshot()).toBe(before);
    const res = await t.call('DELETE', `/api/locks/${ids.a.id}/2025`, {
      reason: 'Bổ sung kết quả kết nạp đảng viên',
    });
    expect(res.status).toBe(200);
    expectRefusal(
      await t.call('DELETE', `/api/locks/${ids.a.id}/2025`, { reason: 'Lần nữa' }),
      404,
      'lock_not_found',
    );
    expect((await t.call('PUT', `/api/results/${ids.a.id}/KET_NAP/2025`, { value: 2 })).status).toBe(200);
  });

  it('locking twice keeps the first lock', async () => {
    const first = await t.call('PUT', `/api/locks/${ids.a.id}/2025`, { note: 'Lần đầu' });
    const second = await t.call('PUT', `/api/locks/${ids.a.id}/2025`, { note: 'Lần hai' });
    expect(second.body.lock).toEqual(first.body.lock);
  });

  it('refuses bad period codes and unknown units without changing anything', async () => {
    const before = t.snapshot();
    expectRefusal(await t.call('PUT', `/api/locks/${ids.a.id}/2025-H3`), 400, 'invalid_period');
    expectRefusal(await t.call('PUT', '/api/locks/999/2025'), 404, 'unit_not_found');
    expectRefusal(
      await t.call('PUT', `/api/locks/${ids.a.id}/2025`, { note: 'x', extra: 1 }),
      400,
      'unknown_field',
    );
    expect(t.snapshot()).toBe(before);
  });
});

describe('history', () => {
  it('records who changed what, before and after, newest first', async () => {
    const secretary = t.as([{ role: 'reporter', unitId: ids.a.id }], 'bithu-a');
    await t.call('PUT', `/api/targets/${ids.a.id}/HTT/2025`, { value: 90 });
    await secretary.call('PUT', `/api/results/${ids.a.id}/HTT/2025`, {
      numerator: 8,
      denominator: 10,
      note: 'Biên bản đánh giá xếp loại',
    });
    await secretary.call('PUT', `/api/results/${ids.a.id}/HTT/2025`, { numerator: 9, denominator: 10 });
    await t.call('DELETE', `/api/targets/${ids.a.id}/HTT/2025`);

    const res = await t.call('GET', `/api/history?unit=${ids.a.id}&code=HTT&period=2025`);
    expect(res.status).toBe(200);
    const changes = res.body.changes;
    expect(changes.map((c: any) => `${c.user} ${c.type} ${c.action}`)).toEqual([
      'admin target delete',
      'bithu-a result update',
      'bithu-a result create',
      'admin target create',
    ]);
    expect(changes[1].before).toMatchObject({ display: '80%', numerator: 8, denominator: 10 });
    expect(changes[1].after).toMatchObject({ display: '90%', numerator: 9, denominator: 10 });
    expect(changes[2].note).toBe('Biên bản đánh giá xếp loại');
    expect(changes[0].before).toMatchObject({ display: '90%' });
    expect(changes[0].after).toBeNull();
    expect(Date.parse(changes[0].at)).toBeGreaterThanOrEqual(Date.parse(changes[3].at));
  });

  it('records locks with the reason for unlocking, and unit changes', async () => {
    await t.call('PUT', `/api/locks/${ids.a.id}/2025`);
    await t.call('DELETE', `/api/locks/${ids.a.id}/2025`, { reason: 'Sửa theo kết luận kiểm tra' });
    await t.call('PATCH', `/api/units/${ids.a.id}`, { name: 'Chi bộ A mới' });
    const changes = (await t.call('GET', `/api/history?unit=${ids.a.id}`)).body.changes;
    expect(changes.slice(0, 3).map((c: any) => `${c.type} ${c.action}`)).toEqual([
      'unit update',
      'lock delete',
      'lock create',
    ]);
    expect(changes[1].note).toBe('Sửa theo kết luận kiểm tra');
    expect(changes[0].before.name).toBe('Chi bộ A');
    expect(changes[0].after.name).toBe('Chi bộ A mới');
  });

  it('is not written for a refused change', async () => {
    await t.call('PUT', `/api/locks/${ids.a.id}/2025`);
    const count = () => (t.db.$client.prepare('select count(*) n from history').get() as any).n;
    const n = count();
    await t.call('PUT', `/api/results/${ids.a.id}/KET_NAP/2025`, { value: 1 });
    await t.call('PUT', `/api/results/${ids.a.id}/KET_NAP/2026`, { value: -1 });
    await t
      .as([{ role: 'viewer', unitId: ids.a.id }])
      .call('PUT', `/api/results/${ids.a.id}/KET_NAP/2026`, { value: 1 });
    expect(count()).toBe(n);
  });

  it('cannot be rewritten or deleted, even by SQL inside the application', async () => {
    await t.call('PUT', `/api/targets/${ids.a.id}/HTT/2025`, { value: 90 });
    const sqlite = t.db.$client;
    expect(() => sqlite.prepare("update history set username = 'ai-do'").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('delete from history').run()).toThrow(/append-only/);
    expect((sqlite.prepare('select count(*) n from history').get() as any).n).toBeGreaterThan(0);
  });

  it('shows a unit’s history only to those who may read the unit', async () => {
    const outsider = t.as([{ role: 'committee', unitId: ids.b.id }]);
    expectRefusal(await outsider.call('GET', `/api/history?unit=${ids.a.id}`), 403, 'forbidden');
    expectRefusal(await t.call('GET', '/api/history'), 400, 'missing_unit');
    expectRefusal(await t.call('GET', `/api/history?unit=${ids.a.id}&code=NOPE`), 404);
  });
});
