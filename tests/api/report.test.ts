import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { AS_OF, seedBasics, type TestApp, testApp } from '../helpers/app';
import { expectRefusal } from '../helpers/expect';

// docs/api.md; GET /api/docs: the report's text for known data, word for word as a secretary
// would write it by hand after the review, for a year and for the mid-year review.

let t: TestApp;
let ids: Awaited<ReturnType<typeof seedBasics>>;

const put = (kind: 'targets' | 'results', unit: string, code: string, period: string, body: unknown) =>
  t.call('PUT', `/api/${kind}/${unit}/${code}/${period}`, body);

beforeEach(async () => {
  t = testApp();
  ids = await seedBasics(t);
  await t.call('POST', '/api/indicators', {
    code: 'HTXS',
    name: 'Tỷ lệ đảng viên hoàn thành xuất sắc nhiệm vụ',
    unitLabel: '%',
    kind: 'ratio',
  });
  const { root, a, b } = { root: ids.root.id, a: ids.a.id, b: ids.b.id };
  await put('targets', root, 'HTT', '2024', { value: 90 });
  await put('targets', root, 'HTXS', '2024', { value: 20 });
  await put('results', a, 'HTT', '2024', { numerator: 9, denominator: 10 });
  await put('results', b, 'HTT', '2024', { numerator: 10, denominator: 10 });
  await put('results', a, 'HTXS', '2024', { numerator: 2, denominator: 10 });
  await put('results', b, 'HTXS', '2024', { numerator: 2, denominator: 10 });
  await put('targets', root, 'KET_NAP', '2024', { value: 3 });
  await put('results', a, 'KET_NAP', '2024-H1', { value: 1 });
  await put('results', a, 'KET_NAP', '2024-H2', { value: 1 });
  await put('targets', root, 'KH', '2024', { value: 100 });
  await put('results', root, 'KH', '2024-H1', { value: 52 });
  await put('results', root, 'KH', '2024', { value: 103.5 });
  await put('targets', root, 'KY_LUAT', '2024', { value: 0 });
  await put('results', a, 'KY_LUAT', '2024-H1', { value: 0 });
  await put('results', a, 'KY_LUAT', '2024-H2', { value: 0 });
  await put('results', b, 'KY_LUAT', '2024', { value: 0 });
  await put('targets', root, 'XL', '2024', { value: 'Vững mạnh' });
  await put('results', root, 'XL', '2024', { value: 'Vững mạnh tiêu biểu' });
  await t.call('PUT', `/api/target-lines/${root}/2024`, {
    lines: [
      {
        text: 'Có 90% đảng viên xếp loại hoàn thành tốt nhiệm vụ trở lên, trong đó có 20% đảng viên xếp loại hoàn thành xuất sắc nhiệm vụ',
        codes: ['HTT', 'HTXS'],
      },
      { text: 'Kết nạp 03 đảng viên mới', codes: ['KET_NAP'] },
      { text: 'Hoàn thành 100% kế hoạch đào tạo.', codes: ['KH'] },
      { text: 'Không có đảng viên vi phạm kỷ luật', codes: ['KY_LUAT'] },
      { text: 'Các đoàn thể đạt vững mạnh', codes: ['XL'] },
    ],
  });
});

const report = (period: string, format = 'text') =>
  t.call('GET', `/api/report?unit=${ids.root.id}&period=${period}&format=${format}&asOf=${AS_OF}`);

describe('the report', () => {
  it('writes the year’s review as a secretary would: each main target, its verdict, its figures', async () => {
    const res = await report('2024');
    expect(res.status).toBe(200);
    expect(res.body).toBe(
      [
        'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU',
        'Đảng bộ Trường Thử — Năm 2024',
        '(Số liệu tính đến ngày 31 tháng 12 năm 2024)',
        '',
        'Kết quả thực hiện một số chỉ tiêu chủ yếu năm 2024:',
        '',
        '- Có 90% đảng viên xếp loại hoàn thành tốt nhiệm vụ trở lên, trong đó có 20% đảng viên xếp loại hoàn thành xuất sắc nhiệm vụ: Vượt. Thực hiện: tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên 95% (19/20), kế hoạch 90%, đạt 105,56% kế hoạch; tỷ lệ đảng viên hoàn thành xuất sắc nhiệm vụ 20% (4/20), kế hoạch 20%.',
        '- Kết nạp 03 đảng viên mới: Không đạt. Thực hiện: số đảng viên mới kết nạp 02 đảng viên, kế hoạch 03 đảng viên, đạt 66,67% kế hoạch.',
        '- Hoàn thành 100% kế hoạch đào tạo: Vượt. Thực hiện: tỷ lệ hoàn thành kế hoạch đào tạo 103,5%, kế hoạch 100%, đạt 103,5% kế hoạch.',
        '- Không có đảng viên vi phạm kỷ luật: Đạt. Thực hiện: số đảng viên bị kỷ luật 0 đảng viên, kế hoạch 0 đảng viên.',
        '- Các đoàn thể đạt vững mạnh: Vượt. Thực hiện: xếp loại đoàn thể Vững mạnh tiêu biểu, kế hoạch Vững mạnh.',
        '',
        // One headline (docs/rules.md): the single targets, then last the main targets.
        'Có 5/6 chỉ tiêu cụ thể đạt và vượt (83,33%).',
        'Có 4/5 chỉ tiêu chủ yếu đạt và vượt (80%).',
        '',
      ].join('\n'),
    );
  });

  it('writes the mid-year review against the year’s targets, with the results so far and the pace', async () => {
    const res = await report('2024-H1');
    expect(res.body).toBe(
      [
        'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU',
        'Đảng bộ Trường Thử — 6 tháng đầu năm 2024',
        '(Số liệu tính đến ngày 30 tháng 06 năm 2024)',
        '',
        'Kết quả thực hiện một số chỉ tiêu chủ yếu 6 tháng đầu năm 2024 (so với kế hoạch năm 2024):',
        '',
        '- Có 90% đảng viên xếp loại hoàn thành tốt nhiệm vụ trở lên, trong đó có 20% đảng viên xếp loại hoàn thành xuất sắc nhiệm vụ: Chưa có số liệu.',
        '- Kết nạp 03 đảng viên mới: Chưa đạt. Thực hiện: số đảng viên mới kết nạp lũy kế 01 đảng viên (kế hoạch năm 2024 03 đảng viên, bằng 33,33% kế hoạch, chậm tiến độ).',
        '- Hoàn thành 100% kế hoạch đào tạo: Chưa đạt. Thực hiện: tỷ lệ hoàn thành kế hoạch đào tạo lũy kế 52% (kế hoạch năm 2024 100%, bằng 52% kế hoạch).',
        '- Không có đảng viên vi phạm kỷ luật: Đạt. Thực hiện: số đảng viên bị kỷ luật lũy kế 0 đảng viên (kế hoạch năm 2024 0 đảng viên, đúng tiến độ).',
        '- Các đoàn thể đạt vững mạnh: Chưa có số liệu.',
        '',
        'Có 1/5 chỉ tiêu đúng tiến độ so với kế hoạch năm 2024.',
        // The year's lines already met; the half has no targets of its own to count.
        'Có 1/5 chỉ tiêu chủ yếu đã đạt và vượt kế hoạch năm 2024.',
        '',
      ].join('\n'),
    );
  });

  it('gives the same report as a structure, with the table of every indicator', async () => {
    const res = await report('2024', 'json');
    expect(res.status).toBe(200);
    expect(res.body.summary).toEqual({ total: 5, achieved: 4, share: 80 });
    expect(res.body.lines.map((l: any) => l.status)).toEqual([
      'exceeded',
      'missed',
      'exceeded',
      'met',
      'exceeded',
    ]);
    expect(res.body.lines[1].sentence).toBe(
      '- Kết nạp 03 đảng viên mới: Không đạt. Thực hiện: số đảng viên mới kết nạp 02 đảng viên, kế hoạch 03 đảng viên, đạt 66,67% kế hoạch.',
    );
    expect(res.body.table.map((r: any) => r.indicator.code)).toEqual([
      'HTT',
      'KET_NAP',
      'KH',
      'KY_LUAT',
      'XL',
      'HTXS',
    ]);
    expect(res.body.text).toBe((await report('2024')).body);
  });

  it('makes one line per indicator given a target when the committee wrote no main targets', async () => {
    await put('targets', ids.a.id, 'KET_NAP', '2025', { value: 2 });
    await put('results', ids.a.id, 'KET_NAP', '2025', { value: 2 });
    const res = await t.call('GET', `/api/report?unit=${ids.a.id}&period=2025&asOf=${AS_OF}`);
    expect(res.body).toContain(
      '- Số đảng viên mới kết nạp đạt 02 đảng viên: Đạt. Thực hiện: số đảng viên mới kết nạp 02 đảng viên, kế hoạch 02 đảng viên.',
    );
    expect(res.body.trim().split('\n').at(-1)).toBe('Có 1/1 chỉ tiêu đạt và vượt (100%).');
  });

  it('hands out a workbook with the table in real number cells, laid out for A4', async () => {
    const res = await t.raw('GET', `/api/report?unit=${ids.root.id}&period=2024&format=xlsx&asOf=${AS_OF}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.getWorksheet('Báo cáo')!;
    expect(ws.pageSetup.paperSize).toBe(9);
    const rows: unknown[][] = [];
    const numbers: number[] = [];
    ws.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
      numbers.push(row.number);
    });
    const header = rows.findIndex((r) => r[0] === 'TT');
    expect(rows[header]).toEqual([
      'TT',
      'Chỉ tiêu',
      'ĐVT',
      'Kế hoạch',
      'Thực hiện',
      'Tỷ lệ so với kế hoạch',
      'Đánh giá',
    ]);
    expect(rows[header + 1]).toEqual([
      1,
      'Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên',
      '%',
      0.9,
      0.95,
      1.0556,
      'Vượt',
    ]);
    expect(rows[header + 2]).toEqual([2, 'Số đảng viên mới kết nạp', 'đảng viên', 3, 2, 0.6667, 'Không đạt']);
    expect(ws.getCell(numbers[header + 1]!, 4).numFmt).toBe('0.00%');
    expect(ws.getCell(numbers[header + 2]!, 4).numFmt).toBe('#,##0');
    expect(rows.some((r) => r[0] === 'Có 4/5 chỉ tiêu chủ yếu đạt và vượt (80%).')).toBe(true);
  });

  it('refuses an unknown format, unit or period in Vietnamese', async () => {
    expectRefusal(await report('2024', 'pdf'), 400, 'invalid_format');
    expectRefusal(await t.call('GET', '/api/report?unit=999&period=2024'), 404, 'unit_not_found');
    expectRefusal(await t.call('GET', `/api/report?unit=${ids.a.id}&period=2024-H7`), 400, 'invalid_period');
  });
});
