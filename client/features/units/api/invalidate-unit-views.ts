import type { QueryClient } from '@tanstack/react-query';
import { invalidateValueViews } from '../../../lib/invalidate-value-views';

/**
 * After a unit was added, renamed, moved, reordered or removed: the tree (and with it the
 * rights drawn from it), the users' roles that name units, and every view of values.
 */
export function invalidateUnitViews(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['units'] }),
    queryClient.invalidateQueries({ queryKey: ['users'] }),
    invalidateValueViews(queryClient),
  ]);
}
