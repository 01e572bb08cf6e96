import type { QueryClient } from '@tanstack/react-query';

/**
 * After a target, a result or a lock changed: every view made of them (the dashboards, the
 * chart by units, the entered values and the history) is read again.
 */
export function invalidateValueViews(queryClient: QueryClient) {
  return Promise.all(
    ['dashboard', 'dashboard-units', 'values', 'history'].map((key) =>
      queryClient.invalidateQueries({ queryKey: [key] }),
    ),
  );
}
