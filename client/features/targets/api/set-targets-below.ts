import type { TargetsBelowBody } from '../../../../shared/schemas/values';
import { useWrite } from '../../../components/queries/api-query';
import { api, unwrap } from '../../../lib/api';
import { invalidateValueViews } from '../../../lib/invalidate-value-views';

export type TargetsBelowInput = TargetsBelowBody;

/**
 * POST /api/targets/below → `{written, kept, units}`: the same target for every unit of some
 * kinds below a committee, in one transaction. Refused whole with 403 when a unit is outside
 * the caller's rights, 423 when a period is locked, 422 when the indicator does not apply to a kind.
 */
export const setTargetsBelow = (body: TargetsBelowInput) =>
  unwrap(api.api.targets.below.$post({ query: {}, json: body }));

export const useSetTargetsBelow = () => useWrite(setTargetsBelow, invalidateValueViews);
