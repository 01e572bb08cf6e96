import { useWrite } from '../../../components/queries/api-query';
import { api, unwrap } from '../../../lib/api';
import { invalidateValueViews } from '../../../lib/invalidate-value-views';

export interface LockPeriodInput {
  unitId: string;
  period: string;
  note?: string | undefined;
}

/**
 * PUT /api/locks/:unitId/:period: closes the period (and the periods inside it) for the
 * unit and every unit under it, after its review conference; committee and admin.
 */
export const lockPeriod = ({ unitId, period, note }: LockPeriodInput) =>
  unwrap(api.api.locks[':unitId'][':period'].$put({ param: { unitId, period }, json: note ? { note } : {} }));

export const useLockPeriod = () => useWrite(lockPeriod, invalidateValueViews);
