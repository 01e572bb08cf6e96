import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';
import { meQueryKey } from './get-me';

/** POST /api/auth/logout: ends the session and clears the cookie. */
export const logout = () => unwrap(api.api.auth.logout.$post());

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    // Signed out on this screen even if the server could not be told: what was read stays
    // with this session, and the next person at the computer sees only the sign-in page.
    // The ['me'] query itself stays, emptied, as the app is watching it.
    onSettled: () => {
      queryClient.setQueryData(meQueryKey, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
    },
  });
}
