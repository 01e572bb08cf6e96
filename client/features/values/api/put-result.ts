import { useWrite } from '../../../components/queries/api-query';
import { api, unwrap } from '../../../lib/api';
import { invalidateValueViews } from '../../../lib/invalidate-value-views';

export interface PutResultInput {
  unitId: string;
  code: string;
  period: string;
  /** `value` for count, percent and level; `numerator` and `denominator` for a ratio. */
  send: ({ value: string } | { numerator: number; denominator: number }) & { note: string };
  /** The version read; the server answers 409 when someone saved in between. */
  version?: number | undefined;
}

/** PUT /api/results/:unitId/:code/:period: reports a result (kết quả) with its evidence note. */
export const putResult = ({ unitId, code, period, send, version }: PutResultInput) =>
  unwrap(
    api.api.results[':unitId'][':code'][':period'].$put({
      param: { unitId, code, period },
      json: version === undefined ? send : { ...send, version },
    }),
  );

export const usePutResult = () => useWrite(putResult, invalidateValueViews);
