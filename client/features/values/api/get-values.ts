import { useQuery } from '@tanstack/react-query';
import { apiQuery } from '../../../components/queries/api-query';
import { api, unwrap } from '../../../lib/api';

export interface ValuesParams {
  unit: string;
  period: string;
}

/**
 * GET /api/values: the targets and results entered for one unit and period, with their
 * versions and notes: what the editor starts from and sends `version` of. It must start from
 * what is stored now, not from a minute ago.
 */
export const valuesQueryOptions = apiQuery(
  'values',
  (query: ValuesParams, init) => unwrap(api.api.values.$get({ query }, init)),
  { staleTime: 0 },
);

export function useValues(params: ValuesParams) {
  return useQuery(valuesQueryOptions(params));
}
