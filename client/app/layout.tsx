import { type AnyRoute, useRouter } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { MeDto } from '../../shared/accounts';
import { Emblem } from '../components/ui/emblem';
import { AccountMenu } from '../features/auth/components/account-menu';
import { useFollowLink } from '../lib/navigation';
import { type NavPage, SiteNav } from './site-nav';

/** The frame of every page once signed in: who is signed in, where to go, and the page. */
export function Layout({ me, pathname, children }: { me: MeDto; pathname: string; children: ReactNode }) {
  const followLink = useFollowLink();
  // The pages of the route tree, in its order, that this user may open.
  const pages: NavPage[] = ((useRouter().routeTree.children ?? []) as AnyRoute[]).flatMap((route) => {
    const page = route.options.staticData?.page;
    return page && (page.allowed?.(me) ?? true) ? [{ path: route.fullPath as string, ...page }] : [];
  });
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Bỏ qua, đến nội dung chính
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <a className="brand" href="/" onClick={(e) => followLink(e, '/')}>
            <Emblem />
            <span className="brand-text">
              <span className="brand-name">Chỉ tiêu</span>
              <span className="brand-subtitle">Theo dõi chỉ tiêu nghị quyết</span>
            </span>
            <span className="visually-hidden">, về Bảng chỉ tiêu</span>
          </a>
          <AccountMenu me={me} />
        </div>
        <SiteNav pages={pages} pathname={pathname} />
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
