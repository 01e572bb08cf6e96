import type { Locator, Page } from 'playwright-core';
import { inject } from 'vitest';
import type { IndicatorDto } from '../../shared/schemas/indicators';
import type { UnitDto } from '../../shared/schemas/units';
import { admin, Browsers, createUnit, DESKTOP, json, loadDemo, root, stamp, unitIdOf, units } from './e2e';

// The catalogue page ("Danh mục") in Chromium against the real server with the demo data:
// units added, renamed, moved, reordered and removed; indicators added, reordered, archived;
// refusals shown with the server's reasons. Other test files share this server, so the demo
// units and indicators are only read or refused (a refused request changes nothing); what
// is made here is named with a stamp, units are removed and indicators archived at the end.
// This file holds what the three files of tests/e2e/catalogue/ share: each opens with
// `beforeAll(openCatalogue)` and ends with `afterAll(leaveCatalogue)`.

export { admin, stamp };

export const adminPassword = inject('adminPassword');
export const STAMP = stamp.toUpperCase();
export const PASSWORD = 'danh-muc-e2e-2026';
// A chi bộ no other test file reads as a whole subtree.
export const CELL = 'Chi bộ Đào tạo – Khảo thí';

export let rootId: string;
export let cellId: string;
export const madeUnits: string[] = [];
export const madeIndicators: string[] = [];
export const browsers = new Browsers();

export const allUnits = async () => (await json<{ units: UnitDto[] }>(await admin('/api/units'))).units;
export const unitById = async (id: string) => (await allUnits()).find((u) => u.id === id);
export const allIndicators = async () =>
  (await json<{ indicators: IndicatorDto[] }>(await admin('/api/indicators'))).indicators;
export const indicatorByCode = async (code: string) => (await allIndicators()).find((i) => i.code === code);

export async function newUnit(name: string, parentId: string, kind = 'don_vi') {
  const unit = await createUnit(admin, { parentId, name, kind });
  madeUnits.push(unit.id);
  return unit;
}

export async function newIndicator(code: string, name: string) {
  const res = await admin('/api/indicators', {
    method: 'POST',
    body: JSON.stringify({ code, name, unitLabel: 'người', kind: 'count' }),
  });
  const { indicator } = await json<{ indicator: IndicatorDto }>(res, 201);
  madeIndicators.push(indicator.code);
  return indicator;
}

/** A page in a browser of its own, signed in, on the catalogue. */
export async function catalogueAs(username: string, password: string, viewport = DESKTOP) {
  const page = await browsers.signedIn(username, password, viewport);
  // On a phone the screens are behind the menu button.
  const menu = page.getByRole('button', { name: 'Trình đơn', exact: true });
  if (await menu.isVisible()) await menu.click();
  await page
    .getByRole('navigation')
    .getByRole('link', { name: 'Danh mục' })
    .filter({ visible: true })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Danh mục' }).waitFor();
  await page.locator('.unit-tree').first().waitFor();
  await page.locator('tr[data-indicator]').first().waitFor();
  return page;
}

/** The row of a unit in the tree (its own line, not the units under it). */
export const unitRow = (page: Page, id: string) => page.locator(`li[data-unit-id="${id}"] > .unit-row`);
export const unitsSection = (page: Page) =>
  page.locator('section').filter({ has: page.getByRole('heading', { name: /^Đơn vị/ }) });
export const indicatorRow = (page: Page, code: string) => page.locator(`tr[data-indicator="${code}"]`);
export const statusOf = (section: Locator) => section.locator('p.notice[role="status"]');
/** Which unit, or which indicator, holds the focus now. */
export const focusedUnit = (page: Page) =>
  page.evaluate(
    () => document.activeElement?.closest('li[data-unit-id]')?.getAttribute('data-unit-id') ?? null,
  );
export const focusedLabel = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);

export async function openCatalogue() {
  await loadDemo();
  rootId = root.id;
  cellId = unitIdOf(units, CELL);
}

export async function leaveCatalogue() {
  await browsers.closeAll();
  // Leave the shared server as it was: units removed (children first), indicators archived.
  for (const id of [...madeUnits].reverse()) await admin(`/api/units/${id}`, { method: 'DELETE' });
  for (const code of madeIndicators)
    await admin(`/api/indicators/${code}`, { method: 'PATCH', body: JSON.stringify({ archived: true }) });
}
