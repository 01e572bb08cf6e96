import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompareUnitsDto } from '../../shared/schemas/compare';
import type { DashboardDto, DashboardUnitsDto } from '../../shared/schemas/dashboard';
import type { IndicatorDto } from '../../shared/schemas/indicators';
import { admin, adminBrowser, DESKTOP, getOk, json, loadDemo, openPage, root, units } from '../helpers/e2e';

// A leader reads the dashboard, the comparisons, the target lines and the slides on a phone
// (390 × 844), in Chromium against the real server on the demo data: no page scrolls sideways,
// wide tables become cards or scroll in their own box with the names fixed, words are never
// split over lines, the charts open on an indicator that has results to compare (as the API
// says) and say so in a sentence when none has, and a result carried over from the latest
// period never reads "cộng dồn". Writes only the root's 2017 (targets, a half-year's result,
// two target lines), which no other test reads.

const PHONE = { width: 390, height: 844 };
const YEAR = String(new Date().getFullYear());
const FAR = '2017';
/** An indicator whose longer periods take the latest shorter one (timeAggregate last). */
const LAST = 'KH_DAO_TAO';
const COUNT = 'KET_NAP';

let browser: BrowserContext;
let close: () => Promise<void>;

const api = <T>(path: string) => getOk<T>(admin, path);
const open = (path: string, viewport = PHONE) => openPage(browser, path, viewport);
const put = async (path: string, body: unknown) =>
  json(await admin(path, { method: 'PUT', body: JSON.stringify(body) }));

/** How far the page reaches past the screen sideways: 0 when nothing scrolls but the boxes meant to. */
const sideways = (page: Page) =>
  page.evaluate(
    () => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth,
  );

/** The words inside `locator` that are split over two lines (none, when names wrap between words). */
function splitWords(locator: Locator): Promise<string[]> {
  return locator.evaluateAll((els) => {
    const out: string[] = [];
    for (const el of els) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of (node.textContent ?? '').matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const lines = new Set(
            [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)),
          );
          if (lines.size > 1) out.push(m[0]);
        }
      }
    }
    return out;
  });
}

/** The lines the text of each element takes. */
const lineCounts = (locator: Locator) =>
  locator.evaluateAll((els) =>
    els.map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const tops = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top));
      return { text: el.textContent?.trim(), lines: new Set(tops).size };
    }),
  );

/** A table scrolled sideways in its box: where its first cell and its second were, and are. */
async function scrollBox(box: Locator) {
  const before = await box.evaluate((el) => {
    const row = el.querySelector('tbody tr');
    const [first, second] = [row?.children[0], row?.children[1]].map((c) => c?.getBoundingClientRect().left);
    return { first, second, wide: el.scrollWidth > el.clientWidth };
  });
  await box.evaluate((el) => {
    el.scrollLeft = 200;
  });
  await box.page().waitForTimeout(100);
  const after = await box.evaluate((el) => {
    const row = el.querySelector('tbody tr');
    const [first, second] = [row?.children[0], row?.children[1]].map((c) => c?.getBoundingClientRect().left);
    return { first, second, scrolled: el.scrollLeft };
  });
  return { before, after };
}

/** The first of `codes` that some unit under the root has a result of in `period`, as the API says. */
async function firstWithResults(codes: string[], period: string) {
  let first: string | undefined;
  let without: string | undefined;
  for (const code of codes) {
    const perUnit = await api<DashboardUnitsDto>(
      `/api/dashboard/units?parent=${root.id}&code=${code}&period=${period}`,
    );
    if (perUnit.rows.some((r) => r.result)) first ??= code;
    else without ??= code;
    if (first && without) break;
  }
  return { first, without };
}

beforeAll(async () => {
  await loadDemo();
  ({ browser, close } = await adminBrowser());
  // A far year: a target at the root and at one chi bộ below, nothing reported by a unit below;
  // the root's result of a "last" indicator comes from its first half; a line binds it.
  const chiBo = units.find((u) => u.parentId === root.id && u.kind === 'chi_bo');
  if (!chiBo) throw new Error('the demo root has no chi bộ');
  await put(`/api/targets/${root.id}/${COUNT}/${FAR}`, { value: 3 });
  await put(`/api/targets/${chiBo.id}/${COUNT}/${FAR}`, { value: 1 });
  await put(`/api/targets/${root.id}/${LAST}/${FAR}`, { value: 100 });
  await put(`/api/results/${root.id}/${LAST}/${FAR}-H1`, { value: 56.4 });
  const lines = await api<{ version: number }>(`/api/target-lines?unit=${root.id}&period=${FAR}`);
  await put(`/api/target-lines/${root.id}/${FAR}`, {
    lines: [
      { text: 'Hoàn thành kế hoạch đào tạo, bồi dưỡng năm 2017', codes: [LAST] },
      { text: 'Kết nạp ít nhất 03 quần chúng ưu tú vào Đảng', codes: [COUNT] },
    ],
    version: lines.version,
  });
});

afterAll(async () => {
  await close?.();
});

describe('a leader on a phone', () => {
  it('never scrolls a page sideways: the dashboard, both comparisons, the lines and the slides', async () => {
    const paths = [
      '/',
      `/?unit=${root.id}&period=${FAR}`,
      '/so-sanh-ky',
      `/so-sanh-ky?unit=${root.id}&code=${LAST}`,
      '/so-sanh-don-vi',
      '/chi-tieu-chu-yeu',
      '/trinh-chieu',
      `/trinh-chieu?unit=${root.id}&period=${YEAR}&slide=2`,
    ];
    for (const path of paths) {
      const page = await open(path);
      await page.waitForLoadState('networkidle');
      await page.locator('h1, .conf-frame').first().waitFor();
      // Charts come in their own chunk: wait for them to be drawn before measuring.
      await page.waitForTimeout(600);
      expect(await sideways(page), path).toBeLessThanOrEqual(0);
      await page.close();
    }
  });

  it('reads "Tiến độ so với kế hoạch" as cards, names whole, every figure with its label', async () => {
    const page = await open(`/?unit=${root.id}&period=${YEAR}`);
    const progress = page.locator('.progress-table');
    await progress.first().waitFor();
    const fromApi = await api<DashboardDto>(`/api/dashboard?unit=${root.id}&period=${YEAR}`);
    const rows = fromApi.rows.filter((r) => r.progress);
    expect(rows.length).toBeGreaterThan(0);
    const cards = page.locator('.progress-table tbody tr');
    expect(await cards.count()).toBe(rows.length);
    const shown = await cards.evaluateAll((trs) =>
      trs.map((tr) => ({
        display: getComputedStyle(tr).display,
        width: tr.getBoundingClientRect().width,
        labels: [...tr.querySelectorAll('td')].map((td) => getComputedStyle(td, '::before').content),
      })),
    );
    const box = await progress.first().evaluate((t) => t.parentElement?.getBoundingClientRect().width ?? 0);
    for (const card of shown) {
      expect(card.display).not.toBe('table-row');
      expect(card.width).toBeLessThanOrEqual(box + 1);
      expect(card.labels.join('|')).toMatch(/Kế hoạch nhiệm kỳ.*\|"Lũy kế.*\|"Tỷ lệ so với KH"\|"Tiến độ"/);
    }
    expect(await splitWords(page.locator('.progress-table tbody th'))).toEqual([]);
    // The name of an indicator takes at most three lines on a phone, not one word per line.
    for (const { text, lines } of await lineCounts(page.locator('.progress-table tbody th')))
      expect(lines, text).toBeLessThanOrEqual(3);
    await page.close();
  });

  it('scrolls the wide tables in their own box, the names fixed, with "Vuốt ngang để xem thêm"', async () => {
    const page = await open(`/?unit=${root.id}&period=2021&code=DV_HTT`);
    const chart = page.getByTestId('units-chart');
    await chart.getByText('Xem dạng bảng').click();
    const box = chart.locator('.scroll-table-box');
    await box.locator('tbody tr').first().waitFor();
    await expect.poll(() => chart.getByText('Vuốt ngang để xem thêm').isVisible()).toBe(true);
    const { before, after } = await scrollBox(box);
    expect(before.wide).toBe(true);
    expect(after.scrolled).toBeGreaterThan(0);
    expect(after.first).toBeCloseTo(before.first ?? Number.NaN, 0);
    expect(after.second).toBeLessThan((before.second ?? 0) - 50);
    expect(await splitWords(box.locator('tbody th'))).toEqual([]);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await page.close();

    const compare = await open(`/so-sanh-don-vi?unit=${root.id}&period=2021`);
    const scorecard = compare.getByTestId('scorecard');
    await scorecard.locator('tbody tr').first().waitFor();
    const card = compare.locator('.cmpu-card');
    await expect.poll(() => card.getByText('Vuốt ngang để xem thêm').isVisible()).toBe(true);
    const moved = await scrollBox(card.locator('.scroll-table-box'));
    expect(moved.after.first).toBeCloseTo(moved.before.first ?? Number.NaN, 0);
    expect(moved.after.second).toBeLessThan((moved.before.second ?? 0) - 50);
    expect(await splitWords(scorecard.locator('tbody th'))).toEqual([]);
    await compare.close();
  });

  it("keeps a unit of measure on one line, and a level row's missing result on the right", async () => {
    for (const viewport of [DESKTOP, { width: 1024, height: 768 }, PHONE]) {
      const page = await open(`/?unit=${root.id}&period=${YEAR}`, viewport);
      await page.locator('tr[data-code]').first().waitFor();
      const cells = page.locator('.dashboard-table td.col-unit');
      for (const { text, lines } of await lineCounts(cells))
        expect(lines, `${text} at ${viewport.width}`).toBe(1);
      expect(await splitWords(page.locator('.dashboard-table .col-name'))).toEqual([]);
      await page.close();
    }
    // A rating (a level) without a result: its dash ends where the other rows' dashes do.
    const fromApi = await api<DashboardDto>(`/api/dashboard?unit=${root.id}&period=${YEAR}`);
    const level = fromApi.rows.find((r) => r.indicator.kind === 'level' && !r.result);
    const number = fromApi.rows.find((r) => r.indicator.kind !== 'level' && !r.result);
    if (level && number) {
      const page = await open(`/?unit=${root.id}&period=${YEAR}`, DESKTOP);
      const dashEnd = (code: string) =>
        page.locator(`tr[data-code="${code}"] [data-label="Thực hiện"] .figure-none`).evaluate((el) => {
          const r = document.createRange();
          r.selectNodeContents(el);
          return Math.round(r.getBoundingClientRect().right);
        });
      await page.locator(`tr[data-code="${level.indicator.code}"]`).waitFor();
      expect(await dashEnd(level.indicator.code)).toBe(await dashEnd(number.indicator.code));
      await page.close();
    }
  });

  it('opens the dashboard chart on the first indicator some unit below has a result of', async () => {
    const dashboard = await api<DashboardDto>(`/api/dashboard?unit=${root.id}&period=${YEAR}`);
    const codes = dashboard.rows.map((r) => r.indicator.code);
    const { first, without } = await firstWithResults(codes, YEAR);
    if (!first) throw new Error(`no unit under the root has a result in ${YEAR}`);
    const name = dashboard.rows.find((r) => r.indicator.code === first)?.indicator.name ?? '';

    const page = await open(`/?unit=${root.id}&period=${YEAR}`);
    const chart = page.getByTestId('units-chart');
    await chart.locator('.recharts-bar-rectangle').first().waitFor();
    await expect.poll(() => chart.getByLabel('Chỉ tiêu', { exact: true }).inputValue()).toBe(first);
    await expect.poll(() => chart.getByRole('heading').textContent()).toContain(name);
    expect(await page.locator(`tr[data-code="${first}"]`).getAttribute('class')).toContain('is-selected');
    await page.close();

    // One asked for in the address with no result stays, says so, and offers the first that has.
    if (without) {
      const asked = await open(`/?unit=${root.id}&period=${YEAR}&code=${without}`);
      const note = asked.getByTestId('units-chart').getByTestId('chart-no-results');
      await expect.poll(() => note.textContent()).toMatch(/Chưa đơn vị trực thuộc nào có kết quả/);
      expect(await asked.getByTestId('units-chart').locator('.recharts-surface').count()).toBe(0);
      await note.getByRole('button', { name: new RegExp(`Xem “${name}”`) }).click();
      await expect.poll(() => new URL(asked.url()).searchParams.get('code')).toBe(first);
      await asked.getByTestId('units-chart').locator('.recharts-bar-rectangle').first().waitFor();
      await asked.close();
    }
  });

  it('opens the ranking on the first indicator some unit has a result of, as GET /api/compare/units says', async () => {
    const scorecard = await api<CompareUnitsDto>(`/api/compare/units?parent=${root.id}&period=${YEAR}`);
    const first = scorecard.indicators.find((i) =>
      scorecard.rows.some((r) => r.cells.some((c) => c.code === i.code && c.result)),
    );
    if (!first) throw new Error(`no unit under the root has a result in ${YEAR}`);
    const page = await open(`/so-sanh-don-vi?unit=${root.id}&period=${YEAR}`);
    const chart = page.getByTestId('ranking-chart');
    await chart.locator('.recharts-bar-rectangle').first().waitFor();
    await expect.poll(() => chart.getByLabel('Chỉ tiêu', { exact: true }).inputValue()).toBe(first.code);
    await expect.poll(() => chart.getByRole('heading').textContent()).toContain(first.name);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('says in a sentence, instead of drawing targets alone, when no unit below has a result', async () => {
    const nothing = new RegExp(`Chưa đơn vị trực thuộc nào có kết quả của chỉ tiêu nào trong Năm ${FAR}`);
    const page = await open(`/?unit=${root.id}&period=${FAR}`);
    const chart = page.getByTestId('units-chart');
    await expect.poll(() => chart.getByTestId('chart-no-results').textContent()).toMatch(nothing);
    expect(await chart.locator('.recharts-surface').count()).toBe(0);
    await page.close();

    // Asked for by name, the indicator with targets but no result says so, and the table holds the targets.
    const indicators = await api<{ indicators: IndicatorDto[] }>('/api/indicators');
    const count = indicators.indicators.find((i) => i.code === COUNT);
    const asked = await open(`/?unit=${root.id}&period=${FAR}&code=${COUNT}`);
    const note = asked.getByTestId('units-chart').getByTestId('chart-no-results');
    await expect.poll(() => note.textContent()).toContain(`có kết quả “${count?.name}” trong Năm ${FAR}`);
    await expect(note.textContent()).resolves.toContain('1 đơn vị đã được giao kế hoạch');
    expect(await asked.getByTestId('units-chart').locator('.recharts-surface').count()).toBe(0);
    await asked.close();

    const compare = await open(`/so-sanh-don-vi?unit=${root.id}&period=${FAR}`);
    const ranking = compare.getByTestId('ranking-chart');
    await expect.poll(() => ranking.getByTestId('chart-no-results').textContent()).toMatch(nothing);
    expect(await ranking.locator('.recharts-surface').count()).toBe(0);
    await compare.close();

    // The slide of that line, unit by unit: the same sentence, no bars.
    const slide = await open(`/trinh-chieu?unit=${root.id}&period=${FAR}&slide=3`);
    await slide.getByRole('button', { name: 'Theo đơn vị' }).click();
    const units = slide.locator('.conf-units');
    await expect
      .poll(() => units.getByTestId('chart-no-results').textContent())
      .toMatch(
        /Chưa đơn vị trực thuộc nào có kết quả của chỉ tiêu này trong năm 2017.*1 đơn vị đã được giao kế hoạch/,
      );
    expect(await units.locator('.recharts-surface').count()).toBe(0);
    await slide.close();
  });

  it('says "lấy kỳ gần nhất", never "cộng dồn", under a result carried over from the latest period', async () => {
    const dashboard = await api<DashboardDto>(`/api/dashboard?unit=${root.id}&period=${FAR}`);
    const row = dashboard.rows.find((r) => r.indicator.code === LAST);
    expect(row?.indicator.timeAggregate).toBe('last');
    expect(row?.result?.source).toBe('periods');

    const page = await open(`/?unit=${root.id}&period=${FAR}`);
    const result = page.locator(`tr[data-code="${LAST}"] [data-label="Thực hiện"]`);
    await expect.poll(() => result.textContent()).toContain('Lấy kỳ gần nhất có số liệu');
    expect(await result.textContent()).not.toMatch(/cộng dồn/i);
    await page.close();

    const lines = await open(`/chi-tieu-chu-yeu?unit=${root.id}&period=${FAR}`);
    const part = lines.locator(`.tl-part[data-code="${LAST}"]`).first();
    await expect.poll(() => part.textContent()).toContain('lấy kỳ gần nhất có số liệu');
    expect(await part.textContent()).not.toMatch(/cộng dồn/i);
    await lines.close();

    // The title slide, then the line's.
    const slide = await open(`/trinh-chieu?unit=${root.id}&period=${FAR}&slide=2`);
    const figures = slide.locator(`.conf-part[data-code="${LAST}"]`);
    await expect.poll(() => figures.textContent()).toContain('lấy kỳ gần nhất có số liệu');
    expect(await figures.textContent()).not.toMatch(/cộng dồn/i);
    expect(await sideways(slide)).toBeLessThanOrEqual(0);
    await slide.close();
  });
});
