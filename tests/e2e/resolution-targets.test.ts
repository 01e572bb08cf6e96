import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnitDto } from '../../shared/schemas/units';
import type { TargetDto } from '../../shared/schemas/values';
import { admin, adminPage, base, json, loadDemo, stamp } from '../helpers/e2e';

// The targets screen as a resolution writes its targets, in Chromium against the real server:
// one target for each đoàn thể below ("Giao cho từng đơn vị trực thuộc"), keeping their own or
// replacing it, refused whole across a lock; a change from last year ("tăng 10%") shown with its
// base, or with none; a term's target marked "hằng năm" and shown in its years. Each test works
// on a tree of its own, made here, apart from the demo organisation.

let page: Page;
let close: () => Promise<void>;

const makeUnit = async (parentId: string | null, name: string, kind: string) =>
  (
    await json<{ unit: UnitDto }>(
      await admin('/api/units', { method: 'POST', body: JSON.stringify({ parentId, name, kind }) }),
      201,
    )
  ).unit;
const put = (path: string, body: unknown) => admin(path, { method: 'PUT', body: JSON.stringify(body) });
const targetsOf = async (unit: string, period: string) =>
  (await json<{ targets: TargetDto[] }>(await admin(`/api/values?unit=${unit}&period=${period}`))).targets;
const cell = (code: string, period: string) =>
  page.locator(`tr[data-code="${code}"] input[data-period="${period}"]`);
const cellNote = (code: string, period: string) =>
  page.locator(`tr[data-code="${code}"] td:has(input[data-period="${period}"]) [data-testid="cell-note"]`);

async function openGrid(unit: UnitDto, year: number) {
  await page.goto(`${base}/giao-chi-tieu?unit=${unit.id}&period=${year}`);
  await page.getByRole('heading', { level: 1, name: `Giao chỉ tiêu: ${unit.name} — năm ${year}` }).waitFor();
  await cell('KET_NAP', String(year)).waitFor();
}

beforeAll(async () => {
  await loadDemo();
  ({ page, close } = await adminPage({ onPage: (p) => p.on('dialog', (d) => void d.accept()) }));
});

afterAll(async () => {
  await close?.();
});

describe('targets as a resolution writes them', () => {
  it('gives one target to each đoàn thể below, keeps the one that has its own, and is refused whole across a lock', async () => {
    const committee = await makeUnit(null, `Đảng bộ Giao cho đơn vị ${stamp}`, 'dang_bo');
    const union = await makeUnit(committee.id, 'Công đoàn cơ sở', 'doan_the');
    const youth = await makeUnit(committee.id, 'Chi đoàn Trường', 'doan_the');
    await makeUnit(committee.id, 'Chi bộ Khoa Lý luận', 'chi_bo');
    await json(await put(`/api/targets/${youth.id}/XL_DOAN_THE/2024`, { value: 'Khá' }));

    await openGrid(committee, 2024);
    await page.getByRole('button', { name: 'Giao cho từng đơn vị trực thuộc…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Giao cho từng đơn vị trực thuộc' });
    await dialog.getByLabel('Chỉ tiêu', { exact: true }).selectOption({ label: 'Xếp loại tổ chức đoàn thể' });
    await dialog.getByLabel(/^Chỉ tiêu của mỗi đơn vị/).selectOption('Vững mạnh');
    // Only the kinds found below are offered; the indicator's own kind is ticked.
    const kinds = dialog.getByRole('group', { name: 'Giao cho các loại đơn vị' });
    expect(await kinds.getByRole('checkbox').count()).toBe(2);
    await expect.poll(() => kinds.getByLabel('Đoàn thể').isChecked()).toBe(true);
    await expect
      .poll(() => dialog.getByTestId('below-written').locator('li').allTextContents())
      .toEqual(['Công đoàn cơ sở']);
    expect(await dialog.getByTestId('below-kept').locator('li').allTextContents()).toEqual([
      'Chi đoàn Trường: Khá',
    ]);

    // Replacing is a choice, and says what it replaces.
    await dialog.getByLabel('Thay bằng chỉ tiêu này').check();
    await expect
      .poll(() => dialog.getByTestId('below-written').locator('li').allTextContents())
      .toEqual(['Công đoàn cơ sở', 'Chi đoàn Trường — thay chỉ tiêu đang có: Khá']);
    await dialog.getByLabel('Giữ chỉ tiêu riêng của đơn vị').check();
    await dialog.getByRole('button', { name: 'Giao cho 1 đơn vị' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Đã giao chỉ tiêu' }).textContent())
      .toBe(
        `Đã giao chỉ tiêu “Xếp loại tổ chức đoàn thể” năm 2024 cho 1 đoàn thể trực thuộc ${committee.name}; 1 đơn vị giữ chỉ tiêu riêng đã có.`,
      );
    expect((await targetsOf(union.id, '2024')).map((t) => [t.code, t.value])).toEqual([
      ['XL_DOAN_THE', 'Vững mạnh'],
    ]);
    expect((await targetsOf(youth.id, '2024')).map((t) => t.value)).toEqual(['Khá']);

    // A đoàn thể whose year is locked: nothing is written, and the server's sentence is shown.
    await json(await admin(`/api/locks/${youth.id}/2024`, { method: 'PUT' }));
    await page.getByRole('button', { name: 'Giao cho từng đơn vị trực thuộc…' }).click();
    await dialog.getByLabel('Chỉ tiêu', { exact: true }).selectOption({ label: 'Xếp loại tổ chức đoàn thể' });
    await dialog.getByLabel(/^Chỉ tiêu của mỗi đơn vị/).selectOption('Vững mạnh tiêu biểu');
    await dialog.getByLabel('Thay bằng chỉ tiêu này').check();
    await dialog.getByRole('button', { name: 'Giao cho 2 đơn vị' }).click();
    const refusal = dialog.getByRole('alert');
    await expect.poll(() => refusal.textContent()).toMatch(/khóa/);
    expect(await dialog.isVisible()).toBe(true);
    expect((await targetsOf(union.id, '2024')).map((t) => t.value)).toEqual(['Vững mạnh']);
    await dialog.getByRole('button', { name: 'Hủy' }).click();
  });

  it('takes "tăng 10%" as a change from last year, shown with its base and value, or as waiting for last year', async () => {
    const cellUnit = await makeUnit(null, `Chi bộ Tăng so với năm trước ${stamp}`, 'chi_bo');
    await json(await put(`/api/results/${cellUnit.id}/KET_NAP/2024`, { value: 20 }));
    await openGrid(cellUnit, 2025);

    await cell('KET_NAP', '2025').fill('tăng 10%');
    await cell('NCKH_CS', '2025').fill('tăng 1');
    // A level cannot rise by a percentage: said beside the cell, before anything is sent.
    await cell('XL_DANG_BO', '2025').fill('tăng 1');
    await page.getByRole('button', { name: /^Lưu/ }).click();
    await expect
      .poll(() => page.locator('.edit-notice').textContent())
      .toBe('Còn 1 ô chưa hợp lệ; hãy sửa trước khi lưu.');
    expect(await cell('XL_DANG_BO', '2025').getAttribute('aria-invalid')).toBe('true');
    await cell('XL_DANG_BO', '2025').fill('');
    expect(await cellNote('KET_NAP', '2025').textContent()).toBe(
      'tính theo kết quả cùng kỳ năm trước khi lưu',
    );

    await page.getByRole('button', { name: 'Lưu 2 thay đổi' }).click();
    await expect
      .poll(() => page.locator('.edit-notice').textContent())
      .toBe(`Đã lưu 2 chỉ tiêu của ${cellUnit.name}.`);
    // Read again from the server: the rule as typed, the base and the value it gives.
    await openGrid(cellUnit, 2025);
    expect(await cell('KET_NAP', '2025').inputValue()).toBe('tăng 10%');
    expect(await cellNote('KET_NAP', '2025').textContent()).toBe('tăng 10% so với 2024 (20): 22');
    expect(await cell('NCKH_CS', '2025').inputValue()).toBe('tăng 1 đề tài');
    expect(await cellNote('NCKH_CS', '2025').textContent()).toBe('chưa có kết quả năm trước (2024)');
    const stored = await targetsOf(cellUnit.id, '2025');
    expect(stored.find((t) => t.code === 'KET_NAP')).toMatchObject({ change: { percent: 10 }, value: 22 });
    expect(stored.find((t) => t.code === 'NCKH_CS')).toMatchObject({ change: { amount: 1 }, value: null });
  });

  it('marks a term’s target "hằng năm", and each year without its own shows it with its term', async () => {
    const cellUnit = await makeUnit(null, `Chi bộ Hằng năm ${stamp}`, 'chi_bo');
    await openGrid(cellUnit, 2024);
    const term = 'NK2020-2025';
    const yearly = page.getByLabel(
      'Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên — Nhiệm kỳ 2020–2025: giao hằng năm',
    );
    // Offered once the term has a value.
    expect(await yearly.count()).toBe(0);
    await cell('DV_HTT', term).fill('90');
    await yearly.check();
    await expect.poll(() => cellNote('DV_HTT', '2024').textContent()).toBe('theo nhiệm kỳ 2020–2025: 90');
    expect(await cell('DV_HTT', '2024').getAttribute('placeholder')).toBe('90');
    await page.getByRole('button', { name: 'Lưu 1 thay đổi' }).click();
    await expect
      .poll(() => page.locator('.edit-notice').textContent())
      .toBe(`Đã lưu 1 chỉ tiêu của ${cellUnit.name}.`);
    expect((await targetsOf(cellUnit.id, term)).find((t) => t.code === 'DV_HTT')).toMatchObject({
      value: 90,
      eachYear: true,
    });
    const dashboard = await json<{
      rows: { indicator: { code: string }; target: { value: number; from?: string } }[];
    }>(await admin(`/api/dashboard?unit=${cellUnit.id}&period=2023`));
    expect(dashboard.rows.find((r) => r.indicator.code === 'DV_HTT')?.target).toMatchObject({
      value: 90,
      from: term,
    });
    // Its own target wins in the year it is typed.
    await openGrid(cellUnit, 2024);
    expect(await yearly.isChecked()).toBe(true);
    await cell('DV_HTT', '2024').fill('95');
    expect(await cellNote('DV_HTT', '2024').count()).toBe(0);
  });
});
