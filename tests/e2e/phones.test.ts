import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  admin,
  Browsers,
  base,
  DESKTOP,
  loadDemo,
  createUser as postUser,
  root,
  stamp,
  unitIdOf,
  units,
} from '../helpers/e2e';
import { openScreen, PHONE, SCREENS, type Screen, screensAt, settle, sideways } from '../helpers/screens';

// The app on a phone (390 × 844, the issue's measure) and its navigation at both widths, in
// Chromium against the real server on the demo data: no screen scrolls sideways; the
// "Trình đơn" button opens a panel of every screen the user may open (the same as the wide
// screen's rows, by rights: an admin and a reporter here), whose links open their screens,
// which closes on Esc, on a link, on a tap outside and when the focus leaves it, works with
// the keyboard alone and has rows a thumb can press. Users made here are named ph-….

const adminPassword = inject('adminPassword');
const PASSWORD = 'mat-khau-thu-2026';
const REPORTER = `ph-reporter-${stamp}`;
const CELL = 'Chi bộ Khoa Giáo dục Tiểu học – Mầm non';

/** What a reporter of a chi bộ may open: following, and entering figures, never keeping the app. */
const REPORTER_SCREENS = screensAt([
  '/',
  '/so-sanh-ky',
  '/so-sanh-don-vi',
  '/trinh-chieu',
  '/bao-cao',
  '/chi-tieu-chu-yeu',
  '/xep-loai-dang-vien',
  '/bao-cao-ket-qua',
  '/nhap-xuat',
]);

const browsers = new Browsers();
let adminPhone: Page;
let reporterPhone: Page;

const menuButton = (page: Page) => page.getByRole('button', { name: 'Trình đơn', exact: true });

/** The panel the button controls, found by its aria-controls. */
async function panel(page: Page): Promise<Locator> {
  const id = await menuButton(page).getAttribute('aria-controls');
  expect(id, 'the menu button names the panel it controls').toBeTruthy();
  return page.locator(`[id="${id}"]`);
}

/** The links of a list, as names and paths. */
async function linksOf(list: Locator) {
  const links = await list.getByRole('link').all();
  return Promise.all(
    links.map(async (a) => ({
      name: (await a.textContent())?.trim() ?? '',
      path: new URL((await a.getAttribute('href')) ?? '', base).pathname,
    })),
  );
}

const expected = (screens: Screen[]) => screens.map((s) => ({ name: s.name, path: s.path }));

async function openMenu(page: Page) {
  await menuButton(page).click();
  await expect.poll(() => menuButton(page).getAttribute('aria-expanded')).toBe('true');
  const nav = await panel(page);
  await nav.waitFor();
  return nav;
}

async function expectClosed(page: Page) {
  await expect.poll(() => menuButton(page).getAttribute('aria-expanded')).toBe('false');
  expect(await (await panel(page)).isVisible()).toBe(false);
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}: ${el.textContent?.trim().slice(0, 60)}`;
  });

/** Fails with what sticks out when the document is wider than the window. */
async function expectNoSideways(page: Page, what: string) {
  const s = await sideways(page);
  expect(
    s.scrollWidth,
    `${what} scrolls sideways: ${s.scrollWidth} px wide in ${s.clientWidth} px; past the edge: ${s.culprits.join(', ')}`,
  ).toBeLessThanOrEqual(s.clientWidth);
}

/** Goes through the menu to every screen in turn, as a thumb would. */
async function chooseEach(page: Page, screens: Screen[]) {
  for (const screen of screens) {
    const nav = await openMenu(page);
    await nav.getByRole('link', { name: screen.name, exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(screen.path);
    await expect.poll(() => page.locator('h1').first().textContent()).toMatch(screen.heading);
    await expectClosed(page);
    await settle(page);
    await expectNoSideways(page, screen.path);
    // Opened again, the panel marks this screen as the current one, and no other.
    const again = await openMenu(page);
    const current = again.locator('[aria-current="page"]');
    expect(await current.count()).toBe(1);
    expect((await current.textContent())?.trim()).toBe(screen.name);
    await page.keyboard.press('Escape');
    await expectClosed(page);
  }
}

beforeAll(async () => {
  await loadDemo();
  await postUser(admin, {
    username: REPORTER,
    password: PASSWORD,
    displayName: 'Bí thư Chi bộ thử trên điện thoại',
    grants: [{ role: 'reporter', unitId: unitIdOf(units, CELL) }],
  });
  adminPhone = await browsers.signedIn('admin', adminPassword, PHONE);
  reporterPhone = await browsers.signedIn(REPORTER, PASSWORD, PHONE);
});

afterAll(browsers.closeAll);

describe('no screen scrolls sideways at 390 px', () => {
  it.each(SCREENS.map((s) => [s.path, s] as const))('%s, as admin', async (_path, screen) => {
    await openScreen(adminPhone, base, screen.path);
    await expectNoSideways(adminPhone, screen.path);
  });

  it('screens in other states: the whole Đảng bộ’s ratings and results, a past year, one indicator', async () => {
    for (const path of [
      `/xep-loai-dang-vien?unit=${root.id}`,
      '/?period=2021',
      '/so-sanh-ky?code=DV_HTT',
      `/bao-cao-ket-qua?unit=${root.id}&period=2021`,
      '/so-sanh-don-vi?period=2021',
    ]) {
      await openScreen(adminPhone, base, path);
      await expectNoSideways(adminPhone, path);
    }
  });

  it('every screen of a reporter', async () => {
    for (const screen of REPORTER_SCREENS) {
      await openScreen(reporterPhone, base, screen.path);
      await expectNoSideways(reporterPhone, `${screen.path} (reporter)`);
    }
  });

  it('the sign-in page, and the change-password dialog', async () => {
    const page = await browsers.page((p) => p.setViewportSize(PHONE));
    await page.goto(`${base}/`);
    await page.getByLabel('Tên đăng nhập').waitFor();
    await expectNoSideways(page, 'the sign-in page');

    await openScreen(adminPhone, base, '/');
    await adminPhone.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    const dialog = adminPhone.getByRole('dialog', { name: 'Đổi mật khẩu' });
    await dialog.waitFor();
    await expectNoSideways(adminPhone, 'the change-password dialog');
    const box = await dialog.boundingBox();
    expect(box?.x).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
    await adminPhone.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });
});

describe('the menu on a phone', () => {
  it('lists every screen an admin may open, as the wide screen does', async () => {
    const wide = await browsers.signedIn('admin', adminPassword, DESKTOP);
    const wideLinks = await linksOf(wide.getByRole('navigation', { name: 'Các trang' }));
    expect(wideLinks).toEqual(expected(SCREENS));

    await openScreen(adminPhone, base, '/');
    // Closed, the panel is out of the way: its button says so.
    await expectClosed(adminPhone);
    const nav = await openMenu(adminPhone);
    expect(await linksOf(nav)).toEqual(wideLinks);
    // Grouped as on the wide screen, each group named.
    for (const group of ['Theo dõi', 'Nhập số liệu', 'Quản trị'])
      expect(await nav.getByRole('list', { name: group }).count()).toBe(1);
    await adminPhone.keyboard.press('Escape');
  });

  it('lists only what a reporter may open, as the wide screen does for them', async () => {
    const wide = await browsers.signedIn(REPORTER, PASSWORD, DESKTOP);
    const wideLinks = await linksOf(wide.getByRole('navigation', { name: 'Các trang' }));
    expect(wideLinks).toEqual(expected(REPORTER_SCREENS));

    await openScreen(reporterPhone, base, '/');
    const nav = await openMenu(reporterPhone);
    expect(await linksOf(nav)).toEqual(wideLinks);
    for (const name of ['Giao chỉ tiêu', 'Người dùng', 'Danh mục'])
      expect(await nav.getByRole('link', { name }).count()).toBe(0);
    await reporterPhone.keyboard.press('Escape');
  });

  it('opens each of an admin’s screens, closes behind it and marks it current', async () => {
    await openScreen(adminPhone, base, '/danh-muc');
    await chooseEach(adminPhone, SCREENS);
  });

  it('opens each of a reporter’s screens', async () => {
    await openScreen(reporterPhone, base, '/nhap-xuat');
    await chooseEach(reporterPhone, REPORTER_SCREENS);
  });

  it('has rows and a button a thumb can press (44 px at least)', async () => {
    await openScreen(adminPhone, base, '/');
    const button = await menuButton(adminPhone).boundingBox();
    expect(button?.height).toBeGreaterThanOrEqual(44);
    expect(button?.width).toBeGreaterThanOrEqual(44);
    const nav = await openMenu(adminPhone);
    const links = await nav.getByRole('link').all();
    expect(links.length).toBe(SCREENS.length);
    for (const link of links) {
      const box = await link.boundingBox();
      expect(box?.height, (await link.textContent()) ?? '').toBeGreaterThanOrEqual(44);
      expect(box?.width).toBeGreaterThanOrEqual(PHONE.width - 40);
    }
    // The panel lies within the screen's width.
    const box = await nav.boundingBox();
    expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= PHONE.width).toBe(true);
    await expectNoSideways(adminPhone, 'the page with the menu open');
    await adminPhone.keyboard.press('Escape');
  });

  it('closes on Esc, the focus back on its button', async () => {
    await openScreen(adminPhone, base, '/so-sanh-ky');
    const nav = await openMenu(adminPhone);
    // Opened, the focus is on its first link.
    expect(await focused(adminPhone)).toBe('a: Bảng chỉ tiêu');
    await nav.getByRole('link', { name: 'Trình chiếu' }).focus();
    await adminPhone.keyboard.press('Escape');
    await expectClosed(adminPhone);
    expect(await focused(adminPhone)).toBe('button: Trình đơn');
  });

  it('closes on a tap outside it, and the tap presses nothing under the veil', async () => {
    await openScreen(adminPhone, base, '/');
    // "Đổi mật khẩu", in the header, lies outside the panel, under the veil while it is open.
    const under = await adminPhone.getByRole('button', { name: 'Đổi mật khẩu' }).boundingBox();
    if (!under) throw new Error('no "Đổi mật khẩu" in the header');
    await openMenu(adminPhone);
    await adminPhone.mouse.click(under.x + under.width / 2, under.y + under.height / 2);
    await expectClosed(adminPhone);
    expect(await focused(adminPhone)).toBe('button: Trình đơn');
    expect(await adminPhone.getByRole('dialog').count()).toBe(0);
    // The button itself closes it too.
    await openMenu(adminPhone);
    await menuButton(adminPhone).click();
    await expectClosed(adminPhone);
  });

  it('closes on the link of the screen already shown, the focus back on its button', async () => {
    await openScreen(adminPhone, base, '/bao-cao');
    const nav = await openMenu(adminPhone);
    await nav.getByRole('link', { name: 'Báo cáo', exact: true }).click();
    await expectClosed(adminPhone);
    expect(new URL(adminPhone.url()).pathname).toBe('/bao-cao');
    await expect.poll(() => focused(adminPhone)).toBe('button: Trình đơn');
  });

  it('works with the keyboard alone: Tab to the button, Enter, Tab to a link, Enter', async () => {
    const page = adminPhone;
    await openScreen(page, base, '/');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    // From the top of the page, the button is among the first stops: after the skip link,
    // the brand and the account's two buttons.
    let presses = 0;
    while ((await focused(page)) !== 'button: Trình đơn' && presses < 8) {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(await focused(page)).toBe('button: Trình đơn');
    await page.keyboard.press('Enter');
    await expect.poll(() => menuButton(page).getAttribute('aria-expanded')).toBe('true');
    expect(await focused(page)).toBe('a: Bảng chỉ tiêu');
    // Down the links in order, to the last.
    for (const screen of SCREENS.slice(1)) {
      await page.keyboard.press('Tab');
      expect(await focused(page)).toBe(`a: ${screen.name}`);
    }
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/danh-muc');
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Danh mục');
    await expectClosed(page);
    // The new screen has the focus, on its content.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');

    // Back up to the button (the closed panel's links are not in the way), Space opens it.
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('button: Trình đơn');
    await page.keyboard.press('Space');
    await expect.poll(() => menuButton(page).getAttribute('aria-expanded')).toBe('true');
    // Tab past the last link: the panel closes rather than hide where the focus went.
    for (let i = 0; i < SCREENS.length; i++) await page.keyboard.press('Tab');
    await expectClosed(page);
    const inMain = await page.evaluate(() =>
      document.getElementById('main')?.contains(document.activeElement),
    );
    expect(inMain).toBe(true);
  });
});

describe('the navigation on a wide screen (1366 px)', () => {
  it('keeps the two rows under the header, every link in view, no menu button', async () => {
    const page = await browsers.signedIn('admin', adminPassword, DESKTOP);
    await settle(page);
    expect(await menuButton(page).isVisible()).toBe(false);
    const nav = page.getByRole('navigation', { name: 'Các trang' });
    const links = await nav.getByRole('link').all();
    expect(links.length).toBe(SCREENS.length);
    const tops = new Set<number>();
    for (const link of links) {
      expect(await link.isVisible()).toBe(true);
      const box = await link.boundingBox();
      tops.add(Math.round(box?.y ?? -1));
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(DESKTOP.width);
    }
    expect(tops.size).toBeLessThanOrEqual(2);
    expect(await nav.locator('[aria-current="page"]').textContent()).toBe('Bảng chỉ tiêu');
    await expectNoSideways(page, 'the dashboard at 1366 px');
  });
});
