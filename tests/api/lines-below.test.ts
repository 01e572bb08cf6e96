import { beforeEach, describe, expect, it } from 'vitest';
import { AS_OF, freshApp, ids, t } from '../helpers/app';
import { expectRefusal } from '../helpers/expect';

// docs/rules.md, "One target for each unit below" and "One headline": a committee's line may
// bind an indicator at its units below of some kinds, judged by the rule for lines over those
// holding the target; the dashboard, the lines and the report head with the same count.

let congDoan: string;
let doanTN: string;
const LINE = 'Lãnh đạo các đoàn thể đạt vững mạnh';

beforeEach(async () => {
  await freshApp();
  const add = async (parentId: string, name: string, kind: string) =>
    (await t.call('POST', '/api/units', { parentId, name, kind })).body.unit.id as string;
  congDoan = await add(ids.root.id, 'Công đoàn Trường', 'doan_the');
  doanTN = await add(ids.root.id, 'Đoàn Thanh niên', 'doan_the');
  await add(ids.root.id, 'Hội Cựu chiến binh', 'doan_the');
  await t.call('PATCH', '/api/indicators/XL', { appliesTo: ['doan_the'] });
  // Two of the three mass organisations are given the target.
  await t.call('PUT', `/api/targets/${congDoan}/XL/2021`, { value: 'Vững mạnh' });
  await t.call('PUT', `/api/targets/${doanTN}/XL/2021`, { value: 'Vững mạnh' });
});

const rate = (unit: string, value: string) => t.call('PUT', `/api/results/${unit}/XL/2021`, { value });
const putLines = (lines: unknown[]) => t.call('PUT', `/api/target-lines/${ids.root.id}/2021`, { lines });
const getLines = (asOf = AS_OF) =>
  t.call('GET', `/api/target-lines?unit=${ids.root.id}&period=2021&asOf=${asOf}`).then((r) => r.body);

describe('a line part at the units below', () => {
  it('judges the đoàn thể holding the target together: Vững mạnh and Vững mạnh tiêu biểu is Vượt', async () => {
    await rate(congDoan, 'Vững mạnh');
    await rate(doanTN, 'Vững mạnh tiêu biểu');
    const put = await putLines([{ text: LINE, parts: [{ code: 'XL', below: ['doan_the'] }] }]);
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const body = await getLines();
    const [line] = body.lines;
    expect(line).toMatchObject({ text: LINE, codes: [], status: 'exceeded' });
    expect(line.parts).toHaveLength(1);
    expect(line.parts[0]).toMatchObject({
      indicator: { code: 'XL' },
      below: ['doan_the'],
      units: { achieved: 2, total: 2 },
      target: { value: 'Vững mạnh', display: 'Vững mạnh' },
      status: 'exceeded',
    });
    expect(line.parts[0].unitRows.map((r: any) => [r.unit.name, r.status])).toEqual([
      ['Công đoàn Trường', 'met'],
      ['Đoàn Thanh niên', 'exceeded'],
    ]);
    expect(body.summary).toEqual({ total: 1, achieved: 1, share: 100 });
  });

  it('is missed when one of them missed, not yet while the year runs, and without data until all report', async () => {
    await putLines([{ text: LINE, parts: [{ code: 'XL', below: ['doan_the'] }] }]);
    await rate(congDoan, 'Vững mạnh');
    expect((await getLines()).lines[0].status).toBe('no_data');
    await rate(doanTN, 'Khá');
    const over = await getLines();
    expect(over.lines[0].status).toBe('missed');
    expect(over.lines[0].parts[0].units).toEqual({ achieved: 1, total: 2 });
    expect((await getLines('2021-10-01')).lines[0].status).toBe('not_yet');
  });

  it('joins the parts of the committee itself with those below', async () => {
    await rate(congDoan, 'Vững mạnh');
    await rate(doanTN, 'Vững mạnh');
    await t.call('PUT', `/api/targets/${ids.root.id}/KY_LUAT/2021`, { value: 0 });
    await t.call('PUT', `/api/results/${ids.root.id}/KY_LUAT/2021`, { value: 1 });
    await putLines([
      {
        text: 'Đoàn thể vững mạnh, không có kỷ luật',
        codes: ['KY_LUAT'],
        parts: [{ code: 'XL', below: ['doan_the'] }],
      },
    ]);
    const [line] = (await getLines()).lines;
    expect(line.parts.map((p: any) => [p.indicator.code, p.status])).toEqual([
      ['KY_LUAT', 'missed'],
      ['XL', 'met'],
    ]);
    expect(line.status).toBe('missed');
  });

  it('writes the part in the report: how many đoàn thể met or exceeded, and each', async () => {
    await rate(congDoan, 'Vững mạnh');
    await rate(doanTN, 'Vững mạnh tiêu biểu');
    await putLines([{ text: `${LINE}.`, parts: [{ code: 'XL', below: ['doan_the'] }] }]);
    const text = (await t.call('GET', `/api/report?unit=${ids.root.id}&period=2021&asOf=${AS_OF}`)).body;
    expect(text).toContain(
      `- ${LINE}: Vượt. Thực hiện: xếp loại đoàn thể 2/2 đoàn thể đạt và vượt (Công đoàn Trường Vững mạnh; Đoàn Thanh niên Vững mạnh tiêu biểu), kế hoạch Vững mạnh.`,
    );
    expect(text.trim().split('\n').at(-1)).toBe('Có 1/1 chỉ tiêu chủ yếu đạt và vượt (100%).');
  });

  it('refuses an unknown indicator and kinds the indicator does not apply to, writing nothing', async () => {
    const before = t.snapshot();
    const unknown = await putLines([{ text: LINE, parts: [{ code: 'KHONG_CO', below: ['doan_the'] }] }]);
    expectRefusal(unknown, 400, 'indicator_not_found');
    expect(unknown.body.error.field).toBe('lines.0.parts.0.code');
    expectRefusal(
      await putLines([{ text: LINE, parts: [{ code: 'XL', below: ['chi_bo'] }] }]),
      422,
      'not_applicable',
    );
    expectRefusal(await putLines([{ text: LINE, parts: [{ code: 'XL', below: [] }] }]), 400);
    expectRefusal(await putLines([{ text: LINE, codes: [], parts: [] }]), 400);
    expect(t.snapshot()).toBe(before);
  });
});

describe('one headline', () => {
  it('heads the dashboard with the lines’ count, the same as the target lines’; null without lines', async () => {
    const dash = async () =>
      (await t.call('GET', `/api/dashboard?unit=${ids.root.id}&period=2021&asOf=${AS_OF}`)).body.summary;
    await t.call('PUT', `/api/targets/${ids.root.id}/KET_NAP/2021`, { value: 2 });
    await t.call('PUT', `/api/results/${ids.root.id}/KET_NAP/2021`, { value: 3 });
    expect((await dash()).lines).toBeNull();
    await rate(congDoan, 'Vững mạnh');
    await rate(doanTN, 'Khá');
    await putLines([
      { text: 'Kết nạp 02 đảng viên mới', codes: ['KET_NAP'] },
      { text: LINE, parts: [{ code: 'XL', below: ['doan_the'] }] },
    ]);
    const summary = await dash();
    expect(summary.lines).toEqual({ total: 2, achieved: 1, share: 50 });
    expect(summary.lines).toEqual((await getLines()).summary);
    // The single targets are the unit's own: one, exceeded.
    expect(summary).toMatchObject({ withTarget: 1, achieved: 1, share: 100 });
    const report = await t.call(
      'GET',
      `/api/report?unit=${ids.root.id}&period=2021&format=json&asOf=${AS_OF}`,
    );
    expect(report.body.summary).toMatchObject(summary.lines);
    expect(report.body.targets).toEqual({ total: 1, achieved: 1, share: 100 });
    expect(report.body.text.trim().split('\n').slice(-2)).toEqual([
      'Có 1/1 chỉ tiêu cụ thể đạt và vượt (100%).',
      'Có 1/2 chỉ tiêu chủ yếu đạt và vượt (50%).',
    ]);
  });
});
