import { useWrite } from '../../../components/queries/api-query';
import { api, unwrap } from '../../../lib/api';
import { invalidateValueViews } from '../../../lib/invalidate-value-views';

export interface PutTargetInput {
  unitId: string;
  code: string;
  period: string;
  /** A plain decimal ("103.5") or a level's name. */
  value: string;
  /** The version read; the server answers 409 when someone saved in between. */
  version?: number | undefined;
}

/** PUT /api/targets/:unitId/:code/:period: sets the target (kế hoạch); committee and admin. */
export const putTarget = ({ unitId, code, period, value, version }: PutTargetInput) =>
  unwrap(
    api.api.targets[':unitId'][':code'][':period'].$put({
      param: { unitId, code, period },
      json: version === undefined ? { value } : { value, version },
    }),
  );

export const usePutTarget = () => useWrite(putTarget, invalidateValueViews);
