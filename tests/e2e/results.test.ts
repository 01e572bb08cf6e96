import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnitDto } from '../../shared/schemas/units';
import type { ResultDto } from '../../shared/schemas/values';
import {
  admin,
  Browsers,
  base,
  createUnit,
  createUser,
  json,
  loadDemo,
  root,
  signIn,
  stamp,
} from '../helpers/e2e';

// The results screen in Chromium against the real server: a reporter reports a ratio, a count
// and a level with the status previewed while typing, a note of evidence, all saved at once;
// a locked period only shows; two people reporting the same result. Each test works on a chi
// bộ of its own, made here.

const PASSWORD = 'mat-khau-thu-2026';
const browsers = new Browsers();

const put = (path: string, body: unknown) => admin(path, { method: 'PUT', body: JSON.stringify(body) });

async function newCell(name: string): Promise<UnitDto> {
  const unit = await createUnit(admin, { parentId: root.id, name: `${name} ${stamp}`, kind: 'chi_bo' });
  await put(`/api/targets/${unit.id}/DV_HTT/2025`, { value: 90 });
  await put(`/api/targets/${unit.id}/KET_NAP/2025`, { value: 2 });
  await put(`/api/targets/${unit.id}/XL_DANG_BO/2025`, { value: 'Hoàn thành tốt nhiệm vụ' });
  return unit;
}

async function reporterPage(unit: UnitDto, name: string): Promise<Page> {
  const username = `kq-${name}-${stamp}`;
  await createUser(admin, { username, password: PASSWORD, grants: [{ role: 'reporter', unitId: unit.id }] });
  const page = await browsers.page((p) => p.on('dialog', (d) => void d.accept()));
  await signIn(page, username, PASSWORD);
  return page;
}

const resultsOf = async (unit: string) =>
  (await json<{ results: ResultDto[] }>(await admin(`/api/values?unit=${unit}&period=2025`))).results;

const row = (page: Page, code: string) => page.locator(`li[data-code="${code}"]`);

beforeAll(async () => {
  await loadDemo();
});

afterAll(browsers.closeAll);

describe('the results screen', () => {
  it('lets a reporter report a ratio, a count and a level, previewing each status before saving', async () => {
    const unit = await newCell('Chi bộ Báo cáo kết quả');
    const page = await reporterPage(unit, 'bao-cao');
    await page.getByRole('link', { name: 'Báo cáo kết quả' }).click();
    await page
      .getByRole('heading', {
        level: 1,
        name: `Báo cáo kết quả: ${unit.name} — Năm ${new Date().getFullYear()}`,
      })
      .waitFor();
    await page.goto(`${base}/bao-cao-ket-qua?unit=${unit.id}&period=2025`);
    await page.getByRole('heading', { level: 1, name: `Báo cáo kết quả: ${unit.name} — Năm 2025` }).waitFor();
    // Only what the unit was given a target for, in the catalogue's order.
    expect(
      await page.locator('li[data-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code'))),
    ).toEqual(['DV_HTT', 'KET_NAP', 'XL_DANG_BO']);

    const htt = row(page, 'DV_HTT');
    await htt.getByLabel(/tử số/).fill('17');
    await htt.getByLabel(/mẫu số/).fill('20');
    // 17/20 = 85% against 90%, 2025 is over: Không đạt, shown before anything is saved.
    await expect.poll(() => htt.locator('.status-badge').textContent()).toBe('Không đạt');
    expect(await htt.locator('.result-achievement').textContent()).toBe('94,44% kế hoạch');
    await htt.getByLabel(/mẫu số/).fill('18');
    await expect.poll(() => htt.locator('.status-badge').textContent()).toBe('Vượt');
    await htt.getByLabel('Minh chứng').fill('Biên bản họp chi bộ tháng 12');

    const count = row(page, 'KET_NAP');
    await count.getByLabel('Kết quả (đảng viên)').fill('1,5');
    await expect.poll(() => count.locator('.field-error').textContent()).toContain('số nguyên không âm');
    await count.getByLabel('Kết quả (đảng viên)').fill('2');
    await expect.poll(() => count.locator('.status-badge').textContent()).toBe('Đạt');

    const level = row(page, 'XL_DANG_BO');
    await level.getByLabel('Kết quả').selectOption('Hoàn thành nhiệm vụ');
    await expect.poll(() => level.locator('.status-badge').textContent()).toBe('Không đạt');

    await page.getByRole('button', { name: 'Lưu 3 kết quả' }).click();
    await page.getByText(`Đã lưu 3 kết quả của ${unit.name}, năm 2025.`).waitFor();
    const saved = (await resultsOf(unit.id)).map((r) => [r.code, r.display, r.note]);
    expect(saved).toEqual([
      ['DV_HTT', '94,44%', 'Biên bản họp chi bộ tháng 12'],
      ['KET_NAP', '2', null],
      ['XL_DANG_BO', 'Hoàn thành nhiệm vụ', null],
    ]);
    // The dashboard judges them as the preview did.
    const dash = await json<{ rows: { indicator: { code: string }; status: string }[] }>(
      await admin(`/api/dashboard?unit=${unit.id}&period=2025`),
    );
    expect(dash.rows.map((r) => [r.indicator.code, r.status])).toEqual([
      ['DV_HTT', 'exceeded'],
      ['KET_NAP', 'met'],
      ['XL_DANG_BO', 'missed'],
    ]);

    // Removing a result is one click and a save.
    await count.getByRole('button', { name: 'Xóa kết quả' }).click();
    await page.getByRole('button', { name: 'Lưu 1 kết quả' }).click();
    await page.getByText(`Đã lưu 1 kết quả của ${unit.name}, năm 2025.`).waitFor();
    expect((await resultsOf(unit.id)).map((r) => r.code)).toEqual(['DV_HTT', 'XL_DANG_BO']);
  });

  it('only shows the results of a locked period', async () => {
    const unit = await newCell('Chi bộ Kết quả đã khóa');
    await put(`/api/results/${unit.id}/KET_NAP/2025`, { value: 1 });
    await json(await admin(`/api/locks/${unit.id}/2025`, { method: 'PUT' }));
    const page = await reporterPage(unit, 'khoa');
    await page.goto(`${base}/bao-cao-ket-qua?unit=${unit.id}&period=2025`);
    await page.getByText('đã được khóa sau hội nghị đánh giá', { exact: false }).waitFor();
    expect(
      await row(page, 'KET_NAP').getByLabel('Kết quả (đảng viên)').getAttribute('readonly'),
    ).not.toBeNull();
    expect(await page.getByRole('button', { name: /^Lưu/ }).count()).toBe(0);
  });

  it('shows the second of two reporters the other’s figure, and keeps the one chosen', async () => {
    const unit = await newCell('Chi bộ Hai người báo cáo');
    await put(`/api/results/${unit.id}/KET_NAP/2025`, { value: 1 });
    const page = await reporterPage(unit, 'va-cham');
    await page.goto(`${base}/bao-cao-ket-qua?unit=${unit.id}&period=2025`);
    const count = row(page, 'KET_NAP');
    await count.getByLabel('Kết quả (đảng viên)').fill('2');
    await put(`/api/results/${unit.id}/KET_NAP/2025`, { value: 3, note: 'Theo quyết định kết nạp' });
    await page.getByRole('button', { name: 'Lưu 1 kết quả' }).click();
    const conflict = count.getByRole('region', { name: /Vừa được người khác lưu/ });
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain(
      'Người khác vừa lưu: 3 đảng viên — “Theo quyết định kết nạp”.',
    );
    expect((await resultsOf(unit.id)).map((r) => r.value)).toEqual([3]);
    await conflict.getByRole('button', { name: 'Giữ số của tôi' }).click();
    await page.getByRole('button', { name: 'Lưu 1 kết quả' }).click();
    await page.getByText(`Đã lưu 1 kết quả của ${unit.name}, năm 2025.`).waitFor();
    expect((await resultsOf(unit.id)).map((r) => r.value)).toEqual([2]);
  });
});
