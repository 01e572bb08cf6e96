import { useWrite } from '../../../components/queries/api-query';
import { api, unwrap } from '../../../lib/api';
import { invalidateValueViews } from '../../../lib/invalidate-value-views';

export interface UnlockPeriodInput {
  unitId: string;
  period: string;
  /** Required; written into the history. */
  reason: string;
}

/** DELETE /api/locks/:unitId/:period: reopens a locked period, with the reason. */
export const unlockPeriod = ({ unitId, period, reason }: UnlockPeriodInput) =>
  unwrap(api.api.locks[':unitId'][':period'].$delete({ param: { unitId, period }, json: { reason } }));

export const useUnlockPeriod = () => useWrite(unlockPeriod, invalidateValueViews);
