import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeInWords } from '../../client/features/compare-periods/utils/change-words';
import { formatNumber } from '../../shared/format';
import { STATUS_LABELS } from '../../shared/judgement';
import type { CompareOverviewDto, ComparePeriodsDto } from '../../shared/schemas/compare';
import { admin, adminBrowser, base, DESKTOP, getOk, loadDemo, openPage, root } from '../helpers/e2e';

// "So sánh theo kỳ" in Chromium against the real server on the demo data: one indicator
// across years and across the first halves of the years, every indicator at a glance, the
// way in and back out, the address holding every choice, and a phone. Figures are compared
// with the API, never written here, and nothing is changed: other files read the demo data.

let browser: BrowserContext;
let close: () => Promise<void>;
let rootId: string;
let rootName: string;

const api = <T>(path: string) => getOk<T>(admin, path);
const open = (path: string, viewport = DESKTOP) => openPage(browser, path, viewport);

const param = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);

/** The table of one indicator as the user reads it, a row per period. */
async function readPeriodsTable(page: Page) {
  const section = page.getByTestId('compare-indicator');
  await section.locator('tr[data-period]').first().waitFor();
  return section.locator('tr[data-period]').evaluateAll((trs) =>
    trs.map((tr) => {
      const text = (label: string) =>
        tr.querySelector(`[data-label="${label}"]`)?.textContent?.replace(/\s+/g, ' ').trim();
      const badge = tr.querySelector('[data-status]');
      return {
        period: tr.getAttribute('data-period'),
        name: tr.querySelector('[data-label="Kỳ"] a')?.textContent?.trim(),
        href: tr.querySelector('[data-label="Kỳ"] a')?.getAttribute('href'),
        target: text('Kế hoạch'),
        result: text('Thực hiện'),
        achievement: text('Tỷ lệ so với KH'),
        status: badge?.getAttribute('data-status'),
        word: badge?.textContent?.trim(),
        change: tr.querySelector('.cmpk-change-words')?.textContent?.trim(),
      };
    }),
  );
}

/** Every row, cell by cell, of the table of every indicator. */
async function readOverview(page: Page) {
  const section = page.getByTestId('compare-overview');
  await section.locator('tr[data-code]').first().waitFor();
  return section.locator('tbody tr[data-code]').evaluateAll((trs) =>
    trs.map((tr) => ({
      code: tr.getAttribute('data-code'),
      cells: [...tr.querySelectorAll('td[data-period]')].map((td) => ({
        period: td.getAttribute('data-period'),
        status: td.getAttribute('data-status'),
        word: td.querySelector('.status-badge')?.textContent?.trim() ?? null,
        text: td.textContent?.replace(/\s+/g, ' ').trim(),
      })),
    })),
  );
}

/** What the period table should say, row by row, from the API's answer. */
function expectedRows(data: ComparePeriodsDto, sameTime: boolean) {
  return data.rows.map((r, i) => ({
    period: r.period.code,
    name: r.period.label,
    status: r.status,
    word: STATUS_LABELS[r.status],
    target: r.target?.display ?? '—',
    change: changeInWords(r.change, data.indicator, sameTime && i > 0),
  }));
}

beforeAll(async () => {
  await loadDemo();
  ({ browser, close } = await adminBrowser());
  rootId = root.id;
  rootName = root.name;
});

afterAll(async () => {
  await close?.();
});

describe('comparing periods in the browser', () => {
  it('shows the members admitted by the root across 2021–2025 as the API gives them, chart and table', async () => {
    const page = await open(`/so-sanh-ky?unit=${rootId}&code=KET_NAP&kind=year&from=2021&to=2025`);
    const fromApi = await api<ComparePeriodsDto>(
      `/api/compare/periods?unit=${rootId}&code=KET_NAP&periods=2021,2022,2023,2024,2025`,
    );
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(rootName);
    const section = page.getByTestId('compare-indicator');
    await expect
      .poll(() => section.getByRole('heading', { level: 2 }).textContent())
      .toContain('Số đảng viên mới được kết nạp');

    const shown = await readPeriodsTable(page);
    expect(shown).toMatchObject(expectedRows(fromApi, false));
    for (const [i, r] of fromApi.rows.entries()) {
      const row = shown[i]!;
      expect(row.result).toContain(r.result?.display ?? '—');
      expect(row.achievement).toBe(r.achievement === null ? '—' : `${formatNumber(r.achievement)}%`);
      expect(row.href).toBe(`/?unit=${rootId}&period=${r.period.code}&code=KET_NAP`);
    }
    // The first period has nothing before it; the others say the change in members.
    expect(shown[0]?.change).toBe('—');
    for (const row of shown.slice(1))
      expect(row.change).toMatch(/^(tăng \d+ đảng viên|giảm \d+ đảng viên|không đổi)$/);

    // The chart: a title, a legend, a target bar beside every result bar, the verdict in words
    // under every period, and a summary a screen reader reads whole.
    const chart = section.locator('.cmpk-chart[role="img"]');
    await section.locator('.recharts-bar-rectangle').first().waitFor();
    const withResult = fromApi.rows.filter((r) => r.result).length;
    const withTarget = fromApi.rows.filter((r) => r.target).length;
    expect(await section.locator('.recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(
      withResult + withTarget,
    );
    const legend = section.getByRole('list', { name: 'Chú giải' });
    await expect(legend.textContent()).resolves.toMatch(/Kế hoạch.*Thực hiện.*Vượt.*Đạt.*Không đạt/);
    const label = (await chart.getAttribute('aria-label')) ?? '';
    for (const r of fromApi.rows) {
      expect(label).toContain(`${r.period.label}: kế hoạch ${r.target?.display}`);
      expect(label).toContain(STATUS_LABELS[r.status]);
    }
    const drawn = (await section.locator('svg.recharts-surface').first().textContent()) ?? '';
    for (const r of fromApi.rows) expect(drawn).toContain(STATUS_LABELS[r.status]);

    // Each period opens its own dashboard.
    await section.getByRole('link', { name: 'Năm 2023', exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');
    expect(param(page, 'period')).toBe('2023');
    expect(param(page, 'unit')).toBe(rootId);
    await page.goBack();
    await expect.poll(() => readPeriodsTable(page).then((rows) => rows.length)).toBe(5);
    await page.close();
  });

  it('says the change of a first half "so với cùng kỳ", the first halves chosen from the list', async () => {
    const page = await open(`/so-sanh-ky?unit=${rootId}&code=TUYEN_SINH&kind=year&from=2021&to=2025`);
    await readPeriodsTable(page);
    await page.getByLabel('So sánh').selectOption({ label: '6 tháng đầu năm qua các năm' });
    await expect.poll(() => param(page, 'kind')).toBe('h1');
    const fromApi = await api<ComparePeriodsDto>(
      `/api/compare/periods?unit=${rootId}&code=TUYEN_SINH&periods=2021-H1,2022-H1,2023-H1,2024-H1,2025-H1`,
    );
    await expect
      .poll(async () => (await readPeriodsTable(page)).map((r) => r.period))
      .toEqual(['2021-H1', '2022-H1', '2023-H1', '2024-H1', '2025-H1']);
    const shown = await readPeriodsTable(page);
    expect(shown).toMatchObject(expectedRows(fromApi, true));
    expect(shown[0]?.change).toBe('—');
    const compared = shown.slice(1).filter((r) => r.change !== '—');
    expect(compared.length).toBeGreaterThan(0);
    for (const row of compared) {
      expect(row.change).toMatch(/^((tăng|giảm) [\d.]+ học sinh|không đổi) so với cùng kỳ$/);
    }
    await expect
      .poll(() => page.getByTestId('compare-indicator').getByRole('heading', { level: 2 }).textContent())
      .toContain('6 tháng đầu năm qua các năm 2021–2025');
    await page.close();
  });

  it('shows every indicator of the unit by period with its verdict, opens one and comes back with Back', async () => {
    const page = await open(`/so-sanh-ky?unit=${rootId}&kind=year&from=2021&to=2025`);
    const fromApi = await api<CompareOverviewDto>(
      `/api/compare/periods/all?unit=${rootId}&periods=2021,2022,2023,2024,2025`,
    );
    expect(fromApi.indicators.length).toBeGreaterThan(5);
    const shown = await readOverview(page);
    expect(shown.map((r) => r.code)).toEqual(fromApi.indicators.map((r) => r.indicator.code));
    for (const [i, row] of fromApi.indicators.entries()) {
      const cells = shown[i]!.cells;
      expect(cells.map((c) => c.period)).toEqual(['2021', '2022', '2023', '2024', '2025']);
      for (const [j, cell] of row.cells.entries()) {
        const seen = cells[j]!;
        expect(seen.status, `${row.indicator.code} ${cell.period}`).toBe(cell.status);
        if (cell.target || cell.result) expect(seen.word).toBe(STATUS_LABELS[cell.status]);
        if (cell.result) expect(seen.text).toContain(cell.result.display);
      }
    }
    // 2021 is the seed report's year: a missed and an exceeded target are there, in words.
    const words2021 = shown.map((r) => r.cells[0]?.word);
    expect(words2021).toContain('Vượt');
    expect(words2021).toContain('Không đạt');

    // Each period's column opens its dashboard.
    const overview = page.getByTestId('compare-overview');
    await expect(
      overview.getByRole('link', { name: 'Năm 2022', exact: true }).getAttribute('href'),
    ).resolves.toBe(`/?unit=${rootId}&period=2022`);

    // Into one indicator with the keyboard: the focus lands on its heading.
    const link = overview.getByRole('link', { name: 'Số đảng viên mới được kết nạp' });
    await link.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => param(page, 'code')).toBe('KET_NAP');
    const single = page.getByTestId('compare-indicator');
    await single.locator('tr[data-period]').first().waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain('Số đảng viên mới được kết nạp');
    expect(param(page, 'kind')).toBe('year');
    expect(param(page, 'from')).toBe('2021');
    await expect(page.getByLabel('Chỉ tiêu', { exact: true }).inputValue()).resolves.toBe('KET_NAP');

    // Back returns to every indicator, Forward to the one.
    await page.goBack();
    await expect.poll(() => param(page, 'code')).toBeNull();
    await overview.locator('tr[data-code="KET_NAP"]').waitFor();
    expect(await page.getByTestId('compare-indicator').count()).toBe(0);
    await page.goForward();
    await expect.poll(() => param(page, 'code')).toBe('KET_NAP');
    await single.locator('tr[data-period]').first().waitFor();

    // And the link back to every indicator, under the chart's title.
    await single.getByRole('link', { name: 'Tất cả chỉ tiêu' }).click();
    await expect.poll(() => param(page, 'code')).toBeNull();
    await overview.locator('tr[data-code]').first().waitFor();
    await page.close();
  });

  it('keeps every choice in the address, so a reload shows the same view', async () => {
    const page = await open('/so-sanh-ky');
    // Without a choice: the first unit, every year from four years ago to this one.
    const year = new Date().getFullYear();
    await page.getByTestId('compare-overview').locator('tr[data-code]').first().waitFor();
    await expect(page.getByLabel('Từ năm').inputValue()).resolves.toBe(String(year - 4));
    await expect(page.getByLabel('Đến năm').inputValue()).resolves.toBe(String(year));

    await page.getByLabel('So sánh').selectOption('h2');
    await page.getByLabel('Từ năm').selectOption('2022');
    await page.getByLabel('Đến năm').selectOption('2024');
    await page.getByLabel('Chỉ tiêu', { exact: true }).selectOption('TUYEN_SINH');
    await expect.poll(() => param(page, 'code')).toBe('TUYEN_SINH');
    const url = new URL(page.url());
    expect(url.pathname).toBe('/so-sanh-ky');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      unit: rootId,
      kind: 'h2',
      from: '2022',
      to: '2024',
      code: 'TUYEN_SINH',
    });
    const before = await readPeriodsTable(page);
    expect(before.map((r) => r.period)).toEqual(['2022-H2', '2023-H2', '2024-H2']);

    await page.reload();
    const after = await readPeriodsTable(page);
    expect(after).toEqual(before);
    await expect(page.getByLabel('So sánh').inputValue()).resolves.toBe('h2');
    await expect(page.getByLabel('Chỉ tiêu', { exact: true }).inputValue()).resolves.toBe('TUYEN_SINH');
    await page.close();
  });

  it('says so when the unit has nothing in the periods chosen, and when the unit does not exist', async () => {
    const fromApi = await api<CompareOverviewDto>(
      `/api/compare/periods/all?unit=${rootId}&periods=2019-Q1,2020-Q1`,
    );
    const page = await open(`/so-sanh-ky?unit=${rootId}&kind=q1&from=2019&to=2020`);
    if (fromApi.indicators.length === 0) {
      await expect
        .poll(() => page.getByText(`Chưa có số liệu nào của ${rootName} trong các kỳ đã chọn.`).count())
        .toBe(1);
    } else {
      await page.getByTestId('compare-overview').locator('tr[data-code]').first().waitFor();
    }
    await page.goto(`${base}/so-sanh-ky?unit=999999`);
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/đơn vị/i);
    await page.close();
  });

  it('fits a phone: no sideways scrolling of the page, the chart drawn across its width', async () => {
    const page = await open(`/so-sanh-ky?unit=${rootId}&code=DV_HTT&kind=year&from=2021&to=2025`, {
      width: 390,
      height: 844,
    });
    const section = page.getByTestId('compare-indicator');
    await section.locator('.recharts-bar-rectangle').first().waitFor();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    const chartBox = await section.locator('svg.recharts-surface').first().boundingBox();
    expect(chartBox?.width).toBeGreaterThan(300);
    expect(chartBox?.width).toBeLessThanOrEqual(390);
    // Every period, its verdict and its change are readable without scrolling sideways.
    const first = section.locator('tr[data-period="2022"]');
    await expect(first.locator('[data-status]').isVisible()).resolves.toBe(true);
    const box = await first.locator('.cmpk-change-words').boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);

    // Every indicator: the table scrolls inside its frame, the page does not.
    await section.getByRole('link', { name: 'Tất cả chỉ tiêu' }).click();
    await page.getByTestId('compare-overview').locator('tr[data-code]').first().waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.close();
  });
});
