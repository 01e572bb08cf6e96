import { lazy, type ReactNode } from 'react';
import type { MeDto } from '../../shared/accounts';
import type { Rights } from '../features/auth/utils/use-rights';
import { DashboardPage } from './dashboard-page';

// The dashboard is the first screen; every other page comes in its own chunk when opened,
// so the first load carries only what the dashboard needs.
const CataloguePage = lazy(() => import('./catalogue-page').then((m) => ({ default: m.CataloguePage })));
const ComparePeriodsPage = lazy(() =>
  import('./compare-periods-page').then((m) => ({ default: m.ComparePeriodsPage })),
);
const CompareUnitsPage = lazy(() =>
  import('./compare-units-page').then((m) => ({ default: m.CompareUnitsPage })),
);
const ConferencePage = lazy(() => import('./conference-page').then((m) => ({ default: m.ConferencePage })));
const ImportExportPage = lazy(() =>
  import('./import-export-page').then((m) => ({ default: m.ImportExportPage })),
);
const MemberRatingsPage = lazy(() =>
  import('./member-ratings-page').then((m) => ({ default: m.MemberRatingsPage })),
);
const ReportPage = lazy(() => import('./report-page').then((m) => ({ default: m.ReportPage })));
const ResultsPage = lazy(() => import('./results-page').then((m) => ({ default: m.ResultsPage })));
const TargetLinesPage = lazy(() =>
  import('./target-lines-page').then((m) => ({ default: m.TargetLinesPage })),
);
const TargetsPage = lazy(() => import('./targets-page').then((m) => ({ default: m.TargetsPage })));
const UsersPage = lazy(() => import('./users-page').then((m) => ({ default: m.UsersPage })));

// Every page of the app: its path, its name in the navigation, who it is for, and what it
// shows. The layout draws the navigation from this table and the app picks the page from it,
// so a new page is one entry here.

export interface PageContext {
  me: MeDto;
  rights: Rights;
}

export interface AppRoute {
  path: string;
  /** The name in the navigation and in the window's title. */
  title: string;
  /** A shorter name for the navigation, when the title is long. */
  navTitle?: string;
  /** Where it sits in the navigation: following progress, entering figures, or keeping the app. */
  group: NavGroup;
  /** Whether the signed-in user may open it; hidden from the navigation otherwise. */
  allowed: (ctx: PageContext) => boolean;
  /** Why it is refused, when it is. */
  refusal: string;
  render: (ctx: PageContext) => ReactNode;
}

export type NavGroup = 'follow' | 'enter' | 'admin';

export const NAV_GROUPS: Record<NavGroup, string> = {
  follow: 'Theo dõi',
  enter: 'Nhập số liệu',
  admin: 'Quản trị',
};

export const PATHS = {
  dashboard: '/',
  users: '/nguoi-dung',
  catalogue: '/danh-muc',
  targets: '/giao-chi-tieu',
  results: '/bao-cao-ket-qua',
  targetLines: '/chi-tieu-chu-yeu',
  memberRatings: '/xep-loai-dang-vien',
  comparePeriods: '/so-sanh-ky',
  compareUnits: '/so-sanh-don-vi',
  importExport: '/nhap-xuat',
  conference: '/trinh-chieu',
  report: '/bao-cao',
} as const;

export const ROUTES: AppRoute[] = [
  {
    path: PATHS.dashboard,
    group: 'follow',
    title: 'Bảng chỉ tiêu',
    allowed: () => true,
    refusal: '',
    render: () => <DashboardPage />,
  },
  {
    path: PATHS.comparePeriods,
    group: 'follow',
    title: 'So sánh theo kỳ',
    navTitle: 'So sánh kỳ',
    allowed: () => true,
    refusal: '',
    render: () => <ComparePeriodsPage />,
  },
  {
    path: PATHS.compareUnits,
    group: 'follow',
    title: 'So sánh đơn vị',
    allowed: () => true,
    refusal: '',
    render: () => <CompareUnitsPage />,
  },
  {
    path: PATHS.conference,
    group: 'follow',
    title: 'Trình chiếu',
    // The review conference's slides: everyone who may read the lines may show them.
    allowed: () => true,
    refusal: '',
    render: () => <ConferencePage />,
  },
  {
    path: PATHS.report,
    group: 'follow',
    title: 'Báo cáo',
    allowed: () => true,
    refusal: '',
    render: () => <ReportPage />,
  },
  {
    path: PATHS.targets,
    group: 'enter',
    title: 'Giao chỉ tiêu',
    allowed: ({ me }) => me.grants.some((g) => g.role === 'admin' || g.role === 'committee'),
    refusal: 'Việc giao chỉ tiêu do cấp ủy thực hiện; tài khoản của bạn không có quyền này.',
    render: () => <TargetsPage />,
  },
  {
    path: PATHS.targetLines,
    group: 'enter',
    title: 'Chỉ tiêu chủ yếu',
    // Everyone reads them; those who plan for the unit write them (rights.can('plan', unit)).
    allowed: () => true,
    refusal: '',
    render: () => <TargetLinesPage />,
  },
  {
    path: PATHS.memberRatings,
    group: 'enter',
    title: 'Xếp loại đảng viên',
    // Everyone reads them; those who report for the unit save them (rights.can('report', unit)).
    allowed: () => true,
    refusal: '',
    render: () => <MemberRatingsPage />,
  },
  {
    path: PATHS.results,
    group: 'enter',
    title: 'Báo cáo kết quả',
    allowed: ({ me }) => me.grants.some((g) => g.role !== 'viewer'),
    refusal: 'Tài khoản của bạn chỉ được xem, không báo cáo kết quả.',
    render: () => <ResultsPage />,
  },
  {
    path: PATHS.importExport,
    group: 'enter',
    title: 'Nhập, xuất Excel',
    // Reading is enough to export; the page is for those who enter figures, and each row of
    // an import is checked against the rights of its unit.
    allowed: ({ me }) => me.grants.some((g) => g.role !== 'viewer'),
    refusal: 'Tài khoản của bạn chỉ được xem, không nhập số liệu.',
    render: () => <ImportExportPage />,
  },
  {
    path: PATHS.users,
    group: 'admin',
    title: 'Người dùng',
    allowed: ({ me }) => me.can.manageUsers,
    refusal: 'Bạn không có quyền quản lý người dùng.',
    render: ({ me }) => <UsersPage me={me} />,
  },
  {
    path: PATHS.catalogue,
    group: 'admin',
    title: 'Danh mục',
    // Committees and admins manage units of their subtree; the indicators are for those who keep them.
    allowed: ({ me }) =>
      me.can.manageIndicators || me.grants.some((g) => g.role === 'admin' || g.role === 'committee'),
    refusal: 'Bạn không có quyền sửa danh mục đơn vị và chỉ tiêu.',
    render: ({ me, rights }) => <CataloguePage me={me} rights={rights} />,
  },
];
