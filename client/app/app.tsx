import { Suspense, useEffect, useRef } from 'react';
import type { MeDto } from '../../shared/accounts';
import { EmptyState } from '../components/ui/empty-state';
import { ErrorState } from '../components/ui/error-state';
import { Loading } from '../components/ui/loading';
import { useMe } from '../features/auth/api/get-me';
import { SignInPage } from '../features/auth/components/sign-in-page';
import { useRights } from '../features/auth/utils/use-rights';
import { followLink, usePathname } from '../lib/location';
import { Layout } from './layout';
import { Providers } from './providers';
import { PATHS, ROUTES } from './routes';

export function App() {
  return (
    <Providers>
      <Gate />
    </Providers>
  );
}

/** Nobody signed in: the sign-in page, whatever the address; else the page the path names. */
function Gate() {
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
  const raw = usePathname();
  const pathname = raw.length > 1 ? raw.replace(/\/+$/, '') : raw;

  // A new page: the focus goes to its content, as after a full load, for keyboards and readers.
  const shownPath = useRef(pathname);
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    document.getElementById('main')?.focus();
    window.scrollTo(0, 0);
  }, [pathname]);

  return (
    <Layout me={me} pathname={pathname}>
      <Page me={me} pathname={pathname} />
    </Layout>
  );
}

function Page({ me, pathname }: { me: MeDto; pathname: string }) {
  const rights = useRights();
  const route = ROUTES.find((r) => r.path === pathname);
  if (!route)
    return <NotHere title="Không tìm thấy trang" message="Địa chỉ này không có trang nào của Chỉ tiêu." />;
  const ctx = { me, rights };
  if (!route.allowed(ctx)) return <NotHere title={route.title} message={route.refusal} />;
  return (
    <Suspense fallback={<Loading label={`Đang mở trang ${route.title}…`} />}>{route.render(ctx)}</Suspense>
  );
}

function NotHere({ title, message }: { title: string; message: string }) {
  useEffect(() => {
    document.title = `${title} · Chỉ tiêu`;
  }, [title]);
  return (
    <div className="page-stack">
      <h1 className="page-title">{title}</h1>
      <div className="card">
        <EmptyState
          hint={
            <a href={PATHS.dashboard} onClick={(e) => followLink(e, PATHS.dashboard)}>
              Về Bảng chỉ tiêu
            </a>
          }
        >
          {message}
        </EmptyState>
      </div>
    </div>
  );
}
