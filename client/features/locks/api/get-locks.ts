import { apiQuery, useChosenQuery } from '../../../components/queries/api-query';
import { api, unwrap } from '../../../lib/api';

/** GET /api/locks: the locks that bear on a unit (its own, those above it and below it). */
export const locksQueryOptions = apiQuery('locks', (query: { unit: string }, init) =>
  unwrap(api.api.locks.$get({ query }, init)),
);

export const useLocks = (unit: string | undefined) =>
  useChosenQuery(locksQueryOptions, unit ? { unit } : null, { unit: '' });
