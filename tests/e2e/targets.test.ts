import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TargetDto } from '../../shared/schemas/values';
import {
  admin,
  adminPage,
  base,
  createUnit,
  createUser,
  freshBrowser,
  json,
  loadDemo,
  root,
  signIn,
  stamp,
} from '../helpers/e2e';

// The targets grid in Chromium against the real server: typing a year's targets with the
// keyboard, pasting a block from a spreadsheet, copying last year's, leaving with unsaved
// changes, a locked half-year, and two people saving the same cells. Every test works on a
// chi bộ of its own, made here, so the demo figures other files read stay as they are.

let page: Page;
let close: () => Promise<void>;
// Questions the page asks (leaving with unsaved changes), and how they are answered.
const questions: string[] = [];
let answer: 'accept' | 'dismiss' = 'accept';

const newCell = (name: string) =>
  createUnit(admin, { parentId: root.id, name: `${name} ${stamp}`, kind: 'chi_bo' });

const targetsOf = async (unit: string, period: string) =>
  (await json<{ targets: TargetDto[] }>(await admin(`/api/values?unit=${unit}&period=${period}`))).targets;

const cell = (code: string, period: string) =>
  page.locator(`tr[data-code="${code}"] input[data-period="${period}"]`);

async function openGrid(unit: string, year: number | string) {
  await page.goto(`${base}/giao-chi-tieu?unit=${unit}&period=${year}`);
  await cell('KET_NAP', String(year)).waitFor();
}

beforeAll(async () => {
  await loadDemo();
  ({ page, close } = await adminPage({
    onPage: (p) =>
      p.on('dialog', (d) => {
        questions.push(d.message());
        void (answer === 'accept' ? d.accept() : d.dismiss());
      }),
  }));
});

afterAll(async () => {
  await close?.();
});

describe('the targets grid', () => {
  it('takes a year of targets typed with the keyboard alone, checks each cell, and saves them at once', async () => {
    const unit = await newCell('Chi bộ Giao bằng bàn phím');
    await openGrid(unit.id, 2026);
    await page.getByRole('heading', { level: 1, name: `Giao chỉ tiêu: ${unit.name} — năm 2026` }).waitFor();

    // Down the year's column with Enter, across with the arrow keys.
    await cell('DV_HTT', '2026').click();
    await page.keyboard.type('90');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Tỷ lệ đảng viên hoàn thành xuất sắc nhiệm vụ — Năm 2026');
    await page.keyboard.type('20');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('15');
    await cell('KET_NAP', '2026').click();
    await page.keyboard.type('2,5');
    await cell('XL_DANG_BO', '2026').click();
    await page.keyboard.type('hoan thanh tot');
    await page.keyboard.press('Tab');

    // A fraction of a member is refused as the server would, in words, before anything is sent.
    await expect.poll(() => cell('KET_NAP', '2026').getAttribute('aria-invalid')).toBe('true');
    const problems = page.getByRole('region', { name: 'Ô chưa hợp lệ' });
    await expect.poll(() => problems.textContent()).toContain('số nguyên không âm');
    // The level typed without diacritics takes the scale's spelling.
    expect(await cell('XL_DANG_BO', '2026').inputValue()).toBe('Hoàn thành tốt nhiệm vụ');
    // Changed cells are marked.
    expect(await cell('DV_HTT', '2026').evaluate((el) => el.parentElement?.className)).toContain(
      'tg-changed',
    );

    await page.getByRole('button', { name: /^Lưu/ }).click();
    await page.getByText('Còn 1 ô chưa hợp lệ; hãy sửa trước khi lưu.').waitFor();
    expect(await targetsOf(unit.id, '2026')).toEqual([]);

    await cell('KET_NAP', '2026').fill('2');
    await page.getByRole('button', { name: 'Lưu 5 thay đổi' }).click();
    await page.getByText(`Đã lưu 5 chỉ tiêu của ${unit.name}.`).waitFor();
    const saved = (await targetsOf(unit.id, '2026')).map((t) => [t.code, t.display]);
    expect(saved).toEqual([
      ['DV_HTT', '90%'],
      ['DV_HTXS', '20%'],
      ['KET_NAP', '2'],
      ['XL_DANG_BO', 'Hoàn thành tốt nhiệm vụ'],
    ]);
    expect((await targetsOf(unit.id, '2026-H1')).map((t) => [t.code, t.display])).toEqual([
      ['DV_HTXS', '15%'],
    ]);
    expect(await cell('DV_HTT', '2026').evaluate((el) => el.parentElement?.className)).toContain('tg-same');
  });

  it('pastes a block copied from a spreadsheet where the cursor is, and removes what is emptied', async () => {
    const unit = await newCell('Chi bộ Dán từ Excel');
    await admin(`/api/targets/${unit.id}/TUYEN_SINH/2026-H2`, {
      method: 'PUT',
      body: JSON.stringify({ value: 9 }),
    });
    await openGrid(unit.id, 2026);
    // Three rows by two columns, as Excel puts them on the clipboard: tabs and CRLF.
    const block = '1.500\t250\r\n2\t1\r\n0\t0\r\n';
    await cell('TUYEN_SINH', '2026').click();
    await cell('TUYEN_SINH', '2026').evaluate((el, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, block);
    await page.getByText('Đã dán 6 ô từ bảng tính.', { exact: false }).waitFor();
    expect(await cell('TUYEN_SINH', '2026-H1').inputValue()).toBe('250');
    expect(await cell('KY_LUAT', '2026').inputValue()).toBe('0');
    await cell('TUYEN_SINH', '2026-H2').fill('');
    await page.getByRole('button', { name: 'Lưu 7 thay đổi' }).click();
    await page.getByText(`Đã lưu 7 chỉ tiêu của ${unit.name}.`).waitFor();
    const year = (await targetsOf(unit.id, '2026')).map((t) => [t.code, t.value]);
    expect(year).toEqual([
      ['TUYEN_SINH', 1500],
      ['KET_NAP', 2],
      ['KY_LUAT', 0],
    ]);
    expect(await targetsOf(unit.id, '2026-H2')).toEqual([]);
  });

  it('fills the empty cells from last year’s targets, to be adjusted before saving', async () => {
    const unit = await newCell('Chi bộ Chép năm trước');
    for (const [code, period, value] of [
      ['KET_NAP', '2025', 2],
      ['KET_NAP', '2025-H1', 1],
      ['DV_HTT', '2025', 95],
      ['KY_LUAT', '2025', 0],
    ] as const)
      await admin(`/api/targets/${unit.id}/${code}/${period}`, {
        method: 'PUT',
        body: JSON.stringify({ value }),
      });
    await admin(`/api/targets/${unit.id}/KY_LUAT/2026`, {
      method: 'PUT',
      body: JSON.stringify({ value: 1 }),
    });
    await openGrid(unit.id, 2026);
    await page.getByRole('button', { name: 'Chép từ năm trước' }).click();
    await page
      .getByText('Đã chép 3 chỉ tiêu từ năm 2025 vào các ô còn trống; 1 ô đã có giá trị được giữ nguyên.')
      .waitFor();
    expect(await cell('DV_HTT', '2026').inputValue()).toBe('95');
    expect(await cell('KET_NAP', '2026-H1').inputValue()).toBe('1');
    expect(await cell('KY_LUAT', '2026').inputValue()).toBe('1');
    // Nothing is written until "Lưu".
    expect((await targetsOf(unit.id, '2026')).map((t) => t.code)).toEqual(['KY_LUAT']);
    await cell('DV_HTT', '2026').fill('96');
    await page.getByRole('button', { name: 'Lưu 3 thay đổi' }).click();
    await page.getByText(`Đã lưu 3 chỉ tiêu của ${unit.name}.`).waitFor();
    expect((await targetsOf(unit.id, '2026')).map((t) => [t.code, t.value])).toEqual([
      ['DV_HTT', 96],
      ['KET_NAP', 2],
      ['KY_LUAT', 1],
    ]);
  });

  it('asks before leaving with unsaved changes, and stays when told to', async () => {
    const unit = await newCell('Chi bộ Rời trang');
    await openGrid(unit.id, 2026);
    // Another year, chosen in the page: an entry of the browser's history to go Back from.
    await page.getByLabel('Năm', { exact: true }).selectOption('2025');
    await cell('KET_NAP', '2025').waitFor();
    await cell('KET_NAP', '2025').fill('3');
    questions.length = 0;
    answer = 'dismiss';
    const leave = 'Bạn có thay đổi chưa lưu. Rời khỏi đây và bỏ các thay đổi đó?';
    const nav = page.getByRole('navigation').getByRole('link', { name: 'Bảng chỉ tiêu', exact: true });
    await nav.click();
    await expect.poll(() => questions).toEqual([leave]);
    expect(new URL(page.url()).pathname).toBe('/giao-chi-tieu');
    // Back is asked about too; refused, the address and the typing stay.
    await page.goBack();
    await expect.poll(() => questions).toEqual([leave, leave]);
    await expect.poll(() => new URL(page.url()).searchParams.get('period')).toBe('2025');
    expect(await cell('KET_NAP', '2025').inputValue()).toBe('3');
    answer = 'accept';
    await nav.click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');
  });

  it('shows a locked half-year and takes no typing or pasting in it', async () => {
    const unit = await newCell('Chi bộ Kỳ đã khóa');
    await admin(`/api/targets/${unit.id}/KET_NAP/2026-H1`, {
      method: 'PUT',
      body: JSON.stringify({ value: 1 }),
    });
    await json(await admin(`/api/locks/${unit.id}/2026-H1`, { method: 'PUT' }));
    await openGrid(unit.id, 2026);
    const header = page.locator('th[data-period="2026-H1"]');
    expect(await header.textContent()).toContain('Đã khóa');
    expect(await cell('KET_NAP', '2026-H1').getAttribute('readonly')).not.toBeNull();
    await cell('KET_NAP', '2026-H1').click();
    await page.keyboard.type('5');
    expect(await cell('KET_NAP', '2026-H1').inputValue()).toBe('1');
  });

  it('lets the second of two people saving the same cells see the other’s values and choose', async () => {
    const unit = await newCell('Chi bộ Hai người cùng sửa');
    await admin(`/api/targets/${unit.id}/KET_NAP/2026`, {
      method: 'PUT',
      body: JSON.stringify({ value: 2 }),
    });
    await openGrid(unit.id, 2026);
    await cell('KET_NAP', '2026').fill('3');
    await cell('NCKH_TINH', '2026').fill('1');
    // Meanwhile someone else saves both cells from another screen.
    await admin(`/api/targets/${unit.id}/KET_NAP/2026`, {
      method: 'PUT',
      body: JSON.stringify({ value: 4 }),
    });
    await admin(`/api/targets/${unit.id}/NCKH_TINH/2026`, {
      method: 'PUT',
      body: JSON.stringify({ value: 2 }),
    });

    await page.getByRole('button', { name: 'Lưu 2 thay đổi' }).click();
    const conflicts = page.getByRole('region', { name: 'Giá trị vừa được người khác sửa' });
    await conflicts.waitFor();
    await page.getByText('Có 2 chỉ tiêu vừa được người khác sửa', { exact: false }).waitFor();
    const first = conflicts.locator(`li[data-key="KET_NAP|2026"]`);
    expect(await first.textContent()).toContain('Của bạn: 3; người khác vừa lưu: 4');
    // Nothing was written: the other person's values stand.
    expect((await targetsOf(unit.id, '2026')).map((t) => [t.code, t.value])).toEqual([
      ['NCKH_TINH', 2],
      ['KET_NAP', 4],
    ]);

    await first.getByRole('button', { name: 'Giữ của tôi' }).click();
    await conflicts
      .locator(`li[data-key="NCKH_TINH|2026"]`)
      .getByRole('button', { name: 'Lấy giá trị kia' })
      .click();
    expect(await cell('NCKH_TINH', '2026').inputValue()).toBe('2');
    await page.getByRole('button', { name: 'Lưu 1 thay đổi' }).click();
    await page.getByText(`Đã lưu 1 chỉ tiêu của ${unit.name}.`).waitFor();
    expect((await targetsOf(unit.id, '2026')).map((t) => [t.code, t.value])).toEqual([
      ['NCKH_TINH', 2],
      ['KET_NAP', 3],
    ]);
    const history = await json<{ changes: { after: { value: number } | null }[] }>(
      await admin(`/api/history?unit=${unit.id}&code=KET_NAP&period=2026`),
    );
    expect(history.changes.map((c) => c.after?.value)).toEqual([3, 4, 2]);
  });

  it('is not offered to a reporter, who cannot set targets', async () => {
    const unit = await newCell('Chi bộ Chỉ báo cáo');
    const name = `gt-bao-cao-${stamp}`;
    await createUser(admin, {
      username: name,
      password: 'mat-khau-thu-2026',
      grants: [{ role: 'reporter', unitId: unit.id }],
    });
    const own = await freshBrowser();
    try {
      const p = own.page;
      await signIn(p, name, 'mat-khau-thu-2026');
      expect(await p.getByRole('link', { name: 'Giao chỉ tiêu' }).count()).toBe(0);
      await p.goto(`${base}/giao-chi-tieu?unit=${unit.id}&period=2026`);
      await p
        .getByText('Việc giao chỉ tiêu do cấp ủy thực hiện; tài khoản của bạn không có quyền này.')
        .waitFor();
    } finally {
      await own.close();
    }
  });
});
