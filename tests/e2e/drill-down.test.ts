import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACE_LABELS } from '../../shared/progress';
import type { DashboardDto } from '../../shared/schemas/dashboard';
import { admin, adminPage, base, json, loadDemo, root, units } from '../helpers/e2e';

// From the dashboard down and back: a unit below opens its own dashboard and the way up is
// one step; an entered figure that differs from what the units add up to shows both; a
// half-year shows its progress against the year's target. Reads the demo data only.

let page: Page;
let close: () => Promise<void>;

const heading = (name: string) => page.getByRole('heading', { level: 1, name });

beforeAll(async () => {
  await loadDemo();
  ({ page, close } = await adminPage());
});

afterAll(async () => {
  await close?.();
});

describe('drilling down from the dashboard', () => {
  it('opens a unit below from the chart, goes up by its trail, and comes back with Back', async () => {
    const cell = units.find((u) => u.parentId === root.id && u.kind === 'chi_bo')!;
    await page.goto(`${base}/?unit=${root.id}&period=2024&code=KET_NAP`);
    await heading(`${root.name} — Năm 2024`).waitFor();
    const below = page.getByRole('navigation', { name: 'Mở bảng chỉ tiêu của một đơn vị trực thuộc' });
    await below.getByRole('link', { name: cell.name, exact: true }).click();
    await heading(`${cell.name} — Năm 2024`).waitFor();
    expect(new URL(page.url()).searchParams.get('unit')).toBe(cell.id);
    // The way back is one step: Back, or the unit above in the trail.
    await page.goBack();
    await heading(`${root.name} — Năm 2024`).waitFor();
    await page.goForward();
    await heading(`${cell.name} — Năm 2024`).waitFor();
    await page
      .getByRole('navigation', { name: 'Đơn vị cấp trên' })
      .getByRole('link', { name: root.name })
      .click();
    await heading(`${root.name} — Năm 2024`).waitFor();
  });

  it('opens an indicator’s trend over the years from its row, and Back returns to the dashboard', async () => {
    await page.goto(`${base}/?unit=${root.id}&period=2024`);
    await page.getByRole('link', { name: 'Qua các kỳ: Số học sinh, sinh viên tuyển mới' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/so-sanh-ky');
    const url = new URL(page.url());
    expect([url.searchParams.get('code'), url.searchParams.get('kind'), url.searchParams.get('to')]).toEqual([
      'TUYEN_SINH',
      'year',
      '2024',
    ]);
    await page
      .getByRole('heading', { name: /Số học sinh, sinh viên tuyển mới/ })
      .first()
      .waitFor();
    await page.goBack();
    await heading(`${root.name} — Năm 2024`).waitFor();
  });

  it('shows an entered figure beside what the units add up to, with the difference', async () => {
    await page.goto(`${base}/?unit=${root.id}&period=2024`);
    const cell = page.locator('tr[data-code="KET_NAP"] .result-diff');
    await cell.waitFor();
    const d = await json<DashboardDto>(await admin(`/api/dashboard?unit=${root.id}&period=2024`));
    const row = d.rows.find((r) => r.indicator.code === 'KET_NAP')!;
    const from = row.result!.fromUnits!;
    expect(Number(row.result!.value) - Number(from.value)).toBe(1);
    expect(await cell.textContent()).toContain(`Các đơn vị cộng lại: ${from.display}`);
    expect(await cell.textContent()).toContain('chênh lệch +1');
  });

  it('judges the first half against the year’s target, on pace or behind, as the API does', async () => {
    await page.goto(`${base}/?unit=${root.id}&period=2025-H1`);
    const section = page.getByRole('region', { name: 'Tiến độ so với kế hoạch năm 2025' });
    await section.waitFor();
    const d = await json<DashboardDto>(await admin(`/api/dashboard?unit=${root.id}&period=2025-H1`));
    const expected = d.rows
      .filter((r) => r.progress)
      .map((r) => [r.indicator.code, PACE_LABELS[r.progress!.pace]]);
    expect(expected.length).toBeGreaterThan(2);
    const shown = await section
      .locator('tr[data-progress]')
      .evaluateAll((rows) =>
        rows.map((r) => [r.getAttribute('data-progress'), r.querySelector('[data-pace]')?.textContent]),
      );
    expect(shown).toEqual(expected);
    expect(await section.textContent()).toContain('đã qua 49,59% thời gian của năm 2025');
  });
});
