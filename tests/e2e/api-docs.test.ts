import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { base } from '../helpers/e2e';

// GET /api/docs in a real browser on the real server: Swagger UI, served from this server,
// reads /api/openapi.json and shows every route of the API under the page's content policy.

let browser: Awaited<ReturnType<typeof launchBrowser>>['browser'];
let close: () => Promise<void>;

beforeAll(async () => {
  ({ browser, close } = await launchBrowser());
});
afterAll(async () => {
  await close?.();
});

describe('the API reference in a browser', () => {
  it('shows every route of the OpenAPI description, with no error and nothing refused by the policy', async () => {
    const spec = (await (await fetch(`${base}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const operations = Object.values(spec.paths).reduce((n, methods) => n + Object.keys(methods).length, 0);
    expect(operations).toBeGreaterThan(30);

    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(String(e)));
    await page.goto(`${base}/api/docs`);
    await page.locator('.opblock').first().waitFor();
    expect(await page.locator('.opblock').count()).toBe(operations);
    await expect(page.title()).resolves.toBe('Tài liệu API · Chỉ tiêu');
    // The Vietnamese of the description reaches the page.
    expect(await page.locator('.opblock-summary-description').allTextContents()).toContain('Đăng nhập');
    expect(problems).toEqual([]);
    await page.close();
  });
});
