import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';

export interface CompareOverviewParams {
  unit: string;
  /** Period codes in the order to show, at most 20. */
  periods: string[];
}

/** GET /api/compare/periods/all: every indicator the unit holds, judged in each period. */
export const compareOverviewQueryOptions = ({ unit, periods }: CompareOverviewParams) =>
  queryOptions({
    queryKey: ['compare-periods-all', { unit, periods: periods.join(',') }],
    queryFn: ({ signal }) =>
      unwrap(
        api.api.compare.periods.all.$get(
          { query: { unit, periods: periods.join(',') } },
          { init: { signal } },
        ),
      ),
    // Values edited on another screen are not announced to this view: read it again each time.
    staleTime: 0,
  });

/** Keeps the previous table on screen, dimmed, while the next choice loads. */
export function useCompareOverview(params: CompareOverviewParams | null) {
  return useQuery({
    ...compareOverviewQueryOptions(params ?? { unit: '', periods: [] }),
    enabled: params !== null,
    placeholderData: keepPreviousData,
  });
}
