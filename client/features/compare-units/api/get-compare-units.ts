import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';

export interface CompareUnitsParams {
  parent: string;
  period: string;
}

/**
 * GET /api/compare/units: the scorecard of the units under `parent` for one period, one cell
 * per indicator that any of them holds.
 */
export const compareUnitsQueryOptions = ({ parent, period }: CompareUnitsParams) =>
  queryOptions({
    queryKey: ['compare-units', { parent, period }],
    queryFn: ({ signal }) =>
      unwrap(api.api.compare.units.$get({ query: { parent, period } }, { init: { signal } })),
  });

/** Keeps the previous scorecard on screen, dimmed, while the next unit or period loads. */
export function useCompareUnits(params: CompareUnitsParams | null) {
  return useQuery({
    ...compareUnitsQueryOptions(params ?? { parent: '', period: '' }),
    enabled: params !== null,
    placeholderData: keepPreviousData,
  });
}
