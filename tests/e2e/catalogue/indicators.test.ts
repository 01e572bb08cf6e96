import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from '../../helpers/e2e';
import {
  admin,
  adminPassword,
  allIndicators,
  catalogueAs,
  focusedLabel,
  indicatorByCode,
  indicatorRow,
  leaveCatalogue,
  madeIndicators,
  newIndicator,
  openCatalogue,
  STAMP,
  stamp,
} from '../../helpers/e2e-catalogue';

// The catalogue page ("Danh mục") in Chromium against the real server with the demo data:
// units added, renamed, moved, reordered and removed; indicators added, reordered, archived;
// refusals shown with the server's reasons. Other test files share this server, so the demo
// units and indicators are only read or refused (a refused request changes nothing); what
// is made here is named with a stamp, units are removed and indicators archived at the end.
// This file: indicators added, bound, reordered, archived, refused.

beforeAll(openCatalogue);
afterAll(leaveCatalogue);

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
