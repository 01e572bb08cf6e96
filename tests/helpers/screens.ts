import type { Page } from 'playwright-core';

// The app's screens as the browser tests go through them all: their paths, their names in the
// navigation, the heading each opens with, and what a screen must be at a phone's width.

/** A phone: the width of an iPhone 12–15, the measure. */
export const PHONE = { width: 390, height: 844 };

export interface Screen {
  path: string;
  /** Its name in the navigation. */
  name: string;
  /** Its level-1 heading once shown (the unit and period follow the name on most). */
  heading: RegExp;
}

/** Every screen of the app, in the navigation's order. */
export const SCREENS: Screen[] = [
  { path: '/', name: 'Bảng chỉ tiêu', heading: / — Năm \d{4}$/ },
  { path: '/so-sanh-ky', name: 'So sánh kỳ', heading: /^So sánh theo kỳ: / },
  { path: '/so-sanh-don-vi', name: 'So sánh đơn vị', heading: /^So sánh (các )?đơn vị/ },
  { path: '/trinh-chieu', name: 'Trình chiếu', heading: /^Trình chiếu: / },
  { path: '/bao-cao', name: 'Báo cáo', heading: /^Báo cáo: / },
  { path: '/giao-chi-tieu', name: 'Giao chỉ tiêu', heading: /^Giao chỉ tiêu: / },
  { path: '/chi-tieu-chu-yeu', name: 'Chỉ tiêu chủ yếu', heading: /^Chỉ tiêu chủ yếu: / },
  { path: '/xep-loai-dang-vien', name: 'Xếp loại đảng viên', heading: /^Xếp loại đảng viên: / },
  { path: '/bao-cao-ket-qua', name: 'Báo cáo kết quả', heading: /^Báo cáo kết quả: / },
  { path: '/nhap-xuat', name: 'Nhập, xuất Excel', heading: /^Nhập, xuất Excel$/ },
  { path: '/nguoi-dung', name: 'Người dùng', heading: /^Người dùng$/ },
  { path: '/danh-muc', name: 'Danh mục', heading: /^Danh mục$/ },
];

/** The screens at `paths`, in the navigation's order. */
export const screensAt = (paths: string[]) => SCREENS.filter((s) => paths.includes(s.path));

/** The screen at `path`. */
export function screenAt(path: string): Screen {
  const found = SCREENS.find((s) => s.path === path);
  if (!found) throw new Error(`no screen at ${path}`);
  return found;
}

/**
 * Waits until the screen has drawn what it reads: no request under way, its heading there,
 * no skeleton or spinner left.
 */
export async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.skeleton, .loading'));
}

/** Opens `path` on `page` and waits until it has settled. */
export async function openScreen(page: Page, base: string, path: string) {
  await page.goto(base + path);
  await settle(page);
}

/** How wide the document is against the window, and what sticks out past its right edge. */
export interface Sideways {
  scrollWidth: number;
  clientWidth: number;
  /** The outermost elements past the right edge that no scrolling box of their own holds. */
  culprits: string[];
}

/** The document's width against the window's, with what makes it wider when it is. */
export function sideways(page: Page): Promise<Sideways> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const clientWidth = root.clientWidth;
    const culprits: string[] = [];
    const describe = (el: Element) =>
      el.tagName.toLowerCase() +
      (el.id ? `#${el.id}` : '') +
      Array.from(el.classList)
        .map((c) => `.${c}`)
        .join('');
    // A box that scrolls or clips on its own holds what it contains, but not what is
    // positioned against a box outside it, nor what is fixed to the window.
    const heldInside = (el: Element) => {
      const position = getComputedStyle(el).position;
      if (position === 'fixed') return false;
      const against = position === 'absolute' && el instanceof HTMLElement ? el.offsetParent : null;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (against && !a.contains(against)) continue;
        if (
          getComputedStyle(a).overflowX !== 'visible' &&
          a.getBoundingClientRect().right <= clientWidth + 0.5
        )
          return true;
      }
      return false;
    };
    if (root.scrollWidth > clientWidth) {
      const named: Element[] = [];
      for (const el of Array.from(document.body.querySelectorAll('*'))) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.right <= clientWidth + 0.5 || heldInside(el)) continue;
        // Only the outermost: an element inside one already named is the same trouble.
        if (named.some((n) => n.contains(el))) continue;
        named.push(el);
        culprits.push(`${describe(el)} (right edge at ${Math.round(box.right)} px)`);
        if (culprits.length === 8) break;
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth, culprits };
  });
}
