import { useWrite } from '../../../components/queries/api-query';
import { api, unwrap } from '../../../lib/api';
import { invalidateValueViews } from '../../../lib/invalidate-value-views';

export interface DeleteResultInput {
  unitId: string;
  code: string;
  period: string;
}

/** DELETE /api/results/:unitId/:code/:period: removes a reported result. */
export const deleteResult = ({ unitId, code, period }: DeleteResultInput) =>
  unwrap(api.api.results[':unitId'][':code'][':period'].$delete({ param: { unitId, code, period } }));

export const useDeleteResult = () => useWrite(deleteResult, invalidateValueViews);
