import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';

export interface TargetLinesParams {
  unit: string;
  period: string;
}

/**
 * GET /api/target-lines: the ordered "chỉ tiêu chủ yếu" of one unit and period, each judged
 * by the server from its parts, with the summary and the version to send back when saving.
 */
export const targetLinesQueryOptions = ({ unit, period }: TargetLinesParams) =>
  queryOptions({
    queryKey: ['target-lines', { unit, period }],
    queryFn: ({ signal }) =>
      unwrap(api.api['target-lines'].$get({ query: { unit, period } }, { init: { signal } })),
    // The editor starts from what is stored now, with its current version.
    staleTime: 0,
  });

export function useTargetLines(params: TargetLinesParams | null) {
  return useQuery({
    ...targetLinesQueryOptions(params ?? { unit: '', period: '' }),
    enabled: params !== null,
  });
}
