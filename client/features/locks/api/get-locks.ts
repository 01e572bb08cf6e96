import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';

/** GET /api/locks: the locks that bear on a unit (its own, those above it and below it). */
export const locksQueryOptions = (unit: string) =>
  queryOptions({
    queryKey: ['locks', { unit }],
    queryFn: ({ signal }) => unwrap(api.api.locks.$get({ query: { unit } }, { init: { signal } })),
  });

export function useLocks(unit: string | undefined) {
  return useQuery({ ...locksQueryOptions(unit ?? ''), enabled: !!unit });
}
