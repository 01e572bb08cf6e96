import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DashboardDto } from '../../shared/schemas/dashboard';
import type { IndicatorDto } from '../../shared/schemas/indicators';
import type { ResultDto, TargetDto } from '../../shared/schemas/values';
import {
  admin,
  apiSession,
  Browsers,
  base,
  DESKTOP,
  json,
  loadDemo,
  createUser as postUser,
  stamp,
  unitIdOf,
  units,
} from '../helpers/e2e';

// Rights in the browser: who sees "Cập nhật" and "Kế hoạch", what a reporter can save, how a
// locked period refuses a change and shows its banner, and the history of a row. Chromium
// against the real server on the demo data. Users made here are named rt-…; every person
// gets a browser of their own so sessions never mix. Values are written only into the
// current year of chi bộ (never the Đảng bộ's own figures, which dashboard.test.ts reads);
// one chi bộ's year is locked for good, another is locked and then unlocked again.

const adminPassword = inject('adminPassword');
const uname = (name: string) => `rt-${name}-${stamp}`;
const PASSWORD = 'mat-khau-thu-2026';
const year = String(new Date().getFullYear());

const CELL = 'Chi bộ Khoa Giáo dục Tiểu học – Mầm non';
const LOCKED_CELL = 'Chi bộ Khoa Khoa học Tự nhiên';
const UI_LOCK_CELL = 'Chi bộ Khoa Xã hội – Ngoại ngữ';

let indicators: IndicatorDto[];
const browsers = new Browsers();

const unitId = (name: string) => unitIdOf(units, name);

const createUser = (name: string, displayName: string, role: string, unit: string) =>
  postUser(admin, {
    username: uname(name),
    password: PASSWORD,
    displayName,
    grants: [{ role, unitId: unitId(unit) }],
  });

/** A signed-in page in a browser of its own. */
const pageOf = (username: string, password = PASSWORD, viewport = DESKTOP) =>
  browsers.signedIn(username, password, viewport);

const values = (unit: string, period = year) =>
  admin(`/api/values?unit=${unitId(unit)}&period=${period}`).then((r) =>
    json<{ targets: TargetDto[]; results: ResultDto[] }>(r),
  );

const row = (page: Page, code: string) => page.locator(`tr[data-code="${code}"]`);
const editButton = (page: Page, code: string) => row(page, code).getByRole('button', { name: /^Cập nhật/ });

async function openDashboard(page: Page, unit: string) {
  await page.goto(`${base}/?unit=${unitId(unit)}&period=${year}`);
  await page.getByRole('heading', { level: 1, name: `${unit} — Năm ${year}` }).waitFor();
  await page.locator('tr[data-code]').first().waitFor();
}

/** A ratio indicator the chi bộ has a target for this year: what the reporter reports. */
async function ratioWithTarget(unit: string) {
  const { targets, results } = await values(unit);
  const ratio = targets
    .map((t) => ({ target: t, indicator: indicators.find((i) => i.code === t.code) }))
    .find(
      (x) =>
        x.indicator?.kind === 'ratio' &&
        Number(x.target.value) > 0 &&
        Number(x.target.value) < 100 &&
        !results.some((r) => r.code === x.target.code),
    );
  if (!ratio?.indicator) throw new Error(`${unit} has no open ratio target in ${year}`);
  return { indicator: ratio.indicator, target: ratio.target };
}

/** Takes back the cell's result of a ratio it has a target of between 0 and 100, this year. */
async function takeBackOneRatio(unit: string) {
  const { targets, results } = await values(unit);
  const open = targets.find(
    (t) =>
      indicators.find((i) => i.code === t.code)?.kind === 'ratio' &&
      Number(t.value) > 0 &&
      Number(t.value) < 100,
  );
  if (open && results.some((r) => r.code === open.code))
    await admin(`/api/results/${unitId(unit)}/${open.code}/${year}`, { method: 'DELETE' });
}

beforeAll(async () => {
  await loadDemo();
  indicators = (await json<{ indicators: IndicatorDto[] }>(await admin('/api/indicators'))).indicators;
  // The demo's year may already hold the chi bộ's year-end shares (in December it does): the
  // share of excellent members is taken back, so each cell has a ratio left to report.
  for (const cell of [CELL, LOCKED_CELL]) await takeBackOneRatio(cell);
  await createUser('reporter', 'Nguyễn Thị Báo Cáo', 'reporter', CELL);
  await createUser('viewer', 'Trần Văn Xem', 'viewer', CELL);
  await createUser('committee', 'Lê Văn Cấp Ủy', 'committee', LOCKED_CELL);
});

afterAll(browsers.closeAll);

describe('rights on the dashboard', () => {
  let reported: { code: string; name: string };

  it('lets a reporter report a ratio, with the live status, but not set the target', async () => {
    const { indicator, target } = await ratioWithTarget(CELL);
    reported = { code: indicator.code, name: indicator.name };
    const page = await pageOf(uname('reporter'));
    await openDashboard(page, CELL);

    await editButton(page, indicator.code).click();
    const dialog = page.getByRole('dialog', { name: `Cập nhật: ${indicator.name} — Năm ${year}` });
    await dialog.waitFor();
    // A reporter reads the target but has no field for it.
    await dialog.getByLabel('Tử số').waitFor();
    expect(await dialog.getByRole('textbox', { name: /Kế hoạch/ }).count()).toBe(0);
    await expect(dialog.getByTestId('target-readonly').textContent()).resolves.toContain(target.display);

    // Checked as typed, with the server's rules and words.
    await dialog.getByLabel('Tử số').fill('15');
    await dialog.getByLabel('Mẫu số').fill('14');
    await expect
      .poll(() => dialog.locator('.field-error').textContent())
      .toContain('không được lớn hơn mẫu số');

    // 13/14 = 92,86%: above a target under 92,86% it is Vượt, shown before saving.
    const expected = Number(target.value) < 92.86 ? 'Vượt' : 'Chưa đạt';
    await dialog.getByLabel('Tử số').fill('13');
    await expect.poll(() => dialog.getByTestId('ratio-percent').textContent()).toContain('92,86%');
    await expect.poll(() => dialog.getByTestId('status-preview').textContent()).toBe(expected);
    await dialog.getByLabel('Ghi chú minh chứng').fill('Biên bản họp chi bộ tháng 11');
    await dialog.getByRole('button', { name: 'Lưu', exact: true }).click();

    await dialog.waitFor({ state: 'detached' });
    const cell = row(page, indicator.code).locator('[data-label="Thực hiện"]');
    await expect.poll(() => cell.textContent()).toMatch(/92,86%\s*\(13\/14\)/);
    await expect
      .poll(() => row(page, indicator.code).locator('[data-label="Đánh giá"]').textContent())
      .toBe(expected);

    const stored = (await values(CELL)).results.find((r) => r.code === indicator.code);
    expect(stored).toMatchObject({ numerator: 13, denominator: 14, note: 'Biên bản họp chi bộ tháng 11' });

    // The server refuses the target to the reporter all the same.
    const reporter = await apiSession(uname('reporter'), PASSWORD);
    const refused = await reporter(`/api/targets/${unitId(CELL)}/${indicator.code}/${year}`, {
      method: 'PUT',
      body: JSON.stringify({ value: 50 }),
    });
    expect(refused.status).toBe(403);
    const after = (await values(CELL)).targets.find((t) => t.code === indicator.code);
    expect(after?.value).toBe(target.value);
    expect(after?.version).toBe(target.version);
  });

  it('shows a viewer no "Cập nhật", only the history', async () => {
    const page = await pageOf(uname('viewer'));
    await openDashboard(page, CELL);
    const rows = await page.locator('tr[data-code]').count();
    expect(rows).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: /^Cập nhật/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Lịch sử/ }).count()).toBe(rows);
    expect(await page.getByRole('button', { name: 'Khóa kỳ này' }).count()).toBe(0);
  });

  it('lists the reported change in the row history, with who made it', async () => {
    const page = await pageOf(uname('viewer'));
    await openDashboard(page, CELL);
    await row(page, reported.code)
      .getByRole('button', { name: /^Lịch sử/ })
      .click();
    const dialog = page.getByRole('dialog', { name: `Lịch sử: ${reported.name} — Năm ${year}` });
    const first = dialog.getByTestId('history-item').first();
    await first.waitFor();
    const text = (await first.textContent()) ?? '';
    expect(text).toContain(uname('reporter'));
    expect(text).toContain('Kết quả');
    expect(text).toMatch(/92,86% \(13\/14\)/);
    expect(text).toContain('Biên bản họp chi bộ tháng 11');
    expect(text).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);

    // A row nobody changed says so.
    const codes = await page
      .locator('tr[data-code]')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')));
    const quiet = codes.find((c) => c !== reported.code);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await row(page, quiet ?? '')
      .getByRole('button', { name: /^Lịch sử/ })
      .click();
    await expect.poll(() => page.getByRole('dialog').getByText('Chưa có thay đổi nào.').count()).toBe(1);
  });

  it('refuses a change to a period locked meanwhile, names the lock, and shows the banner', async () => {
    const unit = LOCKED_CELL;
    const { indicator } = await ratioWithTarget(unit);
    const before = await values(unit);
    const page = await pageOf(uname('committee'));
    await openDashboard(page, unit);
    expect(await page.getByTestId('lock-banner').count()).toBe(0);

    await editButton(page, indicator.code).click();
    const dialog = page.getByRole('dialog', { name: `Cập nhật: ${indicator.name} — Năm ${year}` });
    // A committee sets targets too.
    await dialog.getByRole('textbox', { name: /Kế hoạch/ }).waitFor();
    await dialog.getByLabel('Tử số').fill('9');
    await dialog.getByLabel('Mẫu số').fill('10');

    // Meanwhile the review conference is held and admin locks the year.
    const locked = await admin(`/api/locks/${unitId(unit)}/${year}`, {
      method: 'PUT',
      body: JSON.stringify({ note: 'Hội nghị kiểm điểm, đánh giá cuối năm' }),
    });
    expect(locked.status).toBe(200);

    await dialog.getByRole('button', { name: 'Lưu', exact: true }).click();
    const alert = dialog.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('đã được khóa sau hội nghị đánh giá');
    const message = (await alert.textContent()) ?? '';
    expect(message).toContain(unit);
    expect(message).toContain('Quản trị hệ thống');
    expect(message).toMatch(/ngày \d{2}\/\d{2}\/\d{4}/);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    const banner = page.getByTestId('lock-banner');
    await banner.waitFor();
    const said = (await banner.textContent()) ?? '';
    expect(said).toContain('Đã khóa sau hội nghị đánh giá');
    expect(said).toContain(`Năm ${year}`);
    expect(said).toContain(unit);
    expect(said).toContain('Quản trị hệ thống');
    expect(said).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    expect(said).toContain('Hội nghị kiểm điểm, đánh giá cuối năm');
    // Nothing to change any more; the committee of the chi bộ itself cannot unlock.
    expect(await page.getByRole('button', { name: /^Cập nhật/ }).count()).toBe(0);
    expect(await row(page, indicator.code).getByText('Đã khóa').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Mở khóa' }).count()).toBe(0);

    expect(await values(unit)).toEqual(before);
  });

  it('lets admin lock a period from the dashboard, and unlock it only with a reason', async () => {
    const page = await pageOf('admin', adminPassword);
    await openDashboard(page, UI_LOCK_CELL);
    await page.getByRole('button', { name: 'Khóa kỳ này' }).click();
    const lockDialog = page.getByRole('dialog', { name: `Khóa năm ${year}?` });
    await lockDialog.getByLabel('Ghi chú (không bắt buộc)').fill('Hội nghị đánh giá ngày 20/12');
    await lockDialog.getByRole('button', { name: 'Khóa kỳ', exact: true }).click();
    await lockDialog.waitFor({ state: 'detached' });
    const banner = page.getByTestId('lock-banner');
    await expect.poll(() => banner.textContent()).toContain('Hội nghị đánh giá ngày 20/12');
    expect(await page.getByRole('button', { name: /^Cập nhật/ }).count()).toBe(0);
    const dashboard = await json<DashboardDto>(
      await admin(`/api/dashboard?unit=${unitId(UI_LOCK_CELL)}&period=${year}`),
    );
    expect(dashboard.lock).toMatchObject({
      lockedBy: 'Quản trị hệ thống',
      note: 'Hội nghị đánh giá ngày 20/12',
    });

    await banner.getByRole('button', { name: 'Mở khóa' }).click();
    const unlockDialog = page.getByRole('dialog', { name: `Mở khóa năm ${year}?` });
    await unlockDialog.getByRole('button', { name: 'Mở khóa', exact: true }).click();
    await expect.poll(() => unlockDialog.getByRole('alert').textContent()).toBe('Hãy ghi lý do mở khóa.');
    await unlockDialog.getByLabel('Lý do mở khóa').fill('Bổ sung kết quả kết nạp đảng viên');
    await unlockDialog.getByRole('button', { name: 'Mở khóa', exact: true }).click();
    await unlockDialog.waitFor({ state: 'detached' });
    await expect.poll(() => banner.count()).toBe(0);
    await editButton(page, 'DV_HTT').waitFor();

    const history = await json<{ changes: { type: string; action: string; note: string | null }[] }>(
      await admin(`/api/history?unit=${unitId(UI_LOCK_CELL)}&period=${year}`),
    );
    expect(history.changes[0]).toMatchObject({
      type: 'lock',
      action: 'delete',
      note: 'Bổ sung kết quả kết nạp đảng viên',
    });
  });

  it('offers to keep one\u2019s own value or take the other when someone saved in between', async () => {
    const page = await pageOf(uname('reporter'));
    await openDashboard(page, CELL);
    const code = reported.code;
    await editButton(page, code).click();
    const dialog = page.getByRole('dialog', { name: `Cập nhật: ${reported.name} — Năm ${year}` });
    await dialog.getByLabel('Tử số').fill('12');

    // Admin changes the same result first.
    const current = (await values(CELL)).results.find((r) => r.code === code)!;
    const other = await admin(`/api/results/${unitId(CELL)}/${code}/${year}`, {
      method: 'PUT',
      body: JSON.stringify({ numerator: 14, denominator: 14, version: current.version }),
    });
    expect(other.status).toBe(200);

    await dialog.getByRole('button', { name: 'Lưu', exact: true }).click();
    const alert = dialog.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('vừa được người khác sửa');
    expect(await alert.textContent()).toContain('100% (14/14)');
    await dialog.getByRole('button', { name: 'Giữ giá trị của tôi' }).click();
    await dialog.waitFor({ state: 'detached' });
    const stored = (await values(CELL)).results.find((r) => r.code === code);
    expect(stored).toMatchObject({ numerator: 12, denominator: 14, version: current.version + 2 });
    await expect
      .poll(() => row(page, code).locator('[data-label="Thực hiện"]').textContent())
      .toMatch(/85,71%\s*\(12\/14\)/);
  });
});
