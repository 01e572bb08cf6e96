import { useQuery } from '@tanstack/react-query';
import { apiQuery } from '../../../components/queries/api-query';
import { api, unwrap } from '../../../lib/api';

/** GET /api/units: every unit, parents before their children. The organisation changes rarely. */
export const unitsQueryOptions = apiQuery(
  'units',
  (_: undefined, init) => unwrap(api.api.units.$get(undefined, init)),
  {
    staleTime: 5 * 60_000,
  },
);

export const useUnits = () => useQuery(unitsQueryOptions(undefined));
