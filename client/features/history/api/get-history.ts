import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';

export interface HistoryParams {
  unit: string;
  period: string;
  code?: string;
}

/** GET /api/history: the changes of a unit (and period, indicator), newest first. */
export const historyQueryOptions = ({ unit, period, code }: HistoryParams) =>
  queryOptions({
    queryKey: ['history', { unit, period, code }],
    queryFn: ({ signal }) =>
      unwrap(
        api.api.history.$get(
          { query: code ? { unit, period, code } : { unit, period } },
          { init: { signal } },
        ),
      ),
    staleTime: 0,
  });

export function useHistory(params: HistoryParams) {
  return useQuery(historyQueryOptions(params));
}
