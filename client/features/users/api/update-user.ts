import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { patchUserBody, UserDto } from '../../../../shared/accounts';
import { api, unwrap } from '../../../lib/api';
import { meQueryKey } from '../../auth/api/get-me';
import { usersQueryKey } from './get-users';

export type UpdateUserInput = z.input<typeof patchUserBody>;

/**
 * PATCH /api/users/:id: name, password, locked or not, and roles. `grants` replaces only the
 * roles inside the caller's reach; the server keeps the others.
 */
export const updateUser = ({ id, body }: { id: string; body: UpdateUserInput }) =>
  unwrap(api.api.users[':id'].$patch({ param: { id }, json: body }));

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: ({ user }) => {
      queryClient.setQueryData(usersQueryKey, (old: { users: UserDto[] } | undefined) =>
        old ? { users: old.users.map((u) => (u.id === user.id ? user : u)) } : old,
      );
      const me = queryClient.getQueryData<{ id: string } | null>(meQueryKey);
      if (me?.id === user.id) void queryClient.invalidateQueries({ queryKey: meQueryKey });
      return queryClient.invalidateQueries({ queryKey: usersQueryKey });
    },
  });
}
