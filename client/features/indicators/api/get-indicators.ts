import { useQuery } from '@tanstack/react-query';
import { apiQuery } from '../../../components/queries/api-query';
import { api, unwrap } from '../../../lib/api';

/** GET /api/indicators: the catalogue of indicators, in their order. */
export const indicatorsQueryOptions = apiQuery(
  'indicators',
  (_: undefined, init) => unwrap(api.api.indicators.$get(undefined, init)),
  { staleTime: 5 * 60_000 },
);

export const useIndicators = () => useQuery(indicatorsQueryOptions(undefined));
