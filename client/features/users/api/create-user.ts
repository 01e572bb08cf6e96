import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createUserBody } from '../../../../shared/accounts';
import { api, unwrap } from '../../../lib/api';
import { usersQueryKey } from './get-users';

export type CreateUserInput = z.input<typeof createUserBody>;

/** POST /api/users: a new account with its roles. */
export const createUser = (body: CreateUserInput) => unwrap(api.api.users.$post({ json: body }));

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}
