import { Link } from '@tanstack/react-router';
import { type FocusEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { NAV_GROUPS, type NavGroup, type PageInfo } from './routes';

/** A page the signed-in user may open, as the navigation lists it. */
export type NavPage = PageInfo & { path: string };

const NAV_ID = 'app-nav';

/**
 * Every page the signed-in user may open, by group. On a wide screen, the two rows under the
 * header; on a phone, a panel behind the "Trình đơn" button: it opens with the focus on its
 * first link, and closes on Esc, on a link chosen, on a tap outside it or when the focus
 * leaves it, the focus back on the button (or on the new page, which takes it).
 */
export function SiteNav({ pages, pathname }: { pages: NavPage[]; pathname: string }) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const navRef = useRef<HTMLElement>(null);
  const ids = useId();

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }, []);

  // Another page (a link, Back, Forward): the panel has done its work.
  // biome-ignore lint/correctness/useExhaustiveDependencies: it closes when the path changes.
  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    navRef.current?.querySelector<HTMLElement>('a[href]')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      close(true);
    };
    // A tap anywhere but the panel and its button closes it; the veil over the page takes
    // the tap, so nothing under it is pressed by the way. On the click, not the press: the
    // press has moved the focus by then, and the button takes it back.
    const onClick = (e: MouseEvent) => {
      const target = e.target as Node;
      if (navRef.current?.contains(target) || buttonRef.current?.contains(target)) return;
      close(true);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('click', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onClick);
    };
  }, [open, close]);

  // Tab past the last link: the focus went elsewhere, the panel closes rather than cover it.
  const onBlur = (e: FocusEvent) => {
    const to = e.relatedTarget as Node | null;
    if (!open || !to || navRef.current?.contains(to) || buttonRef.current?.contains(to)) return;
    setOpen(false);
  };

  // A link chosen: the new page takes the focus (root.tsx); if the page stays (the same one,
  // or leaving was cancelled), the button has it back.
  const chosen = () => {
    setOpen(false);
    requestAnimationFrame(() => {
      const at = document.activeElement;
      if (!at || at === document.body || navRef.current?.contains(at)) buttonRef.current?.focus();
    });
  };

  const current = pages.find((p) => p.path === pathname);
  return (
    <>
      <div className="app-menu-bar">
        <button
          ref={buttonRef}
          type="button"
          className="app-menu-button"
          aria-expanded={open}
          aria-controls={NAV_ID}
          onClick={() => (open ? close(true) : setOpen(true))}
        >
          <MenuIcon open={open} />
          Trình đơn
        </button>
        {current && <span className="app-menu-current">{current.navTitle ?? current.title}</span>}
      </div>
      {open && <div className="app-menu-veil" aria-hidden="true" />}
      <nav
        id={NAV_ID}
        ref={navRef}
        className={`app-nav${open ? ' is-open' : ''}`}
        aria-label="Các trang"
        onBlur={onBlur}
      >
        <div className="app-nav-inner">
          {(Object.keys(NAV_GROUPS) as NavGroup[]).map((group) => {
            const links = pages.filter((p) => p.group === group);
            if (links.length === 0) return null;
            const nameId = `${ids}-${group}`;
            return (
              <div key={group} className="app-nav-section">
                <p className="app-nav-group-name" id={nameId}>
                  {NAV_GROUPS[group]}
                </p>
                <ul className="app-nav-group" aria-labelledby={nameId}>
                  {links.map((p) => (
                    <li key={p.path}>
                      <Link
                        className="app-nav-link"
                        to={p.path}
                        activeOptions={{ exact: true, includeSearch: false }}
                        activeProps={{}}
                        onClick={chosen}
                      >
                        {p.navTitle ?? p.title}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </div>
      </nav>
    </>
  );
}

/** Three lines, or a cross while the panel is open. */
function MenuIcon({ open }: { open: boolean }) {
  return (
    <svg className="app-menu-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
      <path
        d={open ? 'M6 6l12 12M18 6L6 18' : 'M4 7h16M4 12h16M4 17h16'}
        fill="none"
        stroke="currentColor"
        strokeWidth="2.25"
        strokeLinecap="round"
      />
    </svg>
  );
}
