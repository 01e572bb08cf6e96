import { apiQuery, useChosenQuery } from '../../../components/queries/api-query';
import { api, unwrap } from '../../../lib/api';

export interface DashboardParams {
  unit: string;
  period: string;
}

/** GET /api/dashboard: targets, results and statuses of one unit for one period. */
export const dashboardQueryOptions = apiQuery('dashboard', (query: DashboardParams, init) =>
  unwrap(api.api.dashboard.$get({ query }, init)),
);

/** Keeps the previous table on screen, dimmed, while the next unit or period loads. */
export const useDashboard = (params: DashboardParams | null) =>
  useChosenQuery(dashboardQueryOptions, params, { unit: '', period: '' }, { keep: true });
