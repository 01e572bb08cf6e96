import { beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, type Caller, type TestApp, testApp } from '../helpers/app';
import { PARTY, SEED_LINES } from '../helpers/seed-2021';

// The one real target list we have, from a published conference report: the 2021 "chỉ tiêu
// chủ yếu" of a provincial political school's Đảng bộ, entered through the API as its committee
// would write them, and judged as its conference judged them: Vượt, Vượt, Đạt, Vượt, Vượt,
// Vượt, Vượt.
// Every line is expressed as the committee thinks of it: the members' shares summed from the
// chi bộ reports, the chi bộ counted by their rating, the đoàn thể judged where they are rated.

const MASS = ['Yếu', 'Trung bình', 'Khá', 'Vững mạnh', 'Vững mạnh tiêu biểu'];

let t: TestApp;
let committee: Caller;
let root: string;
let cells: string[];
let mass: Record<string, string>;

async function ok(res: Promise<{ status: number; body: any }>, status = 200) {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body;
}

beforeAll(async () => {
  t = testApp();
  // The school's organisation: the Đảng bộ, five chi bộ and three mass organisations.
  const unit = (parentId: string | null, name: string, kind: string) =>
    ok(t.call('POST', '/api/units', { parentId, name, kind }), 201).then((b) => b.unit.id as string);
  root = await unit(null, 'Đảng bộ Trường Chính trị tỉnh Đồng Tháp', 'dang_bo');
  cells = [];
  for (const name of [
    'Chi bộ Khoa Lý luận cơ sở',
    'Chi bộ Khoa Xây dựng Đảng',
    'Chi bộ Khoa Nhà nước và pháp luật',
    'Chi bộ Phòng Quản lý đào tạo',
    'Chi bộ Phòng Tổ chức – Hành chính',
  ])
    cells.push(await unit(root, name, 'chi_bo'));
  mass = {};
  for (const name of ['Công đoàn cơ sở', 'Chi đoàn Trường', 'Hội Cựu chiến binh'])
    mass[name] = await unit(root, name, 'doan_the');

  // The committee of the Đảng bộ keeps its catalogue and enters everything from here on.
  committee = t.as([{ role: 'committee', unitId: root }], 'dang-uy');
  const indicator = (body: Record<string, unknown>) =>
    ok(committee.call('POST', '/api/indicators', body), 201);
  const members = ['chi_bo', 'dang_bo'];
  await indicator({
    code: 'DV_HTT',
    name: 'Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên',
    unitLabel: '%',
    kind: 'ratio',
    memberRating: 'good_or_better',
    appliesTo: members,
  });
  await indicator({
    code: 'DV_HTXS',
    name: 'Tỷ lệ đảng viên hoàn thành xuất sắc nhiệm vụ',
    unitLabel: '%',
    kind: 'ratio',
    memberRating: 'excellent',
    appliesTo: members,
  });
  await indicator({
    code: 'XL_CHI_BO',
    name: 'Xếp loại chất lượng chi bộ',
    unitLabel: 'mức',
    kind: 'level',
    levels: PARTY,
    appliesTo: ['chi_bo'],
  });
  for (const [code, name, atLeast] of [
    ['CB_HTT', 'Số chi bộ hoàn thành tốt nhiệm vụ trở lên', PARTY[2]],
    ['CB_HTXS', 'Số chi bộ hoàn thành xuất sắc nhiệm vụ', PARTY[3]],
  ] as const)
    await indicator({
      code,
      name,
      unitLabel: 'chi bộ',
      kind: 'count',
      derived: { countUnits: { indicator: 'XL_CHI_BO', atLeast, kinds: ['chi_bo'] } },
      appliesTo: ['dang_bo'],
    });
  await indicator({
    code: 'HOC_TAP_NQ',
    name: 'Tỷ lệ đảng viên, quần chúng tham gia học tập nghị quyết',
    unitLabel: '%',
    kind: 'ratio',
  });
  for (const [code, name] of [
    ['NCKH_TINH', 'Số đề tài nghiên cứu khoa học cấp tỉnh'],
    ['NCKH_CS', 'Số đề tài nghiên cứu khoa học cấp cơ sở'],
    ['GV_GIOI_TRUONG', 'Số giảng viên dạy giỏi cấp Trường trở lên'],
    ['GV_GIOI_HV', 'Số giảng viên dạy giỏi cấp Học viện'],
  ] as const)
    await indicator({
      code,
      name,
      unitLabel: code.startsWith('GV') ? 'giảng viên' : 'đề tài',
      kind: 'count',
    });
  await indicator({
    code: 'KH_DAO_TAO',
    name: 'Tỷ lệ hoàn thành kế hoạch đào tạo, bồi dưỡng',
    unitLabel: '%',
    kind: 'percent',
  });
  await indicator({
    code: 'XL_DOAN_THE',
    name: 'Xếp loại tổ chức đoàn thể',
    unitLabel: 'mức',
    kind: 'level',
    levels: MASS,
    appliesTo: ['doan_the'],
  });

  // The congress resolution (2020–2025): "hằng năm có 90% … trong đó 20% …".
  await ok(committee.call('PUT', `/api/targets/${root}/DV_HTT/NK2020-2025`, { value: 90, eachYear: true }));
  await ok(committee.call('PUT', `/api/targets/${root}/DV_HTXS/NK2020-2025`, { value: 20, eachYear: true }));
  // The year's own targets, in one save of the targets grid.
  await ok(
    committee.call('POST', '/api/values/batch', {
      targets: [
        ['CB_HTT', 3],
        ['CB_HTXS', 1],
        ['HOC_TAP_NQ', 100],
        ['NCKH_TINH', 1],
        ['NCKH_CS', 1],
        ['KH_DAO_TAO', 100],
        ['GV_GIOI_TRUONG', 2],
        ['GV_GIOI_HV', 1],
      ].map(([code, value]) => ({ unitId: root, code, period: '2021', value })),
    }),
  );
  // "Các đoàn thể đạt vững mạnh": one target for each đoàn thể below.
  const below = await ok(
    committee.call('POST', '/api/targets/below', {
      unitId: root,
      code: 'XL_DOAN_THE',
      period: '2021',
      value: 'Vững mạnh',
      kinds: ['doan_the'],
    }),
  );
  expect(below).toMatchObject({ written: 3, kept: 0 });
  await ok(
    committee.call('PUT', `/api/target-lines/${root}/2021`, {
      lines: [
        { text: SEED_LINES[0], codes: ['DV_HTT', 'DV_HTXS'] },
        { text: SEED_LINES[1], codes: ['CB_HTT', 'CB_HTXS'] },
        { text: SEED_LINES[2], codes: ['HOC_TAP_NQ'] },
        { text: SEED_LINES[3], codes: ['NCKH_TINH', 'NCKH_CS'] },
        { text: SEED_LINES[4], codes: ['KH_DAO_TAO'] },
        { text: SEED_LINES[5], codes: ['GV_GIOI_TRUONG', 'GV_GIOI_HV'] },
        { text: SEED_LINES[6], parts: [{ code: 'XL_DOAN_THE', below: ['doan_the'] }] },
      ],
    }),
  );

  // The year-end review. Each chi bộ reports its members' ratings (60 rated, 12 excellent;
  // one member admitted this year is not rated) and its own rating as an organisation.
  const ratings = [
    [3, 12, 0],
    [3, 12, 1],
    [2, 8, 0],
    [2, 8, 0],
    [2, 8, 0],
  ];
  const levels = [PARTY[3], PARTY[2], PARTY[2], PARTY[2], PARTY[1]];
  for (const [i, cell] of cells.entries()) {
    const reporter = t.as([{ role: 'reporter', unitId: cell }]);
    const [excellent, good, unrated] = ratings[i]!;
    const rated = await ok(
      reporter.call('PUT', `/api/member-ratings/${cell}/2021`, {
        excellent,
        good,
        complete: 0,
        notComplete: 0,
        unrated,
        note: 'Biên bản kiểm điểm, đánh giá, xếp loại cuối năm',
      }),
    );
    expect(rated.capExceeded).toBe(false);
    await ok(
      reporter.call('POST', '/api/values/batch', {
        results: [
          { unitId: cell, code: 'XL_CHI_BO', period: '2021', value: levels[i] },
          {
            unitId: cell,
            code: 'HOC_TAP_NQ',
            period: '2021',
            numerator: excellent! + good!,
            denominator: excellent! + good!,
          },
        ],
      }),
    );
  }
  // What the committee itself records: research, training, teaching awards.
  await ok(
    committee.call('POST', '/api/values/batch', {
      results: [
        {
          unitId: root,
          code: 'NCKH_TINH',
          period: '2021',
          value: 1,
          note: 'Đã nghiệm thu 01 đề tài cấp tỉnh',
        },
        {
          unitId: root,
          code: 'NCKH_CS',
          period: '2021',
          value: 3,
          note: 'Đang thực hiện 03 đề tài cấp cơ sở',
        },
        { unitId: root, code: 'KH_DAO_TAO', period: '2021', value: 103 },
        { unitId: root, code: 'GV_GIOI_TRUONG', period: '2021', value: 2 },
        {
          unitId: root,
          code: 'GV_GIOI_HV',
          period: '2021',
          value: 2,
          note: '01 giảng viên dạy giỏi, 01 giảng viên dạy giỏi xuất sắc cấp Học viện',
        },
      ],
    }),
  );
  // The mass organisations' ratings, each entered where it is rated.
  for (const [name, level, note] of [
    ['Công đoàn cơ sở', 'Vững mạnh', 'Bằng khen của Liên đoàn Lao động tỉnh'],
    ['Chi đoàn Trường', 'Vững mạnh tiêu biểu', ''],
    ['Hội Cựu chiến binh', 'Vững mạnh', ''],
  ] as const)
    await ok(
      committee.call('PUT', `/api/results/${mass[name]}/XL_DOAN_THE/2021`, {
        value: level,
        ...(note ? { note } : {}),
      }),
    );
});

describe('the 2021 "chỉ tiêu chủ yếu" of the seed, entered as its committee would', () => {
  it('judges the seven lines as the conference did: Vượt, Vượt, Đạt, Vượt, Vượt, Vượt, Vượt', async () => {
    const lines = await ok(committee.call('GET', `/api/target-lines?unit=${root}&period=2021&asOf=${AS_OF}`));
    expect(lines.lines.map((l: any) => l.text)).toEqual(SEED_LINES);
    expect(lines.lines.map((l: any) => l.status)).toEqual([
      'exceeded',
      'exceeded',
      'met',
      'exceeded',
      'exceeded',
      'exceeded',
      'exceeded',
    ]);
    expect(lines.summary).toEqual({ total: 7, achieved: 7, share: 100 });
  });

  it('finds each line’s figures where the committee finds them', async () => {
    const { lines } = await ok(
      committee.call('GET', `/api/target-lines?unit=${root}&period=2021&asOf=${AS_OF}`),
    );
    const part = (line: number, code: string) =>
      lines[line].parts.find((p: any) => p.indicator.code === code);
    // 1: the shares summed from the chi bộ, against the term's yearly targets.
    expect(part(0, 'DV_HTT')).toMatchObject({
      target: { value: 90, from: 'NK2020-2025' },
      result: {
        value: 100,
        numerator: 60,
        denominator: 60,
        source: 'units',
        coverage: { reported: 5, total: 5 },
      },
      status: 'exceeded',
    });
    expect(part(0, 'DV_HTXS')).toMatchObject({ result: { value: 20, numerator: 12 }, status: 'met' });
    // 2: the chi bộ counted by their rating, never typed.
    expect(part(1, 'CB_HTT').result).toMatchObject({
      value: 4,
      source: 'derived',
      coverage: { reported: 5, total: 5 },
    });
    expect(part(1, 'CB_HTXS').result).toMatchObject({ value: 1, source: 'derived' });
    // 7: the đoàn thể, where they are rated.
    expect(part(6, 'XL_DOAN_THE')).toMatchObject({ below: ['doan_the'], units: { achieved: 3, total: 3 } });
  });

  it('sums the members’ ratings at the Đảng bộ and checks the cap there', async () => {
    const r = await ok(committee.call('GET', `/api/member-ratings?unit=${root}&period=2021`));
    expect(r.rating).toMatchObject({
      excellent: 12,
      good: 48,
      unrated: 1,
      total: 60,
      source: 'units',
      coverage: { reported: 5, total: 5 },
    });
    expect(r.capExceeded).toBe(false);
  });

  it('heads the dashboard with the same count of main targets as the lines', async () => {
    const d = await ok(committee.call('GET', `/api/dashboard?unit=${root}&period=2021&asOf=${AS_OF}`));
    expect(d.summary.lines).toEqual({ total: 7, achieved: 7, share: 100 });
  });

  it('writes the report with the conference’s verdicts and closes with "Có 7/7 chỉ tiêu chủ yếu đạt và vượt (100%)."', async () => {
    const text: string = (await committee.call('GET', `/api/report?unit=${root}&period=2021&asOf=${AS_OF}`))
      .body;
    const written = text.split('\n').filter((l) => l.startsWith('- '));
    expect(written.map((l) => /: (Vượt|Đạt|Chưa đạt|Không đạt|Chưa có số liệu)\./.exec(l)?.[1])).toEqual([
      'Vượt',
      'Vượt',
      'Đạt',
      'Vượt',
      'Vượt',
      'Vượt',
      'Vượt',
    ]);
    expect(written[1]).toBe(
      `- ${SEED_LINES[1]}: Vượt. Thực hiện: số chi bộ hoàn thành tốt nhiệm vụ trở lên 04 chi bộ, kế hoạch 03 chi bộ, đạt 133,33% kế hoạch; số chi bộ hoàn thành xuất sắc nhiệm vụ 01 chi bộ, kế hoạch 01 chi bộ.`,
    );
    expect(written[6]).toBe(
      `- ${SEED_LINES[6]}: Vượt. Thực hiện: xếp loại tổ chức đoàn thể 3/3 đoàn thể đạt và vượt (Công đoàn cơ sở Vững mạnh; Chi đoàn Trường Vững mạnh tiêu biểu; Hội Cựu chiến binh Vững mạnh), kế hoạch Vững mạnh.`,
    );
    expect(text.trim().split('\n').at(-1)).toBe('Có 7/7 chỉ tiêu chủ yếu đạt và vượt (100%).');
  });
});
