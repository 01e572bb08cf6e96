import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNumber } from '../../shared/format';
import { STATUS_LABELS } from '../../shared/judgement';
import type { TargetLinesDto } from '../../shared/schemas/target-lines';
import {
  admin,
  Browsers,
  base,
  DESKTOP,
  json,
  loadDemo,
  createUser as postUser,
  root,
  stamp,
} from '../helpers/e2e';

// "Chỉ tiêu chủ yếu" in Chromium against the real server on the demo data: a committee member
// writes two lines of the root's 2023 resolution with the keyboard, binds them to demo
// indicators, reorders and saves them, and sees the statuses the API computes; a viewer
// reads them; and a list saved by someone else in between is resolved both ways. Only the
// root's 2023 and 2022 lists are written (no other test reads target lines), and no value
// or lock is changed. Users made here are named tl-….

const uname = (name: string) => `tl-${name}-${stamp}`;
const PASSWORD = 'mat-khau-thu-2026';
const PATH = '/chi-tieu-chu-yeu';

const HTT = 'Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên';
const HTXS = 'Tỷ lệ đảng viên hoàn thành xuất sắc nhiệm vụ';
const FIRST =
  'Có 90% đảng viên xếp loại hoàn thành tốt nhiệm vụ trở lên, trong đó có 20% hoàn thành xuất sắc';
const SECOND = 'Kết nạp ít nhất 02 quần chúng ưu tú vào Đảng';

const browsers = new Browsers();
const dialogs: string[] = [];
/** The version of each emptied list before the tests write it. */
const start: Record<string, number> = {};

const linesOf = async (period: string) =>
  json<TargetLinesDto>(await admin(`/api/target-lines?unit=${root.id}&period=${period}`));

const createUser = (name: string, role: string) =>
  postUser(admin, {
    username: uname(name),
    password: PASSWORD,
    displayName: name === 'committee' ? 'Lê Văn Cấp Ủy' : 'Trần Thị Xem',
    grants: [{ role, unitId: root.id }],
  });

/** A signed-in page in a browser of its own. */
const pageOf = (username: string, viewport = DESKTOP) => browsers.signedIn(username, PASSWORD, viewport);

async function open(page: Page, period: string) {
  await page.goto(`${base}${PATH}?unit=${root.id}&period=${period}`);
  await page
    .getByRole('heading', { level: 1, name: `Chỉ tiêu chủ yếu: ${root.name} — Năm ${period}` })
    .waitFor();
}

const lines = (page: Page) => page.getByTestId('target-line');
const line = (page: Page, n: number) => lines(page).nth(n - 1);
const text = (page: Page, n: number) => page.getByLabel(`Nội dung chỉ tiêu chủ yếu ${n}.`, { exact: true });
const dirtyState = (page: Page) => page.getByTestId('dirty-state');
const focusedLabel = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id);

/** Ticks an indicator in a line's checklist with the keyboard: focus, then Space. */
async function bind(page: Page, n: number, name: string) {
  const box = line(page, n).getByRole('checkbox', { name: new RegExp(`^${name}`) });
  await box.focus();
  await page.keyboard.press('Space');
  await expect.poll(() => box.isChecked()).toBe(true);
}

/** What the page shows of each line: its status and the status of each part, by code. */
async function shown(page: Page) {
  return lines(page).evaluateAll((items) =>
    items.map((li) => ({
      status: li.getAttribute('data-status'),
      word: li.querySelector('.tl-line-head .status-badge')?.textContent,
      parts: [...li.querySelectorAll('.tl-part')].map((p) => ({
        code: p.getAttribute('data-code'),
        status: p.getAttribute('data-status'),
        text: p.textContent ?? '',
      })),
    })),
  );
}

function expectAsApi(page: Awaited<ReturnType<typeof shown>>, api: TargetLinesDto) {
  expect(page.map((l) => l.status)).toEqual(api.lines.map((l) => l.status));
  expect(page.map((l) => l.word)).toEqual(api.lines.map((l) => STATUS_LABELS[l.status]));
  page.forEach((l, i) => {
    const parts = api.lines[i]!.parts;
    expect(l.parts.map((p) => [p.code, p.status])).toEqual(parts.map((p) => [p.indicator.code, p.status]));
    l.parts.forEach((p, j) => {
      const part = parts[j]!;
      if (part.target) expect(p.text).toContain(`Kế hoạch ${part.target.display}`);
      if (part.result) expect(p.text).toContain(`Thực hiện ${part.result.display}`);
    });
  });
}

beforeAll(async () => {
  await loadDemo();
  await createUser('committee', 'committee');
  await createUser('viewer', 'viewer');
  // The demo writes the root's lines of every year: these tests start from emptied lists.
  for (const period of ['2023', '2022']) {
    const { version } = await linesOf(period);
    await json(
      await admin(`/api/target-lines/${root.id}/${period}`, {
        method: 'PUT',
        body: JSON.stringify({ lines: [], version }),
      }),
    );
    start[period] = (await linesOf(period)).version;
  }
});

afterAll(browsers.closeAll);

describe('the target lines of a resolution', () => {
  it('writes two lines bound to demo indicators with the keyboard, reorders them and saves them at once', async () => {
    expect((await linesOf('2023')).version).toBe(start['2023']);
    const page = await pageOf(uname('committee'));
    await open(page, '2023');
    await page.getByText('Chưa có chỉ tiêu chủ yếu nào cho năm 2023.', { exact: false }).waitFor();

    // "Thêm" puts the focus in the new line's text, with the checklist of indicators open.
    await page.getByRole('button', { name: 'Thêm chỉ tiêu chủ yếu' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => text(page, 1).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(FIRST);
    // Each indicator is offered with the unit's target of the period.
    const htt = line(page, 1).getByRole('checkbox', { name: new RegExp(`^${HTT}`) });
    await expect
      .poll(async () => (await htt.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent)) ?? '')
      .toContain('Kế hoạch: 90%');
    await bind(page, 1, HTT);
    await bind(page, 1, HTXS);
    await expect.poll(() => dirtyState(page).textContent()).toBe('Có thay đổi chưa lưu');

    await page.getByRole('button', { name: 'Thêm chỉ tiêu chủ yếu' }).click();
    await expect.poll(() => text(page, 2).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(SECOND);
    await bind(page, 2, 'Số đảng viên mới được kết nạp');

    // The second line up: the focus stays on the moved line (its other arrow, at the top).
    await page.getByRole('button', { name: 'Chuyển dòng 2 lên' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => text(page, 1).inputValue()).toBe(SECOND);
    await expect.poll(() => text(page, 2).inputValue()).toBe(FIRST);
    await expect.poll(() => focusedLabel(page)).toBe('Chuyển dòng 1 xuống');

    // A third line left empty is refused before anything is sent, at the line at fault.
    await page.getByRole('button', { name: 'Thêm chỉ tiêu chủ yếu' }).click();
    await page.getByRole('button', { name: 'Lưu danh sách' }).click();
    await expect
      .poll(() => line(page, 3).locator('.field-error').allTextContents())
      .toEqual([
        'Nội dung chỉ tiêu chủ yếu không được để trống.',
        'Mỗi chỉ tiêu chủ yếu phải gắn với ít nhất một chỉ tiêu.',
      ]);
    await expect.poll(() => text(page, 3).evaluate((el) => el === document.activeElement)).toBe(true);
    expect((await linesOf('2023')).version).toBe(start['2023']);
    await page.getByRole('button', { name: 'Xóa dòng 3' }).click();
    await expect.poll(() => lines(page).count()).toBe(2);
    // A removal can be undone until the list is saved.
    await page.getByRole('button', { name: 'Hoàn tác' }).click();
    await expect.poll(() => lines(page).count()).toBe(3);
    await page.getByRole('button', { name: 'Xóa dòng 3' }).click();
    await expect.poll(() => lines(page).count()).toBe(2);

    await page.getByRole('button', { name: 'Lưu danh sách' }).click();
    await expect.poll(() => dirtyState(page).textContent()).toBe('Đã lưu 2 chỉ tiêu chủ yếu.');

    const api = await linesOf('2023');
    expect(api.version).toBe(start['2023']! + 1);
    expect(api.lines.map((l) => [l.text, l.codes])).toEqual([
      [SECOND, ['KET_NAP']],
      [FIRST, ['DV_HTT', 'DV_HTXS']],
    ]);
    expectAsApi(await shown(page), api);
    const share = api.summary.share === null ? '' : `(${formatNumber(api.summary.share)}%)`;
    await expect
      .poll(() => page.getByTestId('lines-headline').textContent())
      .toBe(`${api.summary.achieved}/${api.summary.total} chỉ tiêu chủ yếu đạt và vượt ${share}`);

    // Read afresh, the page shows the same.
    await page.reload();
    await line(page, 2).waitFor();
    expectAsApi(await shown(page), api);
  });

  it('asks before leaving unsaved changes, inside the app and by the period picker', async () => {
    const page = await pageOf(uname('committee'));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void (dialogs.length === 1 ? d.dismiss() : d.accept());
    });
    await open(page, '2023');
    await text(page, 1).fill(`${SECOND}, trong đó 01 là sinh viên`);
    await expect.poll(() => line(page, 1).getByText('Chưa lưu').count()).toBe(1);

    await page.getByLabel('Kỳ', { exact: true }).selectOption('2022');
    await expect.poll(() => dialogs.length).toBe(1);
    expect(dialogs[0]).toContain('thay đổi chưa lưu');
    expect(new URL(page.url()).searchParams.get('period')).toBe('2023');
    expect(await text(page, 1).inputValue()).toContain('sinh viên');

    await page.getByRole('link', { name: 'Bảng chỉ tiêu', exact: true }).click();
    await expect.poll(() => dialogs.length).toBe(2);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');
    // Nothing was saved.
    expect((await linesOf('2023')).lines[0]?.text).toBe(SECOND);
  });

  it('shows a viewer the lines and their statuses, read-only', async () => {
    const page = await pageOf(uname('viewer'));
    await open(page, '2023');
    await line(page, 2).waitFor();
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Lưu danh sách' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Chuyển dòng/ }).count()).toBe(0);
    expect(await line(page, 1).locator('.tl-text').textContent()).toBe(SECOND);
    await page.getByText('tài khoản của bạn chỉ xem', { exact: false }).waitFor();
    expectAsApi(await shown(page), await linesOf('2023'));
  });

  it('resolves a list saved by someone else meanwhile: keep mine, then take theirs', async () => {
    const page = await pageOf(uname('committee'));
    await open(page, '2022');
    await page.getByRole('button', { name: 'Thêm chỉ tiêu chủ yếu' }).click();
    await page.keyboard.type('Dòng của tôi');
    await bind(page, 1, 'Số đảng viên mới được kết nạp');

    // Meanwhile someone else saves a list of their own.
    await json(
      await admin(`/api/target-lines/${root.id}/2022`, {
        method: 'PUT',
        body: JSON.stringify({
          version: start['2022'],
          lines: [{ text: 'Dòng của người khác', codes: ['GV_GIOI'] }],
        }),
      }),
    );

    await page.getByRole('button', { name: 'Lưu danh sách' }).click();
    const conflict = page.getByTestId('conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('vừa được người khác sửa');
    expect(await conflict.textContent()).toContain('Dòng của người khác');
    await conflict.getByRole('button', { name: 'Giữ danh sách của tôi' }).click();
    await expect.poll(() => dirtyState(page).textContent()).toBe('Đã lưu 1 chỉ tiêu chủ yếu.');
    const kept = await linesOf('2022');
    expect(kept.version).toBe(start['2022']! + 2);
    expect(kept.lines.map((l) => l.text)).toEqual(['Dòng của tôi']);

    // Again, and this time the other list is taken.
    await json(
      await admin(`/api/target-lines/${root.id}/2022`, {
        method: 'PUT',
        body: JSON.stringify({
          version: start['2022']! + 2,
          lines: [{ text: 'Bản sửa của Ban Thường vụ', codes: ['KET_NAP', 'GV_GIOI'] }],
        }),
      }),
    );
    await text(page, 1).fill('Dòng của tôi, sửa lần hai');
    await page.getByRole('button', { name: 'Lưu danh sách' }).click();
    await conflict.waitFor();
    await conflict.getByRole('button', { name: 'Lấy danh sách hiện tại' }).click();
    await expect.poll(() => text(page, 1).inputValue()).toBe('Bản sửa của Ban Thường vụ');
    await expect.poll(() => dirtyState(page).textContent()).toBe('Không có thay đổi chưa lưu');
    expect(await line(page, 1).locator('.tl-part').count()).toBe(2);
    const taken = await linesOf('2022');
    expect(taken.version).toBe(start['2022']! + 3);
    expectAsApi(await shown(page), taken);
  });

  it('fits a phone screen while a line is being edited, without sideways scrolling', async () => {
    const page = await pageOf(uname('committee'), { width: 390, height: 844 });
    await open(page, '2023');
    await line(page, 2).waitFor();
    await line(page, 2)
      .getByRole('button', { name: /^Chọn chỉ tiêu/ })
      .click();
    await line(page, 2).getByRole('checkbox').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Esc closes the checklist and gives the focus back to its button.
    await line(page, 2).getByRole('checkbox').first().focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => line(page, 2).getByRole('checkbox').count()).toBe(0);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain('Chọn chỉ tiêu');
  });
});
