import { useMutation, useQueryClient } from '@tanstack/react-query';
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

export function useDeleteResult() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteResult, onSuccess: () => invalidateValueViews(queryClient) });
}
