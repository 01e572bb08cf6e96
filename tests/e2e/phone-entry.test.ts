import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ResultDto, TargetDto } from '../../shared/schemas/values';
import { admin, Browsers, base, createUnit, json, loadDemo, root, stamp } from '../helpers/e2e';

// The entry screens on a phone (390 × 844), in Chromium against the real server: a secretary
// sets targets and reports results with a thumb, one period at a time, every input and its
// heading in view, nothing to scroll sideways; the other forms fit the screen too. Each test
// that writes works on a chi bộ of its own, made here.

const PHONE = { width: 390, height: 844 };
const browsers = new Browsers();
let page: Page;

const newCell = (name: string) =>
  createUnit(admin, { parentId: root.id, name: `${name} ${stamp}`, kind: 'chi_bo' });

const put = async (path: string, body: unknown) =>
  json(await admin(path, { method: 'PUT', body: JSON.stringify(body) }));

const valuesOf = async (unit: string, period: string) =>
  json<{ targets: TargetDto[]; results: ResultDto[] }>(
    await admin(`/api/values?unit=${unit}&period=${period}`),
  );

/** How far the page reaches past the screen's width (0 when it does not scroll sideways). */
const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/**
 * The inputs, lists and buttons of the page's main part that are shown but reach outside the
 * screen, as "tag: name" (an empty list when everything is in view sideways).
 */
const controlsOutside = () =>
  page.evaluate(() =>
    [...document.querySelectorAll('main input, main select, main textarea, main button')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.left < -0.5 || r.right > window.innerWidth + 0.5);
      })
      .map((el) => `${el.tagName}: ${el.getAttribute('aria-label') ?? el.textContent?.trim() ?? ''}`),
  );

/** Where an element is on the screen: its left and right edges and whether it is drawn. */
const box = (selector: string) =>
  page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, right: r.right, shown: r.width > 0 && r.height > 0 };
  });

beforeAll(async () => {
  await loadDemo();
  page = await browsers.signedIn('admin', inject('adminPassword'), PHONE);
  page.on('dialog', (d) => void d.accept());
});

afterAll(browsers.closeAll);

describe('Giao chỉ tiêu on a phone', () => {
  const cell = (code: string, period: string) =>
    page.locator(`tr[data-code="${code}"] input[data-period="${period}"]`);

  it('shows one period beside the names, its heading and inputs in view, and switches period with a tap', async () => {
    const unit = await newCell('Chi bộ Giao trên điện thoại');
    await put(`/api/targets/${unit.id}/KET_NAP/2026`, { value: 2 });
    await put(`/api/targets/${unit.id}/KET_NAP/2026-H1`, { value: 1 });
    await page.goto(`${base}/giao-chi-tieu?unit=${unit.id}&period=2026`);
    await cell('KET_NAP', '2026').waitFor();

    expect(await overflow()).toBe(0);
    expect(await controlsOutside()).toEqual([]);
    // The year is shown first: the first row's input and the column's heading are on the screen.
    const first = await page.locator('tbody tr').first().locator('input[data-period="2026"]');
    const input = await first.evaluate((el) => el.getBoundingClientRect().toJSON());
    expect(input.width).toBeGreaterThan(80);
    expect(input.right).toBeLessThanOrEqual(390);
    const heading = await box('th[data-period="2026"]');
    expect(heading.shown).toBe(true);
    expect(heading.right).toBeLessThanOrEqual(390);
    expect(await page.locator('thead th[scope="col"]:visible').allTextContents()).toEqual([
      'Chỉ tiêu',
      'Năm 2026',
    ]);
    expect(await cell('KET_NAP', '2026').inputValue()).toBe('2');
    expect(await cell('KET_NAP', '2026-H1').isVisible()).toBe(false);
    // Down at the last indicator, the heading is still on the screen, naming the period.
    await page.locator('tbody tr').last().scrollIntoViewIfNeeded();
    const stuck = await page.locator('th[data-period="2026"]').evaluate((el) => ({
      top: el.getBoundingClientRect().top,
      rowTop: document.querySelector('tbody tr')!.getBoundingClientRect().top,
    }));
    expect(stuck.rowTop).toBeLessThan(0);
    expect(stuck.top).toBeGreaterThanOrEqual(0);
    await page.evaluate(() => window.scrollTo(0, 0));

    // "6 tháng đầu": that half's column takes the place of the year's, with its values.
    const half = page.getByRole('button', { name: /^6 tháng đầu năm 2026/ });
    await half.click();
    expect(await half.getAttribute('aria-pressed')).toBe('true');
    await cell('KET_NAP', '2026-H1').waitFor();
    expect(await cell('KET_NAP', '2026-H1').inputValue()).toBe('1');
    expect(await cell('KET_NAP', '2026').isVisible()).toBe(false);
    expect((await box('th[data-period="2026-H1"]')).right).toBeLessThanOrEqual(390);
    expect((await box('tr[data-code="KET_NAP"] input[data-period="2026-H1"]')).right).toBeLessThanOrEqual(
      390,
    );
    expect(await overflow()).toBe(0);
  });

  it('takes values typed in two periods and saves them together, each period counting its changes', async () => {
    const unit = await newCell('Chi bộ Nhập trên điện thoại');
    await page.goto(`${base}/giao-chi-tieu?unit=${unit.id}&period=2026`);
    await cell('KET_NAP', '2026').waitFor();

    await cell('KET_NAP', '2026').click();
    await page.keyboard.type('3');
    await cell('DV_HTT', '2026').fill('92,5');
    const year = page.getByRole('button', { name: /^Năm 2026/ });
    await expect.poll(() => year.textContent()).toContain('2 ô sửa');

    await page.getByRole('button', { name: /^Nhiệm kỳ 2025–2030/ }).click();
    await cell('KET_NAP', 'NK2025-2030').fill('10');
    expect(await cell('KET_NAP', '2026').isVisible()).toBe(false);

    // With a keyboard (a tablet's), an arrow key past the end of a value goes on to the next
    // period, which comes into view.
    await page.getByRole('button', { name: /^Năm 2026/ }).click();
    await cell('KET_NAP', '2026').click();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-period')))
      .toBe('2026-H1');
    expect(await cell('KET_NAP', '2026-H1').isVisible()).toBe(true);
    expect(
      await page.getByRole('button', { name: /^6 tháng đầu năm 2026/ }).getAttribute('aria-pressed'),
    ).toBe('true');

    await page.getByRole('button', { name: 'Lưu 3 thay đổi' }).click();
    await page.getByText(`Đã lưu 3 chỉ tiêu của ${unit.name}.`).waitFor();
    expect((await valuesOf(unit.id, '2026')).targets.map((t) => [t.code, t.display])).toEqual([
      ['DV_HTT', '92,5%'],
      ['KET_NAP', '3'],
    ]);
    expect((await valuesOf(unit.id, 'NK2025-2030')).targets.map((t) => [t.code, t.value])).toEqual([
      ['KET_NAP', 10],
    ]);
    expect(await year.textContent()).not.toContain('ô sửa');
  });

  it('moves to the period of a cell in error when it is chosen from the list of problems', async () => {
    const unit = await newCell('Chi bộ Ô sai trên điện thoại');
    await page.goto(`${base}/giao-chi-tieu?unit=${unit.id}&period=2026`);
    await page.getByRole('button', { name: /^6 tháng cuối năm 2026/ }).click();
    await cell('KET_NAP', '2026-H2').fill('1,5');
    await page.getByRole('button', { name: /^Năm 2026/ }).click();
    await expect
      .poll(() => page.getByRole('button', { name: /^6 tháng cuối năm 2026/ }).textContent())
      .toContain('1 ô sai');
    await page.getByRole('region', { name: 'Ô chưa hợp lệ' }).getByRole('button').click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-period')))
      .toBe('2026-H2');
    expect(await cell('KET_NAP', '2026-H2').isVisible()).toBe(true);
  });
});

describe('Báo cáo kết quả on a phone', () => {
  const row = (code: string) => page.locator(`li[data-code="${code}"]`);

  it('shows each result input and its heading in view, follows the period chosen, and saves', async () => {
    const unit = await newCell('Chi bộ Báo cáo trên điện thoại');
    await put(`/api/targets/${unit.id}/KET_NAP/2025`, { value: 2 });
    await put(`/api/targets/${unit.id}/TUYEN_SINH/2025`, { value: 100 });
    await put(`/api/targets/${unit.id}/KET_NAP/2025-H1`, { value: 1 });
    await put(`/api/results/${unit.id}/KET_NAP/2025-H1`, { value: 1 });
    await page.goto(`${base}/bao-cao-ket-qua?unit=${unit.id}&period=2025`);
    await page.getByRole('heading', { level: 1, name: `Báo cáo kết quả: ${unit.name} — Năm 2025` }).waitFor();

    expect(await overflow()).toBe(0);
    expect(await controlsOutside()).toEqual([]);
    const first = page.locator('li[data-code]').first();
    expect(await first.getAttribute('data-code')).toBe('TUYEN_SINH');
    const value = first.getByLabel(/^Kết quả/);
    const r = await value.evaluate((el) => el.getBoundingClientRect().toJSON());
    expect(r.right).toBeLessThanOrEqual(390);
    expect(r.width).toBeGreaterThan(200);
    const label = await first.locator('label', { hasText: 'Kết quả' }).boundingBox();
    expect(label && label.x + label.width).toBeLessThanOrEqual(390);

    await value.fill('120');
    await row('KET_NAP')
      .getByLabel(/^Kết quả/)
      .fill('2');
    await page.getByRole('button', { name: 'Lưu 2 kết quả' }).click();
    await page.getByText(/Đã lưu 2 kết quả/).waitFor();
    expect((await valuesOf(unit.id, '2025')).results.map((x) => [x.code, x.value])).toEqual([
      ['TUYEN_SINH', 120],
      ['KET_NAP', 2],
    ]);

    // Another period, chosen at the top: its own values.
    await page.getByLabel('Loại kỳ').selectOption('half');
    await page.getByLabel('Kỳ', { exact: true }).selectOption('2025-H1');
    await page
      .getByRole('heading', { level: 1, name: `Báo cáo kết quả: ${unit.name} — 6 tháng đầu năm 2025` })
      .waitFor();
    await expect
      .poll(() =>
        row('KET_NAP')
          .getByLabel(/^Kết quả/)
          .inputValue(),
      )
      .toBe('1');
    expect(await overflow()).toBe(0);
  });
});

describe('the other forms on a phone', () => {
  for (const path of ['/xep-loai-dang-vien', '/chi-tieu-chu-yeu', '/nhap-xuat']) {
    it(`${path} fits the screen: nothing to scroll sideways, every control in view`, async () => {
      await page.goto(`${base}${path}`);
      await page.locator('main h1, main h2').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await overflow()).toBe(0);
      expect(await controlsOutside()).toEqual([]);
    });
  }
});
