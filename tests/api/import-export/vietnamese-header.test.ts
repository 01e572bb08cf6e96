import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { COLUMN_NAMES_VI, IMPORT_HEADER, IMPORT_HEADER_VI } from '../../../shared/import-export';
import { freshApp, ids, t } from '../../helpers/app';
import { expectRefusal } from '../../helpers/expect';
import { A, B, download, text, upload, values } from '../../helpers/import-export';

// POST /api/import, GET /api/export and GET /api/import/template: a spreadsheet of targets
// and results in, the same layout out, all or nothing, every refusal naming its rows.
// This file: the header in Vietnamese ("đơn vị,mã chỉ tiêu,kỳ,loại,giá trị,tử số,mẫu số,ghi
// chú"), taken as well as the English one, the type column's Vietnamese words, and a header
// that is neither refused in one sentence.

beforeEach(freshApp);

const withHeader = (header: string, ...rows: string[]) => [header, ...rows].join('\r\n');

async function workbook(header: (string | null)[], rows: (string | number | null)[][]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Số liệu');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('POST /api/import with the Vietnamese header', () => {
  it('reads a CSV headed in Vietnamese, in another case, with spaces and decomposed accents, dry run then for real', async () => {
    // As a Mac may save it (NFD), in capitals here and there, with spaces around the cells.
    const header = ` Đơn vị , MÃ CHỈ TIÊU,Kỳ,loại,Giá Trị,tử số,mẫu số,Ghi chú `.normalize('NFD');
    const file = withHeader(
      `\uFEFF${header}`,
      `${A},HTT,2025,kế hoạch,90,,,`,
      `${A},HTT,2025,kết quả,,18,20,"Theo biên bản, số 12"`,
      `${B},KET_NAP,2025,Chỉ tiêu,3,,,`,
      `${B},KET_NAP,2025,ket qua,2,,,`,
      `${B},XL,2025,target,Vững mạnh,,,`,
      `${B},KH,2025,RESULT,"92,5",,,`,
    );
    const before = t.snapshot();
    const dry = await upload(file, { dryRun: true });
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body).toMatchObject({ rows: 6, written: 6, dryRun: true, counts: { create: 6 } });
    expect(dry.body.changes.map((c: any) => [c.row, c.code, c.type, c.action])).toEqual([
      [2, 'HTT', 'target', 'create'],
      [3, 'HTT', 'result', 'create'],
      [4, 'KET_NAP', 'target', 'create'],
      [5, 'KET_NAP', 'result', 'create'],
      [6, 'XL', 'target', 'create'],
      [7, 'KH', 'result', 'create'],
    ]);
    expect(t.snapshot()).toBe(before);

    const real = await upload(file);
    expect(real.status, JSON.stringify(real.body)).toBe(200);
    expect(real.body).toMatchObject({ rows: 6, written: 6, dryRun: false });
    expect(await values(ids.a.id)).toEqual({
      targets: [['HTT', '90%']],
      results: [['HTT', '90%', 'Theo biên bản, số 12']],
    });
    expect(await values(ids.b.id)).toEqual({
      targets: [
        ['KET_NAP', '3'],
        ['XL', 'Vững mạnh'],
      ],
      results: [
        ['KET_NAP', '2', null],
        ['KH', '92,5%', null],
      ],
    });
  });

  it('reads a CSV saved with semicolons under the Vietnamese header', async () => {
    const res = await upload(
      withHeader(IMPORT_HEADER_VI.replaceAll(',', ';'), `${A};KET_NAP;2025;kết quả;4;;;Đã kết nạp`),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await values(ids.a.id)).results).toEqual([['KET_NAP', '4', 'Đã kết nạp']]);
  });

  it('reads an XLSX headed in Vietnamese, dry run then for real', async () => {
    const file = await workbook(
      ['Đơn vị', 'Mã chỉ tiêu', 'Kỳ', 'Loại', 'Giá trị', 'Tử số', 'Mẫu số', 'Ghi chú'],
      [
        [A, 'KET_NAP', '2025', 'chỉ tiêu', 3, null, null, null],
        [A, 'KET_NAP', 2025, 'kết quả', 2, null, null, 'Kết nạp 02 quần chúng'],
        [A, 'HTT', '2025', 'Kết quả', null, 9, 10, null],
      ],
    );
    const before = t.snapshot();
    const dry = await upload(file, { name: 'so-lieu.xlsx', dryRun: true });
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body).toMatchObject({ rows: 3, written: 3, dryRun: true, counts: { create: 3 } });
    expect(t.snapshot()).toBe(before);

    const real = await upload(file, { name: 'so-lieu.xlsx' });
    expect(real.status, JSON.stringify(real.body)).toBe(200);
    expect(await values(ids.a.id)).toEqual({
      targets: [['KET_NAP', '3']],
      results: [
        ['HTT', '90%', null],
        ['KET_NAP', '2', 'Kết nạp 02 quần chúng'],
      ],
    });
  });

  it('still reads the English header exactly as before, with the Vietnamese type words too', async () => {
    const res = await upload(
      withHeader(IMPORT_HEADER, `${A},KET_NAP,2025,target,3,,,`, `${A},KET_NAP,2025,kết quả,1,,,`),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await values(ids.a.id)).toEqual({
      targets: [['KET_NAP', '3']],
      results: [['KET_NAP', '1', null]],
    });
    const xlsx = await workbook(IMPORT_HEADER.split(','), [
      [B, 'KET_NAP', '2025', 'result', 2, null, null, null],
    ]);
    expect((await upload(xlsx, { name: 'b.xlsx' })).status).toBe(200);
    expect((await values(ids.b.id)).results).toEqual([['KET_NAP', '2', null]]);
  });
});

describe('a header that is neither', () => {
  const refused = async (file: string | Uint8Array, name = 'so-lieu.csv') => {
    const before = t.snapshot();
    const res = await upload(file, { name });
    expectRefusal(res, 400, 'invalid_header');
    expect(t.snapshot()).toBe(before);
    const message: string = res.body.error.message;
    // One sentence.
    expect(message.match(/[.!?](\s|$)/g)).toHaveLength(1);
    return message;
  };
  const row = `${A},KET_NAP,2025,result,1,,,`;

  it('refuses the two languages mixed, naming the columns of each', async () => {
    const mixed = 'đơn vị,mã chỉ tiêu,kỳ,type,value,tử số,mẫu số,ghi chú';
    expect(await refused(withHeader(mixed, row))).toBe(
      `Dòng tiêu đề của tệp trộn tên cột tiếng Việt ("đơn vị", "mã chỉ tiêu", "kỳ", "tử số", "mẫu số", "ghi chú") với tên cột tiếng Anh ("type", "value"): hãy ghi cả tám cột bằng một thứ tiếng, dòng đầu tiên phải là ${IMPORT_HEADER_VI} (hoặc bằng tiếng Anh ${IMPORT_HEADER}); tệp này ghi "${mixed}".`,
    );
    const xlsx = await workbook(
      ['unit', 'mã chỉ tiêu', 'kỳ', 'loại', 'giá trị', 'tử số', 'mẫu số', 'ghi chú'],
      [[A, 'KET_NAP', '2025', 'kết quả', 1, null, null, null]],
    );
    expect(await refused(xlsx, 'a.xlsx')).toMatch(
      /^Dòng tiêu đề của tệp trộn tên cột tiếng Việt \("mã chỉ tiêu", .*\) với tên cột tiếng Anh \("unit"\)/,
    );
  });

  it('refuses a missing column, naming it, in either language, in a CSV and an XLSX', async () => {
    const noNote = IMPORT_HEADER_VI.replace(',ghi chú', '');
    expect(await refused(withHeader(noNote, `${A},KET_NAP,2025,kết quả,1,,`))).toBe(
      `Dòng tiêu đề của tệp sai (thiếu cột "ghi chú"): dòng đầu tiên phải đúng là ${IMPORT_HEADER_VI}, đủ tám cột theo thứ tự đó; tệp này ghi "${noNote}".`,
    );
    const noCode = IMPORT_HEADER.replace(',code', '');
    expect(await refused(withHeader(noCode, row))).toBe(
      `Dòng tiêu đề của tệp sai (thiếu cột "code"): dòng đầu tiên phải đúng là ${IMPORT_HEADER}, đủ tám cột theo thứ tự đó; tệp này ghi "${noCode}".`,
    );
    const xlsx = await workbook(
      Object.values(COLUMN_NAMES_VI).filter((c) => c !== 'mẫu số'),
      [[A, 'KET_NAP', '2025', 'kết quả', 1, null, null]],
    );
    expect(await refused(xlsx, 'a.xlsx')).toMatch(/^Dòng tiêu đề của tệp sai \(thiếu cột "mẫu số"\)/);
  });

  it('refuses names without their diacritics, an unknown column, one twice, and the columns out of order', async () => {
    expect(await refused(withHeader('don vi,ma chi tieu,ky,loai,gia tri,tu so,mau so,ghi chu', row))).toMatch(
      /^Dòng tiêu đề của tệp sai \(tên cột viết thiếu dấu: "don vi" phải ghi là "đơn vị", "ma chi tieu" phải ghi là "mã chỉ tiêu", .*"ghi chu" phải ghi là "ghi chú"\): dòng đầu tiên phải đúng là đơn vị,/,
    );
    expect(await refused(withHeader(`${IMPORT_HEADER_VI},số thứ tự`, `${row},1`))).toMatch(
      /^Dòng tiêu đề của tệp sai \(có cột không nhận ra "số thứ tự"\)/,
    );
    expect(await refused(withHeader(IMPORT_HEADER_VI.replace('ghi chú', 'kỳ'), row))).toMatch(
      /^Dòng tiêu đề của tệp sai \(thiếu cột "ghi chú"; cột "kỳ" ghi hơn một lần\)/,
    );
    expect(await refused(withHeader('mã chỉ tiêu,đơn vị,kỳ,loại,giá trị,tử số,mẫu số,ghi chú', row))).toMatch(
      /^Dòng tiêu đề của tệp sai \(các cột không đúng thứ tự\)/,
    );
  });
});

describe('the files handed out', () => {
  it('offers the template with the Vietnamese header, and keeps the English one in the export', async () => {
    await t.call('PUT', `/api/targets/${ids.a.id}/KET_NAP/2025`, { value: 2 });
    await t.call('PUT', `/api/results/${ids.a.id}/KET_NAP/2025`, { value: 1 });
    const template = text(
      (await download(`/api/import/template?unit=${ids.a.id}&period=2025&format=csv`)).bytes,
    );
    expect(template).toBe(`\uFEFF${IMPORT_HEADER_VI}\r\n${A},KET_NAP,2025,kết quả,1,,,\r\n`);
    const exported = text((await download(`/api/export?unit=${ids.a.id}&period=2025`)).bytes);
    expect(exported).toBe(
      `\uFEFF${IMPORT_HEADER}\r\n${A},KET_NAP,2025,target,2,,,\r\n${A},KET_NAP,2025,result,1,,,\r\n`,
    );
    // Sent back as they are, each changes nothing.
    for (const file of [template, exported]) {
      const res = await upload(file);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.written).toBe(0);
    }
  });
});
