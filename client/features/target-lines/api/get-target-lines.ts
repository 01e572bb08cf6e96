import { apiQuery, useChosenQuery } from '../../../components/queries/api-query';
import { api, unwrap } from '../../../lib/api';

export interface TargetLinesParams {
  unit: string;
  period: string;
}

/**
 * GET /api/target-lines: the ordered "chỉ tiêu chủ yếu" of one unit and period, each judged
 * by the server from its parts, with the summary and the version to send back when saving.
 * The editor starts from what is stored now, with its current version.
 */
export const targetLinesQueryOptions = apiQuery(
  'target-lines',
  (query: TargetLinesParams, init) => unwrap(api.api['target-lines'].$get({ query }, init)),
  { staleTime: 0 },
);

export const useTargetLines = (params: TargetLinesParams | null) =>
  useChosenQuery(targetLinesQueryOptions, params, { unit: '', period: '' });
