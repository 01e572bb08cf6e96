import { apiQuery, useChosenQuery } from '../../../components/queries/api-query';
import { api, unwrap } from '../../../lib/api';

export interface DashboardUnitsParams {
  parent: string;
  code: string;
  period: string;
}

/** GET /api/dashboard/units: one indicator for every child unit, the data of the chart. */
export const dashboardUnitsQueryOptions = apiQuery('dashboard-units', (query: DashboardUnitsParams, init) =>
  unwrap(api.api.dashboard.units.$get({ query }, init)),
);

export const useDashboardUnits = (params: DashboardUnitsParams) =>
  useChosenQuery(dashboardUnitsQueryOptions, params, params, { keep: true });
