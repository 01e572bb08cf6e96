import { type ReactNode, useCallback } from 'react';

/**
 * A box that scrolls on its own (a wide table on a phone) reachable from the keyboard: while
 * its content is larger than the box, it is a stop of the tab order, so the arrow keys scroll
 * it, and, given a `label`, a region named by it that a screen reader announces on arriving;
 * while all of it is in view, neither, so a wide screen gains no empty stop. The ref to give the
 * box; it follows the box's size and its content's.
 */
export function useKeyboardScroll<T extends HTMLElement>(label?: string) {
  return useCallback(
    (box: T | null) => {
      if (!box) return;
      const update = () => {
        const scrolls = box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1;
        if (scrolls === (box.getAttribute('tabindex') === '0')) return;
        if (scrolls) {
          box.tabIndex = 0;
          if (label) {
            box.setAttribute('role', 'region');
            box.setAttribute('aria-label', label);
          }
        } else {
          box.removeAttribute('tabindex');
          if (label) {
            box.removeAttribute('role');
            box.removeAttribute('aria-label');
          }
        }
      };
      update();
      const observer = new ResizeObserver(update);
      observer.observe(box);
      for (const child of Array.from(box.children)) observer.observe(child);
      return () => observer.disconnect();
    },
    [label],
  );
}

/** A box of its own for what may be wider than the screen (a table), scrolled with the keys too. */
export function ScrollBox({
  label,
  className = 'table-wrap',
  children,
}: {
  /** What is in it, said when the focus arrives on it. */
  label: string;
  className?: string;
  children: ReactNode;
}) {
  const ref = useKeyboardScroll<HTMLDivElement>(label);
  return (
    <div ref={ref} className={className}>
      {children}
    </div>
  );
}
