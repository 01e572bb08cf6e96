import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';

export interface DashboardParams {
  unit: string;
  period: string;
}

/** GET /api/dashboard: targets, results and statuses of one unit for one period. */
export const dashboardQueryOptions = ({ unit, period }: DashboardParams) =>
  queryOptions({
    queryKey: ['dashboard', { unit, period }],
    queryFn: ({ signal }) =>
      unwrap(api.api.dashboard.$get({ query: { unit, period } }, { init: { signal } })),
  });

/** Keeps the previous table on screen, dimmed, while the next unit or period loads. */
export function useDashboard(params: DashboardParams | null) {
  return useQuery({
    ...dashboardQueryOptions(params ?? { unit: '', period: '' }),
    enabled: params !== null,
    placeholderData: keepPreviousData,
  });
}
