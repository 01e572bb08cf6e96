import { apiQuery, useChosenQuery } from '../../../components/queries/api-query';
import { api, unwrap } from '../../../lib/api';

export interface ComparePeriodsParams {
  unit: string;
  code: string;
  /** Period codes in the order to show, at most 20. */
  periods: string[];
}

/** GET /api/compare/periods: one indicator of one unit across periods, with the change between them. */
export const comparePeriodsQueryOptions = apiQuery(
  'compare-periods',
  ({ unit, code, periods }: ComparePeriodsParams, init) =>
    unwrap(api.api.compare.periods.$get({ query: { unit, code, periods: periods.join(',') } }, init)),
  // Values edited on another screen are not announced to this view: read it again each time.
  { staleTime: 0 },
);

/** Keeps the previous view on screen, dimmed, while the next choice loads. */
export const useComparePeriods = (params: ComparePeriodsParams | null) =>
  useChosenQuery(comparePeriodsQueryOptions, params, { unit: '', code: '', periods: [] }, { keep: true });
