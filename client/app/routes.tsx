import type { ReactNode } from 'react';
import type { MeDto } from '../../shared/accounts';
import type { Rights } from '../features/auth/utils/use-rights';
import { CataloguePage } from './catalogue-page';
import { DashboardPage } from './dashboard-page';
import { MemberRatingsPage } from './member-ratings-page';
import { ResultsPage } from './results-page';
import { TargetLinesPage } from './target-lines-page';
import { TargetsPage } from './targets-page';
import { UsersPage } from './users-page';

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
  /** Whether the signed-in user may open it; hidden from the navigation otherwise. */
  allowed: (ctx: PageContext) => boolean;
  /** Why it is refused, when it is. */
  refusal: string;
  render: (ctx: PageContext) => ReactNode;
}

export const PATHS = {
  dashboard: '/',
  users: '/nguoi-dung',
  catalogue: '/danh-muc',
  targets: '/giao-chi-tieu',
  results: '/bao-cao-ket-qua',
  targetLines: '/chi-tieu-chu-yeu',
  memberRatings: '/xep-loai-dang-vien',
} as const;

export const ROUTES: AppRoute[] = [
  {
    path: PATHS.dashboard,
    title: 'Bảng chỉ tiêu',
    allowed: () => true,
    refusal: '',
    render: () => <DashboardPage />,
  },
  {
    path: PATHS.targets,
    title: 'Giao chỉ tiêu',
    allowed: ({ me }) => me.grants.some((g) => g.role === 'admin' || g.role === 'committee'),
    refusal: 'Việc giao chỉ tiêu do cấp ủy thực hiện; tài khoản của bạn không có quyền này.',
    render: () => <TargetsPage />,
  },
  {
    path: PATHS.targetLines,
    title: 'Chỉ tiêu chủ yếu',
    // Everyone reads them; those who plan for the unit write them (rights.can('plan', unit)).
    allowed: () => true,
    refusal: '',
    render: () => <TargetLinesPage />,
  },
  {
    path: PATHS.memberRatings,
    title: 'Xếp loại đảng viên',
    // Everyone reads them; those who report for the unit save them (rights.can('report', unit)).
    allowed: () => true,
    refusal: '',
    render: () => <MemberRatingsPage />,
  },
  {
    path: PATHS.results,
    title: 'Báo cáo kết quả',
    allowed: ({ me }) => me.grants.some((g) => g.role !== 'viewer'),
    refusal: 'Tài khoản của bạn chỉ được xem, không báo cáo kết quả.',
    render: () => <ResultsPage />,
  },
  {
    path: PATHS.users,
    title: 'Người dùng',
    allowed: ({ me }) => me.can.manageUsers,
    refusal: 'Bạn không có quyền quản lý người dùng.',
    render: ({ me }) => <UsersPage me={me} />,
  },
  {
    path: PATHS.catalogue,
    title: 'Danh mục',
    // Committees and admins manage units of their subtree; the indicators are for those who keep them.
    allowed: ({ me }) =>
      me.can.manageIndicators || me.grants.some((g) => g.role === 'admin' || g.role === 'committee'),
    refusal: 'Bạn không có quyền sửa danh mục đơn vị và chỉ tiêu.',
    render: ({ me, rights }) => <CataloguePage me={me} rights={rights} />,
  },
];
