import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';

export interface DashboardUnitsParams {
  parent: string;
  code: string;
  period: string;
}

/** GET /api/dashboard/units: one indicator for every child unit, the data of the chart. */
export const dashboardUnitsQueryOptions = ({ parent, code, period }: DashboardUnitsParams) =>
  queryOptions({
    queryKey: ['dashboard-units', { parent, code, period }],
    queryFn: ({ signal }) =>
      unwrap(api.api.dashboard.units.$get({ query: { parent, code, period } }, { init: { signal } })),
  });

export function useDashboardUnits(params: DashboardUnitsParams) {
  return useQuery({ ...dashboardUnitsQueryOptions(params), placeholderData: keepPreviousData });
}
