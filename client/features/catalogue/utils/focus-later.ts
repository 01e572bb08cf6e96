/**
 * Gives the focus to the element `selector` finds once React has drawn it and no modal
 * dialog holds the page any more: after a row moved, or once the thing whose button had the
 * focus is gone. Tries for a few frames, then falls back to `fallback`.
 */
export function focusLater(selector: string, fallback?: string, frames = 30): void {
  const attempt = (left: number) => {
    const el = document.querySelector<HTMLElement>(selector);
    if (el && !el.hasAttribute('disabled')) {
      el.focus();
      if (document.activeElement === el) return;
    }
    if (left > 0) {
      requestAnimationFrame(() => attempt(left - 1));
      return;
    }
    if (fallback) document.querySelector<HTMLElement>(fallback)?.focus();
  };
  requestAnimationFrame(() => attempt(frames));
}
