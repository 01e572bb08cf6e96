import { type CSSProperties, type ReactNode, useEffect, useRef, useState } from 'react';
import './scroll-table.css';

/** Whether a box's content is wider than the box, and whether it is scrolled to either end. */
function useOverflow<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [state, setState] = useState({ wide: false, atStart: true, atEnd: true, sticky: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const wide = el.scrollWidth > el.clientWidth + 1;
      const atStart = el.scrollLeft <= 1;
      const atEnd = el.scrollLeft + el.clientWidth >= el.scrollWidth - 1;
      // The columns that stay (sticky, from the first): the shadow of what scrolled past starts at their edge.
      let sticky = 0;
      const row = el.querySelector('tr');
      for (const cell of row ? [...row.children] : []) {
        if (getComputedStyle(cell).position !== 'sticky') break;
        sticky = Math.max(
          sticky,
          Math.round(cell.getBoundingClientRect().right - el.getBoundingClientRect().left),
        );
      }
      setState((s) =>
        s.wide === wide && s.atStart === atStart && s.atEnd === atEnd && s.sticky === sticky
          ? s
          : { wide, atStart, atEnd, sticky },
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    el.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener('scroll', measure);
    };
  }, []);
  return [ref, state] as const;
}

/**
 * A table wider than the screen scrolls sideways in its own box, never the page: its first
 * column (the names) stays in view, a shadow on an edge shows there is more that way, and a
 * line above it says to swipe. On a screen wide enough, none of this shows. The box takes the
 * focus, so the arrow keys scroll it too.
 */
export function ScrollTable({
  label,
  className,
  boxClassName,
  children,
}: {
  /** What the table is, for the box a screen reader lands on. */
  label: string;
  className?: string;
  /** The classes of the box that scrolls, beside its own. */
  boxClassName?: string;
  children: ReactNode;
}) {
  const [ref, { wide, atStart, atEnd, sticky }] = useOverflow<HTMLElement>();
  const edges = `${wide && !atStart ? ' more-before' : ''}${wide && !atEnd ? ' more-after' : ''}`;
  return (
    <div
      className={`scroll-table${wide ? ' is-wide' : ''}${edges}${className ? ` ${className}` : ''}`}
      style={{ '--sticky-width': `${sticky}px` } as CSSProperties}
    >
      {wide && (
        <p className="scroll-hint" data-testid="scroll-hint">
          <span aria-hidden="true">↔ </span>Vuốt ngang để xem thêm
        </p>
      )}
      <div className="scroll-table-frame">
        {/* Named, and so a region, and reached by the keyboard only when it scrolls. */}
        <section
          ref={ref}
          className={`table-wrap scroll-table-box${boxClassName ? ` ${boxClassName}` : ''}`}
          aria-label={wide ? label : undefined}
          tabIndex={wide ? 0 : undefined}
        >
          {children}
        </section>
      </div>
    </div>
  );
}
