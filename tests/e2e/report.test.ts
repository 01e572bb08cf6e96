import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDto } from '../../shared/schemas/report';
import { admin, adminPage, base, json, loadDemo, root } from '../helpers/e2e';

// The report page in Chromium against the real server on the demo data: the 2021 review of
// the demo committee as the API writes it, copied to the clipboard in one click, printed to
// an A4 PDF (kept in .tmp/report.pdf to be looked at), downloaded as a workbook.

let page: Page;
let close: () => Promise<void>;

beforeAll(async () => {
  await loadDemo();
  ({ page, close } = await adminPage({
    setup: (b) => b.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base }),
  }));
});

afterAll(async () => {
  await close?.();
});

describe('the report page', () => {
  it('shows the year’s main targets with their verdicts and the summary, as the API writes them', async () => {
    await page.goto(`${base}/bao-cao?unit=${root.id}&period=2021`);
    const paper = page.getByRole('article');
    await paper.getByRole('heading', { name: 'BÁO CÁO' }).waitFor();
    const api = await json<ReportDto>(await admin(`/api/report?unit=${root.id}&period=2021&format=json`));
    const lines = await paper.locator('.report-lines li').allTextContents();
    expect(lines).toEqual(api.lines.map((l) => l.sentence));
    expect(await paper.locator('.report-summary').textContent()).toBe(api.summaryText);
    // The demo's 2021 has its main targets ("chỉ tiêu chủ yếu"), so the report closes with them,
    // after the single targets ("chỉ tiêu cụ thể"); the page heads with the same two counts.
    expect(api.summaryText).toMatch(/^Có \d+\/\d+ chỉ tiêu chủ yếu đạt và vượt \(\d+(,\d+)?%\)\.$/);
    expect(await paper.locator('.report-summary-line').last().textContent()).toBe(api.targetsText);
    const headline = (await page.getByTestId('headline-lines').textContent())?.replace(/\s+/g, ' ');
    expect(`Có ${headline}.`).toBe(api.summaryText);
    const rows = await paper.locator('.report-table tbody tr[data-code]').count();
    expect(rows).toBe(api.table.length);
  });

  it('copies the whole text in one click', async () => {
    await page.getByRole('button', { name: 'Sao chép văn bản' }).click();
    await page.getByText('Đã sao chép văn bản báo cáo', { exact: false }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const text = await (await admin(`/api/report?unit=${root.id}&period=2021&format=text`)).text();
    expect(copied).toBe(text);
  });

  it('prints on A4 in the administrative layout: the page only, none of the app around it', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-nav').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Sao chép văn bản' }).isVisible()).toBe(false);
    const font = await page.locator('.report-paper').evaluate((el) => getComputedStyle(el).fontFamily);
    expect(font).toContain('Times New Roman');
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
    mkdirSync('.tmp', { recursive: true });
    writeFileSync('.tmp/report.pdf', pdf);
    // A4 is 210 × 297 mm: 595 × 842 points.
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(Buffer.from(pdf).toString('latin1'));
    expect(Math.round(Number(box?.[1]))).toBe(595);
    expect(Math.round(Number(box?.[2]))).toBe(842);
    expect(readFileSync('.tmp/report.pdf').length).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: 'screen' });
  });

  it('downloads the workbook of the same report', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const path = await download.path();
    expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');
  });

  it('reports a half-year against the year’s targets, with the pace', async () => {
    await page.goto(`${base}/bao-cao?unit=${root.id}&period=2025-H1`);
    const paper = page.getByRole('article');
    await paper.getByText('(so với kế hoạch năm 2025):', { exact: false }).waitFor();
    expect(await paper.textContent()).toContain('Tiến độ so với kế hoạch năm 2025');
    expect(await paper.textContent()).toMatch(/Có \d+\/\d+ chỉ tiêu đúng tiến độ so với kế hoạch năm 2025\./);
  });
});
