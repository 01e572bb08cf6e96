import { beforeEach, describe, expect, it } from 'vitest';
import { AS_OF, freshApp, ids, t } from '../helpers/app';
import { expectRefusal } from '../helpers/expect';

// docs/api.md; GET /api/docs: the ordered "chỉ tiêu chủ yếu" of a unit and period, each
// binding indicator targets, judged by the rule for lines of docs/rules.md.

beforeEach(freshApp);

const HTT_LINE =
  'Có 90% đảng viên xếp loại hoàn thành tốt nhiệm vụ trở lên, trong đó có 20% đảng viên xếp loại hoàn thành xuất sắc nhiệm vụ';

async function addExcellentShare() {
  await t.call('POST', '/api/indicators', {
    code: 'HTXS',
    name: 'Tỷ lệ đảng viên hoàn thành xuất sắc nhiệm vụ',
    unitLabel: '%',
    kind: 'ratio',
  });
}

describe('target lines', () => {
  it('judges the seed’s first line as Vượt: 100% against 90% with 20% against 20%', async () => {
    await addExcellentShare();
    const root = ids.root.id;
    await t.call('PUT', `/api/targets/${root}/HTT/2021`, { value: 90 });
    await t.call('PUT', `/api/targets/${root}/HTXS/2021`, { value: 20 });
    await t.call('PUT', `/api/results/${root}/HTT/2021`, { numerator: 60, denominator: 60 });
    await t.call('PUT', `/api/results/${root}/HTXS/2021`, { numerator: 12, denominator: 60 });
    const put = await t.call('PUT', `/api/target-lines/${root}/2021`, {
      lines: [{ text: HTT_LINE, codes: ['HTT', 'HTXS'] }],
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const res = await t.call('GET', `/api/target-lines?unit=${root}&period=2021&asOf=${AS_OF}`);
    expect(res.status).toBe(200);
    expect(res.body.lines).toHaveLength(1);
    const [line] = res.body.lines;
    expect(line).toMatchObject({ text: HTT_LINE, codes: ['HTT', 'HTXS'], status: 'exceeded' });
    expect(line.parts.map((p: any) => [p.indicator.code, p.status, p.result.display])).toEqual([
      ['HTT', 'exceeded', '100%'],
      ['HTXS', 'met', '20%'],
    ]);
    expect(res.body.summary).toEqual({ total: 1, achieved: 1, share: 100 });
    expect(res.body.version).toBe(1);
  });

  it('keeps the order written, and judges each line by its worst part', async () => {
    const a = ids.a.id;
    await t.call('PUT', `/api/targets/${a}/KET_NAP/2024`, { value: 2 });
    await t.call('PUT', `/api/results/${a}/KET_NAP/2024`, { value: 1 });
    await t.call('PUT', `/api/targets/${a}/KY_LUAT/2024`, { value: 0 });
    await t.call('PUT', `/api/results/${a}/KY_LUAT/2024`, { value: 0 });
    await t.call('PUT', `/api/targets/${a}/KH/2024`, { value: 100 });
    await t.call('PUT', `/api/targets/${a}/XL/2024`, { value: 'Vững mạnh' });
    await t.call('PUT', `/api/results/${a}/XL/2024`, { value: 'Vững mạnh tiêu biểu' });
    const lines = [
      { text: 'Không có đảng viên vi phạm kỷ luật', codes: ['KY_LUAT'] },
      { text: 'Kết nạp 02 đảng viên mới', codes: ['KET_NAP'] },
      { text: 'Hoàn thành 100% kế hoạch đào tạo', codes: ['KH'] },
      { text: 'Đoàn thể vững mạnh, kỷ luật nghiêm', codes: ['XL', 'KY_LUAT'] },
    ];
    await t.call('PUT', `/api/target-lines/${a}/2024`, { lines });
    const over = await t.call('GET', `/api/target-lines?unit=${a}&period=2024&asOf=${AS_OF}`);
    expect(over.body.lines.map((l: any) => [l.text, l.status])).toEqual([
      [lines[0]!.text, 'met'],
      [lines[1]!.text, 'missed'],
      [lines[2]!.text, 'no_data'],
      [lines[3]!.text, 'exceeded'],
    ]);
    expect(over.body.summary).toEqual({ total: 4, achieved: 2, share: 50 });
    // While 2024 was open, the short line was only "not yet".
    const open = await t.call('GET', `/api/target-lines?unit=${a}&period=2024&asOf=2024-06-30`);
    expect(open.body.lines[1].status).toBe('not_yet');
  });

  it('shares two decimals: 2 of 3 lines is 66,67%', async () => {
    const a = ids.a.id;
    await t.call('PUT', `/api/targets/${a}/KY_LUAT/2024`, { value: 0 });
    await t.call('PUT', `/api/results/${a}/KY_LUAT/2024`, { value: 0 });
    await t.call('PUT', `/api/target-lines/${a}/2024`, {
      lines: [
        { text: 'Một', codes: ['KY_LUAT'] },
        { text: 'Hai', codes: ['KY_LUAT'] },
        { text: 'Ba', codes: ['KET_NAP'] },
      ],
    });
    const res = await t.call('GET', `/api/target-lines?unit=${a}&period=2024&asOf=${AS_OF}`);
    expect(res.body.summary).toEqual({ total: 3, achieved: 2, share: 66.67 });
  });

  it('answers an empty list before anything is written', async () => {
    const res = await t.call('GET', `/api/target-lines?unit=${ids.a.id}&period=2025`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      lines: [],
      summary: { total: 0, achieved: 0, share: null },
      version: 0,
    });
  });

  it('replaces the list, records each change once in the history, and empties it', async () => {
    const a = ids.a.id;
    const first = await t.call('PUT', `/api/target-lines/${a}/2025`, {
      lines: [{ text: 'Kết nạp 02 đảng viên mới', codes: ['KET_NAP'] }],
      version: 0,
    });
    expect(first.body.version).toBe(1);
    const same = await t.call('PUT', `/api/target-lines/${a}/2025`, {
      lines: [{ text: 'Kết nạp 02 đảng viên mới', codes: ['KET_NAP'] }],
      version: 1,
    });
    expect(same.body.version).toBe(1);
    const emptied = await t.call('PUT', `/api/target-lines/${a}/2025`, { lines: [], version: 1 });
    expect(emptied.body).toMatchObject({ lines: [], version: 2 });
    const history = await t.call('GET', `/api/history?unit=${a}&period=2025`);
    expect(history.body.changes.map((c: any) => `${c.type} ${c.action}`)).toEqual([
      'target_line delete',
      'target_line create',
    ]);
  });

  it('refuses a stale version with 409 and the list now stored, and changes nothing', async () => {
    const a = ids.a.id;
    await t.call('PUT', `/api/target-lines/${a}/2025`, { lines: [{ text: 'Một', codes: ['KH'] }] });
    await t.call('PUT', `/api/target-lines/${a}/2025`, {
      lines: [{ text: 'Hai', codes: ['KH'] }],
      version: 1,
    });
    const before = t.snapshot();
    const res = await t.call('PUT', `/api/target-lines/${a}/2025`, {
      lines: [{ text: 'Ba', codes: ['KH'] }],
      version: 1,
    });
    expectRefusal(res, 409, 'version_conflict');
    expect(res.body.current.lines.map((l: any) => l.text)).toEqual(['Hai']);
    expect(t.snapshot()).toBe(before);
  });

  it('refuses writes to a locked period with 423', async () => {
    await t.call('PUT', `/api/locks/${ids.root.id}/2024`);
    const before = t.snapshot();
    const res = await t.call('PUT', `/api/target-lines/${ids.a.id}/2024`, {
      lines: [{ text: 'Một', codes: ['KH'] }],
    });
    expectRefusal(res, 423, 'period_locked');
    expect(t.snapshot()).toBe(before);
  });

  it.each([
    ['no lines field', {}, 'lines'],
    ['a line without codes', { lines: [{ text: 'Một', codes: [] }] }, 'lines.0.codes'],
    ['an empty sentence', { lines: [{ text: '   ', codes: ['KH'] }] }, 'lines.0.text'],
    ['an unknown indicator', { lines: [{ text: 'Một', codes: ['KH', 'KHONG_CO'] }] }, 'lines.0.codes.1'],
    ['a code bound twice', { lines: [{ text: 'Một', codes: ['KH', 'KH'] }] }, 'lines.0.codes'],
    ['a code in lower case', { lines: [{ text: 'Một', codes: ['kh'] }] }, 'lines.0.codes.0'],
    ['an unknown field', { lines: [{ text: 'Một', codes: ['KH'], status: 'met' }] }, 'status'],
    ['lines as text', { lines: 'Một' }, 'lines'],
  ])('refuses %s and changes nothing', async (_, body, field) => {
    const before = t.snapshot();
    const res = await t.call('PUT', `/api/target-lines/${ids.a.id}/2025`, body);
    expectRefusal(res, 400);
    expect(res.body.error.field).toBe(field);
    expect(t.snapshot()).toBe(before);
  });

  it('refuses an unknown unit and a bad period', async () => {
    const body = { lines: [{ text: 'Một', codes: ['KH'] }] };
    expectRefusal(await t.call('PUT', '/api/target-lines/999/2025', body), 404, 'unit_not_found');
    expectRefusal(await t.call('PUT', `/api/target-lines/${ids.a.id}/2025-H5`, body), 400, 'invalid_period');
    expectRefusal(await t.call('GET', `/api/target-lines?unit=${ids.a.id}`), 400, 'invalid_period');
  });

  it('keeps a unit with target lines from being removed, with the reason', async () => {
    const leaf = (await t.call('POST', '/api/units', { parentId: ids.a.id, name: 'Tổ 1', kind: 'chi_bo' }))
      .body.unit;
    await t.call('PUT', `/api/target-lines/${leaf.id}/2025`, { lines: [{ text: 'Một', codes: ['KH'] }] });
    const res = await t.call('DELETE', `/api/units/${leaf.id}`);
    expectRefusal(res, 409, 'unit_has_values');
    expect(res.body.error.message).toContain('chỉ tiêu chủ yếu');
    await t.call('PUT', `/api/target-lines/${leaf.id}/2025`, { lines: [] });
    expect((await t.call('DELETE', `/api/units/${leaf.id}`)).status).toBe(200);
  });
});
