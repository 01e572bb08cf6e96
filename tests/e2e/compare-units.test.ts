import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompareUnitsDto } from '../../shared/schemas/compare';
import { admin, adminBrowser, base, DESKTOP, getOk, loadDemo, openPage, root, units } from '../helpers/e2e';

// "So sánh đơn vị" in Debian's Chromium against the real server started by global-setup.ts,
// on a fresh database holding the demo data. 2021 is a closed year whose figures are known;
// what the page shows is compared with GET /api/compare/units. Nothing here writes: other
// test files read the same demo data.

let browser: BrowserContext;
let close: () => Promise<void>;
let rootId: string;
let scorecard2021: CompareUnitsDto;

const PATH = '/so-sanh-don-vi';
const WORST_FIRST = ['missed', 'not_yet', 'no_data', 'met', 'exceeded', 'no_target'];
const BEST_FIRST = ['exceeded', 'met', 'not_yet', 'missed', 'no_target'];

const api = <T>(path: string) => getOk<T>(admin, path);
const open = (path: string, viewport = DESKTOP) => openPage(browser, path, viewport);

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const table = (page: Page) => page.getByTestId('scorecard');
const chart = (page: Page) => page.getByTestId('ranking-chart');
const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);
const header = (page: Page, code: string) => table(page).locator(`thead th[data-code="${code}"]`);

/** The scorecard as the user reads it: per unit, the summary and each cell's word and text. */
async function readScorecard(page: Page) {
  await table(page).locator('tbody tr[data-unit]').first().waitFor();
  return table(page)
    .locator('tbody tr[data-unit]')
    .evaluateAll((trs) =>
      trs.map((tr) => ({
        unit: tr.getAttribute('data-unit'),
        name: tr.querySelector('th')?.textContent?.trim(),
        summary: tr.querySelector('.cmpu-summary')?.textContent?.replace(/\s+/g, ' ').trim(),
        cells: [...tr.querySelectorAll('td[data-code]')].map((td) => ({
          code: td.getAttribute('data-code'),
          status: td.querySelector('[data-status]')?.getAttribute('data-status'),
          word: td.querySelector('[data-status]')?.textContent?.trim(),
          text: td.textContent?.replace(/\s+/g, ' ').trim() ?? '',
        })),
      })),
    );
}

const statusesOf = async (page: Page, code: string) =>
  (await readScorecard(page)).map((r) => r.cells.find((c) => c.code === code)?.status ?? '');

beforeAll(async () => {
  await loadDemo();
  ({ browser, close } = await adminBrowser());
  rootId = root.id;
  scorecard2021 = await api<CompareUnitsDto>(`/api/compare/units?parent=${rootId}&period=2021`);
});

afterAll(async () => {
  await close?.();
});

describe('comparing units in the browser', () => {
  it("shows the demo root's 2021 scorecard as the API gives it: verdicts in words, figures, summaries", async () => {
    const page = await open(`${PATH}?unit=${rootId}&period=2021`);
    await expect
      .poll(() => heading(page).textContent())
      .toContain('Đảng bộ Trường Cao đẳng Sư phạm Hồng Lam');
    await expect.poll(() => heading(page).textContent()).toContain('Năm 2021');

    const shown = await readScorecard(page);
    expect(shown.map((r) => r.unit)).toEqual(scorecard2021.rows.map((r) => r.unit.id));
    const columns = await table(page)
      .locator('thead th[data-code]')
      .evaluateAll((ths) => ths.map((th) => th.getAttribute('data-code')));
    expect(columns).toEqual(scorecard2021.indicators.map((i) => i.code));

    const words: Record<string, string> = {
      exceeded: 'Vượt',
      met: 'Đạt',
      not_yet: 'Chưa đạt',
      missed: 'Không đạt',
      no_data: 'Chưa có số liệu',
      no_target: 'Chưa giao chỉ tiêu',
    };
    for (const [i, row] of scorecard2021.rows.entries()) {
      const tr = shown[i]!;
      expect(tr.name).toContain(row.unit.name);
      for (const cell of row.cells) {
        const td = tr.cells.find((c) => c.code === cell.code);
        expect(td?.status, `${row.unit.name} ${cell.code}`).toBe(cell.status);
        expect(td?.word).toBe(words[cell.status]);
        if (cell.result) expect(td?.text).toContain(cell.result.display);
        if (cell.target) expect(td?.text).toContain(cell.target.display);
      }
      const withTarget = row.cells.filter((c) => c.status !== 'no_target');
      const achieved = withTarget.filter((c) => c.status === 'met' || c.status === 'exceeded');
      expect(tr.summary).toBe(
        withTarget.length === 0
          ? 'Chưa giao chỉ tiêu'
          : `${achieved.length}/${withTarget.length} đạt và vượt`,
      );
    }

    // The 2021 review of the seed: a cell rated 2 of 12 excellent against 20% is Không đạt,
    // with its counts and its achievement in Vietnamese figures.
    const science = units.find((u) => u.name === 'Chi bộ Khoa Khoa học Tự nhiên');
    const cell = shown.find((r) => r.unit === science?.id)?.cells.find((c) => c.code === 'DV_HTXS');
    expect(cell).toMatchObject({ status: 'missed', word: 'Không đạt' });
    expect(cell?.text).toContain('16,67% (2/12)');
    expect(cell?.text).toContain('83,35%');
    await page.close();
  });

  it('sorts the units by an indicator, worst first then best first, with aria-sort on the header', async () => {
    const page = await open(`${PATH}?unit=${rootId}&period=2021`);
    await readScorecard(page);
    const sortButton = header(page, 'DV_HTXS').locator('button.cmpu-sort');

    await sortButton.click();
    await expect.poll(() => param(page, 'sort')).toBe('DV_HTXS');
    expect(param(page, 'dir')).toBe('asc');
    await expect(header(page, 'DV_HTXS').getAttribute('aria-sort')).resolves.toBe('ascending');
    await expect(header(page, 'DV_HTT').getAttribute('aria-sort')).resolves.toBe('none');
    const ascending = await statusesOf(page, 'DV_HTXS');
    const ranks = ascending.map((s) => WORST_FIRST.indexOf(s));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(ascending[0]).toBe('missed');
    expect(ascending.at(-1)).toBe('no_target');
    await expect.poll(() => page.getByText(/Đang xếp theo .*kém nhất trước/).count()).toBe(1);

    // Enter on the focused header turns the order round; the units without a target stay last.
    await sortButton.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => param(page, 'dir')).toBe('desc');
    await expect(header(page, 'DV_HTXS').getAttribute('aria-sort')).resolves.toBe('descending');
    const descending = await statusesOf(page, 'DV_HTXS');
    expect(descending[0]).toBe('exceeded');
    expect(descending.at(-1)).toBe('no_target');
    const judged = descending.filter((s) => s !== 'no_target');
    expect(judged).toEqual(ascending.filter((s) => s !== 'no_target').reverse());

    // By name, the Vietnamese way.
    await table(page).locator('thead th.cmpu-unit button').click();
    await expect.poll(() => param(page, 'sort')).toBe('name');
    const names = (await readScorecard(page)).map((r) => r.name ?? '');
    expect(names).toEqual([...names].sort(new Intl.Collator('vi', { numeric: true }).compare));
    await page.close();
  });

  it('ranks the units on one indicator in a chart with a table alternative', async () => {
    const page = await open(`${PATH}?unit=${rootId}&period=2021`);
    await readScorecard(page);
    await header(page, 'KET_NAP')
      .getByRole('button', { name: 'Biểu đồ xếp hạng: Số đảng viên mới được kết nạp' })
      .click();
    await expect.poll(() => param(page, 'code')).toBe('KET_NAP');
    await expect
      .poll(() => chart(page).getByRole('heading').textContent())
      .toContain('Xếp hạng các đơn vị: Số đảng viên mới được kết nạp — Năm 2021');
    await chart(page).locator('.recharts-bar-rectangle').first().waitFor();
    await expect(chart(page).getByText('Kế hoạch', { exact: true }).count()).resolves.toBeGreaterThan(0);

    const cells = new Map(
      scorecard2021.rows.map((r) => [r.unit.id, r.cells.find((c) => c.code === 'KET_NAP')!]),
    );
    const reported = [...cells.values()].filter((c) => c.result);
    expect(reported.length).toBeGreaterThanOrEqual(3);

    // Every unit with a result is drawn, headed by its rank.
    const drawn = ((await chart(page).locator('svg.recharts-surface').first().textContent()) ?? '').replace(
      /\s+/g,
      '',
    );
    for (const r of scorecard2021.rows.filter((r) => cells.get(r.unit.id)?.result)) {
      expect(drawn).toContain(r.unit.name.replace(/\s+/g, ''));
    }

    await chart(page).getByText('Xem dạng bảng').click();
    const ranked = await chart(page)
      .locator('tbody tr[data-unit]')
      .evaluateAll((trs) =>
        trs.map((tr) => ({
          unit: tr.getAttribute('data-unit') ?? '',
          rank: tr.querySelector('[data-label="Hạng"]')?.textContent?.trim(),
          result: tr.querySelector('[data-label="Thực hiện"]')?.textContent?.trim(),
          status: tr.querySelector('[data-status]')?.getAttribute('data-status') ?? '',
        })),
      );
    expect(ranked).toHaveLength(scorecard2021.rows.length);
    // Units with a result first, ranked from 1, best verdict first; the others unranked after.
    const withResult = ranked.filter((r) => cells.get(r.unit)?.result);
    expect(ranked.slice(0, withResult.length)).toEqual(withResult);
    expect(withResult[0]?.rank).toBe('1');
    const order = withResult.map((r) => BEST_FIRST.indexOf(r.status));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    for (const r of withResult) {
      expect(r.status).toBe(cells.get(r.unit)?.status);
      expect(r.result).toContain(cells.get(r.unit)?.result?.display);
    }
    for (const r of ranked.slice(withResult.length)) expect(r.rank).toBe('—');

    // The select points the chart elsewhere, and the address follows.
    await chart(page).getByLabel('Chỉ tiêu').selectOption('DV_HTXS');
    await expect.poll(() => param(page, 'code')).toBe('DV_HTXS');
    await expect
      .poll(() => chart(page).getByRole('heading').textContent())
      .toContain('Tỷ lệ đảng viên hoàn thành xuất sắc nhiệm vụ');
    await expect(
      header(page, 'DV_HTXS')
        .getByRole('button', { name: /^Biểu đồ xếp hạng/ })
        .getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    await page.close();
  });

  it("opens a unit's dashboard on a click, and Back returns to the scorecard in one step", async () => {
    const page = await open(`${PATH}?unit=${rootId}&period=2021&sort=DV_HTXS&dir=asc`);
    await readScorecard(page);
    const science = units.find((u) => u.name === 'Chi bộ Khoa Khoa học Tự nhiên')!;
    await table(page).getByRole('link', { name: science.name, exact: true }).click();

    await expect.poll(() => new URL(page.url()).pathname).toBe('/');
    expect(param(page, 'unit')).toBe(science.id);
    expect(param(page, 'period')).toBe('2021');
    await expect.poll(() => heading(page).textContent()).toContain(`${science.name} — Năm 2021`);
    await page.locator('tr[data-code="DV_HTXS"]').waitFor();

    await page.goBack();
    await expect.poll(() => new URL(page.url()).pathname).toBe(PATH);
    expect(param(page, 'sort')).toBe('DV_HTXS');
    await expect(header(page, 'DV_HTXS').getAttribute('aria-sort')).resolves.toBe('ascending');
    expect((await readScorecard(page))[0]?.unit).toBe(science.id);
    await page.close();
  });

  it('keeps every choice in the address: a link or a reload opens the same view, Back undoes a choice', async () => {
    const page = await open(`${PATH}?unit=${rootId}&period=2021&code=KET_NAP&sort=DV_HTXS&dir=desc`);
    await readScorecard(page);
    await expect(header(page, 'DV_HTXS').getAttribute('aria-sort')).resolves.toBe('descending');
    await expect
      .poll(() => chart(page).getByRole('heading').textContent())
      .toContain('Số đảng viên mới được kết nạp');

    await page.getByLabel('Kỳ', { exact: true }).selectOption('2025');
    await expect.poll(() => param(page, 'period')).toBe('2025');
    await expect.poll(() => heading(page).textContent()).toContain('Năm 2025');
    expect(param(page, 'sort')).toBe('DV_HTXS');
    expect(param(page, 'code')).toBe('KET_NAP');
    // The 2025 scorecard, still sorted best first on the same indicator.
    const scorecard2025 = await api<CompareUnitsDto>(`/api/compare/units?parent=${rootId}&period=2025`);
    const expected = scorecard2025.rows.map((r) => r.cells.find((c) => c.code === 'DV_HTXS')?.status ?? '');
    await expect
      .poll(async () => [...(await statusesOf(page, 'DV_HTXS'))].sort().join())
      .toBe([...expected].sort().join());
    const shown = (await statusesOf(page, 'DV_HTXS')).filter((s) => s !== 'no_target');
    const ranks = shown.map((s) => WORST_FIRST.indexOf(s));
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));

    await page.reload();
    await expect.poll(() => heading(page).textContent()).toContain('Năm 2025');
    await expect(header(page, 'DV_HTXS').getAttribute('aria-sort')).resolves.toBe('descending');

    await page.goBack();
    await expect.poll(() => param(page, 'period')).toBe('2021');
    await expect.poll(() => heading(page).textContent()).toContain('Năm 2021');
    await page.close();
  });

  it('says when a unit has no units under it, and when a unit does not exist', async () => {
    const office = units.find((u) => u.name === 'Phòng Đào tạo')!;
    const page = await open(`${PATH}?unit=${office.id}&period=2021`);
    await expect.poll(() => page.getByText('Phòng Đào tạo không có đơn vị trực thuộc.').count()).toBe(1);
    expect(await table(page).count()).toBe(0);

    const missing = await open(`${PATH}?unit=999999&period=2021`);
    await expect.poll(() => missing.getByRole('alert').textContent()).toMatch(/đơn vị/i);
    await missing.close();
    await page.close();
  });

  it('offers the comparison of the units under a unit, and tells partial roll-ups and disagreements', async () => {
    // The demo tree is one level deep, so the answer for the root is dressed up in the
    // browser: its first unit gets units of its own, one result rolled up from 3 of 5 of them,
    // another entered result that differs from what they add up to.
    const first = scorecard2021.rows[0]!;
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.route('**/api/compare/units?*', async (route) => {
      const url = new URL(route.request().url());
      if (url.searchParams.get('parent') !== rootId) return route.continue();
      const response = await route.fetch();
      const body = (await response.json()) as CompareUnitsDto;
      const row = body.rows.find((r) => r.unit.id === first.unit.id)!;
      row.hasChildren = true;
      const ratio = row.cells.find((c) => c.code === 'DV_HTT')!;
      ratio.result = { ...ratio.result!, source: 'units', coverage: { reported: 3, total: 5 } };
      const count = row.cells.find((c) => c.code === 'KY_LUAT')!;
      count.result = {
        ...count.result!,
        fromUnits: { value: 2, display: '2', coverage: { reported: 5, total: 5 } },
      };
      return route.fulfill({ response, json: body });
    });
    await page.goto(`${base}${PATH}?unit=${rootId}&period=2021`);
    const tr = table(page).locator(`tbody tr[data-unit="${first.unit.id}"]`);
    await expect.poll(() => tr.locator('td[data-code="DV_HTT"]').textContent()).toContain('3/5 đơn vị');
    await expect
      .poll(() => tr.locator('td[data-code="KY_LUAT"]').textContent())
      .toMatch(/Các đơn vị cộng lại: 2; chênh lệch −2/);

    const drill = tr.getByRole('link', { name: `So sánh các đơn vị trực thuộc ${first.unit.name}` });
    expect(await drill.getAttribute('href')).toContain(`unit=${first.unit.id}`);
    // Units without any units below offer no such link.
    expect(
      await table(page)
        .getByRole('link', { name: /^So sánh các đơn vị trực thuộc/ })
        .count(),
    ).toBe(1);
    await drill.click();
    await expect.poll(() => param(page, 'unit')).toBe(first.unit.id);
    await expect.poll(() => page.getByText(`${first.unit.name} không có đơn vị trực thuộc.`).count()).toBe(1);
    await page.goBack();
    await expect.poll(() => param(page, 'unit')).toBe(rootId);
    await tr.waitFor();
    await page.close();
  });

  it('fits a phone: the page never scrolls sideways, the table does in its own box with the names in view', async () => {
    const page = await open(`${PATH}?unit=${rootId}&period=2021`, { width: 390, height: 844 });
    await readScorecard(page);
    await chart(page).locator('.recharts-bar-rectangle').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    const box = page.locator('.cmpu-scroll');
    const sizes = await box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    const nameCell = table(page).locator('tbody tr[data-unit] th').first();
    const before = await nameCell.boundingBox();
    await box.evaluate((el) => el.scrollTo({ left: 600 }));
    await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    const after = await nameCell.boundingBox();
    expect(after?.x).toBe(before?.x);
    await expect(nameCell.isVisible()).resolves.toBe(true);

    const badge = table(page).locator('tbody td[data-code="DV_HTT"] [data-status]').first();
    await expect(badge.textContent()).resolves.toBe('Vượt');
    await page.close();
  });
});
