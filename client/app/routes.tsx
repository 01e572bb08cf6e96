import type { ReactNode } from 'react';
import type { MeDto } from '../../shared/accounts';
import type { Rights } from '../features/auth/utils/use-rights';
import { DashboardPage } from './dashboard-page';
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
    path: PATHS.users,
    title: 'Người dùng',
    allowed: ({ me }) => me.can.manageUsers,
    refusal: 'Bạn không có quyền quản lý người dùng.',
    render: ({ me }) => <UsersPage me={me} />,
  },
];
