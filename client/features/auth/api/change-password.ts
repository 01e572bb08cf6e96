import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { changePasswordBody } from '../../../../shared/accounts';
import { api, unwrap } from '../../../lib/api';

export type ChangePasswordInput = z.input<typeof changePasswordBody>;

/** POST /api/auth/password: one's own password; the other sessions of the user end. */
export const changePassword = (body: ChangePasswordInput) =>
  unwrap(api.api.auth.password.$post({ json: body }));

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
