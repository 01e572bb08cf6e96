import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_HEADER, IMPORT_HEADER_VI } from '../../shared/import-export';
import type { ResultDto, TargetDto } from '../../shared/schemas/values';
import { admin, adminPage, base, createUnit, json, loadDemo, root, stamp } from '../helpers/e2e';

// "Nhập, xuất Excel" in Chromium against the real server: a download of the values, a file
// with one bad row refused with its row and column named, and a good file previewed then
// written. Every test works on a chi bộ of its own, so the demo figures stay as they are.

let page: Page;
let close: () => Promise<void>;

const newCell = (name: string) =>
  createUnit(admin, { parentId: root.id, name: `${name} ${stamp}`, kind: 'chi_bo' });

const valuesOf = async (unit: string, period: string) =>
  json<{ targets: TargetDto[]; results: ResultDto[] }>(
    await admin(`/api/values?unit=${unit}&period=${period}`),
  );

const put = async (path: string, body: unknown) =>
  json(await admin(path, { method: 'PUT', body: JSON.stringify(body) }));

const csvFile = (name: string, rows: string[], header = IMPORT_HEADER) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(`${header}\r\n${rows.join('\r\n')}\r\n`),
});

beforeAll(async () => {
  await loadDemo();
  ({ page, close } = await adminPage());
});

afterAll(async () => {
  await close?.();
});

describe('Nhập, xuất Excel', () => {
  it('downloads the values of a chi bộ as CSV and as XLSX, and its template', async () => {
    const unit = await newCell('Chi bộ Xuất tệp');
    await put(`/api/targets/${unit.id}/KET_NAP/2026`, { value: 2 });
    await put(`/api/targets/${unit.id}/DV_HTT/2026`, { value: 90 });
    await put(`/api/results/${unit.id}/DV_HTT/2026`, {
      numerator: 9,
      denominator: 10,
      note: 'Biên bản, số 3',
    });
    await page.goto(`${base}/nhap-xuat?unit=${unit.id}&period=2026`);
    await page.getByRole('heading', { level: 1, name: 'Nhập, xuất Excel' }).waitFor();
    await page.getByText(`Kế hoạch và kết quả của ${unit.name} trong năm 2026`).waitFor();

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải CSV', exact: true }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe(`Số liệu - ${unit.name} - Năm 2026.csv`);
    const text = (await readFile((await csv.path())!)).toString('utf8');
    const path = `${root.name} / ${unit.name}`;
    expect(text).toBe(
      `\uFEFF${IMPORT_HEADER}\r\n${path},DV_HTT,2026,target,90,,,\r\n${path},DV_HTT,2026,result,,9,10,"Biên bản, số 3"\r\n${path},KET_NAP,2026,target,2,,,\r\n`,
    );
    await page.getByText(`Đã tải "Số liệu - ${unit.name} - Năm 2026.csv".`).waitFor();

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải Excel (.xlsx)' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe(`Số liệu - ${unit.name} - Năm 2026.xlsx`);
    const bytes = await readFile((await xlsx.path())!);
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);

    const [template] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải mẫu CSV' }).click(),
    ]);
    // The template is for a person: its header and type column in Vietnamese.
    expect((await readFile((await template.path())!)).toString('utf8')).toBe(
      `\uFEFF${IMPORT_HEADER_VI}\r\n${path},DV_HTT,2026,kết quả,,9,10,"Biên bản, số 3"\r\n${path},KET_NAP,2026,kết quả,,,,\r\n`,
    );
  });

  it('refuses a file with one bad row: the preview names its row and column, and nothing is written', async () => {
    const unit = await newCell('Chi bộ Tệp lỗi');
    const path = `${root.name} / ${unit.name}`;
    await page.goto(`${base}/nhap-xuat?unit=${unit.id}&period=2026`);
    await page.getByRole('heading', { name: 'Nhập từ tệp' }).waitFor();
    const rows = [
      `${path},KET_NAP,2026,target,3,,,`,
      `${path},DV_HTT,2026,target,90,,,`,
      `${path},DV_HTT,2026,result,,12,10,`,
      `${path},KET_NAP,2026,result,1,,,Kết nạp 01 quần chúng`,
    ];
    await page.locator('input[type="file"]').setInputFiles(csvFile('ket-qua-loi.csv', rows));
    const alert = page.getByRole('alert').filter({ hasText: 'Tệp chưa nhập được' });
    await alert.waitFor();
    const problem = page.getByRole('row').filter({ hasText: 'tử số (numerator)' });
    await expect.poll(() => problem.textContent()).toContain('không được lớn hơn mẫu số (12 lớn hơn 10)');
    expect(await problem.getByRole('cell').first().textContent()).toBe('4');
    expect(await page.getByRole('button', { name: 'Ghi vào cơ sở dữ liệu' }).count()).toBe(0);
    expect(await valuesOf(unit.id, '2026')).toEqual({ targets: [], results: [] });
  });

  it('previews a good file, writes it on request, and the values are there', async () => {
    const unit = await newCell('Chi bộ Nhập tệp');
    await put(`/api/targets/${unit.id}/KET_NAP/2026`, { value: 2 });
    const path = `${root.name} / ${unit.name}`;
    await page.goto(`${base}/nhap-xuat?unit=${unit.id}&period=2026`);
    await page.getByRole('heading', { name: 'Nhập từ tệp' }).waitFor();
    await page
      .locator('input[type="file"]')
      .setInputFiles(
        csvFile('ket-qua.csv', [
          `${path},KET_NAP,2026,target,3,,,`,
          `${path},KET_NAP,2026,result,"1,0",,,Kết nạp 01 quần chúng`,
          `${unit.id},DV_HTT,2026,result,,9,10,`,
          `${path},TUYEN_SINH,2026,result,,,,`,
        ]),
      );
    await page.getByRole('heading', { name: 'Xem trước: 4 dòng đọc được, 3 thay đổi' }).waitFor();
    const update = page.getByRole('row').filter({ hasText: 'Số đảng viên mới được kết nạp' }).first();
    const said = (await update.textContent())?.replace(/\s+/g, ' ');
    expect(said).toContain('sửa');
    // "→" is for the eyes, "thành" for screen readers.
    expect(said).toContain('2 → thành 3');
    // Nothing is written before the click.
    expect((await valuesOf(unit.id, '2026')).results).toEqual([]);

    await page.getByRole('button', { name: 'Ghi vào cơ sở dữ liệu' }).click();
    await page.getByText('Đã ghi 3 thay đổi từ "ket-qua.csv" (2 thêm mới, 1 sửa).').waitFor();
    const stored = await valuesOf(unit.id, '2026');
    expect(stored.targets.map((t) => [t.code, t.display])).toEqual([['KET_NAP', '3']]);
    expect(stored.results.map((r) => [r.code, r.display, r.note])).toEqual([
      ['DV_HTT', '90%', null],
      ['KET_NAP', '1', 'Kết nạp 01 quần chúng'],
    ]);

    // The same file again changes nothing, and says so.
    await page.getByRole('button', { name: 'Nhập tệp khác' }).click();
    await page
      .locator('input[type="file"]')
      .setInputFiles(csvFile('ket-qua.csv', [`${path},KET_NAP,2026,target,3,,,`]));
    await page.getByRole('heading', { name: 'Xem trước: 1 dòng đọc được, không có gì thay đổi' }).waitFor();
    expect(
      await page.getByRole('button', { name: 'Ghi vào cơ sở dữ liệu' }).getAttribute('aria-disabled'),
    ).toBe('true');
  });

  it('explains both header lines, takes a file headed in Vietnamese, and names what is wrong with a mixed one', async () => {
    const unit = await newCell('Chi bộ Tiêu đề tiếng Việt');
    await put(`/api/targets/${unit.id}/KET_NAP/2026`, { value: 2 });
    const path = `${root.name} / ${unit.name}`;
    await page.goto(`${base}/nhap-xuat?unit=${unit.id}&period=2026`);
    await page.getByRole('heading', { name: 'Dòng đầu của tệp' }).waitFor();
    const codes = await page.locator('.ie-header-help code').allTextContents();
    expect(codes).toEqual([IMPORT_HEADER_VI, IMPORT_HEADER]);
    await page.getByText('Dòng tiêu đề và cột loại ghi bằng tiếng Anh', { exact: false }).waitFor();

    const mixed = 'đơn vị,code,kỳ,loại,giá trị,tử số,mẫu số,ghi chú';
    await page
      .locator('input[type="file"]')
      .setInputFiles(csvFile('tron.csv', [`${path},KET_NAP,2026,kết quả,1,,,`], mixed));
    await page.getByText('Dòng tiêu đề của tệp trộn tên cột tiếng Việt', { exact: false }).waitFor();
    expect(await valuesOf(unit.id, '2026')).toMatchObject({ results: [] });

    await page.getByRole('button', { name: 'Chọn tệp khác', exact: true }).click();
    await page
      .locator('input[type="file"]')
      .setInputFiles(
        csvFile('ket-qua.csv', [`${path},KET_NAP,2026,kết quả,1,,,Đã kết nạp`], IMPORT_HEADER_VI),
      );
    await page.getByRole('heading', { name: 'Xem trước: 1 dòng đọc được, 1 thay đổi' }).waitFor();
    await page.getByRole('button', { name: 'Ghi vào cơ sở dữ liệu' }).click();
    await page.getByText('Đã ghi 1 thay đổi từ "ket-qua.csv"', { exact: false }).waitFor();
    expect((await valuesOf(unit.id, '2026')).results.map((r) => [r.code, r.display, r.note])).toEqual([
      ['KET_NAP', '1', 'Đã kết nạp'],
    ]);
  });
});
