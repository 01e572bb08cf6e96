import type { QueryClient } from '@tanstack/react-query';
import { invalidateValueViews } from '../../../lib/invalidate-value-views';

/** After the catalogue changed: the indicators and every view that lists them. */
export function invalidateIndicatorViews(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['indicators'] }),
    invalidateValueViews(queryClient),
  ]);
}
