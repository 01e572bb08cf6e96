import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  DashboardDto as DashboardResponse,
  DashboardUnitsDto as DashboardUnitsResponse,
} from '../../shared/schemas/dashboard';
import { admin, adminBrowser, DESKTOP, getOk, loadDemo, openPage, root, units } from '../helpers/e2e';

// The dashboard in Debian's Chromium against the real server started by global-setup.ts, on
// a fresh database holding the demo data. 2021 is a closed year whose demo figures are those
// of the seed report, so its statuses are known; the current year is compared with the API.
// Every page needs a session: the browser signs in once as admin through the sign-in page,
// and the API is read with admin's session too.

let browser: BrowserContext;
let close: () => Promise<void>;
let rootId: string;

const api = <T>(path: string) => getOk<T>(admin, path);
const open = (path: string, viewport = DESKTOP) => openPage(browser, path, viewport);

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const row = (page: Page, code: string) => page.locator(`tr[data-code="${code}"]`);

/** The table as the user reads it: per indicator, its result text and the word on its badge. */
async function readTable(page: Page) {
  await row(page, 'DV_HTT').or(page.locator('tr[data-code]').first()).first().waitFor();
  return page.locator('tr[data-code]').evaluateAll((trs) =>
    trs.map((tr) => {
      const badge = tr.querySelector('[data-status]');
      return {
        code: tr.getAttribute('data-code'),
        status: badge?.getAttribute('data-status'),
        word: badge?.textContent?.trim(),
        target: tr.querySelector('[data-label="Kế hoạch"]')?.textContent?.trim(),
        result: tr.querySelector('[data-label="Thực hiện"]')?.textContent?.trim(),
        achievement: tr.querySelector('[data-label="Tỷ lệ so với KH"]')?.textContent?.trim(),
      };
    }),
  );
}

beforeAll(async () => {
  await loadDemo();
  ({ browser, close } = await adminBrowser());
  rootId = root.id;
});

afterAll(async () => {
  await close?.();
});

describe('the dashboard in the browser', () => {
  it('opens on the root unit and the current year, with the figures the API gives', async () => {
    const page = await open('/');
    await expect
      .poll(() => heading(page).textContent())
      .toContain('Đảng bộ Trường Cao đẳng Sư phạm Hồng Lam');
    const year = String(new Date().getFullYear());
    await expect.poll(() => heading(page).textContent()).toContain(`Năm ${year}`);
    await expect.poll(() => page.getByText(/Kỳ đang diễn ra/).count()).toBeGreaterThan(0);

    const fromApi = await api<DashboardResponse>(`/api/dashboard?unit=${rootId}&period=${year}`);
    const shown = await readTable(page);
    expect(shown.map((r) => r.code)).toEqual(fromApi.rows.map((r) => r.indicator.code));
    expect(shown.map((r) => r.status)).toEqual(fromApi.rows.map((r) => r.status));
    // An open year: nothing in it is Không đạt yet.
    expect(shown.some((r) => r.status === 'missed')).toBe(false);
    expect(shown.some((r) => r.status === 'not_yet' && r.word === 'Chưa đạt')).toBe(true);
    await page.close();
  });

  it('shows the 2021 review with its statuses in words, ratios with their parts, and the summary', async () => {
    const page = await open(`/?unit=${rootId}&period=2021`);
    await expect
      .poll(() => page.getByTestId('headline').textContent())
      .toMatch(/12\/13\s*chỉ tiêu cụ thể đạt và vượt\s*\(92,31%\)/);
    const byCode = new Map((await readTable(page)).map((r) => [r.code, r]));

    expect(byCode.get('DV_HTT')).toMatchObject({ status: 'exceeded', word: 'Vượt', target: '90%' });
    expect(byCode.get('DV_HTT')?.result).toMatch(/^100%\s*\(\d+\/\d+\)/);
    expect(byCode.get('DV_HTT')?.achievement).toBe('111,11%');
    expect(byCode.get('DV_HTXS')).toMatchObject({ status: 'met', word: 'Đạt', target: '20%' });
    expect(byCode.get('GV_GIOI')).toMatchObject({
      status: 'missed',
      word: 'Không đạt',
      achievement: '66,67%',
    });
    expect(byCode.get('TUYEN_SINH')).toMatchObject({ status: 'exceeded', target: '1.500' });
    expect(byCode.get('TUYEN_SINH')?.result).toContain('1.560');
    expect(byCode.get('KY_LUAT')).toMatchObject({ status: 'met', target: '0' });
    expect(byCode.get('XL_DANG_BO')?.result).toContain('Hoàn thành xuất sắc nhiệm vụ');

    // The count of each status, beside the headline.
    const counts = page.getByRole('list', { name: 'Số chỉ tiêu theo đánh giá' });
    await expect(counts.locator('[data-status="exceeded"]').textContent()).resolves.toMatch(/Vượt\s*7/);
    await expect(counts.locator('[data-status="missed"]').textContent()).resolves.toMatch(/Không đạt\s*1/);
    await page.close();
  });

  it('finds a unit typed without diacritics, switches to it and keeps the choice in the address', async () => {
    const page = await open(`/?unit=${rootId}&period=2021`);
    await row(page, 'DV_HTT').waitFor();
    const picker = page.getByRole('combobox', { name: 'Đơn vị' });
    await picker.click();
    await picker.fill('dao tao');
    const options = page.getByRole('listbox', { name: 'Danh sách đơn vị' });
    await options.getByRole('option', { name: 'Phòng Đào tạo' }).waitFor();
    await expect(
      options.getByRole('option', { name: 'Chi bộ Đào tạo – Khảo thí' }).isVisible(),
    ).resolves.toBe(true);
    await options.getByRole('option', { name: 'Phòng Đào tạo' }).click();

    const office = units.find((u) => u.name === 'Phòng Đào tạo');
    expect(office).toBeDefined();
    await expect.poll(() => heading(page).textContent()).toContain('Phòng Đào tạo');
    expect(new URL(page.url()).searchParams.get('unit')).toBe(office?.id);

    const fromApi = await api<DashboardResponse>(`/api/dashboard?unit=${office?.id}&period=2021`);
    await expect
      .poll(async () => (await readTable(page)).map((r) => r.code))
      .toEqual(fromApi.rows.map((r) => r.indicator.code));

    // An office has no units under it: no chart to compare them.
    expect(await page.getByTestId('units-chart').count()).toBe(0);

    // Back returns to the Đảng bộ, and a reload of a link opens the same view.
    await page.goBack();
    await expect.poll(() => heading(page).textContent()).toContain('Đảng bộ Trường');
    await page.goForward();
    await page.reload();
    await expect.poll(() => heading(page).textContent()).toContain('Phòng Đào tạo — Năm 2021');
    await page.close();
  });

  it('switches to a half-year, a quarter, a school year and the term, each judged as the API judges it', async () => {
    const page = await open(`/?unit=${rootId}&period=2021`);
    await row(page, 'DV_HTT').waitFor();
    const kind = page.getByLabel('Loại kỳ');
    const period = page.getByLabel('Kỳ', { exact: true });

    await kind.selectOption('half');
    await expect.poll(() => new URL(page.url()).searchParams.get('period')).toBe('2021-H1');
    await expect.poll(() => heading(page).textContent()).toContain('6 tháng đầu năm 2021');

    await period.selectOption('2021-H2');
    await expect.poll(() => heading(page).textContent()).toContain('6 tháng cuối năm 2021');

    await kind.selectOption('quarter');
    await period.selectOption('2021-Q3');
    await expect.poll(() => heading(page).textContent()).toContain('Quý III/2021');

    await kind.selectOption('school_year');
    await period.selectOption('NH2021-2022');
    await expect.poll(() => heading(page).textContent()).toContain('Năm học 2021–2022');

    await kind.selectOption('term');
    await period.selectOption('NK2020-2025');
    await expect.poll(() => new URL(page.url()).searchParams.get('period')).toBe('NK2020-2025');
    const term = await api<DashboardResponse>(`/api/dashboard?unit=${rootId}&period=NK2020-2025`);
    expect(term.rows.length).toBeGreaterThan(0);
    await expect
      .poll(async () => (await readTable(page)).map((r) => `${r.code}:${r.status}`))
      .toEqual(term.rows.map((r) => `${r.indicator.code}:${r.status}`));
    await page.close();
  });

  it('draws target against result per unit under the chosen one, and changes indicator', async () => {
    const page = await open(`/?unit=${rootId}&period=2021&code=DV_HTT`);
    const chart = page.getByTestId('units-chart');
    await chart.locator('.recharts-bar-rectangle').first().waitFor();

    const perUnit = await api<DashboardUnitsResponse>(
      `/api/dashboard/units?parent=${rootId}&code=DV_HTT&period=2021`,
    );
    const withResult = perUnit.rows.filter((r) => r.result);
    expect(withResult.length).toBeGreaterThanOrEqual(5);
    // Every chi bộ with a result gets its label on the axis.
    const drawn = ((await chart.locator('svg.recharts-surface').first().textContent()) ?? '').replace(
      /\s+/g,
      '',
    );
    for (const r of withResult) expect(drawn).toContain(r.unit.name.replace(/\s+/g, ''));
    expect(await chart.locator('.recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(
      withResult.length * 2,
    );

    // The table alternative carries each unit's figures and verdict.
    await chart.getByText('Xem dạng bảng').click();
    for (const r of withResult) {
      const tr = chart.locator(`tr[data-unit="${r.unit.id}"]`);
      await expect(tr.locator('[data-label="Thực hiện"]').textContent()).resolves.toContain(
        r.result?.display,
      );
      await expect(tr.locator('[data-status]').getAttribute('data-status')).resolves.toBe(r.status);
    }

    // Clicking an indicator's name in the table points the chart at it.
    await row(page, 'KET_NAP')
      .getByRole('button', { name: 'Số đảng viên mới được kết nạp', exact: true })
      .click();
    await expect.poll(() => new URL(page.url()).searchParams.get('code')).toBe('KET_NAP');
    await expect
      .poll(() => chart.getByRole('heading').textContent())
      .toContain('Số đảng viên mới được kết nạp');
    const admitted = await api<DashboardUnitsResponse>(
      `/api/dashboard/units?parent=${rootId}&code=KET_NAP&period=2021`,
    );
    const first = admitted.rows.find((r) => r.result);
    if (!first) throw new Error('no unit admitted members in the demo data of 2021');
    await expect
      .poll(() => chart.locator(`tr[data-unit="${first.unit.id}"] [data-label="Thực hiện"]`).textContent())
      .toContain(first.result?.display);
    await page.close();
  });

  it('says in Vietnamese when a unit does not exist, and when a period holds nothing', async () => {
    const missing = await open('/?unit=999999&period=2021');
    await expect.poll(() => missing.getByRole('alert').textContent()).toMatch(/đơn vị/i);
    await missing.close();

    const empty = await open(`/?unit=${rootId}&period=2019`);
    await expect.poll(() => empty.getByText(/Chưa có chỉ tiêu hay kết quả nào/).count()).toBe(1);
    await empty.close();
  });

  it('fits a phone screen: no sideways scrolling, every row readable', async () => {
    const page = await open(`/?unit=${rootId}&period=2021`, { width: 390, height: 844 });
    await row(page, 'DV_HTT').waitFor();
    await page.getByTestId('units-chart').locator('.recharts-bar-rectangle').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const badge = row(page, 'GV_GIOI').locator('[data-status]');
    await expect(badge.isVisible()).resolves.toBe(true);
    await expect(badge.textContent()).resolves.toBe('Không đạt');
    await page.close();
  });
});
