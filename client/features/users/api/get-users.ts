import { useQuery } from '@tanstack/react-query';
import { apiQuery } from '../../../components/queries/api-query';
import { api, unwrap } from '../../../lib/api';

export const usersQueryKey = ['users'] as const;

/** GET /api/users: the users inside the signed-in user's reach, with their roles. */
export const usersQueryOptions = apiQuery('users', (_: undefined, init) =>
  unwrap(api.api.users.$get(undefined, init)),
);

export const useUsers = () => useQuery(usersQueryOptions(undefined));
