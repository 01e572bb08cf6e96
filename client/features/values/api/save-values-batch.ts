import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ValuesBatchBody } from '../../../../shared/schemas/values';
import { api, unwrap } from '../../../lib/api';
import { invalidateValueViews } from '../../../lib/invalidate-value-views';

/**
 * POST /api/values/batch: a screenful of targets and results in one transaction. A refusal
 * is an ApiError; its `body` holds the items at fault (`errors`, `conflicts`).
 */
export const saveValuesBatch = (body: ValuesBatchBody) => unwrap(api.api.values.batch.$post({ json: body }));

export function useSaveValuesBatch() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: saveValuesBatch, onSuccess: () => invalidateValueViews(queryClient) });
}
