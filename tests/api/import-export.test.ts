import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { IMPORT_HEADER } from '../../shared/import-export';
import { type Caller, seedBasics, type TestApp, testApp } from '../helpers/app';
import { expectRefusal } from '../helpers/expect';

// POST /api/import, GET /api/export and GET /api/import/template: a spreadsheet of targets
// and results in, the same layout out, all or nothing, every refusal naming its rows.

let t: TestApp;
let ids: Awaited<ReturnType<typeof seedBasics>>;
beforeEach(async () => {
  t = testApp();
  ids = await seedBasics(t);
});

const A = 'Đảng bộ Trường Thử / Chi bộ A';
const B = 'Đảng bộ Trường Thử / Chi bộ B';

const csv = (...rows: string[]) => [IMPORT_HEADER, ...rows].join('\n');

async function upload(
  content: string | Uint8Array,
  { name = 'so-lieu.csv', dryRun = false, as = t as Caller } = {},
): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.append('file', new File([content as BlobPart], name));
  const res = await as.raw('POST', `/api/import${dryRun ? '?dryRun=1' : ''}`, { body: form });
  return { status: res.status, body: await res.json() };
}

async function xlsx(rows: (string | number | null)[][], setup?: (sheet: ExcelJS.Worksheet) => void) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Số liệu');
  sheet.addRow(IMPORT_HEADER.split(','));
  for (const r of rows) sheet.addRow(r);
  setup?.(sheet);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

const values = async (unit: string, period = '2025') => {
  const res = await t.call('GET', `/api/values?unit=${unit}&period=${period}`);
  return {
    targets: res.body.targets.map((x: any) => [x.code, x.display]),
    results: res.body.results.map((x: any) => [x.code, x.display, x.note]),
  };
};

async function download(path: string) {
  const res = await t.raw('GET', path);
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

// Keeps the byte order mark, which the default decoder would swallow.
const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

/** The first bad rows' [row, column] pairs. */
const at = (body: any) => body.errors.map((e: any) => [e.row, e.column]);

describe('POST /api/import', () => {
  it('imports targets and results from a CSV: names from the root, ids, names without diacritics, decimal commas', async () => {
    const res = await upload(
      csv(
        `${A},HTT,2025,target,90,,,`,
        `dang bo truong thu / chi bo a,HTT,2025,result,,18,20,"Theo biên bản, số 12"`,
        `${ids.b.id},KH,2025,target,"92,5",,,`,
        `${B},KH,2025,result,93.75,,,`,
        `${B},xl,2025,target,vung manh,,,`,
        `${B},KET_NAP,2025-H1,result,2,,,`,
      ),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      rows: 6,
      written: 6,
      dryRun: false,
      counts: { create: 6, update: 0, delete: 0, same: 0, skipped: 0 },
      changesTotal: 6,
    });
    expect(await values(ids.a.id)).toEqual({
      targets: [['HTT', '90%']],
      results: [['HTT', '90%', 'Theo biên bản, số 12']],
    });
    expect(await values(ids.b.id)).toEqual({
      targets: [
        ['KH', '92,5%'],
        ['XL', 'Vững mạnh'],
      ],
      results: [['KH', '93,75%', null]],
    });
    expect((await values(ids.b.id, '2025-H1')).results).toEqual([['KET_NAP', '2', null]]);
  });

  it('imports an XLSX whose numbers are number cells, a percentage cell included', async () => {
    const file = await xlsx(
      [
        [A, 'KET_NAP', '2025', 'target', 3, null, null, null],
        [A, 'KET_NAP', 2025, 'result', 2, null, null, 'Kết nạp 02 quần chúng'],
        [A, 'HTT', '2025', 'result', null, 9, 10, null],
        [A, 'KH', '2025', 'target', 0.925, null, null, null],
      ],
      (sheet) => {
        sheet.getCell('E5').numFmt = '0.0%';
      },
    );
    const res = await upload(file, { name: 'so-lieu.xlsx' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.written).toBe(4);
    expect(await values(ids.a.id)).toEqual({
      targets: [
        ['KET_NAP', '3'],
        ['KH', '92,5%'],
      ],
      results: [
        ['HTT', '90%', null],
        ['KET_NAP', '2', 'Kết nạp 02 quần chúng'],
      ],
    });
  });

  it('reads an XLSX as Excel saves it: the header on a later sheet, rich text, formulas by their results, dates, Vietnamese across the whole file', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Ghi chú').addRow(['Bảng này gửi Đảng ủy trước ngày 20/12.']);
    const sheet = workbook.addWorksheet('Số liệu');
    sheet.addRow(IMPORT_HEADER.split(','));
    // A long run of Vietnamese before the rows, so that the file's characters fall across the
    // pieces it is read in.
    const longNote = 'Đã họp chi bộ, thống nhất đánh giá xếp loại cuối năm; '.repeat(30).trim();
    sheet.addRow([
      { richText: [{ text: 'Đảng bộ Trường Thử / ' }, { font: { bold: true }, text: 'Chi bộ A' }] },
      'KET_NAP',
      '2025',
      'target',
      { formula: '1+2', result: 3 },
    ]);
    sheet.addRow([
      A,
      { formula: '"HTT"', result: 'HTT' },
      '2025',
      'result',
      null,
      9,
      10,
      new Date('2025-12-15'),
    ]);
    sheet.addRow([B, 'KH', 2025, 'result', 0.9375, null, null, longNote]);
    sheet.getCell('E4').numFmt = '0.00%';
    for (let i = 0; i < 300; i++) sheet.addRow([]);
    sheet.addRow([B, 'XL', '2025', 'target', 'Vững mạnh']);
    // 80 notes of nearly 2.000 characters, each its own: about 280 KB of shared strings, read
    // in pieces that split the characters of more than one byte.
    const quarters = [2021, 2022, 2023, 2024].flatMap((y) =>
      [1, 2, 3, 4].flatMap((q) => [`${y}-Q${q}`]).concat([`${y}-H1`, `${y}-H2`, `${y}`]),
    );
    const notes = new Map<string, string>();
    for (const [i, period] of [...quarters, ...quarters.slice(0, 80 - quarters.length)].entries()) {
      const unit = i < quarters.length ? A : B;
      const note =
        `Ghi chú số ${i}: ${'Đảng viên được đánh giá, xếp loại chất lượng đúng quy định; '.repeat(32)}`
          .slice(0, 1990)
          .trimEnd();
      notes.set(`${unit}|${period}`, note);
      sheet.addRow([unit, 'KET_NAP', period, 'result', 1, null, null, note]);
    }
    const file = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const res = await upload(file, { name: 'so-lieu.xlsx' });
    expect(res.status, JSON.stringify(res.body).slice(0, 2000)).toBe(200);
    expect(res.body).toMatchObject({ rows: 4 + notes.size, written: 4 + notes.size });
    for (const c of res.body.changes.filter((c: any) => c.code === 'KET_NAP' && c.type === 'result')) {
      const unit = c.unit.id === ids.a.id ? A : B;
      expect(c.after.note).toBe(notes.get(`${unit}|${c.period}`));
    }
    expect(await values(ids.a.id)).toEqual({
      targets: [['KET_NAP', '3']],
      results: [['HTT', '90%', '15/12/2025']],
    });
    expect(await values(ids.b.id)).toEqual({
      targets: [['XL', 'Vững mạnh']],
      results: [['KH', '93,75%', longNote]],
    });
    expect(res.body.changes.map((c: any) => c.row).slice(0, 4)).toEqual([2, 3, 4, 305]);
  });

  it('names the header of the first sheet when no sheet has the import header', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Trang 1').addRow(['đơn vị', 'mã']);
    workbook.addWorksheet('Trang 2').addRow(['x']);
    const file = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const res = await upload(file, { name: 'so-lieu.xlsx' });
    expectRefusal(res, 400, 'invalid_header');
    expect(res.body.error.message).toContain('tệp này ghi "đơn vị,mã"');
  });

  it('with dryRun writes nothing and shows what would change, before and after', async () => {
    await t.call('PUT', `/api/targets/${ids.a.id}/KET_NAP/2025`, { value: 2 });
    await t.call('PUT', `/api/targets/${ids.a.id}/HTT/2025`, { value: 90 });
    await t.call('PUT', `/api/results/${ids.a.id}/XL/2025`, { value: 'Khá' });
    const file = csv(
      `${A},KET_NAP,2025,target,3,,,`,
      `${A},HTT,2025,target,90,,,`,
      `${A},XL,2025,result,xóa,,,`,
      `${A},KH,2025,target,95,,,`,
      `${A},KH,2025,result,,,,`,
    );
    const before = t.snapshot();
    const res = await upload(file, { dryRun: true });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(t.snapshot()).toBe(before);
    expect(res.body).toMatchObject({
      rows: 5,
      written: 3,
      dryRun: true,
      counts: { create: 1, update: 1, delete: 1, same: 1, skipped: 1 },
    });
    // What changes first, in file order, then what stays.
    expect(
      res.body.changes.map((c: any) => [
        c.row,
        c.code,
        c.type,
        c.action,
        c.before?.display ?? null,
        c.after?.display ?? null,
      ]),
    ).toEqual([
      [2, 'KET_NAP', 'target', 'update', '2', '3'],
      [4, 'XL', 'result', 'delete', 'Khá', null],
      [5, 'KH', 'target', 'create', null, '95%'],
      [3, 'HTT', 'target', 'same', '90%', '90%'],
    ]);
    expect(res.body.changes[0]).toMatchObject({
      unit: { id: ids.a.id, name: 'Chi bộ A' },
      indicatorName: 'Số đảng viên mới kết nạp',
      period: '2025',
    });

    const real = await upload(file);
    expect(real.body).toMatchObject({ written: 3, dryRun: false });
    expect(await values(ids.a.id)).toEqual({
      targets: [
        ['HTT', '90%'],
        ['KET_NAP', '3'],
        ['KH', '95%'],
      ],
      results: [],
    });
    // The same file again changes nothing.
    const again = await upload(file);
    expect(again.body).toMatchObject({ written: 0, counts: { create: 0, update: 0, delete: 0, same: 4 } });
  });

  it('records every imported change in the history, by whom, before and after', async () => {
    await t.call('PUT', `/api/results/${ids.a.id}/HTT/2025`, { numerator: 8, denominator: 10 });
    const res = await upload(
      csv(`${A},HTT,2025,result,,9,10,Biên bản họp chi bộ`, `${A},HTT,2025,target,90,,,`),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const history = await t.call('GET', `/api/history?unit=${ids.a.id}&code=HTT&period=2025`);
    const changes = history.body.changes.map((c: any) => [
      c.type,
      c.action,
      c.user,
      c.before?.display ?? null,
      c.after?.display ?? null,
      c.note,
    ]);
    expect(changes).toEqual([
      ['target', 'create', 'admin', null, '90%', null],
      ['result', 'update', 'admin', '80%', '90%', 'Biên bản họp chi bộ'],
      ['result', 'create', 'admin', null, '80%', null],
    ]);
    expect(history.body.changes[1].after).toMatchObject({ numerator: 9, denominator: 10, version: 2 });
  });

  it('skips rows without a value, so a template sent back half filled removes nothing; "xóa" removes', async () => {
    await t.call('PUT', `/api/results/${ids.a.id}/KET_NAP/2025`, { value: 2 });
    await t.call('PUT', `/api/results/${ids.a.id}/KH/2025`, { value: 80 });
    const res = await upload(
      csv(`${A},KET_NAP,2025,result,,,,`, `${A},KH,2025,result,XOA,,,`, ',,,,,,,', ''),
    );
    expect(res.body).toMatchObject({ rows: 2, written: 1, counts: { delete: 1, skipped: 1 } });
    expect((await values(ids.a.id)).results).toEqual([['KET_NAP', '2', null]]);
  });

  it('refuses a file of 5.000 rows with one bad row, names its row and column, and writes nothing', async () => {
    const rows: string[] = [];
    for (let i = 0; i < 625; i++) {
      const period = `${1950 + Math.floor(i / 4)}-Q${(i % 4) + 1}`;
      for (const unit of [A, B])
        rows.push(
          `${unit},KET_NAP,${period},target,${i % 7},,,`,
          `${unit},KET_NAP,${period},result,${i % 5},,,Báo cáo quý`,
          `${unit},HTT,${period},target,${80 + (i % 20)},,,`,
          `${unit},HTT,${period},result,,${i % 10},10,`,
        );
    }
    const good = csv(...rows);
    const check = await upload(good, { dryRun: true });
    expect(check.status, JSON.stringify(check.body).slice(0, 500)).toBe(200);
    expect(check.body.rows).toBe(5000);

    expect(rows[3999]).toMatch(/,HTT,.*,result,/);
    rows[3999] = `${B},HTT,2150-Q1,result,,11,10,`;
    const before = t.snapshot();
    const res = await upload(csv(...rows));
    expectRefusal(res, 400, 'invalid_rows');
    expect(res.body.errors).toEqual([
      {
        row: 4001,
        column: 'numerator',
        message:
          'Tử số của chỉ tiêu "Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên" không được lớn hơn mẫu số (11 lớn hơn 10).',
      },
    ]);
    expect(res.body.errorCount).toBe(1);
    expect(res.body.error.message).toContain('dòng 4001, cột tử số (numerator)');
    expect(t.snapshot()).toBe(before);
  });

  it('names every bad row and column: unknown unit, code and period, three decimals, "1.500", a level off the scale', async () => {
    const before = t.snapshot();
    const res = await upload(
      csv(
        `Chi bộ A,KET_NAP,2025,target,1,,,`,
        `${A},KHONG_CO,2025,target,1,,,`,
        `${A},KET_NAP,2025-H3,target,1,,,`,
        `${A},KH,2025,target,92.125,,,`,
        `${A},KET_NAP,2025,target,1.500,,,`,
        `${A},XL,2025,target,Xuất sắc,,,`,
        `${A},KET_NAP,2025,result,2.5,,,`,
        `${A},HTT,2025,result,90,,,`,
        `${A},KET_NAP,2025,plan,1,,,`,
        `,KET_NAP,2025,target,1,,,`,
        `${A},HTT,2025,target,90,9,10,`,
      ),
    );
    expectRefusal(res, 400, 'invalid_rows');
    expect(at(res.body)).toEqual([
      [2, 'unit'],
      [3, 'code'],
      [4, 'period'],
      [5, 'value'],
      [6, 'value'],
      [7, 'value'],
      [8, 'value'],
      [9, 'value'],
      [10, 'type'],
      [11, 'unit'],
      [12, 'numerator'],
      [12, 'denominator'],
    ]);
    const messages = res.body.errors.map((e: any) => e.message);
    expect(messages[0]).toBe(
      `Không tìm thấy đơn vị "Chi bộ A"; cột unit ghi tên các đơn vị từ cấp trên cùng, nối bằng " / ", ví dụ "${A}".`,
    );
    expect(messages[1]).toBe('Không có chỉ tiêu nào mã "KHONG_CO".');
    expect(messages[2]).toMatch(/2025-H3/);
    expect(messages[3]).toMatch(/^Số "92\.125" có ba chữ số sau dấu chấm/);
    expect(messages[4]).toMatch(/một nghìn năm trăm viết là 1500/);
    expect(messages[5]).toBe(
      'Chỉ tiêu "Xếp loại đoàn thể" xếp loại theo một trong các mức "Khá", "Vững mạnh", "Vững mạnh tiêu biểu"; giá trị "Xuất sắc" không hợp lệ.',
    );
    expect(messages[6]).toMatch(/số nguyên không âm; "2\.5" không hợp lệ/);
    expect(messages[7]).toMatch(/hãy nhập tử số và mẫu số/);
    expect(messages[8]).toMatch(/target \(kế hoạch\) hoặc result \(kết quả\)/);
    expect(t.snapshot()).toBe(before);
  });

  it('refuses two rows for the same unit, indicator, period and type, naming both', async () => {
    const before = t.snapshot();
    const res = await upload(
      csv(
        `${A},KET_NAP,2025,target,1,,,`,
        `${A},KET_NAP,2025,result,1,,,`,
        `${ids.a.id},KET_NAP,2025,target,2,,,`,
      ),
    );
    expectRefusal(res, 400, 'invalid_rows');
    expect(res.body.errors).toEqual([
      {
        row: 4,
        column: null,
        message: 'Trùng với dòng 2: cùng đơn vị, mã chỉ tiêu, kỳ và loại; mỗi giá trị chỉ ghi một dòng.',
      },
    ]);
    expect(t.snapshot()).toBe(before);
  });

  it('refuses a reporter importing targets and anyone writing outside their units, with 403 and the rows', async () => {
    const reporter = t.as([{ role: 'reporter', unitId: ids.a.id }]);
    const before = t.snapshot();
    const res = await upload(
      csv(`${A},KET_NAP,2025,result,2,,,`, `${A},KET_NAP,2025,target,3,,,`, `${B},KET_NAP,2025,result,1,,,`),
      { as: reporter },
    );
    expectRefusal(res, 403, 'forbidden');
    expect(res.body.errors).toEqual([
      {
        row: 3,
        column: 'type',
        message: 'Bạn chỉ được báo cáo kết quả cho "Chi bộ A", không được giao chỉ tiêu (type target).',
      },
      { row: 4, column: 'unit', message: 'Bạn không có quyền báo cáo kết quả (type result) cho "Chi bộ B".' },
    ]);
    expect(t.snapshot()).toBe(before);

    // The Đảng bộ's template, with only A's row filled: the empty rows of B are left alone.
    const own = await upload(csv(`${A},KET_NAP,2025,result,2,,,`, `${B},KET_NAP,2025,result,,,,`), {
      as: reporter,
    });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(own.body).toMatchObject({ rows: 2, written: 1, counts: { create: 1, skipped: 1 } });
    const viewer = t.as([{ role: 'viewer', unitId: ids.root.id }]);
    expectRefusal(await upload(csv(`${A},KET_NAP,2025,result,3,,,`), { as: viewer }), 403, 'forbidden');
  });

  it('refuses rows in a locked period with 423 and writes none of the others', async () => {
    await t.call('PUT', `/api/locks/${ids.root.id}/2024`);
    const before = t.snapshot();
    const res = await upload(
      csv(
        `${A},KET_NAP,2025,result,2,,,`,
        `${A},KET_NAP,2024-H2,result,2,,,`,
        `${B},KET_NAP,2024,target,1,,,`,
      ),
    );
    expectRefusal(res, 423, 'period_locked');
    expect(at(res.body)).toEqual([
      [3, 'period'],
      [4, 'period'],
    ]);
    expect(res.body.errors[0].message).toMatch(
      /^Số liệu 6 tháng cuối năm 2024 của Chi bộ A đã được khóa cùng năm 2024 của Đảng bộ Trường Thử/,
    );
    expect(t.snapshot()).toBe(before);
    // A bad row outranks the lock: the file must be corrected first, and both are listed.
    const mixed = await upload(csv(`${A},KET_NAP,2025,result,-1,,,`, `${A},KET_NAP,2024,result,2,,,`));
    expectRefusal(mixed, 400, 'invalid_rows');
    expect(at(mixed.body)).toEqual([
      [2, 'value'],
      [3, 'period'],
    ]);
  });

  it('refuses a wrong header, a file that is no spreadsheet, an empty one, and a missing file, in one sentence', async () => {
    const before = t.snapshot();
    const wrong = await upload('don_vi,ma,ky,loai,gia_tri\n1,KET_NAP,2025,target,1\n');
    expectRefusal(wrong, 400, 'invalid_header');
    expect(wrong.body.error.message).toBe(
      `Dòng tiêu đề của tệp sai: dòng đầu tiên phải đúng là ${IMPORT_HEADER}, tệp này ghi "don_vi,ma,ky,loai,gia_tri".`,
    );
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]);
    expectRefusal(await upload(png, { name: 'anh.png' }), 400, 'unsupported_file');
    expectRefusal(
      await upload(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), { name: 'cu.xls' }),
      400,
      'unsupported_file',
    );
    const latin = new Uint8Array([...new TextEncoder().encode(`${IMPORT_HEADER}\n`), 0xd0, 0xe3, 0x6e, 0x67]);
    expectRefusal(await upload(latin, { name: 'windows.csv' }), 400, 'invalid_encoding');
    expectRefusal(await upload(`${IMPORT_HEADER}\n\n`), 400, 'empty_file');
    expectRefusal(await upload(''), 400, 'empty_file');
    const noFile = await t.raw('POST', '/api/import', { body: new FormData() });
    expectRefusal({ status: noFile.status, body: await noFile.json() }, 400, 'missing_file');
    const json = await t.call('POST', '/api/import', { file: 'unit,code' });
    expectRefusal(json, 400, 'missing_file');
    expect(t.snapshot()).toBe(before);
  });

  it('refuses a file above 20 MB with 413 and a sentence', async () => {
    const big = new Uint8Array(21 * 1024 * 1024).fill(0x41);
    const res = await upload(big);
    expectRefusal(res, 413, 'payload_too_large');
    expect(res.body.error.message).toMatch(/20 MB/);
  });

  it('reads a CSV saved by Excel with semicolons and a byte order mark, and an unclosed quote is a bad row', async () => {
    const semicolons = `\uFEFF${IMPORT_HEADER.replaceAll(',', ';')}\r\n${A};KH;2025;target;92,5;;;\r\n`;
    const res = await upload(semicolons);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await values(ids.a.id)).targets).toEqual([['KH', '92,5%']]);
    const before = t.snapshot();
    const quote = await upload(csv(`${A},KET_NAP,2025,result,2,,,"Chưa đóng ngoặc`));
    expectRefusal(quote, 400, 'invalid_rows');
    expect(at(quote.body)).toEqual([[2, null]]);
    expect(t.snapshot()).toBe(before);
  });
});

describe('GET /api/export', () => {
  async function fill() {
    const put = (path: string, body: unknown) => t.call('PUT', path, body);
    await put(`/api/targets/${ids.b.id}/KET_NAP/2025`, { value: 2 });
    await put(`/api/targets/${ids.a.id}/XL/2025`, { value: 'Vững mạnh' });
    await put(`/api/results/${ids.a.id}/XL/2025`, { value: 'Vững mạnh tiêu biểu' });
    await put(`/api/targets/${ids.a.id}/HTT/2025`, { value: 66.67 });
    await put(`/api/results/${ids.a.id}/HTT/2025`, {
      numerator: 2,
      denominator: 3,
      note: '=Biên bản "số 5", ngày 05/02/2026',
    });
    await put(`/api/results/${ids.a.id}/KH/2025`, { value: 1234.5, note: 'Hai dòng\nghi chú' });
    await put(`/api/targets/${ids.root.id}/KET_NAP/2025`, { value: 5 });
    await put(`/api/targets/${ids.a.id}/KET_NAP/2024`, { value: 1 });
  }

  it('writes the subtree in tree order, then indicator order, target before result, as a CSV Excel reads', async () => {
    await fill();
    const { res, bytes } = await download(`/api/export?unit=${ids.root.id}&period=2025&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="so-lieu-dang-bo-truong-thu-nam-2025.csv"; filename*=UTF-8''${encodeURIComponent('Số liệu - Đảng bộ Trường Thử - Năm 2025.csv')}`,
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text(bytes).slice(1).split('\r\n')).toEqual([
      IMPORT_HEADER,
      'Đảng bộ Trường Thử,KET_NAP,2025,target,5,,,',
      `${A},HTT,2025,target,66.67,,,`,
      `${A},HTT,2025,result,,2,3,"'=Biên bản ""số 5"", ngày 05/02/2026"`,
      `${A},KH,2025,result,1234.5,,,"Hai dòng\nghi chú"`,
      `${A},XL,2025,target,Vững mạnh,,,`,
      `${A},XL,2025,result,Vững mạnh tiêu biểu,,,`,
      `${B},KET_NAP,2025,target,2,,,`,
      '',
    ]);
  });

  it('round trip in CSV: the export imports back unchanged and exports again to the same bytes', async () => {
    await fill();
    const first = (await download(`/api/export?unit=${ids.root.id}&period=2025`)).bytes;
    const before = t.snapshot();
    const res = await upload(first, { name: 'xuat.csv' });
    expect(res.body).toMatchObject({ rows: 7, written: 0, counts: { same: 7 } });
    expect(t.snapshot()).toBe(before);
    const second = (await download(`/api/export?unit=${ids.root.id}&period=2025`)).bytes;
    expect(text(second)).toBe(text(first));

    // Emptied, then imported again, the database holds the same values as before.
    const history = (await t.call('GET', `/api/history?unit=${ids.a.id}&code=HTT&period=2025`)).body.changes
      .length;
    await t.call('DELETE', `/api/results/${ids.a.id}/HTT/2025`);
    await t.call('DELETE', `/api/targets/${ids.a.id}/XL/2025`);
    expect((await upload(first)).body.written).toBe(2);
    expect(text((await download(`/api/export?unit=${ids.root.id}&period=2025`)).bytes)).toBe(text(first));
    const after = (await t.call('GET', `/api/history?unit=${ids.a.id}&code=HTT&period=2025`)).body.changes;
    expect(after).toHaveLength(history + 2);
    expect(after[0].after.note).toBe('=Biên bản "số 5", ngày 05/02/2026');
  });

  it('round trip in XLSX: number cells, imported back unchanged, exported again byte for byte', async () => {
    await fill();
    const { res, bytes: first } = await download(`/api/export?unit=${ids.root.id}&period=2025&format=xlsx`);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(first) as never);
    const sheet = workbook.getWorksheet('Số liệu')!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...IMPORT_HEADER.split(',')]);
    expect(sheet.getRow(3).values).toEqual([undefined, A, 'HTT', '2025', 'target', 66.67]);
    expect(sheet.getRow(4).getCell(6).value).toBe(2);
    expect(sheet.getRow(5).getCell(5).value).toBe(1234.5);

    const before = t.snapshot();
    const back = await upload(first, { name: 'xuat.xlsx' });
    expect(back.body).toMatchObject({ rows: 7, written: 0 });
    expect(t.snapshot()).toBe(before);
    const second = (await download(`/api/export?unit=${ids.root.id}&period=2025&format=xlsx`)).bytes;
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it('writes the id where the names would not find the unit again', async () => {
    const twin = (
      await t.call('POST', '/api/units', { parentId: ids.root.id, name: 'Chi bộ A', kind: 'chi_bo' })
    ).body.unit;
    await t.call('PUT', `/api/targets/${twin.id}/KET_NAP/2025`, { value: 1 });
    await t.call('PUT', `/api/targets/${ids.a.id}/KET_NAP/2025`, { value: 2 });
    const lines = text((await download(`/api/export?unit=${ids.root.id}&period=2025`)).bytes).split('\r\n');
    expect(lines.slice(1, 3)).toEqual([
      `${ids.a.id},KET_NAP,2025,target,2,,,`,
      `${twin.id},KET_NAP,2025,target,1,,,`,
    ]);
    // And the names alone are refused as ambiguous, pointing at the ids.
    const res = await upload(csv(`${A},KET_NAP,2025,target,3,,,`));
    expect(res.body.errors[0].message).toBe(
      `Có 2 đơn vị cùng tên "${A}"; hãy ghi mã đơn vị (${ids.a.id} hoặc ${twin.id}) thay cho tên.`,
    );
  });

  it('refuses an unknown unit, a bad period or format, and a unit outside the reader', async () => {
    expectRefusal(await t.call('GET', `/api/export?unit=999&period=2025`), 404, 'unit_not_found');
    expectRefusal(await t.call('GET', `/api/export?unit=${ids.a.id}&period=2025-H3`), 400, 'invalid_period');
    expectRefusal(
      await t.call('GET', `/api/export?unit=${ids.a.id}&period=2025&format=pdf`),
      400,
      'invalid_format',
    );
    const other = t.as([{ role: 'viewer', unitId: ids.b.id }]);
    expectRefusal(await other.call('GET', `/api/export?unit=${ids.a.id}&period=2025`), 403, 'forbidden');
  });
});

describe('GET /api/import/template', () => {
  it('hands out one result row per target of the subtree, with instructions, that imports back once filled', async () => {
    await t.call('PUT', `/api/targets/${ids.a.id}/HTT/2025`, { value: 90 });
    await t.call('PUT', `/api/targets/${ids.a.id}/KET_NAP/2025`, { value: 2 });
    await t.call('PUT', `/api/results/${ids.a.id}/KET_NAP/2025`, { value: 1 });
    await t.call('PUT', `/api/targets/${ids.b.id}/XL/2025`, { value: 'Vững mạnh' });
    const { res, bytes } = await download(`/api/import/template?unit=${ids.root.id}&period=2025`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="mau-nhap-ket-qua-dang-bo-truong-thu-nam-2025\.xlsx"/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Số liệu', 'Hướng dẫn']);
    const data = workbook.getWorksheet('Số liệu')!;
    const rows: unknown[][] = [];
    data.eachRow((r) => {
      rows.push((r.values as unknown[]).slice(1));
    });
    expect(rows).toEqual([
      IMPORT_HEADER.split(','),
      [A, 'HTT', '2025', 'result'],
      [A, 'KET_NAP', '2025', 'result', 1],
      [B, 'XL', '2025', 'result'],
    ]);
    const guide = workbook.getWorksheet('Hướng dẫn')!;
    const guideText: string[] = [];
    guide.eachRow((r) => {
      guideText.push((r.values as unknown[]).slice(1).join(' | '));
    });
    expect(guideText).toContain(
      '2 | Chi bộ A | HTT | Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên | % | 90% | Tử số (numerator) và mẫu số (denominator), số nguyên',
    );

    // A chi bộ fills it and sends it back.
    data.getCell('F2').value = 9;
    data.getCell('G2').value = 10;
    data.getCell('E4').value = 'Vững mạnh tiêu biểu';
    const filled = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const reporter = t.as([{ role: 'reporter', unitId: ids.root.id }]);
    const back = await upload(filled, { name: 'mau.xlsx', as: reporter });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(back.body).toMatchObject({ rows: 3, written: 2, counts: { create: 2, same: 1 } });
    expect((await values(ids.a.id)).results).toEqual([
      ['HTT', '90%', null],
      ['KET_NAP', '1', null],
    ]);
  });

  it('also comes as CSV, the header alone when nothing is planned', async () => {
    const { bytes } = await download(`/api/import/template?unit=${ids.a.id}&period=2025&format=csv`);
    expect(text(bytes)).toBe(`\uFEFF${IMPORT_HEADER}\r\n`);
  });
});
