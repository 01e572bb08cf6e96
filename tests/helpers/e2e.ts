import type { BrowserContext, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import type { UserDto } from '../../shared/accounts';
import type { UnitDto } from '../../shared/schemas/units';
import { launchBrowser } from './browser';
import { sessionCookie } from './server-process';

// The browser tests' own helpers (tests/e2e/): signing in through the page as a person would,
// the API with a session for setting up and checking data, the demo data's units, and pages
// in browsers of their own.

/** The server under test (started by tests/e2e/global-setup.ts). */
export const base = inject('baseURL');
/** Names what a test file makes, so that no two files (or runs) meet. */
export const stamp = Date.now().toString(36);

/** The size every page of the browser tests has unless a test asks for another. */
export const DESKTOP = { width: 1366, height: 900 };

/**
 * Signs in through the sign-in page as a person would, and waits until the app shows the
 * header of a signed-in user. The session cookie stays in the page's browser context.
 */
export async function signIn(page: Page, username: string, password: string, base = inject('baseURL')) {
  await page.goto(`${base}/`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
}

/** A fetch of the API carrying the session of `username`, for setting up and checking data. */
export type SessionFetch = (path: string, init?: RequestInit) => Promise<Response>;

export async function apiSession(
  username: string,
  password: string,
  base = inject('baseURL'),
): Promise<SessionFetch> {
  const cookie = await sessionCookie(base, username, password);
  return (path, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', cookie);
    if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
    return fetch(base + path, { ...init, headers });
  };
}

/** The session of admin on the server under test. */
export const adminSession = () => apiSession('admin', inject('adminPassword'));

/** Set by `loadDemo`, in a file's beforeAll: admin's session, every unit, the root. */
export let admin: SessionFetch;
export let units: UnitDto[];
export let root: UnitDto;

export async function loadDemo() {
  admin = await adminSession();
  units = await unitsOf(admin);
  root = rootOf(units);
}

/** The body of an answer, once its status is the one expected (the body names a failure). */
export async function json<T>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}

/** GET of the API with a session, expecting 200 (the path names a failure). */
export async function getOk<T>(session: SessionFetch, path: string): Promise<T> {
  const res = await session(path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

/** Every unit the session sees. */
export const unitsOf = async (session: SessionFetch) =>
  (await json<{ units: UnitDto[] }>(await session('/api/units'))).units;

/** The root of the tree. */
export function rootOf(units: UnitDto[]): UnitDto {
  const root = units.find((u) => u.parentId === null);
  if (!root) throw new Error('the demo data has no root unit');
  return root;
}

/** The id of the unit named `name`. */
export function unitIdOf(units: UnitDto[], name: string): string {
  const found = units.find((u) => u.name === name);
  if (!found) throw new Error(`no unit named ${name} in the demo data`);
  return found.id;
}

/** POST /api/units with a session: the unit made. */
export async function createUnit(
  session: SessionFetch,
  body: { parentId: string; name: string; kind: string },
) {
  const res = await session('/api/units', { method: 'POST', body: JSON.stringify(body) });
  return (await json<{ unit: UnitDto }>(res, 201)).unit;
}

/** POST /api/users with a session: the user made. */
export async function createUser(
  session: SessionFetch,
  body: { username: string; password: string; displayName?: string; grants: unknown[] },
) {
  const res = await session('/api/users', { method: 'POST', body: JSON.stringify(body) });
  return (await json<{ user: UserDto }>(res, 201)).user;
}

/** A page in its own browser, with no session: nothing shared with another page's cookies. */
export async function freshBrowser(): Promise<{
  page: Page;
  context: BrowserContext;
  close: () => Promise<void>;
}> {
  const own = await launchBrowser();
  const page = await own.browser.newPage();
  return { page, context: own.browser, close: own.close };
}

/** Pages in browsers of their own, every browser closed by `closeAll` (in afterAll). */
export class Browsers {
  private readonly closers: (() => Promise<void>)[] = [];

  /** A new page in a browser of its own, `setup` run on it before anything else. */
  async page(setup?: (page: Page) => unknown): Promise<Page> {
    const own = await launchBrowser();
    this.closers.push(own.close);
    const page = await own.browser.newPage();
    await setup?.(page);
    return page;
  }

  /** A page signed in as `username` through the sign-in page, at `viewport`. */
  async signedIn(username: string, password: string, viewport = DESKTOP): Promise<Page> {
    const page = await this.page();
    await page.setViewportSize(viewport);
    await signIn(page, username, password);
    return page;
  }

  closeAll = async () => {
    for (const close of this.closers) await close();
  };
}

/**
 * One browser signed in as admin, for pages opened one by one with `openPage`: a first page
 * signs in through the sign-in page and is closed, the session stays in the browser.
 */
export async function adminBrowser() {
  const opened = await launchBrowser();
  const first = await opened.browser.newPage();
  await signIn(first, 'admin', inject('adminPassword'));
  await first.close();
  return opened;
}

/** A new page of `browser` at `viewport`, on `path`. */
export async function openPage(browser: BrowserContext, path: string, viewport = DESKTOP): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize(viewport);
  await page.goto(inject('baseURL') + path);
  return page;
}

/**
 * The one page of a test file, in a browser of its own, signed in as admin; `setup` runs on the
 * browser before the page opens, `onPage` on the page before it signs in.
 */
export async function adminPage({
  setup,
  onPage,
}: {
  setup?: (browser: BrowserContext) => Promise<void>;
  onPage?: (page: Page) => unknown;
} = {}) {
  const own = await launchBrowser();
  await setup?.(own.browser);
  const page = await own.browser.newPage();
  await onPage?.(page);
  await signIn(page, 'admin', inject('adminPassword'));
  return { page, browser: own.browser, close: own.close };
}
