import { apiQuery, useChosenQuery } from '../../../components/queries/api-query';
import { api, unwrap } from '../../../lib/api';

export interface CompareOverviewParams {
  unit: string;
  /** Period codes in the order to show, at most 20. */
  periods: string[];
}

/** GET /api/compare/periods/all: every indicator the unit holds, judged in each period. */
export const compareOverviewQueryOptions = apiQuery(
  'compare-periods-all',
  ({ unit, periods }: CompareOverviewParams, init) =>
    unwrap(api.api.compare.periods.all.$get({ query: { unit, periods: periods.join(',') } }, init)),
  // Values edited on another screen are not announced to this view: read it again each time.
  { staleTime: 0 },
);

/** Keeps the previous table on screen, dimmed, while the next choice loads. */
export const useCompareOverview = (params: CompareOverviewParams | null) =>
  useChosenQuery(compareOverviewQueryOptions, params, { unit: '', periods: [] }, { keep: true });
