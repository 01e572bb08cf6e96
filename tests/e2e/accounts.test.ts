import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { MeDto, UserDto } from '../../shared/accounts';
import { launchBrowser } from '../helpers/browser';
import {
  admin,
  base,
  freshBrowser,
  json,
  loadDemo,
  createUser as postUser,
  root,
  signIn,
  stamp,
  unitIdOf,
  units,
} from '../helpers/e2e';

/** One answer for every failed sign-in: a locked account does not confirm its password. */
const SIGN_IN_REFUSED = 'Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa.';

// Signing in and out, and managing users through the users page, in Chromium against the
// real server with the demo data. Users made here are named acc-… so that other test files
// on the same server never meet them. The server counts failed sign-ins per address (ten in
// fifteen minutes block every sign-in), so this file fails on purpose only twice.

const adminPassword = inject('adminPassword');
const uname = (name: string) => `acc-${name}-${stamp}`;

let browser: BrowserContext;
let close: () => Promise<void>;
let rootId: string;

const unitId = (name: string) => unitIdOf(units, name);

const createUser = (username: string, password: string, grants: { role: string; unitId: string | null }[]) =>
  postUser(admin, { username, password, displayName: `Người thử ${username}`, grants });

async function findUser(username: string) {
  const { users } = await json<{ users: UserDto[] }>(await admin('/api/users'));
  return users.find((u) => u.username === username);
}

const signOutButton = (page: Page) => page.getByRole('button', { name: 'Đăng xuất' });
const usersLink = (page: Page) => page.getByRole('navigation').getByRole('link', { name: 'Người dùng' });
const signInButton = (page: Page) => page.getByRole('button', { name: 'Đăng nhập', exact: true });

beforeAll(async () => {
  ({ browser, close } = await launchBrowser());
  await loadDemo();
  rootId = root.id;
});

afterAll(async () => {
  await close?.();
});

describe('signing in and out', () => {
  it('refuses a wrong password in Vietnamese and shows nothing of the app', async () => {
    await browser.clearCookies();
    const page = await browser.newPage();
    await page.goto(`${base}/?unit=${rootId}&period=2021`);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('khong-phai-mat-khau');
    await signInButton(page).click();

    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toBe(SIGN_IN_REFUSED);
    // Still the sign-in page: no header of a signed-in user, no dashboard.
    expect(await signOutButton(page).count()).toBe(0);
    expect(await page.getByRole('combobox', { name: 'Đơn vị' }).count()).toBe(0);
    expect(await page.locator('tr[data-code]').count()).toBe(0);
    // The password is to be typed again, and the field is pointed at.
    await expect(page.getByLabel('Mật khẩu', { exact: true }).inputValue()).resolves.toBe('');
    await expect(page.getByLabel('Mật khẩu', { exact: true }).getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    await page.close();
  });

  it('signs in with the keyboard alone, keeps the address, and shows the dashboard and who is signed in', async () => {
    await browser.clearCookies();
    const me = (await json<{ user: MeDto }>(await admin('/api/auth/me'))).user;
    const page = await browser.newPage();
    await page.goto(`${base}/?unit=${rootId}&period=2021`);
    // The name field has the focus; Tab to the password, Enter to send.
    await page.getByLabel('Tên đăng nhập').waitFor();
    await page.keyboard.type('admin');
    await page.keyboard.press('Tab');
    await page.keyboard.type(adminPassword);
    await page.keyboard.press('Enter');

    await signOutButton(page).waitFor();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Đảng bộ Trường Cao đẳng Sư phạm Hồng Lam — Năm 2021');
    await page.locator('tr[data-code="DV_HTT"]').waitFor();
    const header = page.getByRole('banner');
    await expect(header.textContent()).resolves.toContain(me.displayName);
    await expect(header.textContent()).resolves.toContain('Quản trị · Mọi đơn vị');
    await expect(usersLink(page).isVisible()).resolves.toBe(true);
    await expect(
      page.getByRole('navigation').getByRole('link', { name: 'Bảng chỉ tiêu' }).getAttribute('aria-current'),
    ).resolves.toBe('page');
    await page.close();
  });

  it('signs out to the sign-in page, and the session is gone on the server too', async () => {
    await browser.clearCookies();
    const page = await browser.newPage();
    await signIn(page, 'admin', adminPassword);
    await signOutButton(page).click();
    await signInButton(page).waitFor();
    expect(await signOutButton(page).count()).toBe(0);
    // A reload does not bring the app back, and the API refuses the browser.
    await page.reload();
    await signInButton(page).waitFor();
    const status = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(status).toBe(401);
    await page.close();
  });

  // Retried: it timed out once waiting for the sign-in page in a full CI run (21:30 UTC,
  // 2026-12-03) and passes alone and in its file; the cause is not found yet (stop note).
  it('returns to the sign-in page when the session ends while the app is open', { retry: 2 }, async () => {
    await browser.clearCookies();
    const page = await browser.newPage();
    await signIn(page, 'admin', adminPassword);
    await page.locator('tr[data-code]').first().waitFor();
    // As if the session expired: the next request is refused with 401.
    await browser.clearCookies();
    await usersLink(page).click();
    await signInButton(page).waitFor();
    await expect(page.getByLabel('Tên đăng nhập').isVisible()).resolves.toBe(true);
    expect(await signOutButton(page).count()).toBe(0);
    await page.close();
  });
});

describe("changing one's own password", () => {
  it('asks for the current password, refuses a wrong one in Vietnamese, and then signs in with the new one', async () => {
    const username = uname('pw');
    await createUser(username, 'mat-khau-dau-2026', [{ role: 'viewer', unitId: rootId }]);
    const own = await freshBrowser();
    try {
      const page = own.page;
      await signIn(page, username, 'mat-khau-dau-2026');
      await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
      const dialog = page.getByRole('dialog', { name: 'Đổi mật khẩu' });
      await dialog.waitFor();
      // The focus is in the first field: the keyboard alone fills the form.
      await page.keyboard.type('khong-dung-2026');
      await page.keyboard.press('Tab');
      await page.keyboard.type('mat-khau-moi-2026');
      await page.keyboard.press('Tab');
      await page.keyboard.type('mat-khau-moi-2026');
      await page.keyboard.press('Enter');
      await expect.poll(() => dialog.getByRole('alert').textContent()).toBe('Mật khẩu hiện tại không đúng.');

      await dialog.getByLabel('Mật khẩu hiện tại').fill('mat-khau-dau-2026');
      await dialog.getByRole('button', { name: 'Đổi mật khẩu' }).click();
      await expect.poll(() => dialog.getByRole('status').textContent()).toContain('Đã đổi mật khẩu.');
      await page.keyboard.press('Escape');
      expect(await page.getByRole('dialog').count()).toBe(0);

      await signOutButton(page).click();
      await signInButton(page).waitFor();
      await signIn(page, username, 'mat-khau-moi-2026');
    } finally {
      await own.close();
    }
  });
});

describe('the users page', () => {
  it('lets admin add a viewer on one chi bộ, who then sees only that chi bộ', async () => {
    const chiBo = 'Chi bộ Khoa Khoa học Tự nhiên';
    const chiBoId = unitId(chiBo);
    const username = uname('viewer');
    const password = 'xem-thu-e2e-2026';

    await browser.clearCookies();
    const page = await browser.newPage();
    await signIn(page, 'admin', adminPassword);
    await usersLink(page).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Người dùng');
    expect(new URL(page.url()).pathname).toBe('/nguoi-dung');

    const form = page.getByRole('form', { name: 'Thêm người dùng' });
    await form.getByLabel('Tên đăng nhập').fill(username);
    await form.getByLabel('Họ tên').fill('Nguyễn Thị Xem');
    await form.getByLabel('Mật khẩu', { exact: true }).fill(password);
    await form.getByLabel('Vai trò', { exact: true }).selectOption({ label: 'Chỉ xem' });
    await form.getByLabel('Trên đơn vị').selectOption(chiBoId);
    await form.getByRole('button', { name: 'Thêm người dùng' }).click();

    await expect
      .poll(() => form.getByRole('status').textContent())
      .toBe(`Đã thêm người dùng “${username}” (Nguyễn Thị Xem).`);
    const row = page.locator(`tr[data-username="${username}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(`Chỉ xem · ${chiBo}`);
    await expect(row.textContent()).resolves.toContain('Đang hoạt động');
    const saved = await findUser(username);
    expect(saved?.grants.map((g) => [g.role, g.unitId])).toEqual([['viewer', chiBoId]]);
    await page.close();

    // The viewer, in a browser of their own.
    const viewer = await freshBrowser();
    try {
      await signIn(viewer.page, username, password);
      const header = viewer.page.getByRole('banner');
      await expect(header.textContent()).resolves.toContain('Nguyễn Thị Xem');
      await expect(header.textContent()).resolves.toContain(`Chỉ xem · ${chiBo}`);
      expect(await usersLink(viewer.page).count()).toBe(0);

      const picker = viewer.page.getByRole('combobox', { name: 'Đơn vị' });
      await expect.poll(() => picker.isEnabled()).toBe(true);
      await picker.click();
      const list = viewer.page.getByRole('listbox', { name: 'Danh sách đơn vị' });
      await list.getByRole('option').first().waitFor();
      const names = await list.getByRole('option').allTextContents();
      expect(names.map((n) => n.replace(/Chi bộ$/, '').trim())).toEqual([chiBo]);

      // The Đảng bộ itself is refused with the server's Vietnamese sentence.
      await viewer.page.goto(`${base}/?unit=${rootId}&period=2021`);
      await expect
        .poll(() => viewer.page.getByRole('alert').first().textContent(), { timeout: 15_000 })
        .toMatch(/Bạn không có quyền xem số liệu của "Đảng bộ Trường Cao đẳng Sư phạm Hồng Lam"/);
      expect(await viewer.page.locator('tr[data-code]').count()).toBe(0);

      // And the users page, opened by its address, says so rather than showing anyone.
      await viewer.page.goto(`${base}/nguoi-dung`);
      await expect
        .poll(() => viewer.page.getByText('Bạn không có quyền quản lý người dùng.').count())
        .toBe(1);
      expect(await viewer.page.locator('tr[data-username]').count()).toBe(0);
    } finally {
      await viewer.close();
    }
  });

  it('locks an account so it cannot sign in, opens it again, and resets its password', async () => {
    const username = uname('lock');
    await createUser(username, 'mat-khau-cu-2026', [{ role: 'reporter', unitId: unitId('Phòng Đào tạo') }]);

    await browser.clearCookies();
    const page = await browser.newPage();
    await signIn(page, 'admin', adminPassword);
    await page.goto(`${base}/nguoi-dung`);
    const row = page.locator(`tr[data-username="${username}"]`);
    await row.waitFor();

    await row.getByRole('button', { name: 'Khóa tài khoản' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.textContent()).resolves.toContain('sẽ bị đăng xuất ngay');
    await dialog.getByRole('button', { name: 'Khóa tài khoản' }).click();
    await expect.poll(() => row.textContent()).toContain('Đã khóa');
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Đã khóa tài khoản' }).textContent())
      .toBe(`Đã khóa tài khoản “${username}”.`);
    expect((await findUser(username))?.active).toBe(false);

    const other = await freshBrowser();
    try {
      await other.page.goto(`${base}/`);
      await other.page.getByLabel('Tên đăng nhập').fill(username);
      await other.page.getByLabel('Mật khẩu', { exact: true }).fill('mat-khau-cu-2026');
      await signInButton(other.page).click();
      await expect.poll(() => other.page.getByRole('alert').textContent()).toBe(SIGN_IN_REFUSED);

      await row.getByRole('button', { name: 'Mở khóa' }).click();
      await expect.poll(() => row.textContent()).toContain('Đang hoạt động');
      expect((await findUser(username))?.active).toBe(true);

      await row.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
      const reset = page.getByRole('dialog');
      await reset.getByLabel('Mật khẩu mới', { exact: true }).fill('ngan');
      await reset.getByLabel('Nhập lại mật khẩu mới').fill('ngan');
      await reset.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
      await expect.poll(() => reset.getByRole('alert').textContent()).toBe('Mật khẩu cần ít nhất 10 ký tự.');
      await reset.getByLabel('Mật khẩu mới', { exact: true }).fill('matkhau123456');
      await reset.getByLabel('Nhập lại mật khẩu mới').fill('matkhau123456');
      await reset.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
      await expect
        .poll(() => reset.getByRole('alert').textContent())
        .toMatch(/^Mật khẩu này dễ bị đoán vì là một mật khẩu hay một từ thông dụng/);
      await reset.getByLabel('Mật khẩu mới', { exact: true }).fill('mat-khau-moi-2026');
      await reset.getByLabel('Nhập lại mật khẩu mới').fill('mat-khau-moi-2026');
      await reset.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
      await expect.poll(() => reset.getByRole('status').textContent()).toContain('Đã đặt lại mật khẩu');
      await reset.getByRole('button', { name: 'Đóng', exact: true }).first().click();
      expect(await page.getByRole('dialog').count()).toBe(0);

      await signIn(other.page, username, 'mat-khau-moi-2026');
    } finally {
      await other.close();
      await page.close();
    }
  });

  it('lets a chi bộ committee change the roles of its own people, and not of someone with roles elsewhere', async () => {
    const mine = 'Chi bộ Khoa Xã hội – Ngoại ngữ';
    const elsewhere = 'Chi bộ Hành chính – Quản trị';
    const committee = uname('capuy');
    const target = uname('multi');
    const inside = uname('trong');
    await createUser(committee, 'cap-uy-e2e-2026', [{ role: 'committee', unitId: unitId(mine) }]);
    await createUser(target, 'nhieu-vai-2026', [
      { role: 'viewer', unitId: unitId(mine) },
      { role: 'reporter', unitId: unitId(elsewhere) },
    ]);
    await createUser(inside, 'chi-mot-vai-2026', [{ role: 'viewer', unitId: unitId(mine) }]);

    const own = await freshBrowser();
    try {
      const page = own.page;
      await signIn(page, committee, 'cap-uy-e2e-2026');
      await usersLink(page).click();
      const row = page.locator(`tr[data-username="${target}"]`);
      await row.waitFor();
      // A committee sees nobody outside its chi bộ: admin is not listed.
      expect(await page.locator('tr[data-username="admin"]').count()).toBe(0);
      // Someone who also holds a role elsewhere is listed, and left to the level above.
      await expect
        .poll(() => row.textContent())
        .toContain('Có vai trò ngoài phạm vi của bạn; cấp trên sửa được');
      expect(await row.getByRole('button').count()).toBe(0);

      const insideRow = page.locator(`tr[data-username="${inside}"]`);
      await insideRow.getByRole('button', { name: 'Sửa vai trò' }).click();
      const dialog = page.getByRole('dialog');
      const items = dialog.getByRole('listitem');
      await expect.poll(() => items.allTextContents()).toEqual([`Chỉ xem · ${mine}Bỏ`]);
      // Only what a committee of this chi bộ may give.
      const roles = await dialog.getByLabel('Vai trò', { exact: true }).locator('option').allTextContents();
      expect(roles).toEqual(['Cấp ủy', 'Báo cáo kết quả', 'Chỉ xem']);
      const places = await dialog.getByLabel('Trên đơn vị').locator('option').allTextContents();
      expect(places.map((p) => p.trim())).toEqual([mine]);

      await dialog.getByRole('button', { name: `Bỏ vai trò Chỉ xem · ${mine}` }).click();
      await dialog.getByLabel('Vai trò', { exact: true }).selectOption({ label: 'Báo cáo kết quả' });
      await dialog.getByRole('button', { name: 'Thêm vào danh sách' }).click();
      await dialog.getByRole('button', { name: 'Lưu vai trò' }).click();
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

      await expect.poll(() => insideRow.textContent()).toContain(`Báo cáo kết quả · ${mine}`);
      const saved = await findUser(inside);
      expect(saved?.grants.map((g) => `${g.role}:${g.unitId}`)).toEqual([`reporter:${unitId(mine)}`]);
      expect((await findUser(target))?.grants.map((g) => g.role).sort()).toEqual(['reporter', 'viewer']);
    } finally {
      await own.close();
    }
  });
});
