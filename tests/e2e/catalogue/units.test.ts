import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnitDto } from '../../../shared/schemas/units';
import { json } from '../../helpers/e2e';
import {
  admin,
  adminPassword,
  allUnits,
  CELL,
  catalogueAs,
  cellId,
  focusedLabel,
  focusedUnit,
  leaveCatalogue,
  madeUnits,
  newUnit,
  openCatalogue,
  rootId,
  stamp,
  statusOf,
  unitById,
  unitRow,
  unitsSection,
} from '../../helpers/e2e-catalogue';

// The catalogue page ("Danh mục") in Chromium against the real server with the demo data:
// units added, renamed, moved, reordered and removed; indicators added, reordered, archived;
// refusals shown with the server's reasons. Other test files share this server, so the demo
// units and indicators are only read or refused (a refused request changes nothing); what
// is made here is named with a stamp, units are removed and indicators archived at the end.
// This file: units added, renamed, moved, reordered and removed.

beforeAll(openCatalogue);
afterAll(leaveCatalogue);

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
