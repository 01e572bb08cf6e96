import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { documentTexts, reportDocument } from '../../shared/report-document';
import { AS_OF, seedBasics, type TestApp, testApp } from '../helpers/app';
import { openDocx, runsWith, twipsToMm } from '../helpers/docx';
import { expectRefusal } from '../helpers/expect';
import { REPORT_SETTINGS } from '../helpers/report-settings';

// docs/rules.md, "The report is a party document": GET /api/report?format=docx opened as Word
// opens it (unzipped, word/document.xml read), its blocks found in the order of Hướng dẫn
// 36-HD/VPTW, and the same texts as the document model the print view draws.

let t: TestApp;
let ids: Awaited<ReturnType<typeof seedBasics>>;

const put = (kind: 'targets' | 'results', unit: string, code: string, period: string, body: unknown) =>
  t.call('PUT', `/api/${kind}/${unit}/${code}/${period}`, body);

const SETTINGS = REPORT_SETTINGS;

beforeEach(async () => {
  t = testApp();
  ids = await seedBasics(t);
  const { root, a, b } = { root: ids.root.id, a: ids.a.id, b: ids.b.id };
  await put('targets', root, 'HTT', '2024', { value: 90 });
  await put('results', a, 'HTT', '2024', { numerator: 9, denominator: 10 });
  await put('results', b, 'HTT', '2024', { numerator: 10, denominator: 10 });
  await put('targets', root, 'KET_NAP', '2024', { value: 3 });
  await put('results', a, 'KET_NAP', '2024', { value: 2 });
  await put('targets', root, 'XL', '2024', { value: 'Vững mạnh' });
  await put('results', root, 'XL', '2024', { value: 'Vững mạnh tiêu biểu' });
  // A result without a target: "kiểm tra 01 đảng viên" of the real report.
  await put('results', root, 'KY_LUAT', '2024', { value: 1 });
  await t.call('PUT', `/api/target-lines/${root}/2024`, {
    lines: [
      { text: 'Có 90% đảng viên xếp loại hoàn thành tốt nhiệm vụ trở lên', codes: ['HTT'] },
      { text: 'Kết nạp 03 đảng viên mới', codes: ['KET_NAP'] },
      { text: 'Các đoàn thể đạt vững mạnh', codes: ['XL'] },
    ],
  });
});

const docx = (period: string, query = '') =>
  t.raw('GET', `/api/report?unit=${ids.root.id}&period=${period}&format=docx&asOf=${AS_OF}${query}`);

async function saveSettings() {
  const res = await t.call('PUT', `/api/units/${ids.root.id}/report-settings`, { ...SETTINGS, version: 0 });
  expect(res.status).toBe(200);
}

describe('the report as a Word document', () => {
  it('is a named .docx download', async () => {
    const res = await docx('2024');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="bao-cao-chi-tieu-[^"]+\.docx"/,
    );
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''");
  });

  it('holds the blocks of a party report in their order, with the committee’s settings', async () => {
    await saveSettings();
    const { paragraphs } = await openDocx(await (await docx('2024', '&date=2025-01-05')).arrayBuffer());
    const order = [
      'ĐẢNG BỘ TỈNH ĐỒNG THÁP',
      'ĐẢNG ỦY TRƯỜNG THỬ',
      'Số 15-BC/ĐU',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Cao Lãnh, ngày 05 tháng 01 năm 2025',
      'BÁO CÁO',
      'Kết quả thực hiện các chỉ tiêu chủ yếu năm 2024',
      '(Số liệu tính đến ngày 31 tháng 12 năm 2024)',
      'Kết quả thực hiện một số chỉ tiêu chủ yếu năm 2024:',
      '- Có 90% đảng viên xếp loại hoàn thành tốt nhiệm vụ trở lên: Vượt. Thực hiện: tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên 95% (19/20), kế hoạch 90%, đạt 105,56% kế hoạch.',
      '- Kết nạp 03 đảng viên mới: Không đạt. Thực hiện: số đảng viên mới kết nạp 02 đảng viên, kế hoạch 03 đảng viên, đạt 66,67% kế hoạch.',
      '- Các đoàn thể đạt vững mạnh: Vượt. Thực hiện: xếp loại đoàn thể Vững mạnh tiêu biểu, kế hoạch Vững mạnh.',
      'Các kết quả khác:',
      '+ Số đảng viên bị kỷ luật: 01 đảng viên.',
      'Có 2/3 chỉ tiêu cụ thể đạt và vượt (66,67%).',
      'Có 2/3 chỉ tiêu chủ yếu đạt và vượt (66,67%).',
      'Bảng tổng hợp kết quả thực hiện các chỉ tiêu',
      'Nơi nhận:',
      '- Ban Thường vụ Tỉnh ủy (để báo cáo),',
      '- Các chi bộ trực thuộc,',
      '- Lưu Văn phòng Đảng ủy.',
      'T/M ĐẢNG ỦY',
      'BÍ THƯ',
      'Nguyễn Văn Thử',
    ];
    const at = order.map((text) => paragraphs.indexOf(text));
    expect(
      at.filter((i) => i < 0),
      `missing: ${order.filter((_, i) => at[i]! < 0).join(' | ')}`,
    ).toEqual([]);
    expect(at).toEqual([...at].sort((x, y) => x - y));
    // The verdicts in the lines' order.
    const verdicts = paragraphs.flatMap((p) => /^- .*?: (Vượt|Đạt|Không đạt|Chưa đạt)\./.exec(p)?.[1] ?? []);
    expect(verdicts).toEqual(['Vượt', 'Không đạt', 'Vượt']);
  });

  it('is the document model the print view draws: the same texts in the same order', async () => {
    await saveSettings();
    const json = (
      await t.call('GET', `/api/report?unit=${ids.root.id}&period=2024&format=json&asOf=${AS_OF}`)
    ).body;
    const settings = (await t.call('GET', `/api/units/${ids.root.id}/report-settings`)).body.settings;
    const expected = documentTexts(reportDocument(json, settings, '2025-01-05'));
    const { paragraphs } = await openDocx(await (await docx('2024', '&date=2025-01-05')).arrayBuffer());
    // The star under the issuer and the rule under the subject are drawn, not said.
    expect(paragraphs.filter((p) => p !== '*' && p !== '-----')).toEqual(expected);
  });

  it('is laid out as an administrative document: A4, Times New Roman, the margins, the header row repeated', async () => {
    const { xml, zip } = await openDocx(await (await docx('2024')).arrayBuffer());
    const size = /<w:pgSz w:w="(\d+)" w:h="(\d+)"/.exec(xml)!;
    expect(twipsToMm(Number(size[1]))).toBeCloseTo(210, 0);
    expect(twipsToMm(Number(size[2]))).toBeCloseTo(297, 0);
    const margin = (side: string) =>
      twipsToMm(Number(new RegExp(`<w:pgMar[^>]* w:${side}="(\\d+)"`).exec(xml)![1]));
    expect(margin('top')).toBeCloseTo(20, 0);
    expect(margin('bottom')).toBeCloseTo(20, 0);
    expect(margin('left')).toBeCloseTo(30, 0);
    expect(margin('right')).toBeCloseTo(15, 0);
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toContain('w:ascii="Times New Roman"');
    // Body text 14 pt (28 half-points); every run names the font.
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*<w:sz w:val="28"\/>/);
    const runs = [...xml.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)]
      .map((m) => m[0])
      .filter((r) => r.includes('<w:t'));
    expect(runs.every((r) => r.includes('w:ascii="Times New Roman"'))).toBe(true);
    // The national header underlined and bold; the verdicts in bold.
    const nation = runsWith(xml, 'ĐẢNG CỘNG SẢN VIỆT NAM')[0]!;
    expect(nation).toContain('<w:u w:val="single"/>');
    expect(nation).toContain('<w:b/>');
    expect(runsWith(xml, '>Không đạt<')[0]).toContain('<w:b/>');
    // The table's header row repeats on every page and its rows do not split.
    expect(xml).toMatch(/<w:trPr>(?:(?!<\/w:trPr>)[\s\S])*<w:tblHeader\/>/);
    expect(xml).toContain('<w:cantSplit/>');
  });

  it('leaves the number, the place and the date to fill in by hand when none is given', async () => {
    const { paragraphs } = await openDocx(await (await docx('2024', '&date=')).arrayBuffer());
    expect(paragraphs).toContain('ĐẢNG ỦY TRƯỜNG THỬ');
    expect(paragraphs.some((p) => /^Số\s+-BC\/ĐU$/.test(p))).toBe(true);
    expect(paragraphs.some((p) => /^………, ngày \d{2} tháng \d{2} năm \d{4}$/.test(p))).toBe(true);
  });

  it('reports a running term at its mid-term date with each target’s cumulative result and pace', async () => {
    const root = ids.root.id;
    await put('targets', root, 'KET_NAP', 'NK2025-2030', { value: 10 });
    await put('results', root, 'KET_NAP', '2026', { value: 4 });
    await put('targets', root, 'XL', 'NK2025-2030', { value: 'Vững mạnh' });
    await put('results', root, 'XL', '2026', { value: 'Vững mạnh' });
    // 2027-12-31: 1.095 of the 2.191 days from 2025 to the end of 2030, 49,98% of the term gone.
    const text = (await t.call('GET', `/api/report?unit=${root}&period=NK2025-2030&asOf=2027-12-31`))
      .body as string;
    expect(text).toContain(
      '- Số đảng viên mới kết nạp đạt 10 đảng viên: Chưa đạt. Thực hiện: số đảng viên mới kết nạp lũy kế 04 đảng viên, kế hoạch 10 đảng viên, đạt 40% kế hoạch, chậm tiến độ (đã qua 49,98% thời gian).',
    );
    expect(text).toContain(
      '- Xếp loại đoàn thể đạt Vững mạnh: Đạt. Thực hiện: xếp loại đoàn thể Vững mạnh (kỳ gần nhất), kế hoạch Vững mạnh, đúng tiến độ (đã qua 49,98% thời gian).',
    );
    expect(text).toContain('Có 1/2 chỉ tiêu đúng tiến độ so với kế hoạch nhiệm kỳ 2025–2030.');
    const { paragraphs } = await openDocx(
      await (
        await t.raw('GET', `/api/report?unit=${root}&period=NK2025-2030&format=docx&asOf=2027-12-31`)
      ).arrayBuffer(),
    );
    expect(paragraphs).toContain('Kết quả thực hiện các chỉ tiêu chủ yếu nhiệm kỳ 2025–2030');
    expect(paragraphs.some((p) => p.includes('lũy kế 04 đảng viên') && p.includes('chậm tiến độ'))).toBe(
      true,
    );
    // Once the term is over, no pace: the verdict is final.
    const after = (await t.call('GET', `/api/report?unit=${root}&period=NK2025-2030&asOf=2031-01-01`))
      .body as string;
    expect(after).not.toContain('tiến độ');
    expect(after).toContain('Không đạt');
  });

  it('says a period with nothing in one sentence, and refuses to make a document of it', async () => {
    const text = (await t.call('GET', `/api/report?unit=${ids.root.id}&period=2019&asOf=${AS_OF}`)).body;
    expect(text).toBe(
      [
        'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU',
        'Đảng bộ Trường Thử — Năm 2019',
        '(Số liệu tính đến ngày 31 tháng 12 năm 2019)',
        '',
        'Năm 2019, Đảng bộ Trường Thử chưa có chỉ tiêu nào được giao và chưa có kết quả nào được báo cáo.',
        '',
      ].join('\n'),
    );
    const json = (
      await t.call('GET', `/api/report?unit=${ids.root.id}&period=2019&format=json&asOf=${AS_OF}`)
    ).body;
    expect(json.empty).toBe(true);
    const res = await t.call('GET', `/api/report?unit=${ids.root.id}&period=2019&format=docx&asOf=${AS_OF}`);
    expectRefusal(res, 422, 'empty_report');
    expect(res.body.error.message).toBe(
      'Đảng bộ Trường Thử chưa có chỉ tiêu, kết quả nào trong năm 2019: chưa có gì để lập báo cáo.',
    );
  });

  it('without a target, results alone are listed and nothing is counted as 0/0', async () => {
    await put('results', ids.a.id, 'KET_NAP', '2023', { value: 1 });
    const text = (await t.call('GET', `/api/report?unit=${ids.a.id}&period=2023&asOf=${AS_OF}`))
      .body as string;
    expect(text).toContain('Các kết quả khác:\n+ Số đảng viên mới kết nạp: 01 đảng viên.\n');
    expect(text).not.toContain('0/0');
    expect(text.trim().split('\n').at(-1)).toBe('Chưa có chỉ tiêu nào được giao trong năm 2023.');
  });

  it('the workbook says the same: the other results, and an empty period in its one sentence', async () => {
    const texts = async (period: string) => {
      const res = await t.raw(
        'GET',
        `/api/report?unit=${ids.root.id}&period=${period}&format=xlsx&asOf=${AS_OF}`,
      );
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await res.arrayBuffer());
      const out: string[] = [];
      wb.getWorksheet('Báo cáo')!.eachRow((row) => {
        const first = (row.values as unknown[])[1];
        if (typeof first === 'string') out.push(first);
      });
      return out;
    };
    const year = await texts('2024');
    expect(year.indexOf('+ Số đảng viên bị kỷ luật: 01 đảng viên.')).toBe(
      year.indexOf('Các kết quả khác:') + 1,
    );
    expect(year.indexOf('Các kết quả khác:')).toBeLessThan(
      year.indexOf('Có 2/3 chỉ tiêu chủ yếu đạt và vượt (66,67%).'),
    );
    expect(await texts('2019')).toEqual([
      'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU',
      'Đảng bộ Trường Thử — Năm 2019',
      '(Số liệu tính đến ngày 31 tháng 12 năm 2019)',
      'Năm 2019, Đảng bộ Trường Thử chưa có chỉ tiêu nào được giao và chưa có kết quả nào được báo cáo.',
    ]);
  });

  it('refuses an unknown format, a malformed date, a unit outside one’s rights', async () => {
    const root = ids.root.id;
    const pdf = await t.call('GET', `/api/report?unit=${root}&period=2024&format=pdf`);
    expectRefusal(pdf, 400, 'invalid_format');
    expect(pdf.body.error.message).toBe('Định dạng "pdf" không hợp lệ: dùng text, json, xlsx hoặc docx.');
    const date = await t.call('GET', `/api/report?unit=${root}&period=2024&format=docx&date=2025-02-30`);
    expectRefusal(date, 400, 'invalid_date');
    expect(date.body.error.field).toBe('date');
    const viewerOfB = t.as([{ role: 'viewer', unitId: ids.b.id }]);
    expectRefusal(
      await viewerOfB.call('GET', `/api/report?unit=${root}&period=2024&format=docx`),
      403,
      'forbidden',
    );
    expectRefusal(
      await viewerOfB.call('GET', `/api/report?unit=${ids.a.id}&period=2024&format=docx`),
      403,
      'forbidden',
    );
    expectRefusal(
      await t.anonymous.call('GET', `/api/report?unit=${root}&period=2024&format=docx`),
      401,
      'unauthenticated',
    );
    expectRefusal(
      await t.call('GET', `/api/report?unit=${root}&period=2024-H3&format=docx`),
      400,
      'invalid_period',
    );
  });
});
