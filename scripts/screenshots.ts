// Screenshots of the app's screens at desktop and phone widths, to look at before a
// change with a screen is called done:
//   SHOTS_USER=admin SHOTS_PASSWORD=… npx tsx scripts/screenshots.ts http://127.0.0.1:3000 .tmp/shots "/?period=2025"
// Without SHOTS_USER the pages are taken as a visitor who is not signed in. A path may end with
// "!" and selectors to click in turn once the page is loaded, to show a dialog or an open list:
//   "/danh-muc!tr[data-indicator=CB_HTT] button:has-text('Sửa')" (the file is named by the path).
// A width where a selector is not visible (the phone's "Trình đơn" on a desktop) is skipped.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../tests/helpers/browser';

const [base = 'http://127.0.0.1:3000', out = '.tmp/shots', ...paths] = process.argv.slice(2);
const widths = [
  { name: 'desktop', width: 1366, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

mkdirSync(out, { recursive: true });
const { browser, close } = await launchBrowser();
try {
  const user = process.env.SHOTS_USER;
  if (user) {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    await page.getByLabel('Tên đăng nhập').fill(user);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(process.env.SHOTS_PASSWORD ?? '');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    await page.close();
  }
  for (const path of paths.length ? paths : ['/']) {
    for (const w of widths) {
      const page = await browser.newPage();
      await page.setViewportSize({ width: w.width, height: w.height });
      const [address = '/', ...clicks] = path.split('!');
      await page.goto(base + address, { waitUntil: 'networkidle' });
      let shown = true;
      for (const selector of clicks) {
        const target = page.locator(selector).first();
        // What only one width has (the phone's "Trình đơn") is not taken at the other.
        if (!(await target.isVisible())) {
          shown = false;
          break;
        }
        await target.click();
        await page.waitForLoadState('networkidle');
      }
      if (!shown) {
        console.log(`${path}: not shown at ${w.name} width, skipped`);
        await page.close();
        continue;
      }
      await page.waitForTimeout(800); // charts animate in
      const file = join(out, `${path.replace(/[^a-z0-9]+/gi, '_').slice(0, 90) || 'home'}-${w.name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
      // A tall phone page shrinks to nothing when viewed whole: also save it a screen at a time.
      if (w.name === 'phone') {
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        for (let y = 0, i = 1; y < height; y += w.height, i++) {
          const part = file.replace(/\.png$/, `-${i}.png`);
          const clip = { x: 0, y, width: w.width, height: Math.min(w.height, height - y) };
          await page.screenshot({ path: part, fullPage: true, clip });
          console.log(part);
        }
      }
      await page.close();
    }
  }
} finally {
  await close();
}
