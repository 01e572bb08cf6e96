import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { loginBody } from '../../../../shared/accounts';
import { api, unwrap } from '../../../lib/api';
import { meQueryKey } from './get-me';

export type LoginInput = z.input<typeof loginBody>;

/** POST /api/auth/login: sets the session cookie and answers who signed in. */
export const login = (body: LoginInput) => unwrap(api.api.auth.login.$post({ json: body }));

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: async ({ user }) => {
      // Nothing read under another session may show: drop it all, then show the app.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, user);
      await queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
    },
  });
}
