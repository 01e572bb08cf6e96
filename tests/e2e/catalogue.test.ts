import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { UserDto } from '../../shared/accounts';
import type { IndicatorDto } from '../../shared/schemas/indicators';
import type { UnitDto } from '../../shared/schemas/units';
import { launchBrowser } from '../helpers/browser';
import { apiSession, type SessionFetch, signIn } from './sign-in';

// The catalogue page ("Danh mục") in Chromium against the real server with the demo data:
// units added, renamed, moved, reordered and removed; indicators added, reordered, archived;
// refusals shown with the server's reasons. Other test files share this server, so the demo
// units and indicators are only read or refused (a refused request changes nothing); what
// is made here is named with a stamp, units are removed and indicators archived at the end.

const base = inject('baseURL');
const adminPassword = inject('adminPassword');
const stamp = Date.now().toString(36);
const STAMP = stamp.toUpperCase();
const PASSWORD = 'danh-muc-e2e-2026';
// A chi bộ no other test file reads as a whole subtree.
const CELL = 'Chi bộ Đào tạo – Khảo thí';

let admin: SessionFetch;
let rootId: string;
let cellId: string;
const madeUnits: string[] = [];
const madeIndicators: string[] = [];
const closers: (() => Promise<void>)[] = [];

async function json<T>(res: Response, status = 200): Promise<T> {
  const body = await res.text();
  expect(res.status, body).toBe(status);
  return JSON.parse(body) as T;
}

const allUnits = async () => (await json<{ units: UnitDto[] }>(await admin('/api/units'))).units;
const unitById = async (id: string) => (await allUnits()).find((u) => u.id === id);
const allIndicators = async () =>
  (await json<{ indicators: IndicatorDto[] }>(await admin('/api/indicators'))).indicators;
const indicatorByCode = async (code: string) => (await allIndicators()).find((i) => i.code === code);

async function newUnit(name: string, parentId: string, kind = 'don_vi') {
  const res = await admin('/api/units', { method: 'POST', body: JSON.stringify({ parentId, name, kind }) });
  const { unit } = await json<{ unit: UnitDto }>(res, 201);
  madeUnits.push(unit.id);
  return unit;
}

async function newIndicator(code: string, name: string) {
  const res = await admin('/api/indicators', {
    method: 'POST',
    body: JSON.stringify({ code, name, unitLabel: 'người', kind: 'count' }),
  });
  const { indicator } = await json<{ indicator: IndicatorDto }>(res, 201);
  madeIndicators.push(indicator.code);
  return indicator;
}

/** A page in a browser of its own, signed in, on the catalogue. */
async function catalogueAs(username: string, password: string, viewport = { width: 1366, height: 900 }) {
  const own = await launchBrowser();
  closers.push(own.close);
  const page = await own.browser.newPage();
  await page.setViewportSize(viewport);
  await signIn(page, username, password);
  await page.getByRole('navigation').getByRole('link', { name: 'Danh mục' }).click();
  await page.getByRole('heading', { level: 1, name: 'Danh mục' }).waitFor();
  await page.locator('.unit-tree').first().waitFor();
  await page.locator('tr[data-indicator]').first().waitFor();
  return page;
}

/** The row of a unit in the tree (its own line, not the units under it). */
const unitRow = (page: Page, id: string) => page.locator(`li[data-unit-id="${id}"] > .unit-row`);
const unitsSection = (page: Page) =>
  page.locator('section').filter({ has: page.getByRole('heading', { name: /^Đơn vị/ }) });
const indicatorRow = (page: Page, code: string) => page.locator(`tr[data-indicator="${code}"]`);
const statusOf = (section: Locator) => section.locator('p.notice[role="status"]');
/** Which unit, or which indicator, holds the focus now. */
const focusedUnit = (page: Page) =>
  page.evaluate(
    () => document.activeElement?.closest('li[data-unit-id]')?.getAttribute('data-unit-id') ?? null,
  );
const focusedLabel = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);

beforeAll(async () => {
  admin = await apiSession('admin', adminPassword);
  const units = await allUnits();
  rootId = units.find((u) => u.parentId === null)!.id;
  const cell = units.find((u) => u.name === CELL);
  if (!cell) throw new Error(`no unit named ${CELL} in the demo data`);
  cellId = cell.id;
});

afterAll(async () => {
  for (const close of closers) await close();
  // Leave the shared server as it was: units removed (children first), indicators archived.
  for (const id of [...madeUnits].reverse()) await admin(`/api/units/${id}`, { method: 'DELETE' });
  for (const code of madeIndicators)
    await admin(`/api/indicators/${code}`, { method: 'PATCH', body: JSON.stringify({ archived: true }) });
});

describe('units', () => {
  let added: UnitDto;

  it('adds a unit under a chi bộ with the keyboard, refusing an empty name in Vietnamese', async () => {
    const page = await catalogueAs('admin', adminPassword);
    const section = unitsSection(page);
    await unitRow(page, cellId)
      .getByRole('button', { name: `Thêm đơn vị trực thuộc ${CELL}` })
      .click();
    const dialog = page.getByRole('dialog', { name: `Thêm đơn vị trực thuộc ${CELL}` });
    await dialog.waitFor();

    // The name field has the focus; Enter with nothing typed is refused beside the field.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe(await dialog.getByLabel('Tên đơn vị').getAttribute('id'));
    await page.keyboard.press('Enter');
    const nameError = dialog.getByRole('alert');
    await expect.poll(() => nameError.textContent()).toBe('Tên không được để trống.');
    await expect(dialog.getByLabel('Tên đơn vị').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(dialog.getByLabel('Loại đơn vị').inputValue()).resolves.toBe('don_vi');

    const name = `Tổ Công nghệ thông tin ${stamp}`;
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => statusOf(section).textContent()).toBe(`Đã thêm “${name}” trực thuộc “${CELL}”.`);
    // The focus is back on the button that opened the dialog.
    await expect.poll(() => focusedLabel(page)).toBe(`Thêm đơn vị trực thuộc ${CELL}`);

    const stored = (await allUnits()).find((u) => u.name === name);
    expect(stored).toMatchObject({ parentId: cellId, kind: 'don_vi' });
    added = stored!;
    madeUnits.push(added.id);
    // Drawn inside the chi bộ, as its last unit.
    await page.locator(`li[data-unit-id="${cellId}"] li[data-unit-id="${added.id}"]`).waitFor();
  });

  it('renames it and changes its kind', async () => {
    const page = await catalogueAs('admin', adminPassword);
    await unitRow(page, added.id)
      .getByRole('button', { name: `Sửa ${added.name}` })
      .click();
    const dialog = page.getByRole('dialog', { name: `Sửa đơn vị: ${added.name}` });
    const name = `Tổ Tin học – Thư viện ${stamp}`;
    await dialog.getByLabel('Tên đơn vị').fill(name);
    await dialog.getByLabel('Loại đơn vị').selectOption({ label: 'Đoàn thể' });
    await dialog.getByRole('button', { name: 'Lưu', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    await expect.poll(() => unitRow(page, added.id).locator('.unit-name').textContent()).toBe(name);
    await expect(unitRow(page, added.id).locator('.unit-kind').textContent()).resolves.toBe('Đoàn thể');
    expect(await unitById(added.id)).toMatchObject({ name, kind: 'doan_the', parentId: cellId });
    added = (await unitById(added.id))!;
  });

  it('moves it under the Đảng bộ, where it goes last', async () => {
    const page = await catalogueAs('admin', adminPassword);
    await unitRow(page, added.id)
      .getByRole('button', { name: `Chuyển ${added.name} sang đơn vị khác` })
      .click();
    const dialog = page.getByRole('dialog', { name: `Chuyển đơn vị: ${added.name}` });
    const picker = dialog.getByLabel('Trực thuộc đơn vị');
    await expect(picker.inputValue()).resolves.toBe(cellId);
    // Its own subtree is not offered.
    const offered = await picker
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(offered).not.toContain(added.id);
    expect(offered).toContain(rootId);
    await picker.selectOption(rootId);
    await dialog.getByRole('button', { name: 'Chuyển đơn vị' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.locator(`li[data-unit-id="${rootId}"] > ul > li[data-unit-id="${added.id}"]`).waitFor();
    expect(await page.locator(`li[data-unit-id="${cellId}"] li[data-unit-id="${added.id}"]`).count()).toBe(0);
    // The focus follows the unit to its new place.
    await expect.poll(() => focusedUnit(page)).toBe(added.id);
    const units = await allUnits();
    const siblings = units.filter((u) => u.parentId === rootId);
    expect(siblings.at(-1)?.id).toBe(added.id);
  });

  it('moves a unit up among its siblings and keeps the focus on it', async () => {
    const parent = await newUnit(`Khối thử thứ tự ${stamp}`, rootId);
    const first = await newUnit(`Tổ Một ${stamp}`, parent.id);
    const second = await newUnit(`Tổ Hai ${stamp}`, parent.id);
    const page = await catalogueAs('admin', adminPassword);

    const up = unitRow(page, second.id).getByRole('button', { name: `Đưa ${second.name} lên trên` });
    // The first one cannot go higher.
    await expect(
      unitRow(page, first.id)
        .getByRole('button', { name: `Đưa ${first.name} lên trên` })
        .isDisabled(),
    ).resolves.toBe(true);
    await up.focus();
    await page.keyboard.press('Enter');

    await expect
      .poll(async () => (await allUnits()).filter((u) => u.parentId === parent.id).map((u) => u.id))
      .toEqual([second.id, first.id]);
    await expect
      .poll(() =>
        page
          .locator(`li[data-unit-id="${parent.id}"] > ul > li`)
          .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-unit-id'))),
      )
      .toEqual([second.id, first.id]);
    // At the top now: the focus moved to its other arrow, still on the same unit.
    await expect.poll(() => focusedLabel(page)).toBe(`Đưa ${second.name} xuống dưới`);
    expect(await focusedUnit(page)).toBe(second.id);
  });

  it("shows the server's refusal of a move into the unit's own subtree", async () => {
    const parent = (await allUnits()).find((u) => u.name === `Khối thử thứ tự ${stamp}`)!;
    const child = (await allUnits()).find((u) => u.name === `Tổ Một ${stamp}`)!;
    const page = await catalogueAs('admin', adminPassword);
    await unitRow(page, parent.id)
      .getByRole('button', { name: `Chuyển ${parent.name} sang đơn vị khác` })
      .click();
    const dialog = page.getByRole('dialog', { name: `Chuyển đơn vị: ${parent.name}` });
    await dialog.getByLabel('Trực thuộc đơn vị').selectOption(added.id);
    // Meanwhile someone else puts that unit inside the one being moved.
    await json(
      await admin(`/api/units/${added.id}`, {
        method: 'PATCH',
        body: JSON.stringify({ parentId: child.id }),
      }),
    );
    await dialog.getByRole('button', { name: 'Chuyển đơn vị' }).click();

    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toBe(`Không thể chuyển "${parent.name}" vào "${added.name}" vì đơn vị đó nằm trong chính nó.`);
    expect((await unitById(parent.id))?.parentId).toBe(rootId);
    // Put it back where the next test expects it.
    await json(
      await admin(`/api/units/${added.id}`, { method: 'PATCH', body: JSON.stringify({ parentId: rootId }) }),
    );
  });

  it('refuses to remove a chi bộ that holds values, with the reason, and changes nothing', async () => {
    const page = await catalogueAs('admin', adminPassword);
    await unitRow(page, cellId)
      .getByRole('button', { name: `Xóa ${CELL}` })
      .click();
    const dialog = page.getByRole('dialog', { name: `Xóa đơn vị: ${CELL}` });
    // The safe choice has the focus first.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Hủy');
    await dialog.getByRole('button', { name: 'Xóa đơn vị' }).click();

    const reason = dialog.getByTestId('remove-refusal').locator('.catalogue-refusal');
    await expect
      .poll(() => reason.textContent())
      .toMatch(
        new RegExp(
          `^Không thể xóa "${CELL}" vì đơn vị còn \\d+ chỉ tiêu và kết quả đã nhập; hãy xóa số liệu trước\\.$`,
        ),
      );
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Đóng');
    expect(await unitById(cellId)).toMatchObject({ name: CELL, parentId: rootId });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await unitRow(page, cellId).waitFor();
  });

  it('refuses to remove a unit with units under it, naming how many', async () => {
    const parent = (await allUnits()).find((u) => u.name === `Khối thử thứ tự ${stamp}`)!;
    const page = await catalogueAs('admin', adminPassword);
    await unitRow(page, parent.id)
      .getByRole('button', { name: `Xóa ${parent.name}` })
      .click();
    const dialog = page.getByRole('dialog', { name: `Xóa đơn vị: ${parent.name}` });
    await dialog.getByRole('button', { name: 'Xóa đơn vị' }).click();
    await expect
      .poll(() => dialog.getByTestId('remove-refusal').locator('.catalogue-refusal').textContent())
      .toBe(`Không thể xóa "${parent.name}" vì còn 2 đơn vị trực thuộc; hãy chuyển hoặc xóa chúng trước.`);
    expect(await unitById(parent.id)).toBeDefined();
  });

  it('removes an empty unit after asking once more', async () => {
    const page = await catalogueAs('admin', adminPassword);
    const section = unitsSection(page);
    await unitRow(page, added.id)
      .getByRole('button', { name: `Xóa ${added.name}` })
      .click();
    const dialog = page.getByRole('dialog', { name: `Xóa đơn vị: ${added.name}` });
    await dialog.getByRole('button', { name: 'Xóa đơn vị' }).click();
    await dialog.waitFor({ state: 'detached' });

    await expect.poll(() => statusOf(section).textContent()).toBe(`Đã xóa đơn vị “${added.name}”.`);
    expect(await page.locator(`li[data-unit-id="${added.id}"]`).count()).toBe(0);
    expect(await unitById(added.id)).toBeUndefined();
    // The focus lands on its former parent rather than nowhere.
    await expect.poll(() => focusedUnit(page)).toBe(rootId);
    madeUnits.splice(madeUnits.indexOf(added.id), 1);
  });
});

describe('indicators', () => {
  const code = `E2E_XL_${STAMP}`;
  const name = `Xếp loại tổ chuyên môn ${stamp}`;

  it('adds an indicator of kind level with its scale ordered lowest first, refusing a code that exists', async () => {
    const page = await catalogueAs('admin', adminPassword);
    await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm chỉ tiêu' });
    await dialog.waitFor();

    // Typed in lower case, kept in upper case; a code in use is refused beside the field.
    await dialog.getByLabel('Mã chỉ tiêu').fill('dv_htt');
    await expect(dialog.getByLabel('Mã chỉ tiêu').inputValue()).resolves.toBe('DV_HTT');
    await dialog.getByLabel('Tên chỉ tiêu').fill(name);
    await dialog.getByLabel('Đơn vị tính (ĐVT)').fill('mức');
    await dialog.getByLabel('Loại chỉ tiêu').selectOption({ label: 'Mức xếp loại' });
    await dialog.getByLabel('Mức 1 (thấp nhất)').fill('Tốt');
    await dialog.getByLabel('Mức 2 (cao nhất)').fill('Khá');
    // "Khá" is below "Tốt": one place up.
    await dialog.getByRole('button', { name: 'Đưa Khá lên trên' }).click();
    await expect(dialog.getByLabel('Mức 1 (thấp nhất)').inputValue()).resolves.toBe('Khá');
    await dialog.getByRole('button', { name: 'Thêm mức' }).click();
    await dialog.getByLabel('Mức 3 (cao nhất)').fill('Xuất sắc');
    await dialog.getByLabel('Cộng dồn theo kỳ').selectOption({ label: 'Lấy kỳ gần nhất' });
    await dialog.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();

    const codeField = dialog.locator('[data-field="code"]');
    await expect
      .poll(() => codeField.getByRole('alert').textContent())
      .toBe('Mã chỉ tiêu "DV_HTT" đã có; hãy chọn mã khác.');
    expect((await indicatorByCode('DV_HTT'))?.name).not.toBe(name);

    await dialog.getByLabel('Mã chỉ tiêu').fill(code);
    await dialog.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    await dialog.waitFor({ state: 'detached' });
    madeIndicators.push(code);

    const row = indicatorRow(page, code);
    await row.waitFor();
    await expect(row.getByTestId('levels').textContent()).resolves.toBe(
      'Các mức (thấp đến cao): Khá < Tốt < Xuất sắc',
    );
    expect(await indicatorByCode(code)).toMatchObject({
      name,
      unitLabel: 'mức',
      kind: 'level',
      direction: 'higher',
      timeAggregate: 'last',
      levels: ['Khá', 'Tốt', 'Xuất sắc'],
      archived: false,
    });
    // Last in the catalogue.
    expect((await allIndicators()).filter((i) => !i.archived).at(-1)?.code).toBe(code);
  });

  it('binds a ratio to the member ratings only where no other indicator holds that share', async () => {
    const ratioCode = `E2E_TL_${STAMP}`;
    const holder = (await allIndicators()).find((i) => i.memberRating === 'good_or_better')!;
    const page = await catalogueAs('admin', adminPassword);
    await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm chỉ tiêu' });
    await dialog.getByLabel('Mã chỉ tiêu').fill(ratioCode);
    await dialog.getByLabel('Tên chỉ tiêu').fill(`Tỷ lệ đảng viên dự sinh hoạt đầy đủ ${stamp}`);
    await dialog.getByLabel('Đơn vị tính (ĐVT)').fill('%');
    // The binding is offered for a ratio only.
    expect(await dialog.getByLabel('Nhận kết quả từ xếp loại đảng viên').count()).toBe(0);
    await dialog.getByLabel('Loại chỉ tiêu').selectOption('ratio');
    const binding = dialog.getByLabel('Nhận kết quả từ xếp loại đảng viên');
    await binding.selectOption('good_or_better');
    await dialog.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();

    await expect
      .poll(() => dialog.locator('[data-field="memberRating"]').getByRole('alert').textContent())
      .toBe(
        `Chỉ tiêu "${holder.name}" đang nhận tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên từ xếp loại đảng viên; hãy bỏ gắn ở chỉ tiêu đó trước.`,
      );
    expect(await indicatorByCode(ratioCode)).toBeUndefined();

    await binding.selectOption({ label: 'Không gắn' });
    await dialog.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    await dialog.waitFor({ state: 'detached' });
    madeIndicators.push(ratioCode);
    const saved = await indicatorByCode(ratioCode);
    expect(saved).toMatchObject({ kind: 'ratio', unitLabel: '%' });
    expect(saved?.memberRating).toBeUndefined();
    expect((await indicatorByCode(holder.code))?.memberRating).toBe('good_or_better');
    // Archived at once: the next tests reorder the last two indicators.
    await json(
      await admin(`/api/indicators/${ratioCode}`, {
        method: 'PATCH',
        body: JSON.stringify({ archived: true }),
      }),
    );
  });

  it('moves an indicator up one place', async () => {
    const other = await newIndicator(`E2E_SL_${STAMP}`, `Số tổ chuyên môn ${stamp}`);
    const page = await catalogueAs('admin', adminPassword);
    const before = (await allIndicators()).filter((i) => !i.archived).map((i) => i.code);
    expect(before.slice(-2)).toEqual([code, other.code]);

    await indicatorRow(page, other.code)
      .getByRole('button', { name: `Đưa chỉ tiêu ${other.code} lên trên` })
      .click();
    await expect
      .poll(async () => (await allIndicators()).filter((i) => !i.archived).map((i) => i.code))
      .toEqual([...before.slice(0, -2), other.code, code]);
    await expect
      .poll(() =>
        page
          .locator('table:not(.is-archived) tr[data-indicator]')
          .evaluateAll((trs) => trs.map((t) => t.getAttribute('data-indicator'))),
      )
      .toEqual([...before.slice(0, -2), other.code, code]);
    await expect(indicatorRow(page, other.code).locator('td').first().textContent()).resolves.toBe(
      String(before.length - 1),
    );
  });

  it('archives an indicator: shown apart, muted, and restorable', async () => {
    const page = await catalogueAs('admin', adminPassword);
    await indicatorRow(page, code)
      .getByRole('button', { name: `Lưu trữ chỉ tiêu ${code}` })
      .click();

    const archivedRow = page.locator('table.is-archived').locator(`tr[data-indicator="${code}"]`);
    await archivedRow.waitFor();
    await expect(archivedRow.textContent()).resolves.toContain('Đã lưu trữ');
    await page.getByRole('heading', { name: /^Đã lưu trữ \(\d+\)$/ }).waitFor();
    expect(
      await page.locator('table:not(.is-archived)').locator(`tr[data-indicator="${code}"]`).count(),
    ).toBe(0);
    expect((await indicatorByCode(code))?.archived).toBe(true);
    // The focus is on its "Khôi phục", to undo at once.
    await expect.poll(() => focusedLabel(page)).toBe(`Khôi phục chỉ tiêu ${code}`);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Đã lưu trữ' }).textContent())
      .toBe(`Đã lưu trữ chỉ tiêu ${code}; số liệu đã nhập vẫn giữ nguyên.`);

    await page.keyboard.press('Enter');
    await expect.poll(async () => (await indicatorByCode(code))?.archived).toBe(false);
    await page.locator('table:not(.is-archived)').locator(`tr[data-indicator="${code}"]`).waitFor();
    await indicatorRow(page, code)
      .getByRole('button', { name: `Lưu trữ chỉ tiêu ${code}` })
      .click();
    await expect.poll(async () => (await indicatorByCode(code))?.archived).toBe(true);
  });

  it('refuses in Vietnamese, beside the field, to change the kind of an indicator in use', async () => {
    const inUse = (await indicatorByCode('CB_HTT'))!;
    expect(inUse.kind).toBe('count');
    const page = await catalogueAs('admin', adminPassword);
    await indicatorRow(page, 'CB_HTT').getByRole('button', { name: 'Sửa chỉ tiêu CB_HTT' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sửa chỉ tiêu: CB_HTT' });
    const kind = dialog.getByLabel('Loại chỉ tiêu');
    await kind.selectOption({ label: 'Tỷ lệ phần trăm' });
    await dialog.getByRole('button', { name: 'Lưu', exact: true }).click();

    const sentence = `Không thể đổi loại của chỉ tiêu "${inUse.name}" vì đã có chỉ tiêu hoặc kết quả được nhập.`;
    const error = dialog.locator('[data-field="kind"]').getByRole('alert');
    await expect.poll(() => error.textContent()).toBe(sentence);
    await expect(kind.getAttribute('aria-invalid')).resolves.toBe('true');
    const errorId = await error.getAttribute('id');
    await expect(kind.getAttribute('aria-describedby')).resolves.toContain(errorId);
    // The field at fault has the focus; nothing changed on the server.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    expect(await indicatorByCode('CB_HTT')).toEqual(inUse);
  });
});

describe("a chi bộ's committee", () => {
  it('sees only its own subtree among the units, and the indicators without editing them', async () => {
    const username = `dm-capuy-${stamp}`;
    const below = await newUnit(`Tổ đảng Khảo thí ${stamp}`, cellId, 'chi_bo');
    const res = await admin('/api/users', {
      method: 'POST',
      body: JSON.stringify({
        username,
        password: PASSWORD,
        displayName: 'Phạm Thị Cấp Ủy',
        grants: [{ role: 'committee', unitId: cellId }],
      }),
    });
    await json<{ user: UserDto }>(res, 201);

    const page = await catalogueAs(username, PASSWORD, { width: 390, height: 844 });
    const shown = await page
      .locator('li[data-unit-id]')
      .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-unit-id')));
    expect(shown).toEqual([cellId, below.id]);
    expect(await page.getByRole('button', { name: 'Thêm đơn vị cấp cao nhất' }).count()).toBe(0);
    // Its own chi bộ: add under it and edit it, but not move or remove it (that is the Đảng bộ's).
    const own = unitRow(page, cellId);
    await own.getByRole('button', { name: `Thêm đơn vị trực thuộc ${CELL}` }).waitFor();
    await own.getByRole('button', { name: `Sửa ${CELL}` }).waitFor();
    expect(await own.getByRole('button', { name: `Xóa ${CELL}` }).count()).toBe(0);
    expect(await own.getByRole('button', { name: /^Chuyển/ }).count()).toBe(0);
    await unitRow(page, below.id)
      .getByRole('button', { name: `Xóa ${below.name}` })
      .waitFor();

    // The indicators are listed, read only.
    const active = (await allIndicators()).filter((i) => !i.archived);
    await expect
      .poll(() => page.locator('table:not(.is-archived) tr[data-indicator]').count())
      .toBe(active.length);
    expect(await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Sửa chỉ tiêu/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Lưu trữ chỉ tiêu/ }).count()).toBe(0);
    await page
      .getByText('Chỉ người quản trị hoặc cấp ủy cấp cao nhất mới sửa được danh mục chỉ tiêu.')
      .waitFor();
    // At phone width the page does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // And the server refuses it all the same.
    const committee = await apiSession(username, PASSWORD);
    const refused = await committee('/api/indicators/CB_HTT', {
      method: 'PATCH',
      body: JSON.stringify({ name: 'Đổi tên trái phép' }),
    });
    expect(refused.status).toBe(403);
  });

  it('is not offered to a viewer, and says why when opened by its address', async () => {
    const username = `dm-xem-${stamp}`;
    await json(
      await admin('/api/users', {
        method: 'POST',
        body: JSON.stringify({ username, password: PASSWORD, grants: [{ role: 'viewer', unitId: rootId }] }),
      }),
      201,
    );
    const own = await launchBrowser();
    closers.push(own.close);
    const page = await own.browser.newPage();
    await signIn(page, username, PASSWORD);
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Danh mục' }).count()).toBe(0);
    await page.goto(`${base}/danh-muc`);
    await page.getByText('Bạn không có quyền sửa danh mục đơn vị và chỉ tiêu.').waitFor();
    expect(await page.locator('li[data-unit-id]').count()).toBe(0);
  });
});
