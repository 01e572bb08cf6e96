import { beforeEach, describe, expect, it } from 'vitest';
import { IMPORT_HEADER, IMPORT_HEADER_VI } from '../../../shared/import-export';
import { freshApp, ids, t } from '../../helpers/app';
import { expectRefusal } from '../../helpers/expect';
import { A, at, B, csv, upload, values } from '../../helpers/import-export';

// POST /api/import, GET /api/export and GET /api/import/template: a spreadsheet of targets
// and results in, the same layout out, all or nothing, every refusal naming its rows.
// This file: what an import refuses.

beforeEach(freshApp);

describe('POST /api/import', () => {
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
      `Không tìm thấy đơn vị "Chi bộ A"; cột đơn vị (unit) ghi tên các đơn vị từ cấp trên cùng, nối bằng " / ", ví dụ "${A}".`,
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
    expect(messages[8]).toBe(
      'Loại "plan" không hợp lệ: cột loại (type) ghi "kết quả" hoặc result cho kết quả, "chỉ tiêu" (hay "kế hoạch") hoặc target cho chỉ tiêu giao.',
    );
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
        message: 'Bạn chỉ được báo cáo kết quả cho "Chi bộ A", không được giao chỉ tiêu (loại target).',
      },
      { row: 4, column: 'unit', message: 'Bạn không có quyền báo cáo kết quả (loại result) cho "Chi bộ B".' },
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
      `Dòng tiêu đề của tệp sai (thiếu cột "mã chỉ tiêu", "tử số", "mẫu số", "ghi chú"; tên cột viết thiếu dấu: "don_vi" phải ghi là "đơn vị", "ky" phải ghi là "kỳ", "loai" phải ghi là "loại", "gia_tri" phải ghi là "giá trị"; có cột không nhận ra "ma"): dòng đầu tiên phải đúng là ${IMPORT_HEADER_VI}, đủ tám cột theo thứ tự đó; tệp này ghi "don_vi,ma,ky,loai,gia_tri".`,
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
