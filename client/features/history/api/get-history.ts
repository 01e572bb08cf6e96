import { useQuery } from '@tanstack/react-query';
import { apiQuery } from '../../../components/queries/api-query';
import { api, unwrap } from '../../../lib/api';

export interface HistoryParams {
  unit: string;
  period: string;
  code?: string;
}

/** GET /api/history: the changes of a unit (and period, indicator), newest first. */
export const historyQueryOptions = apiQuery(
  'history',
  ({ unit, period, code }: HistoryParams, init) =>
    unwrap(api.api.history.$get({ query: code ? { unit, period, code } : { unit, period } }, init)),
  { staleTime: 0 },
);

export function useHistory(params: HistoryParams) {
  return useQuery(historyQueryOptions(params));
}
