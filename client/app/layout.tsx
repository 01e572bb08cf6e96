import { type AnyRoute, Link, useRouter } from '@tanstack/react-router';
import { type ReactNode, useEffect, useRef } from 'react';
import type { MeDto } from '../../shared/accounts';
import { Emblem } from '../components/ui/emblem';
import { AccountMenu } from '../features/auth/components/account-menu';
import { useFollowLink } from '../lib/navigation';
import { NAV_GROUPS, type NavGroup } from './routes';

/** The frame of every page once signed in: who is signed in, where to go, and the page. */
export function Layout({ me, pathname, children }: { me: MeDto; pathname: string; children: ReactNode }) {
  const followLink = useFollowLink();
  // The pages of the route tree, in its order, that this user may open.
  const pages = ((useRouter().routeTree.children ?? []) as AnyRoute[]).flatMap((route) => {
    const page = route.options.staticData?.page;
    return page && (page.allowed?.(me) ?? true) ? [{ path: route.fullPath as string, ...page }] : [];
  });
  // On a phone the pages scroll sideways: the current one is brought into view, not left
  // hidden past the edge.
  const navRef = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the current link moves with the path.
  useEffect(() => {
    const nav = navRef.current;
    const current = nav?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!nav || !current || nav.scrollWidth <= nav.clientWidth) return;
    nav.scrollLeft = current.offsetLeft - (nav.clientWidth - current.offsetWidth) / 2;
  }, [pathname]);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Bỏ qua, đến nội dung chính
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <a
            className="brand"
            href="/"
            aria-label="Chỉ tiêu, về Bảng chỉ tiêu"
            onClick={(e) => followLink(e, '/')}
          >
            <Emblem />
            <span className="brand-text">
              <span className="brand-name">Chỉ tiêu</span>
              <span className="brand-subtitle">Theo dõi chỉ tiêu nghị quyết</span>
            </span>
          </a>
          <AccountMenu me={me} />
        </div>
        <nav className="app-nav" aria-label="Các trang">
          <div className="app-nav-inner" ref={navRef}>
            {(Object.keys(NAV_GROUPS) as NavGroup[]).map((group) => {
              const links = pages.filter((p) => p.group === group);
              if (links.length === 0) return null;
              return (
                <ul key={group} className="app-nav-group" aria-label={NAV_GROUPS[group]}>
                  {links.map((p) => (
                    <li key={p.path}>
                      <Link
                        className="app-nav-link"
                        to={p.path}
                        activeOptions={{ exact: true, includeSearch: false }}
                        activeProps={{}}
                      >
                        {p.navTitle ?? p.title}
                      </Link>
                    </li>
                  ))}
                </ul>
              );
            })}
          </div>
        </nav>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="app-footer">
        <p>Chỉ tiêu · Theo dõi chỉ tiêu nghị quyết của Đảng bộ và các đơn vị trực thuộc</p>
      </footer>
    </div>
  );
}
