import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';

export const usersQueryKey = ['users'] as const;

/** GET /api/users: the users inside the signed-in user's reach, with their roles. */
export const usersQueryOptions = () =>
  queryOptions({
    queryKey: usersQueryKey,
    queryFn: ({ signal }) => unwrap(api.api.users.$get(undefined, { init: { signal } })),
  });

export function useUsers() {
  return useQuery(usersQueryOptions());
}
