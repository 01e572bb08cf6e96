import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { IMPORT_HEADER } from '../../../shared/import-export';
import { freshApp, ids, t } from '../../helpers/app';
import { expectRefusal } from '../../helpers/expect';
import { A, B, csv, upload, values, xlsx } from '../../helpers/import-export';

// POST /api/import, GET /api/export and GET /api/import/template: a spreadsheet of targets
// and results in, the same layout out, all or nothing, every refusal naming its rows.
// This file: what an import reads and writes.

beforeEach(freshApp);

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
});
