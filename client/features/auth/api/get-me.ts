import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MeDto } from '../../../../shared/accounts';
import { ApiError, api, unwrap } from '../../../lib/api';

export const meQueryKey = ['me'] as const;

/**
 * GET /api/auth/me: who is signed in and what they may do. Nobody signed in (401) is an
 * answer, not a failure: it resolves to null so the app shows the sign-in page.
 */
export const meQueryOptions = () =>
  queryOptions({
    queryKey: meQueryKey,
    queryFn: async ({ signal }): Promise<MeDto | null> => {
      try {
        const body = await unwrap(api.api.auth.me.$get(undefined, { init: { signal } }));
        return body.user;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 5 * 60_000,
  });

export function useMe() {
  return useQuery(meQueryOptions());
}
