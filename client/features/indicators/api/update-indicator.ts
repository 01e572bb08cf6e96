import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { patchIndicatorBody } from '../../../../shared/schemas/indicators';
import { api, unwrap } from '../../../lib/api';
import { invalidateIndicatorViews } from './invalidate-indicator-views';

export type UpdateIndicatorInput = { code: string; body: z.input<typeof patchIndicatorBody> };

/**
 * PATCH /api/indicators/:code: any field but the code, its place (`position`) and whether it
 * is archived. Refusals to show beside their field: 409 `indicator_in_use` (the kind of an
 * indicator with values), `level_in_use`, `member_rating_taken`.
 */
export const updateIndicator = ({ code, body }: UpdateIndicatorInput) =>
  unwrap(api.api.indicators[':code'].$patch({ param: { code }, json: body }));

export function useUpdateIndicator() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateIndicator, onSuccess: () => invalidateIndicatorViews(queryClient) });
}

/** Several PATCHes one after the other (two indicators swapping places), read back once. */
export function useUpdateIndicators() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (changes: UpdateIndicatorInput[]) => {
      try {
        for (const change of changes) await updateIndicator(change);
      } finally {
        await invalidateIndicatorViews(queryClient);
      }
    },
  });
}
