import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { signIn } from '../helpers/e2e';
import {
  SERVER_ADMIN_PASSWORD as ADMIN_PASSWORD,
  type ServerProcess,
  sessionCookie,
  startServer,
} from '../helpers/server-process';

// Issue 8, "It holds", part 6, in the browser: text built to run as script or markup, stored
// in the free-text fields (unit and indicator names, unit labels, level names, main targets,
// result and rating notes, lock notes, people's names), shown by every page as the text it
// is. Nothing runs (no dialog opens, no content security policy report is raised) and no
// element of the payloads exists in the page. The payloads rename the demo organisation, so
// this file starts a server of its own on a database of its own: the shared server of the
// other browser tests keeps its names.

const PERIOD = '2021';

/** Where each payload is put; each carries its own number, so a dialog would name its field. */
const T = {
  root: '<img src=x onerror=alert(1)>',
  cellScript: '<script>alert(2)</script>',
  cellSvg: '"><svg onload=alert(3)>',
  cellSql: "'); DROP TABLE units;--",
  cellJs: 'javascript:alert(4)',
  indicator: '<img src=x onerror=alert(5)> Tỷ lệ đảng viên',
  indicatorSql: "' OR 1=1 -- Số đảng viên kết nạp",
  unitLabel: '<svg onload=alert(6)>',
  level: '<b onclick=alert(7)>Xuất sắc</b>',
  levelIndicator: '"><iframe src=javascript:alert(8)>',
  line: '<script>alert(9)</script> Chỉ tiêu chủ yếu',
  note: '<img src=x onerror=alert(10)> biên bản',
  ratingNote: '"><img src=x onerror=alert(11)>',
  lockNote: '"><svg onload=alert(12)> hội nghị',
  displayName: '<script>alert(13)</script> Người khóa',
};

let server: ServerProcess | undefined;
let dir: string;
let base: string;
let browser: BrowserContext;
let close: (() => Promise<void>) | undefined;
let page: Page;
const dialogs: string[] = [];
const ids = { root: '', cells: [] as string[] };

type Api = (method: string, path: string, body?: unknown) => Promise<any>;

async function session(username: string, password: string): Promise<Api> {
  const cookie = await sessionCookie(base, username, password);
  return async (method, path, body) => {
    const answer = await fetch(base + path, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await answer.text();
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${text}`);
    return JSON.parse(text);
  };
}

/** Stores every payload through the API, as a person (or an attacker with an account) could. */
async function storePayloads(admin: Api) {
  const { units } = await admin('GET', '/api/units');
  const root = units.find((u: any) => u.parentId === null);
  const cells = units.filter((u: any) => u.parentId === root.id && u.kind === 'chi_bo');
  ids.root = root.id;
  ids.cells = cells.map((c: any) => c.id);
  await admin('PATCH', `/api/units/${root.id}`, { name: T.root });
  const cellNames = [T.cellScript, T.cellSvg, T.cellSql, T.cellJs];
  for (const [i, name] of cellNames.entries()) await admin('PATCH', `/api/units/${ids.cells[i]}`, { name });

  await admin('PATCH', '/api/indicators/DV_HTT', { name: T.indicator });
  await admin('PATCH', '/api/indicators/KET_NAP', { name: T.indicatorSql, unitLabel: T.unitLabel });
  await admin('POST', '/api/indicators', {
    code: 'XL_TAN_CONG',
    name: T.levelIndicator,
    unitLabel: 'mức',
    kind: 'level',
    levels: ['Đạt', T.level],
  });
  await admin('PUT', `/api/targets/${root.id}/XL_TAN_CONG/${PERIOD}`, { value: T.level });
  await admin('PUT', `/api/results/${root.id}/XL_TAN_CONG/${PERIOD}`, { value: T.level });

  const lines = await admin('GET', `/api/target-lines?unit=${root.id}&period=${PERIOD}`);
  await admin('PUT', `/api/target-lines/${root.id}/${PERIOD}`, {
    lines: lines.lines.map((l: any, i: number) => ({
      text: i === 0 ? T.line : l.text,
      codes: l.codes,
      // A part judged at the units below goes back as it is stored: its code and the kinds.
      parts: l.parts
        .filter((p: any) => p.below)
        .map((p: any) => ({ code: p.indicator.code, below: p.below })),
    })),
    version: lines.version,
  });

  const cell = ids.cells[0]!;
  await admin('PUT', `/api/results/${cell}/KET_NAP/${PERIOD}`, { value: 1, note: T.note });
  const rating = (await admin('GET', `/api/member-ratings?unit=${cell}&period=${PERIOD}`)).rating;
  await admin('PUT', `/api/member-ratings/${cell}/${PERIOD}`, {
    excellent: rating.excellent,
    good: rating.good,
    complete: rating.complete,
    notComplete: rating.notComplete,
    note: T.ratingNote,
    version: rating.version,
  });

  // The lock of the second cell names who locked it: a person whose name is a payload.
  await admin('POST', '/api/users', {
    username: 'nguoi-khoa',
    password: 'mat-khau-nguoi-khoa',
    displayName: T.displayName,
    grants: [{ role: 'committee', unitId: ids.cells[1] }],
  });
  const locker = await session('nguoi-khoa', 'mat-khau-nguoi-khoa');
  await locker('PUT', `/api/locks/${ids.cells[1]}/${PERIOD}`, { note: T.lockNote });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chitieu-attacks-'));
  server = await startServer(join(dir, 'attacks.db'), {
    // Built by the global setup, into CLIENT_OUT when given.
    CLIENT_DIST: process.env.CLIENT_OUT ?? './dist/client',
  });
  base = server.base;

  const [, opened] = await Promise.all([
    session('admin', ADMIN_PASSWORD).then(storePayloads),
    launchBrowser(),
  ]);
  ({ browser, close } = opened);
  // Anything the content security policy stops is counted: a payload that became markup
  // with a handler would be stopped there, and must not even have been tried.
  await browser.addInitScript(() => {
    (window as any).__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as any).__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  page = await browser.newPage();
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await signIn(page, 'admin', ADMIN_PASSWORD, base);
}, 120_000);

afterAll(async () => {
  await close?.();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The page's text and the values of its fields: where a stored text shows. */
const shown = () =>
  page.evaluate(() => {
    const fields = [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')];
    return [document.title, document.body.textContent ?? '', ...fields.map((f) => f.value)].join('\n');
  });

/** Whatever the payloads would have made, had any of them become markup. */
const injected = () =>
  page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    return {
      handlers: all.flatMap((el) =>
        [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName} ${a.name}`),
      ),
      images: document.querySelectorAll('img[src="x"]').length,
      frames: document.querySelectorAll('iframe').length,
      inlineScripts: [...document.scripts].filter((s) => !s.src).length,
      scriptUrls: document.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i]').length,
      boldPayload: document.querySelectorAll('b[onclick]').length,
      cspViolations: (window as any).__cspViolations as string[],
    };
  });

const NOTHING = {
  handlers: [],
  images: 0,
  frames: 0,
  inlineScripts: 0,
  scriptUrls: 0,
  boldPayload: 0,
  cspViolations: [],
};

async function expectSafe(expected: string[]) {
  await expect
    .poll(shown, { timeout: 15_000 })
    .toSatisfy((text: string) => expected.every((e) => text.includes(e)));
  expect(await injected()).toEqual(NOTHING);
  expect(dialogs).toEqual([]);
}

describe('payloads stored in every free-text field, in the browser', () => {
  const pages: [string, () => string, string[]][] = [
    [
      'the dashboard of the committee',
      () => `/?unit=${ids.root}&period=${PERIOD}`,
      [T.root, T.indicator, T.indicatorSql, T.levelIndicator, T.level],
    ],
    [
      'the report',
      () => `/bao-cao?unit=${ids.root}&period=${PERIOD}`,
      [T.root, T.line, T.indicator, T.level],
    ],
    [
      'the catalogue of units and indicators',
      () => '/danh-muc',
      [T.root, T.cellScript, T.cellSvg, T.cellSql, T.cellJs, T.indicator, T.indicatorSql, T.levelIndicator],
    ],
    [
      'the results entry of a chi bộ',
      () => `/bao-cao-ket-qua?unit=${ids.cells[0]}&period=${PERIOD}`,
      [T.cellScript, T.indicator, T.indicatorSql, T.note],
    ],
    [
      'the targets grid',
      () => `/giao-chi-tieu?unit=${ids.root}&period=${PERIOD}`,
      [T.root, T.indicator, T.indicatorSql],
    ],
    ['the main targets', () => `/chi-tieu-chu-yeu?unit=${ids.root}&period=${PERIOD}`, [T.root, T.line]],
    [
      'the scorecard of the chi bộ',
      () => `/so-sanh-don-vi?unit=${ids.root}&period=${PERIOD}`,
      [T.root, T.cellScript, T.cellSvg, T.cellSql, T.cellJs],
    ],
    [
      'the comparison of periods',
      () => `/so-sanh-ky?unit=${ids.root}`,
      [T.root, T.indicator, T.indicatorSql],
    ],
    ['the conference screen', () => `/trinh-chieu?unit=${ids.root}&period=${PERIOD}`, [T.root, T.line]],
    ['the people', () => '/nguoi-dung', [T.displayName, T.cellSvg]],
    [
      'the member ratings',
      () => `/xep-loai-dang-vien?unit=${ids.cells[0]}&period=${PERIOD}`,
      [T.cellScript, T.ratingNote],
    ],
    ['the import and export', () => `/nhap-xuat?unit=${ids.root}&period=${PERIOD}`, [T.root]],
  ];

  it.each(pages)('shows them as text on %s, and nothing runs', async (_, path, expected) => {
    await page.goto(base + path());
    await expectSafe(expected);
  });

  it('shows them as text in a chi bộ’s locked dashboard: the lock’s note and who locked it', async () => {
    await page.goto(`${base}/?unit=${ids.cells[1]}&period=${PERIOD}`);
    const banner = page.getByTestId('lock-banner');
    await banner.waitFor();
    const said = (await banner.textContent()) ?? '';
    expect(said).toContain(T.lockNote);
    expect(said).toContain(T.displayName);
    await expectSafe([T.cellSvg, T.lockNote, T.displayName]);
  });

  it('shows them as text in the editing and history dialogs of a row', async () => {
    await page.goto(`${base}/?unit=${ids.cells[0]}&period=${PERIOD}`);
    const row = page.locator('tr[data-code="KET_NAP"]');
    await row.getByRole('button', { name: /^Cập nhật/ }).click();
    const edit = page.getByRole('dialog', { name: `Cập nhật: ${T.indicatorSql} — Năm ${PERIOD}` });
    await edit.waitFor();
    await expect.poll(() => edit.getByLabel('Ghi chú minh chứng').inputValue()).toBe(T.note);
    await expectSafe([T.indicatorSql, T.note]);
    await page.keyboard.press('Escape');
    await edit.waitFor({ state: 'detached' });

    await row.getByRole('button', { name: /^Lịch sử/ }).click();
    const history = page.getByRole('dialog', { name: `Lịch sử: ${T.indicatorSql} — Năm ${PERIOD}` });
    const item = history.getByTestId('history-item').first();
    await item.waitFor();
    expect(await item.textContent()).toContain(T.note);
    await expectSafe([T.note]);
  });

  it('finds a unit by a payload typed into the unit search, shown as text', async () => {
    await page.goto(`${base}/?unit=${ids.root}&period=${PERIOD}`);
    const picker = page.getByRole('combobox', { name: 'Đơn vị' });
    await picker.click();
    await picker.fill('<svg onload');
    await expect.poll(() => page.getByRole('option', { name: T.cellSvg }).count()).toBe(1);
    await expectSafe([T.cellSvg]);
  });
});
