import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AxeViolation, describeViolations, graveViolations } from '../helpers/axe';
import { Browsers, base, DESKTOP, loadDemo, root } from '../helpers/e2e';
import { openScreen, PHONE, SCREENS, settle } from '../helpers/screens';

// Every screen checked by axe-core (WCAG rules, in Chromium against the real server on the
// demo data) at a desktop's width and a phone's, signed in as admin, who sees them all; and
// the states that cover a screen: the phone's menu open, dialogs, the list of units open, the
// sign-in page. No violation whose impact is serious or critical may remain; a failure prints
// each one with its rule, its help and where it is, so that it can be fixed.

const adminPassword = inject('adminPassword');
const WIDTHS = [
  { name: '1366 px', size: DESKTOP },
  { name: '390 px', size: PHONE },
] as const;

/** What opens over a screen, and how a person opens it. */
const OPENED: { what: string; path: string; open: (page: Page) => Promise<unknown> }[] = [
  {
    what: 'the change-password dialog',
    path: '/',
    open: async (page) => {
      await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
      await page.getByRole('dialog', { name: 'Đổi mật khẩu' }).waitFor();
    },
  },
  {
    what: 'the dashboard’s “Cập nhật” dialog, with its preview',
    path: '/',
    open: async (page) => {
      await page
        .locator('tr[data-code]')
        .first()
        .getByRole('button', { name: /^Cập nhật/ })
        .click();
      await page.getByTestId('status-preview').waitFor();
    },
  },
  {
    what: 'the toolbar’s list of units, open',
    path: '/',
    open: async (page) => {
      await page.getByRole('combobox', { name: 'Đơn vị' }).click();
      await page.getByRole('listbox', { name: 'Danh sách đơn vị' }).waitFor();
    },
  },
  {
    what: 'the users page’s “Sửa vai trò” dialog',
    path: '/nguoi-dung',
    open: async (page) => {
      await page
        .getByRole('button', { name: /^Sửa vai trò/ })
        .first()
        .click();
      await page.getByRole('dialog').waitFor();
    },
  },
];

const browsers = new Browsers();
const pages = new Map<string, Page>();

/** Fails, listing them, when the page has serious or critical violations. */
async function expectNoGraveViolation(page: Page, screen: string) {
  // Charts draw themselves in after their data: checked once they stand still.
  await page.waitForTimeout(400);
  const violations: AxeViolation[] = await graveViolations(page);
  expect(violations, describeViolations(screen, violations)).toEqual([]);
}

/** Screens in another state than the one they open with: another unit, period or indicator. */
const STATES = () => [
  `/xep-loai-dang-vien?unit=${root.id}`,
  '/?period=2021',
  '/so-sanh-ky?code=DV_HTT',
  `/bao-cao-ket-qua?unit=${root.id}&period=2021`,
];

beforeAll(async () => {
  await loadDemo();
  for (const w of WIDTHS) pages.set(w.name, await browsers.signedIn('admin', adminPassword, w.size));
});

afterAll(browsers.closeAll);

describe.each(WIDTHS)('at $name', (width) => {
  const page = () => pages.get(width.name) as Page;

  it.each(SCREENS.map((s) => [s.name, s.path] as const))('%s (%s)', async (_name, path) => {
    await openScreen(page(), base, path);
    await expectNoGraveViolation(page(), `${path} at ${width.name}`);
  });

  it('the screens in other states: the whole Đảng bộ’s ratings, a past year, one indicator', async () => {
    for (const path of STATES()) {
      await openScreen(page(), base, path);
      await expectNoGraveViolation(page(), `${path} at ${width.name}`);
    }
  });

  it.each(OPENED.map((o) => [o.what, o] as const))('%s', async (_what, opened) => {
    await openScreen(page(), base, opened.path);
    await opened.open(page());
    await expectNoGraveViolation(page(), `${opened.what} at ${width.name}`);
  });

  it('the sign-in page, signed out', async () => {
    const signedOut = await browsers.page((p) => p.setViewportSize(width.size));
    await signedOut.goto(`${base}/`);
    await signedOut.getByLabel('Tên đăng nhập').waitFor();
    await expectNoGraveViolation(signedOut, `the sign-in page at ${width.name}`);
  });
});

describe('the phone’s menu open', () => {
  it.each(['/', '/danh-muc'])('over %s', async (path) => {
    const page = pages.get('390 px') as Page;
    await openScreen(page, base, path);
    await page.getByRole('button', { name: 'Trình đơn', exact: true }).click();
    await page.getByRole('navigation', { name: 'Các trang' }).waitFor();
    await settle(page);
    await expectNoGraveViolation(page, `the menu open over ${path}`);
    await page.keyboard.press('Escape');
  });
});
