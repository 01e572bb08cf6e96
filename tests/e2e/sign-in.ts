import type { Page } from 'playwright-core';
import { inject } from 'vitest';

/**
 * Signs in through the sign-in page as a person would, and waits until the app shows the
 * header of a signed-in user. The session cookie stays in the page's browser context.
 */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto(`${inject('baseURL')}/`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
}

/** A fetch of the API carrying the session of `username`, for setting up and checking data. */
export type SessionFetch = (path: string, init?: RequestInit) => Promise<Response>;

export async function apiSession(username: string, password: string): Promise<SessionFetch> {
  const base = inject('baseURL');
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return (path, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', cookie);
    if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
    return fetch(base + path, { ...init, headers });
  };
}
