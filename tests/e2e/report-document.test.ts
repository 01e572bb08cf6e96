import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserDto } from '../../shared/accounts';
import { documentTexts, reportDocument } from '../../shared/report-document';
import type { ReportDto } from '../../shared/schemas/report';
import type { ReportSettingsDto } from '../../shared/schemas/report-settings';
import { todayIso } from '../../shared/vietnam-time';
import { admin, adminPage, Browsers, base, json, loadDemo, root } from '../helpers/e2e';

// The report as the party document its committee signs, in Chromium on the demo data: the
// paper holds the texts of the .docx in the same blocks and order (both drawn from
// shared/report-document.ts); "Thông tin văn bản" changes the paper as typed, is saved with
// its version and goes into the downloaded .docx; an empty period is one sentence and no Word
// file; a viewer reads the settings without being able to change them.

let page: Page;
let close: () => Promise<void>;
const browsers = new Browsers();
const VIEWER_PASSWORD = 'Lanh-dao-xem-bao-cao-2026';

const reportPath = (period: string) => `/bao-cao?unit=${root.id}&period=${period}`;
const apiReport = async (period: string) =>
  json<ReportDto>(await admin(`/api/report?unit=${root.id}&period=${period}&format=json`));
const apiSettings = async () => json<ReportSettingsDto>(await admin(`/api/units/${root.id}/report-settings`));

/** The texts of the paper in reading order, each element of the document model once. */
const paperTexts = (p: Page) => p.locator('article.report-paper [data-text]').allTextContents();

/** The paragraphs of a .docx that hold text, in order: what Word shows. */
async function docxTexts(file: Uint8Array | Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(file);
  const xml = await zip.file('word/document.xml')!.async('string');
  const fromXml = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => fromXml(m[1]!)).join(''))
    .filter((t) => t !== '' && t !== '*' && t !== '-----');
}

async function openSettings(p: Page) {
  const details = p.locator('details.report-settings');
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  await p.getByLabel('Cấp ủy ban hành', { exact: true }).waitFor();
}

async function openReport(p: Page, period: string) {
  await p.goto(base + reportPath(period));
  await p.locator('article.report-paper [data-block="signature"]').waitFor();
}

/** Clicks "Tải Word" and reads the file it downloads. */
async function downloadWord(p: Page) {
  const [download] = await Promise.all([
    p.waitForEvent('download'),
    p.getByRole('link', { name: 'Tải Word' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  return docxTexts(readFileSync(await download.path()));
}

beforeAll(async () => {
  await loadDemo();
  ({ page, close } = await adminPage());
});

afterAll(async () => {
  await close?.();
  await browsers.closeAll();
});

describe('the report as the document a committee signs', () => {
  it('prints the texts of the .docx, in the same blocks and the same order', async () => {
    await openReport(page, '2021');
    const date = await page.getByLabel('Ngày ban hành').inputValue();
    expect(date).toBe(todayIso());
    const [report, settings] = await Promise.all([apiReport('2021'), apiSettings()]);
    const expected = documentTexts(reportDocument(report, settings.settings, date));
    expect(await paperTexts(page)).toEqual(expected);

    const blocks = await page
      .locator('article.report-paper [data-block]')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.block));
    expect(blocks).toEqual(['header', 'title', 'body', 'recipients', 'signature']);
    // The body: a line per main target, the headline last before the tables, in bold.
    expect(await page.locator('.report-lines li').count()).toBe(report.lines.length);
    expect(await page.locator('.report-summary').textContent()).toBe(report.summaryText);
    const weight = await page.locator('.report-summary').evaluate((el) => getComputedStyle(el).fontWeight);
    expect(Number(weight)).toBeGreaterThanOrEqual(700);
    expect(await page.locator('.report-table thead th').first().textContent()).toBe('TT');

    const href = await page.getByRole('link', { name: 'Tải Word' }).getAttribute('href');
    expect(href).toBe(`/api/report?unit=${root.id}&period=2021&format=docx&date=${date}`);
    const res = await admin(href!);
    expect(res.status).toBe(200);
    expect(await docxTexts(Buffer.from(await res.arrayBuffer()))).toEqual(expected);
  });

  it('changes the paper as the settings are typed, saves them, and both the paper and the .docx carry them', async () => {
    await openSettings(page);
    const before = (await apiSettings()).version;
    await page.getByLabel('Số', { exact: true }).fill('15');
    await page.getByLabel('Địa danh').fill('Cao Lãnh');
    await page.getByLabel('Ngày ban hành').fill('2022-01-05');
    const paper = page.locator('article.report-paper');
    // Before anything is saved: the paper follows the fields.
    await expect.poll(() => paper.locator('.report-number').textContent()).toBe('Số 15-BC/ĐU');
    expect(await paper.locator('.report-place-date').textContent()).toBe(
      'Cao Lãnh, ngày 05 tháng 01 năm 2022',
    );
    await page.getByText('“Tải Word” sẽ lưu trước rồi tải').waitFor();

    await page.getByRole('button', { name: 'Lưu thông tin văn bản' }).click();
    await page.getByText('Đã lưu thông tin văn bản', { exact: false }).waitFor();
    const saved = await apiSettings();
    expect(saved.version).toBe(before + 1);
    expect(saved.settings).toMatchObject({ number: '15', place: 'Cao Lãnh' });

    await page.reload();
    await paper.locator('[data-block="signature"]').waitFor();
    expect(await paper.locator('.report-number').textContent()).toBe('Số 15-BC/ĐU');
    expect(await paper.locator('.report-place-date').textContent()).toMatch(
      /^Cao Lãnh, ngày \d\d tháng \d\d năm \d{4}$/,
    );
    await openSettings(page);
    await page.getByLabel('Ngày ban hành').fill('2022-01-05');
    const word = await downloadWord(page);
    expect(word).toContain('Số 15-BC/ĐU');
    expect(word).toContain('Cao Lãnh, ngày 05 tháng 01 năm 2022');
    expect(word).toEqual(await paperTexts(page));
  });

  it('saves unsaved settings before downloading Word, so the file is what the paper shows', async () => {
    await openSettings(page);
    await page.getByLabel('Họ tên người ký').fill('Nguyễn Văn Thư');
    await expect.poll(() => page.locator('.report-signer').textContent()).toBe('Nguyễn Văn Thư');
    const word = await downloadWord(page);
    expect(word.at(-1)).toBe('Nguyễn Văn Thư');
    expect((await apiSettings()).settings.signer).toBe('Nguyễn Văn Thư');
    expect(await page.getByTestId('settings-state').textContent()).toBe('Đã lưu');
  });

  it('refuses what the server would refuse, in Vietnamese, on the field, and saves nothing', async () => {
    const version = (await apiSettings()).version;
    const issuer = page.getByLabel('Cấp ủy ban hành', { exact: true });
    await issuer.fill('   ');
    await page.getByRole('button', { name: 'Lưu thông tin văn bản' }).click();
    await page.getByText('Tên cấp ủy ban hành không được để trống.').waitFor();
    expect(await issuer.getAttribute('aria-invalid')).toBe('true');
    const recipients = page.getByLabel('Nơi nhận');
    await recipients.fill(Array.from({ length: 13 }, (_, i) => `Nơi nhận số ${i + 1}`).join('\n'));
    await page.getByRole('button', { name: 'Lưu thông tin văn bản' }).click();
    await page.getByText('Nơi nhận có nhiều nhất 12 dòng.').waitFor();
    // "Tải Word" does not download a file the server was not given: it stops at the same refusal.
    let downloaded = false;
    page.once('download', () => {
      downloaded = true;
    });
    await page.getByRole('link', { name: 'Tải Word' }).click();
    await page.waitForTimeout(500);
    expect(downloaded).toBe(false);
    expect((await apiSettings()).version).toBe(version);
    await page.getByRole('button', { name: 'Bỏ thay đổi' }).click();
    expect(await issuer.inputValue()).toBe('ĐẢNG ỦY TRƯỜNG CAO ĐẲNG SƯ PHẠM HỒNG LAM');
    expect(await page.getByTestId('settings-state').textContent()).toBe('Đã lưu');
  });

  it('offers keep mine or take theirs when someone else saved meanwhile', async () => {
    const current = await apiSettings();
    const theirs = { ...current.settings, place: 'Sa Đéc', version: current.version };
    const put = await admin(`/api/units/${root.id}/report-settings`, {
      method: 'PUT',
      body: JSON.stringify(theirs),
    });
    expect(put.status).toBe(200);
    await page.getByLabel('Địa danh').fill('Hồng Ngự');
    await page.getByRole('button', { name: 'Lưu thông tin văn bản' }).click();
    const conflict = page.getByTestId('conflict');
    await conflict.getByText('vừa được người khác lưu', { exact: false }).waitFor();
    expect(await conflict.textContent()).toContain('Sa Đéc');
    await conflict.getByRole('button', { name: 'Lấy thông tin hiện tại' }).click();
    expect(await page.getByLabel('Địa danh').inputValue()).toBe('Sa Đéc');
    await expect
      .poll(() => page.locator('.report-place-date').textContent())
      .toMatch(/^Sa Đéc, ngày 05 tháng 01 năm 2022$/);
    expect((await apiSettings()).settings.place).toBe('Sa Đéc');

    // Again, and this time what is typed here is kept: written over the other version.
    const again = await apiSettings();
    const second = await admin(`/api/units/${root.id}/report-settings`, {
      method: 'PUT',
      body: JSON.stringify({ ...again.settings, place: 'Châu Thành', version: again.version }),
    });
    expect(second.status).toBe(200);
    await page.getByLabel('Địa danh').fill('Hồng Ngự');
    await page.getByRole('button', { name: 'Lưu thông tin văn bản' }).click();
    await conflict.getByText('Châu Thành', { exact: false }).waitFor();
    await conflict.getByRole('button', { name: 'Giữ thông tin của tôi' }).click();
    await page.getByText('Đã lưu thông tin văn bản', { exact: false }).waitFor();
    const kept = await apiSettings();
    expect(kept.settings.place).toBe('Hồng Ngự');
    expect(kept.version).toBe(again.version + 2);
    expect(await page.locator('.report-place-date').textContent()).toBe(
      'Hồng Ngự, ngày 05 tháng 01 năm 2022',
    );
  });

  it('fills the defaults of the unit’s kind on “Khôi phục mặc định”', async () => {
    const { defaults, version } = await apiSettings();
    await page.getByRole('button', { name: 'Khôi phục mặc định' }).click();
    expect(await page.getByLabel('Số', { exact: true }).inputValue()).toBe('');
    expect(await page.locator('.report-number').textContent()).toBe(`Số ${'\u00a0'.repeat(6)}-BC/ĐU`);
    expect(await page.locator('.report-signer').count()).toBe(0);
    await page.getByRole('button', { name: 'Lưu thông tin văn bản' }).click();
    await page.getByText('Đã lưu thông tin văn bản', { exact: false }).waitFor();
    const saved = await apiSettings();
    expect(saved.version).toBe(version + 1);
    expect(saved.settings).toEqual(defaults);
  });

  it('shows an empty period as its one sentence in the document, with no Word file to download', async () => {
    await openReport(page, '2019');
    const [report, settings] = await Promise.all([apiReport('2019'), apiSettings()]);
    expect(report.empty).toBe(true);
    const body = page.locator('[data-block="body"] [data-text]');
    expect(await body.allTextContents()).toEqual([report.body[0]![0]]);
    expect(await page.locator('.report-empty').textContent()).toBe(report.body[0]![0]);
    const date = await page.getByLabel('Ngày ban hành').inputValue();
    expect(await paperTexts(page)).toEqual(documentTexts(reportDocument(report, settings.settings, date)));
    const word = page.getByRole('button', { name: 'Tải Word' });
    expect(await word.isDisabled()).toBe(true);
    const reason = await word.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${reason}"]`).textContent()).toContain('chưa có gì để lập văn bản Word');
    expect(await page.getByRole('link', { name: 'Tải Word' }).count()).toBe(0);
  });

  it('lets a viewer read the settings, and download Word, but not change them', async () => {
    const { users } = await json<{ users: UserDto[] }>(await admin('/api/users'));
    const viewer = users.find((u) => u.username === 'lanhdao');
    expect(viewer?.grants.map((g) => g.role)).toEqual(['viewer']);
    const reset = await admin(`/api/users/${viewer!.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ password: VIEWER_PASSWORD }),
    });
    expect(reset.status).toBe(200);
    const theirs = await browsers.signedIn('lanhdao', VIEWER_PASSWORD);
    await openReport(theirs, '2021');
    await openSettings(theirs);
    await theirs.getByTestId('settings-readonly').waitFor();
    expect(await theirs.getByTestId('settings-readonly').textContent()).toContain('Chỉ cấp ủy');
    const issuer = theirs.getByLabel('Cấp ủy ban hành', { exact: true });
    expect(await issuer.inputValue()).toBe('ĐẢNG ỦY TRƯỜNG CAO ĐẲNG SƯ PHẠM HỒNG LAM');
    expect(await issuer.isEditable()).toBe(false);
    expect(await theirs.getByLabel('Nơi nhận').isEditable()).toBe(false);
    expect(await theirs.getByRole('button', { name: 'Lưu thông tin văn bản' }).count()).toBe(0);
    expect(await theirs.getByRole('button', { name: 'Khôi phục mặc định' }).count()).toBe(0);
    // The date is not stored: a viewer dates what they print or download.
    await theirs.getByLabel('Ngày ban hành').fill('2022-01-05');
    const word = await downloadWord(theirs);
    expect(word).toContain('\u2026\u2026\u2026, ngày 05 tháng 01 năm 2022');
  });
});
