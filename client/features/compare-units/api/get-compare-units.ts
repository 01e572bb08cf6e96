import { apiQuery, useChosenQuery } from '../../../components/queries/api-query';
import { api, unwrap } from '../../../lib/api';

export interface CompareUnitsParams {
  parent: string;
  period: string;
}

/**
 * GET /api/compare/units: the scorecard of the units under `parent` for one period, one cell
 * per indicator that any of them holds.
 */
export const compareUnitsQueryOptions = apiQuery('compare-units', (query: CompareUnitsParams, init) =>
  unwrap(api.api.compare.units.$get({ query }, init)),
);

/** Keeps the previous scorecard on screen, dimmed, while the next unit or period loads. */
export const useCompareUnits = (params: CompareUnitsParams | null) =>
  useChosenQuery(compareUnitsQueryOptions, params, { parent: '', period: '' }, { keep: true });
