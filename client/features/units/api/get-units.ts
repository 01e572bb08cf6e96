import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';

/** GET /api/units: every unit, parents before their children. */
export const unitsQueryOptions = () =>
  queryOptions({
    queryKey: ['units'],
    queryFn: ({ signal }) => unwrap(api.api.units.$get(undefined, { init: { signal } })),
    // The organisation changes rarely.
    staleTime: 5 * 60_000,
  });

export function useUnits() {
  return useQuery(unitsQueryOptions());
}
