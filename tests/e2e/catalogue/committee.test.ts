import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { UserDto } from '../../../shared/accounts';
import { apiSession, json, signIn } from '../../helpers/e2e';
import {
  admin,
  allIndicators,
  browsers,
  CELL,
  catalogueAs,
  cellId,
  leaveCatalogue,
  newUnit,
  openCatalogue,
  PASSWORD,
  rootId,
  stamp,
  unitRow,
} from '../../helpers/e2e-catalogue';

// The catalogue page ("Danh mục") in Chromium against the real server with the demo data:
// units added, renamed, moved, reordered and removed; indicators added, reordered, archived;
// refusals shown with the server's reasons. Other test files share this server, so the demo
// units and indicators are only read or refused (a refused request changes nothing); what
// is made here is named with a stamp, units are removed and indicators archived at the end.
// This file: what a chi bộ's committee and a viewer are offered.

const base = inject('baseURL');

beforeAll(openCatalogue);
afterAll(leaveCatalogue);

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
    const page = await browsers.page();
    await signIn(page, username, PASSWORD);
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Danh mục' }).count()).toBe(0);
    await page.goto(`${base}/danh-muc`);
    await page.getByText('Bạn không có quyền sửa danh mục đơn vị và chỉ tiêu.').waitFor();
    expect(await page.locator('li[data-unit-id]').count()).toBe(0);
  });
});
