import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';

/** GET /api/indicators: the catalogue of indicators, in their order. */
export const indicatorsQueryOptions = () =>
  queryOptions({
    queryKey: ['indicators'],
    queryFn: ({ signal }) => unwrap(api.api.indicators.$get(undefined, { init: { signal } })),
    staleTime: 5 * 60_000,
  });

export function useIndicators() {
  return useQuery(indicatorsQueryOptions());
}
