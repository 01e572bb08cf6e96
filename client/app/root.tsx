import {
  type ErrorComponentProps,
  Link,
  Outlet,
  useLocation,
  useMatch,
  useMatches,
} from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import type { MeDto } from '../../shared/accounts';
import { EmptyState } from '../components/ui/empty-state';
import { ErrorState } from '../components/ui/error-state';
import { Loading } from '../components/ui/loading';
import { useMe } from '../features/auth/api/get-me';
import { SignInPage } from '../features/auth/components/sign-in-page';
import { Layout } from './layout';
import { SignedInProvider, usePageTitle } from './page-state';

/**
 * The root of every route. Nobody signed in: the sign-in page, whatever the address, which
 * stays as it is, so signing in opens the page it names; else that page in the app's frame.
 */
export function Root() {
  const me = useMe();
  if (me.data) return <SignedIn me={me.data} />;
  if (me.isError)
    return (
      <div className="gate">
        <ErrorState title="Không mở được Chỉ tiêu" error={me.error} onRetry={() => me.refetch()} />
      </div>
    );
  if (me.isPending)
    return (
      <div className="gate">
        <Loading label="Đang mở Chỉ tiêu…" />
      </div>
    );
  return <SignInPage />;
}

function SignedIn({ me }: { me: MeDto }) {
  const pathname = useLocation({ select: (l) => l.pathname });

  // A new page: the focus goes to its content, as after a full load, for keyboards and readers.
  const shownPath = useRef(pathname);
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <SignedInProvider value={me}>
      <Layout me={me} pathname={pathname}>
        <Allowed me={me} />
      </Layout>
    </SignedInProvider>
  );
}

/** The page, or why the signed-in user may not open it. */
function Allowed({ me }: { me: MeDto }) {
  const page = useMatches({ select: (matches) => matches.at(-1)?.staticData.page });
  if (page?.allowed && !page.allowed(me)) return <NotHere title={page.title} message={page.refusal ?? ''} />;
  return <Outlet />;
}

export function NotFound() {
  return <NotHere title="Không tìm thấy trang" message="Địa chỉ này không có trang nào của Chỉ tiêu." />;
}

function NotHere({ title, message }: { title: string; message: string }) {
  usePageTitle(title);
  return (
    <div className="page-stack">
      <h1 className="page-title">{title}</h1>
      <div className="card">
        <EmptyState hint={<Link to="/">Về Bảng chỉ tiêu</Link>}>{message}</EmptyState>
      </div>
    </div>
  );
}

/** A page that failed while showing: what went wrong, in Vietnamese, and a way to try again. */
export function PageError({ error, reset }: ErrorComponentProps) {
  return <ErrorState title="Không mở được trang này" error={error} onRetry={reset} />;
}

/** While a page's code is coming. */
export function PagePending() {
  const title = useMatch({ strict: false, select: (match) => match.staticData.page?.title });
  return <Loading label={title ? `Đang mở trang ${title}…` : undefined} />;
}
