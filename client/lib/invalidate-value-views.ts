import type { QueryClient } from '@tanstack/react-query';

/**
 * After a target, a result or a lock changed: every view made of them (the dashboards, the
 * chart by units, the entered values, the history, the target lines judged from them and the
 * member ratings with their two results, the comparisons) is read again.
 */
export function invalidateValueViews(queryClient: QueryClient) {
  return Promise.all(
    [
      'dashboard',
      'dashboard-units',
      'values',
      'history',
      'locks',
      'target-lines',
      'member-ratings',
      'compare-periods',
      'compare-periods-all',
      'compare-units',
    ].map((key) => queryClient.invalidateQueries({ queryKey: [key] })),
  );
}
