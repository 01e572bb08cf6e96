import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNumber } from '../../shared/format';
import { STATUS_LABELS, type Status } from '../../shared/judgement';
import type { TargetLinesDto } from '../../shared/schemas/target-lines';
import { admin, adminPage, base, json, loadDemo, root, units } from '../helpers/e2e';

// "Trình chiếu" in Chromium against the real server on the demo data: the root's 2021 review
// (the year of the 2021 report the demo reproduces, closed, its lines written by the demo and read by no other test
// that changes them), shown slide by slide with the keys a presenter uses, compared with
// GET /api/target-lines. Nothing is written.

const PATH = '/trinh-chieu';
let browser: BrowserContext;
let close: () => Promise<void>;
let api2021: TargetLinesDto;
let page: Page;

const dialog = (p: Page) => p.getByRole('dialog');
const slide = (p: Page) => p.getByTestId('conf-slide');
const slideHeading = (p: Page) => slide(p).getByRole('heading', { level: 2 });
const slideParam = (p: Page) => new URL(p.url()).searchParams.get('slide');
const shownSlide = (p: Page) => slide(p).getAttribute('data-slide');
const total = () => api2021.lines.length + 2;
const summary = (s: TargetLinesDto['summary']) =>
  `Có ${s.achieved}/${s.total} chỉ tiêu chủ yếu đạt và vượt (${formatNumber(s.share ?? 0)}%)`;

/** Waits until slide n is on screen and in the address, with its counter. */
async function onSlide(p: Page, n: number) {
  await expect.poll(() => shownSlide(p)).toBe(String(n));
  await expect.poll(() => slideParam(p)).toBe(String(n));
  await expect.poll(() => p.getByTestId('conf-counter').textContent()).toBe(`Trang ${n}/${total()}`);
}

/** The counts per verdict, as "Vượt 5", beside the summary of the title and closing slides. */
async function expectCounts(p: Page) {
  const counts = slide(p).getByRole('list', { name: 'Số chỉ tiêu theo đánh giá' });
  const expected = new Map<Status, number>();
  for (const l of api2021.lines) expected.set(l.status, (expected.get(l.status) ?? 0) + 1);
  const shown = await counts
    .locator('li')
    .evaluateAll((lis) =>
      lis.map((li) => [li.getAttribute('data-status'), li.textContent?.replace(/\s+/g, ' ').trim()]),
    );
  expect(shown).toEqual(
    [...expected]
      .sort(([a], [b]) => ORDER.indexOf(a) - ORDER.indexOf(b))
      .map(([s, n]) => [s, `${STATUS_LABELS[s]} ${n}`]),
  );
}
const ORDER: Status[] = ['exceeded', 'met', 'not_yet', 'missed', 'no_data', 'no_target'];

beforeAll(async () => {
  await loadDemo();
  api2021 = await json<TargetLinesDto>(await admin(`/api/target-lines?unit=${root.id}&period=2021`));
  ({ page, browser, close } = await adminPage({
    onPage: (p) => p.setViewportSize({ width: 1366, height: 768 }),
  }));
});

afterAll(async () => {
  await close?.();
});

describe('the conference slides', () => {
  it('lists the slides of the 2021 review before starting, and starts on the title slide with its summary', async () => {
    expect(api2021.lines.length).toBeGreaterThan(2);
    await page.goto(`${base}${PATH}?unit=${root.id}&period=2021`);
    await page.getByRole('heading', { level: 1, name: `Trình chiếu: ${root.name} — Năm 2021` }).waitFor();
    const list = page.getByTestId('conf-slide-list');
    await expect.poll(() => list.getByRole('listitem').count()).toBe(total());
    await expect.poll(() => list.getByRole('listitem').first().textContent()).toContain('Trang mở đầu');
    await expect
      .poll(() => list.getByRole('listitem').nth(1).textContent())
      .toContain(api2021.lines[0]!.text);
    expect(await page.getByTestId('conf-setup-summary').textContent()).toBe(summary(api2021.summary));

    await page.getByRole('button', { name: 'Bắt đầu trình chiếu' }).click();
    await dialog(page).waitFor();
    await onSlide(page, 1);
    await expect
      .poll(() => slideHeading(page).textContent())
      .toBe('Kết quả thực hiện các chỉ tiêu chủ yếu — Năm 2021');
    expect(await slide(page).textContent()).toContain(root.name);
    expect(await slide(page).getByTestId('conf-summary').textContent()).toBe(summary(api2021.summary));
    expect(summary(api2021.summary)).toBe('Có 6/7 chỉ tiêu chủ yếu đạt và vượt (85,71%)');
    await expectCounts(page);
    // The page behind does not scroll while the slides change.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });

  it('shows each line, its verdict word and its figures as the API gives them, moving with →, Page Down and Space', async () => {
    const keys = ['ArrowRight', 'PageDown', 'Space'];
    for (const [i, line] of api2021.lines.entries()) {
      await page.keyboard.press(keys[i % keys.length]!);
      await onSlide(page, i + 2);
      await expect.poll(() => slideHeading(page).textContent()).toBe(line.text);
      const shown = page.getByTestId('conf-line');
      expect(await shown.getAttribute('data-status')).toBe(line.status);
      expect(await shown.locator('.conf-verdict').textContent()).toBe(STATUS_LABELS[line.status]);
      expect(await shown.textContent()).toContain(`Chỉ tiêu ${i + 1}/${api2021.lines.length}`);
      const parts = await shown.locator('.conf-part').evaluateAll((lis) =>
        lis.map((li) => ({
          code: li.getAttribute('data-code'),
          status: li.getAttribute('data-status'),
          text: li.textContent?.replace(/\s+/g, ' ') ?? '',
        })),
      );
      expect(parts.map((p) => [p.code, p.status])).toEqual(
        line.parts.map((p) => [p.indicator.code, p.status]),
      );
      parts.forEach((p, j) => {
        const part = line.parts[j]!;
        if (part.target) expect(p.text).toContain(`Kế hoạch ${part.target.display}`);
        if (part.result) expect(p.text).toContain(`Thực hiện ${part.result.display}`);
        if (part.achievement !== null) expect(p.text).toContain(`${formatNumber(part.achievement)}%`);
      });
      // Each chart says in words what it draws.
      const charts = await shown
        .getByRole('img')
        .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
      // (A line of more than three parts lists its figures without a chart per part.)
      const drawn = line.parts.length > 3 ? [] : line.parts.filter((p) => p.indicator.kind !== 'level');
      expect(charts).toHaveLength(drawn.length);
      for (const label of charts) expect(label).toMatch(/^Biểu đồ: .+: kế hoạch .+, thực hiện .+/);
    }

    // The seed's first line: 100% against 90%, with 20% against 20%, is Vượt.
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await onSlide(page, 2);
    const first = (await page.getByTestId('conf-line').textContent())?.replace(/\s+/g, ' ');
    expect(first).toContain('Kế hoạch 90%');
    expect(first).toMatch(/Thực hiện 100% \(\d+\/\d+\)/);
    expect(await page.getByTestId('conf-line').locator('.conf-verdict').textContent()).toBe('Vượt');

    // The closing slide: the summary again, and every line's verdict.
    await page.keyboard.press('End');
    await onSlide(page, total());
    expect(await slide(page).getByTestId('conf-summary').textContent()).toBe(summary(api2021.summary));
    await expectCounts(page);
    const tiles = await slide(page)
      .getByRole('list', { name: 'Đánh giá từng chỉ tiêu' })
      .locator('li')
      .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-status')));
    expect(tiles).toEqual(api2021.lines.map((l) => l.status));
    // Past the end nothing moves.
    await page.keyboard.press('ArrowRight');
    await onSlide(page, total());
  });

  it('goes back with ← and Page Up, to the ends with Home and End, and to a number typed then Enter', async () => {
    await page.keyboard.press('ArrowLeft');
    await onSlide(page, total() - 1);
    await page.keyboard.press('PageUp');
    await onSlide(page, total() - 2);
    await page.keyboard.press('Home');
    await onSlide(page, 1);
    await page.keyboard.press('ArrowLeft');
    await onSlide(page, 1);
    await page.keyboard.press('End');
    await onSlide(page, total());
    await page.keyboard.press('3');
    await page.keyboard.press('Enter');
    await onSlide(page, 3);
    await expect.poll(() => slideHeading(page).textContent()).toBe(api2021.lines[1]!.text);
  });

  it('moves with the large buttons too, which keep the focus', async () => {
    const next = page.getByRole('button', { name: 'Tiếp' });
    const previous = page.getByRole('button', { name: 'Trước' });
    await next.click();
    await onSlide(page, 4);
    await previous.focus();
    await page.keyboard.press('Enter');
    await onSlide(page, 3);
    expect(await previous.evaluate((el) => el === document.activeElement)).toBe(true);
    // The slide on screen is said to screen readers.
    await expect
      .poll(() => page.getByTestId('conf-announcement').textContent())
      .toBe(
        `Trang 3/${total()}. Chỉ tiêu 2: ${api2021.lines[1]!.text}. Đánh giá: ${STATUS_LABELS[api2021.lines[1]!.status]}.`,
      );
  });

  it('resumes on the slide of the address after a reload', async () => {
    expect(slideParam(page)).toBe('3');
    await page.reload();
    await dialog(page).waitFor();
    await onSlide(page, 3);
    await expect.poll(() => slideHeading(page).textContent()).toBe(api2021.lines[1]!.text);
    await page.keyboard.press('ArrowRight');
    await onSlide(page, 4);
  });

  it('leaves full screen then the presentation with Esc, back to the list with the focus on the start button', async () => {
    // A reload ends full screen; the button asks for it again.
    const fullscreen = page.getByRole('button', { name: 'Toàn màn hình' });
    if ((await fullscreen.count()) > 0) await fullscreen.click();
    await page.waitForTimeout(300);
    if (await page.evaluate(() => document.fullscreenElement !== null)) {
      await page.keyboard.press('Escape');
      await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
      expect(await dialog(page).isVisible()).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog(page).count()).toBe(0);
    expect(slideParam(page)).toBeNull();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Bắt đầu trình chiếu');
    // Back in the browser returns to where the presentation was.
    await page.goBack();
    await dialog(page).waitFor();
    await onSlide(page, 4);
    await page.getByRole('button', { name: 'Kết thúc' }).click();
    await expect.poll(() => dialog(page).count()).toBe(0);
  });

  it('says when a unit has no main targets for the period, and offers nothing to start', async () => {
    const cell = units.find((u) => u.parentId === root.id)!;
    const own = await json<TargetLinesDto>(await admin(`/api/target-lines?unit=${cell.id}&period=2021`));
    expect(own.lines).toEqual([]);
    await page.goto(`${base}${PATH}?unit=${cell.id}&period=2021`);
    await page.getByText(`${cell.name} chưa có chỉ tiêu chủ yếu nào trong năm 2021.`).waitFor();
    expect(await page.getByRole('button', { name: 'Bắt đầu trình chiếu' }).count()).toBe(0);
    // An address asking for a slide of the empty deck lands on the same message.
    await page.goto(`${base}${PATH}?unit=${cell.id}&period=2021&slide=2`);
    await page.getByText(`${cell.name} chưa có chỉ tiêu chủ yếu nào trong năm 2021.`).waitFor();
    expect(await dialog(page).count()).toBe(0);
  });

  it('fits a phone: one column, nothing wider than the screen, the buttons in reach', async () => {
    const phone = await browser.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${base}${PATH}?unit=${root.id}&period=2021&slide=2`);
    await dialog(phone).waitFor();
    await onSlide(phone, 2);
    // Once the slide has slid in.
    await phone.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    const widths = await dialog(phone).evaluate((el) => {
      const stage = el.querySelector('.conf-stage')!;
      return {
        scroll: stage.scrollWidth,
        client: stage.clientWidth,
        dialog: el.getBoundingClientRect().width,
      };
    });
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    expect(widths.dialog).toBe(390);
    await phone.getByRole('button', { name: 'Tiếp' }).click();
    await onSlide(phone, 3);
    await phone.close();
  });
});
