import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { IMPORT_HEADER, IMPORT_HEADER_VI } from '../../../shared/import-export';
import { freshApp, ids, t } from '../../helpers/app';
import { expectRefusal } from '../../helpers/expect';
import { A, B, csv, download, text, upload, values } from '../../helpers/import-export';

// POST /api/import, GET /api/export and GET /api/import/template: a spreadsheet of targets
// and results in, the same layout out, all or nothing, every refusal naming its rows.
// This file: the export and the template.

beforeEach(freshApp);

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
    // In Vietnamese, for the person who fills it: the header and the type column.
    expect(rows).toEqual([
      IMPORT_HEADER_VI.split(','),
      [A, 'HTT', '2025', 'kết quả'],
      [A, 'KET_NAP', '2025', 'kết quả', 1],
      [B, 'XL', '2025', 'kết quả'],
    ]);
    const guide = workbook.getWorksheet('Hướng dẫn')!;
    const guideText: string[] = [];
    guide.eachRow((r) => {
      guideText.push((r.values as unknown[]).slice(1).join(' | '));
    });
    expect(guideText).toContain(
      '2 | Chi bộ A | HTT | Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên | % | 90% | Ở cột tử số và cột mẫu số, số nguyên',
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
    expect(text(bytes)).toBe(`\uFEFF${IMPORT_HEADER_VI}\r\n`);
  });
});
