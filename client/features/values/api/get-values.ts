import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';

export interface ValuesParams {
  unit: string;
  period: string;
}

/**
 * GET /api/values: the targets and results entered for one unit and period, with their
 * versions and notes: what the editor starts from and sends `version` of.
 */
export const valuesQueryOptions = ({ unit, period }: ValuesParams) =>
  queryOptions({
    queryKey: ['values', { unit, period }],
    queryFn: ({ signal }) => unwrap(api.api.values.$get({ query: { unit, period } }, { init: { signal } })),
    // The editor must start from what is stored now, not from a minute ago.
    staleTime: 0,
  });

export function useValues(params: ValuesParams) {
  return useQuery(valuesQueryOptions(params));
}
