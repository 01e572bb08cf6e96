import {
  type AnyValidator,
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  type RouteComponent,
} from '@tanstack/react-router';
import type { MeDto } from '../../shared/accounts';
import { holds } from '../../shared/rights';
import { DashboardPage } from './dashboard-page';
import { NotFound, PageError, PagePending, Root } from './root';
import {
  comparePeriodsSearch,
  compareUnitsSearch,
  conferenceSearch,
  dashboardSearch,
  parseSearch,
  stringifySearch,
  unitPeriodSearch,
} from './search';

// Every page of the app, routed by TanStack Router: its path, what its address may say (a zod
// schema of its search parameters, search.ts), and, as the route's static data, its name in
// the navigation, its group there and who may open it. The layout draws the navigation from
// this tree, in this order, so a new page is one route here.

export type NavGroup = 'follow' | 'enter' | 'admin';

export const NAV_GROUPS: Record<NavGroup, string> = {
  follow: 'Theo dõi',
  enter: 'Nhập số liệu',
  admin: 'Quản trị',
};

export interface PageInfo {
  /** The name in the navigation and in the window's title. */
  title: string;
  /** A shorter name for the navigation, when the title is long. */
  navTitle?: string;
  /** Where it sits in the navigation: following progress, entering figures, or keeping the app. */
  group: NavGroup;
  /**
   * Whether the signed-in user may open it, from the rights the server states (shared/rights.ts
   * and `me.can`); hidden from the navigation otherwise. Everyone when absent.
   */
  allowed?: (me: MeDto) => boolean;
  /** Why it is refused, when it is. */
  refusal?: string;
}

declare module '@tanstack/react-router' {
  interface StaticDataRouteOption {
    page?: PageInfo;
  }
  interface Register {
    router: typeof router;
  }
}

const rootRoute = createRootRoute({ component: Root, notFoundComponent: NotFound });

/** A page under the root: its path, what the navigation says of it, what it shows, what its address may say. */
function page<const TPath extends string, TSearch extends AnyValidator = undefined>(
  path: TPath,
  info: PageInfo,
  component: RouteComponent,
  validateSearch?: TSearch,
) {
  return createRoute({
    getParentRoute: () => rootRoute,
    path,
    component,
    validateSearch,
    staticData: { page: info },
  });
}

// The dashboard is the first screen; every other page comes in its own chunk when opened,
// so the first load carries only what the dashboard needs.
const chunks = {
  comparePeriods: lazyRouteComponent(() => import('./compare-periods-page'), 'ComparePeriodsPage'),
  compareUnits: lazyRouteComponent(() => import('./compare-units-page'), 'CompareUnitsPage'),
  conference: lazyRouteComponent(() => import('./conference-page'), 'ConferencePage'),
  report: lazyRouteComponent(() => import('./report-page'), 'ReportPage'),
  targets: lazyRouteComponent(() => import('./targets-page'), 'TargetsPage'),
  targetLines: lazyRouteComponent(() => import('./target-lines-page'), 'TargetLinesPage'),
  memberRatings: lazyRouteComponent(() => import('./member-ratings-page'), 'MemberRatingsPage'),
  results: lazyRouteComponent(() => import('./results-page'), 'ResultsPage'),
  importExport: lazyRouteComponent(() => import('./import-export-page'), 'ImportExportPage'),
  users: lazyRouteComponent(() => import('./users-page'), 'UsersPage'),
  catalogue: lazyRouteComponent(() => import('./catalogue-page'), 'CataloguePage'),
};

const follow = (title: string, navTitle?: string): PageInfo => ({ title, navTitle, group: 'follow' });

const routeTree = rootRoute.addChildren([
  page('/', follow('Bảng chỉ tiêu'), DashboardPage, dashboardSearch),
  page('/so-sanh-ky', follow('So sánh theo kỳ', 'So sánh kỳ'), chunks.comparePeriods, comparePeriodsSearch),
  page('/so-sanh-don-vi', follow('So sánh đơn vị'), chunks.compareUnits, compareUnitsSearch),
  // The review conference's slides: everyone who may read the lines may show them.
  page('/trinh-chieu', follow('Trình chiếu'), chunks.conference, conferenceSearch),
  page('/bao-cao', follow('Báo cáo'), chunks.report, unitPeriodSearch),
  // Those who plan somewhere (committees, admins) set targets.
  page(
    '/giao-chi-tieu',
    {
      title: 'Giao chỉ tiêu',
      group: 'enter',
      allowed: (me) => holds(me.grants, 'plan'),
      refusal: 'Việc giao chỉ tiêu do cấp ủy thực hiện; tài khoản của bạn không có quyền này.',
    },
    chunks.targets,
    unitPeriodSearch,
  ),
  // Everyone reads them; those who plan for the unit write them (rights.can('plan', unit)).
  page(
    '/chi-tieu-chu-yeu',
    { title: 'Chỉ tiêu chủ yếu', group: 'enter' },
    chunks.targetLines,
    unitPeriodSearch,
  ),
  // Everyone reads them; those who report for the unit save them (rights.can('report', unit)).
  page(
    '/xep-loai-dang-vien',
    { title: 'Xếp loại đảng viên', group: 'enter' },
    chunks.memberRatings,
    unitPeriodSearch,
  ),
  page(
    '/bao-cao-ket-qua',
    {
      title: 'Báo cáo kết quả',
      group: 'enter',
      allowed: (me) => holds(me.grants, 'report'),
      refusal: 'Tài khoản của bạn chỉ được xem, không báo cáo kết quả.',
    },
    chunks.results,
    unitPeriodSearch,
  ),
  // Reading is enough to export; the page is for those who enter figures, and each row of an
  // import is checked against the rights of its unit.
  page(
    '/nhap-xuat',
    {
      title: 'Nhập, xuất Excel',
      group: 'enter',
      allowed: (me) => holds(me.grants, 'report'),
      refusal: 'Tài khoản của bạn chỉ được xem, không nhập số liệu.',
    },
    chunks.importExport,
    unitPeriodSearch,
  ),
  page(
    '/nguoi-dung',
    {
      title: 'Người dùng',
      group: 'admin',
      allowed: (me) => me.can.manageUsers,
      refusal: 'Bạn không có quyền quản lý người dùng.',
    },
    chunks.users,
  ),
  // Those who manage units (committees, admins) keep the units of their subtree; the
  // indicators are for those who keep them.
  page(
    '/danh-muc',
    {
      title: 'Danh mục',
      group: 'admin',
      allowed: (me) => me.can.manageIndicators || holds(me.grants, 'manage'),
      refusal: 'Bạn không có quyền sửa danh mục đơn vị và chỉ tiêu.',
    },
    chunks.catalogue,
  ),
]);

export const router = createRouter({
  routeTree,
  // The address holds plain text (?period=2021, not ?period=%222021%22), as links and
  // bookmarks always had it; each page's schema reads it.
  parseSearch,
  stringifySearch,
  // A page that fails says so in Vietnamese, inside the app's frame.
  defaultErrorComponent: PageError,
  // A page whose code is still coming says so at once, as its chunk loads.
  defaultPendingComponent: PagePending,
  defaultPendingMs: 0,
  defaultPendingMinMs: 0,
  // Back and Forward return to where the page was scrolled; a new page opens at its top.
  scrollRestoration: true,
});
