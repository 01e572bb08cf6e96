import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ratingWarnings } from '../../shared/ratings';
import type { UnitDto } from '../../shared/schemas/units';
import type { ResultDto } from '../../shared/schemas/values';
import {
  admin,
  Browsers,
  base,
  createUnit,
  DESKTOP,
  json,
  loadDemo,
  createUser as postUser,
  root,
  stamp,
} from '../helpers/e2e';

// "Xếp loại đảng viên" in Chromium against the real server: a reporter of a chi bộ types the
// four counts with the keyboard and sees the total, the two shares and the 20% cap as the
// server will compute them; a report above the cap is saved with its warning, and the two
// ratio results follow; a viewer reads them; a rating saved by someone else in between is
// taken in. Everything happens in a chi bộ made here (under the demo root) for 2024, which
// no other test reads. Users made here are named mr-….

const uname = (name: string) => `mr-${name}-${stamp}`;
const PASSWORD = 'mat-khau-thu-2026';
const PERIOD = '2024';

let cell: UnitDto;
let page: Page;
const browsers = new Browsers();

const createUser = (name: string, role: string) =>
  postUser(admin, {
    username: uname(name),
    password: PASSWORD,
    displayName: name === 'reporter' ? 'Phạm Thị Báo Cáo' : 'Đỗ Văn Xem',
    grants: [{ role, unitId: cell.id }],
  });

const pageOf = (username: string, viewport = DESKTOP) => browsers.signedIn(username, PASSWORD, viewport);

async function open(p: Page) {
  await p.goto(`${base}/xep-loai-dang-vien?unit=${cell.id}&period=${PERIOD}`);
  await p
    .getByRole('heading', { level: 1, name: `Xếp loại đảng viên: ${cell.name} — Năm ${PERIOD}` })
    .waitFor();
}

const field = (p: Page, label: string) => p.getByLabel(label, { exact: true });
const shareValue = (p: Page, share: string) => p.getByTestId(`share-${share}-value`).textContent();
const shareText = (p: Page, share: string) => p.getByTestId(`share-${share}`).textContent();

const stored = async () =>
  json<{ rating: { version: number } | null; warnings: { code: string; message: string }[] }>(
    await admin(`/api/member-ratings?unit=${cell.id}&period=${PERIOD}`),
  );

beforeAll(async () => {
  await loadDemo();
  cell = await createUnit(admin, {
    parentId: root.id,
    name: `Chi bộ Thử nghiệm Xếp loại ${stamp}`,
    kind: 'chi_bo',
  });
  for (const [code, value] of [
    ['DV_HTT', 90],
    ['DV_HTXS', 20],
  ] as const)
    await json(
      await admin(`/api/targets/${cell.id}/${code}/${PERIOD}`, {
        method: 'PUT',
        body: JSON.stringify({ value }),
      }),
    );
  await createUser('reporter', 'reporter');
  await createUser('viewer', 'viewer');
  page = await pageOf(uname('reporter'));
});

afterAll(browsers.closeAll);

describe('the member ratings form', () => {
  it('previews the total and both shares while typed with the keyboard, and warns of the cap before saving', async () => {
    await open(page);
    await page.getByText(`Chưa có kết quả xếp loại nào được lưu cho năm ${PERIOD}.`).waitFor();

    await field(page, 'Hoàn thành xuất sắc nhiệm vụ').focus();
    await page.keyboard.type('2');
    await page.keyboard.press('Tab');
    await page.keyboard.type('11');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1');
    // "Không hoàn thành nhiệm vụ" left empty: 0, as on paper.
    await expect.poll(() => page.getByTestId('rating-total').textContent()).toBe('14');
    await expect.poll(() => shareValue(page, 'good_or_better')).toBe('92,86%');
    expect(await shareText(page, 'good_or_better')).toContain('(13/14)');
    expect(await shareValue(page, 'excellent')).toBe('14,29%');
    // Against the chi bộ's targets, in a year that is over.
    expect(await shareText(page, 'good_or_better')).toMatch(/Kế hoạch 90%\s*Vượt$/);
    expect(await shareText(page, 'excellent')).toMatch(/Kế hoạch 20%\s*Không đạt$/);
    // 2 of 13 rated good or better is within the cap of ⌊20% × 13⌋ = 2.
    expect(await page.getByTestId('cap-warning').count()).toBe(0);

    // 3 excellent out of 13: above the cap, said before anything is saved.
    await field(page, 'Hoàn thành xuất sắc nhiệm vụ').fill('3');
    await field(page, 'Hoàn thành tốt nhiệm vụ').fill('10');
    const warning = page.getByTestId('cap-warning');
    await warning.waitFor();
    const expected = ratingWarnings({
      excellent: 3,
      good: 10,
      complete: 1,
      notComplete: 0,
      outstanding: false,
    });
    expect(await warning.textContent()).toContain(expected[0]!.message);
    expect(await warning.textContent()).toContain('nhiều nhất 2 trên 13 đảng viên');
    await expect.poll(() => shareValue(page, 'excellent')).toBe('21,43%');

    // A unit with outstanding results may rate up to 25%: ⌊25% × 13⌋ = 3.
    const outstanding = page.getByLabel('Đơn vị có thành tích nổi bật (trần 25%)');
    await outstanding.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => warning.count()).toBe(0);
    await page.keyboard.press('Space');
    await warning.waitFor();

    // A count that is not a whole number is named at its field.
    await field(page, 'Hoàn thành nhiệm vụ').fill('1,5');
    await expect
      .poll(() => page.locator('.field-error').textContent())
      .toBe('Số đảng viên hoàn thành nhiệm vụ phải là một số nguyên không âm, ví dụ 12.');
    await field(page, 'Hoàn thành nhiệm vụ').fill('1');
    expect(await stored()).toMatchObject({ rating: null });
  });

  it('saves a report that breaks the cap with the warning in view, and writes the DV_HTT and DV_HTXS results', async () => {
    // Enter in a count saves the form.
    await field(page, 'Không hoàn thành nhiệm vụ').focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('save-notice').textContent())
      .toContain('Đã lưu kết quả xếp loại');
    expect(await page.getByTestId('save-notice').textContent()).toContain(
      '92,86% hoàn thành tốt nhiệm vụ trở lên',
    );
    await expect.poll(() => page.getByTestId('dirty-state').textContent()).toBe('Đã lưu');

    const saved = page.getByTestId('saved-warning');
    await saved.waitFor();
    expect(await saved.isVisible()).toBe(true);
    expect(await saved.getAttribute('data-code')).toBe('excellent_cap');
    const fromApi = await stored();
    expect(fromApi.rating?.version).toBe(1);
    expect(fromApi.warnings.map((w) => w.code)).toEqual(['excellent_cap']);
    expect(await saved.textContent()).toContain(fromApi.warnings[0]!.message);

    const { results } = await json<{ results: ResultDto[] }>(
      await admin(`/api/values?unit=${cell.id}&period=${PERIOD}`),
    );
    const byCode = new Map(results.map((r) => [r.code, r]));
    expect(byCode.get('DV_HTT')).toMatchObject({ numerator: 13, denominator: 14, display: '92,86%' });
    expect(byCode.get('DV_HTXS')).toMatchObject({ numerator: 3, denominator: 14, display: '21,43%' });
    const shown = page.getByTestId('saved-results');
    await expect.poll(() => shown.locator('[data-code="DV_HTT"]').textContent()).toContain('92,86% (13/14)');
    expect(await shown.locator('[data-code="DV_HTXS"]').textContent()).toContain('21,43% (3/14)');
  });

  it('shows a viewer the stored counts and the warning, with nothing to type in', async () => {
    const viewer = await pageOf(uname('viewer'));
    await open(viewer);
    await viewer.getByTestId('saved-warning').waitFor();
    expect(await viewer.getByRole('textbox').count()).toBe(0);
    expect(await viewer.getByRole('button', { name: 'Lưu kết quả xếp loại' }).count()).toBe(0);
    const counts = await viewer
      .locator('.mr-saved-table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')?.textContent));
    expect(counts).toEqual(['3', '10', '1', '0', '14']);
    await viewer.getByText('tài khoản của bạn chỉ xem', { exact: false }).waitFor();
  });

  it('takes in a rating saved by someone else meanwhile, then saves over it', async () => {
    await field(page, 'Hoàn thành xuất sắc nhiệm vụ').fill('2');
    await expect.poll(() => page.getByTestId('dirty-state').textContent()).toBe('Có thay đổi chưa lưu');

    await json(
      await admin(`/api/member-ratings/${cell.id}/${PERIOD}`, {
        method: 'PUT',
        body: JSON.stringify({ excellent: 1, good: 12, complete: 1, notComplete: 0, version: 1 }),
      }),
    );

    await page.getByRole('button', { name: 'Lưu kết quả xếp loại' }).click();
    const conflict = page.getByTestId('conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('vừa được người khác sửa');
    expect(await conflict.textContent()).toContain('1 HTXSNV, 12 HTTNV, 1 HTNV, 0 KHTNV');
    expect(await conflict.textContent()).toContain('2 HTXSNV, 10 HTTNV, 1 HTNV, 0 KHTNV');
    await conflict.getByRole('button', { name: 'Lấy số hiện tại' }).click();
    await expect.poll(() => field(page, 'Hoàn thành xuất sắc nhiệm vụ').inputValue()).toBe('1');
    expect(await field(page, 'Hoàn thành tốt nhiệm vụ').inputValue()).toBe('12');
    await expect.poll(() => page.getByTestId('dirty-state').textContent()).toBe('Đã lưu');
    expect((await stored()).rating?.version).toBe(2);
    // The other report is within the cap; the stored warning is gone from the page.
    await expect.poll(() => page.getByTestId('saved-warning').count()).toBe(0);

    await field(page, 'Hoàn thành nhiệm vụ').fill('2');
    await page.getByRole('button', { name: 'Lưu kết quả xếp loại' }).click();
    await expect.poll(() => page.getByTestId('dirty-state').textContent()).toBe('Đã lưu');
    const after = await stored();
    expect(after.rating).toMatchObject({ version: 3, excellent: 1, good: 12, complete: 2 });
  });

  it('fits a phone screen with the warning shown, without sideways scrolling', async () => {
    const phone = await pageOf(uname('reporter'), { width: 390, height: 844 });
    await open(phone);
    await field(phone, 'Hoàn thành xuất sắc nhiệm vụ').fill('5');
    await phone.getByTestId('cap-warning').waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('tells a đoàn thể it has no members to rate, with no form to fill and nothing the server would refuse', async () => {
    // Made last, under the test's chi bộ: the reporter of the chi bộ reports for it too.
    const mass = await createUnit(admin, {
      parentId: cell.id,
      name: `Chi đoàn Thử nghiệm ${stamp}`,
      kind: 'doan_the',
    });
    await page.goto(`${base}/xep-loai-dang-vien?unit=${mass.id}&period=${PERIOD}`);
    await page.getByText(`${mass.name} không có đảng viên để xếp loại`, { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Lưu kết quả xếp loại' }).count()).toBe(0);
    expect(await field(page, 'Hoàn thành xuất sắc nhiệm vụ').count()).toBe(0);
    // What the screen no longer offers, the server refuses.
    const res = await admin(`/api/member-ratings/${mass.id}/${PERIOD}`, {
      method: 'PUT',
      body: JSON.stringify({ excellent: 1, good: 2, complete: 0, notComplete: 0 }),
    });
    expect(res.status).toBe(422);
  });
});
